"""The entity index's benchmark (issue 9): import with entities, index load, ``find`` speed
and accuracy against the naive rapidfuzz baseline, memory; appended to RESULTS.md.

usage: python benchmarks/bench_find.py [--csv CABLES.CSV] [--store DIR]
                                       [--skip-import] [--queries 500] [--baseline 100]

1. ``import`` of the csv into a fresh store under /tmp, with entities: wall time, peak RSS
   of the process tree (importer and parsing workers). Until the extractor of issue 9 lands,
   entities come from a STAND-IN EXTRACTOR defined here only (capitalised word pairs are
   people, capitalised single words places, "Ministry of ... of X" groups; all-capitals
   cables give nothing), patched into the import's workers; its own time is included.
2. In a fresh process: ``CableStore.entity_index()`` load time and the RSS it adds; then 500
   queries of 1 to 12 characters drawn from the index's own names (prefixes, whole names,
   typos, transliteration variants): ``find`` p50/p95/max (limit 10), ``find`` plus the
   postings of every hit (what ``find --json`` does), whether the whole name is in the top
   3; and, on a subset of the same queries, the naive baseline, rapidfuzz
   ``process.extract(query, names, scorer=WRatio, limit=10)`` over every canonical name.
3. RSS of a process holding what the open browser holds (Textual imported, the catalog
   loaded) plus the loaded entity index.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import FULL_SIZE, PROJECT, RESULTS, corpus, machine
from run import run_measured

WORK = Path(tempfile.gettempdir()) / "cables-find-bench"

# -- the stand-in extractor (benchmark only) ------------------------------------------------

_ENTITY = re.compile(
    r"\b(?:(?P<group>(?:Ministry|Association|Party|Committee|Bureau|Council|Center|Union"
    r"|Front|Movement|Agency|Institute) (?:of|for) (?:[A-Z][a-z]+ ){1,2}of [A-Z][a-z]+)"
    r"|(?P<person>[A-Z][a-z]{2,} [A-Z][a-z]{2,})"
    r"|(?P<place>[A-Z][a-z]{3,}))\b"
)
_NOT_NAMES = {"Classified", "Ambassador", "Embassy", "Human", "Rights", "Internal", "Policy"}
_KINDS = {"group": "groups", "person": "people", "place": "places"}


def stand_in_entities(cable):  # type: ignore[no-untyped-def]
    """STAND-IN for issue 9's extractor, for this benchmark only: one regular expression
    over the synthetic corpus's shapes (a group phrase, else two capitalised words for a
    person, else one for a place), so that the index sees its ~300,000 distinct names."""
    from cables.model import Entities, Entity

    found: dict[str, dict[str, list[int]]] = {"people": {}, "places": {}, "groups": {}}
    for para in cable.paragraphs:
        number = para.number
        for match in _ENTITY.finditer(para.text):
            kind = match.lastgroup
            text = match.group(kind)
            if kind == "person" and not _NOT_NAMES.isdisjoint(text.split()):
                continue
            if kind == "place" and text in _NOT_NAMES:
                continue
            paragraphs = found[_KINDS[kind]].setdefault(text, [])
            if not paragraphs or paragraphs[-1] != number:
                paragraphs.append(number)

    def entities(kind: str) -> tuple:
        return tuple(Entity(name, (name,), tuple(paras)) for name, paras in found[kind].items())

    return Entities(entities("people"), entities("places"), entities("groups"))


def _stand_in_prepare(item):  # type: ignore[no-untyped-def]
    """The import's worker step with the stand-in extractor (module level: it is pickled)."""
    from dataclasses import replace

    from cables.errors import ParseError
    from cables.sources import parse_unit
    from store.records import make_record

    if isinstance(item, tuple):
        return item
    try:
        cable = parse_unit(item)
        cable = replace(cable, entities=stand_in_entities(cable))
        return make_record(cable, item.source)
    except ParseError as error:
        return (error.source, error.reason, error.location)


