"""The TinyDB storage of every store file: orjson, read once, written atomically.

TinyDB's own JSONStorage re-reads and re-parses its file on every operation. A store file
never changes under a reader (writers make new files and rename them into place), so this
storage parses its file once, keeps the parsed tables, and answers every later read from
memory. Writes replace the file atomically (see :mod:`store.files`).
"""

from __future__ import annotations

import mmap
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage

from store.files import gc_paused, write_atomic

Tables = dict[str, dict[str, Any]]


class StoreFileError(Exception):
    """A store file that cannot be read or decoded; ``path`` names it, ``reason`` says why."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class OrjsonStorage(Storage):
    """A TinyDB Storage over one JSON file, parsed with orjson once and then cached.

    ``fresh=True`` starts from an empty database whatever the file holds (for writing a new
    file); otherwise the file is opened at once (so a later rename or deletion of the path
    cannot take it away from this reader) and parsed on the first read.
    """

    def __init__(self, path: str | os.PathLike[str], *, fresh: bool = False) -> None:
        super().__init__()
        self.path = Path(path)
        self._data: Tables | None = None
        self._loaded = fresh
        self._handle = None
        if not fresh:
            try:
                self._handle = open(self.path, "rb")  # noqa: SIM115 (held until first read)
            except OSError as error:
                raise StoreFileError(self.path, error.strerror or str(error)) from error

    def read(self) -> Tables | None:
        """The database's tables (parsed on the first call, cached after)."""
        if not self._loaded:
            assert self._handle is not None
            try:
                with self._handle, gc_paused():
                    self._data = _load(self._handle.fileno())
            except orjson.JSONDecodeError as error:
                raise StoreFileError(self.path, "not valid JSON (the file is damaged)") from error
            except OSError as error:
                raise StoreFileError(self.path, error.strerror or str(error)) from error
            finally:
                self._handle = None
            if self._data is not None and not _is_tables(self._data):
                raise StoreFileError(self.path, "not a TinyDB file of Cables")
            self._loaded = True
        return self._data

    def write(self, data: Tables) -> None:
        """Replace the file with these tables (temporary file, fsync, rename)."""
        write_atomic(self.path, orjson.dumps(data))
        self._data = data
        self._loaded = True

    def close(self) -> None:
        """Drop the cached tables and any unread file handle."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        self._data = None


def _load(fd: int) -> Tables | None:
    """Parse a whole file, mapped rather than copied into a bytes object first."""
    size = os.fstat(fd).st_size
    if size == 0:
        return None
    with mmap.mmap(fd, size, access=mmap.ACCESS_READ) as mapped, memoryview(mapped) as view:
        return orjson.loads(view)  # type: ignore[no-any-return]


def _is_tables(data: object) -> bool:
    return isinstance(data, dict) and all(isinstance(t, dict) for t in data.values())


def write_encoded_table(path: Path, table: str, documents: Iterable[bytes]) -> None:
    """Write a new store file of one table whose documents are JSON already (doc ids 1, 2, ...).

    The file is what TinyDB would write for these documents, assembled from their bytes, so
    a cable's body is encoded once (in an import worker) and never decoded to be encoded
    again. Each document must be the JSON of one object (not checked: the caller made it).
    """
    parts = [b"{", orjson.dumps(table), b":{"]
    for doc_id, document in enumerate(documents, start=1):
        parts.append(b'"%d":' % doc_id if doc_id == 1 else b',"%d":' % doc_id)
        parts.append(document)
    parts.append(b"}}")
    write_atomic(path, b"".join(parts))


def open_db(path: Path) -> TinyDB:
    """A TinyDB over an existing store file, for reading (opened now, parsed on first use)."""
    return TinyDB(path, storage=OrjsonStorage)


def new_db(path: Path) -> TinyDB:
    """An empty TinyDB whose first write atomically replaces (or creates) ``path``."""
    return TinyDB(path, storage=OrjsonStorage, fresh=True)
