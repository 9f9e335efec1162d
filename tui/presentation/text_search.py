"""Searching one cable's displayed text: the matches, which one is current, stepping through.

Matches are character offsets in the paragraphs' display text (see
:func:`tui.presentation.cable_layout.display_text`), so they can be drawn on whatever lines the
text wraps to. Pure Python.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = ["Match", "SpanFinder", "TextSearch"]

#: Finds the spans (start, end) to highlight in one text, in order: how a full-text query
#: (every word, phrase, prefix and fuzzy word it searches) is found again in a cable.
SpanFinder = Callable[[str], Sequence[tuple[int, int]]]


@dataclass(frozen=True, slots=True)
class Match:
    """One hit: the paragraph's position and the offsets of the hit in its display text."""

    paragraph: int
    start: int
    end: int


class TextSearch:
    """The hits of a case-insensitive ``query`` in ``texts``, one of them current.

    An empty query finds nothing. With ``finder``, the hits are the spans it finds in each
    text (``query`` then only names the search, e.g. the full-text query line); without,
    they are the occurrences of ``query`` itself. :attr:`index` is the position of the
    current hit in :attr:`matches`, or None before one has been chosen.
    """

    def __init__(
        self, texts: Sequence[str] = (), query: str = "", finder: SpanFinder | None = None
    ) -> None:
        self.query = query.strip()
        self.finder = finder
        self.matches: list[Match] = []
        self.index: int | None = None
        self._by_paragraph: dict[int, list[int]] = {}
        if not self.query:
            return
        if finder is None:
            pattern = re.compile(re.escape(self.query), re.IGNORECASE)
            finder = _occurrences(pattern)
        for position, text in enumerate(texts):
            for start, end in finder(text):
                if 0 <= start < end <= len(text):
                    self._by_paragraph.setdefault(position, []).append(len(self.matches))
                    self.matches.append(Match(position, start, end))

    def __len__(self) -> int:
        return len(self.matches)

    @property
    def current(self) -> Match | None:
        """The current hit, or None."""
        return None if self.index is None else self.matches[self.index]

    @property
    def number(self) -> int | None:
        """The 1-based number of the current hit, or None."""
        return None if self.index is None else self.index + 1

    def select(self, index: int) -> Match:
        """Make hit ``index`` current (taken round the ends) and return it."""
        self.index = index % len(self.matches)
        return self.matches[self.index]

    def step(self, step: int) -> Match | None:
        """Make the next (``+1``) or previous (``-1``) hit current, round the ends."""
        if not self.matches:
            return None
        if self.index is None:
            return self.select(0 if step > 0 else -1)
        return self.select(self.index + step)

    def in_paragraph(self, position: int) -> list[tuple[int, Match]]:
        """(index, hit) of every hit in the paragraph at ``position``, in text order."""
        return [(i, self.matches[i]) for i in self._by_paragraph.get(position, ())]


def _occurrences(pattern: re.Pattern[str]) -> SpanFinder:
    def find(text: str) -> list[tuple[int, int]]:
        return [hit.span() for hit in pattern.finditer(text)]

    return find
