"""One search of the lookup: entities from the index, and cables by id or subject.

:func:`lookup` turns a typed query (fzf habits, :mod:`tui.presentation.lookup_query`) into
rows: the entity index ranks its candidates (tiers: exact, prefix, word start, substring,
then spelling variants), the query's conditions filter them, and, when the catalog is
loaded, cables whose id starts with the query or whose subject holds it follow. Runs in a
worker thread; pure Python, no Textual.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Protocol

from store.catalog import Catalog, CatalogRow, ids_starting_with
from store.entity_lookup import EntityRecord
from tui.presentation.lookup_query import LookupQuery, TermKind
from tui.presentation.name_highlight import match_spans

__all__ = ["CableMatcher", "CableRow", "EntityRow", "LookupRows", "lookup"]

#: Candidates asked of the index when conditions may filter many of them out.
FILTERED_CANDIDATES = 200
#: Cables shown at most under the entities.
MAX_CABLES = 8


class EntityFinder(Protocol):
    """The part of :class:`store.entity_lookup.EntityIndex` the lookup uses."""

    def find(self, query: str, kind: str | None = None, limit: int = 20) -> list: ...


@dataclass(frozen=True, slots=True)
class EntityRow:
    """A person, place or group found: the entity, its score, the spans of its name to
    highlight."""

    entity: EntityRecord
    score: float
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class CableRow:
    """A cable found by its id or subject, with the spans of its subject to highlight."""

    row: CatalogRow
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class LookupRows:
    """What one query found: entities best first, then cables."""

    entities: tuple[EntityRow, ...]
    cables: tuple[CableRow, ...]

    def __len__(self) -> int:
        return len(self.entities) + len(self.cables)


class CableMatcher:
    """Cables by id prefix or subject substring over a catalog, without a scan per query:
    sorted ids (bisect) and every subject, lower-cased, in one string (``str.find``)."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._ids = catalog.sorted_ids()
        subjects = [(s or "").lower().replace("\n", " ") for s in catalog.column("subject")]
        self._blob = "\n".join(subjects)
        starts = []
        at = 0
        for subject in subjects:
            starts.append(at)
            at += len(subject) + 1
        self._starts = starts

    def by_id(self, typed: str, limit: int) -> list[CatalogRow]:
        """Cables whose id starts with ``typed`` (spaces dropped, upper-cased)."""
        prefix = "".join(typed.split()).upper()
        if not prefix or not any(ch.isdigit() for ch in prefix):
            return []
        rows = []
        for cable_id in ids_starting_with(self._ids, prefix, limit):
            index = self._catalog.index_of(cable_id)
            if index is not None:
                rows.append(self._catalog.row(index))
        return rows

    def by_subject(self, text: str, limit: int) -> list[CatalogRow]:
        """Cables whose subject holds ``text`` (case-insensitive), in catalog order."""
        needle = text.lower()
        if len(needle) < 3:
            return []
        rows: list[CatalogRow] = []
        at = self._blob.find(needle)
        while at >= 0 and len(rows) < limit:
            index = bisect_right(self._starts, at) - 1
            rows.append(self._catalog.row(index))
            at = self._blob.find(
                needle,
                self._starts[index + 1] if index + 1 < len(self._starts) else len(self._blob),
            )
        return rows


def _cables(matcher: CableMatcher, query: LookupQuery) -> list[CableRow]:
    text = query.search_text
    found: dict[str, CableRow] = {}
    for row in matcher.by_id(query.raw, MAX_CABLES):
        found[row.id] = CableRow(row, ())
    if len(found) < MAX_CABLES:
        for row in matcher.by_subject(text, MAX_CABLES - len(found)):
            if row.id not in found:
                spans = match_spans(row.subject or "", query.highlight_words)
                found[row.id] = CableRow(row, tuple(spans))
    return list(found.values())


def lookup(
    index: EntityFinder,
    query: LookupQuery,
    kind: str | None = None,
    limit: int = 50,
    cables: CableMatcher | None = None,
) -> LookupRows:
    """The rows for ``query``: at most ``limit`` entities (of ``kind`` if given), then cables."""
    text = query.search_text
    if not text:
        return LookupRows((), ())
    conditions = query.conditions
    asked = FILTERED_CANDIDATES if conditions else limit
    hits = index.find(text, kind=kind, limit=asked)
    rows: list[EntityRow] = []
    words = query.highlight_words
    for hit in hits:
        entity = hit.entity
        if conditions and not query.accepts(entity.forms):
            continue
        rows.append(EntityRow(entity, hit.score, tuple(match_spans(entity.name, words))))
        if len(rows) >= limit:
            break
    only_plain = all(t.kind is TermKind.FUZZY for t in query.terms)
    cable_rows = _cables(cables, query) if cables is not None and only_plain else []
    return LookupRows(tuple(rows), tuple(cable_rows))
