"""Which source format a document is, from its first few kilobytes (not its name)."""

from __future__ import annotations

import re

SNIFF_BYTES = 8192
# Columns of a cables.csv record: row, created, id, origin, classification, refs, header, body.
CSV_COLUMNS = 8
GZIP_MAGIC = b"\x1f\x8b"

_CSV_ROW = re.compile(r'"?\d+"?,"?\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}"?,')
_JSON_CABLE = re.compile(r'\{\s*"id"\s*:')
_HTML = re.compile(r"<(?:!doctype|html|head|body|table|pre|code|div|\?xml)\b", re.IGNORECASE)
_HEADER_ROW = re.compile(r"Reference ID\s+Created\s+Released\s+Classification\s+Origin")
_LABELLED = re.compile(r"(?m)^\s*Reference ID\s*:\s*\S")
_ID_TOKEN = re.compile(r"\b\d{2}[A-Z]{3,}\d{1,7}\b")
_CABLE_LINES = re.compile(
    r"(?m)^[ \t]*(?:TAGS\b|SUBJECT\s*:|SUBJ\s*:|E\.\s?O\.\s*1\d{4}|EO 1\d{4}|REF\s*:|"
    r"Classified\s+By\b|FM\s+AM|TO\s+(?:R[A-Z]{3,6}/)?SECSTATE|\d{1,2}\.\s+\([A-Z/]{1,6}\))",
    re.IGNORECASE,
)
# Control characters that text does not hold (ESC does: it is cleaned, not refused).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def is_binary(head: bytes) -> bool:
    """True for bytes that are mostly not text: NUL bytes over a tenth (binary formats,
    UTF-16), or invalid UTF-8 and control characters over a third. A few bad bytes (a NUL,
    a run of ESC characters) do not make a file binary: they are the business of the
    record that holds them, whose text is cleaned like every other."""
    if not head:
        return False
    if head.count(0) * 10 > len(head):
        return True
    text = head.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") + len(_CONTROL.findall(text))
    return bad * 3 > len(text)


def _starts_with_csv_header(text: str) -> bool:
    """True for a header row of eight column names (no digits) followed by a csv record."""
    first, _, rest = text.partition("\n")
    return (
        first.count(",") == CSV_COLUMNS - 1
        and not any(c.isdigit() for c in first)
        and bool(_CSV_ROW.match(rest))
    )


def sniff(head: str) -> str | None:
    """ "html", "csv", "jsonl" or "text" for the opening of a document, or None when it
    does not look like any cable source."""
    text = head.lstrip("\ufeff \t\r\n")
    if not text:
        return None
    if _JSON_CABLE.match(text):
        return "jsonl"
    if _CSV_ROW.match(text) or _starts_with_csv_header(text):
        return "csv"
    if _HTML.search(text[:2048]) or (text.startswith("<") and _HTML.search(text)):
        return "html"
    if _HEADER_ROW.search(text) or _LABELLED.search(text):
        return "text"
    if _ID_TOKEN.search(text) and len(_CABLE_LINES.findall(text)) >= 2:
        return "text"
    if len({m.lower().split()[0] for m in _CABLE_LINES.findall(text)}) >= 3:
        return "text"
    return None
