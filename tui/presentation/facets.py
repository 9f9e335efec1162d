"""Facets of the cable list: classification (with caveats such as NOFORN), tag, origin, year.

Pure Python (no Textual): what values a row has for each facet, which rows a chosen facet
keeps (one byte per catalog row), how many cables each value has, and the fuzzy narrowing of
the picker's values as the user types. A facet looks at its own column only: a classification
facet never matches subject text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from rapidfuzz import fuzz, process, utils

from store.catalog import Catalog

__all__ = [
    "NO_FACETS",
    "FacetChoice",
    "FacetKind",
    "Facets",
    "classification_values",
    "facet_counts",
    "facet_mask",
    "narrow_values",
    "parse_year_range",
]


class FacetKind(Enum):
    """The facets the list can be narrowed by (the value is the facet's plain name)."""

    CLASSIFICATION = "classification"
    TAG = "tag"
    ORIGIN = "origin"
    YEAR = "year"


def classification_values(classification: str | None) -> tuple[str, ...]:
    """The level and each caveat of a classification, as separate facet values.

    ``SECRET//NOFORN`` gives ``("SECRET", "NOFORN")``; ``UNCLASSIFIED//FOR OFFICIAL USE ONLY``
    gives ``("UNCLASSIFIED", "FOR OFFICIAL USE ONLY")``.
    """
    if not classification:
        return ()
    parts = (" ".join(part.split()).upper() for part in classification.split("//"))
    return tuple(dict.fromkeys(part for part in parts if part))


_YEAR_RANGE = re.compile(r"^\s*(\d{4})\s*(?:(?:-|–|\.\.|to)\s*(\d{4}))?\s*$")


def parse_year_range(text: str) -> tuple[int, int] | None:
    """``2005`` or ``2005-2008`` (also ``2005..2008``, ``2005 to 2008``) as (first, last)."""
    found = _YEAR_RANGE.match(text)
    if found is None:
        return None
    first = int(found.group(1))
    last = int(found.group(2) or first)
    return (min(first, last), max(first, last))


@dataclass(frozen=True, slots=True)
class FacetChoice:
    """One active facet: its kind and the value chosen (for a year: ``2005`` or
    ``2005-2008``)."""

    kind: FacetKind
    value: str

    def label(self) -> str:
        """How the facet reads above the list (``tag PGOV``)."""
        return f"{self.kind.value} {self.value}"


@dataclass(frozen=True, slots=True)
class Facets:
    """The active facets, one value per kind at most, in the order they were chosen."""

    choices: tuple[FacetChoice, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.choices)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.choices)

    def __len__(self) -> int:
        return len(self.choices)

    def get(self, kind: FacetKind) -> FacetChoice | None:
        """The active choice of this kind, or None."""
        return next((choice for choice in self.choices if choice.kind is kind), None)

    def with_choice(self, choice: FacetChoice) -> Facets:
        """These facets with ``choice`` added (replacing the choice of the same kind)."""
        return Facets((*self.without(choice.kind).choices, choice))

    def without(self, kind: FacetKind) -> Facets:
        """These facets without the choice of ``kind``."""
        return Facets(tuple(choice for choice in self.choices if choice.kind is not kind))


def _year(created: str | None) -> str | None:
    if created and len(created) >= 4 and created[:4].isdigit():
        return created[:4]
    return None


def _values_of(kind: FacetKind, cell: object) -> Iterable[str]:
    """The facet values of one catalog cell of the facet's column."""
    if kind is FacetKind.CLASSIFICATION:
        return classification_values(cell)  # type: ignore[arg-type]
    if kind is FacetKind.TAG:
        return cell or ()  # type: ignore[return-value]
    if kind is FacetKind.ORIGIN:
        return (cell,) if cell else ()  # type: ignore[return-value]
    year = _year(cell)  # type: ignore[arg-type]
    return (year,) if year else ()


_COLUMN = {
    FacetKind.CLASSIFICATION: "classification",
    FacetKind.TAG: "tags",
    FacetKind.ORIGIN: "origin",
    FacetKind.YEAR: "created",
}


def _cell_key(kind: FacetKind, cell: object) -> object:
    """What a cell's facet values depend on (for the year, the first four characters)."""
    if kind is FacetKind.YEAR:
        return cell[:4] if isinstance(cell, str) else None
    return cell


def facet_mask(catalog: Catalog, choice: FacetChoice) -> bytearray:
    """One byte per catalog row: 1 where the row has the chosen value.

    Cells repeat (origins, classifications and tag sets are shared), so each distinct cell is
    judged once.
    """
    kind = choice.kind
    if kind is FacetKind.YEAR:
        years = parse_year_range(choice.value) or (0, -1)

        def keeps(cell: object) -> bool:
            year = _year(cell)  # type: ignore[arg-type]
            return year is not None and years[0] <= int(year) <= years[1]
    else:
        wanted = choice.value.upper() if kind is FacetKind.CLASSIFICATION else choice.value

        def keeps(cell: object) -> bool:
            return wanted in _values_of(kind, cell)

    judged: dict[object, int] = {}
    mask = bytearray(len(catalog))
    for row, cell in enumerate(catalog.column(_COLUMN[kind])):
        key = _cell_key(kind, cell)
        hit = judged.get(key)
        if hit is None:
            hit = judged[key] = int(keeps(cell))
        if hit:
            mask[row] = 1
    return mask


def facet_counts(catalog: Catalog, kind: FacetKind, mask: bytearray | None = None) -> Counter[str]:
    """How many cables have each value of ``kind``, among the rows ``mask`` keeps (all
    rows when None)."""
    cells: Counter[object] = Counter()
    column = catalog.column(_COLUMN[kind])
    if mask is None:
        cells.update(_cell_key(kind, cell) for cell in column)
    else:
        cells.update(_cell_key(kind, cell) for cell, kept in zip(column, mask, strict=True) if kept)
    counts: Counter[str] = Counter()
    for cell, count in cells.items():
        for value in _values_of(kind, cell):
            counts[value] += count
    return counts


def narrow_values(
    counts: dict[str, int], typed: str, kind: FacetKind, limit: int = 200
) -> list[tuple[str, int]]:
    """The values to offer for what is ``typed``, best first, with their counts.

    Nothing typed: every value, the most frequent first (years newest first). Typed text:
    values holding it first (shortest first), then fuzzy matches (rapidfuzz), best first.
    """
    if not typed.strip():
        if kind is FacetKind.YEAR:
            ordered = sorted(counts.items(), reverse=True)
        else:
            ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return ordered[:limit]
    query = utils.default_process(typed)
    holding = [value for value in counts if query in utils.default_process(value)]
    holding.sort(
        key=lambda value: (
            not utils.default_process(value).startswith(query),
            -counts[value],
            value,
        )
    )
    rest = [value for value in counts if query not in utils.default_process(value)]
    fuzzy = process.extract(
        typed,
        rest,
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=limit,
        score_cutoff=70,
    )
    found = holding + [value for value, _score, _index in fuzzy]
    return [(value, counts[value]) for value in found[:limit]]


#: No facet active.
NO_FACETS = Facets()
