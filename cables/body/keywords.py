"""Recognisers for the lines of a cable's opening block (shared by the field readers)."""

from __future__ import annotations

import re

from cables.body.page_markers import MARKER

# "Tags:" / "TAGS:" / "TAGS PGOV" / "TAG PTER" / "tags prel"; without the colon in mixed
# case only before a code in capitals ("Tags PREL", not the sentence "Tags are ...").
TAGS_LINE = re.compile(
    r"[ \t]*(?:(?i:TAGS?)[ \t]*:|TAGS?[ \t]|tags?[ \t]"
    r"|(?i:TAGS?)[ \t]+(?=[A-Z0-9]{2,}(?:[\s,;]|$)))[ \t]*"
)
# "SUBJECT:", "Subj:", "SUBJECT -", "SUBJECT X" (capitals), also "UBJECT:" that lost its S.
SUBJECT_LINE = re.compile(
    r"[ \t]*(?:(?i:S?UBJECT|SUBJ)[ \t]*:|(?:SUBJECT|SUBJ)[ \t]*[-–]+[ \t]|(?:SUBJECT|SUBJ)[ \t])"
    r"[ \t]*"
)
# "REF:", "REFS:", "REF.", "Ref(s):", "REFTEL:", "REFERENCE:", "REF A) ..." (no colon).
REF_LINE = re.compile(
    r"[ \t]*(?:(?:REFS?|REF\(S\)|REFTELS?|REFERENCES?)[ \t]*[:.]"
    r"|(?:REF|REFS|REFTEL|REFTELS)(?=[ \t]+[A-Z0-9(]))[ \t]*",
    re.IGNORECASE,
)
CLASSIFIED_LINE = re.compile(
    r"[ \t]*(?:\([A-Z/]{1,6}\)[ \t]*)?CLASSIFIED[ \t]+BY\b[ \t]*:?[ \t]*", re.IGNORECASE
)
# "E.O. 12958", also "E.o. 12958" in the lower-cased copies.
EO_LINE = re.compile(r"[ \t]*E[ \t]*\.?[ \t]*[Oo][ \t]*\.?[ \t]*(1\d{4})\b[ \t]*:?[ \t]*(.*)")
SUMMARY_LINE = re.compile(r"[ \t]*(?:BEGIN[ \t]+)?SUMMARY\b", re.IGNORECASE)
LIST_ITEM = re.compile(r"[ \t]*(?:[A-Za-z][.)]|\([A-Za-z]\))[ \t]")


def is_keyword_line(line: str) -> bool:
    """True for a line that opens another header field (TAGS, SUBJECT, REF, E.O., ...)."""
    return bool(
        TAGS_LINE.match(line)
        or SUBJECT_LINE.match(line)
        or REF_LINE.match(line)
        or CLASSIFIED_LINE.match(line)
        or EO_LINE.match(line)
    )


def block(lines: list[str], start: int, *, limit: int, skip_markers: bool = False) -> list[str]:
    """The lines after ``lines[start]`` that continue its field: up to a blank line, a
    page marker (unless ``skip_markers``), another field's line, or ``limit`` lines."""
    out: list[str] = []
    for line in lines[start + 1 : start + 1 + limit]:
        if line == MARKER:
            if skip_markers:
                continue
            break
        if not line.strip() or is_keyword_line(line):
            break
        out.append(line)
    return out
