"""References to other cables, read from the REF block of a cable's opening lines.

Shapes read: ``REF: 07 Tashkent 877``; lettered lists (``A. 05 PARIS 5459 B. 06 PARIS
5733``, ``A) State 29549 B) Rio de Janeiro 128``, ``(A) ...``); colon-, semicolon- and
comma-separated lists; AND chains (``BRASILIA 2799 AND 2764``); multi-word stations (``RIO DE
JANEIRO``, ``LA PAZ``, ``THE HAGUE``); two- or four-digit years, a year in parentheses after
the number (``BRASILIA 709 (08)``), a year glued to the station (``09RIYADH 1302``), whole
ids (``08STATE15228``), or no year (the citing cable's year); SECSTATE for STATE; leading
zeros dropped. Non-cable references (e-mails, OSC reports, IIR numbers, the FAM, dated
memos) are left out.
"""

from __future__ import annotations

import re

from cables.body.keywords import (
    CLASSIFIED_LINE,
    LIST_ITEM,
    REF_LINE,
    is_keyword_line,
)
from cables.body.page_markers import MARKER
from cables.dates import MONTH_NAMES
from cables.ids import (
    LONGEST_STATION_WORDS,
    MULTI_WORD_STATIONS,
    PARSER_STATIONS,
    StationResolver,
    normalize_id,
    normalize_station,
    two_digit_year,
    visible_text,
)

_TOKEN = re.compile(
    r"[A-Za-z][A-Za-z'’]*(?:[-/.][A-Za-z0-9]+)*|\d+(?:[A-Za-z]+\d*)?(?:[-/.:]\w+)*|\S"
)
_DIGITS = re.compile(r"\d{1,7}")
_WORD = re.compile(r"[A-Za-z]{2,}|[A-Za-z][A-Za-z'’-]*[A-Za-z]")
_LETTERS_ONLY = re.compile(r"[^A-Z]")
_YEAR_STATION = re.compile(r"(\d{2})([A-Za-z]{3,})")
_WHOLE_ID = re.compile(r"\d{2}[A-Za-z]{3,}\d{1,7}")
_INLINE_END = re.compile(r"\bClassified\s+By\b|\bSUMMARY\b|\bSUBJECT\s*:", re.IGNORECASE)
# A REF block that starts inside another line, such as the subject's ("SUBJECT: ... JOSE
# SERRA REF: RIO DE JANEIRO 32"), even glued to its last word ("UK PRIMEREF: A. LONDON").
_REF_INLINE = re.compile(
    r"(?:(?<=[A-Z])|(?<=[\s.;)]))(?:REFS?|REF\(S\)|REFTELS?)[ \t]*[:.](?=\s)"
    r"|(?<=\s)(?:Refs?|Ref\(s\)|Reftels?|refs?)[ \t]*[:.](?=\s)"
)
# The page header of the original teletype: "PAGE 02 ROME 01196 01 OF 02 082030Z".
_PAGE_HEADER = re.compile(
    r"\bPAGE\s+\d{2,3}\s+(?:[A-Z][A-Z'-]*\s+){1,4}\d{3,8}\s+\d{1,3}(?:\.\d{1,2})?\s+OF\s+\d{1,3}"
    r"(?:\s+\d{6}Z)?"
)
# A page marker, possibly broken over lines: "TRIPOLI 00000402 \n\n001.2 OF 003".
_SPLIT_MARKER = re.compile(
    r"(?:\b[A-Z][A-Z'-]*[ \t]+)?\b0\d{4,7}\s+\d{3}(?:\.\d{1,2})?\s+OF\s+\d{3}\b"
)
# The letter O typed for a zero in a number: "STATE 1O234", "O8 STATE 123".
_LETTER_O = re.compile(r"(?<=\d)[Oo]+(?=\d|\b)|\b[Oo]+(?=\d)")
# A hyphen between the parts of a reference: "08-STATE-12345", "STATE-12345".
_PART_HYPHEN = re.compile(r"(?<=\d)[-–](?=[A-Za-z])|(?<=[A-Za-z])[-–](?=\d)")

