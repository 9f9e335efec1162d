#!/usr/bin/env python3
"""Build the sample corpus shipped inside the package: ``cables/data/sample.jsonl.gz``.

The sample is real: the seed cable 08ASTANA611 (the blog copy), the cables with hand-made
entity lists in ``gold/entities.json``, every cable of 1966-1975 (old layout, csv rows),
and the cables of the corpus (default: tests/corpus) that cite or are cited by another cable
of the sample, so that reference navigation has somewhere to go. Stored as parsed JSON Lines
(no site chrome), gzipped, sorted by id, so the same corpus gives the same bytes.

usage: python scripts/make_sample.py [CORPUS_DIR] [--max N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

import orjson

from cables.jsonform import cable_to_json
from cables.model import Cable
from cables.sources import iter_cables

PROJECT = Path(__file__).resolve().parents[1]
OUT = PROJECT / "cables" / "data" / "sample.jsonl.gz"


def _choose(cables: dict[str, Cable], gold: set[str], limit: int) -> list[Cable]:
    """The seed and the gold cables first, then the best-connected cables, up to ``limit``."""
    chosen: dict[str, Cable] = {}
    for cable_id in ["08ASTANA611", *sorted(gold)]:
        if cable_id in cables:
            chosen[cable_id] = cables[cable_id]
    for cable in cables.values():
        if cable.created and cable.created < "1980":
            chosen.setdefault(cable.id, cable)
    cited_by: dict[str, set[str]] = {}
    for cable in cables.values():
        for ref in cable.references:
            if ref in cables and ref != cable.id:
                cited_by.setdefault(ref, set()).add(cable.id)
                cited_by.setdefault(cable.id, set()).add(ref)
    for cable_id in sorted(cited_by, key=lambda c: (-len(cited_by[c]), c)):
        if len(chosen) >= limit:
            break
        chosen.setdefault(cable_id, cables[cable_id])
    return sorted(chosen.values(), key=lambda c: c.id)


def main() -> int:
    """Parse the corpus, choose the sample, write it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(PROJECT / "tests" / "corpus"))
    parser.add_argument("--max", type=int, default=45)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    cables: dict[str, Cable] = {}
    folders = [str(corpus / d) for d in ("blog", "wikileaks-html", "old-format", "csv")]
    for item in iter_cables(folders):
        if isinstance(item, Cable):
            cables.setdefault(item.id, item)
        else:
            print(f"make_sample: {item}", file=sys.stderr)
    gold = set(json.loads((corpus / "gold" / "entities.json").read_text()))
    sample = _choose(cables, gold, args.max)
    lines = b"".join(orjson.dumps(cable_to_json(c)) + b"\n" for c in sample)
    OUT.write_bytes(gzip.compress(lines, compresslevel=9, mtime=0))
    print(f"wrote {len(sample)} cables, {OUT.stat().st_size} bytes, to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
