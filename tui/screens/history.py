"""The history list (``H``): every cable opened in this session, newest first."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from cables.links import format_cable_link
from cables.sanitize import clean_text
from tui.presentation.history import Visit

__all__ = ["HistoryScreen"]


class HistoryScreen(ModalScreen[Visit | None]):
    """The places visited, newest first; ``enter`` dismisses with the chosen visit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,H", "dismiss_none", "Close", id="history.close"),
        Binding("j", "cursor_down", "Down", show=False, id="history.down"),
        Binding("k", "cursor_up", "Up", show=False, id="history.up"),
    ]

    DEFAULT_CSS = """
    HistoryScreen {
        align: center top;
        background: $background 60%;
        #history-body {
            width: 72;
            max-width: 100%;
            height: auto;
            max-height: 90%;
            margin-top: 1;
            border: round $accent;
            border-title-align: left;
            background: $surface;
            padding: 0 1;
        }
        OptionList { height: auto; max-height: 20; border: none; padding: 0; }
        #history-empty { color: $text-muted; }
    }
    """

    def __init__(self, visits: list[Visit], subjects: dict[str, str] | None = None) -> None:
        """``visits`` newest first; ``subjects`` the subject of each id known (optional)."""
        super().__init__()
        self.visits = visits
        self._subjects = subjects or {}

    def compose(self) -> ComposeResult:
        """The list of visits (or a sentence when there is none)."""
        with Vertical(id="history-body") as body:
            body.border_title = "History: newest first"
            if not self.visits:
                yield Static("No cable read yet in this session.", id="history-empty")
            options = []
            for index, visit in enumerate(self.visits):
                label = clean_text(format_cable_link(visit.cable_id, visit.paragraph))
                subject = self._subjects.get(visit.cable_id)
                if subject:
                    label += "  " + clean_text(" ".join(subject.split()))
                options.append(Option(Content(label), id=f"v{index}"))
            yield OptionList(*options, id="history-list")

    def on_mount(self) -> None:
        """Focus the list, on the newest visit."""
        options = self.query_one(OptionList)
        options.focus()
        if options.option_count:
            options.highlighted = 0

    def action_cursor_down(self) -> None:
        """Next visit (older)."""
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        """Previous visit (newer)."""
        self.query_one(OptionList).action_cursor_up()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.visits[event.option_index])

    def action_dismiss_none(self) -> None:
        """Close without going anywhere."""
        self.dismiss(None)
