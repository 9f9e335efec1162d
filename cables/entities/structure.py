"""Names that a cable's own structure gives: addressee lines, the signer, "Classified By:".

Prose-trained extractors never see these: "NSC FOR ABRAMS/SINGH/YERGER, STATE FOR NEA/ELA"
names three people and two offices; the signer ("SISON") and the "Classified By:" officer
("Michele Sison") are people. The header lines of paragraph 0 that hold no names (TAGS,
E.O., SIPDIS, the classification banner) are recognised here so the prose scan skips them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from cables.entities.casing import is_common_word, usual_form
from cables.entities.cues import JARGON
from cables.entities.gazetteer import is_place

# Header lines of paragraph 0 without names (the Classified By line is read from its field).
HEADER_LINE = re.compile(
    r"^\s*(?:TAGS\b|E\.?\s?O\.?\s|EO\s|SIPDIS|NOFORN|NODIS|EXDIS|LIMDIS|DECL|CLASSIFIED BY|"
    r"Classified By|Classified by|DERIVED FROM|REASONS?\b|PASS\b|(?:[A-Z] ){3,}|"
    r"(?:UNCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET)\b|SENSITIVE|FOR OFFICIAL USE|"
    r"SECTION \d|PAGE \d|[A-Z ]+ \d{4,}\s*$|"
    # the classification's reasons, their word wrapped: "FOR REAS" then "ONS 1.4 B/D"
    r"[A-Za-z]{0,8}:?\s*1\.[45]\s?\(?[A-Ha-h]\b)"
)
# "NSC FOR ABRAMS/SINGH/YERGER, STATE FOR NEA/ELA", "LONDON FOR GAYLE; BERLIN FOR PAETZOLD".
ADDRESSEE = re.compile(r"^\s*([A-Z][A-Z/&. -]{1,40}?) FOR ([A-Z][A-Z/'.,() -]*)$")
# What a "PASS TO" line passes the cable to, when no "FOR" follows.
_PASSED_TO = re.compile(r"\bPASS TO ((?:(?! FOR ).)+)$")
_ITEM_SEPARATORS = re.compile(r"\s*(?:,\s*AND\b|,|;|(?<![\w/])AND(?![\w/]))\s*")
_NOT_OFFICES = frozenset(
    {"ALSO", "PASS", "PLEASE", "INFO", "AND", "OR", "ONLY", "ACTION", "DEPT", "DEPARTMENT"}
)
NAME_TEXT = re.compile(r"^[A-Za-z][A-Za-z.'\- ]{1,60}$")
# Titles written before the person in an addressee line ("S/WCI FOR AMB PROSPER", "AF A A/S
# CARTER", "PACOM FOR FPA"): neither offices nor people.
_TITLE_CODES = frozenset(
    {"AMB", "A/S", "DAS", "PDAS", "FPA", "POLAD", "FRC", "DCM", "CDA", "S/E", "SE", "SA"}
    | {"COL", "LTC", "GEN", "LTG", "MG", "BG", "ADM", "RADM", "VADM", "CAPT", "MAJ", "CDR"}
    | {"GENERAL", "ADMIRAL", "COLONEL", "AMBASSADOR", "DR", "MR", "MS", "MRS"}
    | {"ASD", "DASD", "PDASD", "U/S", "D/S"}
)
# An embassy's sections, offices whatever the cables write them like ("Pol", "Econ").
_SECTION_CODES = frozenset({"POL", "ECON", "POLECON", "MGT", "MGMT", "CONS", "PAS", "PD", "RSO"})
_INITIAL = re.compile(r"^[A-Z]\.?$")
# An item of more words than this is prose that happens to hold "FOR", not an addressee.
_MOST_WORDS = 3


def is_header_line(line: str) -> bool:
    """Whether a line of paragraph 0 is header furniture without names."""
    return HEADER_LINE.match(line) is not None


def _is_initial(word: str, item: list[str]) -> bool:
    """Whether ``word`` of an addressee item is a person's initial ("B." in "B. PITTMAN");
    a lone letter is an office ("STATE FOR P")."""
    return _INITIAL.match(word) is not None and (len(item) > 1 or "." in word)


def _is_office(code: str) -> bool:
    """An office code is an acronym in the casing dictionary or a slash-joined code."""
    parts = [p for p in code.split("/") if p]
    if len(parts) > 1:
        return all(len(p) <= 4 or (usual_form(p) or "").isupper() for p in parts)
    if code in _SECTION_CODES:
        return True
    known = usual_form(code)
    if known is not None and known[:1].isupper() and not known.isupper():
        return False  # a name the cables write capitalised: "DAN FISK", "NANCY LEE"
    return len(code) <= 3 or (known is not None and known.isupper())


def _full_name(words: list[str]) -> bool:
    """Whether two or three words of an addressee line are one person's name: none of them
    an office, a place or a common word."""
    return 2 <= len(words) <= 3 and not any(
        _is_office(word) or is_place(word) or is_common_word(word) or not word.isalpha()
        for word in words
    )


class Addressees(NamedTuple):
    """What an addressee line names, as written."""

    offices: list[str]
    places: list[str]
    people: list[str]


def addressees(line: str) -> Addressees:
    """The offices (groups), posts (places) and people an addressee line names."""
    found = Addressees([], [], [])
    said_for = False
    for piece in re.split(r";|,\s*(?=[A-Z/&. -]+ FOR )", line):
        piece = piece.strip().rstrip(",.;")
        match = ADDRESSEE.match(piece)
        passed = _PASSED_TO.search(piece)
        if not match and passed is not None:
            # "DEPARTMENT PLEASE PASS TO S/GC MICHAEL WILLIAMS": an office, then a person
            words = passed.group(1).split()
            if len(words) > 2 and "/" in words[0] and _full_name(words[1:]):
                found.offices.append(words[0])
                found.people.append(" ".join(words[1:]))
            continue
        if not match:
            # "...; NEA/I AND NEA/IR." after an addressee: more offices
            items = [i for i in _ITEM_SEPARATORS.split(piece) if i]
            if said_for and items and all("/" in i and _is_office(i) for i in items):
                found.offices.extend(items)
            continue
        said_for = True
        for item in _ITEM_SEPARATORS.split(match.group(1).strip()):
            if " " in item and not is_place(item.title()):
                item = item.rpartition(" ")[2]  # "DEPARTMENT PASS USAID": the office
                if not _is_office(item):
                    continue
            if is_place(item):
                found.places.append(item)
            elif item not in _NOT_OFFICES and item.lower() not in JARGON:
                found.offices.append(item)
        for item in _ITEM_SEPARATORS.split(match.group(2).strip(" .")):
            if not item:
                continue
            if is_place(item):
                found.places.append(item)
                continue
            written = item.replace("(", " ").replace(")", " ").split()  # "EUR (A/S GORDON)"
            words = [w for w in written if w not in _TITLE_CODES and not _is_initial(w, written)]
            if not written:
                continue  # "()"
            if written[0] in _TITLE_CODES and 1 <= len(words) <= 2:
                found.people.append(" ".join(words))  # "USAREUR FOR GENERAL HAM"
                continue
            if len(words) > _MOST_WORDS or (len(words) > 1 and all(map(is_common_word, words))):
                continue  # prose: "... WILL BE HELD, BUT IT IS"
            # "NEA/FO LIMBERT": an office then a person; "AFRICA WATCHERS": no person
            people_allowed = len(words) == 1 or (bool(words) and _is_office(words[0]))
            if people_allowed and len(words) > 2 and _full_name(words[1:]):
                found.offices.append(words[0])  # "S/GC MICHAEL WILLIAMS": one person
                found.people.append(" ".join(words[1:]))
                continue
            if not people_allowed and _full_name(words):  # "DOE FOR JONATHAN ELKIND"
                found.people.append(" ".join(words))
                continue
            for word in words:
                if is_place(word):
                    found.places.append(word)
                elif _is_office(word):
                    found.offices.append(word)
                elif people_allowed:  # "S/CIEA (GOLDWYN", "SULLIVAN)": names in brackets
                    names = (p.strip("()") for p in word.split("/"))
                    found.people.extend(p for p in names if len(p) >= 3 and p.isalpha())
    return found


def addressee_lines_joined(lines: list[str]) -> list[str]:
    """The lines of a cable's header text, an addressee line wrapped before or after its
    "FOR" made one line again ("...; NSC" then "FOR ABRAMS/SINGH/GAVITO"), joined by a
    space where the line break was (the text keeps its length). A line whose last
    addressee has its "FOR" already ("HQSOUTHCOM ALSO FOR POLAD") is whole."""
    joined: list[str] = []
    for line in lines:
        if joined and _wrapped_addressee(joined[-1], line):
            joined[-1] += " " + line
        else:
            joined.append(line)
    return joined


def _wrapped_addressee(line: str, following: str) -> bool:
    """Whether ``following`` goes on the addressee line ``line`` (see
    :func:`addressee_lines_joined`)."""
    last = line.rstrip().rpartition(";")[2]
    if not last.strip() or not line.strip().isupper():
        return False
    if following.startswith("(") and " FOR " in line:  # "...(MONOSSON), S/CIEA" "(GOLDWYN..."
        return True
    return last.endswith(" FOR") or (following.startswith("FOR ") and " FOR " not in last)


def clean_name(value: str | None) -> str | None:
    """A signer or classified-by value when it looks like a name, else None."""
    if not value:
        return None
    value = " ".join(value.split())
    if not NAME_TEXT.match(value) or len(value.split()) > 5:
        return None
    return value
