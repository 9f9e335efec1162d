"""The entity index across cables: variants fold together, namesakes stay apart, it is
built incrementally, survives round trips, and readers keep their snapshot."""

from __future__ import annotations

import io
import itertools
import multiprocessing
import os
from pathlib import Path
from typing import Any

import pytest

from cables.jsonform import cable_to_json
from store import buckets_job, entity_index, search_keys_job
from store.entity_index import entity_files
from store.layout import read_manifest
from store.records import make_record
from store.store import CableStore
from store.writer import StoreWriter
from tests.entity_support import entity_cable, index_view, write_cables

RAYHAN = ("Rayhan Khobdabergenova", ("Khobdabergenova", "Hobdabergenova"), (6, 9))
RAYKHAN = ("Raykhan Hobdabergenowa", ("Hobdabergenowa",), (2,))
BAHADYR = ("Bahadyr Narymbetov", ("Narymbetov",), (3,))
ERLAN = ("Erlan Narymbetov", (), (4,))


def _cables() -> list:
    return [
        entity_cable(1, people=(RAYHAN, BAHADYR), places=(("Astana", (), (1,)),)),
        entity_cable(2, people=(RAYKHAN, ERLAN), groups=(("Hizb ut-Tahrir", ("HT",), (5,)),)),
        entity_cable(3, people=(BAHADYR,), places=(("Astana", ("ASTANA",), (2, 3)),)),
        entity_cable(4, people=(("Narymbetov", (), (7,)),)),
        entity_cable(5, people=(ERLAN,), places=(("Almaty", (), (1,)),)),
    ]


def test_spelling_variants_of_one_person_in_different_cables_are_one_entity(
    tmp_path: Path,
) -> None:
    write_cables(tmp_path, _cables())
    index = CableStore.open(tmp_path).entity_index()
    hits = index.find("khobdabergenova", kind="person")
    assert [h.entity.count for h in hits] == [2]
    entity = hits[0].entity
    assert entity.name in {"Rayhan Khobdabergenova", "Raykhan Hobdabergenowa"}
    assert {"Rayhan Khobdabergenova", "Raykhan Hobdabergenowa", "Hobdabergenova"} <= set(
        entity.forms
    )
    assert [p.cable_id for p in index.postings(entity.id)] == ["08TEST2", "08TEST1"]
    assert index.postings(entity.id)[1].paragraphs == (6, 9)


def test_two_people_who_share_only_a_surname_stay_apart_and_a_bare_surname_has_its_own_entry(
    tmp_path: Path,
) -> None:
    write_cables(tmp_path, _cables())
    index = CableStore.open(tmp_path).entity_index()
    hits = index.find("narymbetov", kind="person")
    names = [h.entity.name for h in hits]
    assert sorted(names) == ["Bahadyr Narymbetov", "Erlan Narymbetov", "Narymbetov"]
    # "Narymbetov" is a form of Bahadyr's too: both exact, the one in more cables first
    assert names == ["Bahadyr Narymbetov", "Narymbetov", "Erlan Narymbetov"]
    assert [h.score for h in hits][:2] == [100.0, 100.0]
    counts = {h.entity.name: h.entity.count for h in hits}
    assert counts == {"Bahadyr Narymbetov": 2, "Erlan Narymbetov": 2, "Narymbetov": 1}


def test_postings_are_newest_first_and_carry_the_paragraphs(tmp_path: Path) -> None:
    cables = [
        entity_cable(1, places=(("Astana", (), (1,)),), created="2005-01-01 10:00"),
        entity_cable(2, places=(("Astana", (), (2, 4)),), created="2009-01-01 10:00"),
        entity_cable(3, places=(("Astana", (), (3,)),), created="2007-01-01 10:00"),
    ]
    write_cables(tmp_path, cables)
    index = CableStore.open(tmp_path).entity_index()
    (hit,) = index.find("astana")
    postings = index.postings(hit.entity.id)
    assert [(p.cable_id, p.paragraphs) for p in postings] == [
        ("08TEST2", (2, 4)),
        ("08TEST3", (3,)),
        ("08TEST1", (1,)),
    ]


