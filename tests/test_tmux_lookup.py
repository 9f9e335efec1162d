"""The real ``cables`` command in tmux: a misspelled name typed into the lookup reaches her
cable, at the paragraph naming her, the name highlighted."""

from __future__ import annotations

from tests.lookup_support import real_store
from tests.tmux_support import TmuxTerminal, cables_command


def test_typing_a_misspelled_name_reaches_the_right_cable_at_her_paragraph() -> None:
    store = real_store()
    with TmuxTerminal() as terminal:
        terminal.start(cables_command("--store", str(store)), width=100, height=30)
        terminal.wait_for(" cables", timeout=30)  # the list is loaded (its count shown)
        terminal.send_keys("f")
        terminal.wait_for("Find a person, place or group")
        terminal.type("khobdabergenowa")
        rows = terminal.wait_for("Rayhan Khobdabergenova", timeout=20)
        assert "person" in rows
        terminal.send_keys("Enter")
        page = terminal.wait_for("PERSON", timeout=20)
        assert "Hobdabergenova" in page and "08ASTANA611" in page
        terminal.send_keys("Enter")
        reader = terminal.wait_for("“Hobdabergenova” 1/2", timeout=20)
        assert "08ASTANA611 · ¶6" in reader
        assert "Khobdabergenova" in reader
        terminal.send_keys("Escape")
        terminal.wait_for("PERSON")
        terminal.send_keys("q")
        assert terminal.wait_for_exit() == 0
