"""The in-memory catalog: one small row per cable, held column-wise to stay compact.

At 251,287 cables a list of dicts costs several hundred MB; parallel lists of strings (with
repeated values such as origins and classifications interned) cost a fraction of that.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CatalogRow:
    """The header fields of one cable that lists, sorting and filters need."""

    id: str
    created: str | None
    origin: str | None
    classification: str | None
    subject: str | None


class Catalog:
    """Every cable of a store, in store order, as parallel columns.

    Rows are addressed by position (0 .. len-1); :meth:`index_of` finds a cable's position.
    Appending keeps the id index current, so a catalog can fill in while it is being read.
    """

    __slots__ = ("_by_id", "classification", "created", "ids", "origin", "subject")

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.created: list[str | None] = []
        self.origin: list[str | None] = []
        self.classification: list[str | None] = []
        self.subject: list[str | None] = []
        self._by_id: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, cable_id: object) -> bool:
        return cable_id in self._by_id

    def append(self, row: CatalogRow) -> None:
        """Add a row at the end (or replace the row of the same id in place)."""
        position = self._by_id.get(row.id)
        origin = sys.intern(row.origin) if row.origin else row.origin
        classification = sys.intern(row.classification) if row.classification else None
        if position is not None:
            self.created[position] = row.created
            self.origin[position] = origin
            self.classification[position] = classification
            self.subject[position] = row.subject
            return
        self._by_id[row.id] = len(self.ids)
        self.ids.append(row.id)
        self.created.append(row.created)
        self.origin.append(origin)
        self.classification.append(classification)
        self.subject.append(row.subject)

    def extend(self, rows: Iterable[CatalogRow]) -> None:
        """Append many rows."""
        for row in rows:
            self.append(row)

    def row(self, index: int) -> CatalogRow:
        """The row at this position."""
        return CatalogRow(
            self.ids[index],
            self.created[index],
            self.origin[index],
            self.classification[index],
            self.subject[index],
        )

    def index_of(self, cable_id: str) -> int | None:
        """The position of the cable with this id, or None."""
        return self._by_id.get(cable_id)

    def __iter__(self) -> Iterator[CatalogRow]:
        return (self.row(i) for i in range(len(self.ids)))
