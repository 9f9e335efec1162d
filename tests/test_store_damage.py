"""A damaged store loses nothing more: a lost manifest is refused, not wiped; checksums name
damaged files (``cables check``); ``cables repair`` rebuilds from the whole segments; a
re-import writes the cables of a damaged segment again; a full disk leaves nothing behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from store.text_index import open_index
from tests.store_support import PROJECT, run_cli

ROW = (
    '"{n}","3/21/2008 5:37","08ASTANA{n}","Embassy Astana","SECRET","",'
    '"R 210537Z MAR 08","SECRET ASTANA {n}\n\n1. (S) Text of cable {n}.\n\n2. (C) More.\nSMITH"\n'
)


def write_csv(path: Path, count: int) -> Path:
    """A cables.csv of ``count`` small cables, 08ASTANA1 .. 08ASTANA<count>."""
    path.write_text("".join(ROW.format(n=n) for n in range(1, count + 1)), encoding="utf-8")
    return path


def imported_store(tmp_path: Path, count: int = 600) -> tuple[Path, Path]:
    """A store holding ``count`` cables (segments of 250), and the csv they came from."""
    source = write_csv(tmp_path / "cables.csv", count)
    store = tmp_path / "store"
    result = run_cli("--store", str(store), "import", str(source))
    assert result.returncode == 0, result.stderr
    return store, source


def store_files(store: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(store)): p.read_bytes()
        for p in sorted(store.rglob("*"))
        if p.is_file() and p.name != "lock"
    }


def _outside_text(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: data for name, data in files.items() if not name.startswith("text/")}


def _text_documents(store: Path) -> int:
    """The cables the store's full-text index holds (as tantivy counts its documents)."""
    index = open_index(store / "text")
    index.reload()
    return int(index.searcher().num_docs)


