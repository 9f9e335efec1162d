"""Single-line fields of a cable's opening block: TAGS, the E.O. line, SECTION x OF y and
the Classified By person."""

from __future__ import annotations

import re

from cables.body.keywords import CLASSIFIED_LINE, EO_LINE, SUBJECT_LINE, TAGS_LINE, block
from cables.body.page_markers import MARKER
from cables.body.tag_codes import NOT_TAGS, is_code, split_glued
from cables.dates import find_day

# The TAGS keyword inside a line, after the E.O. line's text ("E.O. 12958: N/A TAGS: AMGT").
_TAGS_INLINE = re.compile(r"(?:(?<=\s)|(?<=^))(?:(?i:TAGS?)[ \t]*:|TAGS?[ \t])[ \t]*")
# Where the TAGS text ends inside a line: the subject, a REF block, the Classified By line.
_TAGS_END = re.compile(
    r"(?:(?i:\bS?UBJ(?:ECT)?)[ \t]*:|\bSUBJECT\b|(?i:\bREFS?)[ \t]*:|(?i:\bCLASSIFIED[ \t]+BY\b))"
)
# A tag, a parenthesised group (the person of an OVIP tag), or a separator.
_TAG_PIECE = re.compile(r"\([^()]*\)?|[,;]|[^\s,;()]+")
_TAG_LINE_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9_/.'-]{0,24}")
_NAME_WORD_TAG = re.compile(r"[A-Z][A-Z'-]+|[A-Z]\.")
# Tags after which a person is named: "OVIP CLINTON HILLARY".
_PERSON_TAGS = frozenset({"OVIP"})
_SECTION = re.compile(r"\bSECTION\s+0*(\d{1,3})\s+OF\s+0*(\d{1,3})\b", re.IGNORECASE)
_DECL = re.compile(r"\bDECL(?:ASSIFY)?(?:\s+ON)?\s*:\s*(\S[^;]*)", re.IGNORECASE)


def _tags_start(lines: list[str]) -> tuple[int, int] | None:
    """(line index, offset) where the TAGS text starts: a line opening with the keyword,
    else the keyword inside a line (after the E.O. text of a flattened header)."""
    for index, line in enumerate(lines):
        match = TAGS_LINE.match(line) if ("ag" in line or "AG" in line) else None
        if match:
            return index, match.end()
    for index, line in enumerate(lines):
        if "ag" in line or "AG" in line:
            match = _TAGS_INLINE.search(line)
            if match and match.start() > 0:
                return index, match.end()
    return None


def _is_tag_line(line: str) -> bool:
    words = [w for w in re.split(r"[\s,;]+", line.strip()) if w]
    return bool(words) and all(_TAG_LINE_WORD.fullmatch(w.strip("()")) for w in words)


def _tags_text(lines: list[str], index: int, offset: int) -> str:
    """The TAGS text: the rest of its line and the lines that continue it. A following
    line continues the tags when the text so far ends with a separator, or when the lines
    up to the SUBJECT line all hold tags; the text ends at SUBJECT, REF or Classified By."""
    first = lines[index][offset:]
    cut = _TAGS_END.search(first)
    if cut:
        return first[: cut.start()]
    parts = [first]
    following = block(lines, index, limit=4)
    subject_next = False
    run: list[str] = []
    for line in following:
        cut = _TAGS_END.search(line)
        if cut:
            if _is_tag_line(line[: cut.start()]) or not line[: cut.start()].strip():
                run.append(line[: cut.start()])
            subject_next = True
            break
        if not _is_tag_line(line):
            break
        run.append(line)
    else:
        after = index + 1 + len(following)
        rest = [ln for ln in lines[after : after + 3] if ln.strip() and ln != MARKER]
        subject_next = bool(rest) and bool(SUBJECT_LINE.match(rest[0]))
    for line in run:
        if subject_next or parts[-1].rstrip().endswith((",", ";")):
            parts.append(line)
        else:
            break
    return " ".join(parts)


