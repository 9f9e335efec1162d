"""A reader holds a consistent snapshot: what it opened stays readable and unchanged while
imports commit new generations."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from store.records import make_record
from store.store import CableStore
from store.writer import StoreWriter
from tests.store_support import PROJECT, build_store, make_cable

WRITER_SCRIPT = """
import sys
from pathlib import Path
from store.records import make_record
from store.writer import StoreWriter
from tests.store_support import make_cable
with StoreWriter(Path(sys.argv[1]), segment_size=20, commit_interval=0) as writer:
    for n in range(int(sys.argv[2])):
        writer.add(make_record(make_cable(n, references=(f"08TEST{n // 2}",))))
"""


def test_a_reader_keeps_reading_what_it_opened_while_a_writer_commits(tmp_path: Path) -> None:
    directory = build_store(tmp_path / "s", [make_cable(n) for n in range(3)])
    reader = CableStore.open(directory)
    with StoreWriter(directory) as writer:
        writer.add(make_record(make_cable(1, text="Changed.")))
        writer.add(make_record(make_cable(7, references=("08TEST0",))))
    assert reader.count == 3
    assert reader.get_cable("08TEST1") == make_cable(1)
    assert reader.get_cable("08TEST7") is None
    assert reader.references_to("08TEST0") == []
    assert reader.load_catalog().ids == ["08TEST0", "08TEST1", "08TEST2"]
    assert not reader.is_current()
    fresh = CableStore.open(directory)
    assert fresh.count == 4
    assert fresh.get_cable("08TEST1") == make_cable(1, text="Changed.")
    assert fresh.references_to("08TEST0") == ["08TEST7"]


def test_a_reader_outlives_the_deletion_of_its_generation_files(tmp_path: Path) -> None:
    directory = build_store(tmp_path / "s", [make_cable(0), make_cable(1, references=("08TEST0",))])
    reader = CableStore.open(directory)  # nothing loaded yet but the manifest
    for n in (2, 3):
        with StoreWriter(directory) as writer:
            writer.add(make_record(make_cable(n, references=("08TEST0",))))
    generations = sorted(p.name for p in (directory / "generations").iterdir())
    # each writer commits, then compacts the entity index (its own generation)
    assert generations == [
        "000005-catalog.bin",
        "000005-first-page.json",
        "000005-index.json",
        "000005-refs.json",
        "000006-entities.json",
        "000006-postings.bin",
    ]
    assert [row.id for row in reader.first_page()] == ["08TEST0", "08TEST1"]
    assert reader.references_to("08TEST0") == ["08TEST1"]
    assert reader.ids() == ["08TEST0", "08TEST1"]
    assert reader.get_cable("08TEST1") == make_cable(1, references=("08TEST0",))


def test_readers_opened_during_an_import_always_see_a_whole_generation(tmp_path: Path) -> None:
    directory = tmp_path / "s"
    build_store(directory, [make_cable(0)])
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER_SCRIPT, str(directory), "1500"], cwd=PROJECT
    )
    problems: list[str] = []
    generations: set[int] = set()

    def read_repeatedly() -> None:
        while writer.poll() is None:
            store = CableStore.open(directory)
            generations.add(store.generation)
            ids = store.ids()
            catalog = store.load_catalog()
            if not (len(ids) == store.count == len(catalog)):
                problems.append(f"counts differ at generation {store.generation}")
            last = store.get_cable(ids[-1])
            if last is None or last.id != ids[-1]:
                problems.append(f"{ids[-1]} unreadable at generation {store.generation}")
            citing = store.references_to(f"08TEST{(len(ids) - 1) // 2}")
            if not set(citing) <= set(ids):
                problems.append(f"references outside the snapshot at {store.generation}")

    thread = threading.Thread(target=read_repeatedly)
    thread.start()
    thread.join(timeout=120)
    writer.wait(timeout=10)
    assert writer.returncode == 0
    assert problems == []
    assert len(generations) >= 3
    assert CableStore.open(directory).count == 1500
