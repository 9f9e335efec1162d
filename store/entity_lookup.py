"""The entity index of a snapshot, loaded: entities, ranked search, postings.

:class:`EntityIndex` is what :meth:`store.store.CableStore.entity_index` returns: ``find``
ranks entities for a query (see :mod:`store.entity_search`), ``entity`` gives one entity's
name, kind, forms and number of cables, and ``postings`` its cables (newest first) with the
paragraphs that name it: what entity pages and "seen with" lists are built from.
"""

from __future__ import annotations

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
from store.entity_search import EntitySearch

#: Forms listed per entity at most (a name seen in thousands of cables has many).
MAX_FORMS = 20


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


class EntityIndex:
    """A loaded entity index (read-only; safe to share between threads)."""

    def __init__(self, columns: dict[str, Any], postings: PostingsReader) -> None:
        loaded = load_columns(columns, postings)
        self._kinds: str = loaded["kinds"]
        self._records = EntityRecords(loaded, postings)
        self._counts = loaded["counts"]
        self._offsets = loaded["offsets"]
        self._lengths = loaded["lengths"]
        self._postings = postings
        self._search = EntitySearch(self._kinds, loaded["folded"], self._counts, loaded["search"])

    def __len__(self) -> int:
        return len(self._kinds)

    def entity(self, entity_id: int) -> EntityRecord:
        """The entity at this position (IndexError if there is none)."""
        if not 0 <= entity_id < len(self._kinds):
            raise IndexError(entity_id)
        packed_names, packed_forms = self._records.get(entity_id)
        name = next(iter_counts(packed_names))[0]
        forms = [form for form, _ in iter_counts(packed_forms)]
        if name in forms:
            forms.remove(name)
        return EntityRecord(
            entity_id,
            name,
            KIND_NAMES[self._kinds[entity_id]],
            tuple([name, *forms[: MAX_FORMS - 1]]),
            self._counts[entity_id],
        )

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
