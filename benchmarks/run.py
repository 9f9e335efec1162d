"""The store's benchmark (issue 4): every figure in one run, appended to RESULTS.md.

usage: python benchmarks/run.py [--n 251287] [--variants-n 20000] [--skip-import] [--skip-parse]

1. makes the synthetic corpus ``/tmp/cables-bench-N.csv`` if absent (never in the repo),
   and times ``cables parse --json`` of it: cables per second, peak memory (bench_parse.py);
2. ``cables import`` into a fresh store under /tmp: wall time, peak RSS of the process tree
   (the importer and its parsing workers, sampled every 0.1 s);
3. re-imports: the unchanged-file shortcut (``cables import`` again) and a full re-parse;
4. time from ``cables`` to its first drawn screen, under a pseudo-terminal (the app exits
   after its first frame with ``CABLES_EXIT_AFTER_FIRST_PAINT=1``); then, at 120x40, when
   the first frame (the list's header) and the first cable row reach the terminal;
5. ``get_cable`` over 1,000 random ids in a fresh process: p50, p95, max;
6. resident memory of the open browser (under a pty, catalog loaded, a few cables read) and
   of a plain process holding the store with catalog, index, references and cables loaded;
7. ``cables stats`` time;
8. variants where the design made a choice: segment size against load time and
   memory, and parsing in a pool against parsing in one process (on the first
   ``--variants-n`` cables).

Results go to stdout and, as a dated section with the machine, to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import bench_parse
from common import (
    FULL_SIZE,
    MAKE_CORPUS,
    PROJECT,
    RESULTS,
    PtyProcess,
    corpus,
    machine,
    memory_of,
)

WORK = Path(tempfile.gettempdir()) / "cables-store-bench"
SHARD_VARIANTS = (250, 500, 1000, 2000)

GET_SCRIPT = r"""
import json, random, sys, time
t0 = time.perf_counter()
import store.store
from store.store import CableStore
if len(sys.argv) > 3:  # measure segment loads: a cache of one segment
    store.store.SEGMENT_CACHE_SIZE = int(sys.argv[3])
store = CableStore.open(sys.argv[1])
opened = time.perf_counter() - t0
ids = CableStore.open(sys.argv[1]).ids()  # the sample, from a second snapshot
sample = random.Random(int(sys.argv[2])).sample(ids, min(1000, len(ids)))
times = []
for cable_id in sample:
    start = time.perf_counter()
    assert store.get_cable(cable_id) is not None
    times.append(time.perf_counter() - start)
t = time.perf_counter(); store.references_to(sample[0]); refs = time.perf_counter() - t
print(json.dumps({"open": opened, "times": times, "first_refs": refs}))
"""

HOLD_SCRIPT = r"""
import json, random, sys, time
import textual.app  # what the browser holds besides the store
from store.store import CableStore
store = CableStore.open(sys.argv[1])
t = time.perf_counter(); catalog = store.load_catalog(); loaded = time.perf_counter() - t
for cable_id in random.Random(3).sample(catalog.ids, 50):
    store.get_cable(cable_id); store.references_to(cable_id)
rss = int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) * 1024
print(json.dumps({"catalog_s": loaded, "rss": rss, "rows": len(catalog)}))
"""

RESHARD_SCRIPT = r"""
import sys, orjson
from pathlib import Path
from cables.jsonform import cable_to_json
from store.records import Record
from store.store import CableStore
from store.writer import StoreWriter
source, target, size, limit = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
store = CableStore.open(source)
ids = store.ids()[:limit]
docs = {}
for doc in store.iter_catalog_docs():
    docs[doc["id"]] = doc
    if len(docs) >= limit:
        break
with StoreWriter(target, segment_size=size) as writer:
    for cable_id in ids:
        doc = docs.get(cable_id)
        if doc is not None:
            body = orjson.dumps(cable_to_json(store.get_cable(cable_id)))
            writer.add(Record(cable_id, doc["digest"], doc, body))
print("{}")
"""

IMPORT_SCRIPT = r"""
import json, sys, time
from store.importer import import_sources
workers = int(sys.argv[3])
rescan = sys.argv[4] == "1"
report = import_sources(sys.argv[1], [sys.argv[2]], workers=workers, rescan=rescan)
print(json.dumps({"elapsed": report.elapsed, "added": report.added,
                  "unchanged": report.unchanged, "replaced": report.replaced,
                  "duplicates": report.duplicates}))
