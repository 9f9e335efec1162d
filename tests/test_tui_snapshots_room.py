"""Snapshots of the go-to prompt and the notes screen at 80x24 and 120x40.

``pytest --snapshot-update`` accepts a deliberate change; the in-memory store keeps them
independent of the parser.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from store.notes import NotesBook
from tests.test_tui_app import wait_for_catalog
from tests.tui_fakes import FakeStore, sample_cables
from tui.app import CablesApp

SIZES = [(80, 24), (120, 40)]


async def _loaded(pilot: Pilot) -> None:
    await wait_for_catalog(pilot)


async def _go_to_typed(pilot: Pilot) -> None:
    await wait_for_catalog(pilot)
    await pilot.press("o", *"08 astana")
    suggestions = pilot.app.screen.query_one(OptionList)
    for _ in range(100):  # the suggestions come from a worker thread
        await pilot.pause(0.02)
        if suggestions.option_count == 2:
            break
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_the_go_to_prompt_completing_an_id(
    snap_compare: Callable[..., bool], size: tuple[int, int]
) -> None:
    app = CablesApp(FakeStore(sample_cables()))
    assert snap_compare(app, terminal_size=size, run_before=_go_to_typed)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_the_notes_screen(snap_compare: Callable[..., bool], size: tuple[int, int]) -> None:
    book = NotesBook(None)
    book.toggle_bookmark("07TASHKENT877")
    book.set_note("08ASTANA611", 5, "Nur Otan: the only active party in the region?\nCheck.")
    book.toggle_bookmark("08ASTANA611", 5)
    app = CablesApp(FakeStore(sample_cables()), notes=book)
    assert snap_compare(app, terminal_size=size, run_before=_loaded, press=["apostrophe"])
