"""Throughput and peak memory of ``cables parse FILE.csv --json`` on the synthetic corpus.

usage: python benchmarks/bench_parse.py [N]      (N defaults to 251287, the real corpus size)
(``python benchmarks/run.py`` runs it too, before the store's measurements.)

Makes ``/tmp/cables-bench-N.csv`` with benchmarks/make_corpus.py if it is absent, runs
the parse as a subprocess with its output sent to /dev/null, and appends a dated section
(machine, cables per second, peak RSS) to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import subprocess
import sys
import time

from common import FULL_SIZE, PROJECT, RESULTS, corpus, machine


def main(n: int = FULL_SIZE) -> int:
    """Run the benchmark on ``n`` cables and append its result to RESULTS.md."""
    path = corpus(n)
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        done = subprocess.run(
            [sys.executable, "-m", "tui.cli", "parse", str(path), "--json"],
            cwd=PROJECT,
            stdout=sink,
            check=False,
        )
    seconds = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    rate = n / seconds
    size_mb = path.stat().st_size / 1e6
    section = (
        f"\n## cables parse (csv, --json) — {dt.datetime.now():%Y-%m-%d %H:%M}\n\n"
        f"- machine: {machine()}\n"
        f"- input: synthetic corpus, {n} cables, {size_mb:.0f} MB "
        f"(`make_corpus.py {n}`), one process\n"
        f"- time: {seconds:.1f} s, **{rate:,.0f} cables/s** "
        f"({1e6 / rate:.0f} µs per cable, csv read + parse + JSON out)\n"
        f"- peak RSS: **{peak_mib:.0f} MiB**\n"
        f"- exit code: {done.returncode}\n"
    )
    if not RESULTS.exists():
        RESULTS.write_text("# Benchmark results\n")
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write(section)
    print(section)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else FULL_SIZE))
