"""The catalog row, defined once, and the in-memory catalog held column-wise to stay compact.

:class:`CatalogRow` is the one definition of what the cable list knows of a cable: its fields
are the keys of the stored catalog document (:func:`store.records.catalog_doc`), the columns
of :class:`Catalog`, and what :meth:`CatalogRow.from_doc` reads back. A new column is a new
field here (and its value in :meth:`CatalogRow.of_cable`); the list draws it in ``tui/``.

At 251,287 cables a list of dicts costs several hundred MB; parallel lists of strings (with
repeated values such as origins and classifications interned) cost a fraction of that, and the
columns of a mapped catalog file (:mod:`store.catalog_file`, :meth:`Catalog.of_file`) cost
next to nothing of the process's own memory: their pages are the kernel's, shared.
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from cables.model import Cable

if TYPE_CHECKING:
    from store.catalog_tail import AnyCatalogFile


@dataclass(frozen=True, slots=True)
class CatalogRow:
    """The header fields of one cable that lists, sorting and filters need.

    Every field but ``id`` may be None (unknown), never invented.
    """

    id: str
    created: str | None
    origin: str | None
    classification: str | None
    subject: str | None
    tags: tuple[str, ...] = ()

    @classmethod
    def of_cable(cls, cable: Cable) -> CatalogRow:
        """The row of a parsed cable."""
        return cls(
            id=cable.id,
            created=cable.created,
            origin=cable.origin,
            classification=cable.classification,
            subject=cable.subject,
            tags=tuple(cable.tags),
        )

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> CatalogRow:
        """The row of a stored catalog document (fields missing from it are None).

        Raises TypeError when the id or a field is not a string (a damaged document).
        """
        values = [doc.get(name) for name in _TEXT_FIELDS]
        if not all(value is None or isinstance(value, str) for value in values):
            raise TypeError(f"a catalog field that is not text in {doc.get('id')!r}")
        if not isinstance(values[0], str):
            raise TypeError("a catalog document without an id")
        tags = doc.get("tags") or ()
        if not isinstance(tags, (list, tuple)) or not all(isinstance(t, str) for t in tags):
            raise TypeError(f"catalog tags that are not a list of text in {doc.get('id')!r}")
        return cls(*values, tags=tuple(tags))

    def to_doc(self) -> dict[str, Any]:
        """The row's fields as the keys and values of a stored document (tags as a list)."""
        doc = dict(zip(ROW_FIELDS, _row_values(self), strict=True))
        doc["tags"] = list(self.tags)
        return doc


#: The names of the row's fields, in order: the columns of the catalog and of its files.
ROW_FIELDS: tuple[str, ...] = tuple(field.name for field in fields(CatalogRow))
_row_values = attrgetter(*ROW_FIELDS)
#: The fields holding one text (or None): every field but the tags.
_TEXT_FIELDS: tuple[str, ...] = tuple(name for name in ROW_FIELDS if name != "tags")
#: Columns whose values repeat across many cables and are interned to share one string.
_INTERNED = frozenset({"origin", "classification"})


def ids_starting_with(sorted_ids: Sequence[str], prefix: str, limit: int) -> list[str]:
    """The first ``limit`` ids of ``sorted_ids`` (sorted) that start with ``prefix``, in
    order (two binary searches; none for an empty prefix)."""
    if not prefix:
        return []
    start = bisect_left(sorted_ids, prefix)
    stop = min(start + limit, len(sorted_ids))
    end = bisect_right(sorted_ids, prefix + "\uffff", lo=start, hi=stop)
    return list(sorted_ids[start:end])


def date_order_key(created: str | None, cable_id: str) -> str:
    """The key of the default order (date ascending, then id; unknown dates first).

    One string, because ``list.sort`` compares strings much faster than tuples.
    """
    return f"{created or ''}\x00{cable_id}"


