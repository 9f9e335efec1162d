"""What the import's workers prepare for the writer, the text index's own process, and the
stage timings the import benchmark reads (store/records.py, store/text_process.py,
store/stages.py)."""

from __future__ import annotations

import gc
import json
import multiprocessing
from pathlib import Path

import pytest

from store import entity_index
from store.importer import import_sources
from store.layout import INDEX_TABLE, read_manifest
from store.records import Record, make_record
from store.stages import STAGE_NAMES, STAGES_VAR
from store.storage import open_db
from store.store import CableStore
from store.writer import StoreWriter, prepared
from tests.store_support import build_store, make_cable


def test_a_record_made_outside_the_workers_gets_what_the_workers_would_have_made() -> None:
    made = make_record(make_cable(4, text="São Paulo and Astana"))
    bare = Record(made.id, made.digest, made.catalog, made.body, made.source)
    again = prepared(bare)
    assert again.text == made.text and again.text is not None
    assert again.mentions_row == made.mentions_row
    assert again.mentions == made.mentions
    assert made.mentions and b'[["Rayhan Khobdabergenova"],' in made.mentions[0][1]


def _hits(directory: Path, query: str) -> list[str]:
    hits = CableStore.open(directory).text().search(query, limit=100).hits()
    return sorted(hit.id for hit in hits)


def test_the_text_index_written_by_its_own_process_searches_as_one_written_in_process(
    tmp_path: Path,
) -> None:
    cables = [make_cable(n, text=f"word{n % 3} shared") for n in range(30)]
    inside = build_store(tmp_path / "inside", cables, segment_size=5, commit_size=10)
    apart = build_store(
        tmp_path / "apart", cables, segment_size=5, commit_size=10, text_process=True
    )
    for query in ("shared", "word1", "person:khobdabergenova", "word2 -word1"):
        assert _hits(apart, query) == _hits(inside, query)
    assert _hits(apart, "shared") == sorted(c.id for c in cables)
    assert read_manifest(apart).extra["text_index"]["rows"] == 30
    assert not multiprocessing.active_children()  # the text index's process has ended


def test_a_writer_whose_text_process_is_open_adds_after_a_reopen(tmp_path: Path) -> None:
    directory = build_store(tmp_path / "s", [make_cable(n) for n in range(3)], text_process=True)
    with StoreWriter(directory, text_process=True) as writer:
        writer.add(make_record(make_cable(3, text="later words")))
    assert _hits(directory, "later") == ["08TEST3"]
    assert CableStore.open(directory).text().documents == 4


def _index_docs(directory: Path) -> list[dict[str, object]]:
    manifest = read_manifest(directory)
    db = open_db(directory / str(manifest.index))
    try:
        return [dict(doc) for doc in db.table(INDEX_TABLE)]
    finally:
        db.close()


def test_the_entity_index_aggregated_while_importing_equals_one_rebuilt_from_segments(
    tmp_path: Path,
) -> None:
    cables = [make_cable(n) for n in range(12)]
    directory = build_store(tmp_path / "s", cables, segment_size=4)
    manifest = read_manifest(directory)
    files = entity_index.entity_files(manifest)
    # A compaction reading every segment back (no aggregate from a writer) as a later
    # generation: the same bytes.
    stale = type(manifest)(**{**manifest.__dict__, "extra": {}})
    rebuilt = entity_index.compact(
        directory, stale, _index_docs(directory), manifest.generation + 1
    )
    assert rebuilt is not None and files.postings and files.index and rebuilt.postings
    assert (directory / rebuilt.postings).read_bytes() == (directory / files.postings).read_bytes()
    assert json.loads((directory / str(rebuilt.index)).read_bytes()) == json.loads(
        (directory / files.index).read_bytes()
    )


def test_an_import_writes_its_stage_times_where_the_environment_says(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "stages.json"
    monkeypatch.setenv(STAGES_VAR, str(target))
    import_sources(tmp_path / "store", [str(corpus / "old-format")], workers=0)
    stages = json.loads(target.read_bytes())
    assert set(STAGE_NAMES) <= set(stages["wall"]) and set(STAGE_NAMES) <= set(stages["cpu"])
    assert all(value >= 0 for value in stages["wall"].values())
    assert stages["wall"]["commit"] > 0 and stages["wall"]["compaction"] > 0


def test_a_writer_keeps_the_collector_off_what_it_committed_and_gives_it_back_at_the_end(
    tmp_path: Path,
) -> None:
    assert gc.get_freeze_count() == 0
    with StoreWriter(tmp_path / "s", segment_size=2, commit_interval=0) as writer:
        for n in range(4):
            writer.add(make_record(make_cable(n)))  # a commit every full segment of 2
        assert writer.manifest.count == 4
        assert gc.get_freeze_count() > 0  # the heap so far is out of the collector's way
    assert gc.get_freeze_count() == 0  # the writer's end thaws it: garbage is collected again
