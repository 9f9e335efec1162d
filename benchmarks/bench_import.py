"""The whole import (issues 9 and 12): each stage's share of wall and CPU time, peak memory.

usage: python benchmarks/bench_import.py CSV [--limit N] [--workers N] [--keep DIR] [--no-append]
                                          [--baseline PYTHON] [--without-text-index]

Imports ``CSV`` (its first ``N`` cables with ``--limit``, copied to /tmp first) into a fresh
store under /tmp with ``cables import``, in a child process whose process tree is sampled in
``/proc`` ten times a second: each process's peak RSS (and its anonymous part: RSS also
counts the pages of files mapped in memory, such as tantivy's segments) and CPU time; once
a second, each process's PSS and each thread's CPU time (costly to read: at ten times a
second the sampler took about 30% of a core, out of the import's two). The importer's
main thread times its own stages from inside (:mod:`store.stages`); the parsing workers
(reading is in the importer's feeder thread; parsing, extraction, serialising, the
text-index document and entity keys in the workers) and tantivy's threads are measured
from ``/proc``.

With ``--baseline PYTHON`` (the interpreter of a virtual environment holding the version
to compare with, such as the import before entities, 8de09fe, the issues' "93 s"), the same
import is run with that version right after, on the same cables, and the ratio of the two
times reported: on a shared machine whose speed drifts from hour to hour, the ratio holds
where seconds do not.

With ``--without-text-index``, this version's import runs with the store writer's full-text
index replaced by one that does nothing (:data:`WITHOUT_TEXT_INDEX`, applied in the child
process only; the baseline runs as it is): the import of issue 9's scope, entities without
issue 12's index, whose cost it shows. A measurement only: every store the ``cables``
command makes has its text index.

Results go to stdout and, as a dated section with the machine, to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from common import RESULTS, machine, memory_of

from store.buckets_job import BUCKETS_NAME
from store.layout import read_manifest
from store.pipeline import TEXT_INDEX_NAME
from store.search_keys_job import KEYS_NAME

TICK = 0.1
#: The issues' time for the import before entities (8de09fe) of the full synthetic corpus.
ISSUES_BASELINE_SECONDS = 93.0
#: Distinct cables of the full synthetic corpus (``make_corpus.py 251287``, ids repeat).
FULL_CORPUS_CABLES = 249_000
#: Ticks between two samples of PSS and of the threads' CPU (RSS and each process's CPU
#: are sampled every tick).
FULL_EVERY = 10
IMPORT = "import sys; from tui.cli import main; sys.exit(main())"
#: Run before :data:`IMPORT` for ``--without-text-index``: the store writer's text index
#: (in the importer, or served by its child process) becomes one that stores nothing. The
#: workers still prepare each cable's text document; nothing reaches tantivy.
WITHOUT_TEXT_INDEX = """
import store.writer
from store.text_index import TEXT_DIR, TextIndexState

class NoTextIndex:
    rebuilt = False

    def __init__(self, *args, **kwargs):
        pass

    def open(self, segments, rows, state, bodies):
        pass

    def add(self, fields, segment, position):
        pass

    def commit(self, rows):
        return TextIndexState(TEXT_DIR, rows, 0)

    def discard_uncommitted(self, segments):
        pass

    def close(self, *args, **kwargs):
        pass

store.writer.TextIndexWriter = store.writer.TextIndexProcess = NoTextIndex
"""
STAGE_LABELS = {
    "open": "open the store (lock, state, text index)",
    "wait": "main thread waiting for the workers",
    "body": "main: per-cable bookkeeping (dedup, references)",
    "text": "main: documents to the text index",
    "mentions": "main: entity mentions set aside",
    "segments": "main: segment files written",
    "commit": "main: generation files, checksums, manifest, fsync",
    "text_commit": "main: tantivy commit",
    "text_finish": "end: text index closed",
    "compaction": "end: entity index compacted",
}


@dataclass
class Process:
    """What the sampler saw of one process: peak memory, CPU by thread name."""

    pid: int
    parent: int
    peak_rss: int = 0
    peak_anon: int = 0
    #: Peak proportional set size: shared pages divided among their sharers (RSS counts
    #: a forked worker's pages shared with the importer, and mapped files, in full).
    peak_pss: int = 0
    name: str = ""
    cpu: float = 0.0
    command: str = ""
    threads: dict[int, tuple[str, float]] = field(default_factory=dict)


def _is_tantivy(comm: str) -> bool:
    """True for the name of one of tantivy's threads."""
    return any(word in comm for word in ("tantivy", "merge_thread", "docstore", "segment_up"))


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            text = Path(f"/proc/{pid}/task/{task}/children").read_text()
            found.extend(int(c) for c in text.split())
    except OSError:
        pass
    return found


