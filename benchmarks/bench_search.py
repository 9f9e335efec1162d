"""Full-text search benchmark (issue 12): import cost of the text index, its size, query speed.

usage: python benchmarks/bench_search.py [--n 251287] [--csv PATH] [--skip-import]
                                         [--skip-baseline] [--queries 300] [--work DIR]
                                         [--store DIR] [--code-baseline REV] [--rounds R]
                                         [--evict]

1. ``import`` of the synthetic corpus into a fresh store under /tmp, in a child process
   whose process tree is sampled for peak RSS; the writer's stages are timed from inside
   (time the importing process spends handing cables to tantivy, committing tantivy,
   writing segments; the rest is waiting for the parsing workers and bookkeeping), and
   CPU time of the importer (tantivy's threads included) and of its workers;
2. the same import with the text index switched off (its writer methods replaced by
   no-ops in that child only), for the import's cost without it, in the same run;
3. size of the text index and of the store; time to open the index of the store;
4. 300 queries (single words, phrases, boolean, fielded; words drawn from stored cables)
   from one fresh process, each timed from the query line to the snippets of the first
   screen of results (20 hits): p50, p95, max per kind and overall.

``--store DIR`` queries an existing store instead (read only: nothing is imported or
written there; the import steps are skipped). ``--code-baseline REV`` runs the queries with
the code of git revision REV too, alternating with this tree for R rounds (default 2, the
best round of each kept), for a before/after on the same machine load. ``--evict`` drops the
text index from the page cache before each query process (``posix_fadvise``; it slows
other readers of that store for a moment), to measure a cold start.

Results go to stdout and, as a dated section with the machine, to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_parse import export_tree
from common import FULL_SIZE, PROJECT, RESULTS, corpus, machine
from run import dir_size, percentile

WORK = Path(tempfile.gettempdir()) / "cables-search-bench"
FIRST_SCREEN = 20

IMPORT_SCRIPT = r"""
import json, resource, sys, time
from pathlib import Path
from store import text_index, writer
from store.importer import import_sources

timings = {"text_add": 0.0, "text_commit": 0.0, "text_open_close": 0.0, "segments": 0.0}

def timed(cls, name, key):
    original = getattr(cls, name)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            timings[key] += time.perf_counter() - start
    setattr(cls, name, wrapper)

if sys.argv[3] == "off":  # the baseline: no text index at all
    W = text_index.TextIndexWriter
    W.open = lambda self, *a, **k: None
    W.add = lambda self, *a, **k: None
    W.commit = lambda self, rows: text_index.TextIndexState(rows=rows)
    W.close = lambda self: None
else:
    timed(text_index.TextIndexWriter, "add", "text_add")
    timed(text_index.TextIndexWriter, "commit", "text_commit")
    timed(text_index.TextIndexWriter, "open", "text_open_close")
    timed(text_index.TextIndexWriter, "close", "text_open_close")
timed(writer.StoreWriter, "_write_segment", "segments")
start = time.perf_counter()
report = import_sources(Path(sys.argv[1]), [sys.argv[2]])
elapsed = time.perf_counter() - start
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"elapsed": elapsed, "added": report.added, "timings": timings,
                  "cpu_main": me.ru_utime + me.ru_stime,
                  "cpu_workers": kids.ru_utime + kids.ru_stime}))
"""

QUERY_SCRIPT = r"""
import json, random, re, sys, time
t0 = time.perf_counter()
from store.store import CableStore
store = CableStore.open(sys.argv[1])
text = store.text()
opened = time.perf_counter() - t0
rng = random.Random(int(sys.argv[2]))
count = int(sys.argv[3])
ids = store.ids()
words, phrases, tags, origins = [], [], set(), set()
for cable_id in rng.sample(ids, 200):
    cable = store.get_cable(cable_id)
    tags.update(cable.tags)
    if cable.origin:
        origins.add(cable.origin.split()[-1])
    for paragraph in cable.paragraphs[1:]:
        tokens = re.findall(r"[A-Za-z]{4,}", paragraph.text)
        words.extend(tokens[:5])
        if len(tokens) > 3:
            i = rng.randrange(len(tokens) - 2)
            phrases.append(" ".join(tokens[i:i + rng.choice((2, 3))]))
