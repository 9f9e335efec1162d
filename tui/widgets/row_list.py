"""A virtual list of one-line rows with a cursor, the base of the cable list and of the
search results: only the rows on screen are drawn (``render_line``), each drawn row kept in
a small cache, so a list of 251,287 rows costs no widgets.

A subclass says how many rows there are (:attr:`RowList.row_count`), draws one
(:meth:`RowList.render_row`), and what moving the cursor and choosing a row post
(:meth:`RowList.cursor_moved`, :meth:`RowList.action_select`). Its component classes are
named after :attr:`RowList.ROW_CLASS` (``cable-list--cursor``, ``cable-list--empty``).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.presentation.cells import fit_cells

__all__ = ["RowList", "classification_mark"]


def classification_mark(classification: str | None) -> str:
    """The classification of a row in at most three cells: ``TS``, ``S``, ``C``, ``U``, with
    ``/N`` for NOFORN (``S/N``); ``?`` for anything else, a blank when unknown."""
    if not classification:
        return ""
    head = classification.lstrip().upper()
    if head.startswith("TOP SECRET"):
        mark = "TS"
    elif head.startswith("SECRET"):
        mark = "S"
    elif head.startswith("CONFIDENTIAL"):
        mark = "C"
    elif head.startswith("UNCLASSIFIED"):
        mark = "U"
    else:
        return "?"
    if "NOFORN" in head and len(mark) == 1:
        mark += "/N"
    return mark


#: The component class (after ``ROW_CLASS--``) of a classification mark's first letter.
_MARK_CLASSES = {"T": "secret", "S": "secret", "C": "confidential", "U": "unclassified"}


class RowList(ScrollView, can_focus=True, inherit_bindings=False):
    """One-line rows under a cursor (see the module docstring). Keys move the cursor
    (the subclass binds them to the ``cursor_down`` … ``select`` actions); a click moves it,
    a double click chooses the row."""

    #: The prefix of the component classes: ``ROW_CLASS--cursor``, ``ROW_CLASS--empty``.
    ROW_CLASS: ClassVar[str] = "row-list"

    cursor: reactive[int] = reactive(0, repaint=False, init=False)
    """The position of the highlighted row."""

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        empty_message: str = "",
        cache_size: int = 512,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        #: The sentence shown when the list has no rows.
        self.empty_message = empty_message
        self._strips: LRUCache[tuple[Hashable, int, bool, bool], Strip] = LRUCache(cache_size)

    # --- what a subclass provides ---------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many rows the list holds."""
        raise NotImplementedError

    def row_key(self, position: int) -> Hashable:
        """What identifies the row at ``position`` in the cache of drawn rows."""
        return position

    def render_row(self, position: int, width: int, is_cursor: bool, base: Style) -> Strip:
        """The strip of the row at ``position``, ``width`` cells wide."""
        raise NotImplementedError

    def cursor_moved(self, position: int) -> None:
        """The cursor moved to ``position`` (or was set again with ``force``)."""

    def action_select(self) -> None:
        """Choose the highlighted row."""

    def mark_class(self, mark: str) -> str | None:
        """The component class that colours a :func:`classification_mark` (None: plain)."""
        name = _MARK_CLASSES.get(mark[:1])
        return f"{self.ROW_CLASS}--{name}" if name else None

    def finish_row(
        self, segments: list[Segment], width: int, line_style: Style, is_cursor: bool
    ) -> Strip:
        """A row's strip from its segments, ``width`` cells wide; on the cursor row the
        cursor's own colours win over the columns' colours."""
        if is_cursor:
            cursor = self.get_component_rich_style(f"{self.ROW_CLASS}--cursor")
            segments = [
                Segment(seg.text, seg.style + cursor if seg.style else cursor) for seg in segments
            ]
        return Strip(segments).adjust_cell_length(width, line_style)

    # --- showing rows -------------------------------------------------------------------

    def rows_changed(self) -> None:
        """The rows are others now: forget the drawn ones and size the scroll area."""
        self._strips.clear()
        self.virtual_size = Size(self.size.width, self.row_count)
        self.refresh()

    def set_empty_message(self, message: str) -> None:
        """The sentence shown when the list has no rows (loading, or no match)."""
        self.empty_message = message
        if not self.row_count:
            self.refresh()

    # --- cursor -------------------------------------------------------------------------

    def set_cursor(self, position: int, *, center: bool = False, force: bool = False) -> None:
        """Move the cursor to ``position`` (clamped) and scroll it into view (``center``:
        to the middle of the list when it is out of view)."""
        count = self.row_count
        position = max(0, min(position, count - 1)) if count else 0
        changed = position != self.cursor
        self.set_reactive(RowList.cursor, position)
        self._scroll_to_cursor(center=center)
        self.refresh()
        if changed or force:
            self.cursor_moved(position)

    def _scroll_to_cursor(self, *, center: bool = False) -> None:
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        if center and not top <= self.cursor < top + height:
            target = max(0, self.cursor - height // 2)
        elif self.cursor < top:
            target = self.cursor
        elif self.cursor >= top + height:
            target = self.cursor - height + 1
        else:
            return
        self.scroll_to(y=target, animate=False, immediate=True, force=True)

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def action_cursor_down(self) -> None:
        """Highlight the next row."""
        self.set_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        """Highlight the previous row."""
        self.set_cursor(self.cursor - 1)

    def action_page_down(self) -> None:
        """Move a screenful down."""
        self.set_cursor(self.cursor + self._page())
        self.scroll_to(y=self.scroll_y + self._page(), animate=False, immediate=True)

    def action_page_up(self) -> None:
        """Move a screenful up."""
        self.set_cursor(self.cursor - self._page())
        self.scroll_to(y=self.scroll_y - self._page(), animate=False, immediate=True)

    def action_first(self) -> None:
        """Highlight the first row."""
        self.set_cursor(0)

    def action_last(self) -> None:
        """Highlight the last row."""
        self.set_cursor(self.row_count - 1)

    async def _on_click(self, event: events.Click) -> None:
        position = round(self.scroll_y) + event.y
        if not 0 <= position < self.row_count:
            return
        if position == self.cursor and event.chain >= 1 and self.has_focus:
            self.set_cursor(position)
            if event.chain >= 2:
                self.action_select()
        else:
            self.set_cursor(position)

    # --- drawing --------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        """Forget drawn rows: their widths changed."""
        self._strips.clear()
        self.virtual_size = Size(event.size.width, self.row_count)

    def on_focus(self) -> None:
        """Redraw the cursor row in its focused style."""
        self._strips.clear()
        self.refresh()

    def on_blur(self) -> None:
        """Redraw the cursor row in its unfocused style."""
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        """Forget drawn rows when the theme or styles change."""
        super().notify_style_update()
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        """The strip of screen line ``y``: a row, the empty message, or blank."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        count = self.row_count
        if not count:
            if y == 1 and self.empty_message:
                style = base + self.get_component_rich_style(f"{self.ROW_CLASS}--empty")
                return Strip([Segment(fit_cells("  " + self.empty_message, width), style)], width)
            return Strip.blank(width, base)
        position = round(self.scroll_y) + y
        if position >= count:
            return Strip.blank(width, base)
        is_cursor = position == self.cursor
        key = (self.row_key(position), width, is_cursor, self.has_focus)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self.render_row(position, width, is_cursor, base)
        return strip