def damage(path: Path) -> None:
    """Overwrite bytes in the middle of a file (same size: only a checksum notices)."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8] = b"XXXXXXXX"
    path.write_bytes(bytes(data))


def test_an_import_refuses_a_store_without_its_manifest_and_deletes_nothing(
    tmp_path: Path,
) -> None:
    store, source = imported_store(tmp_path)
    (store / "manifest.json").unlink()
    before = store_files(store)
    result = run_cli("--store", str(store), "import", str(source))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "damaged" in lines[0] and "no manifest.json" in lines[0]
    assert f"cables repair --store {store}" in lines[0]
    assert store_files(store) == before
    assert sum(1 for name in before if name.startswith("segments/")) == 9  # 3 files a segment


def test_repair_rebuilds_a_lost_manifest_from_the_segments(tmp_path: Path) -> None:
    store, source = imported_store(tmp_path)
    (store / "manifest.json").unlink()
    repaired = run_cli("--store", str(store), "repair")
    assert repaired.returncode == 0, repaired.stderr
    assert "rebuilt the manifest from 3 whole segments" in repaired.stdout
    assert "holds 600 cables" in repaired.stdout
    shown = run_cli("--store", str(store), "show", "08ASTANA333")
    assert shown.returncode == 0 and "Text of cable 333." in shown.stdout
    assert run_cli("--store", str(store), "check").returncode == 0
    again = run_cli("--store", str(store), "import", str(source))
    assert again.returncode == 0
    assert "0 added, 600 unchanged" in again.stdout


def test_check_names_a_damaged_segment_and_exits_1(tmp_path: Path) -> None:
    store, _source = imported_store(tmp_path)
    whole = run_cli("--store", str(store), "check")
    assert whole.returncode == 0 and "all whole" in whole.stdout
    damage(store / "segments" / "000002-bodies.json")
    result = run_cli("--store", str(store), "check")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"cables: {store}: segments/000002-bodies.json: checksum mismatch: its content "
        "changed since it was written"
    ]
    assert f"cables repair --store {store}" in result.stdout


def test_check_names_a_truncated_generation_file_and_a_lost_manifest(tmp_path: Path) -> None:
    store, _source = imported_store(tmp_path)
    index = next((store / "generations").glob("*-index.json"))
    index.write_bytes(index.read_bytes()[:100])
    result = run_cli("--store", str(store), "check")
    assert result.returncode == 1
    assert f"generations/{index.name}: wrong size" in result.stderr
    (store / "manifest.json").unlink()
    lost = run_cli("--store", str(store), "check")
    assert lost.returncode == 1
    assert f"cables: {store}: manifest.json: missing" in lost.stderr


def test_a_re_import_writes_the_cables_of_a_damaged_segment_again(tmp_path: Path) -> None:
    store, source = imported_store(tmp_path)
    damage(store / "segments" / "000002-bodies.json")
    broken = run_cli("--store", str(store), "show", "08ASTANA300")
    assert broken.returncode != 0
    again = run_cli("--store", str(store), "import", str(source))
    assert again.returncode == 0, again.stderr
    assert "already in the store" not in again.stdout
    assert "250 added, 350 unchanged" in again.stdout
    assert "segment 2 was damaged" in again.stderr
    assert "stay missing" not in again.stderr
    shown = run_cli("--store", str(store), "show", "08ASTANA300")
    assert shown.returncode == 0 and "Text of cable 300." in shown.stdout
    assert run_cli("--store", str(store), "check").returncode == 0
    assert (store / "damaged" / "000002-bodies.json").is_file()
    stats = run_cli("--store", str(store), "stats")
    assert "cables:          600" in stats.stdout


def test_repair_sets_a_damaged_segment_aside_and_keeps_every_other_cable(tmp_path: Path) -> None:
    store, source = imported_store(tmp_path)
    damage(store / "segments" / "000001-catalog.json")
    repaired = run_cli("--store", str(store), "repair")
    assert repaired.returncode == 0, repaired.stderr
    assert "segment 1 set aside" in repaired.stderr
    assert "holds 350 cables" in repaired.stdout
    assert (store / "damaged" / "000001-catalog.json").is_file()
    assert (store / "damaged" / "000001-bodies.json").is_file()
    assert run_cli("--store", str(store), "check").returncode == 0
    assert run_cli("--store", str(store), "show", "08ASTANA400").returncode == 0
    again = run_cli("--store", str(store), "import", str(source))
    assert "250 added, 350 unchanged" in again.stdout
    assert run_cli("--store", str(store), "show", "08ASTANA100").returncode == 0


def test_repair_of_a_whole_store_changes_nothing(tmp_path: Path) -> None:
    store, _source = imported_store(tmp_path)
    before = store_files(store)
    result = run_cli("--store", str(store), "repair")
    assert result.returncode == 0 and "nothing to repair" in result.stdout
    assert store_files(store) == before


def test_repair_refuses_a_folder_that_is_no_store(tmp_path: Path) -> None:
    (tmp_path / "thesis.tex").write_text("mine")
    result = run_cli("--store", str(tmp_path), "repair")
    assert result.returncode == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thesis.tex"]


def test_a_store_written_before_checksums_still_opens_and_checks_by_parsing(
    tmp_path: Path,
) -> None:
    store, _source = imported_store(tmp_path, count=300)
    manifest = store / "manifest.json"
    data = json.loads(manifest.read_text())
    del data["manifest"]["1"]["checksums"]
    manifest.write_text(json.dumps(data))
    assert run_cli("--store", str(store), "show", "08ASTANA1").returncode == 0
    result = run_cli("--store", str(store), "check")
    assert result.returncode == 0 and "written before checksums" in result.stdout
    (store / "segments" / "000002-bodies.json").write_bytes(b"{not json")
    assert run_cli("--store", str(store), "check").returncode == 1


_FULL_DISK = """
import errno, os, sys
real_write = os.write
calls = [0]
def write(fd, data):
    calls[0] += 1
    if calls[0] >= int(sys.argv[1]):
        raise OSError(errno.ENOSPC, "No space left on device")
    return real_write(fd, data)
