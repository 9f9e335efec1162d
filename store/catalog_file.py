"""The catalog file of a generation: every current catalog row, columnar, mapped read-only.

One file a generation (``generations/000007-catalog.bin``) holds what the browser needs of
every cable without a Python object per row: the id, date, origin, classification, subject
and tags columns (text as one UTF-8 blob and an offsets array each; origins, classifications
and tags as small codes into their distinct values), the address of each cable's body
(segment, doc id), the rows sorted by id (lookup by binary search), the rows in the default
order (date, then id), and the reverse references (cited id -> rows of the cables citing it).

Readers map the file with ``mmap`` (read-only): its pages live in the kernel's page cache,
shared by every process that reads the same store, and only the pages touched are read. A
store without the file (written before it existed, or repaired) gets the same columns built
in memory from its segments (:func:`build_from_segments`): compact too, but not shared.

Layout: 8-byte magic, then a little header (JSON) naming each section's offset, length and
array type; sections are 8-byte aligned. The header also records the manifest counts the file
was written for, so that a reader never trusts a file written for other rows.
"""

from __future__ import annotations

import mmap
import struct
import sys
import time
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

import orjson

from store.catalog import ROW_FIELDS, CatalogRow, date_order_key
from store.files import gc_paused, write_atomic
from store.layout import (
    CATALOG_TABLE,
    REFS_BUCKETS,
    Manifest,
    catalog_file_name,
    catalog_path,
    refs_bucket,
)
from store.storage import open_db

__all__ = [
    "CatalogFile",
    "address_of",
    "build_in_memory",
    "commit_catalog_file",
    "current_rows",
    "encode_catalog_file",
]

MAGIC = b"CABLECF1"
#: Addresses pack (segment, doc id) into one int, as the segment index does.
ADDRESS_SHIFT = 20
_HEAD = struct.Struct("<8sQ")  # magic, header length
_CODED = ("origin", "classification")  # few distinct values: a code per row
_TAGS = ROW_FIELDS.index("tags")


def address_of(segment: int, doc_id: int) -> int:
    """The packed address of a cable's body: its segment and its doc id there."""
    return (segment << ADDRESS_SHIFT) | doc_id


Row = TypeVar("Row")


class _Column(Sequence[Any]):
    """A read-only column of a catalog file; equal to a list or column of the same values."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, tuple, _Column)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented


class _RowColumn(_Column, Generic[Row]):
    """A column whose rows are decoded one at a time by ``_get`` (a row in range)."""

    __slots__ = ()

    def _get(self, index: int) -> Row:
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self._get(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("catalog row out of range")
        return self._get(index)


class TextColumn(_RowColumn[str | None]):
    """A column of text (or None) read from a mapped blob and its offsets, one row at a time."""

    __slots__ = ("_blob", "_nulls", "_offsets")

    def __init__(self, blob: memoryview, offsets: memoryview, nulls: memoryview | None) -> None:
        self._blob = blob
        self._offsets = offsets
        self._nulls = nulls

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def _get(self, index: int) -> str | None:
        if self._nulls is not None and self._nulls[index]:
            return None
        offsets = self._offsets
        return str(self._blob[offsets[index] : offsets[index + 1]], "utf-8")

    def __iter__(self) -> Iterator[str | None]:
        blob, offsets, nulls = self._blob, self._offsets, self._nulls
        start = offsets[0]
        for index in range(len(offsets) - 1):
            end = offsets[index + 1]
            if nulls is not None and nulls[index]:
                yield None
            else:
                yield str(blob[start:end], "utf-8")
            start = end


class IdsInOrder(_RowColumn[str]):
    """The ids of a catalog file in sorted order, read where they are (no copy): the id
    column seen through the file's id order."""

    __slots__ = ("_ids", "_order")

    def __init__(self, ids: TextColumn, order: memoryview) -> None:
        self._ids = ids
        self._order = order

    def __len__(self) -> int:
        return len(self._order)

    def _get(self, index: int) -> str:
        return self._ids[self._order[index]] or ""


class CodedColumn(_Column):
    """A column whose rows are codes into a short list of distinct values (code 0: None)."""

    __slots__ = ("_codes", "_values")

    def __init__(self, codes: memoryview, values: list[Any]) -> None:
        self._codes = codes
        self._values = values

    def __len__(self) -> int:
        return len(self._codes)

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self._values[code] for code in self._codes[index]]
        return self._values[self._codes[index]]

    def __iter__(self) -> Iterator[Any]:
        return map(self._values.__getitem__, self._codes)


