"""Page markers: the ``ASTANA 00000611  002.2 OF 004`` lines a cable carries at each page
break. They are removed, with the blank lines around them, so that a paragraph split by a
page break reads as one; a marker inside a line (unwrapped copies) is cut out of the line."""

from __future__ import annotations

import re

# The part every marker shares: the zero-padded serial number (or a redaction) and "N OF M".
_CORE = re.compile(
    r"(?:(?<![\w/.-])\d{5,8}|X{4,40})"
    r"[ \t]{1,4}\d{3,4}(?:\.\d{1,2})?[ \t]{1,4}OF[ \t]{1,4}\d{3,4}\b",
    re.IGNORECASE,
)
# Stands for a removed marker line; "\f" cannot survive clean_text, so it is unambiguous.
MARKER = "\f"
# Fast finders of the lines to look at (a literal prefix lets the regex engine skip ahead):
# a zero-padded serial number always starts with "00"; a redacted one with "XXXX".
_FAST_PADDED = re.compile(r"00\d{3,6}[ \t]{1,4}\d{3,4}(?:\.\d{1,2})?[ \t]{1,4}(?:OF|of|Of)\b")
_FAST_REDACTED = re.compile(r"XXXX[ \t]{1,4}\d{3,4}(?:\.\d{1,2})?[ \t]{1,4}(?:OF|of|Of)\b")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'-]*)[ \t]*$")
_LETTERS = re.compile(r"[^A-Z]")


def _cut_station(before: str, station: str | None) -> str:
    """``before`` without the trailing words that spell (a prefix of) the station."""
    words: list[re.Match[str]] = []
    offset = max(0, len(before) - 120)
    rest = before[offset:]
    while len(words) < 4:
        match = _WORD_BEFORE.search(rest)
        if not match:
            break
        words.append(match)
        rest = rest[: match.start()]
    if not words:
        return before
    if station:
        best = 0
        spelled = ""
        for count, match in enumerate(words, start=1):
            spelled = _LETTERS.sub("", match[1].upper()) + spelled
            if spelled and station.startswith(spelled):
                best = count
        if best:
            return before[: offset + words[best - 1].start()]
    word = words[0][1]
    if word.isupper() or not station:
        return before[: offset + words[0].start()]
    return before


def remove_page_markers(
    lines: list[str], station: str | None = None, joined: str | None = None
) -> list[str]:
    """``lines`` without page markers: a marker line (and the blank lines around it) becomes
    one :data:`MARKER` line; a marker inside a line is cut out, with the station words
    before it. Readers of header blocks stop or skip at MARKER; paragraphs drop it.

    ``station`` (the station of the cable id, e.g. "RIODEJANEIRO") tells which words before
    an inline marker belong to it ("RIO DE JAN 00000285 002 OF 002"). ``joined`` is the
    text the lines were split from, when the caller has it (saves joining them again).
    """
    if joined is None:
        joined = "\n".join(lines)
    found = [match.start() for match in _FAST_PADDED.finditer(joined)]
    if "XXXX" in joined:
        found += [match.start() for match in _FAST_REDACTED.finditer(joined)]
    hits = {joined.count("\n", 0, position) for position in found}
    if not hits:
        return list(lines)
    out: list[str] = []
    copied = 0  # lines before this index are in ``out`` or dropped
    for number in sorted(hits):
        line = lines[number]
        match = _CORE.search(line)
        if not match:
            continue
        out.extend(lines[copied:number])
        copied = number + 1
        pieces: list[str] = []
        pos = 0
        while match:
            before = line[pos : match.start()]
            pieces.append(_cut_station(before, station))
            pos = match.end()
            match = _CORE.search(line, pos)
        pieces.append(line[pos:])
        kept = " ".join(piece.strip() for piece in pieces if piece.strip())
        if kept:
            out.append(kept)
            continue
        while out and not out[-1].strip():
            out.pop()
        out.append(MARKER)
        while copied < len(lines) and not lines[copied].strip():
            copied += 1
    out.extend(lines[copied:])
    return out
