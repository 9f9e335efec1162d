"""The SUBJECT (or SUBJ:) line of a cable, over several lines."""

from __future__ import annotations

import re

from cables.body.keywords import SUBJECT_LINE, SUMMARY_LINE, block

_LEADING_MARKING = re.compile(r"^\(\s*[A-Z][A-Z/ -]{0,20}\)\s*")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_BANNER = (
    r"(?:S\s?E\s?C\s?R\s?E\s?T|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L"
    r"|U\s?N\s?C\s?L\s?A\s?S\s?S\s?I\s?F\s?I\s?E\s?D|UNCLAS)"
)
# Inline ends, for copies that lost their line breaks: a REF block (every spelling), the
# Classified By line, the first paragraph, a date line ("Friday, 18 December 2009, 11:04"),
# a classification banner ("S E C R E T SECTION 01 OF 02"), the E.O. or TAGS line.
_INLINE_END = re.compile(
    r"\s(?:(?:REFS?|REF\(S\)|REFTELS?)[ \t]*[:.](?=\s)"
    r"|(?:Refs?|Ref\(s\)|Reftels?)[ \t]*:"
    r"|CLASSIFIED BY\b|Classified [Bb]y\b|¶?1\.\s+\("
    rf"|{_WEEKDAY},\s+\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{4}}"
    rf"|{_BANNER}\s+(?:SECTION\s+\d|[A-Z]+\s+\d{{4,}})"
    r"|SECTION\s+\d{1,3}\s+OF\s+\d{1,3}\b|E\.\s?O\.\s+1\d{4}|TAGS:)"
)
# A REF block glued to the subject's last word: "... UK PRIMEREF: A. LONDON 1939".
_GLUED_REF = re.compile(r"(?<=[A-Z])(?:REFS?|REFTELS?)[ \t]*[:.](?=\s)")
_MARKING_LINE = re.compile(r"\s*\((?:U|SBU|C|S|TS|S/NF|C/NF)\)", re.ASCII)
# Lines the subject never runs into: a date line, a classification banner, a SECTION line,
# handling words, a routing line (date-time group, FM/TO), the first numbered paragraph.
_STOP_LINE = re.compile(
    rf"\s*(?:{_WEEKDAY},"
    rf"|{_BANNER}\b"
    r"|SECTION\s+\d{1,3}\s+OF\s+\d{1,3}\b"
    r"|(?:SIPDIS|NOFORN|NODIS|EXDIS|LIMDIS)\s*$"
    r"|[OPRZ]{1,2}\s+\d{6}Z\b|FM\s+[A-Z]|TO\s+(?:SECSTATE|AMEMBASSY|RUEHC)"
    r"|¶?\d{1,2}\.\s"
    r"|(?:BEGIN\s+)?SUMMARY\b"
    r")"
)


def find_subject(lines: list[str]) -> str | None:
    """The subject, its lines joined, whitespace collapsed, a leading portion marking such
    as (C) or (SBU) removed; it stops at a blank line, REF, Classified By, a page marker,
    another header line, the first paragraph, a date line, a classification banner or the
    routing line, inside a line too. None when the cable has no SUBJECT line."""
    for index, line in enumerate(lines):
        match = SUBJECT_LINE.match(line)
        if not match:
            continue
        parts = [line[match.end() :]]
        for more in block(lines, index, limit=5):
            if SUMMARY_LINE.match(more) or _MARKING_LINE.match(more) or _STOP_LINE.match(more):
                break
            parts.append(more)
        text = " ".join(" ".join(parts).split())
        cut = _INLINE_END.search(text)
        if cut:
            text = text[: cut.start()]
        if "REF" in text:
            glued = _GLUED_REF.search(text)
            if glued:
                text = text[: glued.start()]
        text = _LEADING_MARKING.sub("", text).strip()
        return text or None
    return None
