"""Single-line fields of a cable's opening block: TAGS, the E.O. line, SECTION x OF y and
the Classified By person."""

from __future__ import annotations

import re

from cables.body.keywords import CLASSIFIED_LINE, EO_LINE, TAGS_LINE, block
from cables.dates import find_day

_TAG_SPLIT = re.compile(r"[\s,;]+")
# A tag, or a parenthesised group that qualifies the tag before it.
_TAG_WORD = re.compile(r"\([^()]*\)|[^\s,;()]+")
_TAG_TOKEN = re.compile(r"[A-Z0-9][A-Z0-9_/-]{0,11}")
_SECTION = re.compile(r"\bSECTION\s+0*(\d{1,3})\s+OF\s+0*(\d{1,3})\b", re.IGNORECASE)
_DECL = re.compile(r"\bDECL(?:ASSIFY)?(?:\s+ON)?\s*:\s*(\S[^;]*)", re.IGNORECASE)


def find_tags(lines: list[str]) -> tuple[str, ...]:
    """The TAGS, split on spaces and commas, upper-cased, in order, without duplicates;
    continuation lines holding only tag-like words are included. A parenthesised group
    stays with the tag before it: "OVIP (STEINBERG, JAMES B.)"."""
    for index, line in enumerate(lines):
        match = TAGS_LINE.match(line)
        if not match:
            continue
        parts = [line[match.end() :]]
        for more in block(lines, index, limit=3):
            words = [w for w in _TAG_SPLIT.split(more.strip().upper()) if w]
            if not words or not all(_TAG_TOKEN.fullmatch(w) for w in words):
                break
            parts.append(more)
        tags: list[str] = []
        for word in _TAG_WORD.findall(" ".join(parts).upper()):
            if word[0] == "(":
                # The person of an OVIP tag: "OVIP (STEINBERG, JAMES B.)" is one tag.
                if tags:
                    tags[-1] = f"{tags[-1]} ({' '.join(word[1:-1].split())})"
                continue
            word = word.strip(".:")
            if word and word not in tags:
                tags.append(word)
        return tuple(tags)
    return ()


def find_eo(lines: list[str]) -> tuple[str | None, str | None]:
    """(E.O. line, declassification date) from ``E.O. 12958: DECL: 12/14/2029``:
    ("12958: DECL: 12/14/2029", "2029-12-14"). The date is the first one written after
    DECL (or anywhere on the line when there is no DECL), as YYYY-MM-DD; else None."""
    for line in lines:
        match = EO_LINE.match(line)
        if not match:
            continue
        order, rest = match[1], " ".join(match[2].split())
        eo = f"{order}: {rest}" if rest else order
        decl = _DECL.search(rest)
        day = find_day(decl[1]) if decl else find_day(rest)
        return eo, day
    return None, None


def find_section(lines: list[str]) -> tuple[int, int] | None:
    """(x, y) from the first ``SECTION x OF y`` in the opening lines, or None."""
    for line in lines[:6]:
        match = _SECTION.search(line)
        if match:
            x, y = int(match[1]), int(match[2])
            if 0 < x <= y:
                return x, y
    return None


# Words of titles and offices written before the name of the classifying officer.
_TITLE_WORDS = frozenset(
    word.upper()
    for word in [
        "acting",
        "ambassador",
        "amb",
        "amb.",
        "a.i.",
        "a/dcm",
        "adcm",
        "assistant",
        "attache",
        "cda",
        "cg",
        "charge",
        "charge'",
        "chargé",
        "chief",
        "cons",
        "consul",
        "consular",
        "counselor",
        "counsellor",
        "couns",
        "d'affaires",
        "d’affaires",
        "d'affaires,",
        "dcm",
        "defense",
        "deputy",
        "director",
        "dr.",
        "econ",
        "econcouns",
        "economic",
        "first",
        "general",
        "head",
        "interim",
        "labor",
        "lt.",
        "management",
        "minister",
        "mission",
        "mr.",
        "mrs.",
        "ms.",
        "of",
        "officer",
        "pao",
        "pol",
        "polcouns",
        "polecon",
        "poloff",
        "polmincouns",
        "political",
        "principal",
        "public",
        "affairs",
        "regional",
        "section",
        "secretary",
        "senior",
        "the",
        "for",
        "and",
        "acting,",
        "officer,",
        "pol/econ",
        "rso",
        "lno",
        "affairs,",
        "sec",
        "classified",
        "by",
        "estoff",
        "cheif",
        "ecopol",
        "econpol",
        "wha",
        "pdas",
        "das",
        "a/s",
        "mc",
        "minister-counselor",
        "ministercounselor",
        "polmiloff",
        "econoff",
        "poloff,",
        "dcm,",
        "cda,",
        "ambassador,",
        "charge,",
        "consul-general",
        "military",
        "adviser",
        "advisor",
        "m-c",
        "special",
        "envoy",
        # bureaus and offices of the Department
        "io",
        "isn",
        "eur",
        "nea",
        "sca",
        "eap",
        "inr",
        "drl",
        "eeb",
        "pm",
        "econmin",
        "polmin",
    ]
)
# Where the name ends: "for reasons" (also "FO\nR REASONS", a word broken by a line
# break), the reasons, the E.O. or a parenthesis.
_CUT = re.compile(
    r"\bf\s?o\s?r\s+reasons?\b|\breasons?\b|;|\bE\.\s?O\.|\(|\d|\bper\b", re.IGNORECASE
)
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’.-]*|[a-z]{1,3}|[A-Z]\.")


def _name_in(segment: str) -> str | None:
    words = segment.replace(":", " ").split()
    # Titles, and office symbols such as "ISN/MTR", before the name.
    while words and (words[0].upper().rstrip(",") in _TITLE_WORDS or "/" in words[0]):
        words.pop(0)
    while words and words[-1].upper().rstrip(",.") in _TITLE_WORDS:
        words.pop()
    if not words or not words[0][:1].isupper():
        return None
    if not all(_NAME_WORD.fullmatch(w) for w in words) or len(words) > 5:
        return None
    name = " ".join(words).rstrip(",. ")
    return name if any(c.isalpha() for c in name) and len(name) > 1 else None


def find_classified_by(lines: list[str]) -> str | None:
    """The person of the ``Classified By:`` line, without titles and reasons:
    "Classified By: Ambassador Ronald K. McMullen for reason 1.4(d)" -> "Ronald K. McMullen"."""
    for index, line in enumerate(lines):
        match = CLASSIFIED_LINE.match(line)
        if not match:
            continue
        text = " ".join([line[match.end() :], *block(lines, index, limit=2)])
        cut = _CUT.search(text)
        if cut:
            text = text[: cut.start()]
        for segment in text.split(","):
            name = _name_in(segment)
            if name:
                return name
        return None
    return None
