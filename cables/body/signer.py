"""The signer: the surname closing a cable ("EDELMAN", "Tefft", "TIMKEN JR")."""

from __future__ import annotations

import re

_NOISE = re.compile(
    r"""[ \t]*(?:
        N{3,4}|BT|\.{2,}|\#\d+|[-*=_ ]+
        |.*\bhttps?://.*|.*\bwww\.\S+.*|\S+\.(?:gov|com|org)\S*
        |.*Classified\s+(?:Web\s*site|SIPRNET).*|Visit\s.*|Please\s+visit.*
        |You\s+can\s+also\s+access.*|State\s+Department's\s+Classified.*
        |Declassified/Released.*|Systematic\s+Review.*
        |(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|C\ O\ N\ F\ I\ D\ E\ N\ T\ I\ A\ L|S\ E\ C\ R\ E\ T)
            (?:\s*//?\s*[A-Z/ ]+)?
        |SELECT\s.*\bFROM\b.*|Track\s+impresi.*|ID:\s*\d+
    )[ \t]*""",
    re.VERBOSE | re.IGNORECASE,
)
_NAME = r"(?:[A-Z][A-Za-z'’-]+|[A-Z]\.)"
_LINE_SIGNER = re.compile(
    rf"(?:End\s+[\w -]{{0,25}}\.\s+)?({_NAME}(?:\s+{_NAME}){{0,2}})"
    r"(?:\s+\d{4}-\d\d-\d\d)?(?:\s+\.)?"
)
_INLINE_SIGNER = re.compile(r".*[a-z].*[.!?)\"”]\s+([A-Z][A-Z'’-]{2,}(?:\s+JR)?)\s*\.?")
_NOT_NAMES = frozenset(
    [
        "END",
        "COMMENT",
        "COMMENTS",
        "TEXT",
        "SUMMARY",
        "SIPDIS",
        "NOFORN",
        "NODIS",
        "EXDIS",
        "LIMDIS",
        "MINIMIZE",
        "CONSIDERED",
        "UNQUOTE",
        "QUOTE",
        "BREAK",
        "PARA",
        "ACTION",
        "REQUEST",
        "NOTE",
        "CLASSIFIED",
        "UNCLAS",
        "UNCLASSIFIED",
        "CONFIDENTIAL",
        "SECRET",
        "EXEMPT",
        "THANKS",
        "REGARDS",
        "DEPARTMENT",
        "EMBASSY",
        "POST",
        "CABLE",
        "MESSAGE",
        "TELEGRAM",
        "GDS",
    ]
)


def _accept(name: str) -> str | None:
    words = name.replace(".", " ").upper().split()
    if not words or any(w in _NOT_NAMES for w in words) or set(name) <= set("Xx "):
        return None
    return name.strip().rstrip(".").strip()


def find_signer(lines: list[str]) -> str | None:
    """The signer from the last lines of a body, skipping trailing noise (NNNN, rules,
    "Visit ... Classified Website" lines, declassification stamps); None when the closing
    line is not a name (or is redacted)."""
    seen = 0
    for line in reversed(lines):
        text = line.strip()
        if len(text) > 300:
            text = text[-300:]  # bounded work on a huge last line; a signer is at its end
        if not text or _NOISE.fullmatch(text):
            continue
        seen += 1
        if seen > 1:
            return None
        match = _LINE_SIGNER.fullmatch(text)
        if match:
            return _accept(match[1])
        match = _INLINE_SIGNER.fullmatch(text)
        if match:
            return _accept(match[1])
        return None
    return None
