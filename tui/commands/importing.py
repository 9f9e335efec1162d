"""``cables import PATH... | -``: import sources into the store, with progress.

On a terminal a live bar (counts, rate, time left) is drawn on stderr; otherwise a plain
progress line is written every few seconds. Each source that fails gives one line on stderr
and the others still go through; the exit code is 1 if any failed, 2 if the store cannot
be written. Never imports Textual.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import IO, Any

from cables.errors import ParseError
from cables.sanitize import clean_line
from store.errors import StoreError
from store.importer import ImportReport, ImportStatus, import_sources
from store.stats import human_size
from store.store import CableStore
from store.store_folder import resolve_store_dir
from tui.presentation.counts import counted

PLAIN_INTERVAL = 5.0


def summary(report: ImportReport) -> str:
    """``imported 2 cables from 1 source: 2 added, 0 unchanged, 0 replaced, 0 failed``."""
    line = (
        f"imported {counted(report.cables, 'cable')} from {counted(report.sources, 'source')}: "
        f"{report.added:,} added, {report.unchanged:,} unchanged, {report.replaced:,} replaced, "
        f"{report.failed:,} failed"
    )
    if report.duplicates:
        line += f", {report.duplicates:,} repeated ids ignored"
    if report.cables and not report.changed:
        line += " (already in the store)"
    return line


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


def plain_line(status: ImportStatus) -> str:
    """One progress line: counts, rate, bytes read and time left (when known)."""
    report = status.report
    elapsed = max(status.elapsed, 1e-6)
    parts = [f"{report.cables:,} cables ({report.cables / elapsed:,.0f}/s)"]
    if report.failed:
        parts.append(f"{report.failed:,} failed")
    if status.bytes_total:
        done = min(status.bytes_done, status.bytes_total)
        fraction = done / status.bytes_total
        parts.append(f"{human_size(done)} of {human_size(status.bytes_total)} ({fraction:.0%})")
        if 0 < fraction < 1:
            parts.append(f"about {_duration(elapsed * (1 - fraction) / fraction)} left")
    return "cables: importing: " + ", ".join(parts)


class PlainProgress:
    """Progress as plain lines every few seconds (output that is not a terminal)."""

    def __init__(self, stream: IO[str], interval: float = PLAIN_INTERVAL) -> None:
        self.stream = stream
        self.interval = interval
        self._next = time.monotonic() + interval

    def __call__(self, status: ImportStatus) -> None:
        now = time.monotonic()
        if status.finished or now < self._next:
            return
        self._next = now + self.interval
        print(plain_line(status), file=self.stream, flush=True)

    def close(self) -> None:
        """Nothing to tear down."""


class BarProgress:
    """A live Rich progress bar on a terminal: cables, rate, bytes, time left."""

    def __init__(self, stream: IO[str]) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("importing"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[counts]}"),
            TimeElapsedColumn(),
            TextColumn("elapsed,"),
            TimeRemainingColumn(),
            TextColumn("left"),
            console=Console(file=stream),
            transient=True,
        )
        self._task = self._progress.add_task("import", total=None, counts="")
        self._started = False

    def _start(self) -> None:
        # Started on first use, after the import has forked its parsing workers: forking
        # while the bar's refresh thread holds a lock would hand the workers that lock.
        if not self._started:
            self._started = True
            self._progress.start()

    def __call__(self, status: ImportStatus) -> None:
        self._start()
        report = status.report
        rate = report.cables / max(status.elapsed, 1e-6)
        counts = f"{report.cables:,} cables, {rate:,.0f}/s"
        if report.failed:
            counts += f", {report.failed:,} failed"
        self._progress.update(
            self._task, total=status.bytes_total, completed=status.bytes_done, counts=counts
        )

    def print_error(self, message: str) -> None:
        """Print a line above the bar."""
        self._start()
        self._progress.console.print(message, markup=False, highlight=False)

    def close(self) -> None:
        """Remove the bar (if it was ever drawn)."""
        if self._started:
            self._progress.stop()


def _print_repaired(report: ImportReport, directory: Path, stderr: IO[str]) -> None:
    """Say which damaged segments the import set aside, and how many of their cables these
    sources did not bring back."""
    repaired = report.repaired
    if repaired is None or not repaired.damaged:
        return
    lost: set[str] = set()
    for damage in repaired.damaged:
        print(
            f"cables: the store's segment {damage.segment} was damaged "
            f"({clean_line(damage.problem)}): moved aside to damaged/, its cables written "
            f"again from the sources that hold them",
            file=stderr,
        )
        lost.update(damage.ids or ())
    try:
        missing = lost - set(CableStore.open(directory, read_only=True).ids())
    except StoreError:
        return
    if missing:
        print(
            f"cables: {len(missing):,} cables of the damaged segments are not in these "
            f"sources and stay missing until imported again (e.g. {clean_line(min(missing))})",
            file=stderr,
        )


def run(args: argparse.Namespace) -> int:
    """Import ``args.paths`` into the store; print a summary; return the exit code."""
    directory = resolve_store_dir(args.store)
    stderr = sys.stderr
    progress: Any = BarProgress(stderr) if stderr.isatty() else PlainProgress(stderr)

    def on_error(error: ParseError) -> None:
        message = f"cables: {clean_line(error)}"
        if isinstance(progress, BarProgress):
            progress.print_error(message)
        else:
            print(message, file=stderr, flush=True)

    try:
        report = import_sources(
            directory, args.paths, stdin=sys.stdin, progress=progress, on_error=on_error
        )
    except StoreError as error:
        print(f"cables: {clean_line(error)}", file=stderr)
        return 2
    finally:
        # Also on Ctrl-C: the bar hides the cursor until it is stopped.
        progress.close()
    _print_repaired(report, directory, stderr)
    print(summary(report))
    print(
        f"the store at {clean_line(directory)} holds {counted(report.store_count, 'cable')} "
        f"(import took {report.elapsed:.1f} s)"
    )
    return 1 if report.failed else 0
