"""``cables stats``: counts (cables; by year, origin, classification), size on disk, schema.

Never imports Textual.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from cables.sanitize import clean_line
from store.errors import StoreError
from store.stats import StoreStats, compute_stats, human_size
from store.store import CableStore
from store.store_folder import resolve_store_dir
from tui.presentation.counts import counted


def _table(title: str, counts: Counter[str], *, by_key: bool = False) -> list[str]:
    items = sorted(counts.items()) if by_key else counts.most_common()
    items = [(clean_line(key), count) for key, count in items]
    width = max((len(key) for key, _ in items), default=0)
    lines = ["", f"{title}:"]
    lines += [f"  {key:<{width}}  {count:>9,}" for key, count in items]
    return lines


def format_stats(stats: StoreStats) -> str:
    """The report ``cables stats`` prints."""
    segments = counted(stats.segments, "segment")
    lines = [
        f"store:           {clean_line(stats.directory)}",
        f"schema version:  {stats.schema_version}",
        f"cables:          {stats.cables:,}",
        f"size on disk:    {human_size(stats.size_bytes)} ({stats.size_bytes:,} bytes, "
        f"{segments}, generation {stats.generation})",
    ]
    if stats.superseded:
        lines.append(f"superseded:      {stats.superseded:,} older versions of replaced cables")
    if stats.updated:
        lines.append(f"last import:     {clean_line(stats.updated)}")
    lines += _table("by year", stats.by_year, by_key=True)
    lines += _table("by classification", stats.by_classification)
    lines += _table("by origin", stats.by_origin)
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Print the statistics of the store; exit 2 if there is no readable store."""
    directory = resolve_store_dir(args.store)
    try:
        stats = compute_stats(CableStore.open(directory, read_only=True))
    except StoreError as error:
        print(f"cables: {clean_line(error)}", file=sys.stderr)
        return 2
    print(format_stats(stats))
    return 0
