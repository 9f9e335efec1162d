"""An ordered, bounded parallel map over worker processes (the import's parsing stage).

A feeder thread reads the input in chunks, each numbered (its turn), onto a task queue the
workers share, so whichever worker is free takes the next chunk. Each worker answers on a
pipe of its own, read as soon as answers come by a collector thread (a worker whose answer
waited in its pipe would stand idle), and the consumer takes the answers turn by turn, so
results come in input order. A semaphore holds the feeder back so that at most
``in_flight`` items are between the reader and the consumer at any time (a 1.9 GB
cables.csv never sits in memory). Results in input order keep "every cable committed
before a kill" a prefix of the source.

Why not ``multiprocessing.Pool.imap``: its worker-handler thread waits on the results
pipe too, so while answers wait to be read (always, in an import: 200 KB a chunk) it wakes
again and again for nothing. Measured on the full synthetic corpus: 76 CPU seconds of the
importer's threads, time the parsing workers lose on a 2-core machine.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import multiprocessing.connection
import os
import shutil
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Generic, TypeVar

from store.errors import StoreError

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """Worker processes for parsing: one per core (the main process mostly waits on them)."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


# How much lower than the importer a child's scheduling priority is (see init_child).
BACKGROUND_NICENESS = 10
#: The process names of the import's children, as ``ps`` shows them (and the benchmarks
#: tell them apart by).
PARSER_NAME = "cables-parse"
TEXT_INDEX_NAME = "cables-text"


def init_child(close_fds: tuple[int, ...], name: str) -> None:
    """In a child process of the import: die with the parent (a kill -9 of the import must
    not leave children behind), leave Ctrl-C to the parent, drop inherited descriptors
    such as the store's writer lock, and yield the processor to interactive work (readers
    of the same store on a server start and scroll first; alone on a machine, the import
    loses nothing). ``name`` is what ``ps`` and ``top`` show for it (Linux)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError):
        os.nice(BACKGROUND_NICENESS)
    for fd in close_fds:
        with contextlib.suppress(OSError):
            os.close(fd)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            pr_set_pdeathsig, pr_set_name = 1, 15
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
            libc.prctl(pr_set_name, name.encode()[:15])
        if os.getppid() == 1:  # the parent died before prctl took effect
            os._exit(1)


class ChildWork(Generic[R]):
    """A large piece of the import's work done beside it by one spawned child process (see
    :func:`init_child`; spawned, not forked, as the importer may hold threads) that writes
    a temporary file ``path``: started, its result awaited, the process and file let go."""

    def __init__(self, name: str, path: Path) -> None:
        self.name = name
        self.path = path
        self._executor: ProcessPoolExecutor | None = None
        self._future: Future[R] | None = None

    def start(self, func: Callable[..., R], *args: Any) -> bool:
        """Run ``func(*args)`` in the child; False if no process could be had."""
        try:
            self._executor = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=init_child,
                initargs=((), self.name),
            )
            self._future = self._executor.submit(func, *args)
        except (OSError, RuntimeError):
            self.stop()
            return False
        return True

    @property
    def running(self) -> bool:
        """Whether the child was started and its result not taken yet."""
        return self._future is not None

    def result(self) -> R | None:
        """What the child returned (waiting for it), or None if it failed or never ran."""
        future, self._future = self._future, None
        if future is None:
            return None
        try:
            return future.result()
        except Exception:  # any failure of the child: the caller does the work itself
            return None

    def copy_file(self, out: BinaryIO) -> None:
        """Copy the child's file to ``out`` (where ``out`` stands)."""
        with open(self.path, "rb") as written:
            shutil.copyfileobj(written, out, 1 << 20)

    def stop(self) -> None:
        """Let the child go (waiting for it to end) and remove its file."""
        self._future = None
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        self.path.unlink(missing_ok=True)


#: Items a worker maps between two collections of reference cycles. The import's worker
#: function makes none (measured: ``gc.collect()`` after 3,000 cables, real or synthetic,
#: finds nothing), so the collector's automatic passes over the worker's large caches are
#: pure cost (a few percent of a worker's time in one process; on a 30,000-cable import the
#: gain was within the noise); a collection now and then still bounds the memory of any
#: cycle a rare input might make. Each collection then freezes what survived it
#: (``gc.freeze``: the extractor's caches, mostly), so that the next one walks only
#: what came since: measured over 40,000 synthetic cables in one process, the collections
#: took 1.6 s of each 10,000 cables' 39 s, 0.45 s with the freeze.
COLLECT_EVERY = 2000


