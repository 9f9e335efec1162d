"""Finding anyone as you type: the lookup, entity pages, names in the reader, browse --find.

Driven by Pilot over a store of the real cables of tests/corpus (the seed 08ASTANA611 names
Rayhan Khobdabergenova, also spelled Hobdabergenova, and Bahadyr Narymbetov).
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from tests.lookup_support import real_store, wait_for_screen, wait_until
from tests.test_tui_app import screen_text
from tui.app import CablesApp, create_app
from tui.presentation.lookup_query import TermKind, parse_query
from tui.presentation.name_highlight import match_spans
from tui.screens.entity_page import EntityPage
from tui.screens.lookup import LookupScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.entities_pane import EntitiesPane
from tui.widgets.paragraph_view import ParagraphView

SIZES = [(80, 24), (120, 40)]


# --- the query language and highlighting (pure) ---------------------------------------


def test_fzf_habits_parse_into_exact_prefix_suffix_and_negated_terms() -> None:
    query = parse_query("'nur ^kaz stan$ !party  plain")
    kinds = [(t.text, t.kind, t.negated) for t in query.terms]
    assert kinds == [
        ("nur", TermKind.EXACT, False),
        ("kaz", TermKind.PREFIX, False),
        ("stan", TermKind.SUFFIX, False),
        ("party", TermKind.EXACT, True),
        ("plain", TermKind.FUZZY, False),
    ]
    assert query.search_text == "nur kaz stan plain"


def test_conditions_hold_on_any_form_and_negations_on_none() -> None:
    assert parse_query("^hob").accepts(["Rayhan Khobdabergenova", "Hobdabergenova"])
    assert not parse_query("^hob").accepts(["Rayhan Khobdabergenova"])
    assert parse_query("ova$").accepts(["Rayhan Khobdabergenova"])
    assert not parse_query("narymbetov !bahadyr").accepts(["Bahadyr Narymbetov", "Narymbetov"])
    assert parse_query("narymbetov !bahadyr").accepts(["Erlan Narymbetov"])


def test_a_lone_operator_is_no_term() -> None:
    assert parse_query("^ ! ' $").terms == ()


def test_the_matched_characters_of_a_name_are_found_even_through_a_typo() -> None:
    name = "Rayhan Khobdabergenova"
    assert match_spans(name, ["hobdaberg"]) == [(8, 17)]
    (start, end), *_ = match_spans(name, ["khobdabergenowa"])
    assert name[start:end].startswith("Khobdabergenov")
    assert match_spans("Нурсултан Назарбаев", ["nazarb"]) == [(10, 16)]


# --- the lookup ------------------------------------------------------------------------


async def _type_query(pilot: Pilot, text: str) -> LookupScreen:
    screen = await wait_for_screen(pilot, LookupScreen)
    assert isinstance(screen, LookupScreen)
    for char in text:
        await pilot.press("space" if char == " " else char)
    await wait_until(
        pilot,
        lambda: screen.settled and screen.query_one(Input).value == text,
        f"the rows for {text!r}",
    )
    return screen


def _names(screen: LookupScreen) -> list[str]:
    return [row.entity.name for row in screen.rows.entities]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_misspelled_name_finds_her_page_and_her_cable_at_the_paragraph_and_back(
    size: tuple[int, int],
) -> None:
    app = create_app(real_store())
    async with app.run_test(size=size) as pilot:
        await pilot.press("f")
        screen = await _type_query(pilot, "hobdaberg")
        assert _names(screen)[0] == "Rayhan Khobdabergenova"
        assert "Rayhan Khobdabergenova" in screen_text(pilot)
        assert "person" in screen_text(pilot)

        await pilot.press("enter")
        page = await wait_for_screen(pilot, EntityPage)
        assert isinstance(page, EntityPage)
        await wait_until(pilot, lambda: page.data is not None, "the entity page")
        text = screen_text(pilot)
        assert "PERSON" in text and "Hobdabergenova" in text and "08ASTANA611" in text
        cables = page.query_one("#entity-cables", OptionList)
        assert cables.has_focus

        await pilot.press("enter")  # the newest cable, at its first paragraph naming her
        reader = await wait_for_screen(pilot, ReaderScreen)
        assert isinstance(reader, ReaderScreen)
        view = reader.query_one(ParagraphView)
        await wait_until(pilot, lambda: view.search_text != "", "the name highlighted")
        assert view.cable is not None and view.cable.id == "08ASTANA611"
        assert view.position.cited == 6
        assert "Hobdabergenova" in view.search_text
        _current, count = view.match_info
        assert count >= 2  # both spellings, ¶6 and ¶9

        await pilot.press("escape")
        assert await wait_for_screen(pilot, EntityPage) is page


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_any_paragraph_under_a_cable_opens_the_reader_there(size: tuple[int, int]) -> None:
    app = create_app(real_store(), find="Hobdabergenova")
    async with app.run_test(size=size) as pilot:
        page = await wait_for_screen(pilot, EntityPage)
        await wait_until(pilot, lambda: page.data is not None, "the entity page")
        await pilot.press("down", "down", "enter")  # ¶6, then ¶9
        reader = await wait_for_screen(pilot, ReaderScreen)
        view = reader.query_one(ParagraphView)
        await wait_until(pilot, lambda: view.search_text != "", "the cable")
        assert view.position.cited == 9


async def test_tab_cycles_the_kind_and_the_rows_follow_it() -> None:
    app = create_app(real_store())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        screen = await _type_query(pilot, "shymkent")
        assert any(row.entity.kind == "place" for row in screen.rows.entities)
        await pilot.press("tab")  # people
        await wait_until(pilot, lambda: screen.settled, "the people rows")
        assert screen.kind == "person"
        assert all(row.entity.kind == "person" for row in screen.rows.entities)
        await pilot.press("tab", "tab")  # places, groups
        await wait_until(pilot, lambda: screen.settled, "the group rows")
        assert screen.kind == "group"
        await pilot.press("tab")
        await wait_until(pilot, lambda: screen.settled, "all rows again")
        assert screen.kind is None


async def test_a_negated_word_drops_the_names_holding_it() -> None:
    app = create_app(real_store())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        screen = await _type_query(pilot, "narymbetov")
        assert "Bahadyr Narymbetov" in _names(screen)
        for char in " !bahadyr":
            await pilot.press("space" if char == " " else char)
        await wait_until(pilot, lambda: screen.settled, "the filtered rows")
        assert "Bahadyr Narymbetov" not in _names(screen)


async def test_a_cable_id_typed_in_the_lookup_offers_the_cable() -> None:
    app = create_app(real_store())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.catalog is not None, "the catalog")
        await pilot.press("f")
        screen = await _type_query(pilot, "08astana61")
        assert [row.row.id for row in screen.rows.cables] == ["08ASTANA611"]
        while screen.cursor_id != "c08ASTANA611":
            await pilot.press("down")
        await pilot.press("enter")
        reader = await wait_for_screen(pilot, ReaderScreen)
        assert reader.cable_id == "08ASTANA611"


async def test_escape_closes_the_lookup_and_the_list_is_back() -> None:
    app = create_app(real_store())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await wait_for_screen(pilot, LookupScreen)
        await pilot.press("escape")
        await wait_until(pilot, lambda: len(app.screen_stack) == 1, "the list")


# --- names in the reader -------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_entities_pane_lists_the_cables_names_and_opens_a_page(
    size: tuple[int, int],
) -> None:
    app = create_app(real_store(), start_ref="08ASTANA611")
    async with app.run_test(size=size) as pilot:
        reader = await wait_for_screen(pilot, ReaderScreen)
        view = reader.query_one(ParagraphView)
        await wait_until(pilot, lambda: view.cable is not None, "the cable")
        await pilot.press("e")
        pane = reader.query_one(EntitiesPane)
        await wait_until(pilot, lambda: pane.option_count > 0, "the names")
        assert pane.has_focus
        text = screen_text(pilot)
        assert "People" in text and "Bahadyr Narymbetov" in text
        assert ("Narymbetov", "person") not in pane.names_in_paragraph(2)
        assert ("Bahadyr Narymbetov", "person") in pane.names_in_paragraph(2)
        await pilot.press("enter")  # the first name: Narymbetov
        page = await wait_for_screen(pilot, EntityPage)
        await wait_until(pilot, lambda: page.data is not None, "the entity page")
        assert page.data.record.name == "Bahadyr Narymbetov"
        await pilot.press("escape")
        assert await wait_for_screen(pilot, ReaderScreen) is reader
        await pilot.press("e")
        assert not pane.display


@pytest.mark.parametrize("width", [120, 160])
async def test_the_text_keeps_60_columns_when_the_names_pane_opens_beside_it(width: int) -> None:
    app = create_app(real_store(), start_ref="08ASTANA611")
    async with app.run_test(size=(width, 40)) as pilot:
        reader = await wait_for_screen(pilot, ReaderScreen)
        view = reader.query_one(ParagraphView)
        await wait_until(pilot, lambda: view.cable is not None, "the cable")
        alone = view.size.width
        await pilot.press("e")
        pane = reader.query_one(EntitiesPane)
        await wait_until(pilot, lambda: pane.option_count > 0, "the names")
        await pilot.pause()
        # at 120 columns the panel and the pane narrow (the text had 44 columns); at 160
        # there is room for both at their width
        assert reader.has_class("-crowded") == (width < 140)
        assert view.size.width >= 58
        await pilot.press("e")
        await pilot.pause()
        assert not reader.has_class("-crowded") and view.size.width == alone


async def test_a_key_looks_up_the_names_of_the_current_paragraph() -> None:
    app = create_app(real_store(), start_ref="08ASTANA611¶6")
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await wait_for_screen(pilot, ReaderScreen)
        view = reader.query_one(ParagraphView)
        await wait_until(pilot, lambda: view.cable is not None, "the cable")
        await pilot.press("F")
        screen = await wait_for_screen(pilot, LookupScreen)
        await wait_until(pilot, lambda: screen.settled and screen.rows.entities, "the rows")
        assert screen.query_one(Input).value in {"Bahadyr Narymbetov", "Rayhan Khobdabergenova"}


async def test_browse_find_opens_the_best_matchs_page() -> None:
    app = create_app(real_store(), find="khobdabergenowa")
    async with app.run_test(size=(80, 24)) as pilot:
        page = await wait_for_screen(pilot, EntityPage)
        await wait_until(pilot, lambda: page.data is not None, "the entity page")
        assert page.data.record.name == "Rayhan Khobdabergenova"
        assert "Rayhan Khobdabergenova" in screen_text(pilot)


async def test_a_store_without_a_name_index_says_so_in_the_lookup() -> None:
    from tests.tui_fakes import FakeStore, sample_cables

    app = CablesApp(FakeStore(sample_cables()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await _type_query(pilot, "x")
        assert "no index of names" in screen_text(pilot)


async def test_names_are_marked_in_the_text_only_when_asked() -> None:
    app = create_app(real_store(), start_ref="08ASTANA611¶6")
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await wait_for_screen(pilot, ReaderScreen)
        view = reader.query_one(ParagraphView)
        await wait_until(pilot, lambda: view.cable is not None, "the cable")
        name_style = view.get_component_rich_style("paragraph-view--name")

        def marked() -> list[str]:
            return [
                segment.text
                for y in range(view.size.height)
                for segment in view.render_line(y)
                if segment.style is not None and segment.style.underline and name_style.underline
            ]

        assert marked() == []  # off by default
        await pilot.press("E")
        await pilot.pause()
        words = " ".join(marked())
        assert "Narymbetov" in words and "Khobdabergenova" in words
        await pilot.press("E")
        await pilot.pause()
        assert marked() == []


async def test_the_command_palette_offers_the_lookup() -> None:
    app = create_app(real_store())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        for char in "find a person":
            await pilot.press("space" if char == " " else char)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for_screen(pilot, LookupScreen)


def test_browse_find_with_an_empty_name_says_so_and_exits_2() -> None:
    from tests.store_support import run_cli

    result = run_cli("browse", "--store", str(real_store()), "--find", "  ")
    assert result.returncode == 2
    assert result.stderr.strip() == "cables: browse --find needs a name"


async def test_a_hostile_name_is_shown_as_text_never_as_markup_or_escapes(tmp_path) -> None:
    from tests.entity_support import entity_cable, write_cables

    evil = "Evil \x1b]0;pwned\x07 [@click=app.quit]x[/] Name"
    write_cables(tmp_path / "store", [entity_cable(1, people=((evil, (), (1,)),))])
    app = create_app(tmp_path / "store")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        screen = await _type_query(pilot, "evil")
        assert screen.rows.entities
        text = screen_text(pilot)
        assert "Evil ␛]0;pwned␇ [@click=app.qu" in text  # the row clips long names
        assert "\x1b" not in text and "\x07" not in text
        await pilot.press("enter")
        page = await wait_for_screen(pilot, EntityPage)
        await wait_until(pilot, lambda: page.data is not None, "the entity page")
        text = screen_text(pilot)
        assert "[@click=app.quit]x[/]" in text and "\x1b" not in text
        assert app.is_running


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_long_name_shows_whole_when_the_screen_is_wide_enough(
    size: tuple[int, int],
) -> None:
    name = "Kazakhstan International Bureau for Human Rights"  # 48 characters, the seed's
    app = create_app(real_store())
    async with app.run_test(size=size) as pilot:
        await pilot.press("f")
        screen = await _type_query(pilot, "kazakhstan international bureau")
        assert any(row.entity.name == name for row in screen.rows.entities)
        text = screen_text(pilot)
        if size[0] >= 120:  # the name column takes the width beyond 80 columns, up to 60
            assert name in text
        else:  # 32 characters at 80 columns: clipped, the kind and count still aligned
            assert name not in text and "Kazakhstan International Bureau…" in text


async def test_seen_with_keeps_each_name_on_one_line_clipping_a_long_one() -> None:
    app = create_app(real_store())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        screen = await _type_query(pilot, "bahadyr narymbetov")
        assert _names(screen)[0] == "Bahadyr Narymbetov"
        await pilot.press("enter")
        page = await wait_for_screen(pilot, EntityPage)
        assert isinstance(page, EntityPage)
        await wait_until(pilot, lambda: page.data is not None, "the entity page")
        seen = page.query_one("#entity-seen", OptionList)
        await wait_until(pilot, lambda: seen.option_count > 0, "the names seen with him")
        # one line a name, so that the pane lists as many names as it has lines
        assert seen.virtual_size.height == seen.option_count
        assert "Rayhan Khobdabergenova pe…" in screen_text(pilot)


async def test_the_lookups_count_of_one_cable_is_singular() -> None:
    # "1 cables" was said of a query whose rows held one cable.
    app = create_app(real_store())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        screen = await _type_query(pilot, "08ASTANA611")
        assert len(screen.rows.cables) == 1
        said = screen_text(pilot)
        assert "1 cable " in said and "1 cables" not in said


def test_a_count_and_its_noun_agree() -> None:
    from tui.presentation.counts import counted

    assert [counted(n, "cable") for n in (0, 1, 2, 1234)] == [
        "0 cables",
        "1 cable",
        "2 cables",
        "1,234 cables",
    ]
