"""Where the words of a query fall in a name: the character spans to highlight.

Names may hold letters that fold to other letters or to several (Cyrillic, accents), so the
name is folded one character at a time, keeping for each folded character the position of
the character it came from. Each query word is looked for in the folded name: as it is, or
failing that, its closest part (rapidfuzz's alignment), so a typo still lights up the part
of the name it matched. Pure Python.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from cables.names import fold

__all__ = ["match_spans"]

_FUZZY_CUTOFF = 60.0


def _folded_with_origins(name: str) -> tuple[str, list[int]] | tuple[str, range]:
    if name.isascii():  # the usual case: one folded character per character
        return name.lower(), range(len(name))
    chars: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(name):
        folded = fold(char) if not char.isascii() else char.lower()
        chars.append(folded)
        origins.extend([index] * len(folded))
    return "".join(chars), origins


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def match_spans(name: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) spans of ``name`` matched by the folded query ``words``, sorted, merged."""
    folded, origins = _folded_with_origins(name)
    if not folded:
        return []
    spans: list[tuple[int, int]] = []
    for word in words:
        if not word:
            continue
        at = folded.find(word)
        if at >= 0:
            start, end = at, at + len(word)
        else:
            alignment = fuzz.partial_ratio_alignment(word, folded, score_cutoff=_FUZZY_CUTOFF)
            if alignment is None or alignment.dest_end <= alignment.dest_start:
                continue
            start, end = alignment.dest_start, alignment.dest_end
        spans.append((origins[start], origins[end - 1] + 1))
    return _merge(spans)
