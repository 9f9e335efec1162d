"""kill -9 at any moment of an import leaves a store that opens and holds exactly the cables
committed before the kill: a prefix of the source, in order."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store.catalog import date_order_key
from store.errors import StoreError
from store.first_page import FIRST_PAGE_ROWS
from store.importer import import_sources
from store.layout import read_manifest
from store.store import CableStore
from tests.store_support import PROJECT, make_csv

IMPORT_SCRIPT = """
import sys
from pathlib import Path
from store.importer import import_sources
import_sources(Path(sys.argv[1]), [sys.argv[2]], workers=2, segment_size=50, commit_interval=0)
"""

WRITER_SCRIPT = """
import sys
from pathlib import Path
from store.records import make_record
from store.writer import StoreWriter
from tests.store_support import make_cable
with StoreWriter(Path(sys.argv[1]), segment_size=7, commit_interval=0) as writer:
    for n in range(int(sys.argv[2])):
        writer.add(make_record(make_cable(n)))
"""


def _generation(directory: Path) -> int:
    try:
        return read_manifest(directory).generation
    except StoreError:
        return 0


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def _all_gone(pids: list[int], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = [pid for pid in pids if Path(f"/proc/{pid}").exists() and not _zombie(pid)]
        if not alive:
            return True
        time.sleep(0.05)
    return False


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return False


def _holds_lock(directory: Path, pid: int) -> bool:
    """Whether the writer of this pid has taken the store's lock (it names its pid there)."""
    try:
        return f'"pid":{pid},' in (directory / "lock").read_text()
    except OSError:
        return False


def _start(script: str, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=PROJECT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _assert_consistent(store: CableStore) -> list[str]:
    ids = store.ids()
    assert len(ids) == store.count
    catalog = store.load_catalog()
    assert catalog.ids == ids
    by_date = sorted(catalog, key=lambda row: date_order_key(row.created, row.id))
    first = store.first_page()  # the generation's first page agrees with its catalog
    assert first == by_date[: len(first)] and len(first) == min(len(ids), FIRST_PAGE_ROWS)
    for cable_id in ids[:: max(1, len(ids) // 25)] + ids[-1:]:
        cable = store.get_cable(cable_id)
        assert cable is not None and cable.id == cable_id
    return ids


@pytest.mark.parametrize("wait_after_commit", [0.0, 0.2])
def test_kill_9_during_an_import_keeps_a_prefix_and_a_re_import_completes_it(
    tmp_path: Path, wait_after_commit: float
) -> None:
    source = make_csv(tmp_path / "cables.csv", 1500)
    directory = tmp_path / "store"
    process = _start(IMPORT_SCRIPT, str(directory), str(source))
    deadline = time.monotonic() + 60
    while _generation(directory) < 3 and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.005)
    time.sleep(wait_after_commit)
    workers = _children(process.pid)
    process.send_signal(signal.SIGKILL)  # the import's own pid, as `kill -9 PID` does
    process.wait()
    assert process.returncode == -signal.SIGKILL
    assert workers and _all_gone(workers)  # the parsing workers die with the importer

    killed = _assert_consistent(CableStore.open(directory))
    assert 0 < len(killed) < 1500

    report = import_sources(directory, [str(source)], workers=2)  # the lock is free again
    final = _assert_consistent(CableStore.open(directory))
    assert final[: len(killed)] == killed
    assert report.unchanged == len(killed)
    assert report.added == len(final) - len(killed)


def test_kills_at_random_moments_of_many_commits_always_leave_a_consistent_prefix(
    tmp_path: Path,
) -> None:
    directory = tmp_path / "store"
    rng = random.Random(4)
    previous: list[str] = []
    for _round in range(5):
        before = _generation(directory)
        process = _start(WRITER_SCRIPT, str(directory), "3000")
        # Kill at a random moment once this writer commits (its start-up time, loaded
        # machines and the text index's commit vary too much for a fixed delay).
        deadline = time.monotonic() + 30
        while _generation(directory) <= before and process.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.005)
        time.sleep(rng.random() * 0.5)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        if not (directory / "manifest.json").exists():
            continue  # killed before the store was created
        ids = _assert_consistent(CableStore.open(directory))
        expected = [f"08TEST{n}" for n in range(len(ids))]
        assert ids == expected
        assert len(ids) >= len(previous)
        previous = ids
    # The next writer removes whatever a killed one left half-written.
    _start(WRITER_SCRIPT, str(directory), "0").wait()
    segments = read_manifest(directory).segments
    # catalog, bodies and entity mentions per segment; index, refs, first page, catalog file,
    # entity index, postings
    assert len(list((directory / "segments").iterdir())) == 3 * segments
    assert len(list((directory / "generations").iterdir())) == (6 if segments else 0)


def _named(pids: list[int], name: str) -> list[int]:
    found = []
    for pid in pids:
        try:
            if Path(f"/proc/{pid}/comm").read_text().strip() == name:
                found.append(pid)
        except OSError:
            continue
    return found


def test_a_parsing_worker_killed_mid_import_stops_it_with_one_line_and_keeps_what_was_stored(
    tmp_path: Path,
) -> None:
    directory = tmp_path / "store"
    before = import_sources(directory, [str(make_csv(tmp_path / "first.csv", 100, seed=2))])
    source = make_csv(tmp_path / "cables.csv", 1500)
    command = [sys.executable, "-m", "tui.cli", "import", str(source), "--store", str(directory)]
    env = {**os.environ, "CABLES_IMPORT_WORKERS": "2"}
    process = subprocess.Popen(
        command, cwd=PROJECT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    parsers: list[int] = []
    while len(parsers) < 2 and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.01)
        parsers = _named(_children(process.pid), "cables-parse")  # what ps and top show
    os.kill(parsers[0], signal.SIGKILL)  # as the kernel's out-of-memory killer would
    _, stderr = process.communicate(timeout=60)  # under multiprocessing.Pool: never returned
    assert process.returncode == 2
    lines = [line for line in stderr.decode().splitlines() if "importing:" not in line]
    assert lines == [
        "cables: a parsing process stopped unexpectedly (killed, or out of memory): "
        "the cables it held are lost; what was stored stays stored"
    ]
    kept = _assert_consistent(CableStore.open(directory))
    assert before.store_count <= len(kept) < before.store_count + 1500
