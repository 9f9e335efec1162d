"""What an entity page shows, gathered from the entity index, the store and the catalog.

:func:`gather_page` runs in a worker thread: the entity's record and postings (the index),
each cable's date, origin, classification and subject (the catalog when loaded, else the
cable itself), one-line excerpts of the paragraphs naming it, a timeline of cables per year
(per month when they span two years or less), and "seen with": the names that share most of
its cables. The index has no list of entities per cable, so "seen with" reads the newest
cables' own entities and resolves each name back to the index. Pure Python, no Textual.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from cables.model import Cable, Entity
from store.catalog import Catalog, CatalogRow
from store.entity_lookup import EntityIndex, EntityRecord, Posting

__all__ = [
    "CableEntry",
    "EntityPageData",
    "Excerpt",
    "Timeline",
    "excerpt",
    "gather_page",
    "timeline",
]

#: Cables read in full (excerpts, "seen with"): the newest ones.
READ_CABLES = 40
#: Cables listed at most on a page.
LISTED_CABLES = 400
SEEN_WITH = 12
EXCERPT_WIDTH = 72

_KIND_OF_FIELD = {"people": "person", "places": "place", "groups": "group"}


@dataclass(frozen=True, slots=True)
class Excerpt:
    """One line of a paragraph around the name: its number, the text, the name's spans."""

    paragraph: int
    text: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class CableEntry:
    """A cable naming the entity: header fields, paragraphs, and excerpts when read."""

    cable_id: str
    created: str | None
    origin: str | None
    classification: str | None
    subject: str | None
    paragraphs: tuple[int, ...]
    excerpts: tuple[Excerpt, ...]
    #: The form of the name this cable uses (what the reader highlights), or the name.
    form: str


@dataclass(frozen=True, slots=True)
class Timeline:
    """Cables per period, oldest first: labels (``2008`` or ``2008-03``) and counts."""

    labels: tuple[str, ...]
    counts: tuple[int, ...]
    unit: str


@dataclass(frozen=True, slots=True)
class EntityPageData:
    """Everything the page shows."""

    record: EntityRecord
    cables: tuple[CableEntry, ...]
    timeline: Timeline
    seen_with: tuple[tuple[EntityRecord, int], ...]


def timeline(postings: list[Posting]) -> Timeline:
    """Cables per year, or per month when every dated cable falls within two years."""
    dates = [p.created for p in postings if p.created and len(p.created) >= 7]
    if not dates:
        return Timeline((), (), "year")
    years = sorted({int(d[:4]) for d in dates if d[:4].isdigit()})
    if not years:
        return Timeline((), (), "year")
    if years[-1] - years[0] <= 1:
        counts = Counter(d[:7] for d in dates)
        labels = [f"{y}-{m:02d}" for y in range(years[0], years[-1] + 1) for m in range(1, 13)]
        first = min(counts)
        last = max(counts)
        labels = [label for label in labels if first <= label <= last]
        return Timeline(tuple(labels), tuple(counts.get(x, 0) for x in labels), "month")
    year_counts = Counter(int(d[:4]) for d in dates if d[:4].isdigit())
    span = range(years[0], years[-1] + 1)
    return Timeline(tuple(map(str, span)), tuple(year_counts.get(y, 0) for y in span), "year")


