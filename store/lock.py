"""The writer's lock: one import at a time per store, named in the message a second one gets.

The lock is an ``flock`` on ``STORE/lock``: the kernel releases it when the holder dies,
even by ``kill -9``, so a stale lock cannot outlive its process. The file also holds who
holds it (pid, host, command, start time) for the message a second writer prints; what a
dead writer left there is simply overwritten by the next one.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import orjson

from cables.sanitize import clean_line
from store.errors import StoreError, StoreLockedError
from store.layout import LOCK, shown


@dataclass(frozen=True)
class LockHolder:
    """Who holds (or last held) a store's lock."""

    pid: int | None
    host: str | None
    command: str | None
    started: str | None

    def describe(self) -> str:
        """``cables import x.csv (pid 123, started 2024-01-01 10:00:00)``, or what is known.
        Every field comes from a file anyone may have written: each is cleaned for printing."""
        what = f"`{clean_line(self.command)}`" if self.command else "another process"
        details = []
        if self.pid is not None:
            host = f" on {clean_line(self.host)}" if self.host else ""
            details.append(f"pid {clean_line(self.pid)}{host}")
        if self.started:
            details.append(f"started {clean_line(self.started)}")
        return what + (f" ({', '.join(details)})" if details else "")


def read_holder(directory: Path) -> LockHolder:
    """What the lock file of a store says about its holder (fields None if unknown)."""
    try:
        data = orjson.loads((directory / LOCK).read_bytes())
        get = data.get
        return LockHolder(get("pid"), get("host"), get("command"), get("started"))
    except (OSError, orjson.JSONDecodeError, AttributeError):
        return LockHolder(None, None, None, None)


class WriterLock:
    """The exclusive right to write one store; a context manager.

    ``acquire`` raises StoreLockedError naming the running writer, or, with ``wait``,
    waits up to that many seconds for it to finish.
    """

    def __init__(self, directory: Path, command: str | None = None) -> None:
        self.directory = directory
        self.command = command or " ".join(["cables", *sys.argv[1:]])
        self._fd: int | None = None

    @property
    def fd(self) -> int | None:
        """The open lock file descriptor while held (pool workers close their copy)."""
        return self._fd

    def acquire(self, wait: float = 0.0) -> None:
        """Take the lock or raise StoreLockedError (after ``wait`` seconds of retrying)."""
        path = self.directory / LOCK
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as error:
            raise StoreError(
                f"cannot write to the store at {shown(self.directory)}: {error.strerror or error}"
            ) from None
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    holder = read_holder(self.directory)
                    raise StoreLockedError(
                        f"the store at {shown(self.directory)} is being written by "
                        f"{holder.describe()}: wait for it to finish, then try again"
                    ) from None
                time.sleep(0.05)
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "command": self.command,
            "started": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S %z"),
        }
        with contextlib.suppress(OSError):  # who holds it is only for messages (disk full)
            os.ftruncate(fd, 0)
            os.pwrite(fd, orjson.dumps(info), 0)
        self._fd = fd

    def release(self) -> None:
        """Give the lock up (the file stays; its content says who held it last)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def __enter__(self) -> WriterLock:
        if self._fd is None:
            self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