def _text_section(values: Iterable[str | None]) -> tuple[bytes, array, bytes | None]:
    """A text column as its blob, offsets (one more than rows) and null bytes (None if none)."""
    parts: list[bytes] = []
    offsets = array("Q", [0])
    nulls = bytearray()
    total = 0
    for value in values:
        if value is None:
            nulls.append(1)
        else:
            nulls.append(0)
            data = value.encode("utf-8", "surrogatepass")
            parts.append(data)
            total += len(data)
        offsets.append(total)
    if total < 2**32:
        offsets = array("I", offsets)
    return b"".join(parts), offsets, (bytes(nulls) if any(nulls) else None)


def _positions(count: int) -> str:
    return "I" if count < 2**32 else "Q"


class RowColumns:
    """Catalog rows gathered column by column (one list per row field, and the body address
    of each row), one per cable in store order: a cable met again replaces its row in place.
    No object per row: the columns of a full store cost a fraction of its rows."""

    def __init__(self) -> None:
        self.columns: dict[str, list[Any]] = {name: [] for name in ROW_FIELDS}
        self.addresses: list[int] = []
        #: The row of each id.
        self.position: dict[str, int] = {}
        self._tag_sets: dict[tuple[str, ...], tuple[str, ...]] = {(): ()}

    def __len__(self) -> int:
        return len(self.addresses)

    def extend_file(self, file: CatalogFile) -> None:
        """Take every row of a catalog file (into an empty gathering)."""
        for name in ROW_FIELDS:
            self.columns[name].extend(file.columns[name])
        self.addresses.extend(file.addresses())
        self.position = {cable_id: i for i, cable_id in enumerate(self.columns["id"])}

    def add_doc(self, doc: Mapping[str, Any], address: int) -> None:
        """Take a stored catalog document (TypeError if it is not a catalog row)."""
        row = CatalogRow.from_doc(doc)
        at = self.position.get(row.id)
        values = [getattr(row, name) for name in ROW_FIELDS]
        values[_TAGS] = self._tag_sets.setdefault(row.tags, row.tags)
        if at is None:
            self.position[row.id] = len(self.addresses)
            for column, value in zip(self.columns.values(), values, strict=True):
                column.append(value)
            self.addresses.append(address)
        else:
            for column, value in zip(self.columns.values(), values, strict=True):
                column[at] = value
            self.addresses[at] = address


def encode_catalog_file(
    rows: RowColumns,
    refs: Iterable[Mapping[str, Iterable[str]]],
    manifest: Manifest,
) -> bytearray:
    """The bytes of a catalog file holding ``rows`` and the body address of each, and the
    reverse references ``refs`` (the buckets of the references file, cited id -> citing ids,
    each id in bucket :func:`~store.layout.refs_bucket`; citing ids that are not among the
    rows are left out), written for ``manifest``'s counts.

    Consumes ``rows``: each column is dropped once encoded, so that a full store's columns
    and their encoding are not both held at their largest."""
    count = len(rows)
    sections: dict[str, bytes | array] = {}
    header: dict[str, Any] = {
        "rows": count,
        "for": _counts(manifest),
        "byteorder": sys.byteorder,
    }
    columns = rows.columns
    ids: list[str] = columns["id"]
    kind = _positions(count)
    sections["address"] = array("Q", rows.addresses)
    rows.addresses.clear()
    sections["by_id"] = array(kind, sorted(range(count), key=ids.__getitem__))
    keys = list(map(date_order_key, columns["created"], ids))
    sections["date_order"] = array(kind, sorted(range(count), key=keys.__getitem__))
    del keys
    buckets = list(refs)
    position = rows.position
    cited = sorted(cited_id for bucket in buckets for cited_id in bucket)
    starts = array("Q", [0])
    citing = array(kind)
    for cited_id in cited:
        bucket = buckets[refs_bucket(cited_id) - 1] if len(buckets) == REFS_BUCKETS else None
        citers = bucket[cited_id] if bucket is not None and cited_id in bucket else None
        if citers is None:
            citers = next(b[cited_id] for b in buckets if cited_id in b)
        citing.extend(sorted({position[c] for c in citers if c in position}))
        starts.append(len(citing))
    rows.position = {}
    blob, offsets, _ = _text_section(cited)
    del cited
    sections["cited.blob"], sections["cited.offsets"] = blob, offsets
    sections["cited.starts"], sections["citing"] = starts, citing
    for name in ("id", "created", "subject"):
        values = columns.pop(name)
        blob, offsets, nulls = _text_section(values)
        del values
        sections[f"{name}.blob"] = blob
        sections[f"{name}.offsets"] = offsets
        if nulls is not None:
            sections[f"{name}.nulls"] = nulls
    del ids
    for name in _CODED:
        distinct: dict[str | None, int] = {None: 0}
        codes = array("I", (distinct.setdefault(v, len(distinct)) for v in columns.pop(name)))
        header[name] = list(distinct)
        sections[f"{name}.codes"] = codes
    vocabulary: dict[str, int] = {}
    tag_starts = array("Q", [0])
    tag_codes = array("I")
    for tags in columns.pop("tags"):
        tag_codes.extend(vocabulary.setdefault(tag, len(vocabulary)) for tag in tags)
        tag_starts.append(len(tag_codes))
    header["tags"] = list(vocabulary)
    sections["tags.starts"] = array(_positions(len(tag_codes)), tag_starts)
    sections["tags.codes"] = array("H", tag_codes) if len(vocabulary) < 2**16 else tag_codes
    return _pack(header, sections)


