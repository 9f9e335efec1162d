"""The real ``cables`` command in a real terminal (tmux): first run, the list, a cable, quit."""

from __future__ import annotations

from pathlib import Path

from store.layout import MANIFEST
from tests.tmux_support import TmuxTerminal, cables_command, modes_left_wrong, open_cable_from_list


def test_cables_builds_the_sample_store_shows_the_list_opens_the_seed_cable_and_quits_cleanly(
    tmp_path: Path,
) -> None:
    store = tmp_path / "store"
    with TmuxTerminal() as terminal:
        terminal.start(cables_command("--store", str(store)), width=80, height=24)
        listing = terminal.wait_for("08ASTANA611", timeout=30)
        assert "Id" in listing and "Date" in listing and "Subject" in listing
        assert "Embassy Madrid" in listing  # other sample cables are listed too

        reader = open_cable_from_list(terminal, "08ASTANA611")
        assert "2008-03-21 05:37 · Embassy Astana" in reader
        assert "UNCLASSIFIED//FOR OFFICIAL USE ONLY" in reader
        assert "¶1" in reader and "South Kazakhstan oblast" in reader
        assert "¶2" not in reader

        terminal.send_keys("space")  # a page down
        scrolled = terminal.wait_for("¶2")
        assert "During March 4-7, poloff and pol FSN visited Shymkent" in scrolled

        terminal.send_keys("q")
        assert terminal.wait_for_exit() == 0
        assert modes_left_wrong(terminal.output()) == []
        modes = terminal.modes()
        assert modes["alternate_on"] == "0", modes
        assert modes["mouse_any_flag"] == "0", modes
        assert modes["cursor_flag"] == "1", modes
    assert (store / MANIFEST).is_file()  # the first run built the sample store there