def _cpu_of(stat: str) -> float:
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _pss(pid: int) -> int:
    """The proportional set size of a process (0 if it is gone)."""
    with contextlib.suppress(OSError):
        return memory_of(pid).get("Pss", 0)
    return 0


def _sample(root: int, seen: dict[int, Process], full: bool = True) -> tuple[int, int]:
    """Sample the tree under ``root``; return its total RSS and PSS now (PSS 0 unless
    ``full``: the proportional set size and every thread's CPU are read only then, as
    reading ``smaps_rollup`` ten times a second took about 30% of a core)."""
    total = total_pss = 0
    stack = [(root, 0)]
    while stack:
        pid, parent = stack.pop()
        stack.extend((child, pid) for child in _children(pid))
        process = seen.get(pid)
        if process is None:
            process = seen[pid] = Process(pid, parent)
            with contextlib.suppress(OSError):
                process.command = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            process.cpu = _cpu_of(Path(f"/proc/{pid}/stat").read_text())
            for task in os.listdir(f"/proc/{pid}/task") if full else ():
                try:
                    comm = Path(f"/proc/{pid}/task/{task}/comm").read_text().strip()
                    cpu = _cpu_of(Path(f"/proc/{pid}/task/{task}/stat").read_text())
                except OSError:
                    continue
                process.threads[int(task)] = (comm, cpu)
        except OSError:
            continue
        rss = anon = 0
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) * 1024
            elif line.startswith("RssAnon:"):
                anon = int(line.split()[1]) * 1024
        process.peak_rss = max(process.peak_rss, rss)
        process.peak_anon = max(process.peak_anon, anon)
        pss = _pss(pid) if full else 0
        process.peak_pss = max(process.peak_pss, pss)
        if not process.name.startswith("cables-"):  # a child names itself once started
            with contextlib.suppress(OSError):
                process.name = Path(f"/proc/{pid}/comm").read_text().strip()
        total += rss
        total_pss += pss
    return total, total_pss


def slice_csv(source: Path, limit: int) -> Path:
    """The first ``limit`` records of a csv, in /tmp (made once)."""
    target = Path(tempfile.gettempdir()) / f"cables-bench-import-{source.stem}-{limit}.csv"
    if target.exists():
        return target
    csv.field_size_limit(1 << 30)
    partial = target.with_suffix(".tmp")
    with (
        source.open(newline="", encoding="utf-8") as inp,
        partial.open("w", newline="", encoding="utf-8") as out,
    ):
        writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
        for n, row in enumerate(csv.reader(inp)):
            if n >= limit:
                break
            writer.writerow(row)
    partial.rename(target)
    return target


def _mb(size: int) -> str:
    return f"{size / 1e6:,.0f} MB"


