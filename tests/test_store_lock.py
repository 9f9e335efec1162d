"""One writer at a time: a second one is told who holds the store; a dead one holds nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store.errors import StoreLockedError
from store.records import make_record
from store.store import CableStore
from store.writer import StoreWriter
from tests.store_support import PROJECT, build_store, make_cable, run_cli

HOLDER_SCRIPT = """
import sys, time
from pathlib import Path
from store.writer import StoreWriter
writer = StoreWriter(Path(sys.argv[1]), command="cables import /data/cables.csv")
writer.open()
print("locked", flush=True)
time.sleep(60)
"""


def _hold_lock(directory: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER_SCRIPT, str(directory)],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "locked"
    return process


def test_a_second_writer_is_told_the_pid_and_command_of_the_first(tmp_path: Path) -> None:
    first = StoreWriter(tmp_path / "s", command="cables import a.csv")
    first.open()
    try:
        with pytest.raises(StoreLockedError) as caught:
            StoreWriter(tmp_path / "s").open()
        message = str(caught.value)
        assert "`cables import a.csv`" in message
        assert f"pid {os.getpid()}" in message
        assert "started" in message and "wait for it to finish" in message
    finally:
        first.lock.release()


def test_the_lock_is_free_again_after_the_writer_finishes(tmp_path: Path) -> None:
    build_store(tmp_path / "s", [make_cable(1)])
    with StoreWriter(tmp_path / "s") as writer:
        assert writer.add(make_record(make_cable(2))) == "added"


def test_a_writer_killed_with_sigkill_leaves_no_lock_behind(tmp_path: Path) -> None:
    holder = _hold_lock(tmp_path / "s")
    with pytest.raises(StoreLockedError, match=f"pid {holder.pid}"):
        StoreWriter(tmp_path / "s").open()
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    with StoreWriter(tmp_path / "s") as writer:  # the dead writer's lock is stale: taken
        writer.add(make_record(make_cable(1)))
    assert CableStore.open(tmp_path / "s").count == 1


def test_cables_import_during_another_import_names_it_and_exits_2(
    tmp_path: Path, corpus: Path
) -> None:
    holder = _hold_lock(tmp_path / "s")
    try:
        result = run_cli("--store", str(tmp_path / "s"), "import", str(corpus / "blog"))
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 2
    assert "cables import /data/cables.csv" in result.stderr
    assert f"pid {holder.pid}" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_waiting_writer_gets_the_lock_when_the_first_one_ends(tmp_path: Path) -> None:
    holder = _hold_lock(tmp_path / "s")
    started = time.monotonic()
    import threading

    threading.Timer(0.3, holder.kill).start()
    writer = StoreWriter(tmp_path / "s", lock_wait=10)
    writer.open()
    writer.lock.release()
    holder.wait()
    assert 0.2 < time.monotonic() - started < 10
