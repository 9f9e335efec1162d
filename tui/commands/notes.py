"""``cables notes [--json]``: the user's bookmarks and notes, newest first, for scripts.

Each entry with its link (``08ASTANA611¶5``), whether it is bookmarked, its note, when it was
changed, and the cable's date and subject when the store holds the cable. Never imports
Textual.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import orjson

from cables.links import format_cable_link
from cables.sanitize import clean_text
from store.errors import StoreError
from store.notes import Note, NotesBook
from store.store import CableStore
from store.store_folder import resolve_store_dir


def note_json(note: Note, store: CableStore) -> dict[str, Any]:
    """The JSON object of one entry (the cable's date and subject are null when absent)."""
    cable = store.get_cable(note.cable_id)
    return {
        "id": note.cable_id,
        "paragraph": note.paragraph,
        "link": format_cable_link(note.cable_id, note.paragraph),
        "bookmarked": note.bookmarked,
        "note": note.text or None,
        "created": note.created,
        "updated": note.updated,
        "cable_created": cable.created if cable else None,
        "subject": cable.subject if cable else None,
    }


def _line(entry: dict[str, Any]) -> str:
    mark = "*" if entry["bookmarked"] else " "
    date = (entry["cable_created"] or "")[:10] or "?"
    subject = " ".join(clean_text(entry["subject"] or "(not in this store)").split())
    head = f"{mark} {clean_text(entry['link']):<24} {date:<10}  {subject}"
    if not entry["note"]:
        return head
    note = "\n".join(f"    {clean_text(line)}" for line in entry["note"].splitlines())
    return f"{head}\n{note}"


def run(args: argparse.Namespace) -> int:
    """Print the notes; exit 1 when there are none, 2 when the store cannot be opened."""
    directory = resolve_store_dir(getattr(args, "store", None))
    try:
        store = CableStore.open(directory, read_only=True)
    except StoreError as error:
        print(f"cables: {error}", file=sys.stderr)
        return 2
    book = NotesBook.for_store(directory, read_only=False)
    if book.problem:
        print(f"cables: {book.problem}", file=sys.stderr)
        return 2
    entries = [note_json(note, store) for note in book.entries()]
    if args.json:
        out = sys.stdout.buffer
        for entry in entries:
            out.write(orjson.dumps(entry) + b"\n")
        out.flush()
    elif entries:
        print("\n".join(_line(entry) for entry in entries))
    else:
        print("cables: no bookmarks or notes yet (in the browser, B bookmarks and A writes a note)")
    return 0 if entries else 1