def test_importing_a_then_b_gives_the_index_of_importing_a_and_b_together(
    tmp_path: Path,
) -> None:
    cables = _cables()
    write_cables(tmp_path / "both", cables)
    write_cables(tmp_path / "steps", cables[:2])
    write_cables(tmp_path / "steps", cables[2:], segment_size=3)
    assert index_view(tmp_path / "steps") == index_view(tmp_path / "both")


def test_postings_spilled_to_files_give_the_same_index_and_leave_no_file_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cables = _cables()
    write_cables(tmp_path / "memory", cables)
    monkeypatch.setattr(entity_index, "SPILL_BUFFER", 1)  # every posting goes to a file
    write_cables(tmp_path / "spilled", cables[:3])
    write_cables(tmp_path / "spilled", cables[3:])
    assert index_view(tmp_path / "spilled") == index_view(tmp_path / "memory")
    names = sorted(p.name for p in (tmp_path / "spilled" / "generations").iterdir())
    assert [name.split("-", 1)[1] for name in names] == [
        "catalog.bin",
        "first-page.json",
        "index.json",
        "refs.json",
        "entities.json",
        "postings.bin",
    ]


def test_a_re_import_that_changes_no_cable_changes_nothing(tmp_path: Path) -> None:
    cables = _cables()
    write_cables(tmp_path, cables)
    before = read_manifest(tmp_path)
    files = sorted(os.listdir(tmp_path / "generations"))
    write_cables(tmp_path, cables)
    assert read_manifest(tmp_path) == before
    assert sorted(os.listdir(tmp_path / "generations")) == files


def test_a_replaced_cable_takes_its_old_mentions_out_of_the_index(tmp_path: Path) -> None:
    write_cables(tmp_path, _cables())
    changed = entity_cable(1, people=(("Rayhan Khobdabergenova", (), (1,)),))
    write_cables(tmp_path, [changed])
    index = CableStore.open(tmp_path).entity_index()
    bahadyr = index.find("Bahadyr Narymbetov")[0].entity
    assert bahadyr.name == "Bahadyr Narymbetov"
    assert [p.cable_id for p in index.postings(bahadyr.id)] == ["08TEST3"]
    assert index.find("astana")[0].entity.count == 1


def test_the_compacted_index_is_named_by_the_manifest_and_covers_every_segment(
    tmp_path: Path,
) -> None:
    write_cables(tmp_path, _cables())
    manifest = read_manifest(tmp_path)
    files = entity_files(manifest)
    assert files.upto == manifest.segments == 3
    assert all((tmp_path / name).is_file() for name in files.names())


def test_a_reader_merges_segments_that_an_interrupted_import_left_uncompacted(
    tmp_path: Path,
) -> None:
    cables = _cables()
    write_cables(tmp_path / "whole", cables)
    write_cables(tmp_path / "cut", cables[:2])
    writer = StoreWriter(tmp_path / "cut", segment_size=2)
    writer.open()
    for cable in cables[2:]:
        writer.add(make_record(cable))
    writer.commit()  # committed, never compacted: as if killed before the end of the import
    writer.text.close()  # what a killed process lets go of: its full-text writer and its lock
    writer.lock.release()
    assert entity_files(read_manifest(tmp_path / "cut")).upto == 1
    assert index_view(tmp_path / "cut") == index_view(tmp_path / "whole")
    extra = entity_cable(9, people=(RAYHAN,))
    write_cables(tmp_path / "cut", [extra])  # the next import compacts, its own cable too
    write_cables(tmp_path / "whole", [extra])
    assert entity_files(read_manifest(tmp_path / "cut")).upto == 4
    assert index_view(tmp_path / "cut") == index_view(tmp_path / "whole")


def test_a_reader_keeps_its_snapshot_while_an_import_compacts_a_new_index(
    tmp_path: Path,
) -> None:
    cables = _cables()
    write_cables(tmp_path, cables[:2])
    old = CableStore.open(tmp_path)
    write_cables(tmp_path, cables[2:])
    assert not old.is_current()
    assert [h.entity.count for h in old.entity_index().find("astana")] == [1]
    fresh = CableStore.open(tmp_path).entity_index()
    assert [h.entity.count for h in fresh.find("astana")] == [2]


