"""The rows the cable list shows: the catalog sorted and filtered, as positions into it.

Pure Python (no Textual), so it can run in a worker thread and be tested alone. On the full
store (251,287 rows) a sort takes a few tenths of a second and a filter about as long; the
list runs both in a thread worker and swaps the result in when ready.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from cables.ids import id_sort_key
from store.catalog import Catalog, date_order_key

__all__ = ["CatalogView", "SortKey"]


class SortKey(Enum):
    """The orders the list can be sorted in."""

    DATE = "date"
    ID = "id"
    ORIGIN = "origin"

    def next(self) -> SortKey:
        """The following order, round the cycle (date, id, origin)."""
        members = list(SortKey)
        return members[(members.index(self) + 1) % len(members)]


_LAST = "\uffff"  # sorts after every real value: unknown origins go last


def _id_string_key(cable_id: str) -> str:
    """:func:`id_sort_key` as one string that sorts the same way."""
    year, station, number = id_sort_key(cable_id)
    return f"{year:04d}{station}\x00{number:012d}"


@dataclass(frozen=True, slots=True)
class CatalogView:
    """One arrangement of a catalog: which rows, in which order.

    ``order`` holds catalog positions; ``matches`` is True when a filter is applied.
    """

    catalog: Catalog
    order: array
    sort: SortKey
    descending: bool
    query: str

    def __len__(self) -> int:
        return len(self.order)

    @classmethod
    def in_default_order(cls, catalog: Catalog) -> CatalogView:
        """The view of a catalog whose rows are in the default order already (date
        ascending): the store's first page, shown before the whole catalog has loaded."""
        return cls(catalog, array("i", range(len(catalog))), SortKey.DATE, False, "")

    @property
    def filtered(self) -> bool:
        """Whether a filter narrows the rows."""
        return bool(self.query.split())

    def position_of(self, cable_id: str) -> int | None:
        """The list position of this cable in the view, or None when it is not shown."""
        row = self.catalog.index_of(cable_id)
        if row is None:
            return None
        try:
            return self.order.index(row)
        except ValueError:
            return None


class CatalogArranger:
    """Sorts and filters one catalog, remembering sort orders and the filter's search text.

    Thread-safe for one caller at a time (the list's exclusive worker).
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._orders: dict[SortKey, array] = {}
        self._haystack: str | None = None
        self._starts: array | None = None

    def _sorted(self, key: SortKey) -> array:
        """Catalog positions in ascending ``key`` order (cached)."""
        order = self._orders.get(key)
        if order is not None and len(order) == len(self.catalog):
            return order
        catalog = self.catalog
        positions = range(len(catalog))
        # String keys: list.sort compares strings much faster than tuples.
        keys: list[str]
        created_column = catalog.column("created")
        if key is SortKey.DATE:
            keys = list(map(date_order_key, created_column, catalog.ids))
        elif key is SortKey.ID:
            keys = [_id_string_key(cable_id) for cable_id in catalog.ids]
        else:
            keys = [
                f"{origin or _LAST}\x00{created or ''}"
                for origin, created in zip(catalog.column("origin"), created_column, strict=True)
            ]
        key_function: Callable[[int], str] = keys.__getitem__
        order = array("i", sorted(positions, key=key_function))
        self._orders[key] = order
        return order

    def _build_haystack(self) -> tuple[str, array]:
        """One lower-case string of every row's searchable fields, and where each row starts."""
        haystack, starts = self._haystack, self._starts
        if haystack is not None and starts is not None and len(starts) == len(self.catalog):
            return haystack, starts
        catalog = self.catalog
        parts: list[str] = []
        starts = array("q")
        offset = 0
        for cable_id, created, origin, subject in zip(
            catalog.ids,
            catalog.column("created"),
            catalog.column("origin"),
            catalog.column("subject"),
            strict=True,
        ):
            # Newlines inside fields become spaces, so a row is one line of the haystack.
            line = f"{cable_id}\t{(created or '')[:10]}\t{origin or ''}\t{subject or ''}"
            line = " ".join(line.lower().split("\n")) + "\n"
            starts.append(offset)
            parts.append(line)
            offset += len(line)
        self._haystack = "".join(parts)
        self._starts = starts
        return self._haystack, starts

    def _mask(self, term: str) -> bytearray:
        """One byte per catalog row: 1 where the row contains ``term``."""
        haystack, starts = self._build_haystack()
        count = len(starts)
        mask = bytearray(count)
        position = haystack.find(term)
        while position != -1:
            row = bisect_right(starts, position) - 1
            mask[row] = 1
            following = starts[row + 1] if row + 1 < count else len(haystack)
            position = haystack.find(term, following)
        return mask

    def arrange(self, sort: SortKey, descending: bool = False, query: str = "") -> CatalogView:
        """The view sorted by ``sort``, showing only rows holding every word of ``query``.

        The filter is case-insensitive and looks at the id, the date, the origin and the
        subject; words are combined with AND.
        """
        order = self._sorted(sort)
        terms = [term for term in query.lower().split() if term]
        if terms:
            mask = self._mask(terms[0])
            for term in terms[1:]:
                other = self._mask(term)
                mask = bytearray(a & b for a, b in zip(mask, other, strict=True))
            order = array("i", (row for row in order if mask[row]))
        if descending:
            order = array("i", reversed(order))
        return CatalogView(self.catalog, order, sort, descending, query.strip())
