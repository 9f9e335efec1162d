"""Dates as the model stores them: "YYYY-MM-DD HH:MM" (times) and "YYYY-MM-DD" (days)."""

from __future__ import annotations

import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("JAN", "JANUARY"),
            ("FEB", "FEBRUARY"),
            ("MAR", "MARCH"),
            ("APR", "APRIL"),
            ("MAY",),
            ("JUN", "JUNE"),
            ("JUL", "JULY"),
            ("AUG", "AUGUST"),
            ("SEP", "SEPT", "SEPTEMBER"),
            ("OCT", "OCTOBER"),
            ("NOV", "NOVEMBER"),
            ("DEC", "DECEMBER"),
        ),
        start=1,
    )
    for name in names
}
MONTH_NAMES = frozenset(_MONTHS)

_ISO_TIME = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})")
_US_TIME = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{2})")
_US_DAY = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")
_YEAR_FIRST_DAY = re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b")
_NAMED_DAY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_DAY_NAMED = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")


def _valid(year: int, month: int, day: int) -> bool:
    return 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31


def parse_timestamp(text: str) -> str | None:
    """ "YYYY-MM-DD HH:MM" from "2008-03-21 05:37" or the csv's "3/21/2008 5:37"; else None."""
    text = text.strip()
    match = _ISO_TIME.fullmatch(text)
    if match:
        year, month, day, hour, minute = map(int, match.groups())
    else:
        match = _US_TIME.fullmatch(text)
        if not match:
            return None
        month, day, year, hour, minute = map(int, match.groups())
    if not _valid(year, month, day) or hour > 23 or minute > 59:
        return None
    return f"{year:04d}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}"


def find_day(text: str) -> str | None:
    """The first date written in ``text`` ("12/14/2029", "2019/12/17", "JUNE 21, 2006",
    "30 JUN 2005")
    as "YYYY-MM-DD", or None."""
    candidates: list[tuple[int, str]] = []
    # (pattern, groups of year, month, day)
    for pattern, (y, m, d) in ((_US_DAY, (3, 1, 2)), (_YEAR_FIRST_DAY, (1, 2, 3))):
        match = pattern.search(text)
        if match:
            year, month, day = int(match[y]), int(match[m]), int(match[d])
            if year < 100:
                year += 1900 if year >= 50 else 2000
            if _valid(year, month, day):
                candidates.append((match.start(), f"{year:04d}-{month:02d}-{day:02d}"))
    for pattern, order in ((_NAMED_DAY, (1, 2, 3)), (_DAY_NAMED, (2, 1, 3))):
        match = pattern.search(text)
        if match:
            month_name = match[order[0]].upper()
            month = _MONTHS.get(month_name, 0)
            day, year = int(match[order[1]]), int(match[order[2]])
            if month and _valid(year, month, day):
                candidates.append((match.start(), f"{year:04d}-{month:02d}-{day:02d}"))
    return min(candidates)[1] if candidates else None
