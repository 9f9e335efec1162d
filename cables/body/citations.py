"""Which paragraph cites which cable: the REF block, and references in the body.

A cable cites others in its REF block (paragraph 0, or the paragraph that holds it) and in
its paragraphs: "as reported in REFTEL", "see REF B", "(REFS A and C)", a whole id ("see
08ASTANA611"), or a station and number in parentheses or after "see" ("(STATE 12345)",
"see Tashkent 877"). Lettered references ("REF B") are looked up in
the lettered REF block; a lone "REFTEL" names the only reference of a cable that has one.
A station and number count only when the station is one the parser knows (or the cable's
own), so that "(ANNEX 2)" or "IN PARIS 2009" are not taken for cables.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cables.body.references import parse_references
from cables.ids import PARSER_STATIONS, StationResolver, normalize_id
from cables.model import Citation, Paragraph

# A list marker of a lettered REF block: "A.", "B)", "(C)".
_ITEM = re.compile(r"(?:(?<=\s)|^)(?:\(([A-Za-z])\)|([A-Za-z])[.)])(?=\s|\()")
# After "REF", "REFTEL", "REFS" (any case): the letters named, "B", "(A)", "A AND C", "A-C".
_REF_LETTERS = re.compile(
    r"\s+\(?([A-Z](?:\s*(?:,|AND|and|&|-|THROUGH|through)\s*\(?[A-Z]\)?)*)\)?(?!\w)"
)
_LETTER = re.compile(r"\b[A-Z]\b")
# What names a cable: a whole id ("08ASTANA611"), or a station and number with an
# optional year ("08 STATE 12345", "Tashkent 877", "PARIS 12 (08)").
_NAMED = (
    r"(\d{2}[A-Za-z]{3,}\d{1,7}\b"
    r"|(?:\d{2,4}\s+)?[A-Za-z][A-Za-z'-]+(?:\s[A-Za-z][A-Za-z'-]+){0,2}\s+\d{1,7}\b"
    r"(?:\s*\(\d{2,4}\))?)"
)
# What follows a word that introduces a cable ("see", "per", "cf", "cf.") or an opening
# parenthesis; the words are found with str.find (much faster than a regular expression
# scan), then this is matched where they end.
_AFTER_WORD = re.compile(r"\.?\s+" + _NAMED)
_AFTER_PAREN = re.compile(_NAMED + r"\)")
_CITING_WORDS = ("see",)  # "per", "cf" cost a scan each and name few cables
_REF_TAIL = re.compile(r"(?:tel)?s?\b")
_DIGITS = "0123456789"
_WHOLE_ID = re.compile(r"\d{2}[A-Z]{3,}\d{1,7}")
_YEAR_LIKE = re.compile(r"(?:19[5-9]\d|20[0-3]\d)")
_NUMBER = re.compile(r"(\d+)\)?$")


def lettered_references(
    block_text: str,
    default_year: str | None,
    own: str | None = None,
    stations: StationResolver = PARSER_STATIONS,
) -> dict[str, str]:
    """The reference of each letter of a lettered REF block: ``{"A": "07TASHKENT877"}``."""
    marks = list(_ITEM.finditer(block_text))
    letters: dict[str, str] = {}
    for position, mark in enumerate(marks):
        end = marks[position + 1].start() if position + 1 < len(marks) else len(block_text)
        item = block_text[mark.end() : end]
        refs = parse_references(item, default_year, own, stations) if item.strip() else []
        if refs:
            letters[(mark[1] or mark[2]).upper()] = refs[0]
    return letters


def _letters(spec: str) -> list[str]:
    """The letters of "A", "A AND C", "(A), (B)", "A-C" (a range)."""
    found = _LETTER.findall(spec.replace("(", " ").replace(")", " "))
    if ("-" in spec or "THROUGH" in spec.upper()) and len(found) == 2:
        first, last = ord(found[0]), ord(found[1])
        if 0 < last - first < 26:
            return [chr(code) for code in range(first, last + 1)]
    return found


def _station_reference(
    snippet: str,
    default_year: str | None,
    own: str | None,
    own_id: str | None,
    stations: StationResolver,
) -> str | None:
    """The cable named by a whole id or "STATION NUMBER" (with an optional year), when the
    station is known and the number is not a year standing alone."""
    if _WHOLE_ID.fullmatch(snippet.upper()):
        ref, malformed = normalize_id(snippet.upper())
        return None if malformed or ref == own_id else ref
    number = _NUMBER.search(snippet)
    words = snippet.replace("(", " ").replace(")", " ").split()
    if number is None or not words:
        return None
    if _YEAR_LIKE.fullmatch(number[1]) and not words[0].isdigit():
        return None
    station_words = [w for w in words if not w.isdigit()]
    if not station_words:
        return None
    if stations.resolve("".join(station_words), own, typos=False) is None:
        return None
    refs = parse_references(snippet, default_year, own, stations)
    return refs[0] if refs and refs[0] != own_id else None


def _starts_word(text: str, at: int) -> bool:
    return at == 0 or not text[at - 1].isalnum()


def _finds(text: str, word: str) -> list[int]:
    """Every position of ``word`` in ``text`` that starts a word (str.find, in C)."""
    found: list[int] = []
    at = text.find(word)
    while at >= 0:
        if at == 0 or not text[at - 1].isalnum():
            found.append(at)
        at = text.find(word, at + 1)
    return found


def _mentions(
    text: str,
    letters: Callable[[], dict[str, str]],
    references: list[str],
    default_year: str | None,
    own: str | None,
    own_id: str | None,
    stations: StationResolver,
) -> list[tuple[int, str]]:
    """(position, cable) for each cable ``text`` names, in order. The introducing words are
    found with str.find, then matched where they stand: no regular expression scans the
    text, so a paragraph costs little more than a pass of lower(). A cable is named with
    a number: a paragraph without a digit is only searched for REF letters."""
    numbered = any(digit in text for digit in _DIGITS)  # memchr: cheap
    if not numbered and not references:
        return []
    low = text.lower()
    if len(low) != len(text):  # lower() changed the length: positions would not match
        low = text
    found: list[tuple[int, str]] = []
    if references:
        for at in _finds(low, "ref"):
            tail = _REF_TAIL.match(low, at + 3)
            if tail is None:
                continue
            spec = _REF_LETTERS.match(text, tail.end())
            if spec:
                lettered = letters()
                for letter in _letters(spec[1]):
                    if letter in lettered:
                        found.append((at, lettered[letter]))
            elif len(references) == 1 and low.startswith("reftel", at):
                found.append((at, references[0]))
    if not numbered:
        return found
    candidates: list[tuple[int, re.Match[str] | None]] = []
    for word in _CITING_WORDS:
        for at in _finds(low, word):
            candidates.append((at, _AFTER_WORD.match(text, at + len(word))))
    at = text.find("(")
    while at >= 0:
        candidates.append((at, _AFTER_PAREN.match(text, at + 1)))
        at = text.find("(", at + 1)
    for at, match in candidates:
        if match is not None:
            ref = _station_reference(match[1], default_year, own, own_id, stations)
            if ref:
                found.append((at, ref))
    found.sort()
    return found


def find_citations(
    paragraphs: list[Paragraph],
    references: list[str],
    ref_block: str,
    *,
    default_year: str | None,
    own: str | None = None,
    own_id: str | None = None,
    stations: StationResolver = PARSER_STATIONS,
) -> tuple[Citation, ...]:
    """Every cable cited, with the paragraphs that cite it: the REF block's references
    (first, in their order) cited by the first paragraph (0, the text before paragraph 1,
    where the block stands), then the cables the paragraphs name, in order of first
    mention."""
    cited: dict[str, list[int]] = {ref: [] for ref in references}
    lettered: list[dict[str, str]] = []

    def letters() -> dict[str, str]:
        """The lettered references, read the first time a paragraph names a letter."""
        if not lettered:
            lettered.append(
                lettered_references(ref_block, default_year, own, stations) if ref_block else {}
            )
        return lettered[0]

    # Paragraph by paragraph: no joined copy of the body is made. The text before
    # paragraph 1 (the header, with the REF block itself) is read only when the cable has
    # no numbered paragraph.
    numbered = [para for para in paragraphs if para.number > 0] or paragraphs
    for para in numbered:
        mentions = _mentions(para.text, letters, references, default_year, own, own_id, stations)
        for _, ref in mentions:
            if ref == own_id:
                continue
            numbers = cited.setdefault(ref, [])
            if para.number not in numbers:
                numbers.append(para.number)
    # The REF block stands in the text before paragraph 1 (or in the first paragraph).
    holder = paragraphs[0].number if paragraphs else None
    for ref in references:
        if holder is not None and holder not in cited[ref]:
            cited[ref].insert(0, holder)
    return tuple(Citation(ref, tuple(sorted(numbers))) for ref, numbers in cited.items())
