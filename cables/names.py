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
- :func:`variant_key` is the key of a whole name: the word keys joined by single spaces.

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
_DOUBLED = re.compile(r"([a-z])\1+")
_VOWEL_I_ENDING = re.compile(r"([aeiou])i(e(?:v|va|vich|vna))$")
_ENDINGS = (
    ("evich", "ovich"),
    ("evna", "ovna"),
    ("eva", "ova"),
    ("ev", "ov"),
    ("of", "ov"),
)
_ENDING_KEYS = tuple(ending for ending, _ in _ENDINGS)
_I_ENDINGS = ("iev", "ieva", "ievich", "ievna")


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


# The word rules, on the words of a whole name at once (no rule crosses a space): a word's
# ending is where the word ends, after two letters or more.
_VOWEL_I_ENDINGS = re.compile(r"([aeiou])i(e(?:v|va|vich|vna))\b")
_WORD_ENDINGS = re.compile(r"(?<=[a-z0-9]{2})(?:evich|evna|eva|ev|of)\b")
_ENDING_REPLACEMENTS = dict(_ENDINGS)


def _replace_ending(match: re.Match[str]) -> str:
    return _ENDING_REPLACEMENTS[match.group()]


def variant_key(name: str) -> str:
    """The variant key of a name: its word keys joined by single spaces ("" for no words).

    >>> variant_key("Rayhan Khobdabergenova") == variant_key("Raykhan Hobdabergenowa")
    True

    Each rule is applied to all the words at once (no rule crosses a space: the key of a
    name is the keys of its words joined).
    """
    key = " ".join(_WORD.findall(fold(name)))
    for group, replacement in _GROUPS:
        if group in key:
            key = key.replace(group, replacement)
    for letter, replacement in _LETTERS:
        if letter in key:
            key = key.replace(letter, replacement)
    if _DOUBLED.search(key):
        key = _DOUBLED.sub(r"\1", key)
    if "ie" in key:
        key = _VOWEL_I_ENDINGS.sub(r"\1\2", key)
    if "ev" in key or "of" in key:
        key = _WORD_ENDINGS.sub(_replace_ending, key)
    return key
