"""kill -9 at any moment of a writer, compaction included, leaves an entity index that
matches the committed cables exactly."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

from store.store import CableStore
from tests.test_import_kill import WRITER_SCRIPT, _start


def test_after_kills_at_random_moments_the_index_names_exactly_the_committed_cables(
    tmp_path: Path,
) -> None:
    directory = tmp_path / "store"
    rng = random.Random(9)
    checked = 0
    for _round in range(6):
        process = _start(WRITER_SCRIPT, str(directory), str(150 * (_round + 1)))
        deadline = time.monotonic() + 30
        while not (directory / "lock").exists() and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(rng.random() * 1.2)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        if not (directory / "manifest.json").exists():
            continue
        store = CableStore.open(directory)
        index = store.entity_index()
        ids = store.ids()
        hits = index.find("Rayhan Khobdabergenova")
        if not ids:
            assert hits == []
            continue
        (hit,) = hits  # every test cable names her
        assert hit.entity.count == len(ids)
        assert sorted(p.cable_id for p in index.postings(hit.entity.id)) == sorted(ids)
        checked += 1
    _start(WRITER_SCRIPT, str(directory), "0").wait()  # the next writer compacts
    store = CableStore.open(directory)
    (hit,) = store.entity_index().find("khobdabergenova")
    assert hit.entity.count == len(store.ids())
    assert checked
