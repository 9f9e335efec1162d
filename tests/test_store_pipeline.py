"""The import's parallel stage keeps input order and reads its input only as far as needed;
the storage under TinyDB parses a file once and replaces files atomically."""

from __future__ import annotations

import gc
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from tinydb import TinyDB

from store.files import _malloc_trim, gc_paused, release_free_heap, write_atomic
from store.pipeline import BoundedPool, WorkerStopped
from store.storage import OrjsonStorage, new_db, open_db, write_encoded_table


def _square(value: int) -> int:
    return value * value


def test_the_pool_returns_results_in_input_order() -> None:
    with BoundedPool(2, chunksize=3) as pool:
        assert list(pool.map(_square, range(200))) == [n * n for n in range(200)]


def test_the_pool_reads_no_more_than_its_in_flight_bound_ahead() -> None:
    pulled = 0

    def numbers() -> Iterator[int]:
        nonlocal pulled
        for n in range(10_000):
            pulled += 1
            yield n

    with BoundedPool(2, chunksize=2, in_flight=16) as pool:
        results = pool.map(_square, numbers())
        assert next(results) == 0
        time.sleep(0.5)  # the feeder would read all 10,000 by now if it were not held back
        assert pulled <= 16 + 1  # the bound, plus the one result taken
        assert sum(1 for _ in results) == 9_999


def test_without_workers_the_pool_maps_in_this_process() -> None:
    with BoundedPool(0) as pool:
        assert list(pool.map(_square, [1, 2, 3])) == [1, 4, 9]


def test_stopping_early_does_not_hang_the_pool() -> None:
    pool = BoundedPool(2, chunksize=1, in_flight=4)
    results = pool.map(_square, iter(range(1_000_000)))
    assert next(results) == 0
    done = threading.Event()

    def close() -> None:
        pool.close()  # results left suspended: the feeder waits at its gate
        done.set()

    threading.Thread(target=close, daemon=True).start()
    assert done.wait(20)


def _fail_on_seven(value: int) -> int:
    if value == 7:
        raise ValueError("seven")
    return value


def _die_on_five(value: int) -> int:
    if value == 5:
        os.kill(os.getpid(), signal.SIGKILL)
    return value


def test_an_exception_in_a_worker_reaches_the_consumer_after_the_results_before_it() -> None:
    with BoundedPool(2, chunksize=2) as pool:
        results = pool.map(_fail_on_seven, range(20))
        assert [next(results) for _ in range(6)] == [0, 1, 2, 3, 4, 5]
        with pytest.raises(ValueError, match="seven"):
            list(results)


def test_an_input_that_fails_fails_the_map_in_its_turn() -> None:
    def numbers() -> Iterator[int]:
        yield from range(5)
        raise OSError("disk gone")

    with BoundedPool(2, chunksize=2) as pool:
        seen: list[int] = []
        with pytest.raises(OSError, match="disk gone"):
            seen.extend(pool.map(_square, numbers()))
        assert seen == [0, 1, 4, 9, 16]


def test_a_worker_killed_mid_map_stops_the_map_with_a_plain_error_not_a_hang() -> None:
    with (
        BoundedPool(2, chunksize=1) as pool,
        pytest.raises(WorkerStopped, match="stopped unexpectedly"),
    ):
        list(pool.map(_die_on_five, range(50)))


def test_a_map_left_early_leaves_the_pool_right_for_the_next_one() -> None:
    with BoundedPool(2, chunksize=3, in_flight=32) as pool:
        first = pool.map(_square, range(1_000))
        assert [next(first) for _ in range(4)] == [0, 1, 4, 9]
        first.close()  # the workers still owe chunks: they must not reach the next map
        assert list(pool.map(_square, range(100, 130))) == [n * n for n in range(100, 130)]


def test_a_store_file_is_a_tinydb_database_parsed_once(tmp_path: Path) -> None:
    db = new_db(tmp_path / "t.json")
    db.table("rows").insert_multiple({"n": n} for n in range(5))
    reader = open_db(tmp_path / "t.json")
    assert reader.table("rows").get(doc_id=3) == {"n": 2}
    (tmp_path / "t.json").unlink()  # parsed already: the reader no longer needs the file
    assert len(reader.table("rows")) == 5
    assert isinstance(reader.storage, OrjsonStorage)


def test_a_reader_opened_before_a_replace_reads_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    new_db(path).table("rows").insert({"v": "old"})
    reader = TinyDB(path, storage=OrjsonStorage)
    new_db(path).table("rows").insert({"v": "new"})
    assert reader.table("rows").all() == [{"v": "old"}]
    assert open_db(path).table("rows").all() == [{"v": "new"}]


def test_a_table_written_from_encoded_documents_is_the_file_tinydb_writes(
    tmp_path: Path,
) -> None:
    docs = [{"id": "08ASTANA611", "paragraphs": [{"text": 'é \u2028 "q"'}]}, {"n": 2}, {}]
    new_db(tmp_path / "tinydb.json").table("bodies").insert_multiple(docs)
    write_encoded_table(tmp_path / "encoded.json", "bodies", [orjson.dumps(d) for d in docs])
    encoded = (tmp_path / "encoded.json").read_bytes()
    assert encoded == (tmp_path / "tinydb.json").read_bytes()
    assert open_db(tmp_path / "encoded.json").table("bodies").get(doc_id=1) == docs[0]
    write_encoded_table(tmp_path / "empty.json", "bodies", [])
    assert open_db(tmp_path / "empty.json").table("bodies").all() == []


def test_an_atomic_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    write_atomic(tmp_path / "f", b"data")
    assert [p.name for p in tmp_path.iterdir()] == ["f"]


def test_the_collector_is_paused_inside_and_restored_after_nesting() -> None:
    assert gc.isenabled()
    with gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def _resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


@pytest.mark.skipif(_malloc_trim() is None, reason="glibc's malloc_trim is not available here")
def test_free_heap_between_kept_records_goes_back_to_the_system() -> None:
    # An import's pattern: many records of a few kilobytes made and dropped, a few kept
    # among them; the freed memory between them stays resident until handed back.
    records = [bytes(4000) + i.to_bytes(4, "little") for i in range(40_000)]
    kept = records[::50]
    del records
    before = _resident_mb()
    release_free_heap()
    assert _resident_mb() < before - 50
    assert len(kept) == 800  # still there


def test_a_worker_makes_no_reference_cycles_the_collector_would_have_to_find(
    corpus: Path,
) -> None:
    # The parsing workers run without the automatic collector (store.pipeline): what
    # preparing a real cable leaves behind must be freed by reference counting alone.
    from cables.sources import iter_units
    from store.importer import _prepare

    units = list(
        iter_units([str(corpus / name) for name in ("wikileaks-html", "old-format", "blog")])
    )
    assert len(units) > 20
    gc.collect()
    with gc_paused():
        for unit in units:
            _prepare(unit)
        assert gc.collect() == 0
