"""The go-to prompt (``o``): type any spelling of a cable id, with or without a paragraph.

``08 astana 611``, ``08ASTANA611¶5``, ``08astana611#par5`` and a pasted WikiLeaks address all
work (:func:`cables.links.parse_cable_link`). Ids of the store that start with what is typed
are offered below the prompt as you type; ``down`` moves into them, ``enter`` opens. An id
the store does not hold is said plainly, in the prompt, and nothing opens.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from cables.links import format_cable_link, parse_cable_link
from cables.sanitize import clean_text
from store.catalog import ids_starting_with

__all__ = ["GoToScreen", "complete_ids"]

_SUGGESTIONS = 8


def complete_ids(sorted_ids: Sequence[str], typed: str, limit: int = _SUGGESTIONS) -> list[str]:
    """Ids of ``sorted_ids`` (sorted) that start with the id ``typed`` reads as, in order.

    ``typed`` may carry spaces, lower case and a paragraph (``08 astana 6``, ``08astana611#5``).
    """
    try:
        prefix, _paragraph = parse_cable_link(typed)
    except ValueError:
        prefix = "".join(typed.split()).upper()
    return ids_starting_with(sorted_ids, prefix, limit)


class GoToScreen(ModalScreen[tuple[str, int | None] | None]):
    """A prompt for a cable id; dismisses with (id, paragraph) of a stored cable, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Cancel", id="go_to.cancel"),
        Binding("down", "suggestions", "Suggestions", show=False, id="go_to.suggestions"),
    ]

    DEFAULT_CSS = """
    GoToScreen {
        align: center top;
        background: $background 60%;
        #go-to-body {
            width: 64;
            max-width: 100%;
            height: auto;
            margin-top: 2;
            border: round $accent;
            border-title-align: left;
            background: $surface;
            padding: 0 1;
        }
        #go-to-message { color: $text-muted; height: auto; }
        #go-to-message.-error { color: $text-error; }
        OptionList { height: auto; max-height: 10; border: none; padding: 0; }
        OptionList.-empty { display: none; }
    }
    """

    def __init__(self, ids: Sequence[str] | None, contains: object) -> None:
        """``ids``: every stored id, sorted (None while unknown: no suggestions);
        ``contains``: answers ``cable_id in contains`` (the store)."""
        super().__init__()
        self._ids = ids
        self._contains = contains

    def compose(self) -> ComposeResult:
        """The prompt, a line for messages, the suggestions."""
        with Vertical(id="go-to-body") as body:
            body.border_title = "Go to a cable"
            yield Input(placeholder="08ASTANA611, 08 astana 611¶5, …", id="go-to-input")
            yield Static(
                "Any spelling of an id; ¶N, #N or #parN for a paragraph.", id="go-to-message"
            )
            yield OptionList(id="go-to-suggestions", classes="-empty")

    def on_mount(self) -> None:
        """Focus the prompt."""
        self.query_one(Input).focus()

    def _say(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#go-to-message", Static)
        message.update(Content(text))
        message.set_class(error, "-error")

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        self._suggest(event.value)

    @work(thread=True, exclusive=True, group="go-to")
    def _suggest(self, typed: str) -> None:
        found = complete_ids(self._ids, typed) if self._ids else []
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_suggestions, found)

    def _show_suggestions(self, found: list[str]) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(Content(clean_text(i)), id=f"#{i}") for i in found])
        options.set_class(not found, "-empty")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self._open(event.value)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss((event.option.id[1:], None))

    def _open(self, typed: str) -> None:
        if not typed.strip():
            self._say("Type a cable id.", error=True)
            return
        try:
            cable_id, paragraph = parse_cable_link(typed)
        except ValueError as error:
            self._say(clean_text(str(error)).capitalize() + ".", error=True)
            return
        if cable_id not in self._contains:  # type: ignore[operator]
            link = clean_text(format_cable_link(cable_id, paragraph))
            self._say(f"There is no cable {link} in this store.", error=True)
            return
        self.dismiss((cable_id, paragraph))

    def action_suggestions(self) -> None:
        """Move into the suggestions."""
        options = self.query_one(OptionList)
        if options.option_count:
            options.focus()
            options.highlighted = 0

    def action_dismiss_none(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)
