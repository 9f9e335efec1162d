"""Getting around in the reader: back and forward, the history list, the next and previous
cable (in the list's order and from the same origin), links to cables not in the store, and
the list's cursor after ``cables browse REF``."""

from __future__ import annotations

import threading

from textual.pilot import Pilot

from cables.model import Cable, Paragraph
from tests.test_tui_app import screen_text, wait_for_cable, wait_for_catalog
from tests.tui_fakes import FakeStore, sample_cables
from tui.app import CablesApp
from tui.screens.history import HistoryScreen
from tui.screens.main import MainScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.cable_list import CableList
from tui.widgets.link_list import LinkList


def _reader(pilot: Pilot) -> ReaderScreen:
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


async def _wait_for(pilot: Pilot, cable_id: str) -> None:
    for _ in range(100):
        await pilot.pause(0.02)
        screen = pilot.app.screen
        if isinstance(screen, ReaderScreen) and screen.cable_id == cable_id:
            await wait_for_cable(pilot)
            return
    raise AssertionError(f"{cable_id} did not open")


def _with_a_missing_link() -> list[Cable]:
    dangling = Cable(
        id="08ASTANA700",
        created="2008-04-01 10:00",
        classification="SECRET//NOFORN",
        origin="Embassy Astana",
        subject="CITES A CABLE THE STORE LACKS",
        references=("06NOWHERE1",),
        paragraphs=(Paragraph(1, "S", "See reftel."),),
    )
    return [*sample_cables(), dangling]


async def test_forward_returns_to_the_cable_left_with_back() -> None:
    app = CablesApp(FakeStore(sample_cables()), start=("08ASTANA611", None))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_cable(pilot)
        await pilot.press("l", "enter")  # the seed's first link: 07TASHKENT877
        await _wait_for(pilot, "07TASHKENT877")
        await pilot.press("backspace")
        await _wait_for(pilot, "08ASTANA611")
        await pilot.press("alt+right")
        await _wait_for(pilot, "07TASHKENT877")
        assert "UZBEKISTAN: LABOR MIGRATION" in screen_text(pilot)
        await pilot.press("alt+left")
        await _wait_for(pilot, "08ASTANA611")


async def test_the_history_list_shows_places_visited_newest_first_and_enter_goes_there() -> None:
    app = CablesApp(FakeStore(sample_cables()), start=("08ASTANA611", None))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_catalog(pilot)
        await wait_for_cable(pilot)
        await pilot.press("l", "enter")
        await _wait_for(pilot, "07TASHKENT877")
        await pilot.press("H")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        text = screen_text(pilot)
        assert text.index("07TASHKENT877") < text.index("08ASTANA611")
        assert "SOUTH KAZAKHSTAN: POPULATION GROWTH" in text  # the subject beside the id
        await pilot.press("j", "enter")
        await _wait_for(pilot, "08ASTANA611")


async def test_the_palette_offers_back_forward_and_history() -> None:
    app = CablesApp(FakeStore(sample_cables()), start=("08ASTANA611", None))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_catalog(pilot)
        await wait_for_cable(pilot)
        await pilot.press("l", "enter")
        await _wait_for(pilot, "07TASHKENT877")
        for command, expected in (("back", "08ASTANA611"), ("forward", "07TASHKENT877")):
            await pilot.press("ctrl+p", *command)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await _wait_for(pilot, expected)
        await pilot.press("ctrl+p", *"history")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)


async def test_next_and_previous_cable_follow_the_lists_order_and_move_its_cursor() -> None:
    app = CablesApp(FakeStore(sample_cables()))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_catalog(pilot)
        cables = app.main_screen.query_one(CableList)
        await pilot.press("n")  # newest first: 09EVIL1, 08ASTANA900, 08ASTANA611, 07TASHKENT877
        await pilot.pause(0.2)
        assert cables.highlighted_id is not None
        cables.set_cursor(cables.view.position_of("08ASTANA900"))
        await pilot.press("enter")
        await _wait_for(pilot, "08ASTANA900")
        await pilot.press("J")
        await _wait_for(pilot, "08ASTANA611")
        await pilot.press("J")
        await _wait_for(pilot, "07TASHKENT877")
        await pilot.press("J")  # the last one: says so, stays
        await pilot.pause()
        assert _reader(pilot).cable_id == "07TASHKENT877"
        await pilot.press("K", "K", "K")
        await _wait_for(pilot, "09EVIL1")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert cables.highlighted_id == "09EVIL1"


async def test_greater_and_less_than_go_to_the_next_and_previous_cable_of_the_same_origin() -> None:
    app = CablesApp(FakeStore(_with_a_missing_link()), start=("08ASTANA611", None))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_catalog(pilot)
        await wait_for_cable(pilot)
        await pilot.press("greater_than_sign")
        await _wait_for(pilot, "08ASTANA700")
        await pilot.press("greater_than_sign")
        await _wait_for(pilot, "08ASTANA900")
        await pilot.press("less_than_sign", "less_than_sign")
        await _wait_for(pilot, "08ASTANA611")
        await pilot.press("less_than_sign")  # the earliest from Astana: stays
        await pilot.pause()
        assert _reader(pilot).cable_id == "08ASTANA611"


async def test_a_link_to_a_cable_not_in_the_store_says_so_in_place_and_y_copies_its_id() -> None:
    app = CablesApp(FakeStore(_with_a_missing_link()), start=("08ASTANA700", None))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_cable(pilot)
        await pilot.pause(0.2)
        assert "not in store" in screen_text(pilot)
        await pilot.press("enter")  # the only link: not followed, said in place
        await pilot.pause()
        assert _reader(pilot).cable_id == "08ASTANA700"
        assert any("06NOWHERE1 is not in this store" in str(n.message) for n in app._notifications)
        await pilot.press("l")
        await pilot.pause()
        assert _reader(pilot).query_one(LinkList).has_focus
        await pilot.press("enter")
        await pilot.pause()
        assert _reader(pilot).cable_id == "08ASTANA700"
        await pilot.press("y")
        assert app.clipboard == "06NOWHERE1"


async def test_after_browse_ref_and_escape_the_lists_cursor_is_on_that_cable() -> None:
    gate = threading.Event()
    store = FakeStore(sample_cables(), gate=gate, first_page=2)
    app = CablesApp(store, start=("08ASTANA900", None))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_cable(pilot)
        await pilot.press("escape")  # the catalog is still loading
        await pilot.pause()
        gate.set()
        await wait_for_catalog(pilot)
        await pilot.pause(0.1)
        assert app.main_screen.query_one(CableList).highlighted_id == "08ASTANA900"
        await pilot.press("enter")
        await _wait_for(pilot, "08ASTANA900")
        await pilot.press("J", "escape")
        await pilot.pause()
        assert app.main_screen.query_one(CableList).highlighted_id == "09EVIL1"


async def test_the_palette_offers_the_next_and_previous_cable_of_the_list_and_origin() -> None:
    app = CablesApp(FakeStore(sample_cables()), start=("08ASTANA611", None))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_catalog(pilot)
        await wait_for_cable(pilot)
        steps = (
            ("next cable from the same origin", "08ASTANA900"),
            ("previous cable", "08ASTANA611"),
            ("next cable", "08ASTANA900"),
        )
        for command, expected in steps:
            await pilot.press("ctrl+p", *command)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await _wait_for(pilot, expected)