"""


def _tree_rss(root: int) -> int:
    """Summed RSS (bytes) of a process and all its descendants."""
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(name))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def run_measured(command: list[str], log: Path) -> tuple[float, int, int]:
    """Run a command (output to ``log``): (seconds, peak tree RSS bytes, exit code)."""
    with log.open("w") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=PROJECT, stdout=out, stderr=subprocess.STDOUT)
        peak = 0
        while process.poll() is None:
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.1)
        return time.perf_counter() - start, peak, process.returncode


def python(script: str, *args: str) -> dict:
    """Run a Python snippet in a fresh process; its stdout is one JSON object."""
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _cables(args: list[str], **options: Any) -> PtyProcess:
    """``cables ARGS`` of this tree under a pseudo-terminal (see :class:`PtyProcess`)."""
    return PtyProcess([sys.executable, "-m", "tui.cli", *args], cwd=PROJECT, **options)


def first_screen_times(store: Path, runs: int = 5) -> list[float]:
    """Seconds from starting ``cables`` to the exit after its first frame, per run."""
    times = []
    for _ in range(runs):
        app = _cables(["--store", str(store)], env={"CABLES_EXIT_AFTER_FIRST_PAINT": "1"})
        times.append(app.wait())
        if app.process.returncode != 0:
            raise RuntimeError(f"cables exited {app.process.returncode}: {app.output[-500:]!r}")
    return times


#: The list's header row (the first frame) and a cable id in a row (the first row drawn).
FRAME_PATTERN = re.compile(rb"Subject")
ROW_PATTERN = re.compile(rb"\d{2}[A-Z][A-Z-]{2,}\d+")


def first_row_times(
    store: Path, runs: int = 5, size: tuple[int, int] = (120, 40)
) -> list[tuple[float, float]]:
    """(first frame, first row drawn) in seconds from starting ``cables``, per run: when the
    list's header, then a cable id, reach the terminal (a pty of ``size``)."""
    times = []
    for _ in range(runs):
        app = _cables(
            ["--store", str(store), "--read-only"],
            size=size,
            watch={"frame": FRAME_PATTERN, "row": ROW_PATTERN},
        )
        app.wait_for("row", 60)
        app.send("q")
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.process.kill()
            app.wait()
        if "row" not in app.seen or "frame" not in app.seen:
            raise RuntimeError(f"no cable row drawn: {app.output[-500:]!r}")
        times.append((app.seen["frame"], app.seen["row"]))
    return times


def _own_memory(pid: int) -> dict[str, int]:
    """Pss and its parts (bytes) of one process (empty if it is gone)."""
    try:
        return memory_of(pid)
    except OSError:
        return {}


#: The open browser's own memory at the end of :func:`browser_rss` (Pss, Pss_Anon, bytes).
LAST_BROWSER_MEMORY: dict[str, int] = {}


def browser_rss(store: Path, settle: float = 8.0) -> int:
    """Peak RSS of the open browser: catalog loading, then a few cables opened (its PSS at
    the end goes to :data:`LAST_BROWSER_MEMORY`)."""
    app = _cables(["--store", str(store), "--read-only"])
    peak = 0
    deadline = time.perf_counter() + settle
    while time.perf_counter() < deadline:
        peak = max(peak, _tree_rss(app.process.pid))
        time.sleep(0.1)
    for keys in ["\r", "\x7f", "j", "j", "j", "\r", "\x7f", "G", "\r", "\x7f", "g", "\r"]:
        app.send(keys)
        time.sleep(0.4)
        peak = max(peak, _tree_rss(app.process.pid))
    LAST_BROWSER_MEMORY.clear()
    LAST_BROWSER_MEMORY.update(_own_memory(app.process.pid))
    app.send("q")
    try:
        app.wait(timeout=10)
    except subprocess.TimeoutExpired:
        app.process.kill()
        app.wait()
    return peak


