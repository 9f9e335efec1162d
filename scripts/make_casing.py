#!/usr/bin/env python3
"""Build the casing dictionary shipped inside the package: ``cables/data/casing.txt.gz``.

A tenth of the corpus (all of 1966-1975) is in capitals. To find names there, the extractor
gives each word back its usual case, learned here from the mixed-case cables: every word seen
inside a sentence (not at its start, where any word is capitalised) is counted in each of its
spellings ("iran" -> "Iran", "usg" -> "USG", "minister" -> "minister"), and the most frequent
spelling is kept. One word a line, in that spelling, sorted; the key is the word in lower case.

usage: python scripts/make_casing.py [CORPUS_DIR ...]   (default: ../shared/corpus)
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from word_list import write_list

from cables.model import Cable
from cables.sources import iter_cables

PROJECT = Path(__file__).resolve().parents[1]
OUT = PROJECT / "cables" / "data" / "casing.txt.gz"

# A word, and what comes before it (to tell a sentence start from a word inside a sentence).
WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
SENTENCE_OPENERS = tuple('.!?:;"([-*')


def is_mixed_case(text: str) -> bool:
    """Whether a text is written in mixed case (not all capitals)."""
    lower = sum(1 for ch in text if ch.islower())
    upper = sum(1 for ch in text if ch.isupper())
    return lower > 2 * upper


def count_forms(cables: list[Cable]) -> dict[str, Counter[str]]:
    """The spellings of each word (by its lower-case key) inside sentences of mixed-case text."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for cable in cables:
        for para in cable.paragraphs:
            for line in para.text.split("\n"):
                if not is_mixed_case(line):
                    continue
                for match in WORD.finditer(line):
                    before = line[max(0, match.start() - 3) : match.start()].rstrip()
                    if not before or before.endswith(SENTENCE_OPENERS):
                        continue
                    word = match.group()
                    forms[word.lower()][word] += 1
    return forms


def preferred(forms: dict[str, Counter[str]]) -> list[str]:
    """The most frequent spelling of each word; ties go to the lower-case one."""
    chosen = []
    for key, counts in forms.items():
        best = max(counts.items(), key=lambda item: (item[1], item[0] == key))[0]
        chosen.append(best)
    return sorted(chosen, key=str.lower)


def main() -> int:
    """Read the corpus, write the dictionary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", default=[str(PROJECT.parent / "shared" / "corpus")])
    args = parser.parse_args()
    cables = []
    for item in iter_cables(args.corpus):
        if isinstance(item, Cable):
            cables.append(item)
        else:
            print(f"make_casing: {item}", file=sys.stderr)
    words = preferred(count_forms(cables))
    write_list(OUT, words, f"words from {len(cables)} cables")
    return 0


if __name__ == "__main__":
    sys.exit(main())
