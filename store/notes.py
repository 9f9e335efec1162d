"""The user's bookmarks and notes: one small TinyDB file in the store that import never touches.

An entry marks a place (a cable, or one paragraph of it) as bookmarked, holds a note about it,
or both; it disappears when it is neither. Every change re-reads the file, applies itself and
replaces the file atomically (temporary file, fsync, rename), so two browsers of the same
user lose nothing of each other's changes and a crash never leaves half a file.

With ``--read-only`` the book is kept in memory only, unless the store already holds a notes
file that this user owns and may write: then that file is the user's own, and it is kept.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from store.layout import NOTES
from store.storage import StoreFileError, new_db, open_db

__all__ = ["Note", "NotesBook"]

NOTES_TABLE = "notes"


@dataclass(frozen=True, slots=True)
class Note:
    """A bookmark and/or a note on a cable (``paragraph`` None) or on one of its paragraphs.

    ``created`` and ``updated`` are local times in ISO 8601, to the second.
    """

    cable_id: str
    paragraph: int | None
    bookmarked: bool
    text: str
    created: str
    updated: str

    @property
    def place(self) -> tuple[str, int | None]:
        """(cable id, paragraph): what the entry is about."""
        return self.cable_id, self.paragraph

    def to_doc(self) -> dict[str, Any]:
        """The entry as a TinyDB document."""
        return asdict(self)

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Note:
        """The entry of a document made by :meth:`to_doc` (KeyError/TypeError/ValueError if
        it is not one)."""
        paragraph = doc["paragraph"]
        return cls(
            cable_id=str(doc["cable_id"]),
            paragraph=None if paragraph is None else int(paragraph),
            bookmarked=bool(doc["bookmarked"]),
            text=str(doc["text"]),
            created=str(doc["created"]),
            updated=str(doc["updated"]),
        )


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _owned_and_writable(path: Path) -> bool:
    """True if this user owns ``path`` and may replace it (write it and its folder)."""
    try:
        owner = path.stat().st_uid
    except OSError:
        return False
    return owner == os.getuid() and os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


class NotesBook:
    """The bookmarks and notes of one store, newest first; thread-safe.

    ``path`` None keeps the book in memory only (``persistent`` False). ``problem`` holds a
    sentence for the user when the file exists but could not be read (the book then starts
    empty and never overwrites that file).
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.problem: str | None = None
        self._entries: dict[tuple[str, int | None], Note] = {}
        self._lock = threading.Lock()
        if path is not None and path.exists():
            try:
                self._entries = self._read(path)
            except StoreFileError as error:
                self.problem = (
                    f"the notes file {path} cannot be read ({error.reason}); notes made now "
                    f"are kept in memory only, and the file is left as it is"
                )
                self.path = None

    @classmethod
    def for_store(cls, directory: Path, *, read_only: bool) -> NotesBook:
        """The book of the store in ``directory``: on disk, or in memory when read-only and
        the store holds no notes file of this user's."""
        path = Path(directory) / NOTES
        if read_only and not _owned_and_writable(path):
            return cls(None)
        return cls(path)

    @property
    def persistent(self) -> bool:
        """Whether changes are written to disk."""
        return self.path is not None

    @staticmethod
    def _read(path: Path) -> dict[tuple[str, int | None], Note]:
        db = open_db(path)
        try:
            docs = db.table(NOTES_TABLE).all()
            notes = [Note.from_doc(dict(doc)) for doc in docs]
        except (KeyError, TypeError, ValueError) as error:
            raise StoreFileError(path, f"not a notes file: {error}") from None
        finally:
            db.close()
        # The file lists entries newest first; keep the dict oldest first (insertion order).
        return {note.place: note for note in reversed(notes)}

    def _write(self) -> None:
        assert self.path is not None
        db = new_db(self.path)
        db.table(NOTES_TABLE).insert_multiple(note.to_doc() for note in self._newest_first())
        db.close()

    def _change(self, cable_id: str, paragraph: int | None, **fields: Any) -> Note | None:
        """Apply ``fields`` to the entry of this place (creating it); drop an empty entry.

        Re-reads the file first, so that changes made meanwhile by another browser stay.
        """
        with self._lock:
            if self.path is not None and self.path.exists():
                # Damaged since it was opened: keep what this browser knows.
                with contextlib.suppress(StoreFileError):
                    self._entries = self._read(self.path)
            place = (cable_id, paragraph)
            now = _now()
            entry = self._entries.get(place) or Note(cable_id, paragraph, False, "", now, now)
            entry = replace(entry, updated=now, **fields)
            self._entries.pop(place, None)  # re-inserted last: the most recent change
            if entry.bookmarked or entry.text.strip():
                self._entries[place] = entry
            else:
                entry = None
            if self.path is not None:
                self._write()
            return entry

    def get(self, cable_id: str, paragraph: int | None = None) -> Note | None:
        """The entry of this place, or None."""
        return self._entries.get((cable_id, paragraph))

    def toggle_bookmark(self, cable_id: str, paragraph: int | None = None) -> bool:
        """Bookmark this place, or drop its bookmark; True if it is bookmarked now."""
        current = self.get(cable_id, paragraph)
        entry = self._change(
            cable_id, paragraph, bookmarked=not (current is not None and current.bookmarked)
        )
        return entry is not None and entry.bookmarked

    def set_note(self, cable_id: str, paragraph: int | None, text: str) -> Note | None:
        """Write the note of this place (empty text removes the note)."""
        return self._change(cable_id, paragraph, text=text.strip())

    def remove(self, cable_id: str, paragraph: int | None = None) -> None:
        """Drop the bookmark and the note of this place."""
        self._change(cable_id, paragraph, bookmarked=False, text="")

    def _newest_first(self) -> list[Note]:
        # Changes within one second keep their order: the last one changed comes first.
        latest_last = reversed(list(self._entries.values()))
        return sorted(latest_last, key=lambda note: note.updated, reverse=True)

    def entries(self) -> list[Note]:
        """Every entry, most recently changed first."""
        with self._lock:
            return self._newest_first()

    def __iter__(self) -> Iterator[Note]:
        return iter(self.entries())

    def __len__(self) -> int:
        return len(self._entries)
