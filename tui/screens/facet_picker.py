"""The facet picker: an input and a list of values with their counts, narrowing as you type.

The counts are computed in a thread worker (on the full store a count takes a few tenths of
a second), under the other active facets and the text filter. ``up``/``down`` move in the
list while typing; ``enter`` chooses the highlighted value. For the year facet a typed range
(``2005-2008``) is offered first.
"""

from __future__ import annotations

from collections.abc import Callable
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

from cables.sanitize import clean_text
from tui.presentation.facets import FacetKind, narrow_values, parse_year_range

__all__ = ["CLEAR", "FacetPicker"]

#: What the picker returns when the user chooses to clear the facet.
CLEAR = "\x00clear"


class FacetPicker(ModalScreen[str | None]):
    """Choose one value of a facet; dismisses with the value, :data:`CLEAR`, or None.

    ``counts`` is called in a worker thread and returns each value's count of cables.
    ``active`` is the facet's current value (then "clear" is offered first).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Cancel", id="facet.cancel"),
        Binding("down", "cursor_down", "Down", show=False, id="facet.down"),
        Binding("up", "cursor_up", "Up", show=False, id="facet.up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="facet.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="facet.page_up"),
    ]

    DEFAULT_CSS = """
    FacetPicker {
        align: center top;
        background: $background 60%;
        #facet-body {
            width: 64;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            margin-top: 1;
            border: round $accent;
            border-title-align: left;
            background: $surface;
            padding: 0 1;
        }
        #facet-message { color: $text-muted; height: 1; }
        OptionList { height: auto; max-height: 14; border: none; padding: 0; }
    }
    """

    def __init__(
        self,
        kind: FacetKind,
        counts: Callable[[], dict[str, int]],
        *,
        active: str | None = None,
        title: str | None = None,
        show_counts: bool = True,
    ) -> None:
        super().__init__()
        self.kind = kind
        self._count = counts
        self.active = active
        self.title_text = title or f"Narrow by {kind.value}"
        self.show_counts = show_counts
        self.counts: dict[str, int] | None = None
        self._offered: list[str] = []

    def compose(self) -> ComposeResult:
        """The input, a line saying how many values, the values."""
        with Vertical(id="facet-body") as body:
            body.border_title = self.title_text
            hint = (
                "2005 or 2005-2008, or choose" if self.kind is FacetKind.YEAR else "Type to narrow"
            )
            yield Input(placeholder=hint, id="facet-input")
            yield Static("Counting…", id="facet-message")
            option_list = OptionList(id="facet-values")
            option_list.can_focus = False
            yield option_list

    def on_mount(self) -> None:
        """Focus the input and count the values."""
        self.query_one(Input).focus()
        self._load()

    @work(thread=True, exclusive=True, group="facet-counts")
    def _load(self) -> None:
        counts = self._count()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._loaded, counts)

    def _loaded(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self._show(self.query_one(Input).value)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if self.counts is not None:
            self._show(event.value)

    def _show(self, typed: str) -> None:
        counts = self.counts or {}
        found = narrow_values(counts, typed, self.kind)
        offered: list[tuple[str, str, int | None]] = []  # (value, label, count)
        if self.active is not None and not typed.strip():
            offered.append((CLEAR, f"Any {self.kind.value} (clear {self.active})", None))
        if self.kind is FacetKind.YEAR:
            years = parse_year_range(typed)
            if years is not None and years[0] != years[1]:
                total = sum(n for v, n in counts.items() if years[0] <= int(v) <= years[1])
                offered.append((f"{years[0]}-{years[1]}", f"{years[0]}-{years[1]}", total))
        offered.extend(
            (value, value, count if self.show_counts else None) for value, count in found
        )
        self._offered = [value for value, _label, _count in offered]
        options = self.query_one(OptionList)
        options.clear_options()
        width = max((len(f"{c:,}") for _v, _l, c in offered if c is not None), default=0)
        for index, (_value, label, count) in enumerate(offered):
            number = (
                f"{count:>{width},}  " if count is not None else " " * (width + 2 if width else 0)
            )
            options.add_option(
                Option(Content(number + clean_text(" ".join(label.split()))), id=f"v{index}")
            )
        if offered:
            options.highlighted = 0
        values = len(counts)
        shown = len(found)
        message = f"{values:,} values" if shown == values else f"{shown:,} of {values:,} values"
        self.query_one("#facet-message", Static).update(Content(message))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None and highlighted < len(self._offered):
            self.dismiss(self._offered[highlighted])
        elif self.counts is None:
            self.notify("Still counting…", timeout=2, markup=False)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._offered[event.option_index])

    def action_cursor_down(self) -> None:
        """Highlight the next value."""
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        """Highlight the previous value."""
        self.query_one(OptionList).action_cursor_up()

    def action_page_down(self) -> None:
        """Highlight a page further down."""
        self.query_one(OptionList).action_page_down()

    def action_page_up(self) -> None:
        """Highlight a page further up."""
        self.query_one(OptionList).action_page_up()

    def action_dismiss_none(self) -> None:
        """Close without changing the facet."""
        self.dismiss(None)