def _import_child(store: str, csv: str, with_entities: bool = True) -> None:
    """The import, with the stand-in extractor patched into the workers' preparation."""
    import resource

    import store.importer as importer
    from store.writer import StoreWriter

    if with_entities:
        importer._prepare = _stand_in_prepare  # the pool forks after this: its workers see it
    compaction: list[float] = []
    compact = StoreWriter.compact_entities

    def timed_compact(self: StoreWriter) -> bool:
        start = time.perf_counter()
        try:
            return compact(self)
        finally:
            compaction.append(time.perf_counter() - start)

    StoreWriter.compact_entities = timed_compact  # type: ignore[method-assign]
    report = importer.import_sources(Path(store), [csv])
    cpu = sum(
        getattr(resource.getrusage(who), field)
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        for field in ("ru_utime", "ru_stime")
    )
    print(
        json.dumps(
            {
                "elapsed": report.elapsed,
                "added": report.added,
                "cpu": cpu,
                "compaction": sum(compaction),
            }
        )
    )


def _rebuild_child(store: str) -> None:
    """Rebuild the entity index from every segment's entity file (a full compaction)."""
    from dataclasses import replace

    from store.writer import StoreWriter

    writer = StoreWriter(Path(store))
    writer.open()
    try:
        extra = dict(writer.manifest.extra)
        extra.pop("entities", None)  # as if no index existed: everything from the segments
        writer.manifest = replace(writer.manifest, extra=extra)
        start = time.perf_counter()
        writer.compact_entities()
        print(json.dumps({"rebuild": time.perf_counter() - start}))
    finally:
        writer.lock.release()


# -- queries ----------------------------------------------------------------------------------

QUERY_SCRIPT = r"""
import json, random, resource, sys, time
sys.path.insert(0, "benchmarks")
def rss():
    return int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) * 1024
from store.store import CableStore
from bench_find import make_queries, score_queries
store = CableStore.open(sys.argv[1])
before = rss()
t = time.perf_counter(); index = store.entity_index(); load = time.perf_counter() - t
after = rss()
queries = make_queries(index, int(sys.argv[2]), random.Random(7))
result = score_queries(index, queries, int(sys.argv[3]))
result.update(load_s=load, index_rss=after - before, rss=after, entities=len(index))
print(json.dumps(result))
"""

HOLD_SCRIPT = r"""
import json, sys, time
import textual.app  # what the browser holds besides the store
from store.store import CableStore
store = CableStore.open(sys.argv[1])
catalog = store.load_catalog()
def rss():
    return int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) * 1024
without = rss()
store.entity_index().find("narymbetov")
print(json.dumps({"rss_catalog": without, "rss_with_index": rss()}))
"""


def _typo(rng: random.Random, name: str) -> str:
    """A spelling error of the corpus generator's kind: a letter doubled or changed."""
    i = rng.randrange(1, len(name))
    if rng.random() < 0.5:
        return name[:i] + name[i - 1] + name[i:]
    return name[:i] + rng.choice("aeiouy") + name[i + 1 :]


def _transliterate(rng: random.Random, name: str) -> str:
    """Another transliteration of a name: kh/h, y/i, u/ou, -ov/-ev, w/v."""
    swaps = [("kh", "h"), ("h", "kh"), ("y", "i"), ("i", "y"), ("u", "ou"), ("ov", "ev")]
    rng.shuffle(swaps)
    lower = name.lower()
    for old, new in swaps:
        if old in lower[1:]:
            at = lower.index(old, 1)
            return name[:at] + new + name[at + len(old) :]
    return name + name[-1]