def run(
    source: Path,
    workers: int | None,
    keep: Path | None = None,
    python: str = sys.executable,
    without_text_index: bool = False,
) -> dict:
    """Import ``source`` into a fresh store with the ``cables`` of ``python`` (moved to
    ``keep`` afterwards if given, for the start-up and search benchmarks), with
    :data:`WITHOUT_TEXT_INDEX` applied if asked; what was measured."""
    work = Path(tempfile.mkdtemp(prefix="cables-bench-import-"))
    store, stages_file = work / "store", work / "stages.json"
    env = {**os.environ, "CABLES_IMPORT_STAGES": str(stages_file)}
    if workers is not None:
        env["CABLES_IMPORT_WORKERS"] = str(workers)
    seen: dict[int, Process] = {}
    peak_tree = peak_tree_pss = 0
    try:
        with (work / "log").open("w") as log:
            start = time.perf_counter()
            code = WITHOUT_TEXT_INDEX + IMPORT if without_text_index else IMPORT
            command = [python, "-c", code, "import", str(source), "--store", str(store)]
            child = subprocess.Popen(command, cwd=work, env=env, stdout=log, stderr=log)
            ticks = 0
            while child.poll() is None:
                tree, tree_pss = _sample(child.pid, seen, full=ticks % FULL_EVERY == 0)
                ticks += 1
                peak_tree, peak_tree_pss = max(peak_tree, tree), max(peak_tree_pss, tree_pss)
                time.sleep(TICK)
            elapsed = time.perf_counter() - start
        if child.returncode != 0:
            sys.exit(f"the import failed:\n{(work / 'log').read_text()[-2000:]}")
        # A version of the importer without stage timing writes none.
        stages = json.loads(stages_file.read_text()) if stages_file.exists() else {}
        size = sum(p.stat().st_size for p in store.rglob("*") if p.is_file())
        cables = read_manifest(store).count
        if keep is not None:
            shutil.rmtree(keep, ignore_errors=True)
            shutil.move(store, keep)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "elapsed": elapsed,
        "stages": stages,
        "seen": seen,
        "peak_tree": peak_tree,
        "peak_tree_pss": peak_tree_pss,
        "size": size,
        "root": child.pid,
        "cables": cables,
    }


