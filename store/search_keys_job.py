"""The search keys of a large entity index, built in a child process after the compaction
has written the postings.

At the end of a large import the compaction writes every entity's postings, a bucket of
entities at a time, then builds the search keys (:func:`store.entity_search.build_search_keys`)
from the entities' folded forms and cable counts, which are known only once the last bucket
is written. The keys' working set is large (about 450 MB for the full synthetic corpus's
1.46 million entities), so a child (spawned: the importer may hold threads) builds them
into a temporary file beside the generation files, which the parent copies to the end of
the postings file; the child's memory goes back to the system when it ends, where the
importer's own heap would keep it. Should the child fail (killed, out of memory), the
parent builds the keys itself: the index written is the same either way. A kill of the
importer kills the child (:func:`store.pipeline.init_child`); its temporary file is
removed by the next writer, as every ``*.tmp`` there is.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
from array import array
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, BinaryIO

from store.entity_index import write_sections
from store.entity_search import build_search_keys
from store.files import TMP_SUFFIX
from store.pipeline import init_child

#: Entities from which the keys are built in a child (below, spawning one costs more than
#: it saves: about half a second against 2 seconds of keys for 100,000 entities).
CHILD_FROM = 100_000
#: The child's name, as ``ps`` shows it.
KEYS_NAME = "cables-keys"

Places = dict[str, list[Any]]


def _build_into(folded: list[str], counts: bytes, path: str) -> Places:
    """In the child: build the keys and write their sections at the start of ``path``."""
    counted = array("I")
    counted.frombytes(counts)
    keys = build_search_keys(folded, counted)
    with open(path, "wb") as out:
        return write_sections(out, 0, keys)


def _keys_section(folded: list[str], counts: array[int], out: BinaryIO, offset: int) -> Places:
    """Build the keys here and write their sections at ``offset`` of ``out``."""
    return write_sections(out, offset, build_search_keys(folded, counts))


class SearchKeysJob:
    """The search keys of entities (their folded forms and counts, entity i at position i),
    built in a child process when there are many (see the module docstring) and a
    ``folder`` for its file, else when written."""

    def __init__(self, folder: Path | None, folded: list[str], counts: array[int]) -> None:
        self.folded = folded
        self.counts = counts
        self._path = None if folder is None else folder / f"keys-{os.getpid()}{TMP_SUFFIX}"
        self._executor: ProcessPoolExecutor | None = None
        self._future: Future[Places] | None = None
        if self._path is not None and len(folded) >= CHILD_FROM:
            self._start()

    def _start(self) -> None:
        assert self._path is not None
        try:
            self._executor = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=init_child,
                initargs=((), KEYS_NAME),
            )
            self._future = self._executor.submit(
                _build_into, self.folded, self.counts.tobytes(), str(self._path)
            )
        except (OSError, RuntimeError):  # no process to be had: build them when written
            self._stop()

    @property
    def in_child(self) -> bool:
        """Whether a child process is building the keys."""
        return self._future is not None

    def write(self, out: BinaryIO, offset: int) -> Places:
        """Write the keys' sections at ``offset`` of ``out`` (the end of the file): copied
        from the child's file, or built here if it failed; return where each section is."""
        future, self._future = self._future, None
        try:
            if future is not None:
                with contextlib.suppress(Exception):  # any failure: the keys are built here
                    places = future.result()
                    assert self._path is not None
                    with open(self._path, "rb") as built:
                        shutil.copyfileobj(built, out, 1 << 20)
                    return {name: [offset + at, *rest] for name, (at, *rest) in places.items()}
                out.seek(offset)
                out.truncate()
            return _keys_section(self.folded, self.counts, out, offset)
        finally:
            self._stop()

    def _stop(self) -> None:
        """Let the child go and remove its file."""
        self._future = None
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        if self._path is not None:
            self._path.unlink(missing_ok=True)
