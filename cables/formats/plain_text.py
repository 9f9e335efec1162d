"""Plain-text and blog copies of a cable, like the seed ``blog/08ASTANA611.txt``.

The WikiLeaks header table flattened to a row of names and a row of values::

    Reference ID Created Released Classification Origin
    08ASTANA611 2008-03-21 05:37 2011-08-30 01:44 UNCLASSIFIED//FOR OFFICIAL USE ONLY Embassy Astana

or labelled lines (``Reference ID: 08ASTANA611``). Anything before the header (the blog's
preamble) and the blog's comment form after the cable are dropped; routing lines at the
top of the body become the routing header.
"""

from __future__ import annotations

import re

from cables.dates import parse_timestamp
from cables.formats.assemble import Where, build_cable
from cables.ids import id_from_file_name
from cables.model import Cable
from cables.routing import split_leading_routing

_HEADER_ROW = re.compile(r"\s*Reference ID\s+Created\s+Released\s+Classification\s+Origin\s*")
_STAMP = r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d"
_CLASSIFICATIONS = (
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY|CONFIDENTIAL//NOFORN|SECRET//NOFORN|TOP SECRET"
    "|UNCLASSIFIED|CONFIDENTIAL|SECRET"
)
_VALUES = re.compile(
    rf"\s*(?P<id>\S+)\s+(?P<created>{_STAMP})(?:\s+(?P<released>{_STAMP}))?"
    rf"(?:\s+(?P<cls>{_CLASSIFICATIONS}))?(?:\s+(?P<origin>.*?))?\s*"
)
_LABEL = re.compile(
    r"\s*(Reference ID|Created|Released|Classification|Origin)\s*:\s*(.*?)\s*", re.IGNORECASE
)
# The blog's comment form and sharing widgets: everything from the first such line on.
_BOILERPLATE = re.compile(
    r"\s*(?:Post a comment or leave a trackback|Leave a Reply|Leave a Comment|"
    r"Fill in your details below|You are commenting using|Connecting to %s|"
    r"%d bloggers like this|Share this:\s*$|Like this:\s*$|Related\s*$|"
    r"Blog at WordPress\.com|Notify me of (?:new|follow-up)|About these ads|"
    r"Previous post\s*$|Next post\s*$|Trackback URL|Comments \(RSS\))",
    re.IGNORECASE,
)


def _header(lines: list[str]) -> tuple[dict[str, str | None], int]:
    """The header values and the index of the first body line."""
    for index, line in enumerate(lines[:200]):
        if _HEADER_ROW.fullmatch(line):
            for offset, value_line in enumerate(lines[index + 1 : index + 4], start=1):
                match = _VALUES.fullmatch(value_line)
                if match:
                    return match.groupdict(), index + 1 + offset
            return {}, index + 1
    labelled: dict[str, str | None] = {}
    last = -1
    for index, line in enumerate(lines[:60]):
        match = _LABEL.fullmatch(line)
        if match:
            key = {"reference id": "id", "classification": "cls"}.get(
                match[1].lower(), match[1].lower()
            )
            labelled[key] = match[2]
            last = index
    if "id" in labelled:
        return labelled, last + 1
    return {}, 0


def _cut_boilerplate(lines: list[str]) -> list[str]:
    for index, line in enumerate(lines):
        if line and _BOILERPLATE.match(line):
            return lines[:index]
    return lines


def parse_text(text: str, source: str, location: str | None = None) -> Cable:
    """The Cable of a plain-text or blog copy."""
    where = Where(source, location)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    values, first = _header(lines)
    raw_id = values.get("id") or id_from_file_name(source)
    body_lines = _cut_boilerplate(lines[first:])
    start = 0
    while start < len(body_lines) and not body_lines[start].strip():
        start += 1
    routing, rest = split_leading_routing(body_lines[start:])
    created = values.get("created")
    released = values.get("released")
    return build_cable(
        where,
        raw_id=raw_id,
        created=parse_timestamp(created) if created else None,
        released=parse_timestamp(released) if released else None,
        classification=values.get("cls"),
        origin=values.get("origin"),
        body="\n".join(rest),
        routing_lines=routing,
    )
