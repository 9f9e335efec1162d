"""The summary: ``SUMMARY: ... END SUMMARY``, ``BEGIN SUMMARY ... END SUMMARY``, a
paragraph opening with "Summary:" (or under a "Summary" heading) without an end mark, or a
first paragraph closing with "End Summary" without an opening mark."""

from __future__ import annotations

import re

from cables.model import Paragraph

_START = re.compile(
    r"(?im)^[ \t]*(?:BEGIN[ \t]+)?SUMMARY"
    r"(?:[ \t]+(?:AND|&)[ \t]+(?:COMMENTS?|ACTION[ \t]+REQUEST(?:ED)?|INTRODUCTION|ANALYSIS"
    r"|KEY[ \t]+THEMES|TABLE[ \t]+OF[ \t]+CONTENTS))?"
    r"[ \t]*(?:[:.\-–—]+[ \t]*|$)"
)
_END = re.compile(r"\(?\s*\bEND\s+(?:OF\s+)?SUMMARY\b", re.IGNORECASE)
_SPACES = re.compile(r"[ \t]+")
_FIRST_PARAGRAPHS = 4
_MAX_CHARS = 20_000
_CLOSING_CHARS = 40


def _tidy(text: str) -> str | None:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    tidy = "\n".join(line for line in lines if line).lstrip(" :.-–—\n").rstrip(" (-–—\n")
    return tidy or None


def find_summary(paragraphs: list[Paragraph]) -> str | None:
    """The summary text (whitespace tidied, paragraph breaks kept as newlines), or None.

    The opening mark is looked for in paragraph 0 and the first numbered paragraphs; the
    text runs to END SUMMARY (across paragraphs), else to the end of its paragraph. Without
    an opening mark, a first paragraph that closes with END SUMMARY is the summary.
    """
    for position, para in enumerate(paragraphs[:_FIRST_PARAGRAPHS]):
        start = _START.search(para.text)
        if not start:
            continue
        rest = "\n".join(p.text for p in paragraphs[position + 1 : position + 12])
        joined = para.text[start.end() :] + ("\n" + rest if rest else "")
        end = _END.search(joined, 0, _MAX_CHARS)
        if end:
            return _tidy(joined[: end.start()])
        return _tidy(para.text[start.end() :])
    # No opening mark: the first numbered paragraph is the summary when it closes with
    # END SUMMARY (looked for in its last characters only: most cables have no summary).
    first = next((p for p in paragraphs if p.number > 0), None)
    if first is not None:
        end = _END.search(first.text, max(0, len(first.text) - _CLOSING_CHARS))
        if end:
            return _tidy(first.text[: end.start()])
    return None
