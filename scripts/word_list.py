"""What the scripts that build the word lists of ``cables/data`` share: writing a list, and
the cables of a corpus's gold, which the lists learned from a corpus leave out.

The lists are read back by :func:`cables.data.list_entries`: gzipped text, one entry a
line, compressed without a time stamp so that the same entries make the same bytes.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from pathlib import Path


def write_list(path: Path, entries: Iterable[str], what: str) -> None:
    """Write ``entries`` (in their order) to ``path`` and say how many ``what`` it holds."""
    entries = list(entries)
    data = "".join(entry + "\n" for entry in entries).encode()
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"wrote {len(entries)} {what} to {path}, {path.stat().st_size} bytes")


def gold_cable_ids(corpus: Path) -> set[str]:
    """The ids of the cables a corpus's gold annotates (``gold/entities.json``; none when it
    has no gold)."""
    path = corpus / "gold" / "entities.json"
    return set(json.loads(path.read_text())) if path.exists() else set()