# Words that precede a number in REF lines without being a station.
_NOT_STATIONS = MONTH_NAMES | frozenset(
    [
        "AND",
        "OR",
        "OF",
        "THE",
        "NO",
        "NOS",
        "NUMBER",
        "NUMBERS",
        "NR",
        "SEE",
        "ALSO",
        "DATED",
        "ON",
        "AT",
        "IN",
        "TO",
        "FROM",
        "BY",
        "FOR",
        "AS",
        "RE",
        "PARA",
        "PARAS",
        "PARAGRAPH",
        "PARAGRAPHS",
        "PAGE",
        "PAGES",
        "SECTION",
        "SECTIONS",
        "ITEM",
        "ITEMS",
        "ANNEX",
        "POINT",
        "POINTS",
        "REPORT",
        "REPORTS",
        "LETTER",
        "LETTERS",
        "EMAIL",
        "MAIL",
        "MSG",
        "MESSAGE",
        "MESSAGES",
        "TELCON",
        "MEMO",
        "FAX",
        "IIR",
        "IIRS",
        "DTG",
        "TD",
        "OSC",
        "FBIS",
        "FAM",
        "FAH",
        "NOTAL",
        "PREVIOUS",
        "OTHERS",
        "REF",
        "REFS",
        "REFTEL",
        "REFTELS",
        "REASON",
        "REASONS",
        "CLASSIFIED",
        "YEAR",
        "FY",
        "LAW",
        "UNSCR",
        "RES",
        "RESOLUTION",
        "ARTICLE",
        "CHAPTER",
        "TITLE",
        "USC",
        "CFR",
        "EO",
        "DECL",
        "CIRCULAR",
        "AIRGRAM",
        "TEL",
        "TELS",
        "CABLE",
        "CABLES",
        "TELEGRAM",
        "SEPTEL",
        "CASE",
        "SERIAL",
        "FILE",
        "DOC",
        "DOCUMENT",
        "HOUSE",
        "BILL",
        "ACT",
        "VOL",
        "VOLUME",
        "FLIGHT",
        "ROOM",
        "BOX",
        "PHONE",
        "EXT",
        "ROUTE",
        "DECISION",
        "VERSION",
        "MINUTES",
        "HOURS",
        "DAYS",
        "WEEKS",
        "MONTHS",
        "YEARS",
        "PERCENT",
        "MILLION",
        "BILLION",
        "AIRGRAMS",
        "INSTRUCTION",
        "INSTRUCTIONS",
        "TALKING",
        "POSTS",
        "POST",
        "MISSION",
        "EMBASSY",
        "CONSULATE",
        "WEB",
        "SITE",
        "PHASE",
        "LEVEL",
        "STEP",
        "TIER",
        "PART",
        "ANNEXES",
        "APPENDIX",
        "TAB",
        "TABS",
        "ENCLOSURE",
        "ENCL",
        "ID",
        "ISN",
        "IR",
        "DIR",
        "TDX",
        "CIR",
        "PL",
        "SBU",
    ]
)
_CONNECTORS = frozenset({",", "AND", "&"})


def _is_station_word(word: str) -> bool:
    if not _WORD.fullmatch(word):
        return False
    upper = word.upper()
    return (
        len(upper) >= 3
        and upper not in _NOT_STATIONS
        and _LETTERS_ONLY.sub("", upper) not in _NOT_STATIONS
    )


def _station_before(
    tokens: list[str], end: int, own: str | None, stations: StationResolver = PARSER_STATIONS
) -> tuple[str, int] | None:
    """(station, index of its first word) for the words just before ``tokens[end]``; a
    stray colon between station and number is skipped ("STATE: 12345"). Stations are
    resolved against the stations the parser knows and ``own`` (the citing cable's)."""
    if end > 0 and tokens[end - 1] == ":":
        end -= 1
    words: list[str] = []
    index = end - 1
    while index >= 0 and len(words) < LONGEST_STATION_WORDS and _WORD.fullmatch(tokens[index]):
        words.insert(0, tokens[index].upper())
        index -= 1
    for count in range(len(words), 1, -1):
        if tuple(words[-count:]) in MULTI_WORD_STATIONS:
            return normalize_station("".join(words[-count:])), end - count
        if words[-count] in _NOT_STATIONS:
            continue  # "AND PARIS", "OF THE HAGUE": the station starts later
        station = stations.resolve("".join(words[-count:]), own, typos=False)
        if station is not None:
            return station, end - count
    if words and _is_station_word(words[-1]):
        station = stations.resolve(words[-1], own)
        return station or normalize_station(words[-1]), end - 1
    return None


def _year_at(tokens: list[str], index: int) -> str | None:
    """The year written at ``tokens[index]``: two or four digits, or three with a leading
    zero ("008")."""
    if index < 0 or not tokens[index].isdigit():
        return None
    token = tokens[index]
    if len(token) == 3 and token[0] == "0":
        return token[1:]
    if len(token) in (2, 4):
        return two_digit_year(token)
    return None


