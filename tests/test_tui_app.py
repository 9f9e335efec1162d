"""The browser driven by Pilot over an in-memory store: list, reader, keys, links, safety."""

from __future__ import annotations

import threading

import pytest
from textual.pilot import Pilot

from tests.tui_fakes import SEED_PARAGRAPH_5, FakeStore, sample_cables
from tui.app import CablesApp
from tui.presentation.catalog_order import CatalogArranger, CatalogView
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.cable_list import CableList
from tui.widgets.paragraph_view import ParagraphView
from tui.widgets.status_line import StatusLine


def screen_text(pilot: Pilot) -> str:
    """Everything drawn on the screen, as plain text."""
    app = pilot.app
    lines = app.screen._compositor.render_update(full=True)
    del lines
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def wait_for_catalog(pilot: Pilot) -> None:
    """Let the catalog worker finish and its rows reach the list."""
    app = pilot.app
    for _ in range(100):
        await pilot.pause(0.02)
        if app.catalog is not None and app.main_screen.query_one(CableList).row_count:
            return
    raise AssertionError("the catalog did not load")


async def wait_for_cable(pilot: Pilot) -> ParagraphView:
    """Let the reader's worker bring its cable."""
    for _ in range(100):
        await pilot.pause(0.02)
        screen = pilot.app.screen
        if isinstance(screen, ReaderScreen):
            view = screen.query_one(ParagraphView)
            if view.cable is not None:
                await pilot.pause()
                return view
    raise AssertionError("the cable did not load")


