#!/usr/bin/env python3
"""Build the list of English words shipped inside the package: ``cables/data/english.txt.gz``.

The casing dictionary (``scripts/make_casing.py``) knows the words of the development
corpus only, some 20,000. In a cable in capitals, a run of words it has never seen is
taken for a name ("MORTEZA SIAPOUSHI") only when no word of it is English either
("SEMANTIC NICETY" is not a name). This list holds the words of pyspellchecker's English
frequency dictionary (built from subtitles and other text; maintained, on the package
index) that the casing dictionary lacks: ASCII letters only, two letters or more, one a line,
sorted. The case restoration also writes such a word in lower case in a line in capitals
("POLICE NETS"), unless a title, a place or a name's neighbour keeps it; names that
subtitles use ("nixon", "helms") are in it too, and lose their capital there unless so
kept.

It also writes ``cables/data/everyday.txt.gz``: the words of that dictionary frequent
enough to be everyday English (a count of at least EVERYDAY_COUNT; the rarest words have 50),
whether the cables capitalise them or not ("army", "studies", "green"). Names of bodies are
rare there or absent ("mossad", "gazprom", "yabloko"), so a capitalised word in a list of
bodies that is not everyday English is taken for one of them.

usage: python scripts/make_english.py   (needs the data extra: pip install -e '.[data]')
"""

from __future__ import annotations

import gzip
import json
from importlib import resources
from pathlib import Path

from word_list import write_list

from cables.entities.casing import casing_dictionary

PROJECT = Path(__file__).resolve().parents[1]
OUT = PROJECT / "cables" / "data" / "english.txt.gz"
EVERYDAY_OUT = PROJECT / "cables" / "data" / "everyday.txt.gz"
EVERYDAY_COUNT = 100


def main() -> int:
    """Read pyspellchecker's English dictionary, write the words the casing one lacks and
    the everyday words."""
    source = resources.files("spellchecker.resources").joinpath("en.json.gz")
    frequencies: dict[str, int] = json.loads(gzip.decompress(source.read_bytes()))
    known = casing_dictionary()
    words = sorted(
        word
        for word in frequencies
        if word.isascii() and word.isalpha() and len(word) >= 2 and word not in known
    )
    write_list(OUT, words, "words")
    everyday = sorted(
        word
        for word, count in frequencies.items()
        if count >= EVERYDAY_COUNT and word.isascii() and word.isalpha() and len(word) >= 2
    )
    write_list(EVERYDAY_OUT, everyday, "words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
