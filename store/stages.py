"""Where an import's main thread spends its time: wall and CPU seconds by stage.

The writer and the importer charge their work to named stages (a few clock reads per
cable, cheap enough to stay on); ``benchmarks/bench_import.py`` reads the totals from the
file that ``$CABLES_IMPORT_STAGES`` names, written when the import ends. CPU is this
thread's own (``time.thread_time``): tantivy's threads and the parsing workers are measured
from outside, in ``/proc``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import orjson

STAGES_VAR = "CABLES_IMPORT_STAGES"

#: The stages, in the order an import meets them.
STAGE_NAMES = (
    "open",  # locking, loading the store's state, opening the text index
    "wait",  # waiting for the parsing workers' next cable
    "body",  # per-cable work in the writer: dedup, references, bookkeeping
    "text",  # handing documents to the text index
    "mentions",  # setting entity mentions aside
    "segments",  # writing segment files (catalog, bodies, mentions)
    "commit",  # generation files, checksums, manifest, fsync
    "text_commit",  # tantivy's commit
    "text_finish",  # the text index's end (its merges, its writer closed)
    "compaction",  # the entity index compacted at the end
)


class StageClock:
    """Totals of wall and CPU seconds by stage; ``start``/``stop`` around each piece."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = dict.fromkeys(STAGE_NAMES, 0.0)
        self.cpu: dict[str, float] = dict.fromkeys(STAGE_NAMES, 0.0)
        #: This process's peak RSS in bytes (VmHWM) at named moments of the import.
        self.peaks: dict[str, int] = {}

    def note_peak(self, moment: str) -> None:
        """Remember this process's peak RSS so far (Linux; nothing elsewhere)."""
        try:
            with open("/proc/self/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        self.peaks[moment] = int(line.split()[1]) * 1024
        except OSError:
            pass

    @staticmethod
    def start() -> tuple[float, float]:
        """The clocks now (pass them to :meth:`stop`)."""
        return time.perf_counter(), time.thread_time()

    def stop(self, stage: str, started: tuple[float, float]) -> tuple[float, float]:
        """Charge the time since ``started`` to ``stage``; return the clocks now."""
        now = time.perf_counter(), time.thread_time()
        self.wall[stage] = self.wall.get(stage, 0.0) + now[0] - started[0]
        self.cpu[stage] = self.cpu.get(stage, 0.0) + now[1] - started[1]
        return now

    def reset(self) -> None:
        """Start every total again from zero."""
        self.wall = dict.fromkeys(STAGE_NAMES, 0.0)
        self.cpu = dict.fromkeys(STAGE_NAMES, 0.0)
        self.peaks = {}

    def to_doc(self) -> dict[str, dict[str, Any]]:
        """The totals, by stage, and the peaks: ``{"wall": {...}, "cpu": {...},
        "peaks": {...}}``."""
        return {"wall": dict(self.wall), "cpu": dict(self.cpu), "peaks": dict(self.peaks)}

    def dump_if_asked(self) -> None:
        """Write the totals as JSON to the file ``$CABLES_IMPORT_STAGES`` names, if set."""
        target = os.environ.get(STAGES_VAR)
        if target:
            Path(target).write_bytes(orjson.dumps(self.to_doc()))


#: The clock of this process's import (one import at a time per process).
CLOCK = StageClock()
