"""An ordered, bounded parallel map over a process pool (the import's parsing stage).

``multiprocessing.Pool.imap`` alone reads its whole input ahead (a 1.9 GB cables.csv would
sit in memory); here a semaphore holds the feeder back, so at most ``in_flight`` items are
between the reader and the consumer at any time. Results come back in input order, which
keeps "every cable committed before a kill" a prefix of the source.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """Worker processes for parsing: one per core (the main process mostly waits on them)."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


# How much lower than the importer a child's scheduling priority is (see init_child).
BACKGROUND_NICENESS = 10


def init_child(close_fds: tuple[int, ...]) -> None:
    """In a child process of the import: die with the parent (a kill -9 of the import must
    not leave children behind), leave Ctrl-C to the parent, drop inherited descriptors
    such as the store's writer lock, and yield the processor to interactive work (readers
    of the same store on a server start and scroll first; alone on a machine, the import
    loses nothing)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError):
        os.nice(BACKGROUND_NICENESS)
    for fd in close_fds:
        with contextlib.suppress(OSError):
            os.close(fd)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            pr_set_pdeathsig = 1
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
        if os.getppid() == 1:  # the parent died before prctl took effect
            os._exit(1)


class _Gate:
    """Lets at most ``limit`` items be in flight; ``open`` lets the feeder out for good."""

    def __init__(self, limit: int) -> None:
        self._semaphore = threading.Semaphore(limit)
        self._stopped = threading.Event()
        self._limit = limit

    def enter(self) -> bool:
        """Wait for room for one more item; False once the gate is opened (stop feeding)."""
        self._semaphore.acquire()
        return not self._stopped.is_set()

    def leave(self) -> None:
        """One item is out of flight."""
        self._semaphore.release()

    def open(self) -> None:
        """Stop feeding: wake the feeder if it waits."""
        self._stopped.set()
        self._semaphore.release(self._limit + 1)


class BoundedPool:
    """A process pool that maps a function over a stream with bounded work in flight.

    ``workers=0`` maps in this process (no pool), for small inputs and for comparison.
    ``close_fds`` are descriptors the workers must not keep open (the writer's lock).
    """

    def __init__(
        self,
        workers: int,
        *,
        chunksize: int = 8,
        in_flight: int | None = None,
        close_fds: tuple[int, ...] = (),
    ) -> None:
        self.workers = workers
        self.chunksize = chunksize
        self.in_flight = in_flight or max(64, workers * chunksize * 4)
        self._pool = None
        self._gates: list[_Gate] = []
        if workers > 0:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else None)
            self._pool = context.Pool(workers, initializer=init_child, initargs=(close_fds,))

    def map(self, func: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """``func`` over ``items``, results in order; the input is read only as needed."""
        if self._pool is None:
            yield from map(func, items)
            return
        gate = _Gate(self.in_flight)
        self._gates.append(gate)

        def gated() -> Iterator[T]:
            iterator = iter(items)
            while gate.enter():
                try:
                    item = next(iterator)
                except StopIteration:
                    return
                yield item

        try:
            for result in self._pool.imap(func, gated(), chunksize=self.chunksize):
                gate.leave()
                yield result
        finally:
            gate.open()
            self._gates.remove(gate)

    def close(self) -> None:
        """Stop the workers (at once: results not consumed are dropped)."""
        for gate in self._gates:
            gate.open()  # a feeder waiting at its gate must finish, or terminate() hangs
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> BoundedPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
