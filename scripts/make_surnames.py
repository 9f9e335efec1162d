#!/usr/bin/env python3
"""Build the surnames of people the cables name often: ``cables/data/surnames.txt.gz``.

A cable often names a leader by the bare surname, with no title and no given name ("meetings
with Medvedev and Putin", "the UAE has been supportive of Zardari"): nothing in that cable
says it is a person's name. Other cables say so, with a title: "President Medvedev",
"Prime Minister Putin", "President Asif Ali Zardari". This script reads the mixed-case cables
of a corpus (by default the development corpus, ``../shared/corpus``) and keeps the last word
of every name written after a title (a capitalised word of the extractor's titles, then up to
two given names) in at least ``MIN_CABLES`` cables, unless that word is also something else:
a place the gazetteer knows, everyday English (``cables/data/everyday.txt.gz``: "Brown",
"Rice"; unless titled in ``MIN_CABLES_EVERYDAY`` cables and seldom a given name: "Putin",
"Obama"), a month, a word the cables write in lower case, a cue word (titles, organisation
words, jargon), a people's name, or not a plain capitalised word. The extractor then takes such
a word, alone and without a cue, for a person's surname. The cables of the gold
(``gold/entities.json`` of the corpus) are left out, so that the gold still scores the
extractor on names it did not learn from.

usage: python scripts/make_surnames.py [CORPUS_DIR]   (default: ../shared/corpus)
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from word_list import gold_cable_ids, write_list

from cables.entities.casing import casing_dictionary, is_all_caps, is_demonym, is_everyday_word
from cables.entities.cues import CALENDAR_WORDS, JARGON, ORG_WORDS, ROLES, STANDALONE_ORGS, TITLES
from cables.entities.gazetteer import is_place
from cables.model import Cable
from cables.sources import iter_cables

PROJECT = Path(__file__).resolve().parents[1]
OUT = PROJECT / "cables" / "data" / "surnames.txt.gz"
#: In how many cables a surname must follow a title.
MIN_CABLES = 2
#: ... and one that is also an everyday English word ("Putin", "Obama" are in the list of
#: everyday words that "Brown" and "Rice" are in), seldom a given name.
MIN_CABLES_EVERYDAY = 10
PLAIN_NAME = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")
CUE_WORDS = TITLES | ORG_WORDS | STANDALONE_ORGS | ROLES | JARGON
#: A title as the cables write it inside a sentence, then up to two given names and the
#: surname ("President Asif Ali Zardari", "FM Lavrov").
TITLE_THEN_NAME = re.compile(
    r"\b(?:"
    + "|".join(sorted((re.escape(t.capitalize()) for t in TITLES if t.isalpha()), key=len)[::-1])
    + r")\.? (?:[A-Z][a-z]+ ){0,2}([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
)


def surnames_after_titles(cable: Cable) -> set[str]:
    """The last words of the names written after a title in ``cable``."""
    return {
        match.group(1)
        for paragraph in cable.paragraphs
        for match in TITLE_THEN_NAME.finditer(paragraph.text)
    }


def given_names_after_titles(cable: Cable) -> set[str]:
    """The words before the last of the names written after a title in ``cable``."""
    return {
        word
        for paragraph in cable.paragraphs
        for match in TITLE_THEN_NAME.finditer(paragraph.text)
        for word in match.group().split(" ")[1:-1]
    }


def kept(word: str, cables: int, as_given_name: int) -> bool:
    """Whether a surname, after a title in ``cables`` cables and among the given names in
    ``as_given_name``, names nothing else (see the module docstring)."""
    usual = casing_dictionary().get(word.lower())
    return (
        PLAIN_NAME.match(word) is not None
        and len(word) > 3
        and word.lower() not in CUE_WORDS
        and word.lower() not in CALENDAR_WORDS
        and not is_place(word)
        and (
            not is_everyday_word(word)
            or (cables >= MIN_CABLES_EVERYDAY and as_given_name * 3 < cables)
        )
        and not is_demonym(word)
        and not (usual is not None and usual.islower())
    )


def main() -> int:
    """Count the surnames over the corpus, keep the frequent ones, write the file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(PROJECT.parent / "shared" / "corpus"))
    args = parser.parse_args()
    gold = gold_cable_ids(Path(args.corpus))
    counts: Counter[str] = Counter()
    given: Counter[str] = Counter()
    for item in iter_cables([args.corpus]):
        if (
            isinstance(item, Cable)
            and item.id not in gold
            and not is_all_caps(" ".join(p.text for p in item.paragraphs[1:4]))
        ):
            counts.update(surnames_after_titles(item))
            given.update(given_names_after_titles(item))
    words = sorted(w for w, n in counts.items() if n >= MIN_CABLES and kept(w, n, given[w]))
    write_list(OUT, words, "surnames")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