os.write = write
from tui.cli import main
sys.exit(main(sys.argv[2:]))
"""


def test_a_full_disk_during_an_import_leaves_no_unfinished_segments_behind(
    tmp_path: Path,
) -> None:
    store, _source = imported_store(tmp_path, count=300)
    before = store_files(store)
    _text_documents_before = _text_documents(store)
    more = tmp_path / "more.csv"
    more.write_text("".join(ROW.format(n=n) for n in range(1000, 1800)), encoding="utf-8")
    # Writes: the segment files of the first commit go through, a later one fails.
    result = subprocess.run(
        [sys.executable, "-c", _FULL_DISK, "4", "--store", str(store), "import", str(more)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "No space left on device" in result.stderr and "Traceback" not in result.stderr
    # Every file of the store is as it was; the full-text index (whose files tantivy manages
    # itself, and which it may have committed before the manifest failed) holds the committed
    # cables only, and no file that no commit of its own names.
    assert _outside_text(store_files(store)) == _outside_text(before)
    assert _text_documents(store) == _text_documents_before
    assert set(store_files(store)) - set(before) == set()
    check = run_cli("--store", str(store), "check")
    assert check.returncode == 0


def test_check_reads_every_byte_even_of_a_file_whose_time_and_size_did_not_change(
    tmp_path: Path,
) -> None:
    store, _source = imported_store(tmp_path, count=300)
    bodies = store / "segments" / "000001-bodies.json"
    before = bodies.stat()
    damage(bodies)  # as a flipped bit on disk would: same size, same time
    os.utime(bodies, ns=(before.st_atime_ns, before.st_mtime_ns))
    result = run_cli("--store", str(store), "check")
    assert result.returncode == 1 and "000001-bodies.json: checksum mismatch" in result.stderr
    repaired = run_cli("--store", str(store), "repair")
    assert repaired.returncode == 0 and "holds 50 cables" in repaired.stdout


def test_check_names_a_damaged_entity_file_and_repair_leaves_find_no_lost_cable(
    tmp_path: Path,
) -> None:
    store, _source = imported_store(tmp_path)
    found = run_cli("--store", str(store), "find", "smith", "--json")
    assert found.returncode == 0, found.stderr
    damage(store / "segments" / "000002-entities.json")
    result = run_cli("--store", str(store), "check")
    assert result.returncode == 1
    assert "segments/000002-entities.json: checksum mismatch" in result.stderr
    repaired = run_cli("--store", str(store), "repair")
    assert repaired.returncode == 0, repaired.stderr
    assert "segment 2 set aside" in repaired.stderr
    assert run_cli("--store", str(store), "check").returncode == 0
    after = run_cli("--store", str(store), "find", "smith", "--json")
    assert after.returncode == 0, after.stderr
    ids = {c["id"] for line in after.stdout.splitlines() for c in json.loads(line)["cables"]}
    assert ids and not ids & {f"08ASTANA{n}" for n in range(251, 501)}
    assert "08ASTANA1" in ids and "08ASTANA600" in ids


def test_repair_keeps_an_unreadable_manifest_aside_and_rebuilds_it(tmp_path: Path) -> None:
    store, _source = imported_store(tmp_path, count=300)
    (store / "manifest.json").write_bytes(b"\x00garbage")
    assert run_cli("--store", str(store), "stats").returncode == 2
    repaired = run_cli("--store", str(store), "repair")
    assert repaired.returncode == 0, repaired.stderr
    assert "rebuilt the manifest" in repaired.stdout and "holds 300 cables" in repaired.stdout
    assert (store / "damaged" / "manifest.json").read_bytes() == b"\x00garbage"
    assert "cables:          300" in run_cli("--store", str(store), "stats").stdout


def test_an_import_rebuilds_a_damaged_index_from_the_segments(tmp_path: Path) -> None:
    store, source = imported_store(tmp_path, count=300)
    # The files a reader finds a cable by: the segment index and the catalog file.
    for pattern in ("*-index.json", "*-catalog.bin"):
        index = next((store / "generations").glob(pattern))
        index.write_bytes(index.read_bytes()[:50])
    assert run_cli("--store", str(store), "show", "08ASTANA7").returncode != 0
    again = run_cli("--store", str(store), "import", str(source))
    assert again.returncode == 0, again.stderr
    assert "0 added, 300 unchanged" in again.stdout
    assert run_cli("--store", str(store), "show", "08ASTANA7").returncode == 0
    assert run_cli("--store", str(store), "check").returncode == 0


def test_an_import_says_how_many_cables_of_a_damaged_segment_it_did_not_bring_back(
    tmp_path: Path,
) -> None:
    store, _source = imported_store(tmp_path)
    damage(store / "segments" / "000001-bodies.json")
    other = write_csv(tmp_path / "other.csv", 10)  # holds 10 of the 250 cables set aside
    result = run_cli("--store", str(store), "import", str(other))
    assert result.returncode == 0, result.stderr
    assert "10 added" in result.stdout
    assert "240 cables of the damaged segments are not in these sources" in result.stderr
