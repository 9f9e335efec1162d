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
# The start of a line that begins (after spaces) with a rule character, in lines joined by
# newlines with a newline before the first. (A literal newline first lets the regular
# expression engine skip ahead; ``^`` in MULTILINE mode is tried at every character.)
_RULE_START = re.compile(r"\n[ \t]*[-=_*~]")
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
    if "¶" in text:
        for index, line in enumerate(lines):
            stripped = line.lstrip() if "¶" in line else ""
            if stripped.startswith("¶"):
                rest = stripped[1:].lstrip()
                if rest[:1].isdigit():
                    anchored.add(index)
                lines[index] = rest
    for index in _rule_candidates(lines):
        line = lines[index]
        if _RULE.fullmatch(line):
            lines[index] = RULE
        elif len(line.strip()) < 200 and (heading := _RULED_HEADING.fullmatch(line)):
            lines[index] = heading[1]
    return BodyLines(lines, frozenset(anchored))


def _rule_candidates(lines: list[str]) -> list[int]:
    """Indices of the lines that may be a rule or a ruled heading (both start, after spaces,
    with a rule character); found in the joined lines at once, as a loop over every line
    costs several times more."""
    joined = "\n" + "\n".join(lines)
    found: list[int] = []
    line = position = 0
    for match in _RULE_START.finditer(joined):
        line += joined.count("\n", position, match.start())
        position = match.start()
        found.append(line)
    return found