def _person(words: list[str]) -> str:
    """ "SURNAME, GIVEN" from the words of a person tag, with or without its comma."""
    text = " ".join(words).strip(" ,;")
    if "," in text:
        surname, _, given = text.partition(",")
        given = " ".join(given.split())
        return f"{surname.strip()}, {given}" if given else surname.strip()
    names = text.split()
    return f"{names[0]}, {' '.join(names[1:])}" if len(names) > 1 else text


def _split_tag_words(words: list[str], tags: list[str]) -> None:
    """Append the tags of a run of words with no separator between them."""
    position = 0
    while position < len(words):
        word = words[position]
        position += 1
        if word.startswith("("):
            inner = word.strip("()").replace(",", " , ").split()
            if inner:
                tags.append(_person(inner) if "," in inner else " ".join(inner))
            continue
        if word in _PERSON_TAGS:
            tags.append(word)
            if position < len(words) and words[position].startswith("("):
                continue
            name: list[str] = []
            while (
                position < len(words)
                and len(name) < 4
                and not is_code(words[position])
                and _NAME_WORD_TAG.fullmatch(words[position])
                and (name or len(words[position]) > 2)
            ):
                name.append(words[position])
                position += 1
            if name:
                tags.append(_person(name))
            continue
        glued = None if is_code(word) else split_glued(word)
        tags.extend(glued or [word])


def _split_tags(text: str) -> list[str]:
    """The tags of a TAGS text (capitals): separated by commas and semicolons, or by spaces
    when there are none. A comma-delimited part holding no code is one tag ("HUMAN
    RIGHTS"); the person after OVIP is one "SURNAME, GIVEN" tag however written."""
    pieces = _TAG_PIECE.findall(text)
    tags: list[str] = []
    if not any(p in (",", ";") for p in pieces):
        _split_tag_words([p.strip(".:") for p in pieces], tags)
        return tags
    parts: list[list[str]] = [[]]
    for piece in pieces:
        if piece in (",", ";"):
            parts.append([])
        else:
            parts[-1].append(piece.strip(".:") if not piece.startswith("(") else piece)
    position = 0
    while position < len(parts):
        words = [w for w in parts[position] if w]
        position += 1
        if not words:
            continue
        # "OVIP, CLINTON, HILLARY": a person written across separators.
        if (
            tags
            and tags[-1] in _PERSON_TAGS
            and len(words) == 1
            and not is_code(words[0])
            and _NAME_WORD_TAG.fullmatch(words[0])
        ):
            given = [w for w in parts[position]] if position < len(parts) else []
            if len(given) in (1, 2) and not any(is_code(w) for w in given):
                tags.append(_person([words[0], ",", *given]))
                position += 1
                continue
        if len(words) > 1 and not any(is_code(w) for w in words) and words[0][0] != "(":
            tags.append(" ".join(words))
        else:
            _split_tag_words(words, tags)
    return tags


def find_tags(lines: list[str]) -> tuple[str, ...]:
    """The TAGS, upper-cased, in order, each once: the keyword in any case, with or without
    a colon (``TAGS``, ``Tags:``, ``TAG``), at the start of a line or after the E.O. text;
    continued over the following lines up to SUBJECT; split as :func:`_split_tags` says.
    Codes glued by a lost space are split ("PHUMBA": PHUM, BA)."""
    start = _tags_start(lines)
    if start is None:
        return ()
    text = _tags_text(lines, *start).upper()
    tags: list[str] = []
    for tag in _split_tags(text):
        tag = " ".join(tag.split())
        tag = tag.strip(" :") if "," in tag else tag.strip(" .:")
        if tag and tag not in NOT_TAGS and tag not in tags:
            tags.append(tag)
    return tuple(tags)


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
# Where the name ends: "for reasons" (also "FO\nR REASONS" or "for rea\nsons", words broken
# by a line break), the reasons, "under Section", the E.O., a parenthesis, a digit.
_CUT = re.compile(
    r"\bf\s?o\s?r\s+r\s?e\s?a|\breasons?\b|\bunder\b|;|\bE\.\s?O\.|\(|\d|\bper\b",
    re.IGNORECASE,
)
# "Classified By" inside a line: after a REF block or a subject that lost its line breaks.
_CLASSIFIED_INLINE = re.compile(r"(?<![A-Za-z])CLASSIFIED[ \t]+BY\b[ \t]*:?[ \t]*", re.IGNORECASE)
# Between several names on one line: "Ambassador X and DCM Y", "X/Y".
_NAME_SEPARATORS = re.compile(r",|\band\b|\s/\s|&", re.IGNORECASE)
_SUFFIXES = frozenset({"JR", "JR.", "SR", "SR.", "II", "III", "IV"})
_PARTICLES = frozenset({"de", "da", "del", "van", "von", "al", "el", "bin", "le", "la", "du"})
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’.-]*|[a-z]{1,3}|[A-Z]\.")


