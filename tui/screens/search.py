"""Search all cables: a query prompt with history, the hits in a virtual list, the snippets
of the highlighted hit below it.

``enter`` in the prompt searches (in a worker thread); ``down`` / ``up`` in the prompt walk
through the queries searched before. In the list, ``enter`` opens the cable at its first
matching paragraph, with the first word found there searched in the reader (so ``n`` /
``N`` go on to the next matches); the reader is pushed over this screen, so leaving it
comes back to the results. ``s`` switches between relevance and date order, ``/`` returns
to the prompt and ``escape`` closes the screen. The list draws only the rows on screen and
reads each hit's details from the index when its row is first drawn.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets import Footer, Input, Static

from tui.presentation.cells import fit_cells
from tui.presentation.counts import counted
from tui.presentation.list_columns import ListColumns
from tui.presentation.text_search import SpanFinder
from tui.screens.common import SCREEN_BINDINGS
from tui.widgets.row_list import RowList, classification_mark
from tui.widgets.safe_text import clean, one_line

if TYPE_CHECKING:
    from store.text_search import SearchHit, SearchResults, Sort
    from tui.app import CablesApp

__all__ = ["QueryInput", "SearchResultList", "SearchScreen"]

#: How long (in steps of 50 ms) to wait for the reader to show a cable opened from here.
READER_WAIT_STEPS = 100
#: Hits held per search (the list scrolls through them; the status line gives the total).
MAX_HITS = 2000
HISTORY_SIZE = 100


class QueryInput(Input):
    """The query prompt: ``down`` and ``up`` walk through the queries searched before."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "history(-1)", "Earlier query", show=False, id="search.history_back"),
        Binding("down", "history(1)", "Later query", show=False, id="search.history_forward"),
    ]

    DEFAULT_CSS = """
    QueryInput { height: 1; border: none; padding: 0 1; background: $panel; }
    QueryInput:focus { border: none; background-tint: $foreground 5%; }
    """

    def __init__(self, history: list[str], **kwargs: object) -> None:
        super().__init__(placeholder='Search all cables: words, "phrases", tag:PTER …', **kwargs)  # type: ignore[arg-type]
        self.history = history
        self._position = len(history)

    def remember(self, query: str) -> None:
        """Add ``query`` to the history (moved to the end if it was there already)."""
        if query in self.history:
            self.history.remove(query)
        self.history.append(query)
        del self.history[:-HISTORY_SIZE]
        self._position = len(self.history)

    def action_history(self, step: int) -> None:
        """Show the query ``step`` places back (-1) or forward (+1) in the history."""
        if not self.history:
            return
        position = max(0, min(len(self.history), self._position + step))
        self._position = position
        self.value = self.history[position] if position < len(self.history) else ""
        self.cursor_position = len(self.value)


