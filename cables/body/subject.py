"""The SUBJECT (or SUBJ:) line of a cable, over several lines."""

from __future__ import annotations

import re

from cables.body.keywords import SUBJECT_LINE, SUMMARY_LINE, block

_LEADING_MARKING = re.compile(r"^\(\s*[A-Z][A-Z/ -]{0,20}\)\s*")
# Inline ends, for copies that lost their line breaks.
_INLINE_END = re.compile(
    r"\s(?:REFS?:|REFTEL:|Ref:|Refs:|CLASSIFIED BY\b|Classified [Bb]y\b)|\s¶?1\.\s+\(", re.ASCII
)
_MARKING_LINE = re.compile(r"\s*\((?:U|SBU|C|S|TS|S/NF|C/NF)\)", re.ASCII)


def find_subject(lines: list[str]) -> str | None:
    """The subject, its lines joined, whitespace collapsed, a leading portion marking such
    as (C) or (SBU) removed; it stops at a blank line, REF, Classified By, a page marker
    or another header line. None when the cable has no SUBJECT line."""
    for index, line in enumerate(lines):
        match = SUBJECT_LINE.match(line)
        if not match:
            continue
        parts = [line[match.end() :]]
        for more in block(lines, index, limit=5):
            if SUMMARY_LINE.match(more) or _MARKING_LINE.match(more):
                break
            parts.append(more)
        text = " ".join(" ".join(parts).split())
        cut = _INLINE_END.search(text)
        if cut:
            text = text[: cut.start()]
        text = _LEADING_MARKING.sub("", text).strip()
        return text or None
    return None
