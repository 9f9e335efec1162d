"""Surnames of people the cables name often, from the package data
(``cables/data/surnames.txt.gz``, built by ``scripts/make_surnames.py``): a bare "Putin" or
"Zardari" with no cue around it is a person's name."""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources


@cache
def _surnames() -> frozenset[str]:
    data = resources.files("cables.data").joinpath("surnames.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode().split())


def is_known_surname(word: str) -> bool:
    """Whether ``word``, as written, closes the full names of people in several cables of the
    development corpus, and names nothing else."""
    return word in _surnames()