def _counts(manifest: Manifest) -> list[int]:
    return [manifest.count, manifest.rows, manifest.segments]


def _pack(header: dict[str, Any], sections: dict[str, bytes | array]) -> bytearray:
    """Magic, header and 8-byte-aligned sections, as one file (each section dropped from
    ``sections`` once copied)."""
    table: dict[str, list[Any]] = {}
    offset = 0
    for name, data in sections.items():
        size = len(data) * data.itemsize if isinstance(data, array) else len(data)
        table[name] = [offset, size, data.typecode if isinstance(data, array) else "B"]
        offset += size + (-size % 8)
    header["sections"] = table
    head = orjson.dumps(header)
    head += b" " * (-(len(head) + _HEAD.size) % 8)
    base = _HEAD.size + len(head)
    out = bytearray(base + offset)
    out[:base] = _HEAD.pack(MAGIC, len(head)) + head
    for name in list(sections):
        data = sections.pop(name)
        start, size, _typecode = table[name]
        out[base + start : base + start + size] = memoryview(data).cast("B")
        del data
    return out


class CatalogFile:
    """An opened catalog file (mapped, or bytes built in memory): its columns, lookups and
    reverse references. Raises ValueError on opening a file that is not one, or not whole."""

    def __init__(self, buffer: bytes | mmap.mmap) -> None:
        self._buffer = buffer
        view = memoryview(buffer)
        if len(view) < _HEAD.size:
            raise ValueError("the catalog file is truncated")
        magic, head_size = _HEAD.unpack_from(view)
        if magic != MAGIC:
            raise ValueError("not a catalog file")
        header = orjson.loads(bytes(view[_HEAD.size : _HEAD.size + head_size]))
        if header.get("byteorder") != sys.byteorder:
            raise ValueError("a catalog file written on a machine of another byte order")
        base = _HEAD.size + head_size
        self.header = header
        self._sections: dict[str, memoryview] = {}
        for name, (offset, size, typecode) in header["sections"].items():
            start = base + offset
            if start + size > len(view):
                raise ValueError("the catalog file is truncated")
            self._sections[name] = view[start : start + size].cast(typecode)
        self.rows: int = header["rows"]
        columns: dict[str, Sequence[Any]] = {}
        for name in ("id", "created", "subject"):
            columns[name] = self._text(name)
        for name in _CODED:
            values = [sys.intern(v) if isinstance(v, str) else v for v in header[name]]
            columns[name] = CodedColumn(self._sections[f"{name}.codes"], values)
        columns["tags"] = TagsColumn(
            self._sections["tags.starts"],
            self._sections["tags.codes"],
            [sys.intern(tag) for tag in header["tags"]],
        )
        self.columns = columns
        if any(len(column) != self.rows for column in columns.values()):
            raise ValueError("the catalog file's columns differ in length")
        self._cited = self._text("cited")

    def _text(self, name: str) -> TextColumn:
        return TextColumn(
            self._sections[f"{name}.blob"],
            self._sections[f"{name}.offsets"],
            self._sections.get(f"{name}.nulls"),
        )

    @classmethod
    def open(cls, path: Path) -> CatalogFile:
        """Map the file at ``path`` read-only (OSError if it cannot be opened)."""
        with open(path, "rb") as file:
            size = file.seek(0, 2)
            if not size:
                raise ValueError("the catalog file is empty")
            mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        return cls(mapped)

    def written_for(self, manifest: Manifest) -> bool:
        """True if the file holds the rows of ``manifest`` (its counts match)."""
        return bool(self.header.get("for") == _counts(manifest))

    def position_of(self, cable_id: str) -> int | None:
        """The row of the cable with this id, or None (binary search over the id order)."""
        by_id = self._sections["by_id"]
        ids = self.columns["id"]
        found = bisect_left(by_id, cable_id, key=ids.__getitem__)
        if found < len(by_id) and ids[by_id[found]] == cable_id:
            return int(by_id[found])
        return None

    def id_order(self) -> memoryview:
        """The rows in id order (row numbers, read from the file)."""
        return self._sections["by_id"]

    def sorted_ids(self) -> IdsInOrder:
        """Every id in sorted order, read from the file as asked (for prefix searches)."""
        ids = self.columns["id"]
        assert isinstance(ids, TextColumn)
        return IdsInOrder(ids, self._sections["by_id"])

    def address(self, row: int) -> int:
        """The packed body address of the cable at ``row``."""
        return int(self._sections["address"][row])

    def addresses(self) -> memoryview:
        """Every row's packed body address."""
        return self._sections["address"]

    def default_order(self) -> array:
        """The rows in the default order (date ascending, then id), as a new array."""
        section = self._sections["date_order"]
        return array("i" if section.format in ("I", "i") else "q", section)

    def references_to(self, cable_id: str) -> list[str]:
        """The ids of the cables citing ``cable_id``, sorted."""
        cited = self._cited
        found = bisect_left(range(len(cited)), cable_id, key=cited.__getitem__)
        if found >= len(cited) or cited[found] != cable_id:
            return []
        starts = self._sections["cited.starts"]
        citing = self._sections["citing"][starts[found] : starts[found + 1]]
        ids = self.columns["id"]
        return sorted(ids[row] for row in citing)


