"""Bindings every full screen of the browser shares (Textual's screen keys, with ids)."""

from __future__ import annotations

from textual.binding import Binding

__all__ = ["SCREEN_BINDINGS", "ScreenKeys"]

SCREEN_BINDINGS: list[Binding] = [
    Binding("tab", "app.focus_next", "Next pane", show=False, id="screen.focus_next"),
    Binding(
        "shift+tab", "app.focus_previous", "Previous pane", show=False, id="screen.focus_previous"
    ),
    Binding(
        "ctrl+c,super+c", "screen.copy_text", "Copy selection", show=False, id="screen.copy_text"
    ),
]


class ScreenKeys:
    """The keys every screen shares, as one owner of bindings (for the help screen)."""

    BINDINGS = SCREEN_BINDINGS