class SearchResultList(RowList):
    """The hits of one search, one row each (classification, id, date, origin, subject);
    only the rows on screen are drawn, and a hit's details are read when first drawn."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, id="search.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="search.up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="search.page_down"),
        Binding("pageup,b", "page_up", "Page up", show=False, id="search.page_up"),
        Binding("home,g", "first", "First", show=False, id="search.first"),
        Binding("end,G", "last", "Last", show=False, id="search.last"),
        Binding("enter", "select", "Open", id="search.open"),
    ]

    ROW_CLASS = "search-list"

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "search-list--id",
        "search-list--date",
        "search-list--origin",
        "search-list--cursor",
        "search-list--secret",
        "search-list--confidential",
        "search-list--unclassified",
        "search-list--empty",
    }

    DEFAULT_CSS = """
    SearchResultList {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
        & > .search-list--id { text-style: bold; }
        & > .search-list--date { color: $text-muted; }
        & > .search-list--origin { color: $text-secondary; }
        & > .search-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .search-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
        & > .search-list--secret { color: $error; text-style: bold; }
        & > .search-list--confidential { color: $warning; text-style: bold; }
        & > .search-list--unclassified { color: $text-muted; }
        & > .search-list--empty { color: $text-muted; text-style: italic; }
    }
    """

    class Highlighted(Message):
        """The cursor moved to another hit (None: no hits)."""

        def __init__(self, hit: SearchHit | None) -> None:
            super().__init__()
            self.hit = hit

    class Selected(Message):
        """The reader chose a hit to open."""

        def __init__(self, hit: SearchHit) -> None:
            super().__init__()
            self.hit = hit

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(
            id=id,
            classes=classes,
            empty_message="Type a query above and press enter.",
            cache_size=256,
        )
        self.results: SearchResults | None = None

    @property
    def row_count(self) -> int:
        """How many hits the list holds."""
        return 0 if self.results is None else len(self.results)

    @property
    def highlighted(self) -> SearchHit | None:
        """The hit under the cursor, or None."""
        if self.results is None or not 0 <= self.cursor < len(self.results):
            return None
        return self.results.hit(self.cursor)

    def show(self, results: SearchResults | None, empty_message: str = "") -> None:
        """Show these results (None: none), the cursor on the first."""
        self.results = results
        if empty_message:
            self.empty_message = empty_message
        self.rows_changed()
        self.set_cursor(0, force=True)

    def cursor_moved(self, position: int) -> None:
        """Post :class:`Highlighted` for the hit under the cursor."""
        self.post_message(self.Highlighted(self.highlighted))

    def action_select(self) -> None:
        """Open the highlighted hit."""
        hit = self.highlighted
        if hit is not None:
            self.post_message(self.Selected(hit))

    def render_row(self, position: int, width: int, is_cursor: bool, base: Style) -> Strip:
        """One hit's row: classification, id, date, origin, subject."""
        assert self.results is not None
        hit = self.results.hit(position)
        columns = ListColumns.for_width(width, 17)
        style = self.get_component_rich_style
        line = base + style("search-list--cursor") if is_cursor else base
        mark = classification_mark(hit.classification)
        mark_class = self.mark_class(mark)
        created = hit.created or ""
        segments = [
            Segment(" ", line),
            Segment(
                fit_cells(mark, columns.MARK), line + style(mark_class) if mark_class else line
            ),
            Segment(" ", line),
            Segment(fit_cells(one_line(hit.id), columns.id), line + style("search-list--id")),
            Segment(" ", line),
            Segment(
                fit_cells(created[: columns.date], columns.date), line + style("search-list--date")
            ),
            Segment(" ", line),
            Segment(
                fit_cells(one_line(hit.origin), columns.origin), line + style("search-list--origin")
            ),
            Segment(" ", line),
            Segment(fit_cells(one_line(hit.subject), columns.subject), line),
        ]
        return self.finish_row(segments, width, line, is_cursor)


def snippet_text(hit: SearchHit | None, limit: int = 3) -> Text:
    """The snippets of a hit as Rich text: ``¶N`` then the excerpt, the searched words in
    reverse video; built from cleaned strings, never from markup."""
    text = Text(end="")
    if hit is None:
        return text
    if not hit.paragraphs:
        text.append("No searched word in the text: the hit is in its header fields.", "italic")
        return text
    for index, snippet in enumerate(hit.paragraphs[:limit]):
        if index:
            text.append("\n")
        text.append(f"¶{snippet.number} ", "bold")
        start = len(text)
        excerpt = clean(snippet.text)
        text.append(excerpt)
        for begin, end in snippet.highlights:
            if 0 <= begin < end <= len(excerpt):
                text.stylize("reverse bold", start + begin, start + end)
    more = len(hit.paragraphs) - limit
    if more > 0:
        text.append(f"\n… and {counted(more, 'more matching paragraph')}", "italic")
    return text


