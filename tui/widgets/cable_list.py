"""The cable list: a virtual list that draws only the rows on screen.

A ``ScrollView`` whose ``render_line`` builds the strip of one visible row from the catalog's
columns, as Textualize's toolong draws multi-gigabyte logs: 251,287 cables cost no widgets,
only the positions of the rows shown (:class:`~tui.presentation.catalog_order.CatalogView`).
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.presentation.catalog_order import CatalogView
from tui.presentation.list_columns import COLUMNS, ListColumns
from tui.widgets.safe_text import one_line

__all__ = ["CableList"]


def _mark(classification: str | None) -> str:
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


def _cell(text: str, width: int) -> str:
    """``text`` cut or padded to exactly ``width`` cells, an ellipsis marking a cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


class CableList(ScrollView, can_focus=True, inherit_bindings=False):
    """Every cable of the current view, one row each: classification, id, date, origin, subject.

    Keys move a cursor (arrows, j/k, page keys, g/G); ``enter`` posts :class:`Selected`.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("pagedown,space,ctrl+f", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("pageup,b,ctrl+b", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("home,g", "first", "First", show=False, id="list.first"),
        Binding("end,G", "last", "Last", show=False, id="list.last"),
        Binding("enter", "select", "Open", id="list.open"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"cable-list--{column.name}" for column in COLUMNS),
        "cable-list--cursor",
        "cable-list--secret",
        "cable-list--confidential",
        "cable-list--unclassified",
        "cable-list--empty",
    }

    DEFAULT_CSS = """
    CableList {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
        & > .cable-list--id { text-style: bold; }
        & > .cable-list--date { color: $text-muted; }
        & > .cable-list--origin { color: $text-secondary; }
        & > .cable-list--subject { }
        & > .cable-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .cable-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
        & > .cable-list--secret { color: $error; text-style: bold; }
        & > .cable-list--confidential { color: $warning; text-style: bold; }
        & > .cable-list--unclassified { color: $text-muted; }
        & > .cable-list--empty { color: $text-muted; text-style: italic; }
    }
    """

    cursor: reactive[int] = reactive(0, repaint=False, init=False)
    """The list position of the highlighted row."""

    class Highlighted(Message):
        """The cursor moved to another cable."""

        def __init__(self, cable_list: CableList, cable_id: str | None, position: int) -> None:
            super().__init__()
            self.cable_list = cable_list
            self.cable_id = cable_id
            self.position = position

        @property
        def control(self) -> CableList:
            """The list that sent this message."""
            return self.cable_list

    class Selected(Message):
        """The reader chose a cable to open (``enter`` or a click on the highlighted row)."""

        def __init__(self, cable_list: CableList, cable_id: str) -> None:
            super().__init__()
            self.cable_list = cable_list
            self.cable_id = cable_id

        @property
        def control(self) -> CableList:
            """The list that sent this message."""
            return self.cable_list

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._view: CatalogView | None = None
        self._id_width = 17
        self._strips: LRUCache[tuple[int, int, bool, bool], Strip] = LRUCache(512)
        self.empty_message = "No cables."

    # --- data -----------------------------------------------------------------------------

    @property
    def view(self) -> CatalogView | None:
        """The rows shown, or None before the catalog has loaded."""
        return self._view

    @property
    def row_count(self) -> int:
        """How many rows the list shows."""
        return 0 if self._view is None else len(self._view)

    @property
    def highlighted_id(self) -> str | None:
        """The id of the cable under the cursor, or None when the list is empty."""
        view = self._view
        if view is None or not 0 <= self.cursor < len(view):
            return None
        return view.catalog.ids[view.order[self.cursor]]

    def set_view(self, view: CatalogView, *, keep: str | None = None) -> None:
        """Show ``view``; keep the cursor on cable ``keep`` (default: the highlighted one)."""
        keep = keep if keep is not None else self.highlighted_id
        previous, self._view = self._view, view
        ids = view.catalog.ids
        if ids and (previous is None or previous.catalog is not view.catalog):
            sample = ids if len(ids) < 5000 else ids[:: max(1, len(ids) // 5000)]
            width = max(len(cable_id) for cable_id in sample)
            # The whole catalog after its first page: the id column does not shrink under
            # the reader's eyes.
            self._id_width = width if previous is None else max(width, self._id_width)
        self._strips.clear()
        position = view.position_of(keep) if keep else None
        self.virtual_size = Size(self.size.width, len(view))
        self.set_cursor(position if position is not None else 0, center=True, force=True)
        self.refresh()

    def set_empty_message(self, message: str) -> None:
        """The sentence shown when the list has no rows (loading, or no match)."""
        self.empty_message = message
        if not self.row_count:
            self.refresh()

    # --- cursor -------------------------------------------------------------------------

    def set_cursor(self, position: int, *, center: bool = False, force: bool = False) -> None:
        """Move the cursor to ``position`` (clamped) and scroll it into view."""
        count = self.row_count
        position = max(0, min(position, count - 1)) if count else 0
        changed = position != self.cursor
        self.set_reactive(CableList.cursor, position)
        self._scroll_to_cursor(center=center)
        self.refresh()
        if changed or force:
            self.post_message(self.Highlighted(self, self.highlighted_id, position))

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

    def action_select(self) -> None:
        """Open the highlighted cable."""
        cable_id = self.highlighted_id
        if cable_id is not None:
            self.post_message(self.Selected(self, cable_id))

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

    def columns(self) -> ListColumns:
        """The column widths at the list's current width."""
        return ListColumns.for_width(self.scrollable_content_region.width, self._id_width)

    def render_line(self, y: int) -> Strip:
        """The strip of screen line ``y``: one row of the view, or blank."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        view = self._view
        position = round(self.scroll_y) + y
        if view is None or not len(view):
            if y == 1 and self.empty_message:
                style = base + self.get_component_rich_style("cable-list--empty")
                text = _cell("  " + self.empty_message, width)
                return Strip([Segment(text, style)], width)
            return Strip.blank(width, base)
        if position >= len(view):
            return Strip.blank(width, base)
        is_cursor = position == self.cursor
        key = (view.order[position], width, is_cursor, self.has_focus)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(view, view.order[position], width, is_cursor, base)
            self._strips[key] = strip
        return strip

    def _render_row(
        self, view: CatalogView, position: int, width: int, is_cursor: bool, base: Style
    ) -> Strip:
        row = view.catalog.row(position)
        columns = ListColumns.for_width(width, self._id_width)
        style = self.get_component_rich_style
        line_style = base + style("cable-list--cursor") if is_cursor else base
        mark = _mark(row.classification)
        mark_class = {
            "T": "cable-list--secret",
            "S": "cable-list--secret",
            "C": "cable-list--confidential",
            "U": "cable-list--unclassified",
        }.get(mark[:1])
        mark_style = line_style + style(mark_class) if mark_class else line_style
        segments = [Segment(" ", line_style), Segment(_cell(mark, columns.MARK), mark_style)]
        for column in COLUMNS:
            cells = columns.width(column)
            text = one_line(column.text(row))
            if column.clip:
                text = text[:cells]
            cell_style = line_style + style(f"cable-list--{column.name}")
            segments += [Segment(" ", line_style), Segment(_cell(text, cells), cell_style)]
        if is_cursor:
            # The cursor's own colours win over the column colours.
            cursor = style("cable-list--cursor")
            segments = [
                Segment(seg.text, seg.style + cursor if seg.style else cursor) for seg in segments
            ]
        return Strip(segments).adjust_cell_length(width, line_style)
