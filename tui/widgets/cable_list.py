"""The cable list: a virtual list that draws only the rows on screen.

A :class:`~tui.widgets.row_list.RowList` that builds the strip of one visible row from the
catalog's columns, as Textualize's toolong draws multi-gigabyte logs: 251,287 cables cost no
widgets, only the positions of the rows shown
(:class:`~tui.presentation.catalog_order.CatalogView`).
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip

from tui.presentation.catalog_order import CatalogView
from tui.presentation.cells import fit_cells
from tui.presentation.list_columns import COLUMNS, ListColumns
from tui.widgets.row_list import RowList, classification_mark
from tui.widgets.safe_text import one_line

__all__ = ["CableList"]


class CableList(RowList):
    """Every cable of the current view, one row each: classification, id, date, origin, subject.

    Keys move a cursor (arrows, j/k, page keys, g/G); ``enter`` posts :class:`Selected`.
    """

    ROW_CLASS = "cable-list"

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
        super().__init__(name=name, id=id, classes=classes, empty_message="No cables.")
        self._view: CatalogView | None = None
        self._id_width = 17

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
        position = view.position_of(keep) if keep else None
        self.rows_changed()
        self.set_cursor(position if position is not None else 0, center=True, force=True)

    # --- cursor -------------------------------------------------------------------------

    def cursor_moved(self, position: int) -> None:
        """Post :class:`Highlighted` for the cable at ``position``."""
        self.post_message(self.Highlighted(self, self.highlighted_id, position))

    def action_select(self) -> None:
        """Open the highlighted cable."""
        cable_id = self.highlighted_id
        if cable_id is not None:
            self.post_message(self.Selected(self, cable_id))

    # --- drawing --------------------------------------------------------------------------

    def columns(self) -> ListColumns:
        """The column widths at the list's current width."""
        return ListColumns.for_width(self.scrollable_content_region.width, self._id_width)

    def row_key(self, position: int) -> int:
        """A row is drawn once per cable, wherever the view puts it."""
        assert self._view is not None
        return self._view.order[position]

    def render_row(self, position: int, width: int, is_cursor: bool, base: Style) -> Strip:
        """One cable's row: classification, then the list's columns."""
        view = self._view
        assert view is not None
        row = view.catalog.row(view.order[position])
        columns = ListColumns.for_width(width, self._id_width)
        style = self.get_component_rich_style
        line_style = base + style("cable-list--cursor") if is_cursor else base
        mark = classification_mark(row.classification)
        mark_class = self.mark_class(mark)
        mark_style = line_style + style(mark_class) if mark_class else line_style
        segments = [Segment(" ", line_style), Segment(fit_cells(mark, columns.MARK), mark_style)]
        for column in COLUMNS:
            cells = columns.width(column)
            text = one_line(column.text(row))
            if column.clip:
                text = text[:cells]
            cell_style = line_style + style(f"cable-list--{column.name}")
            segments += [Segment(" ", line_style), Segment(fit_cells(text, cells), cell_style)]
        return self.finish_row(segments, width, line_style, is_cursor)
