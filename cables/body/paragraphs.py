"""Numbered paragraphs: number, portion marking, text.

A paragraph starts at a line ``N.`` (``¶N.`` on the WikiLeaks site) whose number follows
the previous one; other numbered lines (years, lists) stay text. Text before paragraph 1 is
paragraph 0, line by line. Inside a paragraph, wrapped lines are joined; blank lines,
rules and list items (``A.``, ``-- ``, ``(1)``) start a new line of the text. A section
heading standing between two paragraphs goes with the paragraph after it.
"""

from __future__ import annotations

import re

from cables.body.keywords import is_keyword_line
from cables.body.lines import RULE, BodyLines
from cables.body.page_markers import MARKER
from cables.model import Paragraph

_START = re.compile(r"[ \t]*(\d{1,3})[ \t]*\.(?:[ \t]+|(?=\()|$)(.*)")
_MARKING = re.compile(
    r"\(\s*((?:U|SBU|C|S|TS|LOU|FOUO|NF|UNCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET)"
    r"(?:\s*/{1,2}\s*[A-Z][A-Z ,]*?)*(?:\s*-+\s*ENTIRE\s+TEXT)?)\s*\)\s*",
    re.IGNORECASE,
)
_ITEM = re.compile(
    r"[ \t]*(?:-{1,2}|\*|o[ \t]|•|[A-Za-z][.)][ \t]|\([A-Za-z0-9]{1,3}\)|\d{1,2}\)[ \t])"
)
_HEADING_END = frozenset(".;,!?)\"'”")
# How many numbered lines after a jump in the numbering are looked at for the next number.
_LOOKAHEAD = 3


def _marking(rest: str) -> tuple[str | None, str]:
    match = _MARKING.match(rest[:80])
    if not match:
        return None, rest
    return " ".join(match[1].upper().split()), rest[match.end() :]


def _collapse(line: str) -> str:
    """``line`` with its runs of white space one space, none at either end."""
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line  # the common case, tested in two scans: no other white space is printable
    return " ".join(line.split())


def _text(lines: list[str]) -> str:
    """Wrapped lines joined into blocks; a blank line or a list item starts a new block."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if not line or line.isspace():  # blank, a rule ("\v") or a page marker ("\f")
            if current and line != MARKER:
                blocks.append(current)
                current = []
            continue
        if current and _ITEM.match(line):
            blocks.append(current)
            current = []
        current.append(line)
    if current:
        blocks.append(current)
    return "\n".join(_collapse(" ".join(block)) for block in blocks)


def _heading_tail(lines: list[str], *, ruled_only: bool = False) -> int:
    """Index in ``lines`` where a trailing section heading starts, or len(lines).

    A heading is a short block (at most 3 lines, 12 words) after a blank line, not ending
    like a sentence, not a list item or header field; with ``ruled_only``, it must also be
    underlined by a rule.
    """
    end = len(lines)
    while end and (not lines[end - 1].strip() or lines[end - 1] == MARKER):
        end -= 1
    start = end
    while start and lines[start - 1].strip() and lines[start - 1] != MARKER:
        start -= 1
    if start == 0 or start == end or end - start > 3:
        return len(lines)
    tail = [line.strip() for line in lines[start:end]]
    ruled = RULE in lines[end:]
    if (ruled_only and not ruled) or is_keyword_line(lines[start]):
        return len(lines)
    words = sum(len(line.split()) for line in tail)
    if (
        words > 12
        or any(len(line) > 80 for line in tail)
        or _ITEM.match(lines[start])
        or tail[-1][-1] in _HEADING_END
        or not any(line.strip() for line in lines[:start])
    ):
        return len(lines)
    return start


def _accepts(number: int, last: int, anchored: bool, marked: bool) -> bool:
    if number <= last:
        return False
    if anchored:
        return number <= last + 50
    if marked:
        return number <= last + 30
    return number <= last + 3


# A numbered line: (index of the line, number, portion marking, text after them).
_Candidate = tuple[int, int, str | None, str]


def _resumed(candidates: list[_Candidate], position: int, wanted: int) -> bool:
    """True when one of the next few candidates is paragraph ``wanted`` with a marking: the
    sequence goes on there, so the unmarked jump at ``position`` is a number in the text
    (a date wrapped to the start of a line: "on October\n16. President ...")."""
    following = candidates[position + 1 : position + 1 + _LOOKAHEAD]
    return any(number == wanted and marking is not None for _, number, marking, _ in following)


def split_paragraphs(body: BodyLines) -> tuple[list[Paragraph], int]:
    """The paragraphs of a body and the index of the line of paragraph 1 (or of the first
    numbered paragraph; len(lines) when there is none)."""
    lines = body.lines
    candidates: list[_Candidate] = []
    for index, line in enumerate(lines):
        if not line:
            continue
        first = line[0]
        if not (first.isdigit() or (first in " \t" and line.lstrip()[:1].isdigit())):
            continue
        match = _START.match(line)
        if match:
            candidates.append((index, int(match[1]), *_marking(match[2])))
    starts: list[_Candidate] = []
    last = 0
    for position, (index, number, marking, rest) in enumerate(candidates):
        if not _accepts(number, last, index in body.anchored, marking is not None):
            continue
        if number > last + 1 and marking is None and _resumed(candidates, position, last + 1):
            continue
        starts.append((index, number, marking, rest))
        last = number
    if not starts:
        text = "\n".join(_collapse(line) for line in lines if line.strip() and line != MARKER)
        return ([Paragraph(0, None, text)] if text else []), len(lines)

    paragraphs: list[Paragraph] = []
    first_line = starts[0][0]
    head = lines[:first_line]
    cut = _heading_tail(head, ruled_only=True)
    carried = head[cut:]
    zero = "\n".join(_collapse(line) for line in head[:cut] if line.strip() and line != MARKER)
    if zero:
        paragraphs.append(Paragraph(0, None, zero))
    for position, (index, number, marking, rest) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(lines)
        own = [rest, *lines[index + 1 : end]]
        if position + 1 < len(starts):
            cut = _heading_tail(own)
            next_carried = own[cut:]
            own = own[:cut]
        else:
            next_carried = []
        heading = [_collapse(line) for line in carried if line.strip() and line != MARKER]
        text = _text(own)
        if heading:
            text = "\n".join([*heading, text]) if text else "\n".join(heading)
        paragraphs.append(Paragraph(number, marking, text))
        carried = next_carried
    return _inline_paragraphs(paragraphs), first_line


def _inline_paragraphs(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs with those a page ran into the one before found again: where the
    numbering jumps (1, then 4), a sentence's end then the missing number and its portion
    marking ("...between the two. 2. (C) German officials") start that paragraph."""
    found: list[Paragraph] = []
    for position, paragraph in enumerate(paragraphs):
        found.append(paragraph)
        following = paragraphs[position + 1].number if position + 1 < len(paragraphs) else 0
        wanted = paragraph.number + 1
        while paragraph.number and wanted < following:
            current = found[-1]
            start = re.search(rf"(?<=[.!?\"'”)]) +{wanted}\.[ \t]*(?=\()", current.text)
            if start is None:
                break
            marking, rest = _marking(current.text[start.end() :])
            if marking is None:
                break
            found[-1] = Paragraph(current.number, current.marking, current.text[: start.start()])
            found.append(Paragraph(wanted, marking, rest))
            wanted += 1
    return found
