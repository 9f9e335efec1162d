"""Snapshots of the facet picker and of the list narrowed by facets, at 80x24 and 120x40.

``pytest --snapshot-update`` accepts a deliberate change; the in-memory store keeps them
independent of the parser.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from tests.test_tui_app import wait_for_catalog
from tests.test_tui_facets import faceted_cables
from tests.tui_fakes import FakeStore
from tui.app import CablesApp
from tui.screens.facet_picker import FacetPicker

SIZES = [(80, 24), (120, 40)]


async def _picker_counted(pilot: Pilot) -> None:
    picker = pilot.app.screen
    assert isinstance(picker, FacetPicker)
    for _ in range(100):  # the counts come from a worker thread
        await pilot.pause(0.02)
        if picker.counts is not None:
            break
    await pilot.pause()


async def _classification_picker(pilot: Pilot) -> None:
    await wait_for_catalog(pilot)
    await pilot.press("c")
    await _picker_counted(pilot)


async def _two_facets(pilot: Pilot) -> None:
    await wait_for_catalog(pilot)
    for key, typed in (("O", "astana"), ("y", "2006-2008")):
        await pilot.press(key)
        await _picker_counted(pilot)
        await pilot.press(*typed)
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(5):
            await pilot.pause(0.05)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_the_classification_picker_with_counts(
    snap_compare: Callable[..., bool], size: tuple[int, int]
) -> None:
    app = CablesApp(FakeStore(faceted_cables()))
    assert snap_compare(app, terminal_size=size, run_before=_classification_picker)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_the_list_with_active_facets(
    snap_compare: Callable[..., bool], size: tuple[int, int]
) -> None:
    app = CablesApp(FakeStore(faceted_cables()))
    assert snap_compare(app, terminal_size=size, run_before=_two_facets)