def test_a_store_without_entities_has_an_empty_index(tmp_path: Path) -> None:
    write_cables(tmp_path, [entity_cable(1), entity_cable(2)])
    index = CableStore.open(tmp_path).entity_index()
    assert len(index) == 0
    assert index.find("anything") == []


def _postings_bytes(directory: Path) -> bytes:
    (postings,) = (directory / "generations").glob("*-postings.bin")
    return postings.read_bytes()


@pytest.mark.parametrize("child_fails", [False, True], ids=["child", "child-fails"])
def test_search_keys_built_in_a_child_process_give_the_same_index_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, child_fails: bool
) -> None:
    """A large compaction builds the search keys in a child after it writes the postings;
    the file is the same byte for byte as one built in-process, also when the child fails
    (here: it cannot create its file), and no temporary file is left behind."""
    cables = _cables()
    write_cables(tmp_path / "here", cables)
    monkeypatch.setattr(search_keys_job, "CHILD_FROM", 1)
    if child_fails:
        monkeypatch.setattr(search_keys_job, "TMP_SUFFIX", "/missing/keys.tmp")
    started = []
    real_start = search_keys_job.SearchKeysJob._start

    def start(job: search_keys_job.SearchKeysJob) -> None:
        real_start(job)
        started.append(job.in_child)

    built_here = []
    real_section = search_keys_job._entity_keys_section

    def section(*args: Any) -> Any:
        built_here.append(True)
        return real_section(*args)

    monkeypatch.setattr(search_keys_job.SearchKeysJob, "_start", start)
    monkeypatch.setattr(search_keys_job, "_entity_keys_section", section)
    write_cables(tmp_path / "child", cables)
    assert started == [True]
    assert built_here == ([True] if child_fails else [])
    assert _postings_bytes(tmp_path / "child") == _postings_bytes(tmp_path / "here")
    assert index_view(tmp_path / "child") == index_view(tmp_path / "here")
    assert not list((tmp_path / "child" / "generations").glob("*.tmp"))


class _FullDisk(io.BytesIO):
    """A file on a full disk: every write fails."""

    def write(self, data: Any) -> int:
        raise OSError(28, "No space left on device")


def _many_cables(first: int, count: int) -> list:
    """Cables naming many people (two each, one shared with the next cable), so that every
    bucket holds entities."""
    syllables = ["ka", "lu", "mer", "do", "vi", "san", "tor", "bek"]
    names = [
        f"{a.title()}{b} {c.title()}{d}ov" for a, b, c, d in itertools.product(syllables, repeat=4)
    ]
    return [
        entity_cable(
            number,
            people=((names[number], (), (1,)), (names[number + 1], (), (2, 3))),
            groups=((f"Party of {names[number].split()[0]}", (), (4,)),),
        )
        for number in range(first, first + count)
    ]


@pytest.mark.parametrize("child_fails", [False, True], ids=["child", "child-fails"])
def test_half_the_buckets_built_in_a_child_give_the_same_index_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, child_fails: bool
) -> None:
    """A large compaction hands the second half of the buckets to a child process; the
    files are the same byte for byte as one process writes, on a first import and on one
    that merges a previous index, also when the child fails (here: it cannot create its
    file, and the importer builds its buckets from the spill files the child read); no
    temporary or spill file is left behind."""
    first, second = _many_cables(1, 120), _many_cables(121, 80)
    expected = []
    for cables in (first, second):
        write_cables(tmp_path / "here", cables)
        expected.append((_postings_bytes(tmp_path / "here"), index_view(tmp_path / "here")))
    monkeypatch.setattr(buckets_job, "CHILD_FROM", 1)
    if child_fails:
        monkeypatch.setattr(buckets_job, "TMP_SUFFIX", "/missing/buckets.tmp")
    joined: list[bool] = []
    real_join = buckets_job.BucketsJob.join

    def join(job: buckets_job.BucketsJob, out: Any) -> Any:
        run = real_join(job, out)
        joined.append(run is not None and len(run.keys) > 0)
        return run

    monkeypatch.setattr(buckets_job.BucketsJob, "join", join)
    for cables, (postings, view) in zip((first, second), expected, strict=True):
        write_cables(tmp_path / "child", cables)
        assert _postings_bytes(tmp_path / "child") == postings
        assert index_view(tmp_path / "child") == view
        assert not list((tmp_path / "child" / "generations").glob("*.tmp"))
    assert joined == [not child_fails] * 2


