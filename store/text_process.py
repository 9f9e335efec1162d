"""The text index's writer in a process of its own, for large imports.

tantivy indexes and merges in threads of the process that holds its writer; in the
importing process they would add their memory (indexing buffers, merges reading whole
segments) to the importer's own, and parse every document under the
importer's lock. :class:`TextIndexProcess` has the interface of
:class:`store.text_index.TextIndexWriter` and forwards to one in a child process: documents
go in batches down a pipe, a commit waits for the child's answer (the state the manifest
names), so the store's commit order is unchanged. The child dies with the importer (a
``kill -9`` of the import leaves what a killed in-process writer leaves: documents beyond
the last manifest, deleted by the next writer).
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import multiprocessing.connection
from pathlib import Path
from typing import Any

from store.errors import StoreError
from store.pipeline import TEXT_INDEX_NAME, init_child
from store.text_index import (
    BodiesReader,
    TextIndexState,
    TextIndexWriter,
    pack_row,
    placed_document,
    stored_bodies,
)

#: Documents sent down the pipe at a time.
BATCH = 32


def _serve(
    connection: multiprocessing.connection.Connection,
    directory: Path,
    opening: tuple[int, int, TextIndexState | None],
    close_fds: tuple[int, ...],
) -> None:
    """The child: open the index, then add, commit, discard and close as told."""
    init_child(close_fds, TEXT_INDEX_NAME)
    writer = TextIndexWriter(directory)
    failed: str | None = None
    try:
        writer.open(*opening, functools.partial(stored_bodies, directory))
        connection.send(("ok", writer.rebuilt))
    except StoreError as error:
        connection.send(("error", str(error)))
        return
    while True:
        try:
            message = connection.recv()
        except EOFError:
            break
        op = message[0]
        try:
            if op == "add":
                if failed is None:
                    for document in message[1]:
                        writer.add_placed(document)
                continue
            if failed is not None:
                raise StoreError(failed)
            if op == "commit":
                connection.send(("ok", writer.commit(message[1])))
            elif op == "discard":
                writer.discard_uncommitted(message[1])
                connection.send(("ok", None))
            elif op == "close":
                writer.close()
                connection.send(("ok", None))
                break
        except StoreError as error:
            if op == "add":
                failed = str(error)
            else:
                connection.send(("error", str(error)))
    writer.close()


class TextIndexProcess:
    """A :class:`~store.text_index.TextIndexWriter` served by a child process (see the
    module docstring); ``close_fds`` are descriptors the child must not keep (the lock)."""

    def __init__(self, directory: Path, close_fds: tuple[int, ...] = ()) -> None:
        self.directory = directory
        self.close_fds = close_fds
        self.rebuilt = False
        self._connection: multiprocessing.connection.Connection | None = None
        self._process: Any = None
        self._batch: list[str] = []

    def open(
        self, segments: int, rows: int, state: TextIndexState | None, bodies: BodiesReader
    ) -> None:
        """Start the child, which opens (repairs, rebuilds) the index as
        :meth:`TextIndexWriter.open` does; to rebuild it, the child reads the store's bodies
        itself (:func:`store.text_index.stored_bodies`), not through ``bodies``.

        The child is spawned (a fresh interpreter, half a second), not forked: the process
        importing may hold threads (tantivy's own, an app's) that a fork would copy
        mid-operation."""
        del bodies
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        opening = (segments, rows, state)
        process = context.Process(
            target=_serve, args=(theirs, self.directory, opening, self.close_fds), daemon=True
        )
        process.start()
        theirs.close()
        self._connection, self._process = ours, process
        self.rebuilt = bool(self._answer())

    def _answer(self) -> Any:
        assert self._connection is not None
        try:
            status, value = self._connection.recv()
        except (EOFError, OSError):
            raise StoreError(
                f"cannot write the full-text index in {self.directory}: its process stopped"
            ) from None
        if status == "error":
            raise StoreError(value)
        return value

    def _send(self, message: tuple[Any, ...]) -> None:
        assert self._connection is not None
        try:
            self._connection.send(message)
        except OSError:
            raise StoreError(
                f"cannot write the full-text index in {self.directory}: its process stopped"
            ) from None

    def add(self, fields: str, segment: int, position: int) -> None:
        """Hand one cable (its document fields) to the indexer, at this place."""
        self._batch.append(placed_document(fields, pack_row(segment, position)))
        if len(self._batch) >= BATCH:
            self._send(("add", self._batch))
            self._batch = []

    def commit(self, rows: int) -> TextIndexState:
        """Make every added cable durable; the state a manifest of ``rows`` rows names."""
        if self._batch:
            self._send(("add", self._batch))
            self._batch = []
        self._send(("commit", rows))
        state: TextIndexState = self._answer()
        return state

    def discard_uncommitted(self, segments: int) -> None:
        """See :meth:`TextIndexWriter.discard_uncommitted` (best effort)."""
        self._batch = []
        with contextlib.suppress(StoreError):
            self._send(("discard", segments))
            self._answer()

    def close(self) -> None:
        """Stop the child (uncommitted documents are discarded) and wait for it."""
        connection, process = self._connection, self._process
        self._connection = self._process = None
        self._batch = []
        if connection is None:
            return
        with contextlib.suppress(OSError, EOFError):
            connection.send(("close",))
            connection.recv()
        connection.close()
        process.join(timeout=60)
        if process.is_alive():
            process.kill()
            process.join()
