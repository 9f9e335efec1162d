"""Searching one cable's displayed text: the matches, which one is current, stepping through.

Matches are character offsets in the paragraphs' display text (see
:func:`tui.presentation.cable_layout.display_text`), so they can be drawn on whatever lines the
text wraps to. Pure Python.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Match", "TextSearch"]


@dataclass(frozen=True, slots=True)
class Match:
    """One hit: the paragraph's position and the offsets of the hit in its display text."""

    paragraph: int
    start: int
    end: int


class TextSearch:
    """The hits of a case-insensitive ``query`` in ``texts``, one of them current.

    An empty query finds nothing. :attr:`index` is the position of the current hit in
    :attr:`matches`, or None before one has been chosen.
    """

    def __init__(self, texts: Sequence[str] = (), query: str = "") -> None:
        self.query = query.strip()
        self.matches: list[Match] = []
        self.index: int | None = None
        self._by_paragraph: dict[int, list[int]] = {}
        if self.query:
            pattern = re.compile(re.escape(self.query), re.IGNORECASE)
            for position, text in enumerate(texts):
                for hit in pattern.finditer(text):
                    self._by_paragraph.setdefault(position, []).append(len(self.matches))
                    self.matches.append(Match(position, hit.start(), hit.end()))

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