def test_the_index_is_built_a_bucket_at_a_time_and_the_keys_child_starts_after_the_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While cables come in, no entity is held in memory (their mentions are set aside);
    the index is then built one bucket's entities at a time, each bucket let go before the
    next; and the keys' child, large too, starts only once every postings list is written,
    so its memory never adds to the entities'."""
    builder = entity_index.IndexBuilder(None)
    consonants = "bdfgklmnprst"
    for number, (first, second) in enumerate(itertools.product(consonants, repeat=2)):
        person = {"name": f"Ma{first}e{second}ar Lunov", "forms": ["Lunov"], "paragraphs": [1]}
        entities = {"people": [person], "places": [], "groups": []}
        builder.add_mentions(entity_index.cable_mentions(f"08TEST{number}", None, entities))
    assert builder.mentions == len(consonants) ** 2
    assert not any(hasattr(builder, name) for name in ("entries", "tallies"))
    monkeypatch.setattr(search_keys_job, "CHILD_FROM", 1)
    held: list[dict[bytes, Any]] = []
    sizes: list[int] = []
    real_bucket = entity_index.IndexBuilder._bucket

    def bucket(self: entity_index.IndexBuilder, number: int) -> dict[bytes, Any]:
        assert all(not entries for entries in held), "a bucket was still held"
        held.append(real_bucket(self, number))
        sizes.append(len(held[-1]))
        return held[-1]

    seen: list[tuple[int, int]] = []
    real_start = search_keys_job.SearchKeysJob._start
    out = io.BytesIO()

    def start(job: search_keys_job.SearchKeysJob) -> None:
        seen.append((len(held), out.tell()))
        real_start(job)

    monkeypatch.setattr(entity_index.IndexBuilder, "_bucket", bucket)
    monkeypatch.setattr(search_keys_job.SearchKeysJob, "_start", start)
    columns = builder.write(out, 1, temp_folder=tmp_path)
    assert len(held) == entity_index.SPILL_BUCKETS
    ((buckets_built, written),) = seen
    assert buckets_built == entity_index.SPILL_BUCKETS
    assert written > 0
    entities = columns["sections"]["counts"][3]
    assert sum(sizes) == entities
    assert max(sizes) < entities / 4  # one bucket's share, never the whole index


def test_a_compaction_that_fails_starts_no_keys_child_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk while the postings are written: the error goes on, no child building
    the search keys is left behind, nor any temporary file."""
    write_cables(tmp_path / "store", _cables())
    builder = entity_index.IndexBuilder(None)
    builder.add_cables(entity_index.read_segment_cables(tmp_path / "store", 1), lambda _: True)
    monkeypatch.setattr(search_keys_job, "CHILD_FROM", 1)

    folder = tmp_path / "keys"
    folder.mkdir()
    with pytest.raises(OSError, match="No space left"):
        builder.write(_FullDisk(), 1, temp_folder=folder)
    assert list(folder.iterdir()) == []


def test_a_compaction_that_fails_beside_its_bucket_child_leaves_no_child_nor_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk while the importer writes its half of the buckets: the error goes on,
    the child building the other half is let go, and its file removed."""
    builder = entity_index.IndexBuilder(tmp_path)
    for cable in _many_cables(1, 40):
        body = cable_to_json(cable)
        builder.add_mentions(entity_index.cable_mentions(body["id"], None, body["entities"]))
    monkeypatch.setattr(buckets_job, "CHILD_FROM", 1)
    started: list[bool] = []
    real_start = buckets_job.BucketsJob.start.__func__  # type: ignore[attr-defined]

    def start(cls: type, *args: Any) -> Any:
        job = real_start(cls, *args)
        started.append(job is not None and bool(multiprocessing.active_children()))
        return job

    monkeypatch.setattr(buckets_job.BucketsJob, "start", classmethod(start))

    with pytest.raises(OSError, match="No space left"):
        builder.write(_FullDisk(), 1, temp_folder=tmp_path)
    assert started == [True]
    assert multiprocessing.active_children() == []
    assert not list(tmp_path.glob("buckets-*"))