def report(source: Path, cables: int, result: dict) -> list[str]:
    """The measurements as Markdown lines."""
    elapsed, stages, seen = result["elapsed"], result["stages"], result["seen"]
    root = seen[result["root"]]
    children = [p for p in seen.values() if p.parent == root.pid]
    texts = [
        p
        for p in children
        if p.name == TEXT_INDEX_NAME or any(_is_tantivy(c) for c, _ in p.threads.values())
    ]
    compacting = [p for p in children if p.name in (BUCKETS_NAME, KEYS_NAME)]
    workers = [
        p
        for p in children
        if p not in texts and p not in compacting and "resource_tracker" not in p.command
    ]
    compacting_cpu = sum(p.cpu for p in compacting)
    worker_cpu = sum(p.cpu for p in workers)
    text_cpu = sum(p.cpu for p in texts)
    main_threads = {tid: cpu for tid, (_, cpu) in root.threads.items()}
    main_thread_cpu = main_threads.get(root.pid, 0.0)
    by_name: dict[str, float] = {}
    for tid, (comm, cpu) in root.threads.items():
        if tid != root.pid:
            name = "tantivy threads" if _is_tantivy(comm) else "other threads"
            by_name[name] = by_name.get(name, 0.0) + cpu
    total_cpu = worker_cpu + root.cpu + text_cpu + compacting_cpu
    lines = [
        f"Corpus: {cables:,} cables from `{source.name}`; {len(workers)} parsing workers. "
        f"Wall {elapsed:.1f} s ({cables / elapsed:.0f} cables/s), CPU {total_cpu:.1f} s "
        f"({total_cpu / cables * 1000:.2f} ms a cable), store {_mb(result['size'])}.",
        "",
        "| stage | wall s | share of wall | CPU s | share of CPU |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]

    def row(label: str, wall: float | None, cpu: float) -> None:
        wall_text = "" if wall is None else f"{wall:.1f} | {wall / elapsed:.0%}"
        if wall is None:
            wall_text = "(concurrent) | "
        lines.append(f"| {label} | {wall_text} | {cpu:.1f} | {cpu / total_cpu:.0%} |")

    row("workers: parsing, extraction, records (CPU of all workers)", None, worker_cpu)
    walls, cpus = stages.get("wall", {}), stages.get("cpu", {})
    for stage, label in STAGE_LABELS.items():
        row(label, walls.get(stage, 0.0), cpus.get(stage, 0.0))
    timed = sum(cpus.values())
    row(
        "main thread: the rest (loop, unpickling in imap, progress)",
        None,
        max(0.0, main_thread_cpu - timed),
    )
    for name, cpu in sorted(by_name.items()):
        label = (
            "importer: tantivy's indexing and merge threads"
            if name == "tantivy threads"
            else "importer: reader, feeder and result threads"
        )
        row(label, None, cpu)
    if texts:
        row("text index process (documents parsed, indexed, merged by tantivy)", None, text_cpu)
    if compacting:
        row("compaction's children (half the buckets, the search keys)", None, compacting_cpu)
    biggest = max(seen.values(), key=lambda p: p.peak_rss)
    role = "the importer" if biggest is root else "a parsing worker"
    if biggest in texts:
        role = "the text index process"
    elif biggest in compacting:
        role = "a compaction child"
    peaks = stages.get("peaks", {})
    if peaks:
        row_text = ", ".join(f"{moment} {_mb(size)}" for moment, size in peaks.items())
        lines += ["", f"The importer's own peak RSS (VmHWM) by the end of each phase: {row_text}."]
    lines += [
        "",
        f"Peak RSS: largest process {_mb(biggest.peak_rss)} ({role}; anonymous "
        f"{_mb(biggest.peak_anon)}), the importer {_mb(root.peak_rss)} (anonymous "
        f"{_mb(root.peak_anon)}), a worker at most "
        f"{_mb(max((p.peak_rss for p in workers), default=0))}, the text index process "
        f"{_mb(max((p.peak_rss for p in texts), default=0))}, a compaction child "
        f"{_mb(max((p.peak_rss for p in compacting), default=0))}, the whole tree "
        f"{_mb(result['peak_tree'])}.",
        "",
        f"Peak PSS (shared pages divided among the processes sharing them): the importer "
        f"{_mb(root.peak_pss)}, the whole tree {_mb(result['peak_tree_pss'])}.",
    ]
    return lines


def baseline_lines(baseline: dict, result: dict, args: argparse.Namespace) -> list[str]:
    """The baseline's import time and the ratio of this import's to it (on the full
    corpus, that ratio of the issues' time for the baseline too)."""
    ratio = result["elapsed"] / baseline["elapsed"]
    lines = [
        "",
        f"Baseline (`{args.baseline}`), the same cables right after: wall "
        f"{baseline['elapsed']:.1f} s; this import took {ratio:.2f} times that.",
    ]
    if result["cables"] >= FULL_CORPUS_CABLES:
        lines[-1] += (
            f" With the baseline's {ISSUES_BASELINE_SECONDS:.0f} s on the full corpus at the "
            f"issues' speed: about {ratio * ISSUES_BASELINE_SECONDS:.0f} s there."
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("csv", type=Path)
    parser.add_argument("--limit", type=int, help="import only the first N cables")
    parser.add_argument("--workers", type=int, help="parsing processes (default: one a core)")
    parser.add_argument("--label", default="", help="a word on what is measured")
    parser.add_argument("--keep", type=Path, help="keep the store there (replacing it)")
    parser.add_argument("--no-append", action="store_true", help="do not write RESULTS.md")
    parser.add_argument(
        "--baseline", metavar="PYTHON", help="also time the import of another version"
    )
    parser.add_argument(
        "--without-text-index",
        action="store_true",
        help="this version's import with a text index that stores nothing (a measurement)",
    )
    args = parser.parse_args()
    if args.keep and args.without_text_index:
        parser.error("--keep: a store made --without-text-index has no text index to keep")
    source = slice_csv(args.csv, args.limit) if args.limit else args.csv
    result = run(source, args.workers, args.keep, without_text_index=args.without_text_index)
    cables = result["cables"]
    lines = report(source, cables, result)
    if args.baseline:
        lines += baseline_lines(run(source, args.workers, python=args.baseline), result, args)
    print("\n".join(lines))
    if not args.no_append:
        now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        words = [args.label] if args.label else []
        if args.without_text_index:
            words.append("without the full-text index")
        label = f" ({', '.join(words)})" if words else ""
        section = [
            f"## Import stages and peak memory{label}: {cables:,} cables — {now}",
            "",
            f"Machine: {machine()}. `python benchmarks/bench_import.py` (the machine may be "
            "shared: wall times are noisy, CPU times less so).",
            "",
            *lines,
        ]
        with RESULTS.open("a") as out:
            out.write("\n" + "\n".join(section) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
