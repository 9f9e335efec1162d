"""A cable body as lines, ready for the field readers: WikiLeaks paragraph signs removed,
page markers replaced by MARKER lines, rules (``-----``) by RULE lines (blank to readers)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cables.body.page_markers import remove_page_markers

_RULE = re.compile(r"[ \t]*[-=_*~]{2,}(?:[ \t]+[-=_*~]+)*[ \t]*|[ \t]*(?:-[ \t]){2,}-?[ \t]*")
# Stands for a decorative rule: blank to every reader (str.strip() removes it), but a
# heading reader can see it. "\v" cannot survive clean_text, so it is unambiguous.
RULE = "\v"
_RULE_CHARS = frozenset("-=_*~")
_RULED_HEADING = re.compile(r"[ \t]*[-=*]{3,}[ \t]*(\S.*?)[ \t]*[-=*]{3,}[ \t]*")


@dataclass(frozen=True, slots=True)
class BodyLines:
    """The prepared lines of a body, and the indices of lines that carried a ¶ sign."""

    lines: list[str]
    anchored: frozenset[int]


def prepare_lines(text: str, station: str | None) -> BodyLines:
    """Split ``text`` into lines (trailing spaces dropped), remove page markers, the ¶ signs
    the WikiLeaks site puts before paragraph numbers and letters, and decorative rules."""
    raw = text.split("\n")
    lines = remove_page_markers([line.rstrip() for line in raw], station, text)
    anchored: set[int] = set()
    signs = "¶" in text
    for index, line in enumerate(lines):
        if signs and "¶" in line:
            stripped = line.lstrip()
            if stripped.startswith("¶"):
                rest = stripped[1:].lstrip()
                if rest[:1].isdigit():
                    anchored.add(index)
                lines[index] = rest
        line = lines[index]
        if not line:
            continue
        # Lines have no trailing spaces: line[-1] is the last character that shows.
        first = line[0] if line[0] not in " \t" else line.lstrip()[:1]
        if first in _RULE_CHARS or line[-1] in _RULE_CHARS:
            current = line.strip()
            if _RULE.fullmatch(lines[index]):
                lines[index] = RULE
            else:
                heading = len(current) < 200 and _RULED_HEADING.fullmatch(lines[index])
                if heading:
                    lines[index] = heading[1]
    return BodyLines(lines, frozenset(anchored))