tags, origins = sorted(tags), sorted(origins)
kinds = []
for n in range(count):
    kind = ("word", "phrase", "boolean", "field")[n % 4]
    if kind == "word":
        q = rng.choice(words)
    elif kind == "phrase":
        q = '"' + rng.choice(phrases) + '"'
    elif kind == "boolean":
        a, b, c = rng.sample(words, 3)
        q = rng.choice([f"{a} AND {b}", f"{a} OR {b}", f"{a} {b} -{c}", f"({a} OR {b}) {c}"])
    else:
        q = rng.choice([
            f"tag:{rng.choice(tags)}",
            f"origin:{rng.choice(origins)} {rng.choice(words)}",
            f"class:secret year:2008..2009 {rng.choice(words)}",
            f"tag:{rng.choice(tags)} year:{rng.randrange(2000, 2011)}",
            f"{rng.choice(words)[:4]}* origin:{rng.choice(origins)}",
            f"{rng.choice(words)}~1 tag:{rng.choice(tags)}",
        ])
    kinds.append((kind, q))
rng.shuffle(kinds)
times = {"word": [], "phrase": [], "boolean": [], "field": []}
hits = []
sort = sys.argv[4]
for kind, q in kinds:
    start = time.perf_counter()
    results = text.search(q, limit=int(sys.argv[5]), sort=sort)
    shown = results.hits()
    times[kind].append(time.perf_counter() - start)
    hits.append(len(shown))
print(json.dumps({"open": opened, "times": times, "hits": hits,
                  "documents": text.documents}))
"""


def _tree_memory(root: int) -> tuple[int, int]:
    """(RSS, anonymous RSS) in bytes of a process and its descendants. RSS also counts
    the pages of files mapped in memory (tantivy reads its segments through mmap, and
    merges read whole segments): page cache the kernel can drop, unlike anonymous memory."""
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                stat = Path(f"/proc/{name}/stat").read_text()
            except OSError:
                continue
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(name))
    rss = anon = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    rss += int(line.split()[1]) * 1024
                elif line.startswith("RssAnon:"):
                    anon += int(line.split()[1]) * 1024
        except OSError:
            pass
    return rss, anon


def run_measured(command: list[str], log: Path) -> tuple[float, int, int, int]:
    """Run a command (output to ``log``): seconds, peak tree RSS, peak tree anonymous RSS,
    exit code."""
    with log.open("w") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=PROJECT, stdout=out, stderr=subprocess.STDOUT)
        peak = peak_anon = 0
        while process.poll() is None:
            rss, anon = _tree_memory(process.pid)
            peak, peak_anon = max(peak, rss), max(peak_anon, anon)
            time.sleep(0.1)
        return time.perf_counter() - start, peak, peak_anon, process.returncode


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def evict(folder: Path) -> None:
    """Drop the files of ``folder`` from the page cache (a cold start for the next reader)."""
    for path in folder.iterdir():
        if path.is_file():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def query_run(tree: Path, store: Path, count: int, sort: str) -> dict[str, Any]:
    """The query script of the code in ``tree`` over ``store``, in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-c", QUERY_SCRIPT, str(store), "12", str(count), sort, str(FIRST_SCREEN)],
        cwd=tree,
        env=dict(os.environ, PYTHONPATH=str(tree)),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _p95(result: dict[str, Any]) -> float:
    return percentile([x for kind in result["times"].values() for x in kind], 0.95)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=FULL_SIZE)
    parser.add_argument("--csv", type=Path, help="the corpus (default: made under /tmp)")
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--work", type=Path, default=WORK, help=f"scratch folder ({WORK})")
    parser.add_argument("--store", type=Path, help="query this existing store (read only)")
    parser.add_argument("--code-baseline", help="a git revision whose queries run too")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds")
    parser.add_argument("--evict", action="store_true", help="cold page cache per run")
    args = parser.parse_args()
    work: Path = args.work
    store = args.store or work / "store"
    if args.store:
        args.skip_import = True
        source = args.csv or Path("(an existing store)")
    else:
        source = args.csv or corpus(args.n)
    rows: list[tuple[str, str, str]] = []

    def record(what: str, value: str, target: str = "") -> None:
        rows.append((what, value, target))
        print(f"{what}: {value}", flush=True)

    if not args.skip_import:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        log = work / "import.json"
        command = [sys.executable, "-c", IMPORT_SCRIPT, str(store), str(source), "on"]
        seconds, peak, peak_anon, code = run_measured(command, log)
        if code != 0:
            print(f"the import failed (exit {code}): see {log}", file=sys.stderr)
            return 1
        result = json.loads(log.read_text().strip().splitlines()[-1])
        t = result["timings"]
        record("import with text index: wall time", f"{seconds:.1f} s", "<= 400 s in all")
        record("import: peak RSS, importer and workers", f"{peak / 1e6:.0f} MB", "<= 2000 MB")
        record("import: peak anonymous RSS (no mapped files)", f"{peak_anon / 1e6:.0f} MB")
        record("import: cables added", f"{result['added']:,}")
        total = result["elapsed"]
        for key, label in (
            ("text_add", "importer: handing cables to tantivy (parse body JSON, add_json)"),
            ("text_commit", "importer: waiting for tantivy commits"),
            ("text_open_close", "importer: opening / closing the text index"),
            ("segments", "importer: writing segments (catalog, bodies)"),
        ):
            record(f"  {label}", f"{t[key]:.1f} s ({t[key] / total:.0%} of the import)")
        rest = total - sum(t.values())
        record(
            "  importer: the rest (waiting for parsing workers, dedup, generation files)",
            f"{rest:.1f} s ({rest / total:.0%})",
        )
        record(
            "import: CPU time, importer process (tantivy's threads included) / workers",
            f"{result['cpu_main']:.0f} s / {result['cpu_workers']:.0f} s",
        )
        if not args.skip_baseline:
            base = work / "store-without-text"
            log = work / "import-off.json"
            command = [sys.executable, "-c", IMPORT_SCRIPT, str(base), str(source), "off"]
            base_seconds, base_peak, _anon, code = run_measured(command, log)
            if code != 0:
                print(f"the baseline import failed (exit {code}): see {log}", file=sys.stderr)
                return 1
            base_result = json.loads(log.read_text().strip().splitlines()[-1])
            record(
                "import without text index (same run): wall time, peak RSS",
                f"{base_seconds:.1f} s, {base_peak / 1e6:.0f} MB",
            )
            record(
                "import: CPU time without text index, importer / workers",
                f"{base_result['cpu_main']:.0f} s / {base_result['cpu_workers']:.0f} s",
            )
            record(
                "text index share of the import (wall time difference)",
                f"{seconds - base_seconds:.1f} s ({(seconds - base_seconds) / seconds:.0%})",
                "well under 150 s",
            )
            shutil.rmtree(base, ignore_errors=True)
    text_size = dir_size(store / "text")
    record("text index: size on disk", f"{text_size / 1e9:.2f} GB")
    record("store: size on disk, text index included", f"{dir_size(store) / 1e9:.2f} GB")
    with tempfile.TemporaryDirectory(prefix="cables-search-bench-") as tmp:
        trees = {"this tree": PROJECT}
        if args.code_baseline:
            baseline = export_tree(args.code_baseline, Path(tmp))
            trees = {f"baseline {args.code_baseline}": baseline, **trees}
        rounds = max(1, args.rounds if args.code_baseline else 1)
        for sort in ("relevance", "date"):
            best: dict[str, dict[str, Any]] = {}
            for _ in range(rounds):
                for name, tree in trees.items():
                    if args.evict:
                        evict(store / "text")
                    result = query_run(tree, store, args.queries, sort)
                    if name not in best or _p95(result) < _p95(best[name]):
                        best[name] = result
            for name, result in best.items():
                _record_queries(record, name if len(trees) > 1 else "", sort, result, args)

    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"\n## Full-text search (issue 12): {stamp}\n",
        f"Machine: {machine()}. Load average at the end: {os.getloadavg()[0]:.1f}. "
        f"Corpus: {source.name}; store {store}. "
        f"Command: `python benchmarks/bench_search.py {' '.join(sys.argv[1:])}`.\n",
        "| measure | result | target |",
        "| --- | --- | --- |",
        *(f"| {what} | {value} | {target} |" for what, value, target in rows),
    ]
    with RESULTS.open("a") as out:
        out.write("\n".join(lines) + "\n")
    return 0


