"""The lookup (``f``): find a person, place or group, or a cable, as you type.

Every keystroke starts a search in a worker thread (an exclusive group: a newer keystroke
cancels the older search, whose results are dropped); the rows replace the list when they
arrive. Rows come from :func:`tui.presentation.lookup_search.lookup`: entities ranked by the
store's entity index in tiers, filtered by fzf's query habits, then cables by id or subject
once the catalog is loaded. ``tab`` cycles the kind (all, people, places, groups); ``up`` and
``down`` move in the list while typing; ``enter`` opens the entity's page or the cable.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from tui.presentation.cells import clip_cells
from tui.presentation.counts import counted
from tui.presentation.lookup_query import parse_query
from tui.presentation.lookup_search import CableMatcher, CableRow, EntityRow, LookupRows, lookup
from tui.widgets.fixed_rows import FixedRows
from tui.widgets.safe_text import one_line

if TYPE_CHECKING:
    from tui.app import CablesApp

__all__ = ["KINDS", "LookupScreen", "entity_row_text"]

#: The kind filter, in the order ``tab`` cycles it: (label, kind given to the index).
KINDS: list[tuple[str, str | None]] = [
    ("all", None),
    ("people", "person"),
    ("places", "place"),
    ("groups", "group"),
]
_LIMIT = 40
#: The name column's width: 32 characters at 80 columns; a wider screen gives it what it
#: has beyond 80, up to 60 (a long group's name whole), the variant forms after it
#: keeping their 34 columns.
_NAME_WIDTH = 32
_WIDEST_NAME = 60
_FORMS_WIDTH = 34
#: The kind (6 and a space) and the count of cables (5 and a space) after the name.
_KIND_AND_COUNT = 7 + 6
_HIGHLIGHT = "bold reverse"
#: Rows of recent queries (backspacing, retyping, the short first keys of every query),
#: keyed by (terms, kind), for one (index, matcher); shared by the lookup's worker threads.
_RESULTS: OrderedDict[tuple[tuple[object, ...], str | None], LookupRows] = OrderedDict()
_RESULTS_OWNER: list[tuple[object, object] | None] = [None]
_RESULTS_LOCK = threading.Lock()
_RESULTS_KEPT = 512
#: The cable matcher of the last catalog seen (one slot: the app has one catalog).
_MATCHER: list[tuple[object, CableMatcher] | None] = [None]


def _highlighted(text: str, spans: tuple[tuple[int, int], ...], style: str = "") -> Text:
    """``text`` (already one clean line) with its spans in the highlight style."""
    result = Text(text, style=style, end="", no_wrap=True, overflow="ellipsis")
    for start, end in spans:
        result.stylize(_HIGHLIGHT, start, end)
    return result


def name_column_width(width: int) -> int:
    """The width of the lookup's name column in rows ``width`` cells wide."""
    return max(_NAME_WIDTH, min(_WIDEST_NAME, width - 1 - _KIND_AND_COUNT - _FORMS_WIDTH))


def entity_row_text(row: EntityRow, width: int) -> Text:
    """One line ``width`` cells wide at most: name (matched characters highlighted), kind,
    cables, best variant forms."""
    entity = row.entity
    name_width = name_column_width(width)
    name = one_line(entity.name)
    spans = row.spans if name == entity.name else ()
    shown = clip_cells(name, name_width)
    spans = tuple((s, min(e, len(shown))) for s, e in spans if s < len(shown))
    text = _highlighted(shown, spans, "bold")
    text.append(" " * (name_width + 1 - cell_len(shown)))
    text.append(f"{entity.kind:<6} ", style="italic")
    text.append(f"{entity.count:>5} ", style="cyan")
    others = ", ".join(one_line(form) for form in entity.forms[1:4])
    if others:
        text.append(others, style="dim")
    return text


def _row_text(row: EntityRow | CableRow, width: int) -> Text:
    """The line of a row of either kind, ``width`` cells wide at most."""
    if isinstance(row, EntityRow):
        return entity_row_text(row, width)
    return _cable_row_text(row, width)


