"""Data shipped inside the package: the bundled sample and the word lists the extractor
reads (each built by a script in ``scripts/``)."""

from __future__ import annotations

import gzip
from importlib import resources


def list_entries(name: str) -> list[str]:
    """The entries of a word list shipped here (``name``: its file, gzipped text with one
    entry a line), in the file's order."""
    data = resources.files(__name__).joinpath(name).read_bytes()
    return gzip.decompress(data).decode().splitlines()
