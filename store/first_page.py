"""The first page of the catalog: its first rows in the default order, one small file a generation.

Loading the whole catalog takes a second or more at full size; the browser draws these rows
at once and loads the rest behind them. The writer keeps the page current as cables are
committed (:class:`FirstPageKeeper`, no re-reading of the store in the usual case) and writes
it with each generation, before the manifest that names it; a reader opens the file of its
own generation with the rest of its snapshot.
"""

from __future__ import annotations

import contextlib
import dataclasses
import heapq
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from store.catalog import ROW_FIELDS, CatalogRow, date_order_key
from store.files import gc_paused, write_atomic
from store.layout import CATALOG_TABLE, Manifest, catalog_path, first_page_name
from store.storage import StoreFileError, open_db

#: Rows in the first page: a tall terminal's screenful several times over.
FIRST_PAGE_ROWS = 300
#: The table of the first-page file (one document: a column per row field).
FIRST_PAGE_TABLE = "first_page"


#: The row fields that have a default (columns added later), by name.
_DEFAULTS: dict[str, Any] = {
    f.name: f.default
    for f in dataclasses.fields(CatalogRow)
    if f.default is not dataclasses.MISSING
}


def _key(row: CatalogRow) -> str:
    return date_order_key(row.created, row.id)


class FirstPageKeeper:
    """The first ``size`` rows, in the default order, of the cables committed so far.

    It holds the exact first rows of the store, however many (at most ``size``), and a bound:
    every stored cable it does not hold sorts after the bound, every one it holds does not.
    A cable that sorts before the bound joins (the last row leaves when there are too many,
    and the bound comes down to the new last row); one that sorts after it is not among the
    first. A replaced cable leaves and comes back in its new version if that still sorts
    before the bound: the rows stay exact, only fewer. When fewer than half are left,
    :attr:`needs_rebuild` asks the writer to :meth:`rebuild` from every row of the store.
    """

    def __init__(self, rows: Iterable[CatalogRow], *, whole_store: bool, size: int) -> None:
        self.size = size
        self._rows: dict[str, CatalogRow] = {row.id: row for row in rows}
        self._whole_store = whole_store  # the store holds no other cable: no bound
        self._bound = max(map(_key, self._rows.values()), default="")

    @classmethod
    def of_store(
        cls, rows: list[CatalogRow], count: int, size: int | None = None
    ) -> FirstPageKeeper:
        """The keeper of a committed store of ``count`` cables whose first page is ``rows``
        (``size`` rows at most, :data:`FIRST_PAGE_ROWS` unless given)."""
        size = size or FIRST_PAGE_ROWS
        return cls(rows[:size], whole_store=len(rows) >= count, size=size)

    @property
    def needs_rebuild(self) -> bool:
        """True when too few exact rows are left to fill a page (see :meth:`rebuild`), as in
        a store written before first pages (none at all)."""
        return not self._whole_store and len(self._rows) < max(1, self.size // 2)

    def add(self, row: CatalogRow, *, replaces: bool) -> None:
        """Take a committed cable into account (``replaces``: its id was stored before)."""
        if replaces:
            self._rows.pop(row.id, None)
        if not (self._whole_store or _key(row) <= self._bound):
            return
        self._rows[row.id] = row
        if len(self._rows) > self.size:
            last = max(self._rows.values(), key=_key)
            del self._rows[last.id]
            self._whole_store = False
            self._bound = max(map(_key, self._rows.values()))

    def rebuild(self, current_rows: Iterable[CatalogRow], count: int) -> None:
        """Recompute the page from every current row of the store (``count`` cables)."""
        first = heapq.nsmallest(self.size, current_rows, key=_key)
        self._rows = {row.id: row for row in first}
        self._whole_store = len(first) >= count
        self._bound = max(map(_key, first), default="")

    def rows(self) -> list[CatalogRow]:
        """The rows, in the default order."""
        return sorted(self._rows.values(), key=_key)


def encode_first_page(rows: list[CatalogRow]) -> bytes:
    """The first-page file: a TinyDB file of one document holding a column per row field."""
    columns: dict[str, Any] = {name: [getattr(row, name) for row in rows] for name in ROW_FIELDS}
    return orjson.dumps({FIRST_PAGE_TABLE: {"1": columns}})


def write_first_page(path: Path, rows: list[CatalogRow]) -> None:
    """Write the first-page file atomically and durably (before the manifest naming it)."""
    write_atomic(path, encode_first_page(rows))


def decode_first_page(doc: dict[str, Any]) -> list[CatalogRow]:
    """The rows of a first-page document (ValueError/TypeError if it is not one).

    A column added to the row since the page was written (the tags) is read as its default:
    a store's first page stays readable across versions until its next commit rewrites it.
    """
    rows = len(doc["id"]) if isinstance(doc.get("id"), list) else 0
    columns = [
        doc[name] if name in doc or name not in _DEFAULTS else [_DEFAULTS[name]] * rows
        for name in ROW_FIELDS
    ]
    if not all(isinstance(column, list) for column in columns):
        raise ValueError("the first page's columns are not lists")
    if len({len(column) for column in columns}) > 1:
        raise ValueError("the first page's columns differ in length")
    from_doc: Callable[[dict[str, Any]], CatalogRow] = CatalogRow.from_doc
    return [
        from_doc(dict(zip(ROW_FIELDS, values, strict=True)))
        for values in zip(*columns, strict=True)
    ]


def read_first_page(path: Path) -> list[CatalogRow]:
    """The rows of a first-page file (StoreFileError, ValueError or TypeError if damaged)."""
    db = open_db(path)
    try:
        with gc_paused():
            docs = db.table(FIRST_PAGE_TABLE).all()
    finally:
        db.close()
    if len(docs) != 1:
        raise ValueError("the first page holds no document")
    return decode_first_page(dict(docs[0]))


def keeper_of_store(directory: Path, manifest: Manifest) -> FirstPageKeeper:
    """The first-page keeper of a committed store (from the file its manifest names; a
    missing or damaged file makes a keeper that rebuilds the page at the next commit)."""
    rows: list[CatalogRow] = []
    if manifest.first_page:
        with contextlib.suppress(StoreFileError, KeyError, TypeError, ValueError):
            rows = read_first_page(directory / manifest.first_page)
    return FirstPageKeeper.of_store(rows, manifest.count)


def current_rows(directory: Path, segments: int) -> Iterator[CatalogRow]:
    """Every current row of segments 1..``segments``: each id's last row (read backwards)."""
    seen: set[str] = set()
    for segment in range(segments, 0, -1):
        db = open_db(catalog_path(directory, segment))
        with gc_paused():
            docs = db.table(CATALOG_TABLE).all()
        db.close()
        for doc in reversed(docs):
            if doc["id"] not in seen:
                seen.add(doc["id"])
                yield CatalogRow.from_doc(doc)


def commit_first_page(
    directory: Path,
    keeper: FirstPageKeeper,
    generation: int,
    segments: int,
    count: int,
) -> str:
    """Write the first page of a new generation (rebuilt first if the keeper asks for it);
    return its name for the manifest."""
    if keeper.needs_rebuild:
        keeper.rebuild(current_rows(directory, segments), count)
    name = first_page_name(generation)
    write_first_page(directory / name, keeper.rows())
    return name
