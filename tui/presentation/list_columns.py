"""The columns of the cable list, defined once: titles, widths, cell texts, the sort of each.

The list's rows (:class:`~tui.widgets.cable_list.CableList`) and its header row
(:class:`~tui.widgets.list_header.ListHeader`) both walk :data:`COLUMNS`, so they line up and
a new column is one entry here (its width in :meth:`ListColumns.for_width`, its text from
the catalog row, :class:`store.catalog.CatalogRow`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from store.catalog import CatalogRow
from tui.presentation.catalog_order import SortKey

__all__ = ["COLUMNS", "ListColumn", "ListColumns"]


@dataclass(frozen=True, slots=True)
class ListColumn:
    """One column of the list after the classification letter.

    ``name`` names its width in :class:`ListColumns` and its component class
    (``cable-list--NAME``); ``text`` is a row's cell before cleaning; ``sort`` is the order it
    stands for (marked in the header), if any; ``clip`` cuts a long cell without an ellipsis
    (a date keeps its day and loses its time).
    """

    name: str
    title: str
    text: Callable[[CatalogRow], str | None]
    sort: SortKey | None = None
    clip: bool = False


COLUMNS: tuple[ListColumn, ...] = (
    ListColumn("id", "Id", lambda row: row.id, SortKey.ID),
    ListColumn("date", "Date", lambda row: row.created, SortKey.DATE, clip=True),
    ListColumn("origin", "Origin", lambda row: row.origin, SortKey.ORIGIN),
    ListColumn("subject", "Subject", lambda row: row.subject, SortKey.SUBJECT),
)


@dataclass(frozen=True, slots=True)
class ListColumns:
    """Cell widths of one row: a classification letter, then one width per :data:`COLUMNS`.

    Each column but the last is followed by one space; the subject takes what is left.
    """

    id: int
    date: int
    origin: int
    subject: int

    MARK = 3  # the classification: S, C, U, with N for NOFORN (S/N) or TS

    def width(self, column: ListColumn) -> int:
        """The width of ``column``."""
        return int(getattr(self, column.name))

    @classmethod
    def for_width(cls, width: int, id_width: int = 17) -> ListColumns:
        """The columns for a list ``width`` cells wide, with ids up to ``id_width`` cells.

        Below 100 cells the date loses its time and the origin is kept short, so that at 80
        cells about 30 cells of subject remain.
        """
        id_width = max(11, min(id_width, 24))
        date = 16 if width >= 110 else 10
        if width >= 150:
            origin = 30
        elif width >= 100:
            origin = 24
        else:
            origin = 16
        used = 1 + cls.MARK + 1 + id_width + 1 + date + 1 + origin + 1
        return cls(id_width, date, origin, max(0, width - used))
