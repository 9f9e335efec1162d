"""Snapshots of the lookup, an entity page and the reader with its entities pane, at 80x24
and 120x40, over the store of real cables (``pytest --snapshot-update`` to accept)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from tests.lookup_support import real_store, wait_for_screen, wait_until
from tui.app import create_app
from tui.screens.entity_page import EntityPage
from tui.screens.lookup import LookupScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.entities_pane import EntitiesPane
from tui.widgets.paragraph_view import ParagraphView

SIZES = [(80, 24), (120, 40)]


async def _lookup(pilot: Pilot) -> None:
    await pilot.press("f")
    screen = await wait_for_screen(pilot, LookupScreen)
    assert isinstance(screen, LookupScreen)
    for char in "hobdaberg":
        await pilot.press(char)
    await wait_until(pilot, lambda: screen.settled and bool(screen.rows.entities), "rows")


async def _page(pilot: Pilot) -> None:
    page = await wait_for_screen(pilot, EntityPage)
    assert isinstance(page, EntityPage)
    await wait_until(pilot, lambda: page.data is not None, "the page")


async def _pane(pilot: Pilot) -> None:
    reader = await wait_for_screen(pilot, ReaderScreen)
    view = reader.query_one(ParagraphView)
    await wait_until(pilot, lambda: view.cable is not None, "the cable")
    await pilot.press("e")
    pane = reader.query_one(EntitiesPane)
    await wait_until(pilot, lambda: pane.option_count > 0, "the names")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_lookup_ranking_a_misspelled_name(
    snap_compare: Callable[..., bool], size: tuple[int, int]
) -> None:
    assert snap_compare(create_app(real_store()), terminal_size=size, run_before=_lookup)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_page_of_bahadyr_narymbetov(
    snap_compare: Callable[..., bool], size: tuple[int, int]
) -> None:
    app = create_app(real_store(), find="Bahadyr Narymbetov")
    assert snap_compare(app, terminal_size=size, run_before=_page)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_reader_with_its_entities_pane(
    snap_compare: Callable[..., bool], size: tuple[int, int]
) -> None:
    app = create_app(real_store(), start_ref="08ASTANA611¶6")
    assert snap_compare(app, terminal_size=size, run_before=_pane)
