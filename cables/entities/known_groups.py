"""Names of organisations that are groups' even with no cue around them: a bare "al-Qaida",
"Gazprom" or "Boeing". Two lists of the package data, each built by a script: the groups
the cables of the development corpus name often (``cables/data/groups.txt.gz``,
``scripts/make_groups.py``) and the companies of the main stock indices
(``cables/data/companies.txt.gz``, ``scripts/make_companies.py``)."""

from __future__ import annotations

from functools import cache

from cables.data import list_entries


@cache
def known_group_names() -> frozenset[str]:
    """Every name of the two lists, as written."""
    return frozenset(list_entries("groups.txt.gz")) | frozenset(list_entries("companies.txt.gz"))


def is_known_group(name: str) -> bool:
    """Whether ``name``, as written, is a group's in several cables of the development corpus
    or a listed company's, and names nothing else."""
    return name in known_group_names()