def _form_pattern(forms: list[str]) -> re.Pattern[str] | None:
    words = sorted({f for f in forms if f.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


def excerpt(number: int, text: str, pattern: re.Pattern[str] | None) -> Excerpt:
    """One line of ``text`` around the first place ``pattern`` matches, with its matches."""
    flat = " ".join(text.split())
    first = pattern.search(flat) if pattern is not None else None
    if first is None:
        shown = flat[:EXCERPT_WIDTH]
        return Excerpt(number, shown, ())
    start = max(0, first.start() - EXCERPT_WIDTH // 3)
    if start:
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < first.start() else start
    shown = flat[start : start + EXCERPT_WIDTH]
    prefix = "…" if start else ""
    spans = tuple((m.start() + len(prefix), m.end() + len(prefix)) for m in pattern.finditer(shown))
    return Excerpt(number, prefix + shown, spans)


def _own_entity(cable: Cable, record: EntityRecord) -> Entity | None:
    forms = {f.lower() for f in record.forms}
    for entity in _entities_of_kind(cable, record.kind):
        if entity.name.lower() in forms or forms & {f.lower() for f in entity.forms}:
            return entity
    return None


def _entities_of_kind(cable: Cable, kind: str) -> tuple[Entity, ...]:
    field = {v: k for k, v in _KIND_OF_FIELD.items()}[kind]
    return getattr(cable.entities, field)


def _entry(
    posting: Posting, row: CatalogRow | None, cable: Cable | None, record: EntityRecord
) -> CableEntry:
    own = _own_entity(cable, record) if cable is not None else None
    forms = [*own.forms, own.name] if own is not None else list(record.forms)
    excerpts: tuple[Excerpt, ...] = ()
    if cable is not None:
        pattern = _form_pattern(forms)
        found = []
        for number in posting.paragraphs:
            paragraph = cable.paragraph(number)
            if paragraph is not None:
                found.append(excerpt(number, paragraph.text, pattern))
        excerpts = tuple(found)
    source: CatalogRow | Cable | None = row if row is not None else cable
    in_text = [f for f in forms if cable is not None and _appears(cable, posting, f)]
    form = min(in_text, key=len) if in_text else record.name
    return CableEntry(
        posting.cable_id,
        getattr(source, "created", None) or posting.created,
        getattr(source, "origin", None),
        getattr(source, "classification", None),
        getattr(source, "subject", None),
        posting.paragraphs,
        excerpts,
        form,
    )


def _appears(cable: Cable, posting: Posting, form: str) -> bool:
    number = posting.paragraphs[0] if posting.paragraphs else None
    paragraph = cable.paragraph(number) if number is not None else None
    return paragraph is not None and form.lower() in paragraph.text.lower()


def _resolve(index: EntityIndex, name: str, kind: str) -> EntityRecord | None:
    for hit in index.find(name, kind=kind, limit=3):
        if hit.entity.name == name or name in hit.entity.forms:
            return hit.entity
    return None


def _seen_with(
    index: EntityIndex, record: EntityRecord, cables: list[Cable]
) -> tuple[tuple[EntityRecord, int], ...]:
    together: Counter[tuple[str, str]] = Counter()
    for cable in cables:
        own = _own_entity(cable, record)
        for field, kind in _KIND_OF_FIELD.items():
            for entity in getattr(cable.entities, field):
                if entity is not own:
                    together[(kind, entity.name)] += 1
    found: list[tuple[EntityRecord, int]] = []
    seen: set[int] = {record.id}
    for (kind, name), count in together.most_common(SEEN_WITH * 2):
        other = _resolve(index, name, kind)
        if other is None or other.id in seen:
            continue
        seen.add(other.id)
        found.append((other, count))
        if len(found) >= SEEN_WITH:
            break
    return tuple(found)


def gather_page(
    index: EntityIndex,
    entity_id: int,
    get_cable: Callable[[str], Cable | None],
    catalog: Catalog | None,
    cancelled: Callable[[], bool] = lambda: False,
) -> EntityPageData | None:
    """The page of entity ``entity_id``; None when cancelled on the way."""
    record = index.entity(entity_id)
    postings = index.postings(entity_id)
    read: list[Cable] = []
    entries: list[CableEntry] = []
    for number, posting in enumerate(postings[:LISTED_CABLES]):
        if cancelled():
            return None
        row = None
        if catalog is not None:
            at = catalog.index_of(posting.cable_id)
            row = catalog.row(at) if at is not None else None
        cable = get_cable(posting.cable_id) if number < READ_CABLES else None
        if cable is not None:
            read.append(cable)
        entries.append(_entry(posting, row, cable, record))
    return EntityPageData(
        record, tuple(entries), timeline(postings), _seen_with(index, record, read)
    )
