"""The main screen: every cable in a virtual list, with sort and a filter.

The first paint never waits for the catalog: the list starts with the store's first page (its
first rows by date, one small file read at once) and a progress bar in the status line; the
whole catalog loads in a thread worker and replaces the page when it is ready (sorting and
filtering wait for it, and the status line says so).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input
from textual.worker import get_current_worker

from store.catalog import Catalog
from tui.presentation.catalog_order import CatalogArranger, CatalogView, SortKey
from tui.screens.common import SCREEN_BINDINGS
from tui.widgets.cable_list import CableList
from tui.widgets.list_header import ListHeader
from tui.widgets.prompt_bar import PromptBar
from tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from tui.app import CablesApp

__all__ = ["MainScreen"]

_FILTER_DELAY = 0.25  # seconds of typing pause before the filter runs


class _Abandoned(Exception):
    """Raised inside the store's catalog loop to stop loading when the app closes."""


class MainScreen(Screen[None], inherit_bindings=False):
    """The cable list, its column header, the filter prompt and the status line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *SCREEN_BINDINGS,
        Binding(
            "slash",
            "filter",
            "Filter",
            tooltip="Show only cables whose id, date, origin or subject hold every word",
            priority=True,  # so that keys typed right after it reach the prompt
            id="main.filter",
        ),
        Binding("s", "cycle_sort", "Sort", tooltip="Sort by date, id, then origin", id="main.sort"),
        Binding("r", "reverse", "Reverse", tooltip="Reverse the order", id="main.reverse"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="main.clear_filter"),
    ]

    class CatalogProgress(Message):
        """Rows of the catalog have been read (sent by the loading worker)."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

    class CatalogLoaded(Message):
        """The catalog is read and arranged (sent by the loading worker)."""

        def __init__(self, catalog: Catalog, arranger: CatalogArranger, view: CatalogView) -> None:
            super().__init__()
            self.catalog = catalog
            self.arranger = arranger
            self.view = view

    class CatalogFailed(Message):
        """The catalog could not be read (sent by the loading worker)."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    class Arranged(Message):
        """A new sort or filter is ready (sent by the arranging worker)."""

        def __init__(self, view: CatalogView) -> None:
            super().__init__()
            self.view = view

    def __init__(self) -> None:
        super().__init__()
        self.arranger: CatalogArranger | None = None
        self.sort = SortKey.DATE
        self.descending = False
        self.filter_text = ""
        self._filter_timer: Timer | None = None

    @property
    def cables_app(self) -> CablesApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        """Header row, list, filter prompt, status line, footer."""
        yield ListHeader(id="list-header")
        yield CableList(id="cables")
        yield PromptBar(id="filter")
        yield StatusLine(id="status")
        yield Footer()

    def on_mount(self) -> None:
        """Show the first page, start loading the catalog; the status line says so."""
        cables = self.query_one(CableList)
        cables.set_empty_message("Loading the catalog…")
        self._show_first_page()
        self._show_progress(0, self.cables_app.store.count)
        cables.focus()
        # Start reading once the first frame is drawn, so the two do not share the GIL.
        self.call_after_refresh(self._load_catalog)

    # --- loading ------------------------------------------------------------------------

    def _show_first_page(self) -> None:
        """The store's first rows in the default order, at once (a small file, read here)."""
        try:
            rows = self.cables_app.store.first_page()
        except Exception:  # the whole catalog's load says what is wrong
            return
        if rows:
            self._show_view(CatalogView.in_default_order(Catalog.of_rows(rows)))

    def _show_progress(self, done: int, total: int) -> None:
        label = "Loading" if self.query_one(CableList).row_count else "Loading catalog"
        self.query_one(StatusLine).show_progress(label, done, total)

    @work(thread=True, exclusive=True, group="catalog")
    def _load_catalog(self) -> None:
        worker = get_current_worker()
        last = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last
            if worker.is_cancelled:  # the app is closing: stop at this segment
                raise _Abandoned
            now = time.monotonic()
            if now - last >= 0.1 or done >= total:
                last = now
                self.post_message(self.CatalogProgress(done, total))

        try:
            catalog = self.cables_app.store.load_catalog(progress)
            if worker.is_cancelled:
                return
            arranger = CatalogArranger(catalog)
            view = arranger.arrange(self.sort, self.descending, self.filter_text)
        except _Abandoned:
            return
        except Exception as error:  # the store's own errors are sentences already
            self.post_message(self.CatalogFailed(str(error) or type(error).__name__))
            return
        if not worker.is_cancelled:
            self.post_message(self.CatalogLoaded(catalog, arranger, view))

    def on_main_screen_catalog_progress(self, message: CatalogProgress) -> None:
        """Move the progress bar."""
        if self.arranger is None:
            self._show_progress(message.done, message.total)

    def on_main_screen_catalog_loaded(self, message: CatalogLoaded) -> None:
        """Fill the list."""
        self.arranger = message.arranger
        self.cables_app.catalog = message.catalog
        self.query_one(StatusLine).busy = ""
        self._show_view(message.view)
        view = message.view
        if (view.sort, view.descending, view.query) != (
            self.sort,
            self.descending,
            self.filter_text,
        ):
            self._rearrange()  # the sort or filter changed while the worker arranged the rows

    def on_main_screen_catalog_failed(self, message: CatalogFailed) -> None:
        """Say the catalog could not be read."""
        status = self.query_one(StatusLine)
        status.busy = ""
        status.info = "catalog not loaded"
        self.query_one(CableList).set_empty_message(
            f"The catalog could not be read: {message.reason}"
        )
        self.notify(message.reason, title="Catalog", severity="error", markup=False)

    # --- arranging ----------------------------------------------------------------------

    def _rearrange(self) -> None:
        if self.arranger is None:
            self.notify("The catalog is still loading.", timeout=2, markup=False)
            return
        self.query_one(StatusLine).busy = "Sorting…" if not self.filter_text else "Filtering…"
        self._arrange(self.arranger, self.sort, self.descending, self.filter_text)

    @work(thread=True, exclusive=True, group="arrange")
    def _arrange(
        self, arranger: CatalogArranger, sort: SortKey, descending: bool, query: str
    ) -> None:
        view = arranger.arrange(sort, descending, query)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Arranged(view))

    def on_main_screen_arranged(self, message: Arranged) -> None:
        """Show the newly sorted or filtered rows."""
        self.query_one(StatusLine).busy = ""
        self._show_view(message.view)

    def _show_view(self, view: CatalogView) -> None:
        cables = self.query_one(CableList)
        if view.filtered:
            cables.set_empty_message(f"No cable matches “{view.query}”. Escape clears the filter.")
        else:
            cables.set_empty_message("The store holds no cables.")
        cables.set_view(view)
        header = self.query_one(ListHeader)
        header.sort, header.descending = view.sort, view.descending
        header.id_width = cables.columns().id
        self._update_info()

    def _update_info(self) -> None:
        cables = self.query_one(CableList)
        view = cables.view
        if view is None:
            return
        total = len(view.catalog)
        shown = f"{len(view):,} of {total:,} cables" if view.filtered else f"{total:,} cables"
        where = f"{cables.cursor + 1:,}/{len(view):,}" if len(view) else "0/0"
        if self.arranger is None:  # the first page, before the whole catalog
            count = self.cables_app.store.count
            self.query_one(StatusLine).info = f"{where} of {count:,} · sort, filter once loaded"
            return
        parts = [where, shown]
        if view.filtered:
            parts.append(f"filter “{view.query}”")
        self.query_one(StatusLine).info = " · ".join(parts)

    @on(CableList.Highlighted)
    def _highlighted(self) -> None:
        self._update_info()

    @on(CableList.Selected)
    def _selected(self, message: CableList.Selected) -> None:
        self.cables_app.open_cable(message.cable_id)

    # --- actions ------------------------------------------------------------------------

    def action_cycle_sort(self) -> None:
        """Sort by the next key: date, id, origin."""
        self.set_sort(self.sort.next())

    def action_reverse(self) -> None:
        """Reverse the order."""
        self.descending = not self.descending
        self._rearrange()

    def set_sort(self, sort: SortKey) -> None:
        """Sort by ``sort`` (from the command palette)."""
        self.sort = sort
        self._rearrange()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ "/" is a priority key, except in the prompt itself, where it is typed."""
        return not (action == "filter" and self.query_one(PromptBar).has_focus)

    def action_filter(self) -> None:
        """Open the filter prompt (in the prompt, "/" is typed as itself)."""
        prompt = self.query_one(PromptBar)
        prompt.open("Filter by id, date, origin, subject", self.filter_text)

    def action_clear_filter(self) -> None:
        """Drop the filter."""
        if self.filter_text:
            self.filter_text = ""
            self._rearrange()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._filter_timer = self.set_timer(_FILTER_DELAY, lambda: self._apply_filter(event.value))

    def _apply_filter(self, value: str) -> None:
        if value.strip() != self.filter_text:
            self.filter_text = value.strip()
            self._rearrange()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._apply_filter(event.value)
        self.query_one(PromptBar).close()
        self.query_one(CableList).focus()

    @on(PromptBar.Cancelled, "#filter")
    def _filter_cancelled(self) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self.query_one(PromptBar).close()
        self.query_one(CableList).focus()
        self.action_clear_filter()
