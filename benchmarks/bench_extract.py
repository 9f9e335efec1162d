#!/usr/bin/env python3
"""Measure the entity extractor alone: cables per second on one core, and its memory.

The machine may be shared: the line also gives the rate in CPU time and the load average.
The parsed cables are frozen out of the garbage collector's sight (``gc.freeze``) before the
timing, as they would not be held in an importer's worker.
The synthetic corpus is parsed first (``cables.sources.iter_cables``, entities and all, as
the importer does); then ``extract_entities`` runs again over every parsed cable, and only
that second pass is timed. Memory: resident set after loading the gazetteer and casing data,
and the peak during the run.

usage: python benchmarks/bench_extract.py [CSV] [--limit N] [--first-pass] [--installed]
                                         [--append]
    CSV defaults to a 20,000-cable synthetic corpus made in the temp folder

``--first-pass`` measures what an import pays: the cables are parsed without extraction,
extraction warms up on the first N, and the next N, which it has never seen, are timed
(re-extracting cables just parsed finds every name in the extractor's caches already,
and overstates the rate).
"""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import resource
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
# --installed: the installed package's extractor (compiled at install, see setup.py), not
# the checkout's source; the checkout still gives the benchmarks' own helpers.
if "--installed" in sys.argv:
    sys.path.append(str(PROJECT))
else:
    sys.path.insert(0, str(PROJECT))

from benchmarks.common import RESULTS, corpus, machine  # noqa: E402
from cables.entities import extract as extract_module  # noqa: E402
from cables.entities import extract_entities  # noqa: E402
from cables.formats import assemble  # noqa: E402
from cables.model import Cable, Paragraph  # noqa: E402
from cables.sources import iter_cables  # noqa: E402


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    """Parse, then time extraction alone; print and optionally append the result."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", default=None)
    parser.add_argument("--limit", type=int, default=20_000)
    parser.add_argument("--first-pass", action="store_true", help="time unseen cables only")
    parser.add_argument("--append", action="store_true")
    parser.add_argument(
        "--installed", action="store_true", help="the installed package, not the checkout"
    )
    args = parser.parse_args()
    path = Path(args.csv) if args.csv else corpus(20_000)
    rss_start = _rss_mb()
    warm = Paragraph(1, None, "Ambassador Smith (AS) visited PARIS, France.")
    extract_entities(Cable(id="00NOWHERE1", paragraphs=(warm,)))  # load the data files
    rss_loaded = _rss_mb()
    wanted = args.limit * 2 if args.first_pass else args.limit
    if args.first_pass:  # parsed without extraction: the timed pass is the first one
        assemble.extract_entities = lambda cable: cable.entities
    cables: list[Cable] = []
    for item in iter_cables([str(path)]):
        if isinstance(item, Cable):
            cables.append(item)
            if len(cables) >= wanted:
                break
    assemble.extract_entities = extract_entities
    if args.first_pass:
        warm_up, cables = cables[: len(cables) // 2], cables[len(cables) // 2 :]
        for cable in warm_up:
            extract_entities(cable)
        what = f"first pass over unseen cables, after a warm-up on {len(warm_up):,} others"
    else:
        extract_entities(cables[0])
        what = "extraction alone, after parsing"
    # The parsed corpus held here is not part of extraction: keep the garbage collector from
    # walking it again and again (in the importer, each worker's cables come and go).
    gc.collect()
    gc.freeze()
    chars = sum(len(p.text) for c in cables for p in c.paragraphs)
    mentions = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for cable in cables:
        entities = extract_entities(cable)
        mentions += len(entities.people) + len(entities.places) + len(entities.groups)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = len(cables) / elapsed
    line = (
        f"{len(cables):,} cables ({chars / 1e6:.1f} M characters) of {path.name}: "
        f"{elapsed:.2f} s wall, {rate:,.0f} cables/s on one core "
        f"({len(cables) / cpu:,.0f} cables/s of CPU time, {chars / cpu / 1e6:.1f} M chars/s); "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
        f"{mentions / len(cables):.1f} entities a cable; the extractor's data (gazetteer "
        f"automaton, casing dictionary) take {rss_loaded - rss_start:.0f} MB resident; "
        f"process peak {peak:.0f} MB with the parsed cables held"
    )
    built = "compiled by mypyc" if extract_module.__file__.endswith((".so", ".pyd")) else "Python"
    line += f"; the extractor {built} ({Path(extract_module.__file__).parent})"
    print(f"{what}: {line}")
    if args.append:
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
        with RESULTS.open("a") as out:
            out.write(
                f"\n## Entity extraction speed, {stamp}\n\n{machine()}\n\n"
                f"`python benchmarks/bench_extract.py` ({what}): {line}\n"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
