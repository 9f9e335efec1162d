"""Name keys: ASCII folding, tokens, and the variant key that folds spellings of one name.

Names in cables come in many spellings: the seed cable writes one lawyer both
"Khobdabergenova" and "Hobdabergenova"; Russian endings are written -ov, -ev, -off or -ow;
Central Asian names are transliterated with kh or h, y or i, ou or u, doubled letters or not.

- :func:`fold` turns any text into lower-case ASCII (anyascii transliterates Cyrillic,
  accents, ligatures: "Хобдабергенова" -> "khobdabergenova", "Müller" -> "muller").
- :func:`tokens` splits folded text into words (apostrophes dropped: "O'Brien" -> "obrien";
  hyphens and spaces separate: "Hizb ut-Tahrir" -> hizb, ut, tahrir).
- :func:`word_key` maps one token to its variant key; two spellings of one word that differ
  only by the rules below share it.
- :func:`variant_key` is the key of a whole name: the word keys joined by single spaces;
  :func:`variant_keys` the keys of many names computed at once (a cable's, faster).

The word rules, applied in this order (stable: stored indexes depend on them):

1. letter groups: ``kh`` -> h, ``dzh`` -> j, ``ph`` -> f, ``ck`` -> k, ``ou`` -> u,
   ``y`` -> i, ``w`` -> v, ``q`` -> k;
2. doubled letters collapse to one ("Muhammad" = "Muhammmad", "Abdulla" = "Abdula");
3. an i between a vowel and an -ev ending goes ("Jumabayev" = "Jumabaev");
4. endings: -ev / -of -> -ov, -eva -> -ova, -evich -> -ovich, -evna -> -ovna
   ("Aliyev" = "Aliev" = "Aliov", "Smirnoff" = "Smirnov", "Khobdabergenowa" = "...ova").

The keys are for grouping and matching only, never shown.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

_APOSTROPHES = re.compile("['`\u2019\u02bc\u02bb]")
_WORD = re.compile(r"[a-z0-9]+")
_GROUPS = (
    ("dzh", "j"),
    ("kh", "h"),
    ("ph", "f"),
    ("ck", "k"),
    ("ou", "u"),
)
# The one-letter groups, after the others (none of them makes or breaks a group above).
_LETTERS = (("y", "i"), ("w", "v"), ("q", "k"))


def fold(text: str) -> str:
    """``text`` as lower-case ASCII: transliterated (anyascii), apostrophes removed."""
    if not text.isascii():
        text = anyascii(text)
    elif "'" not in text and "`" not in text:
        return text.lower()  # the common case: nothing to transliterate or drop
    return _APOSTROPHES.sub("", text).lower()


def tokens(text: str) -> list[str]:
    """The words of ``text``, folded: runs of ASCII letters and digits."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=65536)
def word_key(token: str) -> str:
    """The variant key of one folded token (see the module docstring for the rules): the
    rules of :func:`variant_key` on one word, remembered."""
    return variant_key(token)


# The word rules, on the words of names at once (no rule crosses a space or a line break).
# Each pattern begins with letters to look for, which the regular expression engine finds
# quickly; a look-behind after them checks what must come before, so that the frequent
# rules replace with plain text, inside the engine, with no Python function called for
# each match (over a cable's names, ten times as fast for the endings). The keys hold only
# a-z, 0-9, spaces and line breaks.
# A letter the same letter follows goes: doubled letters collapse, digits stay ("Abdulla",
# "2008").
_DOUBLED = re.compile(r"([a-z])(?=\1)")
# An i between a vowel and an -ev ending goes: the "ie" is "e" after a vowel (rare: a
# function says which).
_I_BEFORE_ENDING = re.compile(r"ie(?=v(?:a|ich|na)?\b)")
# A word's ending is where the word ends, after two letters or more.
_EV_ENDING = re.compile(r"ev(?<=[a-z0-9]{2}ev)(?=(?:ich|na|a)?\b)")
_OF_ENDING = re.compile(r"of(?<=[a-z0-9]{2}of)\b")


def _drop_i(match: re.Match[str]) -> str:
    at = match.start()
    return "e" if at and match.string[at - 1] in "aeiou" else "ie"


def _apply_rules(key: str) -> str:
    """The word rules (see the module docstring) applied to ``key``: folded tokens joined by
    single spaces (names, by line breaks)."""
    for group, replacement in _GROUPS:
        if group in key:
            key = key.replace(group, replacement)
    for letter, replacement in _LETTERS:
        if letter in key:
            key = key.replace(letter, replacement)
    key = _DOUBLED.sub("", key)
    if "ie" in key:
        key = _I_BEFORE_ENDING.sub(_drop_i, key)
    if "ev" in key:
        key = _EV_ENDING.sub("ov", key)
    if "of" in key:
        key = _OF_ENDING.sub("ov", key)
    return key


def variant_key(name: str) -> str:
    """The variant key of a name: its word keys joined by single spaces ("" for no words).

    >>> variant_key("Rayhan Khobdabergenova") == variant_key("Raykhan Hobdabergenowa")
    True

    Each rule is applied to all the words at once (no rule crosses a space: the key of a
    name is the keys of its words joined).
    """
    return _apply_rules(" ".join(_WORD.findall(fold(name))))


# Folded text as tokens: every byte but a lower-case letter, a digit or a line break a space.
_TOKEN_BYTES = bytes(
    code if chr(code) in "abcdefghijklmnopqrstuvwxyz0123456789\n" else 32 for code in range(256)
)
_SPACES = re.compile("  +")


def variant_keys(names: list[str]) -> list[str]:
    """The variant keys of ``names``, in order: :func:`variant_key` of each, computed for all
    of them at once (each rule runs once over the names joined by line breaks, which no rule
    crosses, as none crosses a space): a cable's names in about two thirds of the time."""
    joined = fold("\n".join(name if name.isascii() else anyascii(name) for name in names))
    words = joined.encode("ascii").translate(_TOKEN_BYTES).decode("ascii")
    if "  " in words:
        words = _SPACES.sub(" ", words)
    words = words.replace(" \n", "\n").replace("\n ", "\n").strip(" ")
    keys = _apply_rules(words).split("\n")
    if len(keys) != len(names):  # a name held a line break (or its transliteration did)
        return [variant_key(name) for name in names]
    return keys
