"""Facets of the cable list: classification (caveats as their own values), tag, origin and
year range, chosen from a fuzzy picker with counts, combined with the text filter, shown above
the list and cleared one by one; and the list's orders (newest first, any column)."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import OptionList

from cables.model import Cable, Paragraph
from tests.test_tui_app import screen_text, wait_for_catalog
from tests.tui_fakes import FakeStore, sample_cables
from tui.app import CablesApp
from tui.presentation.catalog_order import CatalogArranger, SortKey
from tui.presentation.facets import (
    FacetChoice,
    FacetKind,
    Facets,
    classification_values,
    narrow_values,
    parse_year_range,
)
from tui.screens.facet_picker import FacetPicker
from tui.screens.main import MainScreen
from tui.widgets.cable_list import CableList
from tui.widgets.facet_bar import FacetBar
from tui.widgets.list_header import ListHeader


def faceted_cables() -> list[Cable]:
    """The sample cables and a few more: a NOFORN one, one whose subject says SECRET."""
    extra = [
        Cable(
            id="06ASTANA100",
            created="2006-02-01 09:00",
            classification="SECRET//NOFORN",
            origin="Embassy Astana",
            subject="OIL AND GAS",
            tags=("EPET", "PGOV"),
            paragraphs=(Paragraph(1, "S", "Oil."),),
        ),
        Cable(
            id="05PARIS200",
            created="2005-06-01 09:00",
            classification="UNCLASSIFIED",
            origin="Embassy Paris",
            subject="A SECRET MEETING, SAYS THE PRESS",
            tags=("PREL",),
            paragraphs=(Paragraph(1, None, "Press."),),
        ),
    ]
    return [*sample_cables(), *extra]


def _shown(app: CablesApp) -> list[str]:
    view = app.main_screen.query_one(CableList).view
    assert view is not None
    return [view.catalog.ids[row] for row in view.order]


async def _settle(pilot: Pilot) -> None:
    for _ in range(5):
        await pilot.pause(0.05)


async def _pick(pilot: Pilot, key: str, typed: str) -> None:
    await pilot.press(key)
    await pilot.pause()
    picker = pilot.app.screen
    assert isinstance(picker, FacetPicker)
    for _ in range(100):
        await pilot.pause(0.02)
        if picker.counts is not None:
            break
    await pilot.press(*typed)
    await pilot.pause()
    await pilot.press("enter")
    await _settle(pilot)


def test_caveats_are_facet_values_of_their_own() -> None:
    assert classification_values("SECRET//NOFORN") == ("SECRET", "NOFORN")
    assert classification_values("UNCLASSIFIED//FOR OFFICIAL USE ONLY") == (
        "UNCLASSIFIED",
        "FOR OFFICIAL USE ONLY",
    )
    assert classification_values(None) == ()


def test_year_ranges_read_as_first_and_last_year() -> None:
    assert parse_year_range("2005") == (2005, 2005)
    assert parse_year_range("2008-2005") == (2005, 2008)
    assert parse_year_range("2005..2007") == (2005, 2007)
    assert parse_year_range("soon") is None


def test_a_classification_facet_matches_its_column_only_and_counts_follow_other_facets() -> None:
    arranger = CatalogArranger(FakeStore(faceted_cables()).load_catalog())
    secret = Facets((FacetChoice(FacetKind.CLASSIFICATION, "SECRET"),))
    view = arranger.arrange(SortKey.DATE, facets=secret)
    ids = [view.catalog.ids[row] for row in view.order]
    assert ids == ["06ASTANA100", "09EVIL1"]  # not 05PARIS200, whose subject says SECRET
    assert arranger.counts(FacetKind.CLASSIFICATION)["NOFORN"] == 1
    astana = Facets((FacetChoice(FacetKind.ORIGIN, "Embassy Astana"),))
    tags = arranger.counts(FacetKind.TAG, facets=astana)
    assert tags["PGOV"] == 2 and "PREL" not in tags
    years = arranger.counts(FacetKind.YEAR, query="oil")
    assert years == {"2006": 1}


def test_the_picker_narrows_values_fuzzily_as_one_types() -> None:
    counts = {"Embassy Astana": 3, "Embassy Ankara": 2, "Consulate Almaty": 1}
    assert narrow_values(counts, "", FacetKind.ORIGIN)[0] == ("Embassy Astana", 3)
    assert narrow_values(counts, "astana", FacetKind.ORIGIN)[0][0] == "Embassy Astana"
    assert "Embassy Astana" in [v for v, _ in narrow_values(counts, "astna", FacetKind.ORIGIN)]


async def test_facets_combine_with_the_filter_show_above_the_list_and_clear_one_by_one() -> None:
    app = CablesApp(FakeStore(faceted_cables()))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_catalog(pilot)
        await _pick(pilot, "c", "nofo")
        assert isinstance(app.screen, MainScreen)
        assert _shown(app) == ["06ASTANA100"]
        bar = app.main_screen.query_one(FacetBar)
        assert bar.display
        text = screen_text(pilot)
        assert "1 cable ·" in text and "classification NOFORN" in text
        await pilot.press("x")
        await _settle(pilot)
        assert len(_shown(app)) == 6
        await _pick(pilot, "O", "astana")
        assert set(_shown(app)) == {"06ASTANA100", "08ASTANA611", "08ASTANA900"}
        await _pick(pilot, "y", "2008")
        assert set(_shown(app)) == {"08ASTANA611", "08ASTANA900"}
        await pilot.press("slash", *"follow", "enter")
        await _settle(pilot)
        assert _shown(app) == ["08ASTANA900"]
        assert "1 cable of 6" in screen_text(pilot)
        await pilot.press("escape")  # the text filter first
        await _settle(pilot)
        assert set(_shown(app)) == {"08ASTANA611", "08ASTANA900"}
        await pilot.press("x")  # two facets: choose which to clear
        await pilot.pause()
        assert isinstance(app.screen, FacetPicker)
        await pilot.pause(0.2)
        await pilot.press(*"year", "enter")
        await _settle(pilot)
        assert app.main_screen.facets.get(FacetKind.YEAR) is None
        assert len(_shown(app)) == 3
        await pilot.press("escape")  # no text filter: the last facet
        await _settle(pilot)
        assert not app.main_screen.facets and not bar.display


async def test_the_tag_picker_shows_counts_under_the_other_facets() -> None:
    app = CablesApp(FakeStore(faceted_cables()))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_catalog(pilot)
        await _pick(pilot, "O", "astana")
        await pilot.press("t")
        picker = app.screen
        assert isinstance(picker, FacetPicker)
        for _ in range(100):
            await pilot.pause(0.02)
            if picker.counts is not None:
                break
        await pilot.pause()
        text = screen_text(pilot)
        assert "2  PGOV" in text and "PREL" not in text
        await pilot.press(*"epet", "enter")
        await _settle(pilot)
        assert _shown(app) == ["06ASTANA100"]


async def test_a_year_range_typed_in_the_picker_narrows_to_those_years() -> None:
    app = CablesApp(FakeStore(faceted_cables()))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_catalog(pilot)
        await _pick(pilot, "y", "2005-2007")
        assert set(_shown(app)) == {"05PARIS200", "06ASTANA100", "07TASHKENT877"}
        assert "year 2005-2007" in screen_text(pilot)


async def test_each_facet_is_in_the_palette_under_its_plain_name() -> None:
    app = CablesApp(FakeStore(faceted_cables()))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_catalog(pilot)
        for name in ("classification", "tag", "origin", "year"):
            await pilot.press("ctrl+p", *name)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, FacetPicker) and app.screen.kind.value == name
            await pilot.press("escape")
            await pilot.pause()


async def test_newest_first_is_one_key_and_every_column_sorts() -> None:
    app = CablesApp(FakeStore(faceted_cables()))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_catalog(pilot)
        await pilot.press("n")
        await _settle(pilot)
        assert _shown(app)[0] == "09EVIL1"
        header = app.main_screen.query_one(ListHeader)
        assert header.descending and header.sort is SortKey.DATE
        seen = []
        for _ in SortKey:
            await pilot.press("s")
            await _settle(pilot)
            seen.append(app.main_screen.query_one(CableList).view.sort)
        assert set(seen) == set(SortKey)
        app.main_screen.descending = False
        app.main_screen.set_sort(SortKey.CLASS)
        await _settle(pilot)
        assert set(_shown(app)[:2]) == {"06ASTANA100", "09EVIL1"}  # secret first
        assert _shown(app)[2] == "07TASHKENT877"  # then confidential
        app.main_screen.set_sort(SortKey.SUBJECT)
        await _settle(pilot)
        catalog = app.catalog
        assert catalog is not None
        subjects = [catalog.row(catalog.index_of(i)).subject.casefold() for i in _shown(app)]
        assert subjects == sorted(subjects)
        assert "Cls" in screen_text(pilot)


async def test_the_picker_lists_values_with_their_counts() -> None:
    app = CablesApp(FakeStore(faceted_cables()))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_catalog(pilot)
        await pilot.press("c")
        picker = app.screen
        assert isinstance(picker, FacetPicker)
        for _ in range(100):
            await pilot.pause(0.02)
            if picker.counts is not None:
                break
        await pilot.pause()
        options = picker.query_one(OptionList)
        assert options.option_count == 5
        assert "UNCLASSIFIED" in screen_text(pilot) and "NOFORN" in screen_text(pilot)


def test_the_catalog_holds_each_cables_tags_read_back_from_stored_documents() -> None:
    from store.catalog import Catalog, CatalogRow

    row = CatalogRow.of_cable(faceted_cables()[-2])
    assert row.tags == ("EPET", "PGOV")
    assert CatalogRow.from_doc(row.to_doc()) == row
    catalog = Catalog()
    catalog.extend_docs([{"id": "A1", "tags": ["PGOV"]}, {"id": "B2", "tags": ["PGOV"]}])
    assert catalog.row(1).tags == ("PGOV",)
    assert catalog.column("tags")[0] is catalog.column("tags")[1]  # one tuple per tag set
