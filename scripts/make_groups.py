#!/usr/bin/env python3
"""Build the names of organisations the cables name often: ``cables/data/groups.txt.gz``.

Many organisations carry no organisation word in their names and are named bare, without a
cue, in the cable at hand ("a complement to al-Qaida", "the Taliban", "Gazprom"): nothing in
that cable says what they are, and one mention without a cue is dropped. Other cables say it:
"al-Qaida in the Islamic Maghreb (AQIM)", "Taliban fighters", "Gazprom's CEO". This script runs
the extractor (without this list) over the cables of a corpus (by default the development
corpus, ``../shared/corpus``) and keeps every form of a group that it finds in at least
``MIN_CABLES`` cables, and as a group in far more cables than as a person or a place, unless
the form is also something else: a place the gazetteer knows, everyday English (unless the
cables always capitalise it and English seldom uses it, as "Taliban": then in at least
``MIN_CABLES_RARE`` cables) or a word the cables write in lower case, a people's name (or a
word whose plural the cables capitalise), a cue word, an acronym (the cable's own acronyms
are linked to their names already), or a name that holds an organisation word (its cue is in
the name). The extractor then takes such a name, alone and without a cue, for a group's.
The cables of the gold (``gold/entities.json`` of the corpus) are left out, so that the gold
still scores the extractor on names it did not learn from.

usage: python scripts/make_groups.py [CORPUS_DIR]   (default: ../shared/corpus)
"""

from __future__ import annotations

import argparse
from collections import Counter
from functools import cache
from pathlib import Path

from spellchecker import SpellChecker
from spellchecker.spellchecker import WordFrequency
from word_list import gold_cable_ids, write_list

import cables.entities.known_groups as known_groups
from cables.entities import extract_entities
from cables.entities.casing import (
    is_capitalised_plural,
    is_common_word,
    is_demonym,
    is_everyday_word,
    usual_form,
)
from cables.entities.cues import ORG_WORDS, ROLES, STANDALONE_ORGS, TITLES
from cables.entities.extract import ACRONYM_WORD
from cables.entities.gazetteer import is_place
from cables.model import Cable
from cables.sources import iter_cables

PROJECT = Path(__file__).resolve().parents[1]
OUT = PROJECT / "cables" / "data" / "groups.txt.gz"
#: In how many cables a name must be a group's.
MIN_CABLES = 2
#: How many times more cables must make it a group's than a person's or a place's.
GROUP_SHARE = 4
#: A word of everyday English is a name when English uses it fewer times than this in
#: pyspellchecker's counts and the cables write it capitalised ...
RARE_IN_ENGLISH = 1_000
#: ... and in at least this many cables as a group's ("Amazon" and "Cambridge" in two).
MIN_CABLES_RARE = 3
CUE_WORDS = TITLES | ORG_WORDS | STANDALONE_ORGS | ROLES


def _a_word(word: str) -> bool:
    """Whether ``word`` is a common word rather than a name: one the cables write in lower
    case, or everyday English, unless the cables write it capitalised and English rarely
    uses it (:func:`_rare_name`)."""
    return is_common_word(word) or (is_everyday_word(word) and not _rare_name(word))


def _rare_name(word: str) -> bool:
    """Whether a word of everyday English is a name the cables always capitalise and
    English seldom writes: "Taliban" (510 in pyspellchecker's counts), "Socialists" (771),
    not "Kingdom" (27,910), "Internet" (10,047) or "Google" (2,012)."""
    usual = usual_form(word)
    return (
        usual is not None
        and usual[:1].isupper()
        and not usual.isupper()
        and _english_counts()[word.lower()] < RARE_IN_ENGLISH
    )


@cache
def _english_counts() -> WordFrequency:
    """pyspellchecker's English word counts (subtitles and other text)."""
    return SpellChecker(language="en").word_frequency


def kept(name: str) -> bool:
    """Whether a group's name names nothing else (see the module docstring)."""
    words = name.split(" ")
    return (
        len(name) > 2
        and name[0].isalpha()
        and not name.isupper()
        and ACRONYM_WORD.match(name) is None
        and not is_place(name)
        and not any(map(is_place, words))
        and not any(word.lower() in CUE_WORDS for word in words)
        and not all(map(_a_word, words))
        # a people's name: "Basque", "Guinean" ("Basques", "Guineans")
        and not (len(words) == 1 and (is_demonym(name) or is_capitalised_plural(name + "s")))
    )


def main() -> int:
    """Count the groups over the corpus, keep the frequent ones, write the file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(PROJECT.parent / "shared" / "corpus"))
    args = parser.parse_args()
    gold = gold_cable_ids(Path(args.corpus))
    known_groups.known_group_names = lambda: frozenset()  # learn without the list itself
    counts: dict[str, Counter[str]] = {kind: Counter() for kind in ("groups", "people", "places")}
    for item in iter_cables([args.corpus]):
        if not isinstance(item, Cable) or item.id in gold:
            continue
        entities = extract_entities(item)
        for kind, counter in counts.items():
            counter.update({form for entity in getattr(entities, kind) for form in entity.forms})
    groups, others = counts["groups"], counts["people"] + counts["places"]
    names = sorted(
        name
        for name, cables in groups.items()
        if cables >= MIN_CABLES
        and cables >= GROUP_SHARE * others[name]
        and kept(name)
        and (cables >= MIN_CABLES_RARE or not any(map(is_everyday_word, name.split(" "))))
    )
    write_list(OUT, names, "group names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
