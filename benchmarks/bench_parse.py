"""Throughput and peak memory of ``cables parse FILE.csv --json`` on the synthetic corpus.

usage: python benchmarks/bench_parse.py [N]      (N defaults to 251287, the real corpus size)

Makes ``/tmp/cables-bench-N.csv`` with ../shared/bench/make_corpus.py if it is absent, runs
the parse as a subprocess with its output sent to /dev/null, and appends a dated section
(machine, cables per second, peak RSS) to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
MAKE_CORPUS = PROJECT.parent / "shared" / "bench" / "make_corpus.py"
RESULTS = PROJECT / "benchmarks" / "RESULTS.md"
FULL_SIZE = 251_287


def machine() -> str:
    """CPU model, core count and RAM of this machine, in one line."""
    model = platform.processor() or "unknown cpu"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown RAM"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 2**20:.1f} GiB RAM"
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, {ram}, Python {platform.python_version()}"


def corpus(n: int) -> Path:
    """The synthetic csv of ``n`` cables under /tmp, made if absent."""
    path = Path(f"/tmp/cables-bench-{n}.csv")
    if not path.exists():
        subprocess.run([sys.executable, str(MAKE_CORPUS), str(n), str(path)], check=True)
    return path


def main() -> int:
    """Run the benchmark and append its result to RESULTS.md."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else FULL_SIZE
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
    sys.exit(main())
