"""Several readers over SSH on one store while an import writes into it.

Three ssh sessions (as README.md sets them up) connect again and again while ``cables import``
adds synthetic cables to the store they read. The store commits whole segments of 250
cables, so every session must see the 40 sample cables plus a whole number of segments, or
the finished store: never a count in between, never an error, never a cable it lists but
cannot open. (``benchmarks/bench_ssh.py`` does the same with 20 sessions on the full store.)
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

import pytest

from store.sample import ensure_default_store
from tests.ssh_support import SshServer, SshUnavailable
from tests.store_support import make_csv
from tests.tmux_support import TmuxTerminal, cables_command, modes_left_wrong, require_tmux

SAMPLE = 40
IMPORTED = 750
SEGMENT = 250
SESSIONS = 3
CABLE_COUNT = re.compile(r"([\d,]+) cables")
# What the browser says when a store or a cable cannot be read.
TROUBLE = ("Traceback", "damaged", "cannot open the store", "could not be read", "No cable ")


@pytest.fixture
def busy_store(tmp_path: Path) -> Path:
    """The sample store (40 cables) in a fresh folder."""
    store = tmp_path / "cables"
    ensure_default_store(store)
    return store


@pytest.fixture
def ssh_server(busy_store: Path) -> Iterator[SshServer]:
    """sshd serving the store as the README says; skips only if sshd cannot run."""
    require_tmux()
    try:
        with SshServer(busy_store) as server:
            yield server
    except SshUnavailable as reason:
        pytest.skip(f"no OpenSSH server here: {reason}")


class Reading(NamedTuple):
    """What one session saw: the number of cables listed, and whether an import was running
    when the list was on screen."""

    count: int
    during_import: bool


def read_once(
    server: SshServer, name: str, importing: subprocess.Popen[str] | None = None
) -> Reading:
    """One ssh session: the list, its count, the newest cable opened, quit."""
    with TmuxTerminal(name) as terminal:
        terminal.start(server.ssh_command(), width=100, height=30)
        listing = terminal.wait_for(" cables", timeout=30)
        found = CABLE_COUNT.search(listing)
        assert found is not None, listing
        count = int(found.group(1).replace(",", ""))
        during_import = importing is not None and importing.poll() is None
        terminal.send_keys("G")  # the newest cable of this session's snapshot
        terminal.wait_for(f"{count:,}/{count:,}", timeout=10)
        terminal.send_keys("Enter")
        reader = terminal.wait_for("Cited by (", timeout=20)
        terminal.send_keys("q")
        status = terminal.wait_for_exit(timeout=20)
        screen = terminal.capture()
        assert status == 0, f"session {name} ended with status {status}:\n{screen}"
        for text in (listing, reader, screen):
            assert not any(word in text for word in TROUBLE), text
        assert modes_left_wrong(terminal.output()) == []
        return Reading(count, during_import)


def keep_reading(server: SshServer, name: str, importing: subprocess.Popen[str]) -> list[Reading]:
    """Sessions one after another until the import is over."""
    readings = [read_once(server, name, importing)]
    while importing.poll() is None:
        readings.append(read_once(server, name, importing))
    return readings


def test_three_ssh_readers_during_an_import_each_see_a_whole_committed_store(
    ssh_server: SshServer, busy_store: Path, tmp_path: Path
) -> None:
    csv = make_csv(tmp_path / "more.csv", IMPORTED)
    importing = subprocess.Popen(
        [*cables_command("import", "--store", str(busy_store), str(csv))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        with ThreadPoolExecutor(SESSIONS) as pool:
            runs = [
                pool.submit(keep_reading, ssh_server, f"reader{n}", importing)
                for n in range(SESSIONS)
            ]
            seen = [run.result(timeout=120) for run in runs]
        out, err = importing.communicate(timeout=120)
    finally:
        if importing.poll() is None:
            importing.kill()
            importing.wait()
    assert importing.returncode == 0, err
    assert f"{IMPORTED:,} added" in out
    readings = [reading for session in seen for reading in session]
    every_count = {reading.count for reading in readings}
    whole = {SAMPLE + SEGMENT * k for k in range(IMPORTED // SEGMENT + 1)} | {SAMPLE + IMPORTED}
    assert every_count <= whole, f"counts seen: {sorted(every_count)}"
    assert any(reading.during_import for reading in readings), "no session overlapped the import"
    # Once the import is over, a new session sees all of it.
    assert read_once(ssh_server, "after").count == SAMPLE + IMPORTED