class WorkerStopped(StoreError):
    """A worker process died (killed, out of memory): the items it held are lost, so the
    map cannot go on in order; what was consumed before stays consumed."""


class _Gate:
    """Lets at most ``limit`` items be in flight; ``open`` lets the feeder out for good."""

    def __init__(self, limit: int) -> None:
        self._semaphore = threading.Semaphore(limit)
        self._stopped = threading.Event()
        self._limit = limit

    def enter(self, wait: bool = True) -> bool:
        """Take room for one more item (``wait``: until there is some); False if there is
        none (not waiting) or once the gate is opened (stop feeding)."""
        if not self._semaphore.acquire(blocking=wait):
            return False
        return not self._stopped.is_set()

    @property
    def stopped(self) -> bool:
        """True once the gate is opened."""
        return self._stopped.is_set()

    def leave(self) -> None:
        """One item is out of flight."""
        self._semaphore.release()

    def open(self) -> None:
        """Stop feeding: wake the feeder if it waits."""
        self._stopped.set()
        self._semaphore.release(self._limit + 1)


def _work(
    tasks: Any,
    results: multiprocessing.connection.Connection,
    close_fds: tuple[int, ...],
) -> None:
    """A worker: take the next task from the shared queue, apply its function to its chunk,
    answer with the results (or the exception) tagged with the task's turn, until the
    queue ends."""
    init_child(close_fds, PARSER_NAME)
    gc.disable()  # see COLLECT_EVERY
    since_collection = 0
    while True:
        try:
            serial, turn, func, chunk = tasks.get()
        except (EOFError, OSError):
            break  # the pool is closed
        since_collection += len(chunk)
        if since_collection >= COLLECT_EVERY:
            gc.collect()
            gc.freeze()  # survivors live on (caches): not walked again
            since_collection = 0
        try:
            answer: tuple[Any, ...] = (serial, turn, True, [func(item) for item in chunk])
        except Exception as error:
            answer = (serial, turn, False, error)
        try:
            try:
                results.send(answer)
            except (OSError, ValueError):
                break
            except Exception as error:  # an exception or a result that cannot be pickled
                failure = RuntimeError(f"{type(error).__name__}: {error}")
                results.send((serial, turn, False, failure))
        except Exception:
            break  # nothing more can be said: the consumer sees the worker stop
    os._exit(0)


@dataclass
class _Run:
    """What one map's feeder tells its consumer: how many turns it sent once it is done,
    and what the input raised, if it did."""

    serial: int
    turns: int | None = None
    failure: BaseException | None = None


