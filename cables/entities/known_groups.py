"""Names of organisations the cables name often, from the package data
(``cables/data/groups.txt.gz``, built by ``scripts/make_groups.py``): a bare "al-Qaida" or
"Gazprom" with no cue around it is a group's name."""

from __future__ import annotations

from functools import cache

from cables.data import list_entries


@cache
def known_group_names() -> frozenset[str]:
    """Every name of the list, as written."""
    return frozenset(list_entries("groups.txt.gz"))


def is_known_group(name: str) -> bool:
    """Whether ``name``, as written, is a group's in several cables of the development corpus,
    and names nothing else."""
    return name in known_group_names()
