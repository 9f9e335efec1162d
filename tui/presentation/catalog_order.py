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
from tui.presentation.facets import NO_FACETS, FacetKind, Facets, facet_counts, facet_mask

__all__ = ["CatalogArranger", "CatalogView", "SortKey", "class_rank"]


class SortKey(Enum):
    """The orders the list can be sorted in."""

    DATE = "date"
    ID = "id"
    ORIGIN = "origin"
    CLASS = "class"
    SUBJECT = "subject"

    def next(self) -> SortKey:
        """The following order, round the cycle (date, id, origin, class, subject)."""
        members = list(SortKey)
        return members[(members.index(self) + 1) % len(members)]


_LAST = "\uffff"  # sorts after every real value: unknown origins go last


def class_rank(classification: str | None) -> int:
    """The rank of a classification, most secret first: 0 top secret, 1 secret,
    2 confidential, 3 unclassified, 4 anything else or unknown."""
    head = (classification or "").lstrip().upper()
    for rank, level in enumerate(("TOP SECRET", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED")):
        if head.startswith(level):
            return rank
    return 4


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
    facets: Facets = NO_FACETS

    def __len__(self) -> int:
        return len(self.order)

    @classmethod
    def in_default_order(cls, catalog: Catalog) -> CatalogView:
        """The view of a catalog whose rows are in the default order already (date
        ascending): the store's first page, shown before the whole catalog has loaded."""
        return cls(catalog, array("i", range(len(catalog))), SortKey.DATE, False, "")

    @property
    def filtered(self) -> bool:
        """Whether a filter or a facet narrows the rows."""
        return bool(self.query.split()) or bool(self.facets)

    def position_of(self, cable_id: str) -> int | None:
        """The list position of this cable in the view, or None when it is not shown."""
        row = self.catalog.index_of(cable_id)
        if row is None:
            return None
        try:
            return self.order.index(row)
        except ValueError:
            return None

    def neighbour(self, cable_id: str, step: int) -> str | None:
        """The id ``step`` rows after (before, when negative) ``cable_id`` in this view;
        None at either end or when the cable is not shown."""
        position = self.position_of(cable_id)
        if position is None or not 0 <= position + step < len(self.order):
            return None
        return self.catalog.ids[self.order[position + step]]


class CatalogArranger:
    """Sorts and filters one catalog, remembering sort orders and the filter's search text.

    Thread-safe for one caller at a time (the list's exclusive worker).
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._orders: dict[SortKey, array] = {}
        self._haystack: str | None = None
        self._starts: array | None = None
        self._facet_masks: dict[object, bytearray] = {}

    def _sorted(self, key: SortKey) -> array:
        """Catalog positions in ascending ``key`` order (cached)."""
        order = self._orders.get(key)
        if order is not None and len(order) == len(self.catalog):
            return order
        catalog = self.catalog
        if key is SortKey.DATE:
            known = catalog.default_order()  # a catalog file holds it: no sorting
            if known is not None:
                self._orders[key] = known
                return known
        positions = range(len(catalog))
        # String keys: list.sort compares strings much faster than tuples.
        keys: list[str]
        created_column = catalog.column("created")
        if key is SortKey.DATE:
            keys = list(map(date_order_key, created_column, catalog.ids))
        elif key is SortKey.ID:
            keys = [_id_string_key(cable_id) for cable_id in catalog.ids]
        elif key is SortKey.CLASS:
            ranks: dict[str | None, int] = {}
            keys = [
                f"{ranks.setdefault(c, class_rank(c))}{c or _LAST}\x00{date_order_key(d, i)}"
                for c, d, i in zip(
                    catalog.column("classification"), created_column, catalog.ids, strict=True
                )
            ]
        elif key is SortKey.SUBJECT:
            keys = [
                f"{(subject or _LAST).casefold()}\x00{created or ''}"
                for subject, created in zip(catalog.column("subject"), created_column, strict=True)
            ]
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

    def _facet_mask(self, facets: Facets) -> bytearray | None:
        """The rows every active facet keeps (None when no facet is active)."""
        mask: bytearray | None = None
        for choice in facets:
            one = self._facet_masks.get(choice)
            if one is None or len(one) != len(self.catalog):
                one = self._facet_masks[choice] = facet_mask(self.catalog, choice)
            mask = one if mask is None else _both(mask, one)
        return mask

    def keep_mask(self, query: str = "", facets: Facets = NO_FACETS) -> bytearray | None:
        """One byte per row: 1 where the row holds every word of ``query`` and has every
        active facet (None when neither narrows)."""
        mask: bytearray | None = None
        for term in query.lower().split():
            one = self._mask(term)
            mask = one if mask is None else _both(mask, one)
        facet = self._facet_mask(facets)
        if facet is not None:
            mask = facet if mask is None else _both(mask, facet)
        return mask

    def counts(
        self, kind: FacetKind, query: str = "", facets: Facets = NO_FACETS
    ) -> dict[str, int]:
        """How many cables have each value of facet ``kind``, under the text filter and the
        other active facets (the facet's own choice left out, so that it can be changed)."""
        return dict(facet_counts(self.catalog, kind, self.keep_mask(query, facets.without(kind))))

    def arrange(
        self,
        sort: SortKey,
        descending: bool = False,
        query: str = "",
        facets: Facets = NO_FACETS,
    ) -> CatalogView:
        """The view sorted by ``sort``, showing only rows holding every word of ``query`` and
        having every facet of ``facets``.

        The filter is case-insensitive and looks at the id, the date, the origin and the
        subject; words are combined with AND. Each facet looks at its own column only.
        """
        order = self._sorted(sort)
        mask = self.keep_mask(query, facets)
        if mask is not None:
            order = array("i", (row for row in order if mask[row]))
        if descending:
            order = array("i", reversed(order))
        return CatalogView(self.catalog, order, sort, descending, query.strip(), facets)

    def same_origin_neighbour(self, cable_id: str, step: int) -> str | None:
        """The cable ``step`` places after (before, when negative) ``cable_id`` among the
        cables of its origin, by date; None at either end or when the origin is unknown."""
        catalog = self.catalog
        row = catalog.index_of(cable_id)
        if row is None:
            return None
        origins = catalog.column("origin")
        origin = origins[row]
        if not origin:
            return None
        order = self._sorted(SortKey.DATE)
        position = order.index(row)
        indices = range(position + 1, len(order)) if step > 0 else range(position - 1, -1, -1)
        remaining = abs(step)
        for index in indices:
            if origins[order[index]] == origin:
                remaining -= 1
                if not remaining:
                    return catalog.ids[order[index]]
        return None


def _both(first: bytearray, second: bytearray) -> bytearray:
    """The rows both masks keep."""
    both = int.from_bytes(first, "little") & int.from_bytes(second, "little")
    return bytearray(both.to_bytes(len(first), "little"))