def screen_only(store: Path, record: bool) -> int:
    """The start-up figures alone, on an existing store; appended to RESULTS.md if
    ``record``."""
    exits = first_screen_times(store)
    drawn = first_row_times(store)
    frames, rows = [frame for frame, _ in drawn], [row for _, row in drawn]
    rss = browser_rss(store, settle=20.0)
    load = os.getloadavg()[0]
    lines = [
        f"- cables to first frame (the app exits after it), 100x30: median "
        f"{statistics.median(exits):.2f} s, max {max(exits):.2f} s",
        f"- first frame (list header on the terminal), 120x40: median "
        f"{statistics.median(frames):.2f} s, max {max(frames):.2f} s",
        f"- first row drawn (a cable id on the terminal), 120x40: median "
        f"{statistics.median(rows):.2f} s, max {max(rows):.2f} s (target <= 0.6 s)",
        f"- the open browser's peak RSS (catalog loaded, cables opened): {rss / 1e6:.0f} MB "
        f"(target <= 300 MB)",
        f"- its own memory at the end (PSS): {LAST_BROWSER_MEMORY.get('Pss', 0) / 1e6:.0f} MB, "
        f"of which anonymous {LAST_BROWSER_MEMORY.get('Pss_Anon', 0) / 1e6:.0f} MB",
    ]
    print("\n".join(lines))
    if record:
        cables = read_count(store)
        section = [
            "",
            f"## Start-up (issue 7): {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
            "",
            f"Machine: {machine()}; load average {load:.1f} at the end. Store: {cables:,} "
            f"cables. Command: `python benchmarks/run.py --screen-only STORE`.",
            "",
            *lines,
            "",
        ]
        with RESULTS.open("a") as out:
            out.write("\n".join(section))
        print(f"appended to {RESULTS}")
    return 0


def read_count(store: Path) -> int:
    """The number of cables of a store (from its manifest)."""
    result = python(
        "import json, sys; from store.store import CableStore; "
        "print(json.dumps({'n': CableStore.open(sys.argv[1]).count}))",
        str(store),
    )
    return int(result["n"])


