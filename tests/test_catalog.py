"""The column-wise catalog finds rows by position and by id, and replaces rows in place."""

from __future__ import annotations

from store.catalog import Catalog, CatalogRow


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
