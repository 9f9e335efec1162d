"""Rows of the full release's ``cables.csv``: eight quoted columns, no header, quotes and
backslashes escaped with a backslash, newlines inside fields. Streamed record by record."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from itertools import chain
from typing import TextIO

from cables.dates import parse_timestamp
from cables.errors import ParseError
from cables.formats.assemble import Where, build_cable
from cables.formats.detect import CSV_COLUMNS as COLUMNS
from cables.model import Cable

# Far above any real cable (the largest are a few hundred KB), far below a broken file.
MAX_FIELD = 16 * 1024 * 1024
csv.field_size_limit(MAX_FIELD)

_RECORD_START = re.compile(r'"\d+","')


def _reader(lines: Iterator[str]) -> Iterator[list[str]]:
    return csv.reader(lines, quotechar='"', escapechar="\\", doublequote=True, strict=False)


def iter_rows(
    stream: TextIO | Iterator[str], source: str
) -> Iterator[tuple[str, tuple[str, ...]] | ParseError]:
    """("row N", fields) for each record, or a ParseError for a malformed one (wrong number
    of columns, a field over 16 MB, broken quoting); after an error, reading resumes at
    the next line that starts a record. A header row of column names is skipped.
    ``stream`` must be opened with ``newline=""``."""
    lines: Iterator[str] = iter(stream)
    reader = _reader(lines)
    row = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            row += 1
            yield ParseError(source, f"malformed csv record: {error}", f"row {row}")
            for line in lines:
                if _RECORD_START.match(line):
                    lines = chain([line], lines)
                    break
            reader = _reader(lines)
            continue
        if not fields or fields == [""]:
            continue
        if row == 0 and not any(c.isdigit() for field in fields for c in field):
            continue  # a header row of column names (the release itself has none)
        row += 1
        if len(fields) != COLUMNS:
            yield ParseError(
                source, f"expected {COLUMNS} columns, found {len(fields)}", f"row {row}"
            )
            continue
        yield f"row {row}", tuple(fields)


def parse_row(fields: tuple[str, ...], source: str, location: str | None = None) -> Cable:
    """The Cable of one csv record: row, created (M/D/YYYY H:MM), id, origin,
    classification, references joined by "|", routing header, body."""
    where = Where(source, location)
    if len(fields) != COLUMNS:
        raise where.error(f"expected {COLUMNS} columns, found {len(fields)}")
    _row, created, raw_id, origin, classification, refs, routing, body = fields
    when = parse_timestamp(created) if created.strip() else None
    if created.strip() and when is None:
        raise where.error(f"not a date: {created[:40]!r}")
    return build_cable(
        where,
        raw_id=raw_id,
        created=when,
        released=None,
        classification=classification,
        origin=origin,
        body=body,
        routing_lines=routing.split("\n"),
        extra_references=[ref for ref in refs.split("|") if ref.strip()],
    )