def make_queries(index, count: int, rng: random.Random) -> list[tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    """``count`` queries of 1 to 12 characters: (kind of query, query, target entity id)."""
    queries: list[tuple[str, str, int]] = []
    kinds = ["prefix", "whole", "typo", "variant"]
    while len(queries) < count:
        kind = kinds[len(queries) % 4]
        # An entity whose name has 4 to 12 characters, drawn uniformly (by rejection: not
        # every name of the index is read, which would touch all of its mapped pages).
        target = rng.randrange(len(index))
        name = index.entity(target).name
        if not 4 <= len(name) <= 12:
            continue
        if kind == "prefix":
            query = name[: rng.randint(1, min(12, len(name)))]
        elif kind == "whole":
            query = name
        elif kind == "typo":
            query = _typo(rng, name)
        else:
            query = _transliterate(rng, name)
        queries.append((kind, query[:12], target))
    return queries


def _percentiles(times: list[float]) -> dict[str, float]:
    times = sorted(times)
    return {
        "p50_ms": 1000 * statistics.median(times),
        "p95_ms": 1000 * times[int(0.95 * (len(times) - 1))],
        "max_ms": 1000 * times[-1],
    }


def score_queries(index, queries, baseline: int) -> dict:  # type: ignore[no-untyped-def]
    """Time and score the queries on the index, and a subset on the naive baseline."""
    from rapidfuzz import fuzz, process

    find_times, full_times, cpu_times = [], [], []
    top3: dict[str, list[bool]] = {}
    for kind, query, target in queries:
        start, cpu = time.perf_counter(), time.process_time()
        hits = index.find(query, limit=10)
        find_times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu)
        for hit in hits:
            index.postings(hit.entity.id)
        full_times.append(time.perf_counter() - start)
        names = [h.entity.name for h in hits[:3]]
        target_name = index.entity(target).name
        if kind == "prefix":
            ok = bool(hits) and all(
                any(f.lower().startswith(query.lower()) for f in h.entity.forms)
                or query.lower() in h.entity.name.lower()
                for h in hits[:1]
            )
        else:
            ok = target in [h.entity.id for h in hits[:3]] or target_name in names
        top3.setdefault(kind, []).append(ok)
    names = [index.entity(e).name for e in range(len(index))]
    base_times, base_ok = [], []
    subset = [q for q in queries if q[0] == "whole"][: baseline // 2] + [
        q for q in queries if q[0] != "whole"
    ][: baseline - baseline // 2]
    for kind, query, target in subset:
        start = time.perf_counter()
        found = process.extract(query, names, scorer=fuzz.WRatio, limit=10)
        base_times.append(time.perf_counter() - start)
        if kind == "whole":
            base_ok.append(target in [position for _, _, position in found[:3]])
    return {
        "queries": len(queries),
        "find": _percentiles(find_times),
        "find_cpu": _percentiles(cpu_times),
        "find_and_postings": _percentiles(full_times),
        "top3": {kind: sum(oks) / len(oks) for kind, oks in top3.items()},
        "baseline": _percentiles(base_times),
        "baseline_queries": len(subset),
        "baseline_whole_top3": sum(base_ok) / max(1, len(base_ok)),
    }


def _times(figures: dict[str, float]) -> str:
    return (
        f"p50 {figures['p50_ms']:.2f} ms, p95 {figures['p95_ms']:.2f} ms, "
        f"max {figures['max_ms']:.1f} ms"
    )


# -- the run ----------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", default=None, help="default: the synthetic full corpus")
    parser.add_argument("--store", default=str(WORK / "store"))
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--baseline", type=int, default=100)
    parser.add_argument("--skip-plain", action="store_true", help="no import without entities")
    parser.add_argument(
        "--rebuild-index", action="store_true", help="also time a rebuild of the index"
    )
    parser.add_argument("--import-child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--rebuild-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.csv is None and not args.skip_import:
        args.csv = str(corpus(FULL_SIZE))
    if args.rebuild_child:
        _rebuild_child(args.rebuild_child)
        return 0
    if args.import_child:
        store_dir, csv, entities = args.import_child
        _import_child(store_dir, csv, entities == "1")
        return 0
    rows: list[tuple[str, str, str]] = []
    store = Path(args.store)
    if not args.skip_import:
        variants = [("with entities (stand-in extractor)", store, "1")]
        if not args.skip_plain:
            variants.append(("without entities (baseline, same code)", WORK / "plain", "0"))
        for label, target, entities in variants:
            subprocess.run(["rm", "-rf", str(target)], check=True)
            target.parent.mkdir(parents=True, exist_ok=True)
            log = WORK.parent / f"cables-find-bench-import-{entities}.log"
            seconds, peak, code = run_measured(
                [
                    sys.executable,
                    "benchmarks/bench_find.py",
                    "--import-child",
                    str(target),
                    args.csv,
                    entities,
                ],
                log,
            )
            assert code == 0, f"the import failed: see {log}"
            child = json.loads(log.read_text().strip().splitlines()[-1])
            rows.append(
                (
                    f"import {label}: wall time",
                    f"{seconds:.1f} s",
                    "<= 300 s" if entities == "1" else "",
                )
            )
            rows.append(
                (
                    f"import {label}: CPU time of importer and workers",
                    f"{child['cpu']:.0f} s ({child['cpu'] / 2:.0f} s on 2 idle cores)",
                    "",
                )
            )
            rows.append(
                (
                    f"import {label}: peak RSS, importer and workers",
                    f"{peak / 1e6:.0f} MB",
                    "<= 2000 MB" if entities == "1" else "",
                )
            )
            if entities == "1":
                rows.append(
                    (
                        "of which the final compaction of the entity index",
                        f"{child['compaction']:.1f} s",
                        "",
                    )
                )
    if args.rebuild_index:
        log = WORK.parent / "cables-find-bench-rebuild.log"
        seconds, peak, code = run_measured(
            [sys.executable, "benchmarks/bench_find.py", "--rebuild-child", str(store)], log
        )
        assert code == 0, f"the rebuild failed: see {log}"
        rows.append(
            (
                "rebuild of the whole entity index from the segments' files",
                f"{seconds:.1f} s, peak RSS {peak / 1e6:.0f} MB",
                "",
            )
        )
    from store.entity_index import entity_files
    from store.layout import read_manifest

    files = entity_files(read_manifest(store))
    sizes = {name.split("-", 1)[1]: (store / name).stat().st_size for name in sorted(files.names())}
    rows.append(
        (
            "entity index on disk (index + postings)",
            f"{sizes.get('entities.json', 0) / 1e6:.0f} MB + "
            f"{sizes.get('postings.bin', 0) / 1e6:.0f} MB",
            "",
        )
    )
    result = json.loads(
        subprocess.run(
            [sys.executable, "-c", QUERY_SCRIPT, str(store), str(args.queries), str(args.baseline)],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()[-1]
    )
    find, full, base = result["find"], result["find_and_postings"], result["baseline"]
    rows += [
        ("entities in the index", f"{result['entities']:,}", "~300,000"),
        ("entity index load (fresh process)", f"{result['load_s']:.2f} s", ""),
        ("RSS added by the loaded index", f"{result['index_rss'] / 1e6:.0f} MB", ""),
        (
            f"find, {result['queries']} queries of 1-12 characters",
            _times(find),
            "p95 <= 10 ms",
        ),
        (
            "find, CPU time of the same queries (what a busy machine does not inflate)",
            _times(result["find_cpu"]) if "find_cpu" in result else "not measured",
            "",
        ),
        (
            "find + postings of every hit (as find --json)",
            _times(full),
            "",
        ),
    ]
    for kind, share in result["top3"].items():
        what = "top hit a prefix match" if kind == "prefix" else "the name in the top 3"
        rows.append(
            (
                f"accuracy, {kind} queries: {what}",
                f"{100 * share:.1f} %",
                ">= 95 %" if kind == "whole" else "",
            )
        )
    rows += [
        (
            "baseline: process.extract WRatio over all names, "
            f"{result['baseline_queries']} queries",
            f"p50 {base['p50_ms']:.0f} ms, p95 {base['p95_ms']:.0f} ms",
            "",
        ),
        ("baseline: whole name in the top 3", f"{100 * result['baseline_whole_top3']:.1f} %", ""),
    ]
    held = json.loads(
        subprocess.run(
            [sys.executable, "-c", HOLD_SCRIPT, str(store)],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()[-1]
    )
    rows += [
        (
            "RSS: Textual + store + catalog (what the browser holds)",
            f"{held['rss_catalog'] / 1e6:.0f} MB",
            "",
        ),
        (
            "RSS: the same with the entity index loaded",
            f"{held['rss_with_index'] / 1e6:.0f} MB",
            "<= 400 MB",
        ),
    ]
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M")
    lines = [
        f"\n## Entity index and find (issue 9): {now} UTC\n",
        f"Machine: {machine()}. Corpus: {args.csv or 'not imported, store ' + str(store)}. "
        f"Command: `python benchmarks/bench_find.py`."
        " Entities from the benchmark's stand-in extractor (regular expressions), not issue"
        " 9's extractor. The machine was shared with other jobs: timings are noisy.\n",
        "| measure | result | target |",
        "| --- | --- | --- |",
        *[f"| {a} | {b} | {c} |" for a, b, c in rows],
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
