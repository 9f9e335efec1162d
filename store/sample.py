"""The sample corpus shipped in the package: the store ``cables`` opens on first run.

``cables/data/sample.jsonl.gz`` holds parsed cables as JSON Lines (the form of
``cables parse --json``); building a store from it needs no parser.
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import orjson

from cables.jsonform import cable_from_json
from cables.model import Cable
from store.errors import StoreError, StoreLockedError
from store.layout import MANIFEST, is_empty_store_folder, read_manifest
from store.lock import read_holder
from store.records import make_record
from store.writer import StoreWriter

SAMPLE_PACKAGE = "cables.data"
SAMPLE_NAME = "sample.jsonl.gz"
#: What the lock file says while ``cables`` builds the sample store.
SAMPLE_COMMAND = "cables (building the sample store)"
#: Seconds to wait for another ``cables`` building the sample store at the same moment.
SAMPLE_LOCK_WAIT = 30.0


def sample_cables(data: bytes | None = None) -> Iterator[Cable]:
    """The cables of the packaged sample (or of these gzipped JSON Lines bytes)."""
    if data is None:
        try:
            data = resources.files(SAMPLE_PACKAGE).joinpath(SAMPLE_NAME).read_bytes()
        except (FileNotFoundError, ModuleNotFoundError):
            raise StoreError(
                f"the sample corpus ({SAMPLE_NAME}) is missing from this installation of "
                f"Cables: import cables with `cables import PATH...`"
            ) from None
    try:
        text = gzip.decompress(data)
    except (OSError, EOFError) as error:
        raise StoreError(f"the packaged sample corpus is damaged: {error}") from None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield cable_from_json(orjson.loads(line))
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            raise StoreError(
                f"the packaged sample corpus is damaged (line {number}: {error})"
            ) from None


def ensure_default_store(directory: Path, *, data: bytes | None = None) -> bool:
    """Build a store from the packaged sample if ``directory`` holds no store; True if built.

    A folder holding something else, or a store of another version, is left alone (opening
    it then says why). A store that was created but never got a cable (a first run killed
    mid-way) is filled. If another ``cables`` builds the sample at the same moment, this
    waits for it (a second or so) and returns False. If an import is creating the store, this
    returns False at once: the browser opens on what the import has committed so far, rather
    than wait for the whole import.
    """
    directory = Path(directory)
    if (directory / MANIFEST).exists():
        try:
            if read_manifest(directory).generation > 0:
                return False
        except StoreError:
            return False
    elif not is_empty_store_folder(directory):
        return False
    deadline = time.monotonic() + SAMPLE_LOCK_WAIT
    while True:
        try:
            with StoreWriter(directory, command=SAMPLE_COMMAND) as writer:
                if writer.manifest.generation > 0:
                    return False
                for cable in sample_cables(data):
                    writer.add(make_record(cable, SAMPLE_NAME))
            return True
        except StoreLockedError:
            importing = read_holder(directory).command != SAMPLE_COMMAND
            if importing and (directory / MANIFEST).exists():
                return False
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.05)
