"""A store of real cables for the lookup's tests, built once per test process.

Every page of tests/corpus (the seed blog copy, the WikiLeaks pages, the old-format pages)
imported with the real ``cables import``: the entities are the extractor's own, so the
seed names Khobdabergenova / Hobdabergenova and Bahadyr Narymbetov.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from textual.pilot import Pilot

from tests.conftest import CORPUS
from tests.store_support import run_cli

__all__ = ["real_store", "wait_for_screen", "wait_until"]


@cache
def real_store() -> Path:
    """The folder of a store holding every real cable of tests/corpus (built on first use)."""
    folder = Path(tempfile.mkdtemp(prefix="cables-lookup-"))
    atexit.register(shutil.rmtree, folder, True)
    store = folder / "store"
    sources = [CORPUS / "blog", CORPUS / "wikileaks-html", CORPUS / "old-format"]
    result = run_cli("import", "--store", str(store), *map(str, sources))
    assert result.returncode == 0, result.stderr
    return store


async def wait_until(pilot: Pilot, condition, what: str, tries: int = 250) -> None:
    """Pause until ``condition()`` holds (failing, saying ``what``, after about 5 s)."""
    for _ in range(tries):
        if condition():
            await pilot.pause()
            return
        await pilot.pause(0.02)
    raise AssertionError(f"timed out waiting for {what}")


async def wait_for_screen(pilot: Pilot, kind: type) -> object:
    """Pause until the screen on top is a ``kind``; return it."""
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, kind), kind.__name__)
    return pilot.app.screen
