"""A reader of a commit made while an import runs: the older catalog file plus a tail."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from store.catalog_tail import CatalogFileWithTail
from store.records import make_record
from store.store import CableStore
from store.writer import StoreWriter
from tests.store_support import build_store, make_cable, without_catalog_file


def _mid_import_store(tmp_path: Path) -> Path:
    """A store of 40 cables (every third one citing 08TEST0, 08TEST4 citing 08TEST1), then a
    commit while an import runs, too small for a new catalog file, that replaces cables
    (one moved to another date, one no longer citing anything) and adds cables whose ids
    and dates fall between the older ones'."""
    cables = [make_cable(n, references=("08TEST0",) if n % 3 else ()) for n in range(40)]
    cables[4] = replace(cables[4], references=("08TEST1",))
    directory = build_store(tmp_path / "s", cables, segment_size=4)
    imported = [
        replace(make_cable(2), created="2001-01-01 00:00", references=("08TEST1",)),
        replace(make_cable(7), references=()),  # cited 08TEST0 before
        replace(make_cable(135), created="2008-03-13 09:00", references=("08TEST1",)),
        replace(make_cable(100), created=None),
        make_cable(5, text="changed again"),
        make_cable(155, references=("08TEST0",)),
    ]
    writer = StoreWriter(directory, segment_size=1)
    with writer:
        for cable in imported:
            writer.add(make_record(cable))
        assert writer.commit(full_segments_only=True)
        shutil.copytree(directory, tmp_path / "mid")
    return tmp_path / "mid"


def test_the_tail_catalog_answers_as_a_catalog_built_from_every_segment(tmp_path: Path) -> None:
    directory = _mid_import_store(tmp_path)
    store = CableStore.open(directory)
    catalog = store.load_catalog()
    file = store.catalog_file()
    assert isinstance(file, CatalogFileWithTail)  # the older file, mapped, and its tail
    whole = CableStore.open(without_catalog_file(shutil.copytree(directory, tmp_path / "all")))
    expected = whole.load_catalog()
    expected_file = whole.catalog_file()

    assert list(catalog) == list(expected)
    assert len(catalog) == 43  # 40, then 08TEST135, 08TEST100 and 08TEST155
    assert catalog.row(catalog.index_of("08TEST2") or 0).created == "2001-01-01 00:00"
    assert list(catalog.default_order() or []) == list(expected.default_order() or [])
    assert list(catalog.sorted_ids()) == list(expected.sorted_ids()) == sorted(catalog.ids)
    for position, cable_id in enumerate(expected.ids):
        assert catalog.index_of(cable_id) == position
        assert file.address(position) == expected_file.address(position)
        assert store.references_to(cable_id) == whole.references_to(cable_id)
        assert store.get_cable(cable_id) == whole.get_cable(cable_id)
    assert catalog.index_of("08TEST99") is None
    assert list(file.addresses()) == list(expected_file.addresses())
    for name in ("id", "created", "origin", "classification", "subject", "tags"):
        column = catalog.column(name)
        assert list(column) == [column[i] for i in range(len(column))]
        assert column[-1] == expected.column(name)[-1]
        assert column[3:6] == expected.column(name)[3:6]


def test_the_references_of_replaced_and_new_cables_are_the_imports(tmp_path: Path) -> None:
    store = CableStore.open(_mid_import_store(tmp_path))
    store.load_catalog()
    # 08TEST7 no longer cites 08TEST0 and 08TEST155, new, does; 08TEST2 now cites 08TEST1.
    citing_0 = store.references_to("08TEST0")
    assert "08TEST7" not in citing_0 and "08TEST155" in citing_0
    assert store.references_to("08TEST1") == ["08TEST135", "08TEST2", "08TEST4"]


def test_a_cable_opened_before_the_list_loads_is_found_through_the_tail(tmp_path: Path) -> None:
    store = CableStore.open(_mid_import_store(tmp_path))
    cable = store.get_cable("08TEST5")
    assert cable is not None and "changed again" in cable.paragraphs[1].text
    assert isinstance(store.catalog_file(), CatalogFileWithTail)
    assert store._index_db is not None  # the index of every id was not read for it
