"""The signer: the surname closing a cable ("EDELMAN", "Tefft", "TIMKEN JR")."""

from __future__ import annotations

import re

_NOISE = re.compile(
    r"""[ \t]*(?:
        N{3,4}|BT|\.{2,}|\#\d+|[-*=_ .]+
        |.*\bhttps?://.*|.*\bwww\.\S+.*|\S+\.(?:gov|com|org)\S*
        |.*Classified\s+(?:Web\s*site|SIPRNET).*|Visit\s.*|Please\s+visit.*
        |You\s+can\s+also\s+access.*|State\s+Department's\s+Classified.*
        |Declassified/Released.*|Systematic\s+Review.*
        |(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|C\ O\ N\ F\ I\ D\ E\ N\ T\ I\ A\ L|S\ E\ C\ R\ E\ T)
            (?:\s*//?\s*[A-Z/ ]+)?
        |SELECT\s.*\bFROM\b.*|Track\s+impresi.*|ID:\s*\d+
        |SIPDIS|NOTE\s+BY\s+OC/T.*|PAGE\s+\d{2,3}\s.*\bOF\s+\d{2,3}\b.*|GP-\d|/+\s*END\s*/+
        |END\s+(?:OF\s+)?(?:CABLE\s+)?TEXT\.?|UNQUOTE|X{4,}|\[DETAILS\s+REMOVED\]
    )[ \t]*""",
    re.VERBOSE | re.IGNORECASE,
)
_NAME = r"(?:[A-Z][A-Za-z'’-]+|[A-Z]\.)"
_LINE_SIGNER = re.compile(
    rf"(?:End\s+[\w -]{{0,25}}\.\s+)?({_NAME}(?:\s+{_NAME}){{0,2}})"
    r"(?:\s+\d{4}-\d\d-\d\d)?(?:\s+\.)?"
)
# A name closing the last line of text: after a sentence ("... at his back. BURNS", also
# "... worth taking. Burns" and in all-capital cables), after END COMMENT, or a surname in
# capitals closing a mixed-case line ("... spoiled: 14 EIKENBERRY").
_INLINE_SIGNER = re.compile(
    r".*(?:(?<!\b[A-Z])[.!?]|[)\"”:]|\bEND\s+(?:COMMENT|TEXT|SUMMARY|NOTE))\s+"
    r"([A-Z][A-Z'’-]{2,}(?:\s+JR)?|[A-Z][a-z]+(?:[A-Z][a-z]+)?)"
    r"(?:\s+\d{4}-\d\d-\d\d)?\s*\.?"
)
_CAPITAL_CLOSING = re.compile(r".*[a-z].*\s([A-Z][A-Z'’-]{3,})")
# Trailing noise inside the last line: NNNN, "End Cable Text", redactions, "##", a rule.
_TRAILING_NOISE = re.compile(
    r"(?<![^\s.])(?:NNNN|End\s+Cable\s+Text|X{4,}|[-*=_]{3,}|\.{2,})\s*$|(?:#+|-/)\s*$",
    re.IGNORECASE,
)
_URL_TAIL = re.compile(r".*(?:https?://|www\.)\S*(?:\s+\S+\.\S*)?\s+(\S.*)$")
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
        "CONTACT",
        "INFORMATION",
        "TBD",
        "ENDS",
    ]
)


def _accept(name: str) -> str | None:
    words = name.replace(".", " ").upper().split()
    if not words or any(w in _NOT_NAMES for w in words) or set(name) <= set("Xx "):
        return None
    return name.strip().rstrip(".").strip()


_LONE_LOWER = re.compile(r"[a-z][a-z'’-]{3,}")


def _signer_in(text: str, above: str | None) -> str | None:
    """The signer in ``text``, the last line with words; ``above`` is the line before it."""
    if _LONE_LOWER.fullmatch(text):
        # A surname on its own in lower case ("misenheimer"), or a lower-case copy of the
        # name just above it ("Huntsman" / "huntsman").
        if above is not None and above.strip().lower() == text:
            return _accept(above.strip())
        return _accept(text)
    match = _LINE_SIGNER.fullmatch(text)
    if match:
        return _accept(match[1])
    words = text.split()
    if len(words) == 2 and words[0].lower() == words[1].lower() and words[0][:1].isupper():
        return _accept(words[0])  # "Huntsman huntsman"
    match = _INLINE_SIGNER.fullmatch(text)
    if match:
        return _accept(match[1])
    match = _CAPITAL_CLOSING.fullmatch(text)
    if match and not text.rstrip().endswith("."):
        return _accept(match[1])
    return None


def find_signer(lines: list[str]) -> str | None:
    """The signer from the last lines of a body, skipping trailing noise (NNNN, rules,
    teletype page headers and banners, "Visit ... Classified Website" lines,
    declassification stamps); the name may close the last sentence ("... END COMMENT.
    SMITH"), follow a website address, or stand on its own line. None when the closing
    line holds no name (or a redacted one)."""
    for index in range(len(lines) - 1, -1, -1):
        text = lines[index].strip()
        if len(text) > 300:
            text = text[-300:]  # bounded work on a huge last line; a signer is at its end
        for _ in range(4):
            trimmed = _TRAILING_NOISE.sub("", text).rstrip()
            if trimmed == text:
                break
            text = trimmed
        if text and ("http" in text or "www." in text):
            tail = _URL_TAIL.fullmatch(text)
            words = tail[1].split() if tail and not _NOISE.fullmatch(tail[1]) else []
            while len(words) > 1 and (words[0].islower() or _NOISE.fullmatch(words[0])):
                words.pop(0)  # the end of an address broken by a space ("index. cfm
                # Tuttle"), or a rule of asterisks after it
            text = " ".join(words)
        if not text or _NOISE.fullmatch(text):
            continue
        above = next((ln for ln in reversed(lines[max(0, index - 3) : index]) if ln.strip()), None)
        return _signer_in(text, above)
    return None
