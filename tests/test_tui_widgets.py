"""The browser's pure parts: sorting and filtering the catalog, wrapping, columns, safe text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from cables.ids import id_sort_key
from store.catalog import Catalog, CatalogRow
from store.entity_lookup import EntityRecord
from tui.presentation.catalog_order import CatalogArranger, SortKey
from tui.presentation.cells import clip_cells, fit_cells
from tui.presentation.list_columns import ListColumns
from tui.presentation.lookup_search import EntityRow
from tui.presentation.wrapping import reflow, wrap_offsets
from tui.screens.lookup import entity_row_text, name_column_width
from tui.widgets.safe_text import clean, one_line, safe


def _catalog() -> Catalog:
    catalog = Catalog()
    catalog.extend(
        [
            CatalogRow("08ASTANA611", "2008-03-21 05:37", "Embassy Astana", "UNCLASSIFIED", "KZ"),
            CatalogRow("66BUENOSAIRES2481", "1966-11-02 00:00", "Embassy Buenos Aires", None, None),
            CatalogRow("08ASTANA99", "2008-01-10 09:00", "Embassy Astana", "SECRET", "Oil talks"),
            CatalogRow("05PARIS479", None, None, "CONFIDENTIAL", "French oil policy"),
        ]
    )
    return catalog


def _ids(arranger: CatalogArranger, *args: object, **kwargs: object) -> list[str]:
    view = arranger.arrange(*args, **kwargs)  # type: ignore[arg-type]
    return [view.catalog.ids[i] for i in view.order]


def test_sorting_by_date_id_and_origin() -> None:
    arranger = CatalogArranger(_catalog())
    assert _ids(arranger, SortKey.DATE) == [
        "05PARIS479",  # no date sorts first
        "66BUENOSAIRES2481",
        "08ASTANA99",
        "08ASTANA611",
    ]
    assert _ids(arranger, SortKey.ID) == [
        "66BUENOSAIRES2481",
        "05PARIS479",
        "08ASTANA99",
        "08ASTANA611",
    ]
    assert _ids(arranger, SortKey.ORIGIN)[-1] == "05PARIS479"  # no origin sorts last
    assert _ids(arranger, SortKey.DATE, descending=True)[0] == "08ASTANA611"


def test_the_filter_matches_every_word_in_id_date_origin_and_subject() -> None:
    arranger = CatalogArranger(_catalog())
    assert _ids(arranger, SortKey.ID, query="oil") == ["05PARIS479", "08ASTANA99"]
    assert _ids(arranger, SortKey.ID, query="OIL astana") == ["08ASTANA99"]
    assert _ids(arranger, SortKey.ID, query="2008-03") == ["08ASTANA611"]
    assert _ids(arranger, SortKey.ID, query="buenos aires") == ["66BUENOSAIRES2481"]
    assert _ids(arranger, SortKey.ID, query="nothing-like-this") == []
    view = arranger.arrange(SortKey.ID, query="  ")
    assert not view.filtered and len(view) == 4


def test_a_view_finds_the_position_of_a_cable() -> None:
    view = CatalogArranger(_catalog()).arrange(SortKey.ID)
    assert view.position_of("08ASTANA611") == 3
    assert view.position_of("99NOWHERE1") is None


def test_id_sort_key_puts_the_sixties_first_and_numbers_in_order() -> None:
    assert id_sort_key("66BUENOSAIRES2481") < id_sort_key("08ASTANA611")
    assert id_sort_key("08ASTANA99") < id_sort_key("08ASTANA611")
    assert id_sort_key("7575LIBREVILLE1895") > id_sort_key("10STATE1")


@given(st.text(alphabet=st.sampled_from("ab cdé\n世界 x"), max_size=200), st.integers(1, 40))
def test_wrapped_lines_fit_and_keep_every_character(text: str, width: int) -> None:
    lines = wrap_offsets(text, width)
    for start, end in lines:
        assert cell_len(text[start:end]) <= width or end - start == 1
    shown = "".join("".join(text[start:end].split()) for start, end in lines)
    assert shown == "".join(text.split())


def test_wrapping_keeps_indentation_and_blank_lines() -> None:
    text = "One two three four\n  -- an item\n\nend"
    lines = [text[s:e] for s, e in wrap_offsets(text, 10)]
    assert lines == ["One two", "three four", "  -- an", "item", "", "end"]


def test_reflow_joins_typed_lines_but_keeps_lists() -> None:
    text = (
        "The minister said the government would reform the oil sector before\n"
        "the elections next spring, according to officials.\n"
        "-- first item\n"
        "-- second item"
    )
    assert reflow(text) == (
        "The minister said the government would reform the oil sector before "
        "the elections next spring, according to officials.\n-- first item\n-- second item"
    )
    assert reflow("no newline") == "no newline"


def test_columns_fit_the_width() -> None:
    for width in (60, 80, 100, 120, 200):
        columns = ListColumns.for_width(width)
        used = (
            1
            + columns.MARK
            + 1
            + columns.id
            + 1
            + columns.date
            + 1
            + columns.origin
            + 1
            + columns.subject
        )
        assert used == width
    assert ListColumns.for_width(80).subject >= 28


def test_control_characters_are_made_visible_and_markup_stays_text() -> None:
    hostile = "a\x1b]52;c;aGk=\x07b\x9bc\r\nd\x00[@click=app.quit]x[/]"
    cleaned = clean(hostile)
    assert "\x1b" not in cleaned and "\x07" not in cleaned and "\x9b" not in cleaned
    assert "\x00" not in cleaned and "\r" not in cleaned
    assert "␛" in cleaned and "[@click=app.quit]x[/]" in cleaned
    text = safe("[bold]x[/bold]")
    assert text.plain == "[bold]x[/bold]" and not text.spans
    assert one_line("a\n b\tc") == "a b c"
    assert clean(None) == ""


@given(st.text(max_size=40), st.integers(min_value=0, max_value=30))
def test_clip_cells_fits_the_width_in_terminal_cells_and_marks_a_cut(text: str, width: int) -> None:
    clipped = clip_cells(text, width)
    assert cell_len(clipped) <= width
    if cell_len(text) <= width:
        assert clipped == text
    else:
        assert clipped.endswith("…") or width == 0
    assert cell_len(fit_cells(text, width)) == width


def test_a_lookup_row_keeps_its_kind_column_in_place_for_a_long_name_of_wide_characters() -> None:
    rows = [
        EntityRow(EntityRecord(1, name, "group", (name,), 3), 90.0, ((0, 3),))
        for name in ("中国共产党中央委员会" * 5, "Nur Otan Party", "Ukrainian Ministry of " * 4)
    ]
    for width in (80, 120):
        column = name_column_width(width) + 1
        for row in rows:
            line = entity_row_text(row, width).plain
            assert cell_len(line[: line.index("group ")]) == column, line
