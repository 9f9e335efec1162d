"""The store's full-text index: a tantivy index in ``STORE/text/``, one document per cable.

Why one document per cable (measured on 20,000 synthetic cables, benchmarks/RESULTS.md):
a document per paragraph took 40% longer to build (twelve times the documents to hand
over from Python) for the same size, and would make ``a AND b`` match only words in the
same paragraph. A cable's paragraphs are the values of one multi-valued ``body`` field
(a phrase never spans two of them), stored with their numbers (``pnum``), so the
snippets of a hit are cut from the index without loading the cable.

How it follows the store's commits (see :mod:`store.writer`): the index is append-only,
like the segments. Every document carries ``row``, its place in the store
(``segment << 20 | position``, as :class:`store.store.CableStore` packs locations). The
writer feeds each new cable to tantivy as it arrives and commits tantivy just before the
manifest; a snapshot at manifest generation N searches only documents whose segment is
at most the manifest's ``segments`` (a range filter inside the query), and drops hits
on rows a later cable of the same id superseded (only when the snapshot has any). So a
``kill -9`` between tantivy's commit and the manifest leaves documents no reader sees,
and the next writer deletes them before it reuses their segment numbers. The manifest
names the state it belongs to: ``extra["text_index"]`` holds the folder, the number of
rows indexed and tantivy's commit stamp.
"""

from __future__ import annotations

import contextlib
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import tantivy

from store.errors import StoreError
from store.files import gc_paused
from store.layout import BODIES_TABLE, bodies_path
from store.layout import TEXT as TEXT_DIR
from store.storage import open_db

#: The manifest's ``extra`` key naming the text index state of a generation.
MANIFEST_KEY = "text_index"
#: Bumped when the schema or the analysis changes: an index of another version is rebuilt.
TEXT_INDEX_VERSION = 1

ROW_SHIFT = 20
#: The tokenizer of words: split on anything not a letter or digit, drop tokens longer
#: than 40 characters, lower case, fold accents to ASCII (``São`` is ``sao``).
WORDS = "cables_words"
#: The tokenizer of codes (tags, ids): the whole value, lower case.
CODES = "cables_codes"
#: Memory for tantivy's indexing buffer (one thread; the parsing workers use the cores).
WRITER_HEAP = 64_000_000
WRITER_THREADS = 1

CODE_FIELDS = ("tag", "id")
#: Seconds a writer waits for tantivy's own lock on the index. The store's writer lock,
#: already held, rules out another live writer; what can still hold it for a moment is the
#: text-index process of a writer killed just before, while the kernel ends it.
LOCK_WAIT = 10.0


def _take_writer(index: tantivy.Index) -> tantivy.IndexWriter:
    """tantivy's writer of ``index``, waiting up to :data:`LOCK_WAIT` for its lock."""
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        try:
            return index.writer(heap_size=WRITER_HEAP, num_threads=WRITER_THREADS)
        except ValueError as error:
            if "LockBusy" not in str(error) or time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


def word_analyzer() -> tantivy.TextAnalyzer:
    """The analyzer of every word field, used by the index, queries and snippets alike."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


def code_analyzer() -> tantivy.TextAnalyzer:
    """The analyzer of tags and ids: one token, lower case."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.raw())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


