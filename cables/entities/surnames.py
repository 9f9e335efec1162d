"""Surnames of people the cables name often, from the package data
(``cables/data/surnames.txt.gz``, built by ``scripts/make_surnames.py``): a bare "Putin" or
"Zardari" with no cue around it is a person's name."""

from __future__ import annotations

from functools import cache

from cables.data import list_entries


@cache
def _surnames() -> frozenset[str]:
    return frozenset(list_entries("surnames.txt.gz"))


def is_known_surname(word: str) -> bool:
    """Whether ``word``, as written, closes the full names of people in several cables of the
    development corpus, and names nothing else."""
    return word in _surnames()