def _cable_row_text(row: CableRow, width: int) -> Text:
    catalog_row = row.row
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(f"{one_line(catalog_row.id):<{name_column_width(width)}} ", style="bold")
    text.append("cable  ", style="italic")
    text.append(f"{(catalog_row.created or '')[:10]:<10} ", style="cyan")
    subject = one_line(catalog_row.subject)
    spans = row.spans if subject == (catalog_row.subject or "").lower() or row.spans else ()
    text.append_text(_highlighted(subject, tuple(spans)))
    return text


class LookupScreen(Screen[None]):
    """A prompt and the rows it finds; choosing one opens its page (or the cable)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", tooltip="Close the lookup", id="lookup.close"),
        Binding(
            "tab",
            "next_kind",
            "Kind",
            priority=True,
            tooltip="Cycle the kind: all, people, places, groups",
            id="lookup.next_kind",
        ),
        Binding(
            "shift+tab",
            "previous_kind",
            "Kind back",
            show=False,
            priority=True,
            id="lookup.previous_kind",
        ),
        Binding("down,ctrl+n", "cursor(1)", "Down", show=False, id="lookup.down"),
        Binding("up", "cursor(-1)", "Up", show=False, id="lookup.up"),
        Binding("pagedown", "cursor(10)", "Page down", show=False, id="lookup.page_down"),
        Binding("pageup", "cursor(-10)", "Page up", show=False, id="lookup.page_up"),
    ]

    DEFAULT_CSS = """
    LookupScreen {
        #lookup-title { height: 1; padding: 0 1; background: $panel; }
        #lookup-input { border: tall $accent; }
        #lookup-status { height: 1; padding: 0 1; color: $text-muted; }
        #lookup-rows { height: 1fr; }
    }
    """

    class Found(Message):
        """A search finished (sent by the worker)."""

        def __init__(self, request: int, rows: LookupRows, note: str, started: float) -> None:
            super().__init__()
            self.request = request
            self.rows = rows
            self.note = note
            self.started = started

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self._initial = query
        self._kind = 0
        self._request = 0
        self._rows: LookupRows = LookupRows((), ())
        self._said = ""
        #: The request whose rows are on screen, and when its keystroke came (perf_counter).
        self.shown_request = 0
        self.shown_started = 0.0

    @property
    def cables_app(self) -> CablesApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    @property
    def kind(self) -> str | None:
        """The kind searched (None: all)."""
        return KINDS[self._kind][1]

    @property
    def settled(self) -> bool:
        """Whether the rows on screen answer the latest keystroke."""
        return self.shown_request == self._request

    @property
    def rows(self) -> LookupRows:
        """The rows on screen."""
        return self._rows

    def compose(self) -> ComposeResult:
        """Title with the kind filter, the prompt, a status line, the rows, the footer."""
        yield Static(id="lookup-title", markup=False)
        yield Input(
            self._initial,
            placeholder="A name, any spelling ('exact ^start end$ !not), a cable id or subject",
            id="lookup-input",
        )
        yield Static(id="lookup-status", markup=False)
        yield FixedRows(_row_text, id="lookup-rows")
        yield Footer()

    def on_mount(self) -> None:
        """Focus the prompt and search what it holds."""
        self._show_title()
        self.query_one(Input).focus()
        self._prepare()
        self._start_search()

    @work(thread=True, group="lookup-prepare")
    def _prepare(self) -> None:
        """Load the index and build the cable matcher while the user starts typing, so that
        no keystroke's search waits for them (the index loads once: the store's lock)."""
        self.cables_app.entity_index_now()
        self._cable_matcher()

    def _show_title(self) -> None:
        title = Text("Find a person, place or group   ", style="bold", end="")
        for number, (label, _kind) in enumerate(KINDS):
            title.append(f" {label} ", style="reverse" if number == self._kind else "dim")
        self.query_one("#lookup-title", Static).update(title)

    def _say(self, text: str) -> None:
        if text != self._said:  # the same line again: nothing to repaint
            self._said = text
            self.query_one("#lookup-status", Static).update(Text(text, end=""), layout=False)

    @on(Input.Changed, "#lookup-input")
    def _typed(self) -> None:
        self._start_search()

    def _start_search(self) -> None:
        self._request += 1
        query = self.query_one(Input).value
        self._search(self._request, query, self.kind, time.perf_counter())

    @work(thread=True, exclusive=True, group="lookup")
    def _search(self, request: int, typed: str, kind: str | None, started: float) -> None:
        worker = get_current_worker()
        if not self.cables_app.entity_index_loaded:
            self.app.call_from_thread(self._say, "Loading the index of names…")
        index = self.cables_app.entity_index_now()
        if worker.is_cancelled:
            return
        query = parse_query(typed)
        if index is None:
            self.post_message(self.Found(request, LookupRows((), ()), "no-index", started))
            return
        matcher = self._cable_matcher()
        key = (query.terms, kind)
        with _RESULTS_LOCK:
            if _RESULTS_OWNER[0] != (index, matcher):  # another index or catalog: forget
                _RESULTS.clear()
                _RESULTS_OWNER[0] = (index, matcher)
            rows = _RESULTS.get(key)
            if rows is not None:
                _RESULTS.move_to_end(key)
        if rows is None:
            rows = lookup(index, query, kind, _LIMIT, matcher)
            with _RESULTS_LOCK:
                _RESULTS[key] = rows
                while len(_RESULTS) > _RESULTS_KEPT:
                    _RESULTS.popitem(last=False)
        if not worker.is_cancelled:
            self.post_message(self.Found(request, rows, "", started))

    def _cable_matcher(self) -> CableMatcher | None:
        """The matcher over the app's catalog, built once the catalog is there (in a worker)
        and kept for the next lookups while the catalog stays the same."""
        catalog = self.cables_app.catalog
        if catalog is None:
            return None
        kept = _MATCHER[0]
        if kept is None or kept[0] is not catalog:
            kept = (catalog, CableMatcher(catalog))
            _MATCHER[0] = kept
        return kept[1]

    def on_lookup_screen_found(self, message: Found) -> None:
        """Show the rows of the latest search (older ones are dropped)."""
        if message.request != self._request:
            return
        self._rows = message.rows
        items: list[tuple[tuple[str, tuple[tuple[int, int], ...]], EntityRow | CableRow]] = [
            ((f"e{row.entity.id}", row.spans), row) for row in message.rows.entities
        ]
        items += [((f"c{row.row.id}", row.spans), row) for row in message.rows.cables]
        self.query_one(FixedRows).set_rows(items)
        typed = self.query_one(Input).value
        if message.note == "no-index":
            self._say("This store has no index of names.")
        elif not typed.strip():
            self._say("Type a name: people, places and groups of every cable.")
        elif not items:
            self._say("Nothing matches.")
        else:
            self._say(
                counted(len(message.rows.entities), "name")
                + (f", {counted(len(message.rows.cables), 'cable')}" if message.rows.cables else "")
                + "   enter opens · tab: kind · esc closes"
            )
        self.shown_request = message.request
        self.shown_started = message.started

    def action_cursor(self, step: int) -> None:
        """Move the highlighted row while the prompt keeps the focus."""
        self.query_one(FixedRows).move_cursor(step)

    @property
    def cursor_id(self) -> str | None:
        """The row under the cursor: ``e<entity id>`` or ``c<cable id>`` (None: no rows)."""
        key = self.query_one(FixedRows).cursor_key
        return None if key is None else key[0]  # type: ignore[index]

    def _cycle_kind(self, step: int) -> None:
        self._kind = (self._kind + step) % len(KINDS)
        self._show_title()
        self._start_search()

    def action_next_kind(self) -> None:
        """Search the next kind (all, people, places, groups)."""
        self._cycle_kind(1)

    def action_previous_kind(self) -> None:
        """Search the kind before."""
        self._cycle_kind(-1)

    @on(Input.Submitted, "#lookup-input")
    def _submitted(self) -> None:
        self._open(self.cursor_id)

    @on(FixedRows.Chosen, "#lookup-rows")
    def _chosen(self, event: FixedRows.Chosen) -> None:
        self._open(event.key[0])  # type: ignore[index]

    def _open(self, option_id: str | None) -> None:
        if not option_id:
            return
        app = self.cables_app
        if option_id.startswith("e"):
            app.open_entity(int(option_id[1:]))
        else:
            app.open_cable(option_id[1:], None)

    def action_close(self) -> None:
        """Close the lookup."""
        self.dismiss(None)
