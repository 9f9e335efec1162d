"""The search screen driven by Pilot over a real store of tests/corpus: the prompt and its
history, the hits, their snippets, opening a cable at its first matching paragraph and
coming back, at 80x24 and 120x40."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from store.importer import import_sources
from store.store import CableStore
from tests.test_tui_app import screen_text, wait_for_cable
from tui.app import CablesApp
from tui.screens.main import MainScreen
from tui.screens.reader import ReaderScreen
from tui.screens.search import QueryInput, SearchResultList, SearchScreen

SIZES = [(80, 24), (120, 40)]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> Path:
    directory = tmp_path_factory.mktemp("screen") / "store"
    # every folder but review/, which grows with each review of the entity extractor: the
    # screens stay the same when it does
    folders = [str(path) for path in sorted(corpus.iterdir()) if path.is_dir()]
    import_sources(directory, [f for f in folders if not f.endswith("review")], workers=0)
    return directory


async def _search(pilot: Pilot, query: str) -> SearchScreen:
    """Open search with S, type the query, press enter, wait for the hits."""
    await pilot.press("S")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    screen.query_one(QueryInput).value = query
    await pilot.press("enter")
    for _ in range(200):
        await pilot.pause(0.02)
        status = screen.status_text
        if "Searching" not in status and status:
            return screen
    raise AssertionError("the search did not finish")


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_a_search_lists_the_hits_and_the_snippets_of_the_highlighted_one(
    store_dir: Path, size: tuple[int, int]
) -> None:
    app = CablesApp(CableStore.open(store_dir))
    async with app.run_test(size=size) as pilot:
        screen = await _search(pilot, "Khobdabergenova")
        results = screen.query_one(SearchResultList)
        assert results.row_count == 1 and results.has_focus
        text = screen_text(pilot)
        assert "08ASTANA611" in text
        assert "1 cable matches" in text
        assert "¶6" in text and "Khobdabergenova" in text


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_enter_opens_the_cable_at_its_first_matching_paragraph_and_back_returns(
    store_dir: Path, size: tuple[int, int]
) -> None:
    app = CablesApp(CableStore.open(store_dir))
    async with app.run_test(size=size) as pilot:
        screen = await _search(pilot, "Narymbetov")
        await pilot.press("enter")
        view = await wait_for_cable(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert view.cable is not None and view.cable.id == "08ASTANA611"
        assert view.current == 2  # the first paragraph that names him
        for _ in range(50):
            await pilot.pause(0.02)
            if view.search_text:
                break
        assert view.search_text == "Narymbetov"  # the reader's own search: n / N go on
        assert view.match_info[1] >= 2
        await pilot.press("escape")
        assert app.screen is screen
        assert screen.query_one(SearchResultList).row_count == 1
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_an_opened_hit_highlights_every_searched_word_but_negated_ones_and_n_steps(
    store_dir: Path,
) -> None:
    query = 'Narymbetov "labor migration" Shymk* oralmen~1 -Tehran origin:astana'
    app = CablesApp(CableStore.open(store_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await _search(pilot, query)
        await pilot.press("enter")
        view = await wait_for_cable(pilot)
        assert view.cable is not None and view.cable.id == "08ASTANA611"
        for _ in range(50):
            await pilot.pause(0.02)
            if view.search_text:
                break
        assert view.search_text == query
        layout = view._layout
        assert layout is not None
        search = view._search
        words = {layout.texts[m.paragraph][m.start : m.end].lower() for m in search.matches}
        # a word, both words of the phrase, the prefix's and the fuzzy word's spellings
        assert words == {"narymbetov", "labor", "migration", "shymkent", "oralman"}
        assert view.current == 1  # the first paragraph holding one of them (Shymkent)
        first = view.match_info
        assert first[0] == 1 and first[1] > 10
        await pilot.press("n")
        assert view.match_info == (2, first[1])
        await pilot.press("N", "N")
        assert view.match_info == (first[1], first[1])
        await pilot.press("slash", "enter")  # the query again from the reader's own prompt
        await pilot.pause()
        assert view.search_text == query and view.match_info[1] == first[1]


async def test_the_prompt_remembers_earlier_queries_with_up_and_down(store_dir: Path) -> None:
    app = CablesApp(CableStore.open(store_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await _search(pilot, "iran")
        screen = await _search(pilot, "corruption")
        await pilot.press("slash")
        prompt = screen.query_one(QueryInput)
        assert prompt.has_focus
        await pilot.press("up")
        assert prompt.value == "corruption"
        await pilot.press("up")
        assert prompt.value == "iran"
        await pilot.press("down", "down")
        assert prompt.value == ""


async def test_a_malformed_query_says_where_and_keeps_the_screen(store_dir: Path) -> None:
    app = CablesApp(CableStore.open(store_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _search(pilot, '"human rights')
        assert "malformed query at column 1" in screen_text(pilot)
        assert screen.query_one(SearchResultList).row_count == 0


async def test_s_orders_the_hits_by_date(store_dir: Path) -> None:
    app = CablesApp(CableStore.open(store_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _search(pilot, "iran")
        await pilot.press("s")
        for _ in range(100):
            await pilot.pause(0.02)
            if "newest first" in screen_text(pilot):
                break
        results = screen.query_one(SearchResultList).results
        assert results is not None
        dates = [hit.created for hit in results.hits()]
        assert dates == sorted(dates, reverse=True)


async def test_the_command_palette_offers_search_all_cables(store_dir: Path) -> None:
    app = CablesApp(CableStore.open(store_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        for key in "search all":
            await pilot.press("space" if key == " " else key)
        for _ in range(50):
            await pilot.pause(0.02)
            if "Search all cables" in screen_text(pilot):
                break
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)


async def test_cable_text_in_snippets_stays_text(tmp_path: Path) -> None:
    from cables.model import Cable, Paragraph
    from tests.store_support import build_store

    hostile = Cable(
        id="09EVIL1",
        subject="[@click=app.quit]quit[/]",
        paragraphs=(Paragraph(1, "C", "evil [@click=app.quit]words[/] \x1b]0;title\x07 here"),),
    )
    app = CablesApp(CableStore.open(build_store(tmp_path / "s", [hostile])))
    async with app.run_test(size=(120, 40)) as pilot:
        await _search(pilot, "evil")
        text = screen_text(pilot)
        assert "[@click=app.quit]words[/]" in text
        assert "\x1b" not in text


def _searched(query: str) -> Callable[[Pilot], object]:
    async def run_before(pilot: Pilot) -> None:
        await _search(pilot, query)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_the_search_screen(
    snap_compare: Callable[..., bool], store_dir: Path, size: tuple[int, int]
) -> None:
    app = CablesApp(CableStore.open(store_dir))
    assert snap_compare(app, terminal_size=size, run_before=_searched("human rights"))


def _opened(query: str) -> Callable[[Pilot], object]:
    async def run_before(pilot: Pilot) -> None:
        await _search(pilot, query)
        await pilot.press("enter")
        view = await wait_for_cable(pilot)
        for _ in range(50):
            await pilot.pause(0.02)
            if view.search_text:
                break
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_a_hit_opened_in_the_reader_with_every_searched_word_highlighted(
    snap_compare: Callable[..., bool], store_dir: Path, size: tuple[int, int]
) -> None:
    app = CablesApp(CableStore.open(store_dir))
    query = 'Narymbetov "labor migration" Shymk* -Tehran'
    assert snap_compare(app, terminal_size=size, run_before=_opened(query))
