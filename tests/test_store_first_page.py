"""The first page of the catalog: the first rows in the default order, kept exact by the
writer at every commit and read by the browser before the whole catalog."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from store.catalog import ROW_FIELDS, CatalogRow, date_order_key
from store.first_page import FirstPageKeeper, decode_first_page
from store.layout import read_manifest, write_manifest
from store.records import make_record
from store.store import CableStore
from store.writer import StoreWriter
from tests.store_support import build_store, make_cable


def _key(row: CatalogRow) -> str:
    return date_order_key(row.created, row.id)


def _expected(store: CableStore, size: int) -> list[CatalogRow]:
    return sorted(store.load_catalog(), key=_key)[:size]


def _assert_exact_first_rows(
    rows: list[CatalogRow], every_row: list[CatalogRow], size: int
) -> None:
    """``rows`` are the first of ``every_row`` in date order: ``size`` of them, or at least
    half as many after replacements took some away."""
    assert rows == sorted(every_row, key=_key)[: len(rows)]
    assert min(len(every_row), size // 2) <= len(rows) <= size


def test_the_keeper_stays_exact_through_additions_and_replacements() -> None:
    rng = random.Random(7)
    truth: dict[str, CatalogRow] = {}
    keeper = FirstPageKeeper.of_store([], 0, size=8)
    rebuilds = 0
    for step in range(3000):
        cable_id = f"08TEST{rng.randrange(400)}"
        day = rng.randrange(1, 29)
        row = CatalogRow(cable_id, f"2008-02-{day:02d} 10:00", "Embassy X", None, "s")
        keeper.add(row, replaces=cable_id in truth)
        truth[cable_id] = row
        if step % 25 == 0:  # a commit
            if keeper.needs_rebuild:
                rebuilds += 1
                keeper.rebuild(truth.values(), len(truth))
            _assert_exact_first_rows(keeper.rows(), list(truth.values()), 8)
    assert 0 < rebuilds < 60  # the rows are kept, not recomputed at every commit


def test_each_commit_writes_the_first_rows_of_its_generation_in_date_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("store.first_page.FIRST_PAGE_ROWS", 5)
    directory = tmp_path / "s"
    cables = [make_cable(n) for n in range(40)]
    with StoreWriter(directory, segment_size=4, commit_size=8, commit_interval=0) as writer:
        for cable in cables:
            writer.add(make_record(cable))
            if writer.manifest.generation:
                store = CableStore.open(directory)
                assert store.first_page() == _expected(store, 5)
    store = CableStore.open(directory)
    assert len(store.first_page()) == 5
    assert store.first_page() == _expected(store, 5)


def test_a_replaced_cable_leaves_the_first_page_when_its_date_moves_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("store.first_page.FIRST_PAGE_ROWS", 4)
    directory = build_store(tmp_path / "s", [make_cable(n) for n in range(20)])
    first = CableStore.open(directory).first_page()
    moved = first[0]
    later = make_cable(int(moved.id.removeprefix("08TEST")))
    later = dataclasses.replace(later, created="2010-01-01 00:00")
    with StoreWriter(directory) as writer:
        writer.add(make_record(later))
    store = CableStore.open(directory)
    assert moved.id not in [row.id for row in store.first_page()]
    _assert_exact_first_rows(store.first_page(), list(store.load_catalog()), 4)


def test_a_store_without_a_first_page_gets_one_at_its_next_commit(tmp_path: Path) -> None:
    directory = build_store(tmp_path / "s", [make_cable(n) for n in range(12)])
    manifest = read_manifest(directory)
    (directory / manifest.first_page).unlink()
    write_manifest(directory, dataclasses.replace(manifest, first_page=None))
    assert CableStore.open(directory).first_page() == []  # an older store: no first page
    with StoreWriter(directory) as writer:
        writer.add(make_record(make_cable(12)))
    store = CableStore.open(directory)
    assert store.first_page() == _expected(store, 13)


def test_a_small_store_has_every_row_in_its_first_page(tmp_path: Path) -> None:
    store = CableStore.open(build_store(tmp_path / "s", [make_cable(n) for n in range(9)]))
    assert store.first_page() == _expected(store, 100)
    assert len(store.first_page()) == 9


def test_a_first_page_written_before_the_tags_column_still_reads_with_no_tags() -> None:
    rows = [
        CatalogRow("08ASTANA611", "2008-03-21 05:37", "Embassy Astana", "SECRET", "A", ("PGOV",))
    ]
    doc = {name: [getattr(row, name) for row in rows] for name in ROW_FIELDS if name != "tags"}
    (read,) = decode_first_page(doc)
    assert read.id == "08ASTANA611" and read.tags == ()
