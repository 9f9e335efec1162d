"""The catalog of a commit made while an import runs: the last catalog file plus a tail.

A commit in the middle of an import names the catalog file of an earlier commit (writing a
new one at every commit would cost the importer a second each at full size), so a reader
opening such a generation holds a mapped file that covers the first segments only. Rather
than copying every row of that file into memory and encoding a whole new file (seconds and
hundreds of MB a reader at full size, with twenty readers on two cores), the reader keeps
the mapped file and builds an in-memory catalog file of the rows after it only (the tail:
the cables imported since, a few thousand), and :class:`CatalogFileWithTail` answers as one
catalog file of every current row would:

- positions ``0 .. base.rows - 1`` are the mapped file's rows, each read from the tail
  instead when the import replaced that cable (a cable keeps its first place, with its
  last row, as in :func:`~store.catalog_file.current_rows`); the tail's new cables follow;
- ids in sorted order and the default order merge the tail into the file's orders by
  binary search (tail rows times log of the file's rows key reads, not a pass over the
  file);
- the reverse references are the file's (less those of replaced cables) and the tail's, from
  the references its catalog documents list.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from typing import Any

from store.catalog import date_order_key
from store.catalog_file import CatalogFile, _RowColumn

__all__ = ["AnyCatalogFile", "CatalogFileWithTail"]


class _TailedColumn(_RowColumn[Any]):
    """A column of the file's rows (some read from the tail instead), then the tail's new
    rows."""

    __slots__ = ("_appended", "_base", "_replaced", "_tail")

    def __init__(
        self,
        base: Any,
        tail: Any,
        replaced: Mapping[int, int],
        appended: array,
    ) -> None:
        self._base = base
        self._tail = tail
        self._replaced = replaced
        self._appended = appended

    def __len__(self) -> int:
        return len(self._base) + len(self._appended)

    def _get(self, index: int) -> Any:
        base = self._base
        if index >= len(base):
            return self._tail[self._appended[index - len(base)]]
        row = self._replaced.get(index)
        return base[index] if row is None else self._tail[row]

    def __iter__(self) -> Iterator[Any]:
        new_rows = map(self._tail.__getitem__, self._appended)
        if not self._replaced:
            return chain(self._base, new_rows)
        replaced, tail = self._replaced, self._tail
        from_base = (
            value if (row := replaced.get(index)) is None else tail[row]
            for index, value in enumerate(self._base)
        )
        return chain(from_base, new_rows)


class _MergedIds(_RowColumn[str]):
    """Every id in sorted order: the file's, with the tail's new ids slotted in (no copy).

    ``slots[k]`` is where the k-th new id (in sorted order) sits in the merged order; the
    file's ids fill the other places, in their order."""

    __slots__ = ("_base", "_new", "_slots")

    def __init__(self, base: Any, new: list[str], slots: array) -> None:
        self._base = base
        self._new = new
        self._slots = slots

    def __len__(self) -> int:
        return len(self._base) + len(self._new)

    def _get(self, index: int) -> str:
        before = bisect_left(self._slots, index)
        if before < len(self._slots) and self._slots[before] == index:
            return self._new[before]
        return str(self._base[index - before])


