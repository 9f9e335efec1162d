"""Names of organisations that are groups' even with no cue around them: a bare "al-Qaida",
"Gazprom" or "Boeing". Two lists of the package data, each built by a script: the groups
the cables of the development corpus name often (``cables/data/groups.txt.gz``,
``scripts/make_groups.py``) and the companies of the main stock indices
(``cables/data/companies.txt.gz``, ``scripts/make_companies.py``); and the words that,
after an Arabic article however written, name a group (those lists' "al-Qaida", the Arab
media of :data:`cables.entities.cues.ARAB_MEDIA`)."""

from __future__ import annotations

import re
from functools import cache

from cables.data import list_entries
from cables.entities.cues import ARAB_MEDIA

# A name of one Arabic article and one word, as the lists write it ("al-Qaida", "Al-Shabaab").
_LISTED_ARTICLE_NAME = re.compile(r"(?:al|el)-([a-z][a-z']*)")


@cache
def known_group_names() -> frozenset[str]:
    """Every name of the two lists, as written."""
    return frozenset(list_entries("groups.txt.gz")) | frozenset(list_entries("companies.txt.gz"))


def is_known_group(name: str) -> bool:
    """Whether ``name``, as written, is a group's in several cables of the development corpus
    or a listed company's, and names nothing else."""
    return name in known_group_names()


@cache
def arabic_group_words() -> frozenset[str]:
    """The words that, after an Arabic article, name a group whatever the article's spelling
    ("Al Qaeda", "al-Qaeda", "al Qaeda"; "Al Jazeera", "al-Jazeera"): the listed groups named
    by an article and one word, and the Arab media the cables quote bare, in lower case."""
    listed = (
        _LISTED_ARTICLE_NAME.fullmatch(name.lower().replace("’", "'"))
        for name in known_group_names()
    )
    return frozenset(match.group(1) for match in listed if match) | ARAB_MEDIA
