#!/usr/bin/env python3
"""Build the list of frequent Spanish words shipped inside the package:
``cables/data/spanish.txt.gz``.

"El" begins the names of Spanish-language newspapers ("El Pais", "El Mundo", "El Tiempo",
"El Universal") as "Le" and "La" begin French and Spanish ones, but it also begins Arabic
surnames ("El Masri", "El Baradei", "Jaled El Masri"). The word after it tells them apart:
a newspaper's is a Spanish word. This list holds the words of pyspellchecker's Spanish
frequency dictionary (maintained, on the package index, used here only) with a count of at
least MIN_COUNT: letters only, three or more, folded to lower-case ASCII as names are
(:func:`cables.names.fold`: "país" -> "pais"), one a line, sorted.

usage: python scripts/make_spanish.py   (needs the data extra: pip install -e '.[data]')
"""

from __future__ import annotations

import gzip
import json
from importlib import resources
from pathlib import Path

from word_list import write_list

from cables.names import fold

PROJECT = Path(__file__).resolve().parents[1]
OUT = PROJECT / "cables" / "data" / "spanish.txt.gz"
#: The rarest count kept (the dictionary's rarest words have 50): "heraldo" has 650.
MIN_COUNT = 500


def main() -> int:
    """Read pyspellchecker's Spanish dictionary, write its frequent words folded."""
    source = resources.files("spellchecker.resources").joinpath("es.json.gz")
    frequencies: dict[str, int] = json.loads(gzip.decompress(source.read_bytes()))
    words = sorted(
        {
            fold(word)
            for word, count in frequencies.items()
            if count >= MIN_COUNT and word.isalpha() and len(word) >= 3
        }
    )
    write_list(OUT, words, "words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