def _core_name(words: list[str]) -> list[str]:
    """The person's name at the end of ``words``: at most three words, or the last two
    with the initials and particles before them ("Interagency Provincial Affairs
    Coordinator Scott Kilner" -> "Scott Kilner"; "Eduardo A. Aguirre Jr" stays)."""
    suffix: list[str] = []
    while len(words) > 1 and words[-1].upper().rstrip(",") in _SUFFIXES:
        suffix.insert(0, words.pop())
    if len(words) > 3:
        start = len(words) - 2
        while start > 0 and (
            re.fullmatch(r"[A-Z]\.", words[start - 1]) or words[start - 1] in _PARTICLES
        ):
            start -= 1
        if start > 0 and re.fullmatch(r"[A-Z]\.", words[start]):
            start -= 1
        words = words[start:]
    return words + suffix


def _name_in(segment: str) -> str | None:
    words = segment.replace(":", " ").split()
    mixed = any(c.islower() for c in segment)
    # Titles, office symbols such as "ISN/MTR" and, in mixed case, acronyms ("USEU
    # Charge d'Affaires ...") before the name.
    while words and (
        words[0].upper().rstrip(",") in _TITLE_WORDS
        or "/" in words[0]
        or (mixed and len(words) > 2 and words[0].isalpha() and words[0].isupper())
    ):
        words.pop(0)
    while words and words[-1].upper().rstrip(",.") in _TITLE_WORDS:
        words.pop()
    if not words or not words[0][:1].isupper():
        return None
    if not all(_NAME_WORD.fullmatch(w) for w in words) or len(words) > 7:
        return None
    words = _core_name(words)
    name = " ".join(words).rstrip(",. ")
    return name if any(c.isalpha() for c in name) and len(name) > 1 else None


def _classified_start(lines: list[str], inline: bool) -> tuple[int, int] | None:
    """(line index, offset) of the text after "Classified By": a line opening with it,
    else the words inside a line of the opening block."""
    for index, line in enumerate(lines):
        match = (
            CLASSIFIED_LINE.match(line) if ("lassified" in line or "LASSIFIED" in line) else None
        )
        if match:
            return index, match.end()
    for index, line in enumerate(lines if inline else ()):
        if "lassified" in line or "LASSIFIED" in line:
            match = _CLASSIFIED_INLINE.search(line)
            if match:
                return index, match.end()
    return None


def find_classified_by(lines: list[str], *, inline: bool = True) -> str | None:
    """The person of the ``Classified By:`` line, without titles and reasons:
    "Classified By: Ambassador Ronald K. McMullen for reason 1.4(d)" -> "Ronald K. McMullen".
    The keyword in any case, with or without its colon, at the start of a line or inside
    one (unless ``inline`` is False); of several names on the line, the first."""
    start = _classified_start(lines, inline)
    if start is None:
        return None
    index, offset = start
    text = " ".join([lines[index][offset:], *block(lines, index, limit=2)])
    cut = _CUT.search(text)
    if cut:
        text = text[: cut.start()]
    for segment in _NAME_SEPARATORS.split(text):
        name = _name_in(segment)
        if name:
            return name
    return None
