"""A one-line prompt at the bottom of a screen, like less's ``/``: type, enter, or escape."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input

__all__ = ["PromptBar"]


class PromptBar(Input):
    """An ``Input`` one line high, hidden until opened.

    ``enter`` posts ``Input.Submitted`` as usual; ``escape`` posts :class:`Cancelled`.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel"),
    ]

    DEFAULT_CSS = """
    PromptBar {
        height: 1;
        border: none;
        padding: 0 1;
        display: none;
        background: $panel;
        &:focus { border: none; background-tint: $foreground 5%; }
        &.-open { display: block; }
    }
    """

    class Cancelled(Message):
        """The reader pressed escape in the prompt."""

        def __init__(self, prompt_bar: PromptBar) -> None:
            super().__init__()
            self.prompt_bar = prompt_bar

        @property
        def control(self) -> PromptBar:
            """The prompt that sent this message."""
            return self.prompt_bar

    def open(self, placeholder: str, value: str = "") -> None:
        """Show the prompt, with ``value`` selected, and focus it."""
        self.placeholder = placeholder
        self.value = value
        self.add_class("-open")
        # Focus now, not after the next refresh, so keys typed right after "/" land here.
        self.screen.set_focus(self)
        self.select_all()

    def close(self) -> None:
        """Hide the prompt."""
        self.remove_class("-open")

    @property
    def is_open(self) -> bool:
        """Whether the prompt is shown."""
        return self.has_class("-open")

    def action_cancel(self) -> None:
        """Tell the screen the reader gave up."""
        self.post_message(self.Cancelled(self))
