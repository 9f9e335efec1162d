"""What the benchmarks share: where things are, the machine they ran on, the corpus."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
MAKE_CORPUS = PROJECT / "benchmarks" / "make_corpus.py"
RESULTS = PROJECT / "benchmarks" / "RESULTS.md"
FULL_SIZE = 251_287


def machine() -> str:
    """CPU model, core count and RAM of this machine, in one line."""
    model = platform.processor() or "unknown cpu"
    ram = "unknown RAM"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 2**20:.1f} GiB RAM"
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, {ram}, Python {platform.python_version()}"


def corpus(n: int) -> Path:
    """The synthetic csv of ``n`` cables in the temp folder (never the repo), made if absent."""
    path = Path(tempfile.gettempdir()) / f"cables-bench-{n}.csv"
    if not path.exists():
        print(f"making {path} ...", file=sys.stderr)
        partial = path.with_suffix(".csv.tmp")
        subprocess.run([sys.executable, str(MAKE_CORPUS), str(n), str(partial)], check=True)
        partial.rename(path)
    return path
