"""The routing header of a cable: precedence, date-time group, FM, TO and INFO.

VZCZCXRO7359                      transmission lines (kept out of the fields)
PP RUEHLH RUEHPW
DE RUEHIL #0454/01 0620220
P 030220Z MAR 09                  precedence and date-time group
FM AMEMBASSY ISLAMABAD            from
TO RUEHC/SECSTATE WASHDC PRIORITY 1701     to (routing indicator, precedence and
INFO RUEHBUL/AMEMBASSY KABUL 9925           serial number dropped), then info
"""

from __future__ import annotations

import re

from cables.model import Routing

_DTG = re.compile(
    r"[ \t]*(?:([OPRZ](?:[ \t]+[OPRZ])?)[ \t]+)?(\d{6}Z[ \t]+[A-Z]{3}[ \t]+\d{2})\b.*"
)
_FM = re.compile(r"[ \t]*FM[ \t]+(.+)")
_TO = re.compile(r"[ \t]*TO[ \t]+(.+)")
_INFO = re.compile(r"[ \t]*INFO[ \t]+(.+)")
_DISTRIBUTION = re.compile(
    r"[ \t]*INFO[ \t]+[A-Z]{1,5}-\d\d\b|[ \t]*(?:[A-Z/]{1,6}-\d\d[ \t]*)+|\s*/\d{3}W"
)
_TRANSMISSION = re.compile(
    r"[ \t]*(?:VZCZC\w*|[OPRZ]{2}(?:[ \t]+R[A-Z]{3,6})+|DE[ \t]+R[A-Z]{3,6}\b.*"
    r"|ZNY[ \t].*|ZNR[ \t].*"
    r"|ZZH|BT|NNNN?|#\d+)[ \t]*"
)
_INDICATOR = re.compile(r"^R[A-Z]{3,7}/")
_TRAILER = re.compile(
    r"(?:[ \t]+(?:PRIORITY|IMMEDIATE|ROUTINE|FLASH|NIACT|ZFF\d?|\d{1,5}))+[ \t]*$"
)


def _addressee(text: str) -> str:
    text = _INDICATOR.sub("", text.strip()[:200])
    return " ".join(_TRAILER.sub("", text).split())


def is_routing_line(line: str) -> bool:
    """True for a line that belongs to a routing header (transmission line, date-time
    group, FM / TO / INFO line)."""
    return bool(
        _TRANSMISSION.fullmatch(line)
        or _DTG.fullmatch(line)
        or _FM.match(line)
        or _TO.match(line)
        or _INFO.match(line)
    )


def parse_routing(lines: list[str]) -> Routing | None:
    """The routing fields of these header lines, or None when they hold none."""
    precedence = dtg = from_ = None
    to: list[str] = []
    info: list[str] = []
    current: list[str] | None = None
    for line in lines:
        if not line.strip():
            continue
        if _DISTRIBUTION.match(line):
            current = None
            continue
        if dtg is None and (match := _DTG.fullmatch(line)):
            precedence = " ".join(match[1].split()) if match[1] else None
            dtg = " ".join(match[2].split())
            current = None
            continue
        if _TRANSMISSION.fullmatch(line):
            current = None
            continue
        if from_ is None and (match := _FM.match(line)):
            from_ = _addressee(match[1])
            current = None
            continue
        if match := _TO.match(line):
            current = to
            current.append(_addressee(match[1]))
            continue
        if match := _INFO.match(line):
            current = info
            current.append(_addressee(match[1]))
            continue
        if current is not None:
            current.append(_addressee(line))
    to = [a for a in to if a]
    info = [a for a in info if a]
    if not (precedence or dtg or from_ or to or info):
        return None
    return Routing(precedence=precedence, dtg=dtg, from_=from_, to=tuple(to), info=tuple(info))


def split_leading_routing(lines: list[str]) -> tuple[list[str], list[str]]:
    """(routing lines, the rest) for a text whose opening lines are a routing header:
    transmission lines, the date-time group and FM / TO / INFO with their continuations,
    up to the first line of another kind after them (or the first blank line after TO)."""
    end = 0
    in_addressees = False
    for index, line in enumerate(lines):
        if not line.strip():
            if in_addressees:
                break
            continue
        if is_routing_line(line):
            in_addressees = bool(_TO.match(line) or _INFO.match(line)) or in_addressees
            end = index + 1
            continue
        if in_addressees and not any(c.islower() for c in line) and len(line) < 60:
            end = index + 1
            continue
        break
    return lines[:end], lines[end:]
