"""The entity index of a snapshot, loaded: entities, ranked search, postings.

:class:`EntityIndex` is what :meth:`store.store.CableStore.entity_index` returns: ``find``
ranks entities for a query (see :mod:`store.entity_search`), ``entity`` gives one entity's
name, kind, forms and number of cables, and ``postings`` its cables (newest first) with the
paragraphs that name it: what entity pages and "seen with" lists are built from.
"""

from __future__ import annotations

import io
import mmap
import os
import time
from dataclasses import dataclass
from typing import Any

from store.entity_index import (
    KIND_CODE_OF_NAME,
    KIND_NAMES,
    EntityRecords,
    PostingsReader,
    iter_counts,
    load_columns,
)
from store.entity_search import EntitySearch, ReadTexts, map_search_keys, map_sections

#: Forms listed per entity at most (a name seen in thousands of cables has many).
MAX_FORMS = 20
#: Entity records kept once read (a few MB at most).
_KEPT_RECORDS = 4096


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """One entity of the index: ``id`` is its position in this snapshot's index (stable
    only within a snapshot), ``kind`` person, place or group, ``forms`` most frequent first
    (the canonical name included), ``count`` the number of cables naming it."""

    id: int
    name: str
    kind: str
    forms: tuple[str, ...]
    count: int


@dataclass(frozen=True, slots=True)
class EntityHit:
    """A search result: the entity and its score (100 an exact match; tiers of ten below)."""

    entity: EntityRecord
    score: float


@dataclass(frozen=True, slots=True)
class Posting:
    """A cable naming an entity: its id, created date and the paragraphs naming it."""

    cable_id: str
    created: str | None
    paragraphs: tuple[int, ...]


#: Columns a loaded index maps from its file (``keys``, the identity keys, only a
#: compaction reads).
_MAPPED_COLUMNS = ("kinds", "folded", "counts", "offsets", "lengths", "records")


def _buffer_of(postings: PostingsReader) -> memoryview | None:
    """The whole postings file as a buffer: its pages mapped (read-only, shared with every
    other reader of the file), or an in-memory file's own bytes; None if it is empty."""
    source = postings.source
    if isinstance(source, io.BytesIO):
        return source.getbuffer()
    size = os.fstat(source.fileno()).st_size
    if size == 0:
        return None
    mapped = mmap.mmap(source.fileno(), size, access=mmap.ACCESS_READ)
    if hasattr(mapped, "madvise"):
        # Searches read a few records here and there: no read-ahead of whole runs of pages.
        mapped.madvise(mmap.MADV_RANDOM)
    return memoryview(mapped)


def _mapped_columns(columns: dict[str, Any], postings: PostingsReader) -> dict[str, Any] | None:
    """The columns and search keys of an index document of format 3 over its mapped file
    (None for older formats: they are read whole)."""
    places = columns.get("sections")
    if places is None:
        return None
    buffer = _buffer_of(postings)
    if buffer is None:
        return None
    loaded = map_sections(places, buffer, _MAPPED_COLUMNS)
    if not isinstance(postings.source, io.BytesIO):
        # The candidates' names are read one by one with pread: mapped, each would bring
        # in the pages around it (tens of MB after a few searches, for a few KB read).
        loaded["folded"] = ReadTexts(
            postings.read_bytes, places["folded"][0], loaded["folded"].starts
        )
    loaded["names"] = loaded["forms"] = None
    loaded["search"] = map_search_keys(places, buffer)
    return loaded


class EntityIndex:
    """A loaded entity index (read-only; safe to share between threads).

    The index file is mapped, not read: its arrays are views of the mapped pages, and
    names are read one at a time, so loading takes a fraction of a second and the memory
    it holds is a few megabytes plus the pages the searches touch (shared between
    processes). ``load_seconds`` tells how long the load took.
    """

    def __init__(self, columns: dict[str, Any], postings: PostingsReader) -> None:
        started = time.perf_counter()
        loaded = _mapped_columns(columns, postings) or load_columns(columns, postings)
        self._kinds: str = loaded["kinds"]
        self._records = EntityRecords(loaded, postings)
        self._counts = loaded["counts"]
        self._offsets = loaded["offsets"]
        self._lengths = loaded["lengths"]
        self._postings = postings
        self._search = EntitySearch(self._kinds, loaded["folded"], self._counts, loaded["search"])
        #: Records read lately (as-you-type queries find the same entities again and again).
        self._kept: dict[int, EntityRecord] = {}
        self.load_seconds = time.perf_counter() - started

    def __len__(self) -> int:
        return len(self._kinds)

    def entity(self, entity_id: int) -> EntityRecord:
        """The entity at this position (IndexError if there is none)."""
        if not 0 <= entity_id < len(self._kinds):
            raise IndexError(entity_id)
        kept = self._kept.get(entity_id)
        if kept is not None:
            return kept
        packed_names, packed_forms = self._records.get(entity_id)
        name = next(iter_counts(packed_names))[0]
        forms = [form for form, _ in iter_counts(packed_forms)]
        if name in forms:
            forms.remove(name)
        record = EntityRecord(
            entity_id,
            name,
            KIND_NAMES[self._kinds[entity_id]],
            tuple([name, *forms[: MAX_FORMS - 1]]),
            self._counts[entity_id],
        )
        if len(self._kept) >= _KEPT_RECORDS:
            self._kept.clear()
        self._kept[entity_id] = record
        return record

    def find(self, query: str, kind: str | None = None, limit: int = 20) -> list[EntityHit]:
        """Entities for a query, best first: exact name or form, prefix, word start,
        substring, then spelling variants and typos; ``kind`` is person, place or group.

        An unusable query (no letter or digit) finds nothing; see
        :func:`store.entity_search.query_problem` to tell the user why.
        """
        code = None
        if kind is not None:
            code = KIND_CODE_OF_NAME.get(kind)
            if code is None:
                raise ValueError(f"not a kind of entity: {kind!r}")
        matches = self._search.search(query[:1000], code, limit)
        return [EntityHit(self.entity(m.entity), m.score) for m in matches]

    def postings(self, entity_id: int) -> list[Posting]:
        """The cables naming an entity, newest first (by created date), with paragraphs."""
        if not 0 <= entity_id < len(self._kinds):
            raise IndexError(entity_id)
        items = self._postings.read(self._offsets[entity_id], self._lengths[entity_id])
        return [Posting(cable_id, created, tuple(paras)) for cable_id, created, paras in items]
