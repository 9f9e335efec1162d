"""An audit of ``--read-only``: nothing written, nothing spawned, no suspend, no file saved.

The browser runs on a real store (the packaged sample) in read-only mode, with HOME pointed
at an empty folder, while every way a Python process writes a file or starts another
process is watched (``open`` for writing, ``os.open``, ``subprocess``, ``os.fork``,
``os.system``, the ``exec`` and ``spawn`` families, ``webbrowser``, ``os.kill``). Every
command of the ``ctrl+p`` palette is chosen in turn, on the list and in the reader, and then
the keys a reader might try (``ctrl+z``). Afterwards no file under the store or HOME has
changed, and nothing was written or started.
"""

from __future__ import annotations

import builtins
import hashlib
import inspect
import io
import os
import signal
import subprocess
import webbrowser
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from store.sample import ensure_default_store
from tui.app import CablesApp, create_app
from tui.screens.main import MainScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.cable_list import CableList
from tui.widgets.paragraph_view import ParagraphView

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_SPAWNERS = [
    "fork",
    "forkpty",
    "system",
    "popen",
    "posix_spawn",
    "posix_spawnp",
    "execv",
    "execve",
    "execl",
    "execle",
    "execlp",
    "execlpe",
    "execvp",
    "execvpe",
    "spawnv",
    "spawnve",
    "spawnl",
    "spawnle",
]


@dataclass
class Watch:
    """What the app tried to do that a read-only session must not."""

    writes: list[str] = field(default_factory=list)
    spawns: list[str] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)


