"""``cables import``: sources in, cables stored, idempotently, in durable batches.

Reading the sources (``cables.sources.iter_units``) stays in this process; parsing, JSON
serialisation and hashing run in a pool of worker processes (:mod:`store.pipeline`); the
writer (:mod:`store.writer`) deduplicates by content hash and commits a segment at a time.
A source file imported before without error, unchanged since (same path, size and
modification time) and not overridden by a later import, is not parsed again: its cables
count as unchanged.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from cables.errors import ParseError
from cables.sources import SourceUnit, iter_units, parse_unit
from store.files import tree_size
from store.layout import SourceRecord
from store.pipeline import BoundedPool, default_workers
from store.records import Record, make_record
from store.repair import RepairReport
from store.stages import CLOCK
from store.stations import store_stations
from store.writer import DEFAULT_COMMIT_INTERVAL, DEFAULT_SEGMENT_SIZE, StoreWriter

# Below this many bytes of input, parsing in this process beats starting a pool.
_POOL_THRESHOLD = 4 * 1024 * 1024
# Cables between the reader and the writer at most: enough for the workers to go on while
# the writer commits (a few seconds at the end of a large import: tantivy's commit, fsync),
# about 20 KB each.
_IN_FLIGHT = 1024
WORKERS_VAR = "CABLES_IMPORT_WORKERS"


@dataclass
class ImportReport:
    """What an import did: cables by outcome, sources read, time taken, the store's size.

    ``duplicates`` counts cables whose id came again later in the same import (the first
    one is kept). ``skipped_sources`` counts files not parsed again because they were
    imported before and have not changed.
    """

    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    duplicates: int = 0
    sources: int = 0
    skipped_sources: int = 0
    elapsed: float = 0.0
    store_count: int = 0
    #: Set when the store had damaged segments: they were set aside as the import opened
    #: it, and their cables count as added when the sources hold them again.
    repaired: RepairReport | None = None

    @property
    def cables(self) -> int:
        """Cables read from the sources (stored now or already)."""
        return self.added + self.unchanged + self.replaced + self.duplicates

    @property
    def changed(self) -> bool:
        """True if the store changed."""
        return bool(self.added or self.replaced)

    def count(self, outcome: str) -> None:
        """Count one cable with this outcome (added, unchanged, replaced, duplicate)."""
        if outcome == "duplicate":
            self.duplicates += 1
        else:
            setattr(self, outcome, getattr(self, outcome) + 1)


@dataclass
class ImportStatus:
    """A snapshot of a running import, for progress displays.

    ``bytes_done``/``bytes_total`` measure the input read so far (``bytes_total`` None when
    unknown, e.g. stdin); ``report`` holds the counts so far; ``source`` is the path being
    read.
    """

    report: ImportReport
    bytes_done: int = 0
    bytes_total: int | None = None
    source: str | None = None
    finished: bool = False
    started: float = field(default_factory=time.monotonic)

    @property
    def elapsed(self) -> float:
        """Seconds since the import started."""
        return time.monotonic() - self.started


class ImportProgress(Protocol):
    """Receives the status of an import now and then (a few times a second at most)."""

    def __call__(self, status: ImportStatus) -> None: ...


def _prepare(item: SourceUnit | ParseError) -> Record | ParseError:
    """Worker: a source unit to a Record, or the ParseError saying why it is none.

    Reading errors come in as ParseErrors and go straight back (in order with the cables
    around them). A parser bug (any other exception) fails that one cable, not the import.
    """
    if isinstance(item, ParseError):
        return item
    try:
        return make_record(parse_unit(item), item.source)
    except ParseError as error:
        return error
    except Exception as error:
        reason = f"cannot parse ({type(error).__name__}: {error})"
        return ParseError(item.source, reason, item.location)


def _workers_from_environment() -> int | None:
    """``CABLES_IMPORT_WORKERS``: parsing processes (0 parses in the importing process)."""
    value = os.environ.get(WORKERS_VAR, "").strip()
    return int(value) if value.isdigit() else None


def _input_size(paths: Sequence[str]) -> int | None:
    if "-" in paths:
        return None
    total = 0
    for path in paths:
        p = Path(path)
        if p.exists():
            total += tree_size(p)
    return total


def _fingerprint(path: str) -> SourceRecord | None:
    """What identifies a source file for the unchanged-source shortcut (None: not a file)."""
    if path == "-":
        return None
    p = Path(path)
    try:
        st = p.stat()
    except OSError:
        return None
    if not p.is_file():
        return None
    return SourceRecord(str(p.resolve()), st.st_size, st.st_mtime_ns, 0, 0)


class _Ticker:
    """Calls the progress callback at most every ``interval`` seconds."""

    def __init__(self, progress: ImportProgress | None, status: ImportStatus) -> None:
        self.progress = progress
        self.status = status
        self.interval = 0.2
        self._next = 0.0

    def tick(self, force: bool = False) -> None:
        """Report the status if the interval has passed (or ``force``)."""
        if self.progress is None:
            return
        now = time.monotonic()
        if force or now >= self._next:
            self._next = now + self.interval
            self.progress(self.status)


@dataclass
class _Run:
    """The state one import shares between its paths."""

    writer: StoreWriter
    pool: BoundedPool
    status: ImportStatus
    ticker: _Ticker
    on_error: Callable[[ParseError], None] | None
    stdin: Any

    @property
    def report(self) -> ImportReport:
        """The counts of the whole import."""
        return self.status.report


def import_sources(
    directory: Path,
    paths: Sequence[str],
    *,
    stdin: IO[str] | IO[bytes] | None = None,
    progress: ImportProgress | None = None,
    on_error: Callable[[ParseError], None] | None = None,
    workers: int | None = None,
    segment_size: int = DEFAULT_SEGMENT_SIZE,
    commit_interval: float = DEFAULT_COMMIT_INTERVAL,
    rescan: bool = False,
    command: str | None = None,
) -> ImportReport:
    """Import files, folders and ``-`` (stdin) into the store in ``directory``.

    Sources that cannot be parsed go to ``on_error`` one by one; the rest still go through.
    ``workers`` is the number of parsing processes (None: ``$CABLES_IMPORT_WORKERS``, else
    one per core, or none for small inputs; 0: parse in this process). ``segment_size`` and
    ``commit_interval`` tune the writer (see :class:`store.writer.StoreWriter`). ``rescan``
    parses even unchanged, already imported files. Raises StoreError (StoreLockedError if
    another import holds the store).
    """
    started = time.monotonic()
    status = ImportStatus(ImportReport(), bytes_total=_input_size(paths), started=started)
    ticker = _Ticker(progress, status)
    if workers is None:
        workers = _workers_from_environment()
    if workers is None:
        small = status.bytes_total is not None and status.bytes_total <= _POOL_THRESHOLD
        workers = 0 if small else default_workers()
    CLOCK.reset()
    clock = CLOCK.start()
    # With parsing workers (a large import), tantivy indexes in a process of its own too.
    writer = StoreWriter(
        Path(directory),
        command=command,
        segment_size=segment_size,
        commit_interval=commit_interval,
        text_process=workers > 0,
    )
    with writer:
        CLOCK.stop("open", clock)
        status.report.repaired = writer.repaired
        fds = (writer.lock.fd,) if writer.lock.fd is not None else ()
        with (
            store_stations(writer.directory),
            BoundedPool(workers, close_fds=fds, in_flight=_IN_FLIGHT) as pool,
        ):
            run = _Run(writer, pool, status, ticker, on_error, stdin)
            for path in paths:
                _import_path(run, path, rescan)
        status.report.store_count = writer.count
    status.report.elapsed = time.monotonic() - started
    CLOCK.dump_if_asked()
    status.finished = True
    ticker.tick(force=True)
    return status.report


def _import_path(run: _Run, path: str, rescan: bool) -> None:
    """Import one path argument, or count it unchanged if it is a known, unchanged file."""
    status, report, writer = run.status, run.report, run.writer
    status.source = path
    base = status.bytes_done
    fingerprint = _fingerprint(path)
    known = None
    if fingerprint is not None:
        known = next((s for s in writer.manifest.sources if s.path == fingerprint.path), None)
    if (
        not rescan
        and fingerprint is not None
        and known is not None
        and (known.size, known.mtime_ns) == (fingerprint.size, fingerprint.mtime_ns)
        and known.generation >= writer.manifest.replaced_at
    ):
        report.unchanged += known.cables
        report.duplicates += known.duplicates
        report.sources += 1
        report.skipped_sources += 1
        status.bytes_done = base + fingerprint.size
        run.ticker.tick()
        return
    here = ImportReport()
    sources: set[str] = set()
    units = _track_offsets(iter_units([path], run.stdin), status, base)
    for result in _timed_wait(run.pool.map(_prepare, units)):
        if isinstance(result, ParseError):
            here.failed += 1
            report.failed += 1
            if run.on_error is not None:
                run.on_error(result)
        else:
            if result.source is not None:
                sources.add(result.source)
            outcome = writer.add(result)
            here.count(outcome)
            report.count(outcome)
        run.ticker.tick()
    if here.cables or here.failed:
        report.sources += max(1, len(sources))
    if fingerprint is not None:
        status.bytes_done = base + fingerprint.size
        same = known is not None and (known.size, known.mtime_ns, known.cables) == (
            fingerprint.size,
            fingerprint.mtime_ns,
            here.cables - here.duplicates,
        )
        if here.failed == 0 and here.cables and not (same and not here.changed):
            writer.record_source(
                SourceRecord(
                    fingerprint.path,
                    fingerprint.size,
                    fingerprint.mtime_ns,
                    here.cables - here.duplicates,
                    writer.manifest.generation + 1,
                    here.duplicates,
                )
            )


def _timed_wait(results: Iterator[Record | ParseError]) -> Iterator[Record | ParseError]:
    """The results, the time spent waiting for each charged to the "wait" stage."""
    while True:
        started = CLOCK.start()
        try:
            result = next(results)
        except StopIteration:
            return
        finally:
            CLOCK.stop("wait", started)
        yield result


def _track_offsets(
    units: Iterable[SourceUnit | ParseError], status: ImportStatus, base: int
) -> Iterator[SourceUnit | ParseError]:
    """Pass units and errors through, advancing the byte count by each unit's size.

    Units do not say where they end in their source, so the count is the size of their
    text (a csv record's fields plus its quotes and commas): within a few percent of the
    bytes read, and set exactly when each path is done.
    """
    done = base
    for unit in units:
        if isinstance(unit, ParseError):
            yield unit
            continue
        done += _unit_size(unit)
        status.bytes_done = done if status.bytes_total is None else min(done, status.bytes_total)
        yield unit


def _unit_size(unit: SourceUnit) -> int:
    payload = unit.payload
    if isinstance(payload, str):
        return len(payload)
    return sum(len(field) for field in payload) + 3 * len(payload)
