"""A cable's paragraphs laid out as screen lines at one width, and the line <-> paragraph map.

The reader draws line ``y`` of a cable by asking which paragraph it belongs to and which slice
of that paragraph's text it shows. Paragraphs are told apart by their *position* in the
cable (0, 1, 2 …), not by their number, so that ¶0 and odd numberings need no special case;
:meth:`CableLayout.number` and :meth:`CableLayout.position_of` convert. Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from cables.model import Cable
from cables.sanitize import clean_text
from tui.presentation.wrapping import reflow, wrap_offsets

__all__ = ["BLANK", "GUTTER_WIDTH", "CableLayout", "LayoutLine"]

GUTTER_WIDTH = 7  # six cells of label, one space
BLANK = -1  # the paragraph position of a blank line between paragraphs

GutterKind = Literal["number", "marking", ""]


@dataclass(frozen=True, slots=True)
class LayoutLine:
    """One screen line: ``text(paragraph)[start:end]``, or a blank between paragraphs.

    ``gutter`` is the label left of the text: the ¶ number on a paragraph's first line, its
    portion marking (SBU, C, S/NF) on the second, else empty.
    """

    paragraph: int  # position in the cable's paragraphs; BLANK for a blank line
    start: int
    end: int
    gutter: str
    gutter_kind: GutterKind


def display_text(text: str) -> str:
    """A paragraph's text as the reader shows it: made safe, reflowed, tabs expanded."""
    return reflow(clean_text(text)).expandtabs(4)


def _gutter_marking(marking: str | None) -> list[str]:
    """The portion marking as gutter labels, one a line: a long marking (``S//REL NATO,
    ISAF``) wraps at spaces (or is cut every six cells), never cut short."""
    words = " ".join(clean_text(marking or "").split()).split(" ")
    room = GUTTER_WIDTH - 1
    labels: list[str] = []
    for word in filter(None, words):
        while len(word) > room:
            labels.append(word[:room])
            word = word[room:]
        if labels and len(labels[-1]) + 1 + len(word) <= room:
            labels[-1] += " " + word
        elif word:
            labels.append(word)
    return labels


class CableLayout:
    """The paragraphs of one cable as display text, wrapped into lines at :attr:`width`.

    Call :meth:`wrap` with the text width before reading lines; wrapping again at the same
    width does nothing. A blank line separates paragraphs; every paragraph has at least as
    many lines as it has gutter labels.
    """

    def __init__(self, cable: Cable) -> None:
        self.cable = cable
        self.texts: list[str] = [display_text(p.text) for p in cable.paragraphs]
        self.numbers: list[int] = [p.number for p in cable.paragraphs]
        self._markings = [_gutter_marking(p.marking) for p in cable.paragraphs]
        self.width = -1
        self.lines: list[LayoutLine] = []
        self._first: list[int] = []  # paragraph position -> its first line
        self._last: list[int] = []  # paragraph position -> its last line

    def __len__(self) -> int:
        return len(self.lines)

    @property
    def paragraph_count(self) -> int:
        """How many numbered paragraphs the cable has (¶0, the text before ¶1, not counted)."""
        return sum(1 for number in self.numbers if number > 0)

    def wrap(self, width: int) -> bool:
        """Lay the paragraphs out ``width`` cells wide; False when already laid out so."""
        if width == self.width:
            return False
        self.width = width
        lines: list[LayoutLine] = []
        self._first, self._last = [], []
        for position, text in enumerate(self.texts):
            if lines:
                lines.append(LayoutLine(BLANK, 0, 0, "", ""))
            self._first.append(len(lines))
            number = self.numbers[position]
            labels: list[tuple[str, GutterKind]] = [(f"¶{number}", "number")] if number > 0 else []
            labels.extend((marking, "marking") for marking in self._markings[position])
            spans = wrap_offsets(text, width) or [(0, 0)]
            for row, (start, end) in enumerate(spans):
                label, kind = labels[row] if row < len(labels) else ("", "")
                lines.append(LayoutLine(position, start, end, label, kind))
            for label, kind in labels[len(spans) :]:
                lines.append(LayoutLine(position, len(text), len(text), label, kind))
            self._last.append(len(lines) - 1)
        self.lines = lines
        return True

    # --- paragraphs and numbers --------------------------------------------------------

    def number(self, position: int) -> int:
        """The ¶ number of the paragraph at ``position``."""
        return self.numbers[position]

    def position_of(self, number: int) -> int | None:
        """The position of the first paragraph numbered ``number``, or None."""
        try:
            return self.numbers.index(number)
        except ValueError:
            return None

    # --- lines and paragraphs ----------------------------------------------------------

    def first_line(self, position: int) -> int:
        """The first line of the paragraph at ``position``."""
        return self._first[position]

    def last_line(self, position: int) -> int:
        """The last line of the paragraph at ``position``."""
        return self._last[position]

    def paragraph_at(self, line: int) -> int:
        """The paragraph position shown on ``line`` (BLANK between paragraphs or past the end)."""
        if 0 <= line < len(self.lines):
            return self.lines[line].paragraph
        return BLANK

    def first_paragraph_from(self, line: int, stop: int) -> int | None:
        """The paragraph of the first text line in ``line`` .. ``stop - 1`` (blanks skipped)."""
        for y in range(max(0, line), min(stop, len(self.lines))):
            if self.lines[y].paragraph != BLANK:
                return self.lines[y].paragraph
        return None

    def is_visible(self, position: int, top: int, height: int) -> bool:
        """Whether a line of the paragraph at ``position`` is in ``top`` .. ``top + height - 1``."""
        if not 0 <= position < len(self._first):
            return False
        return self._first[position] < top + height and self._last[position] >= top

    def line_of_offset(self, position: int, offset: int) -> int:
        """The line showing character ``offset`` of the paragraph at ``position``."""
        for y in range(self._first[position], self._last[position] + 1):
            line = self.lines[y]
            if line.start <= offset < max(line.end, line.start + 1):
                return y
        return self._first[position]
