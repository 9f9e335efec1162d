"""The catalog file: the columnar catalog each generation writes and readers map."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from store.catalog_file import (
    CATALOG_TIME_SHARE,
    MAX_AGE_DURING_IMPORT,
    CatalogFile,
    catalog_file_age_limit,
)
from store.check import check_store
from store.errors import StoreError
from store.layout import read_manifest
from store.records import make_record
from store.store import CableStore
from store.writer import StoreWriter
from tests.store_support import build_store, make_cable, without_catalog_file
from tui.presentation.catalog_order import CatalogArranger, SortKey
from tui.presentation.lookup_search import CableMatcher
from tui.screens.go_to import complete_ids


def _cables() -> list:
    cables = [make_cable(n, references=("08TEST0",) if n % 3 else ()) for n in range(14)]
    return cables


def test_each_commit_writes_a_catalog_file_that_the_manifest_names_with_its_checksum(
    tmp_path: Path,
) -> None:
    directory = build_store(tmp_path / "s", _cables(), segment_size=4)
    manifest = read_manifest(directory)
    assert manifest.catalog_file == f"generations/{manifest.generation - 1:06d}-catalog.bin"
    assert manifest.catalog_file in manifest.checksums
    assert check_store(directory).whole


def test_the_mapped_catalog_reads_what_the_segments_hold(tmp_path: Path) -> None:
    directory = build_store(tmp_path / "s", _cables(), segment_size=4)
    mapped = CableStore.open(directory).load_catalog()
    built = CableStore.open(without_catalog_file(directory)).load_catalog()
    assert list(mapped) == list(built)
    assert mapped.ids == [c.id for c in _cables()]
    assert mapped.index_of("08TEST7") == 7
    assert mapped.index_of("08TEST99") is None
    assert "08TEST3" in mapped


def test_ids_come_sorted_from_the_file_without_a_copy_and_complete_a_prefix(
    tmp_path: Path,
) -> None:
    """Go-to and the lookup's cable matcher search the sorted ids the file holds (they
    used to copy and sort every id); a prefix near the end of the order finds its ids."""
    directory = build_store(tmp_path / "s", _cables(), segment_size=4)
    mapped = CableStore.open(directory).load_catalog()
    built = CableStore.open(without_catalog_file(directory)).load_catalog()
    in_order = mapped.sorted_ids()
    assert not isinstance(in_order, list)
    assert list(in_order) == built.sorted_ids() == sorted(c.id for c in _cables())
    assert complete_ids(in_order, "08 test 1") == ["08TEST1", *(f"08TEST1{n}" for n in range(4))]
    matcher = CableMatcher(mapped)
    assert [row.id for row in matcher.by_id("08TEST9", limit=20)] == ["08TEST9"]
    assert matcher.by_id("08TEST99", limit=20) == []


def test_a_reader_finds_cables_and_who_cites_them_through_the_mapped_file(
    tmp_path: Path,
) -> None:
    directory = build_store(tmp_path / "s", _cables(), segment_size=4)
    store = CableStore.open(directory)
    assert store.get_cable("08TEST9") == _cables()[9]
    assert store.get_cable("08TEST99") is None
    citing = sorted(f"08TEST{n}" for n in range(14) if n % 3)
    assert store.references_to("08TEST0") == citing
    assert store.references_to("08TEST1") == []
    assert "08TEST13" in store


def test_a_second_import_extends_the_catalog_file_and_replaces_changed_cables(
    tmp_path: Path,
) -> None:
    directory = build_store(tmp_path / "s", _cables(), segment_size=4)
    changed = make_cable(2, references=("08TEST1",))
    with StoreWriter(directory, segment_size=4) as writer:
        writer.add(make_record(changed))
        writer.add(make_record(make_cable(20)))
    store = CableStore.open(directory)
    catalog = store.load_catalog()
    assert catalog.ids[-1] == "08TEST20"
    assert len(catalog) == 15
    assert store.get_cable("08TEST2") == changed
    assert store.references_to("08TEST1") == ["08TEST2"]
    assert "08TEST2" not in store.references_to("08TEST0")


def test_the_default_order_comes_from_the_file_and_matches_sorting(tmp_path: Path) -> None:
    directory = build_store(tmp_path / "s", _cables(), segment_size=4)
    mapped = CableStore.open(directory).load_catalog()
    assert mapped.default_order() is not None
    arranged = CatalogArranger(mapped).arrange(SortKey.DATE)
    sorted_rows = sorted(range(len(mapped)), key=lambda i: (mapped.row(i).created or "", i))
    assert list(arranged.order) == sorted_rows


def test_a_damaged_catalog_file_is_reported_by_open_and_by_check(tmp_path: Path) -> None:
    directory = build_store(tmp_path / "s", _cables(), segment_size=4)
    name = read_manifest(directory).catalog_file
    assert name is not None
    (directory / name).write_bytes(b"CABLECF1" + b"\xff" * 20)
    with pytest.raises(StoreError, match=r"damaged \(generations/\d+-catalog\.bin"):
        CableStore.open(directory)
    assert name in check_store(directory).damaged


def test_a_catalog_file_that_is_not_one_is_refused() -> None:
    with pytest.raises(ValueError, match="not a catalog file"):
        CatalogFile(b"something else entirely")


def test_a_commit_while_an_import_runs_keeps_the_older_file_then_the_next_writer_renews_it(
    tmp_path: Path,
) -> None:
    directory = build_store(tmp_path / "s", _cables(), segment_size=4)
    first = read_manifest(directory).catalog_file
    with StoreWriter(directory, segment_size=1) as writer:
        writer.add(make_record(make_cable(30)))
        assert writer.commit(full_segments_only=True)  # 1 row more than 14: no new file
        during = read_manifest(directory)
        assert during.catalog_file == first
        catalog = CableStore.open(directory).load_catalog()  # built from the segments
        assert catalog.ids[-1] == "08TEST30"
        assert len(catalog) == 15
    with StoreWriter(directory):  # the next writer brings the file up to date
        pass
    after = read_manifest(directory)
    assert after.catalog_file != first
    assert not (directory / str(first)).exists()
    assert CableStore.open(directory).load_catalog().ids[-1] == "08TEST30"


def test_a_reader_during_an_import_extends_the_older_file_with_only_the_segments_after_it(
    tmp_path: Path,
) -> None:
    directory = build_store(tmp_path / "s", _cables(), segment_size=4)
    covered = read_manifest(directory).segments
    changed = make_cable(2, references=("08TEST1",))
    with StoreWriter(directory, segment_size=1) as writer:
        writer.add(make_record(changed))
        writer.add(make_record(make_cable(30)))
        assert writer.commit(full_segments_only=True)  # too few new rows for a new file
        store = CableStore.open(directory)
        segments_read: list[int] = []
        read_catalog = store._read_catalog
        store._read_catalog = lambda segment: (  # type: ignore[method-assign]
            segments_read.append(segment) or read_catalog(segment)
        )
        catalog = store.load_catalog()
        assert segments_read == list(range(covered + 1, read_manifest(directory).segments + 1))
        copy = shutil.copytree(directory, tmp_path / "copy")
        from_segments = CableStore.open(without_catalog_file(copy)).load_catalog()
        assert list(catalog) == list(from_segments)
        assert catalog.ids[-1] == "08TEST30" and len(catalog) == 15
        assert store.get_cable("08TEST2") == changed
        assert store.references_to("08TEST1") == ["08TEST2"]


def test_catalog_files_during_an_import_take_a_bounded_share_of_its_time() -> None:
    assert catalog_file_age_limit(0.05) == MAX_AGE_DURING_IMPORT  # small stores: the floor
    assert catalog_file_age_limit(3.0) == pytest.approx(3.0 / CATALOG_TIME_SHARE)


def test_an_old_catalog_file_is_renewed_during_an_import_unless_files_take_long_to_write(
    tmp_path: Path,
) -> None:
    directory = build_store(tmp_path / "s", _cables(), segment_size=4)  # 1 row: < 25%
    first = read_manifest(directory).catalog_file
    past = time.time() - 2 * MAX_AGE_DURING_IMPORT
    os.utime(directory / str(first), (past, past))
    with StoreWriter(directory, segment_size=1) as writer:
        writer._catalog_seconds = 2.0  # the last file took 2 s: the next after 100 s
        writer.add(make_record(make_cable(30)))
        assert writer.commit(full_segments_only=True)
        assert read_manifest(directory).catalog_file == first
        writer._catalog_seconds = 0.01  # a quick one: the next after 30 s, so now
        writer.add(make_record(make_cable(31)))
        assert writer.commit(full_segments_only=True)
        renewed = read_manifest(directory).catalog_file
        assert renewed != first
        assert CatalogFile.open(directory / str(renewed)).written_for(read_manifest(directory))
