"""``cables search QUERY [--sort relevance|date] [--limit N] [--json]``: full-text search.

Plain text: one block per cable (id, date, origin, classification, subject, then a
snippet of up to three matching paragraphs, the searched words in bold on a terminal and
between ``*`` otherwise). ``--json``: one object per cable and line,
``{"id", "created", "origin", "classification", "subject", "score", "paragraphs":
[{"number", "snippet", "highlights"}]}`` (``highlights``: [start, end] character spans of
the searched words in the snippet). Exit 0 with hits, 1 with none, 2 for a malformed
query or a store that cannot be read. Never imports Textual.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

import orjson

from cables.sanitize import clean_text
from store.errors import StoreError
from store.snippets import ParagraphSnippet
from store.store import CableStore
from store.store_folder import resolve_store_dir
from store.text_query import QueryError
from store.text_search import SearchHit
from tui.presentation.counts import counted

#: Paragraph snippets printed per cable in plain text (JSON has them all).
TEXT_SNIPPETS = 3
_BOLD, _PLAIN = "\x1b[1m", "\x1b[0m"


def hit_json(hit: SearchHit) -> dict[str, Any]:
    """The JSON object of one hit (the contract of ``cables search --json``)."""
    return {
        "id": hit.id,
        "created": hit.created,
        "origin": hit.origin,
        "classification": hit.classification,
        "subject": hit.subject,
        "score": None if hit.score is None else round(hit.score, 4),
        "paragraphs": [
            {
                "number": p.number,
                "snippet": clean_text(p.text),
                "highlights": [list(span) for span in p.highlights],
            }
            for p in hit.paragraphs
        ],
    }


def marked(snippet: ParagraphSnippet, bold: bool) -> str:
    """The snippet's text with its highlighted words in bold (``bold``) or between ``*``.

    The text is cleaned first (it cannot hold escape sequences); only the bold codes
    added here reach the terminal.
    """
    text = clean_text(snippet.text)
    opening, closing = (_BOLD, _PLAIN) if bold else ("*", "*")
    parts: list[str] = []
    done = 0
    for start, end in snippet.highlights:
        if start < done or end > len(text):
            continue
        parts += [text[done:start], opening, text[start:end], closing]
        done = end
    parts.append(text[done:])
    return "".join(parts)


def format_hit(hit: SearchHit, bold: bool = False) -> str:
    """The plain-text block of one hit."""
    header = "  ".join(
        clean_text(value)
        for value in (hit.id, hit.created, hit.origin, hit.classification)
        if value
    )
    lines = [header]
    if hit.subject:
        lines.append(f"  {clean_text(hit.subject)}")
    for snippet in hit.paragraphs[:TEXT_SNIPPETS]:
        lines.append(f"  ¶{snippet.number}  {marked(snippet, bold)}")
    more = len(hit.paragraphs) - TEXT_SNIPPETS
    if more > 0:
        lines.append(f"  (and {counted(more, 'more paragraph')})")
    return "\n".join(lines)


def _use_bold() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def run(args: argparse.Namespace) -> int:
    """Search the store's text; print the hits. Exit 0 with hits, 1 none, 2 on errors."""
    directory = resolve_store_dir(args.store)
    if args.limit < 1:
        print("cables: --limit must be at least 1", file=sys.stderr)
        return 2
    try:
        store = CableStore.open(directory, read_only=True)
        results = store.text().search(args.query, sort=args.sort, limit=args.limit)
        hits = results.hits()
    except QueryError as error:
        print(f"cables: {error}", file=sys.stderr)
        return 2
    except StoreError as error:
        print(f"cables: {error}", file=sys.stderr)
        return 2
    if not hits:
        print(f"cables: no cable matches {clean_text(args.query)}", file=sys.stderr)
        return 1
    if args.json:
        out = sys.stdout.buffer
        for hit in hits:
            out.write(orjson.dumps(hit_json(hit)) + b"\n")
        sys.stdout.flush()
        return 0
    bold = _use_bold()
    print("\n\n".join(format_hit(hit, bold) for hit in hits))
    shown = f"{len(hits):,} of {results.total:,}" if results.total > len(hits) else f"{len(hits):,}"
    noun = "cable" if results.total == 1 else "cables"
    order = "newest first" if args.sort == "date" else "best first"
    print(f"\n{shown} matching {noun}, {order}")
    return 0