class SearchScreen(Screen[None], inherit_bindings=False):
    """Full-text search of every cable (see the module docstring)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *SCREEN_BINDINGS,
        Binding(
            "escape", "close", "Close", tooltip="Back to where search was opened", id="search.close"
        ),
        Binding("slash", "edit_query", "Query", tooltip="Type another query", id="search.edit"),
        Binding(
            "s", "toggle_sort", "Sort", tooltip="Order by relevance or by date", id="search.sort"
        ),
    ]

    DEFAULT_CSS = """
    SearchScreen {
        #search-status { height: 1; padding: 0 1; color: $text-muted; }
        #search-status.-error { color: $error; }
        #search-snippets {
            height: auto;
            max-height: 8;
            padding: 0 1;
            border-top: solid $panel-lighten-2;
        }
    }
    SearchScreen.-short #search-snippets { max-height: 4; }
    """

    class Finished(Message):
        """A search is done (sent by the searching worker)."""

        def __init__(self, request: int, results: SearchResults | None, error: str | None) -> None:
            super().__init__()
            self.request = request
            self.results = results
            self.error = error

    def __init__(self, history: list[str] | None = None) -> None:
        super().__init__()
        self.history = history if history is not None else []
        self.sort: Sort = "relevance"
        self.query_text = ""
        self.status_text = ""
        self._request = 0

    @property
    def _app(self) -> CablesApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        """Prompt, status, hits, snippets, keys."""
        yield QueryInput(self.history, id="search-query")
        yield Static("", id="search-status", markup=False)
        yield SearchResultList(id="search-results")
        yield Static("", id="search-snippets", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Focus the prompt."""
        self.query_one(QueryInput).focus()
        self._fit()

    def on_resize(self, event: events.Resize) -> None:
        """Fewer snippet lines on a short terminal."""
        self._fit()

    def _fit(self) -> None:
        self.set_class(self.size.height < 30, "-short")

    def _status(self, text: str, *, error: bool = False) -> None:
        self.status_text = one_line(text)
        status = self.query_one("#search-status", Static)
        status.update(Text(self.status_text, end=""))
        status.set_class(error, "-error")

    @on(Input.Submitted, "#search-query")
    def _submitted(self, event: Input.Submitted) -> None:
        query = event.value.strip()
        if not query:
            return
        self.query_one(QueryInput).remember(query)
        self.search(query)

    def search(self, query: str) -> None:
        """Search ``query`` in the background; the hits replace the list when done."""
        self.query_text = query
        self._request += 1
        self._status("Searching…")
        self._run_search(self._request, query, self.sort)

    @work(thread=True, exclusive=True, group="search")
    def _run_search(self, request: int, query: str, sort: Sort) -> None:
        from store.errors import StoreError
        from store.text_query import QueryError

        store = self._app.store
        opener = getattr(store, "text", None)
        try:
            if opener is None:
                raise StoreError("this store has no full-text index")
            results = opener().search(query, sort=sort, limit=MAX_HITS)
            for index in range(min(len(results), 40)):  # the first screen, read here
                results.hit(index)
            self.post_message(self.Finished(request, results, None))
        except (QueryError, StoreError) as error:
            self.post_message(self.Finished(request, None, str(error)))

    @on(Finished)
    def _finished(self, message: Finished) -> None:
        if message.request != self._request:
            return
        results_list = self.query_one(SearchResultList)
        if message.error is not None:
            self._status(message.error, error=True)
            results_list.show(None, "No results.")
            return
        results = message.results
        assert results is not None
        if not len(results):
            self._status(f"No cable matches {self.query_text}")
            results_list.show(results, "No cable matches this query.")
            self.query_one(QueryInput).focus()
            return
        order = "newest first" if self.sort == "date" else "best first"
        shown = f"{len(results):,} of {results.total:,}" if results.total > len(results) else ""
        noun = "cable matches" if results.total == 1 else "cables match"
        count = shown or f"{results.total:,}"
        self._status(f"{count} {noun} · {order} · enter opens · s sorts · / edits the query")
        results_list.show(results)
        results_list.focus()

    @on(SearchResultList.Highlighted)
    def _highlighted(self, message: SearchResultList.Highlighted) -> None:
        self.query_one("#search-snippets", Static).update(snippet_text(message.hit))

    @on(SearchResultList.Selected)
    def _selected(self, message: SearchResultList.Selected) -> None:
        hit = message.hit
        self._app.open_cable(hit.id, hit.first_paragraph)
        results = self.query_one(SearchResultList).results
        if hit.paragraphs and results is not None:
            finder = results.highlighter()
            self._find_in_reader(hit.id, self.query_text, finder, READER_WAIT_STEPS)

    def _find_in_reader(self, cable_id: str, query: str, finder: SpanFinder, steps: int) -> None:
        """Once the reader shows ``cable_id`` laid out, highlight every word ``query``
        searched in the text with the reader's own search (so ``n`` / ``N`` move between
        the matches), from the first matching paragraph on."""
        from tui.screens.reader import ReaderScreen
        from tui.widgets.paragraph_view import ParagraphView

        screen = self.app.screen
        views = screen.query(ParagraphView) if isinstance(screen, ReaderScreen) else None
        if views:
            view = views.first()
            cable = view.cable
            if cable is not None and cable.id == cable_id and view.top_paragraph() is not None:
                view.search(query, finder)
                return
        elif screen is self:
            return  # the reader was closed before its cable came
        if steps > 0:
            self.app.set_timer(
                0.05, partial(self._find_in_reader, cable_id, query, finder, steps - 1)
            )

    def action_close(self) -> None:
        """Leave search (the prompt's escape first returns to the hits, if any)."""
        query_input = self.query_one(QueryInput)
        results_list = self.query_one(SearchResultList)
        if query_input.has_focus and results_list.row_count:
            results_list.focus()
            return
        self.dismiss()

    def action_edit_query(self) -> None:
        """Back to the prompt, its text selected."""
        query_input = self.query_one(QueryInput)
        query_input.focus()
        query_input.select_all()

    def action_toggle_sort(self) -> None:
        """Switch between relevance and date order, and search again."""
        self.sort = "date" if self.sort == "relevance" else "relevance"
        if self.query_text:
            self.search(self.query_text)
        else:
            self._status(f"Order: {self.sort}")