def build_schema() -> tantivy.Schema:
    """The schema of the index: what is searched, stored, and sorted on."""
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name=CODES, index_option="basic")
    builder.add_text_field("body", stored=True, tokenizer_name=WORDS)
    builder.add_integer_field("pnum", stored=True)
    builder.add_text_field("subject", stored=True, tokenizer_name=WORDS)
    builder.add_text_field("origin", stored=True, tokenizer_name=WORDS)
    builder.add_text_field("class", stored=True, tokenizer_name=WORDS)
    builder.add_text_field("created", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("tag", tokenizer_name=CODES, index_option="basic")
    for kind in ("person", "place", "group"):
        builder.add_text_field(kind, tokenizer_name=WORDS)
    builder.add_unsigned_field("year", indexed=True, fast=True)
    builder.add_unsigned_field("date", indexed=True, fast=True)
    builder.add_unsigned_field("row", stored=True, indexed=True, fast=True)
    return builder.build()


def pack_row(segment: int, position: int) -> int:
    """A document's place in the store: segment and 1-based position in it."""
    return segment << ROW_SHIFT | position


def first_row_after(segments: int) -> int:
    """The smallest row of any segment after ``segments``."""
    return (segments + 1) << ROW_SHIFT


def date_key(created: str | None) -> int:
    """``YYYY-MM-DD HH:MM`` as the integer YYYYMMDDHHMM (0 when unknown): sorts by date."""
    if not created:
        return 0
    digits = "".join(ch for ch in created if ch.isdigit())[:12]
    if len(digits) < 4:
        return 0
    return int(digits.ljust(12, "0"))


def document_json(body: dict[str, Any], row: int) -> str:
    """The index document of one cable, from its stored JSON form (see
    :func:`cables.jsonform.cable_to_json`), as the JSON that tantivy's ``add_json`` takes."""
    return placed_document(document_fields(body), row)


def placed_document(fields: str, row: int) -> str:
    """A document of :func:`document_fields` at its place in the store."""
    return f'{{"row":{row},{fields[1:]}'


def document_fields(body: dict[str, Any]) -> str:
    """Every field of a cable's index document but its place in the store (``row``), as a
    JSON object: made in the import's workers, placed by the writer."""
    created = body.get("created")
    date = date_key(created)
    paragraphs = body.get("paragraphs") or ()
    doc: dict[str, Any] = {
        "id": body["id"],
        "body": [p.get("text") or "" for p in paragraphs],
        "pnum": [int(p.get("number") or 0) for p in paragraphs],
        "subject": body.get("subject") or "",
        "origin": body.get("origin") or "",
        "class": body.get("classification") or "",
        "created": created or "",
        "tag": list(body.get("tags") or ()),
        "year": date // 100_000_000,
        "date": date,
    }
    entities = body.get("entities") or {}
    for kind, key in (("person", "people"), ("place", "places"), ("group", "groups")):
        names: dict[str, None] = {}  # each once: a name is most often its first form too
        for entity in entities.get(key) or ():
            names[entity.get("name") or ""] = None
            names.update(dict.fromkeys(entity.get("forms") or ()))
        if names:
            doc[kind] = list(names)
    return orjson.dumps(doc).decode()


@dataclass(frozen=True)
class TextIndexState:
    """What a manifest says of its text index: the folder, the store rows indexed (every
    catalog row of segments 1..N, superseded ones included), tantivy's commit stamp."""

    path: str = TEXT_DIR
    rows: int = 0
    opstamp: int = 0
    version: int = TEXT_INDEX_VERSION

    def to_doc(self) -> dict[str, Any]:
        """The state as the manifest stores it."""
        return {
            "path": self.path,
            "rows": self.rows,
            "opstamp": self.opstamp,
            "version": self.version,
        }

    @classmethod
    def from_manifest_extra(cls, extra: dict[str, Any]) -> TextIndexState | None:
        """The state a manifest names, or None (a store made before the text index)."""
        doc = extra.get(MANIFEST_KEY)
        if not isinstance(doc, dict):
            return None
        try:
            return cls(str(doc["path"]), int(doc["rows"]), int(doc["opstamp"]), int(doc["version"]))
        except (KeyError, TypeError, ValueError):
            return None


def open_index(path: Path, *, create: bool = False) -> tantivy.Index:
    """The tantivy index in ``path`` with this module's tokenizers registered; ``create``
    makes an empty one if the folder holds none (or one this version cannot read)."""
    index = _create(path) if create else tantivy.Index.open(str(path))
    index.register_tokenizer(WORDS, word_analyzer())
    index.register_tokenizer(CODES, code_analyzer())
    return index


def _create(path: Path) -> tantivy.Index:
    """The index in ``path``, reused if its schema is this one's, else emptied first."""
    path.mkdir(parents=True, exist_ok=True)
    try:
        return tantivy.Index(build_schema(), path=str(path), reuse=True)
    except ValueError:
        for child in path.iterdir():
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
        return tantivy.Index(build_schema(), path=str(path), reuse=False)


#: The schema queries are built against (field names resolve the same in every index).
SCHEMA = build_schema()

#: The bodies of one store segment, in store order (for rebuilding the index).
BodiesReader = Callable[[int], Iterable[dict[str, Any]]]


def stored_bodies(directory: Path, segment: int) -> list[dict[str, Any]]:
    """The bodies of one segment of the store in ``directory``, in store order."""
    db = open_db(bodies_path(directory, segment))
    try:
        with gc_paused():
            return [dict(doc) for doc in db.table(BODIES_TABLE)]
    finally:
        db.close()


def count_rows_up_to(searcher: tantivy.Searcher, segments: int) -> int:
    """Documents of store segments 1..``segments``."""
    if segments <= 0:
        return 0
    return int(searcher.search(rows_up_to(SCHEMA, segments), limit=1, count=True).count or 0)


def rows_up_to(schema: tantivy.Schema, segments: int) -> tantivy.Query:
    """Documents of store segments 1..``segments`` (what one manifest covers)."""
    return tantivy.Query.range_query(
        schema,
        "row",
        tantivy.FieldType.Unsigned,
        lower_bound=0,
        upper_bound=first_row_after(segments) - 1,
    )


def rows_after(schema: tantivy.Schema, segments: int) -> tantivy.Query:
    """Documents of segments after ``segments`` (written by a writer that died)."""
    return tantivy.Query.range_query(
        schema,
        "row",
        tantivy.FieldType.Unsigned,
        lower_bound=first_row_after(segments),
        upper_bound=(1 << 63) - 1,
    )


class TextIndexWriter:
    """The store writer's side of the text index (see the module docstring).

    :meth:`open` repairs what a dead writer left (documents of uncommitted segments) and
    builds the index from the stored bodies when it is missing or does not match;
    :meth:`add` hands one cable to tantivy's indexing thread; :meth:`commit` makes every
    added cable durable and returns the state the next manifest names.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / TEXT_DIR
        self._index: tantivy.Index | None = None
        self._writer: tantivy.IndexWriter | None = None
        self.rebuilt = False

    def open(
        self, segments: int, rows: int, state: TextIndexState | None, bodies: BodiesReader
    ) -> None:
        """Open (or create) the index for a store of ``segments`` segments and ``rows``
        catalog rows, as its manifest names ``state``; delete documents of later segments,
        and rebuild from ``bodies`` if the index does not hold exactly those rows."""
        try:
            self._index = open_index(self.path, create=True)
            self._writer = _take_writer(self._index)
            self._index.config_reader("manual")
            self._index.reload()
            searcher = self._index.searcher()
            stale = int(searcher.search(rows_after(SCHEMA, segments), limit=1).count or 0)
            if stale:  # documents a killed writer committed beyond its last manifest
                self._writer.delete_documents_by_query(rows_after(SCHEMA, segments))
                self._writer.commit()
            indexed = count_rows_up_to(searcher, segments)
            # No state: an empty store, or one made before the text index (rebuild).
            current = rows == 0 if state is None else state.version == TEXT_INDEX_VERSION
            if indexed != rows or not current:
                self._rebuild(segments, bodies)
        except ValueError as error:
            raise self._failed(error) from None

    def _rebuild(self, segments: int, bodies: BodiesReader) -> None:
        """Index every stored row again, from the segments' bodies."""
        assert self._writer is not None
        self._writer.delete_all_documents()
        for segment in range(1, segments + 1):
            for position, body in enumerate(bodies(segment), start=1):
                self._writer.add_json(document_json(body, pack_row(segment, position)))
        self._writer.commit()
        self.rebuilt = True

    def _failed(self, error: Exception) -> StoreError:
        return StoreError(f"cannot write the full-text index in {self.path}: {error}")

    def add(self, fields: str, segment: int, position: int) -> None:
        """Hand one cable (its :func:`document_fields`) to the indexer, at this place."""
        assert self._writer is not None
        try:
            self._writer.add_json(placed_document(fields, pack_row(segment, position)))
        except ValueError as error:
            raise self._failed(error) from None

    def add_placed(self, document: str) -> None:
        """Hand one document of :func:`placed_document` to the indexer."""
        assert self._writer is not None
        try:
            self._writer.add_json(document)
        except ValueError as error:
            raise self._failed(error) from None

    def commit(self, rows: int) -> TextIndexState:
        """Make every added cable durable; the state a manifest of ``rows`` rows names."""
        assert self._writer is not None
        try:
            opstamp = int(self._writer.commit())
        except ValueError as error:
            raise self._failed(error) from None
        return TextIndexState(TEXT_DIR, rows, opstamp)

    def discard_uncommitted(self, segments: int) -> None:
        """After a failed commit (a full disk): drop what tantivy holds beyond the store's
        ``segments`` committed segments, and the files no commit of its own names, so that
        their space comes back now (best effort: the next writer's :meth:`open` does the
        same)."""
        writer = self._writer
        if writer is None:
            return
        with contextlib.suppress(ValueError, OSError):
            writer.rollback()
        with contextlib.suppress(ValueError, OSError):
            writer.delete_documents_by_query(rows_after(SCHEMA, segments))
            writer.commit()
        with contextlib.suppress(ValueError, OSError):
            writer.garbage_collect_files()

    def close(self) -> None:
        """Drop the tantivy writer (uncommitted documents are discarded), releasing its
        lock (a merge under way is abandoned; the next writer removes its files)."""
        writer, self._writer = self._writer, None
        if writer is not None:
            with contextlib.suppress(ValueError):
                writer.rollback()
            del writer
        self._index = None
