"""Reading a corpus over a real SSH connection, set up exactly as README.md says.

An OpenSSH server on 127.0.0.1 (throwaway keys, the README's ``Match`` block with its
``ForceCommand cables browse --read-only --store ...``) and the README's ``ssh -t`` command
typed in a tmux terminal: the reader opens cables, searches, follows links, quits, and the
terminal is left as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.binding import Binding

from store.sample import ensure_default_store
from tests.ssh_support import README_STORE, SshServer, SshUnavailable, readme_serving
from tests.tmux_support import (
    TmuxTerminal,
    modes_left_wrong,
    open_cable_from_list,
    require_tmux,
)
from tui.app import CablesApp
from tui.screens.main import MainScreen
from tui.screens.reader import ReaderScreen

CABLE_COUNT = re.compile(r"([\d,]+) cables")


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from the packaged sample (40 real cables)."""
    store = tmp_path_factory.mktemp("served") / "cables"
    ensure_default_store(store)
    return store


@pytest.fixture
def ssh_server(sample_store: Path) -> Iterator[SshServer]:
    """sshd serving the sample store as the README says; skips only if sshd cannot run."""
    require_tmux()
    try:
        with SshServer(sample_store) as server:
            yield server
    except SshUnavailable as reason:
        pytest.skip(f"no OpenSSH server here: {reason}")


def has_key(screen_class: type, key: str) -> bool:
    """Whether a screen binds ``key`` (so a test can use keys that other work adds later)."""
    keys = (b.key if isinstance(b, Binding) else b[0] for b in screen_class.BINDINGS)
    return any(key in str(keyspec).split(",") for keyspec in keys)


def test_the_readme_match_block_forces_the_read_only_browser_on_the_store() -> None:
    serving = readme_serving()
    assert serving.match_block.startswith("Match User reader\n")
    assert f"    ForceCommand cables browse --read-only --store {README_STORE}\n" in (
        serving.match_block
    )
    assert serving.ssh_command[:2] == ["ssh", "-t"]
    assert serving.serve_command[:2] == ["cables", "serve"]


def files_and_times(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder``: size and modification time."""
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    }


def test_a_reader_over_ssh_opens_searches_follows_links_and_quits_leaving_the_terminal_clean(
    ssh_server: SshServer,
) -> None:
    store_before = files_and_times(ssh_server.store)
    with TmuxTerminal() as terminal:
        terminal.start(ssh_server.ssh_command(), width=80, height=24)
        listing = terminal.wait_for(" cables", timeout=20)
        assert "08ASTANA611" in listing
        assert CABLE_COUNT.search(listing).group(1) == "40"

        # Open the seed cable, search its text with / and go to the next match with n.
        reader = open_cable_from_list(terminal, "08ASTANA611")
        assert "Embassy Astana" in reader
        terminal.send_keys("/")
        terminal.type("Narymbetov")
        terminal.send_keys("Enter")
        first = terminal.wait_until(
            lambda screen: re.search(r"“Narymbetov” 1/\d+", screen) is not None,
            what="the first match of Narymbetov",
        )
        count = re.search(r"“Narymbetov” 1/(\d+)", first).group(1)
        assert int(count) >= 2
        terminal.send_keys("n")
        second = terminal.wait_for(f"“Narymbetov” 2/{count}")
        assert "Narymbetov" in second.split("────")[-1]  # the match is in view

        # Look up a name, where the browser has that key (`f`, added with the entity index).
        if any(has_key(owner, "f") for owner in (CablesApp, ReaderScreen, MainScreen)):
            terminal.send_keys("f")
            terminal.type("Hobdabergenova")
            terminal.wait_for("Khobdabergenova", timeout=10)
            terminal.send_keys("Escape")

        # Follow a link from a cable that cites another one in the store.
        terminal.send_keys("Escape")
        terminal.wait_for("⏎ Open")
        terminal.send_keys("Escape")  # clear the filter
        citing = open_cable_from_list(terminal, "09MADRID671")
        assert "→ 09MADRID614" in citing
        terminal.send_keys("l")
        terminal.wait_for("⏎ Follow")
        terminal.send_keys("Enter")
        terminal.wait_until(
            lambda screen: screen.lstrip().startswith("09MADRID614") and "Cites (" in screen,
            what="the cited cable 09MADRID614 in the reader",
        )
        terminal.send_keys("l")  # at 80x24 the panel keeps to a third: its links scroll into view
        followed = terminal.wait_until(
            lambda screen: "Cited by (" in screen and "← 09MADRID671" in screen,
            what="the cables citing 09MADRID614",
        )
        assert "09MADRID671" in followed  # it is cited by the cable we came from

        terminal.send_keys("q")
        assert terminal.wait_for_exit(timeout=15) == 0
        assert modes_left_wrong(terminal.output()) == []
        modes = terminal.modes()
        assert (modes["alternate_on"], modes["mouse_any_flag"], modes["cursor_flag"]) == (
            "0",
            "0",
            "1",
        ), modes
    assert files_and_times(ssh_server.store) == store_before  # the session wrote nothing
