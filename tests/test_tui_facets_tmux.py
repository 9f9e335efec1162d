"""The real ``cables`` command in tmux: narrow the list by a facet, then open a cable."""

from __future__ import annotations

from pathlib import Path

from tests.tmux_support import TmuxTerminal, cables_command


def test_cables_narrows_the_list_by_origin_and_opens_a_cable_from_it(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with TmuxTerminal() as terminal:
        terminal.start(cables_command("--store", str(store)), width=80, height=24)
        terminal.wait_for("08ASTANA611", timeout=30)
        terminal.wait_until(lambda pane: "Loading" not in pane, timeout=30)
        terminal.send_keys("O")
        terminal.wait_for("Narrow by origin")
        terminal.wait_until(lambda pane: "values" in pane)
        terminal.type("astana")
        terminal.wait_for("Embassy Astana")
        terminal.send_keys("Enter")
        narrowed = terminal.wait_until(
            lambda pane: "origin Embassy Astana" in pane and "Embassy Madrid" not in pane
        )
        assert "cable" in narrowed and "08ASTANA611" in narrowed
        terminal.send_keys("Enter")
        reader = terminal.wait_for("¶1", timeout=15)
        assert "Embassy Astana" in reader
        terminal.send_keys("q")
        assert terminal.wait_for_exit() == 0
