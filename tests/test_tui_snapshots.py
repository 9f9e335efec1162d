"""Snapshots of the key screens at 80x24 and 120x40 (``pytest --snapshot-update`` to accept).

They use the in-memory store, so that a change to the parser does not change them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from tests.test_tui_app import wait_for_cable, wait_for_catalog
from tests.tui_fakes import FakeStore, sample_cables
from tui.app import CablesApp

SIZES = [(80, 24), (120, 40)]


async def _loaded(pilot: Pilot) -> None:
    await wait_for_catalog(pilot)


async def _reading(pilot: Pilot) -> None:
    await wait_for_catalog(pilot)
    await wait_for_cable(pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_the_list(snap_compare: Callable[..., bool], size: tuple[int, int]) -> None:
    app = CablesApp(FakeStore(sample_cables()))
    assert snap_compare(app, terminal_size=size, run_before=_loaded)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_a_cable_open_at_paragraph_5(
    snap_compare: Callable[..., bool], size: tuple[int, int]
) -> None:
    app = CablesApp(FakeStore(sample_cables()), start=("08ASTANA611", 5))
    assert snap_compare(app, terminal_size=size, run_before=_reading)


def test_help(snap_compare: Callable[..., bool]) -> None:
    app = CablesApp(FakeStore(sample_cables()))
    assert snap_compare(app, terminal_size=(80, 24), run_before=_loaded, press=["question_mark"])


def test_the_reader_help(snap_compare: Callable[..., bool]) -> None:
    app = CablesApp(FakeStore(sample_cables()), start=("08ASTANA611", None))
    assert snap_compare(app, terminal_size=(120, 40), run_before=_reading, press=["f1"])


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_a_cable_read_to_its_end_highlights_and_cites_the_last_paragraph(
    snap_compare: Callable[..., bool], size: tuple[int, int]
) -> None:
    app = CablesApp(FakeStore(sample_cables()), start=("08ASTANA611", 5))
    assert snap_compare(app, terminal_size=size, run_before=_reading, press=["G"])
