"""The search keys of a large entity index, built by the importer and a child process
together after the compaction has written the postings.

At the end of a large import the compaction writes every entity's postings, a bucket of
entities at a time, then builds the search keys (:func:`store.entity_search.build_search_keys`)
from the entities' folded forms and cable counts, which are known only once the last bucket
is written. They come in two halves of about equal work: the keys from words to entities
(:func:`~store.entity_search.entity_search_keys`, the larger working set: about 450 MB for
the full synthetic corpus's 1.46 million entities) are built by a child (spawned: the
importer may hold threads) into a temporary file beside the generation files, while the
importer builds the keys from query words to words
(:func:`~store.entity_search.word_search_keys`); it then copies the child's file to the end
of the postings and writes its own half after it. The child's memory goes back to the
system when it ends, where the importer's own heap would keep it. Should the child fail
(killed, out of memory), the parent builds its half too: the index written is the same
either way. A kill of the importer kills the child (:func:`store.pipeline.init_child`); its
temporary file is removed by the next writer, as every ``*.tmp`` there is.
"""

from __future__ import annotations

import contextlib
import os
from array import array
from pathlib import Path
from typing import Any, BinaryIO

from store.entity_index import write_sections
from store.entity_search import distinct_words, entity_search_keys, word_search_keys
from store.files import TMP_SUFFIX
from store.pipeline import ChildWork

#: Entities from which the keys are built in a child (below, spawning one costs more than
#: it saves: about half a second against 2 seconds of keys for 100,000 entities).
CHILD_FROM = 100_000
#: The child's name, as ``ps`` shows it.
KEYS_NAME = "cables-keys"

Places = dict[str, list[Any]]


def _build_into(folded: list[str], counts: bytes, path: str) -> Places:
    """In the child: build the keys from words to entities and write their sections at the
    start of ``path``."""
    counted = array("I")
    counted.frombytes(counts)
    with open(path, "wb") as out:
        return _entity_keys_section(folded, counted, out, 0)


def _entity_keys_section(
    folded: list[str], counts: array[int], out: BinaryIO, offset: int
) -> Places:
    """Build the keys from words to entities here and write their sections at ``offset`` of
    ``out``."""
    return write_sections(out, offset, entity_search_keys(folded, counts))


class SearchKeysJob:
    """The search keys of entities (their folded forms and counts, entity i at position i),
    half of them built in a child process when there are many (see the module docstring)
    and a ``folder`` for its file, else all when written."""

    def __init__(self, folder: Path | None, folded: list[str], counts: array[int]) -> None:
        self.folded = folded
        self.counts = counts
        self._child: ChildWork[Places] | None = None
        if folder is not None and len(folded) >= CHILD_FROM:
            self._child = ChildWork(KEYS_NAME, folder / f"keys-{os.getpid()}{TMP_SUFFIX}")
            self._start()

    def _start(self) -> None:
        assert self._child is not None
        path = str(self._child.path)
        # no process to be had: the keys are built when written
        self._child.start(_build_into, self.folded, self.counts.tobytes(), path)

    @property
    def in_child(self) -> bool:
        """Whether a child process is building its half of the keys."""
        return self._child is not None and self._child.running

    def write(self, out: BinaryIO, offset: int) -> Places:
        """Write the keys' sections at ``offset`` of ``out`` (the end of the file): the
        child's half copied from its file (or built here if it failed), then this process's
        half; return where each section is. The bytes are those of
        :func:`~store.entity_search.build_search_keys`'s sections written in one process."""
        child = self._child
        try:
            # this process's half, built while the child builds its own
            word_keys = word_search_keys(distinct_words(self.folded))
            places = None
            if child is not None and child.running:
                with contextlib.suppress(Exception):  # any failure: its half is built here
                    built = child.result()
                    assert built is not None
                    child.copy_file(out)
                    places = {name: [offset + at, *rest] for name, (at, *rest) in built.items()}
                if places is None:
                    out.seek(offset)
                    out.truncate()
            if places is None:
                places = _entity_keys_section(self.folded, self.counts, out, offset)
            end = offset + sum(place[1] for place in places.values())
            places.update(write_sections(out, end, word_keys))
            return places
        finally:
            if child is not None:
                child.stop()
