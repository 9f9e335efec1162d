"""Word wrapping that remembers where each line starts and ends in the paragraph's text.

The reader needs the offsets, not just the lines: a search match is found in the paragraph's
text and drawn on whichever wrapped lines it falls. Pure Python.
"""

from __future__ import annotations

import re
from itertools import pairwise

from rich.cells import cell_len

__all__ = ["reflow", "wrap_offsets"]

_WORD = re.compile(r"\S+")
# A line that starts something of its own: a list item, a sub-paragraph, a heading, a rule.
_OWN_LINE = re.compile(
    r"^\s*(?:[-*•]|--|[A-Za-z0-9]{1,3}[.)]\s|\([A-Za-z0-9]{1,3}\)|[A-Z][A-Z ]+:)"
)


def _width(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def reflow(text: str) -> str:
    """Join the hard line breaks of a cable's fixed-width layout back into running text.

    Cables were typed at about 69 columns; the parser keeps their line breaks. A break is
    kept where a blank line follows, where the next line starts a list item or a heading, or
    where the line is short (the end of a list item or a table row); elsewhere it becomes a
    space. Text without newlines comes back unchanged.
    """
    if "\n" not in text:
        return text
    lines = text.split("\n")
    longest = max((len(line.rstrip()) for line in lines), default=0)
    short = max(20, int(longest * 0.6))
    out: list[str] = [lines[0].rstrip()]
    for previous, line in pairwise(lines):
        stripped = line.strip()
        prev_stripped = previous.strip()
        if (
            not stripped
            or not prev_stripped
            or _OWN_LINE.match(line)
            or len(previous.rstrip()) < short
        ):
            out.append("\n" + line.rstrip())
        else:
            out.append(" " + stripped)
    return "".join(out)


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of ``text`` wrapped at ``width`` cells, words kept whole.

    Newlines are hard breaks (an empty line gives ``(i, i)``); leading spaces of a hard line
    are kept (indentation); a word wider than ``width`` is cut. ``text[start:end]`` is the
    line, without its trailing spaces.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    offset = 0
    for hard in text.split("\n"):
        base = offset
        offset += len(hard) + 1
        start: int | None = None
        end = base
        for word in _WORD.finditer(hard):
            word_start, word_end = base + word.start(), base + word.end()
            if start is None:
                start = base  # keep the indentation of the hard line
            if _width(text[start:word_end]) <= width:
                end = word_end
                continue
            if end > start and text[start:end].strip():
                lines.append((start, end))
            start = word_start
            while _width(text[start:word_end]) > width:
                cut = start + width
                while cut > start + 1 and _width(text[start:cut]) > width:
                    cut -= 1
                lines.append((start, cut))
                start = cut
            end = word_end
        if start is None:
            lines.append((base, base))
        else:
            lines.append((start, end))
    return lines
