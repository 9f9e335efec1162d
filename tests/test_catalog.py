"""The catalog row is defined once (store.catalog.CatalogRow) and survives the store; the
column-wise catalog finds rows by position and by id, and replaces rows in place."""

from __future__ import annotations

from dataclasses import astuple
from dataclasses import fields as dataclass_fields
from pathlib import Path

import pytest

from store.catalog import ROW_FIELDS, Catalog, CatalogRow
from store.records import make_record
from store.store import CableStore
from tests.store_support import build_store, make_cable
from tui.presentation.list_columns import COLUMNS, ListColumns


def test_rows_are_found_by_position_and_by_id() -> None:
    catalog = Catalog()
    catalog.extend(
        [
            CatalogRow("08ASTANA611", "2008-03-21 05:37", "Embassy Astana", "UNCLASSIFIED", "A"),
            CatalogRow("04MADRID1731", "2004-05-10 10:00", "Embassy Madrid", "SECRET", None),
        ]
    )
    assert len(catalog) == 2
    assert catalog.index_of("04MADRID1731") == 1
    assert catalog.row(0).origin == "Embassy Astana"
    assert "08ASTANA611" in catalog and "99NOWHERE1" not in catalog
    assert [row.id for row in catalog] == ["08ASTANA611", "04MADRID1731"]


def test_a_row_with_a_known_id_replaces_the_old_one_in_place() -> None:
    catalog = Catalog()
    catalog.append(CatalogRow("08ASTANA611", None, "Embassy Astana", None, "old"))
    catalog.append(CatalogRow("08ASTANA611", "2008-03-21 05:37", "Embassy Astana", None, "new"))
    assert len(catalog) == 1
    assert catalog.row(0).subject == "new"
    assert catalog.row(0).created == "2008-03-21 05:37"


def test_every_field_of_the_row_survives_store_to_catalog_to_row(tmp_path: Path) -> None:
    cables = [make_cable(n) for n in range(1, 4)]
    for cable in cables:  # a field the row forgets to fill would be None here
        assert None not in astuple(CatalogRow.of_cable(cable))
    catalog = CableStore.open(build_store(tmp_path / "s", cables)).load_catalog()
    for cable in cables:
        position = catalog.index_of(cable.id)
        assert position is not None
        assert catalog.row(position) == CatalogRow.of_cable(cable)
        for name in ROW_FIELDS:
            assert catalog.column(name)[position] == getattr(cable, name)


def test_the_stored_catalog_document_holds_every_field_of_the_row() -> None:
    cable = make_cable(7)
    doc = make_record(cable).catalog
    assert set(ROW_FIELDS) <= set(doc)
    assert CatalogRow.from_doc(doc) == CatalogRow.of_cable(cable)


def test_a_document_whose_field_is_not_text_is_refused() -> None:
    with pytest.raises(TypeError):
        CatalogRow.from_doc({"id": "08ASTANA611", "subject": 5})
    with pytest.raises(TypeError):
        CatalogRow.from_doc({"subject": "no id"})


def test_each_list_column_has_a_width_and_shows_a_field_of_the_row() -> None:
    row = CatalogRow("08ASTANA611", "2008-03-21 05:37", "Embassy Astana", "SECRET", "Subj")
    widths = ListColumns.for_width(120)
    assert [column.name for column in COLUMNS] == [f.name for f in dataclass_fields(widths)]
    for column in COLUMNS:
        assert column.text(row) in astuple(row)
        assert widths.width(column) > 0


def test_documents_appended_column_by_column_give_the_rows_of_from_doc() -> None:
    docs = [make_record(make_cable(n)).catalog for n in range(4)]
    catalog = Catalog()
    catalog.extend_docs(docs[:3])
    newer = {**docs[1], "subject": "NEWER"}
    catalog.extend_docs([docs[3], newer])  # a known id: replaced in place
    assert list(catalog) == [CatalogRow.from_doc(d) for d in (docs[0], newer, docs[2], docs[3])]
    assert catalog.index_of(docs[3]["id"]) == 3
    with pytest.raises(TypeError):
        Catalog().extend_docs([{"id": "08X1", "origin": ["not", "text"]}])
    with pytest.raises(TypeError):
        Catalog().extend_docs([{"subject": "no id"}])
