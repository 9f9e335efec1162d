"""``cables serve`` in a real headless Chromium: the list, the seed cable, paragraph 5.

The test starts ``cables serve`` on a free loopback port and Debian's Chromium with its
DevTools port open, and drives the page over the DevTools protocol with a tiny client
(aiohttp's websocket, already installed with textual-serve).

Where the text is read: textual-serve's page draws the terminal with xterm.js on a canvas
(WebGL or 2D), so the DOM holds no text and xterm's accessibility tree exists only in screen
reader mode, which the page does not turn on. The test reads xterm.js's own screen buffer
instead, through its public API (``terminal.buffer.active.getLine(y).translateToString()``):
the page keeps its terminal in a closure, so DevTools' ``Runtime.queryObjects`` finds the
object that holds it. Keys are typed into xterm's input element with ``Input.insertText``
and ``Input.dispatchKeyEvent``, as a user's keyboard would. A screenshot of the page is
saved in the test's own folder (``tmp_path``).
"""

from __future__ import annotations

import asyncio
import base64
import os
import re
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from store.sample import ensure_default_store
from store.store import CableStore
from tests.ssh_support import README_STORE, free_port, readme_serving

CHROMIUM = "/usr/bin/chromium"
PROJECT = Path(__file__).resolve().parents[1]

# Finds the page's object that owns the xterm.js terminal and keeps it for later reads.
_FIND_TERMINAL = """function () {
  const owner = this.find((candidate) => {
    try {
      const buffer = candidate && candidate.terminal && candidate.terminal.buffer;
      return Boolean(buffer && buffer.active && typeof buffer.active.getLine === "function");
    } catch (error) {
      return false;
    }
  });
  if (!owner) return false;
  window.__cablesTerminal = owner.terminal;
  return true;
}"""
# The terminal's visible rows, as text.
_SCREEN_TEXT = """(() => {
  const terminal = window.__cablesTerminal, buffer = terminal.buffer.active, rows = [];
  for (let y = 0; y < terminal.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
})()"""


