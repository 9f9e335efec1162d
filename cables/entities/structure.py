"""Names that a cable's own structure gives: addressee lines, the signer, "Classified By:".

Prose-trained extractors never see these: "NSC FOR ABRAMS/SINGH/YERGER, STATE FOR NEA/ELA"
names three people and two offices; the signer ("SISON") and the "Classified By:" officer
("Michele Sison") are people. The header lines of paragraph 0 that hold no names (TAGS,
E.O., SIPDIS, the classification banner) are recognised here so the prose scan skips them.
"""

from __future__ import annotations

import re

from cables.entities.casing import usual_form
from cables.entities.cues import JARGON

# Header lines of paragraph 0 without names (the Classified By line is read from its field).
HEADER_LINE = re.compile(
    r"^\s*(?:TAGS\b|E\.?\s?O\.?\s|EO\s|SIPDIS|NOFORN|NODIS|EXDIS|LIMDIS|DECL|CLASSIFIED BY|"
    r"Classified By|Classified by|DERIVED FROM|REASONS?\b|PASS\b|(?:[A-Z] ){3,}|"
    r"(?:UNCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET)\b|SENSITIVE|FOR OFFICIAL USE|"
    r"SECTION \d|PAGE \d|[A-Z ]+ \d{4,}\s*$)"
)
# "NSC FOR ABRAMS/SINGH/YERGER" and "STATE FOR NEA/ELA" (several on one line, comma apart).
ADDRESSEE = re.compile(r"\b([A-Z][A-Z/&-]{1,15}) FOR ([A-Z][A-Z/'. -]*(?:, ?[A-Z][A-Z/'. -]*)*)")
_NOT_OFFICES = frozenset({"ALSO", "PASS", "PLEASE", "INFO", "AND", "OR", "ONLY", "ACTION"})
NAME_TEXT = re.compile(r"^[A-Za-z][A-Za-z.'\- ]{1,60}$")


def is_header_line(line: str) -> bool:
    """Whether a line of paragraph 0 is header furniture without names."""
    return HEADER_LINE.match(line) is not None


def _is_office(code: str) -> bool:
    """An office code is an acronym in the casing dictionary or a slash-joined code."""
    parts = [p for p in code.split("/") if p]
    if len(parts) > 1:
        return all(len(p) <= 4 or (usual_form(p) or "").isupper() for p in parts)
    known = usual_form(code)
    return len(code) <= 3 or (known is not None and known.isupper())


def addressees(line: str) -> tuple[list[str], list[str]]:
    """The offices (groups) and the people an addressee line names, as written."""
    offices: list[str] = []
    people: list[str] = []
    for match in ADDRESSEE.finditer(line):
        office = match.group(1)
        if office not in _NOT_OFFICES and office.lower() not in JARGON:
            offices.append(office)
        for item in re.split(r",\s*", match.group(2)):
            item = item.strip(" .")
            if not item or " " in item.strip():
                continue
            if _is_office(item):
                offices.append(item)
                continue
            for part in item.split("/"):
                if len(part) >= 3 and part.isalpha():
                    people.append(part)
    return offices, people


def clean_name(value: str | None) -> str | None:
    """A signer or classified-by value when it looks like a name, else None."""
    if not value:
        return None
    value = " ".join(value.split())
    if not NAME_TEXT.match(value) or len(value.split()) > 5:
        return None
    return value