async def test_choosing_the_seed_cable_shows_its_origin_and_paragraph_5() -> None:
    app = CablesApp(FakeStore(sample_cables()))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_catalog(pilot)
        cables = app.main_screen.query_one(CableList)
        assert "08ASTANA611" in screen_text(pilot)
        while cables.highlighted_id != "08ASTANA611":
            await pilot.press("j")
        await pilot.press("enter")
        view = await wait_for_cable(pilot)
        assert isinstance(app.screen, ReaderScreen)
        text = screen_text(pilot)
        assert "Embassy Astana" in text
        view.scroll_to_paragraph(5, highlight=False)
        await pilot.pause()
        assert "Narymbetov claimed that 10 political parties" in screen_text(pilot)
        assert "¶5" in screen_text(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_the_first_paint_does_not_wait_for_the_catalog() -> None:
    gate = threading.Event()
    app = CablesApp(FakeStore(sample_cables(), gate=gate))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(pilot)
        assert "Loading the catalog" in text
        assert "Loading catalog" in text  # the status line's progress
        assert app.screen.query_one(StatusLine).has_class("-busy")
        gate.set()
        await wait_for_catalog(pilot)
        assert not app.screen.query_one(StatusLine).has_class("-busy")
        assert "4 cables" in screen_text(pilot)


async def test_the_first_rows_show_before_the_catalog_loads_and_sorting_waits() -> None:
    gate = threading.Event()
    app = CablesApp(FakeStore(sample_cables(), gate=gate, first_page=2))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        cables = app.main_screen.query_one(CableList)
        text = screen_text(pilot)
        # The two oldest cables, in date order, before the whole catalog is there.
        assert cables.row_count == 2 and app.catalog is None
        assert text.index("07TASHKENT877") < text.index("08ASTANA611")
        assert "08ASTANA900" not in text
        assert "1/2 of 4 · sort, filter once loaded" in text
        assert app.screen.query_one(StatusLine).has_class("-busy")
        await pilot.press("j", "s")  # sort by id: waits for the catalog
        assert cables.highlighted_id == "08ASTANA611"
        gate.set()
        await wait_for_catalog(pilot)
        for _ in range(100):
            await pilot.pause(0.02)
            if cables.view is not None and cables.view.sort.value == "id":
                break
        assert cables.row_count == 4 and cables.view is not None
        assert cables.view.sort.value == "id"
        assert cables.highlighted_id == "08ASTANA611"  # the cursor stayed on its cable
        assert "4 cables" in screen_text(pilot)


async def test_a_start_reference_opens_the_paragraph_highlighted() -> None:
    app = CablesApp(FakeStore(sample_cables()), start=("08ASTANA611", 5))
    async with app.run_test(size=(80, 24)) as pilot:
        view = await wait_for_cable(pilot)
        assert view.current == 5
        assert view.top_paragraph() in (4, 5)
        text = screen_text(pilot)
        assert SEED_PARAGRAPH_5[:40] in text.replace("\n", " ") or "Narymbetov claimed" in text
        assert "¶5 of 14" in text


async def test_links_are_followed_and_backspace_comes_back() -> None:
    app = CablesApp(FakeStore(sample_cables()), start=("08ASTANA611", None))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_catalog(pilot)
        await wait_for_cable(pilot)
        text = screen_text(pilot)
        assert "07TASHKENT877" in text and "08ASTANA900" in text  # cites, cited by
        await pilot.press("l", "enter")
        view = await wait_for_cable(pilot)
        for _ in range(50):
            if view.cable is not None and view.cable.id == "07TASHKENT877":
                break
            await pilot.pause(0.02)
        assert view.cable is not None and view.cable.id == "07TASHKENT877"
        await pilot.press("backspace")
        for _ in range(50):
            await pilot.pause(0.02)
            if view.cable is not None and view.cable.id == "08ASTANA611":
                break
        assert view.cable is not None and view.cable.id == "08ASTANA611"
        await pilot.press("backspace")
        assert isinstance(app.screen, MainScreen)


async def test_the_filter_narrows_the_list_and_escape_clears_it() -> None:
    app = CablesApp(FakeStore(sample_cables()))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_catalog(pilot)
        cables = app.main_screen.query_one(CableList)
        await pilot.press("slash", *"tashkent", "enter")
        for _ in range(50):
            await pilot.pause(0.02)
            if cables.row_count == 1:
                break
        assert cables.row_count == 1
        assert cables.highlighted_id == "07TASHKENT877"
        await pilot.press("escape")
        for _ in range(50):
            await pilot.pause(0.02)
            if cables.row_count == 4:
                break
        assert cables.row_count == 4


async def test_sort_cycles_and_reverses() -> None:
    app = CablesApp(FakeStore(sample_cables()))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_catalog(pilot)
        cables = app.main_screen.query_one(CableList)
        assert cables.view is not None
        first_by_date = cables.view.catalog.ids[cables.view.order[0]]
        assert first_by_date == "07TASHKENT877"
        await pilot.press("r")
        await pilot.pause(0.1)
        assert cables.view.descending
        assert cables.view.catalog.ids[cables.view.order[0]] == "09EVIL1"


async def test_help_lists_bindings_with_their_ids() -> None:
    app = CablesApp(FakeStore(sample_cables()))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_catalog(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(pilot)
        assert "main.filter" in text
        # at 80 columns a long description wraps rather than losing its end
        assert "subject hold" in text and "every word" in text
        for _ in range(6):  # the list's keys come first; the keys of every screen follow
            await pilot.press("pagedown")
            text += screen_text(pilot)
        assert "list.open" in text and "app.quit" in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_cable_text_never_becomes_markup_or_escape_sequences() -> None:
    app = CablesApp(FakeStore(sample_cables()), start=("09EVIL1", None))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_catalog(pilot)
        await wait_for_cable(pilot)
        text = screen_text(pilot)
        assert "[@click=app.quit]x[/]" in text
        assert "[bold]not bold[/bold]" in text
        assert "Embassy [bold]Evil[/bold]" in text
        assert "\x1b" not in text and "␛" in text
        await pilot.press("escape")
        text = screen_text(pilot)
        assert "\x1b" not in text
        assert "[@click=app.quit]x[/]" in text  # the subject in the list
        assert app.is_running


async def test_the_command_palette_opens_a_cable_at_a_paragraph() -> None:
    app = CablesApp(FakeStore(sample_cables()))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_catalog(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"08ASTANA611#par5")
        await pilot.pause(0.3)
        await pilot.press("enter")
        view = await wait_for_cable(pilot)
        assert view.cable is not None and view.cable.id == "08ASTANA611"
        assert view.current == 5


def test_no_color_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = CablesApp(FakeStore(sample_cables()))
    assert app.no_color
    assert app.animation_level == "none"


async def test_read_only_withdraws_the_screenshot_command() -> None:
    app = CablesApp(FakeStore(sample_cables()), read_only=True)
    async with app.run_test(size=(80, 24)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Screenshot" not in titles and "Quit" in titles


async def test_links_show_which_cables_are_absent_before_the_catalog_has_loaded() -> None:
    gate = threading.Event()  # the catalog stays unloaded for the whole test
    cables = [c for c in sample_cables() if c.id != "07TASHKENT877"]
    app = CablesApp(FakeStore(cables, gate=gate), start=("08ASTANA611", None))
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for_cable(pilot)
            text = screen_text(pilot)
            assert app.catalog is None
            assert "→ 07TASHKENT877 (not in store)" in text
            assert "← 08ASTANA900" in text
            assert "08ASTANA900 (not in store)" not in text
    finally:
        gate.set()


async def test_a_filter_typed_while_the_first_rows_are_arranged_is_applied(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    arranging, release = threading.Event(), threading.Event()
    arrange = CatalogArranger.arrange

    def slow_arrange(self: CatalogArranger, *args: object) -> CatalogView:
        if not release.is_set():  # the loader's own arrangement, with the settings of then
            arranging.set()
            release.wait(10)
        return arrange(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(CatalogArranger, "arrange", slow_arrange)
    app = CablesApp(FakeStore(sample_cables()))
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if arranging.is_set():
                break
        await pilot.press("slash", *"tashkent", "enter")
        await pilot.pause(0.1)
        release.set()
        cables = app.main_screen.query_one(CableList)
        for _ in range(100):
            await pilot.pause(0.02)
            if cables.row_count == 1:
                break
        assert cables.row_count == 1
        assert cables.highlighted_id == "07TASHKENT877"


async def test_a_tiny_terminal_still_shows_text_under_the_compact_metadata() -> None:
    app = CablesApp(FakeStore(sample_cables()), start=("08ASTANA611", 5))
    async with app.run_test(size=(40, 12)) as pilot:
        view = await wait_for_cable(pilot)
        assert view.size.height >= 3
        assert "Narymbetov" in screen_text(pilot)