class DevTools:
    """A minimal Chrome DevTools protocol client for one page."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.last_id = 0

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one command; return its result (events in between are ignored)."""
        self.last_id += 1
        call_id = self.last_id
        await self.socket.send_json({"id": call_id, "method": method, "params": params})
        while True:
            message = await asyncio.wait_for(self.socket.receive_json(), timeout=20)
            if message.get("id") == call_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]

    async def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    async def find_terminal(self) -> bool:
        """Find the page's xterm.js terminal (see the module docstring)."""
        prototype = await self.call("Runtime.evaluate", expression="Object.prototype")
        objects = await self.call(
            "Runtime.queryObjects", prototypeObjectId=prototype["result"]["objectId"]
        )
        found = await self.call(
            "Runtime.callFunctionOn",
            objectId=objects["objects"]["objectId"],
            functionDeclaration=_FIND_TERMINAL,
            returnByValue=True,
        )
        await self.call("Runtime.releaseObject", objectId=objects["objects"]["objectId"])
        return bool(found["result"].get("value"))

    async def screen(self) -> str:
        """The text on the page's terminal now."""
        found = await self.evaluate("Boolean(window.__cablesTerminal)")
        if not found and not await self.find_terminal():
            return ""
        return str(await self.evaluate(_SCREEN_TEXT))

    async def wait_for(
        self, predicate: Callable[[str], bool], what: str, timeout: float = 20.0
    ) -> str:
        """Wait until ``predicate(screen)``; return the screen, or fail showing it."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        screen = ""
        while loop.time() < deadline:
            screen = await self.screen()
            if predicate(screen):
                return screen
            await asyncio.sleep(0.1)
        raise AssertionError(f"waited {timeout:.0f} s for {what}; the page shows:\n{screen}")

    async def type(self, text: str) -> None:
        """Type text into the terminal."""
        await self.call("Input.insertText", text=text)

    async def press_enter(self) -> None:
        """Press the Enter key."""
        key = {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13}
        await self.call("Input.dispatchKeyEvent", type="keyDown", text="\r", **key)
        await self.call("Input.dispatchKeyEvent", type="keyUp", **key)

    async def screenshot(self, path: Path) -> None:
        """Save a PNG of the page."""
        shot = await self.call("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(shot["data"]))


def stop(process: subprocess.Popen[bytes]) -> None:
    """End a process this test started, and its process group (its session processes)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def group_commands(group: int) -> list[str]:
    """The command lines of the processes in process group ``group``."""
    commands = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == group:
                commands.append(
                    (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                )
        except (OSError, IndexError, ValueError):
            continue
    return commands


@dataclass
class Served:
    """A running ``cables serve``: its URL and process."""

    url: str
    process: subprocess.Popen[bytes]

    def sessions(self) -> list[str]:
        """The read-only browser sessions it runs (one per browser tab)."""
        return [c for c in group_commands(self.process.pid) if " browse --read-only " in c]


@asynccontextmanager
async def served(store: Path, folder: Path) -> AsyncIterator[Served]:
    """README's ``cables serve --store /srv/cables`` on this store, on a free port."""
    port = free_port()
    readme_command = readme_serving().serve_command  # cables serve --store /srv/cables
    arguments = [str(store) if word == README_STORE else word for word in readme_command[1:]]
    assert str(store) in arguments, readme_command
    log = (folder / "serve.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", *arguments, "--port", str(port)],
        cwd=PROJECT,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        async with aiohttp.ClientSession() as http:
            for _ in range(200):
                try:
                    async with http.get(url) as response:
                        if response.status == 200:
                            break
                except aiohttp.ClientError:
                    pass
                if process.poll() is not None:
                    raise AssertionError(f"cables serve exited: {log.name}")
                await asyncio.sleep(0.1)
        yield Served(url, process)
    finally:
        stop(process)
        log.close()


@asynccontextmanager
async def chromium_page(folder: Path) -> AsyncIterator[DevTools]:
    """A headless Chromium with one page, driven over DevTools."""
    port = free_port()
    log = (folder / "chromium.log").open("wb")
    process = subprocess.Popen(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--no-first-run",
            "--mute-audio",
            f"--user-data-dir={folder / 'chromium-profile'}",
            f"--remote-debugging-port={port}",
            "--window-size=860,720",  # about 90 columns: the reader's narrow layout
            "about:blank",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        async with aiohttp.ClientSession() as http:
            targets: list[dict[str, Any]] = []
            for _ in range(300):
                try:
                    async with http.get(f"http://127.0.0.1:{port}/json/list") as response:
                        targets = [t for t in await response.json() if t["type"] == "page"]
                    if targets:
                        break
                except aiohttp.ClientError:
                    pass
                if process.poll() is not None:
                    raise AssertionError(f"chromium exited; see {log.name}")
                await asyncio.sleep(0.1)
            assert targets, "chromium opened no page"
            async with http.ws_connect(targets[0]["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                devtools = DevTools(ws)
                await devtools.call("Page.enable")
                yield devtools
    finally:
        stop(process)
        log.close()


@pytest.fixture
def sample_store(tmp_path: Path) -> Path:
    """A store built from the packaged sample."""
    store = tmp_path / "store"
    ensure_default_store(store)
    return store


def only_row(screen: str, cable_id: str) -> bool:
    """The list shows one row, ``cable_id``'s."""
    # A row: a space, the class in three cells (U, S/N, TS…), a space, then the id.
    rows = [line for line in screen.splitlines()[1:] if re.match(r" [A-Z?/ ]{3} \d", line)]
    return len(rows) == 1 and cable_id in rows[0]


def gutterless(screen: str) -> str:
    """The reader's text without its 8-column gutter (¶ numbers, markings), in one line."""
    return " ".join(" ".join(line[8:].split()) for line in screen.splitlines())


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"Chromium is not installed ({CHROMIUM})")
async def test_cables_serve_shows_the_seed_cable_and_paragraph_5_in_headless_chromium(
    sample_store: Path, tmp_path: Path
) -> None:
    paragraph_5 = CableStore.open(sample_store).get_cable("08ASTANA611").paragraphs
    expected = " ".join(next(p.text for p in paragraph_5 if p.number == 5).split())
    async with served(sample_store, tmp_path) as server, chromium_page(tmp_path) as page:
        await page.call("Page.navigate", url=server.url)
        listing = await page.wait_for(lambda s: "40 cables" in s, "the list of 40 cables")
        assert "08ASTANA611" in listing and "Embassy Astana" in listing

        await page.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        await page.type("/")
        await page.type("ASTANA611")
        await page.wait_for(lambda s: only_row(s, "08ASTANA611"), "the list filtered")
        await page.press_enter()  # from the filter prompt to the list
        await page.wait_for(lambda s: "Open" in s.splitlines()[-1], "the list's keys")
        await page.press_enter()  # open the cable
        reader = await page.wait_for(lambda s: "Cites (" in s, "the reader")
        assert "2008-03-21 05:37 · Embassy Astana" in reader

        for _ in range(8):  # `]`: the next paragraph, until the status line says ¶5
            if "¶5 of" in await page.screen():
                break
            await page.type("]")
            await asyncio.sleep(0.2)
        shown = await page.wait_for(lambda s: "¶5 of" in s, "paragraph 5")
        assert expected[:60] in gutterless(shown), shown
        await page.screenshot(tmp_path / "cables-serve-08ASTANA611.png")

        # The tab has its own read-only session; a second tab gets another one.
        assert len(server.sessions()) == 1, server.sessions()
        assert f"--store {sample_store}" in server.sessions()[0]
        await page.call("Target.createTarget", url=server.url)
        for _ in range(200):
            if len(server.sessions()) == 2:
                break
            await asyncio.sleep(0.1)
        assert len(server.sessions()) == 2, server.sessions()
    assert (tmp_path / "cables-serve-08ASTANA611.png").stat().st_size > 10_000
