"""``cables find``: people, places and groups by any spelling, from the entity index.

``cables find QUERY [--kind K] [--limit N] [--json]`` prints a table (name, kind, cables,
other forms) or, with ``--json``, one entity a line::

    {"name": ..., "kind": ..., "forms": [...], "score": 97.5, "count": 1,
     "cables": [{"id": "08ASTANA611", "paragraphs": [6, 9]}, ...]}      (newest first)

``cables find --queries FILE|- [--kind K] [--limit N] --json`` reads one query a line and
prints one line per query, ``{"query": ..., "took_ms": ..., "hits": [...]}``, ``took_ms``
being the time the query took in this process (search and postings). A query that cannot be
searched gets ``"error"`` and no hits, one line on stderr, and exit code 1 at the end.
Never imports Textual.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from typing import IO, Any

import orjson

from cables.sanitize import clean_text
from store.entity_lookup import EntityHit, EntityIndex
from store.entity_search import query_problem
from store.errors import StoreError
from store.store import CableStore
from store.store_folder import resolve_store_dir

#: The table's name column fits the longest name shown, up to this many characters.
_WIDEST_NAME = 60


def hit_json(index: EntityIndex, hit: EntityHit) -> dict[str, Any]:
    """The JSON object of one hit (DESIGN.md's ``find --json`` contract)."""
    entity = hit.entity
    return {
        "name": entity.name,
        "kind": entity.kind,
        "forms": list(entity.forms),
        "score": hit.score,
        "count": entity.count,
        "cables": [
            {"id": p.cable_id, "paragraphs": list(p.paragraphs)} for p in index.postings(entity.id)
        ],
    }


def _line(text: str) -> str:
    """Untrusted text on one terminal line: control characters made visible."""
    return clean_text(text).replace("\n", " ").replace("\t", " ")


def format_table(hits: list[EntityHit]) -> str:
    """The readable table of hits: name, kind, number of cables, other forms. The name
    column is as wide as the longest name (up to :data:`_WIDEST_NAME`, beyond which a
    name is clipped)."""
    # Imported here: the JSON output, what scripts use, needs no cell widths.
    from rich.cells import cell_len

    from tui.presentation.cells import clip_cells, fit_cells

    names = [_line(hit.entity.name) for hit in hits]
    width = min(_WIDEST_NAME, max([len("NAME"), *map(cell_len, names)]))
    rows = [f"{'NAME':<{width}}  {'KIND':<6}  {'CABLES':>6}  FORMS"]
    for hit, name in zip(hits, names, strict=True):
        entity = hit.entity
        others = ", ".join(_line(f) for f in entity.forms[1:4])
        rows.append(
            f"{fit_cells(name, width)}  {entity.kind:<6}  {entity.count:>6}  "
            f"{clip_cells(others, 60)}"
        )
    return "\n".join(rows)


def _query_lines(source: IO[str]) -> Iterator[str]:
    for line in source:
        yield line.rstrip("\r\n")


def _run_queries(index: EntityIndex, args: argparse.Namespace) -> int:
    failed = 0
    out = sys.stdout.buffer
    try:
        source = (
            sys.stdin
            if args.queries == "-"
            else open(args.queries, encoding="utf-8", errors="replace")  # noqa: SIM115
        )
    except OSError as error:
        name = _line(args.queries)
        print(f"cables: cannot read {name}: {error.strerror or error}", file=sys.stderr)
        return 2
    with source:
        for number, query in enumerate(_query_lines(source), start=1):
            started = time.perf_counter()
            problem = query_problem(query)
            result: dict[str, Any] = {"query": query}
            if problem is None:
                hits = index.find(query, kind=args.kind, limit=args.limit)
                result["hits"] = [hit_json(index, hit) for hit in hits]
            else:
                failed += 1
                where = "stdin" if args.queries == "-" else _line(args.queries)
                print(f"cables: {where}, line {number}: {problem}", file=sys.stderr)
                result["error"] = problem
                result["hits"] = []
            took = (time.perf_counter() - started) * 1000
            out.write(orjson.dumps({"query": query, "took_ms": round(took, 3), **result}) + b"\n")
    out.flush()
    return 1 if failed else 0


def run(args: argparse.Namespace) -> int:
    """Search the entity index; exit 0 with hits, 1 with none, 2 on a bad query or store."""
    if args.limit < 1:
        print("cables: find: --limit must be 1 or more", file=sys.stderr)
        return 2
    if args.queries is None:
        if args.query is None:
            print("cables: find needs a QUERY or --queries FILE", file=sys.stderr)
            return 2
        problem = query_problem(args.query)
        if problem is not None:
            print(f"cables: find: {problem}", file=sys.stderr)
            return 2
    elif args.query is not None:
        print("cables: find takes either a QUERY or --queries FILE, not both", file=sys.stderr)
        return 2
    directory = resolve_store_dir(args.store)
    try:
        index = CableStore.open(directory, read_only=True).entity_index()
        if args.queries is not None:
            return _run_queries(index, args)
        hits = index.find(args.query, kind=args.kind, limit=args.limit)
        if not hits:
            kind = f" ({args.kind})" if args.kind else ""
            print(f"cables: nothing matches {_line(args.query)!r}{kind}")
            return 1
        if args.json:
            out = sys.stdout.buffer
            for hit in hits:
                out.write(orjson.dumps(hit_json(index, hit)) + b"\n")
            out.flush()
        else:
            print(format_table(hits))
    except StoreError as error:
        print(f"cables: {error}", file=sys.stderr)
        return 2
    return 0