class Catalog:
    """Every cable of a store, in store order, as parallel columns (one per row field).

    Rows are addressed by position (0 .. len-1); :meth:`index_of` finds a cable's position.
    A catalog is either held in lists (appending keeps the id index current, so it can fill
    in while it is being read) or read from a catalog file (:meth:`of_file`; read-only).
    """

    __slots__ = ("_by_id", "_columns", "_file", "_tag_sets")

    def __init__(self) -> None:
        self._columns: dict[str, Sequence[Any]] = {name: [] for name in ROW_FIELDS}
        self._by_id: dict[str, int] = {}
        self._file: AnyCatalogFile | None = None
        # Tag tuples repeat across many cables: one shared tuple per distinct set.
        self._tag_sets: dict[tuple[str, ...], tuple[str, ...]] = {}

    @classmethod
    def of_file(cls, file: AnyCatalogFile) -> Catalog:
        """The catalog whose columns are those of a catalog file (read row by row from it)."""
        catalog = cls()
        catalog._file = file
        catalog._columns = dict(file.columns)
        return catalog

    def default_order(self) -> array | None:
        """The positions in the default order (date, then id) when the catalog knows them
        without sorting (a catalog file holds them), else None."""
        return None if self._file is None else self._file.default_order()

    @classmethod
    def of_rows(cls, rows: Iterable[CatalogRow]) -> Catalog:
        """A catalog holding these rows, in this order."""
        catalog = cls()
        catalog.extend(rows)
        return catalog

    def __len__(self) -> int:
        return len(self._columns["id"])

    def __contains__(self, cable_id: object) -> bool:
        return isinstance(cable_id, str) and self.index_of(cable_id) is not None

    @property
    def ids(self) -> Sequence[str]:
        """The id column."""
        return self._columns["id"]

    def sorted_ids(self) -> Sequence[str]:
        """Every id in sorted order: read where they are from a catalog file, else sorted
        into a new list."""
        if self._file is not None:
            return self._file.sorted_ids()
        return sorted(self.ids)

    def column(self, name: str) -> Sequence[Any]:
        """The column of the row field ``name`` (one of :data:`ROW_FIELDS`), by position."""
        return self._columns[name]

    def append(self, row: CatalogRow) -> None:
        """Add a row at the end (or replace the row of the same id in place)."""
        columns = self._lists()
        position = self._by_id.get(row.id)
        if position is None:
            self._by_id[row.id] = len(self._by_id)
        for name, value in zip(ROW_FIELDS, _row_values(row), strict=True):
            if value and name in _INTERNED:
                value = sys.intern(value)
            elif name == "tags":
                value = self._tag_set(value)
            if position is None:
                columns[name].append(value)
            else:
                columns[name][position] = value

    def extend(self, rows: Iterable[CatalogRow]) -> None:
        """Append many rows."""
        for row in rows:
            self.append(row)

    def extend_docs(self, docs: Sequence[Mapping[str, Any]]) -> None:
        """Append the rows of stored catalog documents (:meth:`CatalogRow.from_doc` for each,
        done column by column: twice as fast for a segment of new ids, the usual case).

        Raises TypeError when a document's id or field is not text (a damaged document).
        """
        ids = [doc.get("id") for doc in docs]
        lists = self._lists()
        by_id = self._by_id
        if len(set(ids)) != len(ids) or not by_id.keys().isdisjoint(ids):
            self.extend(map(CatalogRow.from_doc, docs))  # rows replaced in place
            return
        columns: list[list[Any]] = []
        for name in ROW_FIELDS:
            if name == "tags":
                columns.append([self._tag_set(doc.get("tags")) for doc in docs])
                continue
            values = ids if name == "id" else [doc.get(name) for doc in docs]
            if not all(value is None or isinstance(value, str) for value in values):
                raise TypeError(f"a catalog {name} that is not text")
            if name in _INTERNED:
                values = [sys.intern(value) if value else value for value in values]
            columns.append(values)
        if None in ids:
            raise TypeError("a catalog document without an id")
        for name, values in zip(ROW_FIELDS, columns, strict=True):
            lists[name].extend(values)
        by_id.update(zip(ids, range(len(by_id), len(by_id) + len(ids)), strict=True))

    def _lists(self) -> dict[str, list[Any]]:
        """The columns as lists, to append to (TypeError for a catalog read from a file)."""
        if self._file is not None:
            raise TypeError("a catalog read from a catalog file is read-only")
        return self._columns  # type: ignore[return-value]

    def _tag_set(self, tags: object) -> tuple[str, ...]:
        """A stored document's tags as the tuple shared by every row with the same tags."""
        if not tags:
            return ()
        if not isinstance(tags, (list, tuple)) or not all(isinstance(t, str) for t in tags):
            raise TypeError("catalog tags that are not a list of text")
        value = tuple(tags)
        return self._tag_sets.setdefault(value, value)

    def row(self, index: int) -> CatalogRow:
        """The row at this position."""
        return CatalogRow(*(self._columns[name][index] for name in ROW_FIELDS))

    def index_of(self, cable_id: str) -> int | None:
        """The position of the cable with this id, or None."""
        if self._file is not None:
            return self._file.position_of(cable_id)
        return self._by_id.get(cable_id)

    def __iter__(self) -> Iterator[CatalogRow]:
        return (self.row(i) for i in range(len(self)))
