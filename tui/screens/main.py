"""The main screen: every cable in a virtual list, with sort and a filter.

The first paint never waits for the catalog: the list starts with the store's first page (its
first rows by date, one small file read at once) and a progress bar in the status line; the
whole catalog loads in a thread worker and replaces the page when it is ready (sorting and
filtering wait for it, and the status line says so).
"""

from __future__ import annotations

import time
from collections.abc import Callable
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
from tui.presentation.counts import counted
from tui.presentation.facets import NO_FACETS, FacetChoice, FacetKind, Facets
from tui.screens.common import SCREEN_BINDINGS
from tui.screens.facet_picker import CLEAR, FacetPicker
from tui.widgets.cable_list import CableList
from tui.widgets.facet_bar import FacetBar
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
        Binding(
            "s",
            "cycle_sort",
            "Sort",
            tooltip="Sort by the next column: date, id, origin, class, subject",
            id="main.sort",
        ),
        Binding("r", "reverse", "Reverse", tooltip="Reverse the order", id="main.reverse"),
        Binding(
            "n",
            "newest_first",
            "Newest",
            show=False,
            tooltip="Newest cables first",
            id="main.newest_first",
        ),
        Binding(
            "c",
            "facet('classification')",
            "Class",
            tooltip="Narrow by classification or caveat (NOFORN…)",
            id="main.facet_classification",
        ),
        Binding(
            "t", "facet('tag')", "Tag", show=False, tooltip="Narrow by tag", id="main.facet_tag"
        ),
        Binding(
            "O",
            "facet('origin')",
            "Origin",
            show=False,
            tooltip="Narrow by origin",
            id="main.facet_origin",
        ),
        Binding(
            "y",
            "facet('year')",
            "Year",
            show=False,
            tooltip="Narrow by year or range of years",
            id="main.facet_year",
        ),
        Binding(
            "x",
            "clear_facet",
            "Clear facet",
            show=False,
            tooltip="Clear an active facet (choose which when several)",
            id="main.clear_facet",
        ),
        Binding(
            "escape",
            "clear_filter",
            "Clear filter",
            show=False,
            tooltip="Clear the text filter, else the last facet",
            id="main.clear_filter",
        ),
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
        self.facets: Facets = NO_FACETS
        self._filter_timer: Timer | None = None
        self._wanted: str | None = None  # the cable the cursor goes to once the catalog loads

    @property
    def cables_app(self) -> CablesApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        """Header row, list, filter prompt, status line, footer."""
        yield FacetBar(id="facet-bar")
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
            view = arranger.arrange(self.sort, self.descending, self.filter_text, self.facets)
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
        wanted, self._wanted = self._wanted, None
        self._show_view(message.view, keep=wanted)
        view = message.view
        if (view.sort, view.descending, view.query, view.facets) != (
            self.sort,
            self.descending,
            self.filter_text,
            self.facets,
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
        narrowed = self.filter_text or self.facets
        self.query_one(StatusLine).busy = "Filtering…" if narrowed else "Sorting…"
        self._arrange(self.arranger, self.sort, self.descending, self.filter_text, self.facets)

    @work(thread=True, exclusive=True, group="arrange")
    def _arrange(
        self,
        arranger: CatalogArranger,
        sort: SortKey,
        descending: bool,
        query: str,
        facets: Facets,
    ) -> None:
        view = arranger.arrange(sort, descending, query, facets)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Arranged(view))

    def on_main_screen_arranged(self, message: Arranged) -> None:
        """Show the newly sorted or filtered rows."""
        self.query_one(StatusLine).busy = ""
        self._show_view(message.view)

    def _show_view(self, view: CatalogView, *, keep: str | None = None) -> None:
        cables = self.query_one(CableList)
        if view.query:
            cables.set_empty_message(f"No cable matches “{view.query}”. Escape clears the filter.")
        elif view.facets:
            cables.set_empty_message("No cable has every facet chosen. x clears a facet.")
        else:
            cables.set_empty_message("The store holds no cables.")
        cables.set_view(view, keep=keep)
        bar = self.query_one(FacetBar)
        bar.facets, bar.count = view.facets, len(view)
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
        shown = counted(total, "cable")
        if view.filtered:
            shown = f"{counted(len(view), 'cable')} of {total:,}"
        where = f"{cables.cursor + 1:,}/{len(view):,}" if len(view) else "0/0"
        if self.arranger is None:  # the first page, before the whole catalog
            count = self.cables_app.store.count
            self.query_one(StatusLine).info = f"{where} of {count:,} · sort, filter once loaded"
            return
        parts = [where, shown]
        if view.query:
            parts.append(f"filter “{view.query}”")
        self.query_one(StatusLine).info = " · ".join(parts)

    @on(CableList.Highlighted)
    def _highlighted(self) -> None:
        self._update_info()

    @on(CableList.Selected)
    def _selected(self, message: CableList.Selected) -> None:
        self.cables_app.open_cable(message.cable_id)

    # --- actions ------------------------------------------------------------------------

    # --- the reader's neighbours, the cursor -----------------------------------------------

    def focus_cable(self, cable_id: str) -> None:
        """Put the cursor on ``cable_id`` (now, and again once the whole catalog has loaded)."""
        if self.arranger is None:
            self._wanted = cable_id
        if not self.is_mounted:
            return
        cables = self.query_one(CableList)
        view = cables.view
        position = view.position_of(cable_id) if view is not None else None
        if position is not None:
            cables.set_cursor(position, center=True)

    def neighbour(self, cable_id: str, step: int) -> str | None:
        """The cable ``step`` rows from ``cable_id`` in the list's order (sort and filters)."""
        view = self.query_one(CableList).view if self.is_mounted else None
        return view.neighbour(cable_id, step) if view is not None else None

    def same_origin_neighbour(self, cable_id: str, step: int) -> str | None:
        """The cable ``step`` places from ``cable_id`` among its origin's cables, by date."""
        if self.arranger is None:
            return None
        return self.arranger.same_origin_neighbour(cable_id, step)

    # --- facets -------------------------------------------------------------------------

    def action_facet(self, kind_name: str) -> None:
        """Choose a value of the facet ``kind_name`` from a picker with counts."""
        kind = FacetKind(kind_name)
        arranger = self.arranger
        if arranger is None:
            self.notify("The catalog is still loading.", timeout=2, markup=False)
            return
        query, facets = self.filter_text, self.facets
        active = facets.get(kind)

        def chosen(value: str | None) -> None:
            if value == CLEAR:
                self.set_facets(self.facets.without(kind))
            elif value is not None:
                self.set_facets(self.facets.with_choice(FacetChoice(kind, value)))

        self.app.push_screen(
            FacetPicker(
                kind,
                lambda: arranger.counts(kind, query, facets),
                active=active.value if active else None,
            ),
            chosen,
        )

    def set_facets(self, facets: Facets) -> None:
        """Narrow the list by ``facets`` (replacing the active ones)."""
        self.facets = facets
        self.query_one(FacetBar).facets = facets
        self._rearrange()

    def action_clear_facet(self) -> None:
        """Clear the only active facet, or choose which to clear."""
        if not self.facets:
            self.notify("No facet is active.", timeout=2, markup=False)
            return
        if len(self.facets) == 1:
            self.set_facets(NO_FACETS)
            return
        labels = {choice.label(): choice for choice in self.facets}

        def chosen(label: str | None) -> None:
            if label in labels:
                self.set_facets(self.facets.without(labels[label].kind))

        counts = {label: 0 for label in labels}
        picker = FacetPicker(
            FacetKind.TAG, lambda: counts, title="Clear which facet?", show_counts=False
        )
        self.app.push_screen(picker, chosen)

    def action_newest_first(self) -> None:
        """Sort by date, newest first."""
        self.sort, self.descending = SortKey.DATE, True
        self._rearrange()

    def palette_commands(self) -> list[tuple[str, Callable[[], object], str]]:
        """The list's commands for the command palette: facets, orders, neighbours."""

        def reader_action(name: str) -> Callable[[], object]:
            def run() -> None:
                action = getattr(self.app.screen, name, None)
                if action is None:
                    self.notify("Open a cable first.", timeout=2, markup=False)
                else:
                    action()

            return run

        def list_action(action: Callable[[], object]) -> Callable[[], object]:
            def run() -> None:
                self.cables_app.action_show_list()
                action()

            return run

        commands: list[tuple[str, Callable[[], object], str]] = [
            (
                kind.value,
                list_action(lambda kind=kind: self.action_facet(kind.value)),
                f"Narrow the list by {kind.value}, chosen from a list with counts",
            )
            for kind in FacetKind
        ]
        commands += [
            ("Clear a facet", list_action(self.action_clear_facet), "Clear an active facet"),
            ("Newest first", list_action(self.action_newest_first), "Sort by date, newest first"),
            ("Next cable", reader_action("action_next_cable"), "The next cable in the list"),
            (
                "Previous cable",
                reader_action("action_previous_cable"),
                "The previous cable in the list",
            ),
            (
                "Sentence case",
                reader_action("action_sentence_case"),
                "Show an all-capitals cable in sentence case, or as written",
            ),
            (
                "Next cable from the same origin",
                reader_action("action_next_same_origin"),
                "The next cable, by date, from this cable's origin",
            ),
            (
                "Previous cable from the same origin",
                reader_action("action_previous_same_origin"),
                "The previous cable, by date, from this cable's origin",
            ),
        ]
        return commands

    def action_cycle_sort(self) -> None:
        """Sort by the next key: date, id, origin, class, subject."""
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
        """Drop the text filter, or else the last facet chosen."""
        if self.filter_text:
            self.filter_text = ""
            self._rearrange()
        elif self.facets:
            self.set_facets(self.facets.without(self.facets.choices[-1].kind))

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
        if self.filter_text:
            self.filter_text = ""
            self._rearrange()