def percentile(values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def dir_size(path: Path) -> int:
    """Bytes of every file under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> int:
    """Run every measurement and append the results to RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=FULL_SIZE)
    parser.add_argument("--variants-n", type=int, default=20_000)
    parser.add_argument("--skip-import", action="store_true", help="reuse the last store")
    parser.add_argument("--no-record", action="store_true", help="do not write RESULTS.md")
    parser.add_argument("--skip-parse", action="store_true", help="skip `cables parse` timing")
    parser.add_argument(
        "--screen-only",
        metavar="STORE",
        type=Path,
        help="only time the first frame and first row, and the browser's memory, on STORE",
    )
    options = parser.parse_args()
    if options.screen_only:
        return screen_only(options.screen_only, record=not options.no_record)
    source = corpus(options.n)
    if not options.skip_parse and not options.no_record:
        bench_parse.main(options.n)  # parse throughput and memory (issue 3), its own section
    WORK.mkdir(exist_ok=True)
    store = WORK / f"store-{options.n}"
    cli = [sys.executable, "-m", "tui.cli", "--store", str(store)]
    rows: list[tuple[str, str, str]] = []

    def record(what: str, value: str, target: str = "") -> None:
        rows.append((what, value, target))
        print(f"{what}: {value}" + (f"  (target {target})" if target else ""), flush=True)

    if not options.skip_import:
        shutil.rmtree(store, ignore_errors=True)
        seconds, peak, code = run_measured([*cli, "import", str(source)], WORK / "import.log")
        assert code == 0, (WORK / "import.log").read_text()[-2000:]
        summary = (WORK / "import.log").read_text().strip().splitlines()
        progress_lines = sum(1 for line in summary if line.startswith("cables: importing:"))
        record("import: wall time", f"{seconds:.1f} s", "<= 300 s")
        record("import: peak RSS, importer and workers", f"{peak / 1e6:.0f} MB", "<= 2000 MB")
        record("import: summary", summary[-2])
        record("import: plain progress lines (not a terminal)", str(progress_lines))
    record("store: size on disk", f"{dir_size(store) / 1e9:.2f} GB")

    seconds, _peak, _code = run_measured([*cli, "import", str(source)], WORK / "reimport.log")
    record("re-import, unchanged file (shortcut): wall time", f"{seconds:.1f} s")
    record("re-import: summary", (WORK / "reimport.log").read_text().splitlines()[-2])
    start = time.perf_counter()
    rescan = python(IMPORT_SCRIPT, str(store), str(source), "2", "1")
    record(
        "re-import, full re-parse (rescan): wall time",
        f"{time.perf_counter() - start:.1f} s "
        f"({rescan['added']} added, {rescan['unchanged']} unchanged, "
        f"{rescan['replaced']} replaced)",
    )

    times = first_screen_times(store)
    record(
        "first screen: cables to first frame, 5 runs",
        f"median {statistics.median(times):.2f} s, max {max(times):.2f} s",
        "<= 1.0 s",
    )
    textual_import = python(
        "import json, time; t = time.perf_counter(); import textual.app, textual.widgets; "
        "print(json.dumps({'s': time.perf_counter() - t}))"
    )["s"]
    record("  of which importing Textual", f"{textual_import:.2f} s")
    drawn = first_row_times(store)
    frames, first_rows = [frame for frame, _ in drawn], [row for _, row in drawn]
    record(
        "first frame (list header on the terminal), 120x40, 5 runs",
        f"median {statistics.median(frames):.2f} s, max {max(frames):.2f} s",
    )
    record(
        "first row drawn (a cable id on the terminal), 120x40, 5 runs",
        f"median {statistics.median(first_rows):.2f} s, max {max(first_rows):.2f} s",
        "<= 0.6 s",
    )

    got = python(GET_SCRIPT, str(store), "11")
    ms = [t * 1000 for t in got["times"]]
    record(
        "get_cable, 1,000 random cables, fresh process",
        f"p50 {percentile(ms, 0.5):.1f} ms, p95 {percentile(ms, 0.95):.1f} ms, "
        f"max {max(ms):.1f} ms (the first includes loading the index)",
        "p95 <= 50 ms",
    )
    record("CableStore.open", f"{got['open'] * 1000:.0f} ms (incl. Python imports)")
    first_refs = f"{got['first_refs'] * 1000:.0f} ms"
    record("first references_to (loads the reverse references)", first_refs)

    held = python(HOLD_SCRIPT, str(store))
    record("load_catalog (background worker in the browser)", f"{held['catalog_s']:.2f} s")
    record(
        "RSS: Textual imported + store, catalog, index, references, 50 cables read",
        f"{held['rss'] / 1e6:.0f} MB",
        "<= 500 MB",
    )
    record(
        "RSS: the open browser (pty, catalog loaded, cables opened), peak",
        f"{browser_rss(store) / 1e6:.0f} MB",
        "<= 300 MB",
    )

    start = time.perf_counter()
    subprocess.run([*cli, "stats"], cwd=PROJECT, check=True, capture_output=True)
    record("cables stats: wall time", f"{time.perf_counter() - start:.2f} s")

    # Variants: segment size (load time per cable vs memory), pool vs one process.
    limit = min(options.variants_n, options.n)
    for size in SHARD_VARIANTS:
        target = WORK / f"variant-segment-{size}"
        shutil.rmtree(target, ignore_errors=True)
        python(RESHARD_SCRIPT, str(store), str(target), str(size), str(limit))
        got = python(GET_SCRIPT, str(target), "5", "1")
        ms = [t * 1000 for t in got["times"][1:]]
        bodies = list(target.glob("segments/*-bodies.json"))
        segment_mb = sum(p.stat().st_size for p in bodies) / max(1, len(bodies)) / 1e6
        record(
            f"variant: segments of {size} cables (~{segment_mb:.1f} MB each), "
            "get_cable with a cache of one segment",
            f"p50 {percentile(ms, 0.5):.1f} ms, p95 {percentile(ms, 0.95):.1f} ms",
        )
        shutil.rmtree(target, ignore_errors=True)
    subset = WORK / f"subset-{limit}.csv"
    if not subset.exists():
        subprocess.run([sys.executable, str(MAKE_CORPUS), str(limit), str(subset)], check=True)
    for workers in (0, 2):
        target = WORK / f"variant-workers-{workers}"
        shutil.rmtree(target, ignore_errors=True)
        start = time.perf_counter()
        got = python(IMPORT_SCRIPT, str(target), str(subset), str(workers), "0")
        seconds = time.perf_counter() - start
        label = "one process" if workers == 0 else f"a pool of {workers} workers"
        record(
            f"variant: import of {limit:,} cables, parsing in {label}",
            f"{seconds:.1f} s ({got['added'] / got['elapsed']:,.0f} cables/s)",
        )
        shutil.rmtree(target, ignore_errors=True)

    section = [
        "",
        f"## Store (issue 4): {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        "",
        f"Machine: {machine()}. Corpus: {options.n:,} synthetic cables "
        f"({source.stat().st_size / 1e9:.2f} GB csv). "
        f"Command: `python benchmarks/run.py --n {options.n}`.",
        "",
        "| measure | result | target |",
        "| --- | --- | --- |",
        *(f"| {what} | {value} | {target} |" for what, value, target in rows),
        "",
    ]
    if options.no_record:
        return 0
    with RESULTS.open("a") as out:
        if RESULTS.stat().st_size == 0:
            out.write("# Benchmark results\n")
        out.write("\n".join(section))
    print(f"appended to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
