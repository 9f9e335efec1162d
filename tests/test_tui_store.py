"""The browser on a real store built from the sample corpus: the seed cable, links, start-up."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.test_tui_app import screen_text, wait_for_cable, wait_for_catalog
from tui.app import create_app
from tui.commands import browse
from tui.screens.main import MainScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.cable_list import CableList
from tui.widgets.paragraph_view import ParagraphView

SOURCES = ("blog", "wikileaks-html", "old-format", "csv")


@pytest.fixture(scope="module")
def store_dir(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding every cable of the sample corpus."""
    from store.importer import import_sources

    directory = tmp_path_factory.mktemp("store")
    report = import_sources(directory, [str(corpus / name) for name in SOURCES], workers=0)
    assert report.failed == 0
    return directory


def _one_line(text: str) -> str:
    """Screen text with the wrapping undone, to look for a sentence."""
    return " ".join(line.strip() for line in text.splitlines())


async def test_the_seed_cable_is_chosen_from_the_list_and_read(store_dir: Path) -> None:
    assert SEED.exists()
    app = create_app(store_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_catalog(pilot)
        cables = app.main_screen.query_one(CableList)
        await pilot.press("slash", *"astana611", "enter")
        for _ in range(100):
            await pilot.pause(0.02)
            if cables.highlighted_id == "08ASTANA611":
                break
        assert cables.highlighted_id == "08ASTANA611"
        await pilot.press("enter")
        view = await wait_for_cable(pilot)
        assert "Embassy Astana" in screen_text(pilot)
        await pilot.press(*"]]]]]")
        await pilot.pause()
        assert view.current == 5
        text = _one_line(screen_text(pilot))
        assert "¶5" in text
        assert "Narymbetov claimed that 10 political parties have their branch" in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_browse_at_a_paragraph_opens_it_highlighted(store_dir: Path) -> None:
    for ref in ("08ASTANA611¶5", "08ASTANA611#5", "08ASTANA611#par5"):
        app = create_app(store_dir, start_ref=ref)
        async with app.run_test(size=(120, 40)) as pilot:
            view = await wait_for_cable(pilot)
            assert view.current == 5
            text = _one_line(screen_text(pilot))
            assert "Embassy Astana" in text
            assert "Narymbetov claimed that 10 political parties" in text
            assert "¶5 of 17" in text


async def test_a_reference_not_in_the_store_is_said_in_place_and_backspace_returns(
    store_dir: Path,
) -> None:
    app = create_app(store_dir, start_ref="08ASTANA611")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_catalog(pilot)
        view = await wait_for_cable(pilot)
        assert "07TASHKENT877" in screen_text(pilot)
        await pilot.press("enter")  # the cable's only link, a cable this store lacks
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert view.cable is not None and view.cable.id == "08ASTANA611"  # nothing opened
        notes = [str(notification.message) for notification in app._notifications]
        assert any("07TASHKENT877 is not in this store" in note for note in notes)
        await pilot.press("backspace")  # no cable before: back to the list
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_search_in_the_reader_finds_and_steps_through_matches(store_dir: Path) -> None:
    app = create_app(store_dir, start_ref="08ASTANA611")
    async with app.run_test(size=(80, 24)) as pilot:
        view = await wait_for_cable(pilot)
        await pilot.press("slash", *"Nur Otan", "enter")
        await pilot.pause()
        index, count = view.match_info
        assert index == 1 and count >= 3
        await pilot.press("n")
        assert view.match_info[0] == 2
        await pilot.press("N", "N")
        assert view.match_info[0] == count
        assert "“Nur Otan”" in screen_text(pilot)


def _args(**values: object) -> argparse.Namespace:
    base: dict[str, object] = {"store": None, "ref": None, "read_only": False, "no_mouse": False}
    base.update(values)
    return argparse.Namespace(**base)


def test_an_unusable_store_is_one_line_and_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("not a store")
    assert browse.run(_args(store=str(tmp_path))) == 2
    err = capsys.readouterr().err
    assert err.startswith("cables: ") and err.count("\n") == 1 and "Traceback" not in err


def test_read_only_never_builds_a_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nothing"
    assert browse.run(_args(store=str(missing), read_only=True)) == 2
    assert not missing.exists()
    assert capsys.readouterr().err.startswith("cables: ")


def test_a_bad_reference_is_one_line_and_exit_code_2(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert browse.run(_args(store=str(store_dir), ref="08ASTANA611#parx")) == 2
    assert capsys.readouterr().err.startswith("cables: ")


def test_the_app_exits_after_its_first_paint_when_asked(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(store_dir, exit_after_first_paint=True)

    async def run() -> int | None:
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(100):
                if not app.is_running:
                    break
                await pilot.pause(0.02)
        return app.return_code

    import asyncio

    assert asyncio.run(run()) == 0


async def test_the_paragraph_view_keeps_the_reading_place_on_resize(store_dir: Path) -> None:
    app = create_app(store_dir, start_ref="08ASTANA611¶8")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await wait_for_cable(pilot)
        assert view.top_paragraph() == 8
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.has_class("-narrow")
        assert app.screen.query_one(ParagraphView).top_paragraph() == 8
