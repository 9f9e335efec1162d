"""Throughput and peak memory of ``cables parse FILE.csv --json`` on a synthetic corpus.

usage: python benchmarks/bench_parse.py [N | CSV] [--baseline REV] [--rounds R] [--parser-only]

N (default 251287, the real corpus size) makes ``/tmp/cables-bench-N.csv`` with
benchmarks/make_corpus.py if it is absent; a CSV path (such as /work/bench/c20k.csv) is
used as it is. ``--baseline REV`` also runs the parser of that git revision (exported to a
temporary folder) on the same file, alternating with this tree for R rounds (default 2), so
that "before" and "after" are measured in the same run on the same machine load; the best
round of each counts. Each run is a subprocess with its output sent to /dev/null. A dated
section (machine, cables per second, peak RSS) is appended to benchmarks/RESULTS.md.
``--parser-only`` also times each tree with entity extraction switched off (the parser
itself: csv, header, body, references; the ``>= 3,000 cables/s`` of issue 11), since the
entity extractor runs in the same call and is measured on its own by bench_extract.py.
(``python benchmarks/run.py`` runs it too, before the store's measurements.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from common import FULL_SIZE, PROJECT, RESULTS, corpus, machine


def export_tree(revision: str, into: Path) -> Path:
    """The tree of ``revision`` written into ``into`` (git archive), for the baseline."""
    archive = into / "tree.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "archive", revision], cwd=PROJECT, stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "tree", filter="data")
    return into / "tree"


Run = tuple[float, float, int, int, float]


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


#: ``cables parse`` with entity extraction replaced by a no-op (the parser alone).
PARSER_ONLY = (
    "import sys, cables.formats.assemble as a; a.extract_entities = lambda cable: cable.entities;"
    "from tui.cli import main; sys.exit(main(sys.argv[1:]))"
)


def _run(tree: Path, path: Path, parser_only: bool = False) -> Run:
    """(seconds, peak MiB, exit code, cables, CPU seconds) of one ``cables parse PATH
    --json`` with the code of ``tree`` (``parser_only``: no entity extraction); the cables
    are the JSON lines printed, counted as they stream by. CPU time tells more than wall
    time on a machine shared with others."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    cpu = _cpu()
    start = time.perf_counter()
    lines = 0
    command = ["-c", PARSER_ONLY] if parser_only else ["-m", "tui.cli"]
    with subprocess.Popen(
        [sys.executable, *command, "parse", str(path), "--json"],
        cwd=tree,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    ) as child:
        assert child.stdout is not None
        while chunk := child.stdout.read(1 << 20):
            lines += chunk.count(b"\n")
        code = child.wait()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak, code, lines, _cpu() - cpu


def main(argv: list[str] | int | None = None) -> int:
    """Run the benchmark and append its result to RESULTS.md (``main(n)`` as run.py calls
    it is ``bench_parse.py n``)."""
    if isinstance(argv, int):
        argv = [str(argv)]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(FULL_SIZE), help="N or a csv path")
    parser.add_argument("--baseline", help="a git revision to measure in the same run")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds")
    parser.add_argument(
        "--parser-only", action="store_true", help="also time the parser without entities"
    )
    args = parser.parse_args(argv)
    if args.corpus.isdigit():
        n: int | None = int(args.corpus)
        path = corpus(n)
        label = f"synthetic corpus, {n} cables (`make_corpus.py {n}`)"
    else:
        n = None
        path = Path(args.corpus)
        label = f"`{path}`"
    size_mb = path.stat().st_size / 1e6
    rounds = max(1, args.rounds if args.baseline else 1)
    with tempfile.TemporaryDirectory(prefix="cables-bench-") as tmp:
        trees = {"this tree": PROJECT}
        if args.baseline:
            trees = {f"baseline {args.baseline}": export_tree(args.baseline, Path(tmp)), **trees}
        runs_of = {name: (tree, False) for name, tree in trees.items()}
        if args.parser_only:
            runs_of.update(
                {f"{name}, parser only (no entities)": (tree, True) for name, tree in trees.items()}
            )
        results: dict[str, list[Run]] = {name: [] for name in runs_of}
        for _ in range(rounds):
            for name, (tree, parser_only) in runs_of.items():
                results[name].append(_run(tree, path, parser_only))
    cables = max(run[3] for runs in results.values() for run in runs)
    lines = [
        f"\n## cables parse (csv, --json) — {dt.datetime.now():%Y-%m-%d %H:%M}\n",
        f"- machine: {machine()}",
        f"- load average at the end: {os.getloadavg()[0]:.1f} (other work on the machine)",
        f"- input: {label}, {cables} cables, {size_mb:.0f} MB, one process per run",
    ]
    code = 0
    for name, runs in results.items():
        seconds = min(run[0] for run in runs)
        peak = max(run[1] for run in runs)  # of all children so far: an upper bound
        code = max(code, *(run[2] for run in runs))
        cpu = min(run[4] for run in runs)
        rate = cables / seconds
        lines.append(
            f"- {name}: best of {len(runs)}: {seconds:.1f} s, **{rate:,.0f} cables/s** "
            f"({1e6 / rate:.0f} µs per cable, csv read + parse + JSON out); "
            f"CPU {cpu:.1f} s, {cables / cpu:,.0f} cables per CPU second; "
            f"peak RSS {peak:.0f} MiB"
        )
    lines.append(f"- exit code: {code}")
    section = "\n".join(lines) + "\n"
    if not RESULTS.exists():
        RESULTS.write_text("# Benchmark results\n")
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write(section)
    print(section)
    return code


if __name__ == "__main__":
    sys.exit(main())