def _starts_reference(
    tokens: list[str], index: int, own: str | None, stations: StationResolver
) -> bool:
    """True when ``tokens[index]`` (a number) is the year of a reference that follows."""
    following = tokens[index + 1 : index + 1 + LONGEST_STATION_WORDS + 1]
    for offset, token in enumerate(following):
        if _DIGITS.fullmatch(token):
            found = _station_before(tokens, index + 1 + offset, own, stations)
            return offset > 0 and found is not None
        if not _WORD.fullmatch(token):
            return False
    return False


def _prepare(text: str) -> str:
    """REF text ready for the tokenizer: invisible characters, teletype page headers and
    page markers removed, O typed for 0 in numbers mended, hyphens between parts spaced."""
    text = visible_text(text)
    if "PAGE" in text:
        text = _PAGE_HEADER.sub(" ", text)
    if " OF " in text or "\nOF " in text:
        text = _SPLIT_MARKER.sub(" ", text)
    if "O" in text or "o" in text:
        text = _LETTER_O.sub(lambda m: "0" * len(m[0]), text)
    if "-" in text or "–" in text:
        text = _PART_HYPHEN.sub(" ", text)
    return text


def parse_references(
    text: str,
    default_year: str | None,
    own: str | None = None,
    stations: StationResolver = PARSER_STATIONS,
) -> list[str]:
    """The canonical ids of the cables cited in ``text`` (a REF block), in order, once each.

    ``default_year`` (two digits) is used where the reference gives no year; without it such
    references are left out rather than guessed. ``own`` (the citing cable's station)
    helps resolve stations written in short or misspelt forms; ``stations`` are the stations
    known (the parser's own table by default; the store can pass one over every station it
    holds).
    """
    tokens = _TOKEN.findall(_prepare(text))
    found: list[str] = []
    last: tuple[str, str, int] | None = None  # (year, station, index of its number)
    for index, token in enumerate(tokens):
        ref: str | None = None
        if _WHOLE_ID.fullmatch(token):
            ref, malformed = normalize_id(token)
            if malformed:
                ref = None
            else:
                last = (ref[:2], "", index)
        elif _DIGITS.fullmatch(token):
            # A year between station and number: "STATE (08) 12345".
            inner = None
            if tokens[index - 1 : index] == [")"] and tokens[index - 3 : index - 2] == ["("]:
                inner = _year_at(tokens, index - 2)
            station = _station_before(tokens, index - 3 if inner else index, own, stations)
            year: str | None = None
            if station is not None:
                name, first = station
                year = inner or _year_at(tokens, first - 1)
            else:
                glued = _YEAR_STATION.fullmatch(tokens[index - 1]) if index > 0 else None
                if glued and _is_station_word(glued[2]):
                    name = stations.resolve(glued[2], own) or normalize_station(glued[2])
                    year = glued[1]
                elif (
                    last is not None
                    and last[1]
                    and all(t.upper() in _CONNECTORS for t in tokens[last[2] + 1 : index])
                    and index > last[2] + 1
                    and not _starts_reference(tokens, index, own, stations)
                ):
                    name, year = last[1], last[0]
                else:
                    continue
            # A year in parentheses after the number: "BRASILIA 709 (08)", "(2008)".
            if tokens[index + 1 : index + 2] == ["("] and tokens[index + 3 : index + 4] == [")"]:
                year = _year_at(tokens, index + 2) or year
            year = year or default_year
            if year is None:
                continue
            ref = f"{year}{name}{int(token)}"
            last = (year, name, index)
        if ref and ref not in found:
            found.append(ref)
    return found


def ref_block_text(lines: list[str]) -> str:
    """The text of the REF lines among ``lines`` (a cable's opening lines), with their
    continuation lines; page markers inside the block are skipped."""
    parts: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        match = REF_LINE.match(line)
        if not match and ("REF" in line or "Ref" in line or "ref" in line):
            match = _REF_INLINE.search(line)
        if not match:
            index += 1
            continue
        parts.append(line[match.end() :])
        index += 1
        while index < len(lines) and len(parts) < 40:
            line = lines[index]
            if line == MARKER:
                index += 1
                continue
            if not line.strip():
                following = next((ln for ln in lines[index + 1 :] if ln.strip()), "")
                if following != MARKER and not LIST_ITEM.match(following):
                    break
                index += 1
                continue
            if is_keyword_line(line) or CLASSIFIED_LINE.match(line):
                break
            parts.append(line)
            index += 1
    text = " \n".join(parts)
    cut = _INLINE_END.search(text)
    return text[: cut.start()] if cut else text


def find_references(
    lines: list[str], default_year: str | None, own: str | None = None
) -> list[str]:
    """The cables cited by the REF block among ``lines`` (see :func:`parse_references`)."""
    text = ref_block_text(lines)
    return parse_references(text, default_year, own) if text else []
