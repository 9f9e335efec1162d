"""Copy a store with its entity index's search keys rebuilt in today's format, without
re-importing it (a full import takes twelve minutes; this, a minute or two).

usage: python benchmarks/rebuild_search_keys.py SOURCE_STORE COPY_DIR

Every file of SOURCE_STORE is hard-linked into COPY_DIR (nothing of SOURCE_STORE is ever
written), except the entity index's two generation files: its postings file is copied
up to its sections, then its columns are written again with the search keys that
:func:`store.entity_search.build_search_keys` makes now, and the index document points at
them. For benchmarks of the lookup on a store imported before the format changed; a store
imported (or compacted by a later import) with this version needs none of it.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

from common import PROJECT

sys.path.insert(0, str(PROJECT))

import orjson

from store.entity_index import (
    INDEX_TABLE,
    SEARCH_SECTIONS,
    PostingsReader,
    entity_files,
    read_sections,
    write_sections,
)
from store.entity_search import build_search_keys
from store.layout import read_manifest

COPY_CHUNK = 1 << 24


def _link_tree(source: Path, copy: Path) -> None:
    for folder, _dirs, files in os.walk(source):
        target = copy / Path(folder).relative_to(source)
        target.mkdir(parents=True, exist_ok=True)
        for name in files:
            if name == "lock":  # a lock of its own
                (target / name).touch()
            else:
                os.link(Path(folder) / name, target / name)


def rebuild(source: Path, copy: Path) -> dict[str, float]:
    """Make ``copy`` (must not exist) from ``source`` with the search keys rebuilt."""
    if copy.exists():
        raise SystemExit(f"{copy}: exists already; give a new folder")
    started = time.perf_counter()
    _link_tree(source, copy)
    manifest = read_manifest(copy)
    files = entity_files(manifest)
    if not files.index or not files.postings:
        raise SystemExit(f"{source}: no compacted entity index")
    document = orjson.loads((source / files.index).read_bytes())
    columns = document[INDEX_TABLE]["1"]
    places = columns["sections"]
    end = min(place[0] for place in places.values())
    with open(source / files.postings, "rb") as postings:
        reader = PostingsReader(postings)
        kept = {
            name: value
            for name, value in read_sections(places, reader).items()
            if name not in SEARCH_SECTIONS and not name.endswith("_lines")
        }
        built = time.perf_counter()
        kept.update(build_search_keys(kept["folded"], list(kept["counts"])))
        built = time.perf_counter() - built
        for name in (files.index, files.postings):
            (copy / name).unlink()  # the links: the source's files stay as they are
        with open(copy / files.postings, "wb") as out:
            postings.seek(0)
            left = end
            while left:
                chunk = postings.read(min(COPY_CHUNK, left))
                out.write(chunk)
                left -= len(chunk)
            columns = dict(columns, sections=write_sections(out, end, kept))
    document[INDEX_TABLE]["1"] = columns
    (copy / files.index).write_bytes(orjson.dumps(document))
    return {"seconds": time.perf_counter() - started, "build_search_keys": built}


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.splitlines()[2].strip(), file=sys.stderr)
        return 2
    source, copy = Path(sys.argv[1]), Path(sys.argv[2])
    try:
        result = rebuild(source, copy)
    except BaseException:
        shutil.rmtree(copy, ignore_errors=True)
        raise
    print(
        f"{copy}: search keys rebuilt in {result['build_search_keys']:.1f} s "
        f"({result['seconds']:.1f} s in all)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