class TagsColumn(_RowColumn[tuple[str, ...]]):
    """The tags column: each row's tags as codes into the file's distinct tags."""

    __slots__ = ("_codes", "_starts", "_vocabulary")

    def __init__(self, starts: memoryview, codes: memoryview, vocabulary: list[str]) -> None:
        self._starts = starts
        self._codes = codes
        self._vocabulary = vocabulary

    def __len__(self) -> int:
        return len(self._starts) - 1

    def _get(self, index: int) -> tuple[str, ...]:
        starts = self._starts
        return tuple(
            map(self._vocabulary.__getitem__, self._codes[starts[index] : starts[index + 1]])
        )

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return map(self._get, range(len(self)))


# -- building -----------------------------------------------------------------------------


def _read_table(path: Path, table: str) -> list[Any]:
    db = open_db(path)
    try:
        with gc_paused():
            return list(db.table(table))
    finally:
        db.close()


def segment_docs(directory: Path) -> Callable[[int], list[Any]]:
    """The reader of a segment's catalog documents by segment number (from the folder)."""
    return lambda segment: _read_table(catalog_path(directory, segment), CATALOG_TABLE)


def current_rows(
    docs_of: Callable[[int], list[Any]],
    manifest: Manifest,
    rows: RowColumns | None = None,
    first_segment: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> RowColumns:
    """The current rows of segments ``first_segment``.. of a store (``docs_of(segment)``: the
    catalog documents of a segment) added to ``rows`` (a new gathering if None), in store
    order (a cable replaced later keeps its first place with its last row), with the body
    address of each; ``progress(rows read, rows in all)`` after each segment.

    Raises TypeError on a document that is not a catalog row, and whatever ``docs_of`` raises.
    """
    rows = RowColumns() if rows is None else rows
    done = 0
    for segment in range(first_segment, manifest.segments + 1):
        docs = docs_of(segment)
        done += len(docs)
        if progress is not None:
            progress(done, manifest.rows)
        for doc in docs:
            rows.add_doc(doc, address_of(segment, doc.doc_id))
    return rows


def build_in_memory(
    rows: RowColumns, refs: Iterable[Mapping[str, Iterable[str]]], manifest: Manifest
) -> CatalogFile:
    """The catalog file of a store that has none, built in memory (not shared)."""
    with gc_paused():
        return CatalogFile(encode_catalog_file(rows, refs, manifest))


#: A commit during an import writes a new catalog file once the rows grew by this fraction
#: since the last one (so that a whole import writes a few dozen, not one per commit)...
GROWTH_TO_REWRITE = 0.25
#: ...or once the last one is this many seconds old (at least: see
#: :data:`CATALOG_TIME_SHARE`): a reader that opens the store while an import runs extends
#: the last file with the segments after it, so these stay few.
MAX_AGE_DURING_IMPORT = 30.0
#: The share of an import's time that its catalog files may take: the next one comes no
#: sooner than the last one's writing time divided by this share. A file holds every row,
#: so at a fixed age the files' cost would grow with the square of the import's length
#: (measured here: 0.23 s for 20,000 rows, so about 3 s a file at the full synthetic
#: corpus's 250,000, one every 30 s; the generation files' CPU of a full import went from
#: 92 to 41 s with this); a reader meanwhile reads the segments after the last file (at
#: 3 s a file, 150 s of import: under a second).
CATALOG_TIME_SHARE = 0.02


def catalog_file_age_limit(last_write_seconds: float) -> float:
    """The age at which a commit during an import writes a new catalog file, when writing
    the last one took ``last_write_seconds``."""
    return max(MAX_AGE_DURING_IMPORT, last_write_seconds / CATALOG_TIME_SHARE)


def _age(path: Path) -> float:
    """Seconds since ``path`` was written (0 if it cannot be read: keep it)."""
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def commit_catalog_file(
    directory: Path,
    old: Manifest,
    new: Manifest,
    refs: Iterable[Mapping[str, Iterable[str]]],
    *,
    final: bool = True,
    max_age: float = MAX_AGE_DURING_IMPORT,
) -> Manifest:
    """The manifest ``new`` (committed after ``old``) naming its catalog file, checksum
    included, with the reverse references ``refs`` (the writer's buckets).

    A ``final`` commit (the end of an import) always writes a file for ``new``; a commit
    while an import runs writes one only once the rows grew by :data:`GROWTH_TO_REWRITE`
    or the last file is ``max_age`` seconds old (see :func:`catalog_file_age_limit`),
    and otherwise names ``old``'s file still: readers of ``new`` see that it was written for
    fewer rows and build the catalog in memory, and the next file is built from it (only
    segments it does not cover are read). Call it before writing ``new``; the caller deletes
    ``old.catalog_file`` once ``new`` is committed if it is no longer named.
    """
    from store.checksums import file_checksum

    if not new.segments:
        checksums = {k: v for k, v in new.checksums.items() if k != old.catalog_file}
        return replace(new, catalog_file=None, checksums=checksums)
    previous: CatalogFile | None = None
    if old.catalog_file:
        try:
            previous = CatalogFile.open(directory / old.catalog_file)
        except (OSError, ValueError, KeyError):
            previous = None
    if previous is not None:
        covered = previous.header["for"]
        if covered == _counts(new):
            return replace(new, catalog_file=old.catalog_file)
        if (
            not final
            and new.rows - covered[1] < GROWTH_TO_REWRITE * covered[1]
            and _age(directory / str(old.catalog_file)) < max_age
        ):
            return replace(new, catalog_file=old.catalog_file)
    rows = RowColumns()
    first_new = 1
    with gc_paused():
        if previous is not None:
            rows.extend_file(previous)
            first_new = previous.header["for"][2] + 1
        current_rows(segment_docs(directory), new, rows, first_new)
        data = encode_catalog_file(rows, refs, new)
    del rows, previous
    name = catalog_file_name(new.generation)
    write_atomic(directory / name, data)
    checksums = {k: v for k, v in new.checksums.items() if k != old.catalog_file}
    checksums[name] = file_checksum(directory / name)
    return replace(new, catalog_file=name, checksums=checksums)


def ensure_catalog_file(
    directory: Path, manifest: Manifest, refs: Iterable[Mapping[str, Iterable[str]]]
) -> Manifest:
    """For a writer opening a store whose catalog file is missing from the manifest (written
    before it existed, or repaired) or written for fewer rows (an import that stopped between
    two files): write one for the committed generation and commit a manifest naming it (the
    same generation otherwise). Returns the manifest now committed."""
    if not manifest.segments:
        return manifest
    old = replace(manifest, segments=0, catalog_file=None)
    if manifest.catalog_file:
        try:
            if CatalogFile.open(directory / manifest.catalog_file).written_for(manifest):
                return manifest
        except (OSError, ValueError, KeyError):
            return manifest  # damaged: the writer's repair deals with it
        old = replace(manifest, rows=-1)  # the base to extend, covering fewer rows
    from store.layout import write_manifest

    updated = commit_catalog_file(directory, old, manifest, refs)
    write_manifest(directory, updated)
    if manifest.catalog_file and manifest.catalog_file != updated.catalog_file:
        (directory / manifest.catalog_file).unlink(missing_ok=True)
    return updated
