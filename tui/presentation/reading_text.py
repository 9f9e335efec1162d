"""The text the reader shows, derived from the stored text for display only.

Pure Python. :func:`sentence_case` turns an all-capitals cable into sentence case, one
character for one character, so that offsets (search matches, the reading position) are the
same in both; :func:`without_panel_lines` drops from paragraph 0 the header lines the metadata
panel shows already (SUBJECT, TAGS, REF). :func:`display_cable` applies both to a cable; the
stored cable is untouched, so copying and the store keep the original text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from cables.model import Cable

__all__ = ["display_cable", "is_all_caps", "sentence_case", "without_panel_lines"]

#: Words kept in capitals in sentence case: acronyms common in cables.
_KEEP_CAPS = frozenset(
    {
        "US",
        "USG",
        "USA",
        "UN",
        "UNSC",
        "EU",
        "NATO",
        "OSCE",
        "IMF",
        "GOK",
        "GOI",
        "GOP",
        "NGO",
        "NGOS",
        "FSN",
        "DCM",
        "CDA",
        "AMB",
        "SBU",
        "FOUO",
        "NOFORN",
        "REL",
        "NF",
        "ISAF",
        "MFA",
        "MOD",
        "DOD",
        "FBI",
        "CIA",
        "OSC",
        "ROK",
        "DPRK",
        "PRC",
        "UK",
        "UAE",
        "KSA",
        "GCC",
        "AU",
        "OAS",
        "WTO",
        "NSC",
        "SECSTATE",
        "USUN",
        "USAID",
        "I",
    }
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'.]*")
_MARKING = re.compile(r"\([A-Z/ ,-]{1,16}\)")  # portion markings such as (C), (S//NF)


def is_all_caps(text: str, minimum: int = 40) -> bool:
    """Whether ``text`` is written in capitals (at least ``minimum`` letters, 90% capitals)."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < minimum:
        return False
    return sum(1 for ch in letters if ch.isupper()) >= 0.9 * len(letters)


def _lower_same_length(text: str) -> str:
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def sentence_case(text: str) -> str:
    """``text`` in sentence case: lower case, a capital at the start of each sentence and
    line, common acronyms, words with digits (ids, ``E.O. 12958``) and ``(C)``-style
    markings kept in capitals. Always as long as ``text``, character for character."""
    out = list(_lower_same_length(text))
    for found in _WORD.finditer(text):
        word = found.group()
        bare = word.strip(".'").upper()
        start, end = found.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        in_parentheses = before == "(" and after == ")" and len(bare) <= 5
        if bare in _KEEP_CAPS or in_parentheses or "." in word.strip("."):
            out[start:end] = word
    markings = [found.span() for found in _MARKING.finditer(text)]
    for start, end in markings:
        out[start:end] = text[start:end]
    inside = bytearray(len(text))
    for start, end in markings:
        inside[start:end] = b"\x01" * (end - start)
    capital_next = True
    for index, ch in enumerate(out):
        if inside[index]:
            continue
        if ch.isalpha():
            if capital_next and len(ch.upper()) == 1:
                out[index] = ch.upper()
            capital_next = False
        elif ch in ".!?\n" or (ch.isdigit() and index + 1 < len(out) and out[index + 1] == "."):
            capital_next = True
        elif ch.isdigit():
            capital_next = False
    # Words holding digits (ids such as 08ASTANA611) keep their capitals.
    for found in re.finditer(r"\S*\d\S*", text):
        out[found.start() : found.end()] = found.group()
    return "".join(out)


_PANEL_LABELS = {"SUBJECT": "subject", "SUBJ": "subject", "TAGS": "tags", "REF": "references"}
_PANEL_LABELS["REFS"] = "references"
_LABEL_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9 ./]{0,30}?)\s*:")


def without_panel_lines(text: str, cable: Cable) -> str:
    """Paragraph 0's ``text`` without the SUBJECT, TAGS and REF lines (and their following
    lines) that the metadata panel shows already; other lines kept as they are."""
    kept: list[str] = []
    dropping = False
    for line in text.split("\n"):
        label = _LABEL_LINE.match(line)
        if label is not None:
            field = _PANEL_LABELS.get(label.group(1).strip().upper())
            dropping = field is not None and bool(getattr(cable, field))
        elif not line.strip():
            dropping = False
        if not dropping:
            kept.append(line)
    return "\n".join(kept).strip("\n")


def display_cable(cable: Cable, *, sentence: bool = False) -> Cable:
    """The cable as the reader shows it: paragraph 0 without the lines the panel shows,
    and, with ``sentence``, all-capitals paragraphs in sentence case."""
    paragraphs = []
    for paragraph in cable.paragraphs:
        text = paragraph.text
        if paragraph.number == 0:
            text = without_panel_lines(text, cable)
        if sentence and is_all_caps(text, minimum=8):
            text = sentence_case(text)
        if paragraph.number == 0 and not text.strip():
            continue  # all of it is in the panel
        paragraphs.append(replace(paragraph, text=text) if text != paragraph.text else paragraph)
    return replace(cable, paragraphs=tuple(paragraphs))