class BoundedPool:
    """Worker processes mapping a function over a stream, in order, with bounded work in
    flight (see the module docstring).

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
        self.chunksize = max(1, chunksize)
        self.in_flight = in_flight or max(64, workers * chunksize * 4)
        self._gates: list[_Gate] = []
        self._processes: list[Any] = []
        self._results: list[multiprocessing.connection.Connection] = []
        self._collectors: list[threading.Thread] = []
        #: Answers by (map serial, turn), as the collectors read them.
        self._answers: dict[tuple[int, int], tuple[bool, Any]] = {}
        self._changed = threading.Condition()
        self._serial = 0
        self._worker_stopped = False
        self._closed = False
        self._tasks: Any = None
        if workers > 0:
            self._start(workers, close_fds)

    def _start(self, workers: int, close_fds: tuple[int, ...]) -> None:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        forked = context.get_start_method() == "fork"
        self._tasks = context.SimpleQueue()
        for _ in range(workers):
            mine, theirs = context.Pipe(duplex=False)
            # A forked worker must not keep the parent's ends of the pipes open (its own
            # and those of the workers before it): it would never see them end.
            ours = (mine.fileno(), *(c.fileno() for c in self._results)) if forked else ()
            process = context.Process(
                target=_work, args=(self._tasks, theirs, (*ours, *close_fds)), daemon=True
            )
            process.start()
            theirs.close()
            self._processes.append(process)
            self._results.append(mine)
            collector = threading.Thread(
                target=self._collect, args=(mine,), name="pool-results", daemon=True
            )
            collector.start()
            self._collectors.append(collector)

    def _collect(self, results: multiprocessing.connection.Connection) -> None:
        """A collector thread: one worker's answers as they come (a worker whose answer
        waited in its pipe for the consumer's turn would stand idle)."""
        while True:
            try:
                serial, turn, done, payload = results.recv()
            except Exception:  # the pipe ended, or an answer that cannot be unpickled here
                with self._changed:
                    self._worker_stopped = True
                    self._changed.notify_all()
                return
            with self._changed:
                if serial == self._serial:  # not a map left early
                    self._answers[serial, turn] = (done, payload)
                    self._changed.notify_all()

    def map(self, func: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """``func`` over ``items``, results in order; the input is read only as needed.
        Raises :class:`WorkerStopped` if a worker dies, and what ``func`` or the input
        raised."""
        if not self._processes:
            yield from map(func, items)
            return
        with self._changed:
            self._serial += 1
            self._answers.clear()
            run = _Run(self._serial)
        gate = _Gate(self.in_flight)
        feeder = threading.Thread(
            target=self._feed, args=(func, items, gate, run), name="pool-feeder", daemon=True
        )
        self._gates.append(gate)
        feeder.start()
        try:
            turn = 0
            while (answer := self._answer(run, turn)) is not None:
                done, payload = answer
                if not done:
                    raise payload
                for result in payload:
                    gate.leave()
                    yield result
                turn += 1
        finally:
            gate.open()
            self._gates.remove(gate)
            feeder.join()

    def _answer(self, run: _Run, turn: int) -> tuple[bool, Any] | None:
        """The answer of this turn, once it is in; None after the last turn (raising what
        the input raised, or WorkerStopped)."""
        with self._changed:
            while (answer := self._answers.pop((run.serial, turn), None)) is None:
                if run.turns is not None and turn >= run.turns:
                    if run.failure is not None:
                        raise run.failure
                    return None
                if self._worker_stopped or self._closed:
                    break
                self._changed.wait()
        if answer is None:
            self.close()  # the turns are broken: stop the others (and a feeder sending to them)
            raise WorkerStopped(
                "a parsing process stopped unexpectedly (killed, or out of memory): "
                "the cables it held are lost; what was stored stays stored"
            )
        return answer

    def _feed(self, func: Callable[[T], R], items: Iterable[T], gate: _Gate, run: _Run) -> None:
        """The feeder thread: chunks of items to the shared task queue, each with its turn."""
        chunk: list[T] = []
        turn = 0
        failure: BaseException | None = None
        try:
            iterator = iter(items)
            while True:
                if not gate.enter(wait=False):
                    if gate.stopped:
                        break
                    if chunk:  # no room: what is gathered goes now, or none would return
                        turn = self._send(run, turn, func, chunk)
                        chunk = []
                    if not gate.enter():
                        break
                try:
                    item = next(iterator)
                except StopIteration:
                    break
                except BaseException as error:  # the input failed: raised in its turn
                    failure = error
                    break
                chunk.append(item)
                if len(chunk) >= self.chunksize:
                    turn = self._send(run, turn, func, chunk)
                    chunk = []
            if chunk and not gate.stopped:
                turn = self._send(run, turn, func, chunk)
        except (OSError, ValueError):  # the pool was closed under the feeder (its pipes)
            pass
        except Exception as error:  # an item or the function that cannot be pickled
            failure = error
        with self._changed:
            run.turns, run.failure = turn, failure
            self._changed.notify_all()

    def _send(self, run: _Run, turn: int, func: Callable[[T], R], chunk: list[T]) -> int:
        self._tasks.put((run.serial, turn, func, chunk))
        return turn + 1

    def close(self) -> None:
        """Stop the workers (at once: results not consumed are dropped)."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()
        for gate in self._gates:
            gate.open()  # a feeder waiting at its gate must finish
        processes, self._processes = self._processes, []
        for process in processes:
            with contextlib.suppress(OSError, ValueError):
                process.kill()
                process.join(5)
        for collector in self._collectors:
            collector.join(5)  # each sees its pipe end
        for connection in self._results:
            with contextlib.suppress(OSError):
                connection.close()
        if self._tasks is not None:
            with contextlib.suppress(OSError):
                self._tasks.close()
        self._collectors, self._results, self._tasks = [], [], None

    def __enter__(self) -> BoundedPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
