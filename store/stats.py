"""``cables stats``: what a store holds (counts by year, origin, classification), its size on
disk and its schema version."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from store.files import tree_size
from store.store import CableStore

UNKNOWN = "(unknown)"


@dataclass
class StoreStats:
    """The counts and facts ``cables stats`` prints."""

    directory: Path
    cables: int
    schema_version: int
    generation: int
    size_bytes: int
    segments: int
    superseded: int
    by_year: Counter[str] = field(default_factory=Counter)
    by_origin: Counter[str] = field(default_factory=Counter)
    by_classification: Counter[str] = field(default_factory=Counter)
    updated: str | None = None


def compute_stats(store: CableStore) -> StoreStats:
    """Count the cables of an opened store by year, origin and classification.

    Reads every catalog segment (a second or so for the full corpus); a cable replaced by a
    later import counts once, in its latest version.
    """
    latest: dict[str, tuple[str | None, str | None, str | None]] = {}
    rows = 0
    for row in store.iter_catalog_rows():
        rows += 1
        latest[row.id] = (row.created, row.origin, row.classification)
    stats = StoreStats(
        directory=store.directory,
        cables=len(latest),
        schema_version=store.schema_version,
        generation=store.generation,
        size_bytes=tree_size(store.directory),
        segments=store.manifest.segments,
        superseded=rows - len(latest),
        updated=store.manifest.updated,
    )
    for created, origin, classification in latest.values():
        stats.by_year[created[:4] if created else UNKNOWN] += 1
        stats.by_origin[origin or UNKNOWN] += 1
        stats.by_classification[classification or UNKNOWN] += 1
    return stats


def human_size(size: int) -> str:
    """``1.9 GB``, ``512 KB``: a size for people (powers of 1000)."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    raise AssertionError("unreachable")