def _record_queries(
    record: Any, name: str, sort: str, result: dict[str, Any], args: argparse.Namespace
) -> None:
    """Rows of one query run: open time, percentiles overall and per kind, empty queries."""
    label = f"{name}: " if name else ""
    every = [x for kind in result["times"].values() for x in kind]
    cold = ", cold page cache" if args.evict else ""
    if sort == "relevance":
        record(
            f"{label}text index: open (fresh process, imports included{cold})",
            f"{result['open'] * 1000:.0f} ms",
        )
        record(f"{label}text index: documents", f"{result['documents']:,}")
    record(
        f"{label}{len(every)} queries, {sort}, first {FIRST_SCREEN} hits with snippets{cold}",
        f"p50 {_ms(percentile(every, 0.5))}, p95 {_ms(percentile(every, 0.95))}, "
        f"max {_ms(max(every))}",
        "p95 <= 50 ms",
    )
    for kind, times in result["times"].items():
        record(
            f"{label}  {kind} ({len(times)})",
            f"p50 {_ms(percentile(times, 0.5))}, p95 {_ms(percentile(times, 0.95))}, "
            f"max {_ms(max(times))}",
        )
    hits = result["hits"]
    record(f"{label}  queries with no hit ({sort})", f"{sum(1 for h in hits if h == 0)}")


if __name__ == "__main__":
    sys.exit(main())
