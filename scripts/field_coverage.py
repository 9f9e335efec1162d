#!/usr/bin/env python3
"""How many cables of a corpus have each header field, and which ones do not.

Parses every cable under CORPUS_DIR (default: tests/corpus) with the project's parsers and
prints a table: for each field (tags, subject, references, signer, classified by, summary)
how many cables have it, then, field by field, the ids of the cables that lack it, so that a
reader can open them and see whether the parser missed something or the cable has none.

usage: python scripts/field_coverage.py [CORPUS_DIR] [--markdown] [--no-misses]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from cables.model import Cable
from cables.sanitize import clean_text
from cables.sources import iter_cables

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = PROJECT / "tests" / "corpus"

# The fields counted, and how to tell that a cable has one.
FIELDS: dict[str, Callable[[Cable], bool]] = {
    "tags": lambda cable: bool(cable.tags),
    "subject": lambda cable: bool(cable.subject),
    "references": lambda cable: bool(cable.references),
    "signer": lambda cable: bool(cable.signer),
    "classified by": lambda cable: bool(cable.classified_by),
    "summary": lambda cable: bool(cable.summary),
}


def coverage(cables: list[Cable]) -> dict[str, list[str]]:
    """For each field, the ids of the cables that lack it (sorted)."""
    return {
        name: sorted(cable.id for cable in cables if not has(cable)) for name, has in FIELDS.items()
    }


def table(total: int, missing: dict[str, list[str]], *, markdown: bool) -> str:
    """The coverage table: field, cables with it, share."""
    rows = [
        (name, total - len(ids), f"{100 * (total - len(ids)) / total:.0f} %" if total else "-")
        for name, ids in missing.items()
    ]
    if markdown:
        lines = ["| field | cables with it | share |", "| --- | ---: | ---: |"]
        lines += [f"| {name} | {have} of {total} | {share} |" for name, have, share in rows]
        return "\n".join(lines)
    lines = [f"{'field':<14}{'cables':>8}{'of':>6}{'share':>8}"]
    lines += [f"{name:<14}{have:>8}{total:>6}{share:>8}" for name, have, share in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Parse the corpus, print the table and the misses; exit 1 if a source failed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS), help="folder of cables")
    parser.add_argument("--markdown", action="store_true", help="print the table in Markdown")
    parser.add_argument("--no-misses", action="store_true", help="print the table only")
    args = parser.parse_args(argv)
    cables: dict[str, Cable] = {}
    failed = 0
    for item in iter_cables([args.corpus]):
        if isinstance(item, Cable):
            cables.setdefault(item.id, item)
        else:
            failed += 1
            print(f"field_coverage: {clean_text(str(item))}", file=sys.stderr)
    parsed = list(cables.values())
    missing = coverage(parsed)
    print(f"{len(parsed)} cables in {clean_text(args.corpus)} ({failed} sources failed)\n")
    print(table(len(parsed), missing, markdown=args.markdown))
    if not args.no_misses:
        for name, ids in missing.items():
            print(f"\nwithout {name} ({len(ids)}):")
            for start in range(0, len(ids), 5):
                print("  " + "  ".join(ids[start : start + 5]))
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # the reader closed the pipe (| head): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