class CatalogFileWithTail:
    """A mapped catalog file extended with an in-memory catalog file of the rows after it;
    answers what :class:`~store.catalog_file.CatalogFile` answers, for every current row."""

    def __init__(
        self, base: CatalogFile, tail: CatalogFile, references: Mapping[str, Iterable[str]]
    ) -> None:
        """``tail``: the current rows of the segments after ``base``'s (built in memory with
        no reverse references); ``references``: the ids each of them cites."""
        self._base = base
        self._tail = tail
        #: Cited id -> the tail's cables citing it.
        self._cited_by: dict[str, list[str]] = {}
        for citing, cited_ids in references.items():
            for cited in cited_ids:
                self._cited_by.setdefault(cited, []).append(citing)
        base_sorted = base.sorted_ids()
        tail_ids = tail.columns["id"]
        #: base position -> tail row, for the cables the import replaced.
        self._replaced: dict[int, int] = {}
        self._replaced_ids: set[str] = set()
        #: The tail rows of new cables, in tail order (their positions follow the file's).
        self._appended = array("i")
        new_sorted: list[str] = []
        slots = array("q")
        low = 0
        base_id_order = base.id_order()
        for tail_row in tail.id_order():
            cable_id = tail_ids[tail_row] or ""
            low = bisect_left(base_sorted, cable_id, lo=low)
            if low < len(base_sorted) and base_sorted[low] == cable_id:
                self._replaced[base_id_order[low]] = tail_row
                self._replaced_ids.add(cable_id)
            else:
                slots.append(low + len(new_sorted))
                new_sorted.append(cable_id)
        replaced_rows = set(self._replaced.values())
        self._appended.extend(row for row in range(tail.rows) if row not in replaced_rows)
        #: tail row -> position in this catalog.
        self._position = array("q", bytes(8 * tail.rows))
        for position, row in self._replaced.items():
            self._position[row] = position
        for offset, row in enumerate(self._appended):
            self._position[row] = base.rows + offset
        self._sorted = _MergedIds(base_sorted, new_sorted, slots)
        self.rows = base.rows + len(self._appended)
        self.columns = {
            name: _TailedColumn(column, tail.columns[name], self._replaced, self._appended)
            for name, column in base.columns.items()
        }

    def position_of(self, cable_id: str) -> int | None:
        """The position of the cable with this id, or None."""
        row = self._tail.position_of(cable_id)
        if row is not None:
            return int(self._position[row])
        return self._base.position_of(cable_id)

    def sorted_ids(self) -> _MergedIds:
        """Every id in sorted order, read as asked."""
        return self._sorted

    def address(self, row: int) -> int:
        """The packed body address of the cable at ``row``."""
        base = self._base
        if row >= base.rows:
            return self._tail.address(self._appended[row - base.rows])
        replaced = self._replaced.get(row)
        return base.address(row) if replaced is None else self._tail.address(replaced)

    def addresses(self) -> array:
        """Every row's packed body address, by position."""
        addresses = array("Q", self._base.addresses())
        tail = self._tail.addresses()
        for position, row in self._replaced.items():
            addresses[position] = tail[row]
        addresses.extend(tail[row] for row in self._appended)
        return addresses

    def default_order(self) -> array:
        """The positions in the default order (date ascending, then id): the file's order
        without the replaced cables, with every tail row slotted in by binary search."""
        base = self._base
        order = base.default_order()
        if self._replaced:
            order = array(order.typecode, (p for p in order if p not in self._replaced))
        created, ids = base.columns["created"], base.columns["id"]
        tail_created, tail_ids = self._tail.columns["created"], self._tail.columns["id"]

        def key(position: int) -> str:
            return date_order_key(created[position], ids[position] or "")

        merged = array(order.typecode)
        taken = 0
        for row in self._tail.default_order():
            tail_key = date_order_key(tail_created[row], tail_ids[row] or "")
            at = bisect_left(order, tail_key, taken, key=key)
            merged.extend(order[taken:at])
            merged.append(self._position[row])
            taken = at
        merged.extend(order[taken:])
        return merged

    def references_to(self, cable_id: str) -> list[str]:
        """The ids of the cables citing ``cable_id``, sorted: the file's citing cables that
        the import did not replace, and the tail's."""
        replaced = self._replaced_ids
        citing = {c for c in self._base.references_to(cable_id) if c not in replaced}
        citing.update(self._cited_by.get(cable_id, ()))
        return sorted(citing)


#: A catalog file as readers use it: mapped whole, or mapped and extended with a tail.
AnyCatalogFile = CatalogFile | CatalogFileWithTail
