"""Drive a real terminal program in tmux: start it at a size, type keys, read the screen.

Each :class:`TmuxTerminal` runs its own tmux server (a private socket in a temporary folder,
no user configuration), so tests never touch a tmux the developer has open, and several
terminals can run side by side. The pane outlives its program (a small shell
wrapper prints ``[exited N]`` and waits), so a test can still read what the program left
behind: the last screen, the terminal modes (alternate screen, mouse reporting, cursor)
through :meth:`TmuxTerminal.modes`, and every raw byte it wrote (:meth:`TmuxTerminal.output`,
recorded with ``tmux pipe-pane``). tmux's modes of a dead pane are unreliable, hence the
wrapper.

The project's own command is started as ``python -m tui.cli`` from the running interpreter
(:func:`cables_command`), the same entry point as the installed ``cables`` script.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest

__all__ = [
    "TmuxTerminal",
    "cables_command",
    "modes_left_wrong",
    "open_cable_from_list",
    "require_tmux",
]

PROJECT = Path(__file__).resolve().parents[1]

# tmux modes of a pane (tmux(1), FORMATS): what a program left switched on.
_MODE_FORMATS = {
    "alternate_on": "#{alternate_on}",
    "mouse_any_flag": "#{mouse_any_flag}",
    "mouse_button_flag": "#{mouse_button_flag}",
    "mouse_sgr_flag": "#{mouse_sgr_flag}",
    "mouse_standard_flag": "#{mouse_standard_flag}",
    "mouse_all_flag": "#{mouse_all_flag}",
    "cursor_flag": "#{cursor_flag}",
    "pane_dead": "#{pane_dead}",
}

# Runs "$0" "$@", then says how it ended and keeps the pane alive for inspection.
_HOLD_SCRIPT = '"$0" "$@"; printf \'\\n[exited %s]\\n\' "$?"; exec sleep 86400'
EXITED = "[exited "


def require_tmux() -> str:
    """The path of tmux, or skip the test saying why."""
    path = shutil.which("tmux")
    if path is None:
        pytest.skip("tmux is not installed (apt-get install tmux; .ci/run installs it)")
    return path


def cables_command(*args: str) -> list[str]:
    """``cables ARGS`` as this interpreter runs it (the installed script's entry point)."""
    return [sys.executable, "-m", "tui.cli", *args]


def terminal_environment(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """A clean UTF-8 environment for a program under tmux (no store chosen by the caller's
    environment, no colour or driver settings leaking from the test runner)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TEXTUAL", "CABLES_", "TMUX", "PYTEST"))
        and key not in {"NO_COLOR", "COLUMNS", "LINES"}
    }
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    env.update(extra or {})
    return env


class TmuxTerminal:
    """One detached tmux session running one command in a pane of a given size."""

    def __init__(self, name: str = "cables") -> None:
        self.tmux = require_tmux()
        self.name = name
        # A short private folder: a Unix socket path must stay under 108 bytes.
        self.folder = Path(tempfile.mkdtemp(prefix="cables-tmux-"))
        self.socket = self.folder / "sock"
        self.config = self.folder / "tmux.conf"
        self.config.write_text(
            "set -g default-terminal tmux-256color\n"
            "set -g history-limit 0\n"
            "set -g status off\n"
            "set -sg escape-time 0\n",
            encoding="utf-8",
        )
        self.log = self.folder / "output.bin"
        self.started = False

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.tmux, "-u", "-S", str(self.socket), "-f", str(self.config), *args],
            capture_output=True,
            text=True,
            check=check,
            timeout=20,
        )

    def start(
        self,
        command: Sequence[str],
        *,
        width: int = 80,
        height: int = 24,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
    ) -> TmuxTerminal:
        """Run ``command`` in a new detached session of ``width`` x ``height`` cells.

        The command's raw output is recorded from its first byte; once it exits the pane shows
        ``[exited STATUS]`` and stays open.
        """
        held = ["sh", "-c", _HOLD_SCRIPT, *command]
        subprocess.run(
            [
                self.tmux,
                "-u",
                "-S",
                str(self.socket),
                "-f",
                str(self.config),
                "new-session",
                "-d",
                "-s",
                self.name,
                "-x",
                str(width),
                "-y",
                str(height),
                shlex.join(held),
                ";",
                "pipe-pane",
                "-t",
                self.name,
                f"cat >> {shlex.quote(str(self.log))}",
            ],
            env=terminal_environment(env),
            cwd=cwd or PROJECT,
            check=True,
            capture_output=True,
            text=True,
            timeout=20,
        )
        self.started = True
        return self

    def send_keys(self, *keys: str) -> None:
        """Press keys by tmux name (``Enter``, ``Escape``, ``C-z``, ``j``, ``Down``)."""
        self._tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        """Type ``text`` literally, character by character."""
        self._tmux("send-keys", "-t", self.name, "-l", text)

    def capture(self) -> str:
        """The text on the pane now, one line per row."""
        return self._tmux("capture-pane", "-p", "-t", self.name).stdout

    def wait_for(self, text: str, timeout: float = 10.0) -> str:
        """Wait until ``text`` is on the pane; return the pane. Fail showing the last screen."""
        return self.wait_until(lambda screen: text in screen, timeout, f"{text!r} on the pane")

    def wait_until(
        self, predicate: Callable[[str], bool], timeout: float = 10.0, what: str = "the screen"
    ) -> str:
        """Wait until ``predicate(pane text)`` holds; return the pane text."""
        deadline = time.monotonic() + timeout
        screen = ""
        while True:
            screen = self.capture()
            if predicate(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"waited {timeout:.0f} s for {what}; the pane shows:\n{screen}"
                )
            time.sleep(0.1)

    def display(self, fmt: str) -> str:
        """A tmux format evaluated for the pane (``tmux display -p``)."""
        return self._tmux("display-message", "-p", "-t", self.name, fmt).stdout.strip()

    def modes(self) -> dict[str, str]:
        """The pane's terminal modes: alternate screen, mouse reporting, cursor, dead or not."""
        separator = "|"
        values = self.display(separator.join(_MODE_FORMATS.values())).split(separator)
        return dict(zip(_MODE_FORMATS, values, strict=True))

    def wait_for_exit(self, timeout: float = 10.0) -> int:
        """Wait until the command has exited; return its exit status."""
        screen = self.wait_for(EXITED, timeout)
        tail = screen[screen.rindex(EXITED) + len(EXITED) :]
        return int(tail.split("]", 1)[0])

    def output(self) -> bytes:
        """Every byte the command has written to the terminal so far."""
        try:
            return self.log.read_bytes()
        except FileNotFoundError:
            return b""

    def kill(self) -> None:
        """Stop the session and its tmux server; remove the private folder."""
        if self.started:
            self._tmux("kill-server", check=False)
            self.started = False
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> TmuxTerminal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.kill()


def open_cable_from_list(terminal: TmuxTerminal, cable_id: str) -> str:
    """Filter the list down to ``cable_id`` and open it; return the reader's screen."""
    terminal.type("/")
    terminal.type(cable_id)
    # The filter runs after a short typing pause; wait until it left only this cable.
    terminal.wait_until(
        lambda screen: _only_row(screen, cable_id),
        timeout=10,
        what=f"the list filtered down to {cable_id}",
    )
    terminal.send_keys("Enter")  # leaves the filter prompt for the list
    terminal.wait_for("⏎ Open")
    terminal.send_keys("Enter")  # opens the highlighted cable
    return terminal.wait_for("Cites (", timeout=10)


def _only_row(screen: str, cable_id: str) -> bool:
    """The list shows one row, ``cable_id``'s (rows start with the class, then the id)."""
    # A row: a space, the class (three cells), a space, then the id (two digits first).
    rows = [line for line in screen.splitlines()[1:] if line[5:7].isdigit()]
    return len(rows) == 1 and cable_id in rows[0]


# DEC private modes a full-screen program switches on and must switch off when it quits.
MOUSE_MODES = {9, 1000, 1001, 1002, 1003, 1005, 1006, 1015, 1016}
ALTERNATE_SCREEN_MODES = {47, 1047, 1049}
CURSOR_VISIBLE_MODE = 25
_PRIVATE_MODE = re.compile(rb"\x1b\[\?([0-9;]+)([hl])")


def final_private_modes(data: bytes) -> dict[int, bool]:
    """The DEC private modes (``ESC [ ? N h`` / ``l``) as the last sequence in ``data`` left
    each: True when set. Modes never mentioned are absent."""
    modes: dict[int, bool] = {}
    for match in _PRIVATE_MODE.finditer(data):
        on = match.group(2) == b"h"
        for number in match.group(1).split(b";"):
            if number:
                modes[int(number)] = on
    return modes


def modes_left_wrong(data: bytes) -> list[str]:
    """What a program that wrote ``data`` left wrong: mouse reporting or the alternate screen
    on, or the cursor hidden. Empty when the terminal was restored."""
    modes = final_private_modes(data)
    wrong = [f"mouse mode {mode} left on" for mode in sorted(MOUSE_MODES) if modes.get(mode)]
    wrong += [
        f"alternate screen {mode} left on"
        for mode in sorted(ALTERNATE_SCREEN_MODES)
        if modes.get(mode)
    ]
    if modes.get(CURSOR_VISIBLE_MODE) is False:
        wrong.append("cursor left hidden")
    return wrong
