"""The header row above the cable list: column names, the sorted one marked with an arrow."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.presentation.catalog_order import SortKey
from tui.presentation.list_columns import COLUMNS, ListColumns

__all__ = ["ListHeader"]


class ListHeader(Widget):
    """One line naming the list's columns, aligned with :class:`~tui.widgets.cable_list.CableList`.

    ``sort`` and ``descending`` mark the sorted column with ▲ or ▼.
    """

    DEFAULT_CSS = """
    ListHeader {
        height: 1;
        background: $panel;
        color: $text-muted;
        text-style: bold;
        & > .list-header--sorted { color: $text-accent; }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"list-header--sorted"}

    sort: reactive[SortKey] = reactive(SortKey.DATE)
    descending: reactive[bool] = reactive(False)
    id_width: reactive[int] = reactive(17)

    def render(self) -> Text:
        """The column names at the current width."""
        # The list beside has a one-cell scrollbar: leave it out of the columns.
        columns = ListColumns.for_width(max(0, self.size.width - 1), self.id_width)
        arrow = "▼" if self.descending else "▲"
        sorted_style = self.get_component_rich_style("list-header--sorted")
        text = Text(no_wrap=True, overflow="crop", end="")
        text.append(" ")
        class_label = f"Cls{arrow}" if self.sort is SortKey.CLASS else "Cls"
        text.append(
            class_label.ljust(columns.MARK), sorted_style if self.sort is SortKey.CLASS else ""
        )
        text.append(" ")
        for column in COLUMNS:
            width = columns.width(column)
            is_sorted = column.sort is not None and column.sort is self.sort
            label = f"{column.title} {arrow}" if is_sorted else column.title
            text.append(label.ljust(width)[:width], sorted_style if is_sorted else "")
            text.append(" ")
        return text