def tree_state(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (relative path -> size, mtime and content hash)."""
    state = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            stat = path.stat()
            digest = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
            state[str(path.relative_to(folder))] = f"{stat.st_size}:{stat.st_mtime_ns}:{digest}"
        else:
            state[str(path.relative_to(folder)) + "/"] = "folder"
    return state


@pytest.fixture
def watch(monkeypatch: pytest.MonkeyPatch) -> Iterator[Watch]:
    """Record (and refuse) writes, new processes and signals for the duration of a test."""
    seen = Watch()
    real_open = builtins.open
    real_os_open = os.open

    def guarded_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, int) or not any(flag in mode for flag in "wax+"):
            return real_open(file, mode, *args, **kwargs)
        seen.writes.append(f"open({file!r}, {mode!r})")
        raise PermissionError(f"read-only audit: open({file!r}, {mode!r})")

    def guarded_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & _WRITE_FLAGS:
            seen.writes.append(f"os.open({path!r}, {flags:#o})")
            raise PermissionError(f"read-only audit: os.open({path!r})")
        return real_os_open(path, flags, *args, **kwargs)

    def refuse(name: str) -> Callable[..., Any]:
        def refused(*args: Any, **kwargs: Any) -> Any:
            seen.spawns.append(f"{name}{args!r}")
            raise PermissionError(f"read-only audit: {name}")

        return refused

    def guarded_kill(pid: int, sig: int) -> None:
        seen.signals.append(f"os.kill({pid}, {signal.Signals(sig).name})")

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    monkeypatch.setattr(subprocess, "Popen", refuse("subprocess.Popen"))
    monkeypatch.setattr(webbrowser, "open", refuse("webbrowser.open"))
    monkeypatch.setattr(os, "kill", guarded_kill)
    monkeypatch.setattr(os, "killpg", guarded_kill)
    for name in _SPAWNERS:
        if hasattr(os, name):
            monkeypatch.setattr(os, name, refuse(f"os.{name}"))
    yield seen


@pytest.fixture
def sample_store(tmp_path: Path) -> Path:
    """A real store built from the packaged sample."""
    store = tmp_path / "store"
    ensure_default_store(store)
    return store


@pytest.fixture
def empty_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME (and the XDG folders) pointed at an empty folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DOWNLOAD_DIR"):
        monkeypatch.delenv(name, raising=False)
    return home


async def wait_for(pilot: Pilot, condition: Callable[[], bool], what: str) -> None:
    """Pause until ``condition()`` holds (up to 15 s: the machine may be busy)."""
    for _ in range(750):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"waited 15 s for {what}")


async def palette_titles(pilot: Pilot) -> list[str]:
    """The commands the palette offers before anything is typed (then closes it)."""
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), "the palette")
    commands = pilot.app.screen.query_one(CommandList)
    await wait_for(pilot, lambda: commands.option_count > 0, "the palette's commands")
    await pilot.pause(0.1)  # every provider has answered
    prompts = (str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count))
    titles = [prompt.split("\n", 1)[0] for prompt in prompts]  # the title above its help
    await pilot.press("escape")
    return titles


async def palette_commands(app: CablesApp) -> dict[str, Callable[[], Any]]:
    """What the palette offers before anything is typed, from its providers, title ->
    callback (the palette runs the same callback when the title is chosen)."""
    commands: dict[str, Callable[[], Any]] = {}
    for entry in [*app.COMMANDS, *app.screen.COMMANDS]:
        provider_class = entry if isinstance(entry, type) else entry()
        provider = provider_class(app.screen)
        async for hit in provider.discover():
            title = (hit.text or str(hit.prompt)).split("\n", 1)[0]
            commands[title] = hit.command
    return commands


async def run_command(pilot: Pilot, title: str, command: Callable[[], Any]) -> None:
    """Run a palette command; fill in and confirm what it opens (a note, a theme list)."""
    app = pilot.app
    screen = app.screen
    result = command()
    if inspect.isawaitable(result):
        await result
    await pilot.pause()
    if app.screen is screen:
        return
    if isinstance(app.screen, CommandPalette):  # Theme: a second palette; take a choice
        await pilot.press("down", "enter")
    elif title == "Note":  # write a note and save it: in memory only when read-only
        await pilot.press(*"read only", "ctrl+s")
    await pilot.pause()


async def choose(pilot: Pilot, title: str, query: str = "") -> None:
    """Open the palette, type ``query``, and run the command shown as ``title``."""
    app = pilot.app
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
    if query:
        await pilot.press(*query)
    palette = app.screen
    commands = palette.query_one(CommandList)

    def offered() -> int | None:
        for index in range(commands.option_count):
            if str(commands.get_option_at_index(index).prompt).startswith(title):
                return index
        return None

    await wait_for(pilot, lambda: offered() is not None, f"the command {title!r}")
    if query:
        await pilot.press("down")  # shows the list, which typing hides
    commands.highlighted = offered()
    await pilot.press("enter")
    await pilot.pause()
    # A command that opens a second palette (Theme) gets its first choice.
    if isinstance(app.screen, CommandPalette) and app.screen is not palette:
        await pilot.press("down", "enter")


async def back_to(pilot: Pilot, screen_type: type) -> None:
    """Close whatever the last command opened until ``screen_type`` is on top."""
    app = pilot.app
    for _ in range(5):
        if isinstance(app.screen, screen_type):
            return
        await pilot.press("escape")
    assert isinstance(app.screen, screen_type), app.screen


async def open_seed_cable(pilot: Pilot) -> None:
    """Open 08ASTANA611 in the reader."""
    app: CablesApp = pilot.app  # type: ignore[assignment]
    await wait_for(pilot, lambda: app.main_screen.query_one(CableList).row_count > 0, "the list")
    app.open_cable("08ASTANA611")

    def loaded() -> bool:
        views = app.screen.query(ParagraphView) if isinstance(app.screen, ReaderScreen) else []
        return any(view.cable is not None for view in views)

    await wait_for(pilot, loaded, "the seed cable")


@pytest.mark.parametrize("where", [MainScreen, ReaderScreen], ids=["list", "reader"])
async def test_every_palette_command_and_ctrl_z_in_read_only_write_and_spawn_nothing(
    where: type, sample_store: Path, empty_home: Path, watch: Watch, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (tree_state(sample_store), tree_state(empty_home))
    app = create_app(sample_store, read_only=True)
    tried: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        # Let Textual's suspend work as in a real terminal, to see that it is refused.
        assert app._driver is not None
        monkeypatch.setattr(type(app._driver), "can_suspend", property(lambda self: True))
        await wait_for(pilot, lambda: app.catalog is not None, "the catalog")
        if where is ReaderScreen:
            await open_seed_cable(pilot)
        # The palette as a reader sees it, and the same commands from its providers.
        titles = await palette_titles(pilot)
        commands = await palette_commands(app)
        assert sorted(commands) == sorted(titles)
        for title in commands:
            if title == "Quit":
                continue  # tried last, through the palette
            if not isinstance(app.screen, where):
                await back_to(pilot, MainScreen)
                await open_seed_cable(pilot)
            # Commands may be bound to the screen: take them from the screen now on top.
            await run_command(pilot, title, (await palette_commands(app))[title])
            tried.append(title)
            await back_to(pilot, (MainScreen, ReaderScreen))
        await pilot.press("ctrl+z")
        await app.run_action("suspend_process")
        if where is ReaderScreen:
            await choose(pilot, "Open 08ASTANA611¶5", query="08ASTANA611#5")
            tried.append("Open 08ASTANA611¶5")
        await choose(pilot, "Quit")
        tried.append("Quit")
        await wait_for(pilot, lambda: not app.is_running, "the app to quit")
    assert watch.writes == [], f"tried {tried}"
    assert watch.spawns == [], f"tried {tried}"
    assert watch.signals == [], f"tried {tried}"
    assert (tree_state(sample_store), tree_state(empty_home)) == before
    assert {"Sort by date", "Show keys", "Theme", "Keys", "Note", "Bookmark", "Quit"} <= set(tried)
    assert "Screenshot" not in tried


async def test_read_only_refuses_screenshots_file_saves_links_and_suspend_called_directly(
    sample_store: Path, empty_home: Path, watch: Watch
) -> None:
    before = (tree_state(sample_store), tree_state(empty_home))
    app = create_app(sample_store, read_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.catalog is not None, "the catalog")
        app.action_screenshot()
        app.save_screenshot()
        app.deliver_screenshot()
        app.deliver_text(io.StringIO("x"), save_filename="x.txt")
        app.deliver_binary(io.BytesIO(b"x"), save_filename="x.bin")
        app.open_url("https://example.org/")
        app.action_suspend_process()
        await pilot.pause(0.3)
    assert (watch.writes, watch.spawns, watch.signals) == ([], [], [])
    assert (tree_state(sample_store), tree_state(empty_home)) == before
