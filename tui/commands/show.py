"""``cables show REF [--json]``: print one stored cable.

Plain text (header fields, then numbered paragraphs, control characters made harmless) or,
with ``--json``, the cable's JSON object. A reference with a paragraph (``REF¶5``, ``#5``,
``#par5``) prints the header and that paragraph only. Never imports Textual.
"""

from __future__ import annotations

import argparse
import sys

import orjson

from cables.jsonform import cable_to_json
from cables.model import Cable
from cables.sanitize import clean_text
from store.errors import StoreError
from store.store import CableStore
from store.store_folder import resolve_store_dir


def _lookup(store: CableStore, ref: str) -> tuple[Cable | None, int | None, str]:
    """The cable a reference names (exact id first, then the normalized link form)."""
    cable = store.get_cable(ref.strip())
    if cable is not None:
        return cable, None, ref.strip()
    try:
        from cables.links import parse_cable_link

        cable_id, paragraph = parse_cable_link(ref)
    except ValueError:
        return None, None, ref.strip()
    return store.get_cable(cable_id), paragraph, cable_id


def format_cable(cable: Cable, cited_by: list[str], paragraph: int | None = None) -> str:
    """The plain-text form of a cable: header fields, then ``¶N (MARKING)`` and the text."""
    fields = [
        ("Created", cable.created),
        ("Released", cable.released),
        ("Classification", cable.classification),
        ("Origin", cable.origin),
        ("Subject", cable.subject),
        ("Tags", ", ".join(cable.tags)),
        ("References", ", ".join(cable.references)),
        ("Cited by", ", ".join(cited_by)),
        ("Classified by", cable.classified_by),
        ("Signer", cable.signer),
        ("Summary", cable.summary),
    ]
    lines = [clean_text(cable.id)]
    for label, value in fields:
        if value:
            lines.append(f"{label + ':':<16}{clean_text(value)}")
    for para in cable.paragraphs:
        if paragraph is not None and para.number != paragraph:
            continue
        marking = f" ({clean_text(para.marking)})" if para.marking else ""
        lines += ["", f"¶{para.number}{marking}", clean_text(para.text)]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Print the cable ``args.ref``; exit 1 if the store does not hold it, 2 if no store."""
    directory = resolve_store_dir(args.store)
    if not args.ref.strip():
        print(
            "cables: show needs a cable id, such as 08ASTANA611 or 08ASTANA611¶5", file=sys.stderr
        )
        return 2
    try:
        store = CableStore.open(directory, read_only=True)
        cable, paragraph, cable_id = _lookup(store, args.ref)
        if cable is None:
            print(f"cables: the store at {directory} holds no cable {cable_id}", file=sys.stderr)
            return 1
        if paragraph is not None and cable.paragraph(paragraph) is None:
            print(f"cables: cable {cable.id} has no paragraph {paragraph}", file=sys.stderr)
            return 1
        if args.json:
            sys.stdout.buffer.write(orjson.dumps(cable_to_json(cable)) + b"\n")
            sys.stdout.flush()
        else:
            print(format_cable(cable, store.references_to(cable.id), paragraph))
    except StoreError as error:
        print(f"cables: {error}", file=sys.stderr)
        return 2
    return 0
