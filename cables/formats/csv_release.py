"""Rows of the full release's ``cables.csv``: eight quoted columns, no header, quotes and
backslashes escaped with a backslash, newlines inside fields. Streamed record by record.

Records are found by where they start, not only by the quoting: a record starts at a line
that begins with a row number, a short field (the ``M/D/YYYY H:MM`` date) and an id
(``"17","3/21/2008 5:37","08ASTANA611",``). So a stray quote in one cable's text costs at
most that cable (it is recovered whole when the record keeps the eight-column shape), never
the records after it, and every error names the record's row and the line of the file where
it starts. Each record is bounded: reading never holds more than :data:`MAX_RECORD`
characters of one.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator

from cables.dates import parse_timestamp
from cables.errors import ParseError
from cables.formats.assemble import Where, build_cable
from cables.formats.detect import CSV_COLUMNS as COLUMNS
from cables.model import Cable

# Far above any real cable (the largest are a few hundred KB), far below a broken file.
MAX_FIELD = 16 * 1024 * 1024
#: Characters of one record at most; a longer one is skipped (reading stays bounded).
MAX_RECORD = MAX_FIELD
csv.field_size_limit(MAX_FIELD)

_BLOCK = 1024 * 1024
# The start of a record: row number, a short second field (the date; a record whose date is
# wrong still starts a record, so that it fails alone with its own row number rather than
# join the record before it) and the first character of an id, each quoted or not, at the
# start of a line.
_START = r'"?\d+"?,(?:"[^"\n]{0,40}"|[^,"\n]{0,40}),"?\d'
_RECORD_START = re.compile(_START)
_NEXT_START = re.compile(r"\n(?=" + _START + ")")
# Room for a record start cut by the end of a block.
_OVERLAP = 64
# The eight-column shape, for a record whose quoting is broken: six short quoted fields,
# the routing header up to its closing quote, the body up to the last quote. Possessive
# repeats: no backtracking, so a hostile record costs linear time.
_SHORT = r'"((?:[^"\\\n]|\\.)*+)",'
_SHAPE = re.compile(_SHORT * 6 + r'"((?:[^"\\]|\\.)*+)","(.*)"[\r\n]*', re.DOTALL)
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)


def _csv_rows(lines: Iterable[str]) -> Iterator[list[str]]:
    """The csv module's reading of the release, for records of another shape."""
    return csv.reader(lines, quotechar='"', escapechar="\\", doublequote=True, strict=False)


def _split_records(read: Callable[[int], str], head: str) -> Iterator[tuple[int, str | None, int]]:
    """(line where it starts, its text or None when over :data:`MAX_RECORD`, its size in
    characters) of each stretch of the stream from one record start to the next, the
    stretch before the first record start included. Reads blocks of ``read(n)``."""
    buf = head
    pos = scan = 0  # where the current stretch starts in buf; where to look for the next
    line = 1
    dropped = dropped_lines = 0  # of the current stretch, once over the limit
    eof = False
    while True:
        match = _NEXT_START.search(buf, scan)
        if match is not None or eof:
            end = match.end() if match is not None else len(buf)
            if end > pos or dropped:
                text = buf[pos:end]
                size = dropped + len(text)
                yield line, (None if dropped else text), size
                line += dropped_lines + text.count("\n")
                dropped = dropped_lines = 0
            if match is None:
                return
            pos = scan = end
            continue
        if len(buf) - pos > MAX_RECORD:  # keep only what a record start may need
            cut = len(buf) - _OVERLAP
            dropped += cut - pos
            dropped_lines += buf.count("\n", pos, cut)
            pos = cut
        chunk = read(_BLOCK)
        eof = not chunk
        scan = max(0, len(buf) - pos - _OVERLAP)
        buf = buf[pos:] + chunk
        pos = 0


def _is_header(line: str) -> bool:
    return line.count(",") == COLUMNS - 1 and not any(c.isdigit() for c in line)


def _fields(text: str) -> tuple[tuple[str, ...] | None, str]:
    """The eight fields of one record's text, or (None, why not).

    The eight-column shape of the release (every field quoted, quotes escaped with a
    backslash) is read by one regular expression, twice as fast as the csv module and
    untroubled by a stray quote in the body; other records go through the csv module."""
    shape = _SHAPE.fullmatch(text)
    if shape is not None:
        return tuple(_ESCAPED.sub(r"\1", f) if "\\" in f else f for f in shape.groups()), ""
    try:
        rows = [row for row in _csv_rows([text]) if row and row != [""]]
    except csv.Error:
        try:  # a newline outside quotes ends a record: more than one here
            rows = [row for row in _csv_rows(io.StringIO(text, newline="")) if row and row != [""]]
        except csv.Error as problem:
            return None, f"malformed csv record: {problem}"
    if len(rows) == 1 and len(rows[0]) == COLUMNS:
        return tuple(rows[0]), ""
    if len(rows) == 1:
        return None, f"expected {COLUMNS} columns, found {len(rows[0])}"
    return None, "malformed csv record: its quotes do not close where its columns end"


def iter_rows(
    read: Callable[[int], str], source: str, head: str = ""
) -> Iterator[tuple[str, tuple[str, ...]] | ParseError]:
    """("row N", fields) for each record of a stream, or a ParseError for a malformed one
    (wrong number of columns, broken quoting, over the size limit) located as
    "row N (line L)"; the next record is read wherever the broken one ends. A header row
    of column names is skipped. ``read(n)`` reads up to n characters of a stream opened
    with ``newline=""``; ``head`` is text already read from it."""
    row = 0
    for line, text, size in _split_records(read, head):
        if text is not None and not _RECORD_START.match(text):
            first, _, rest = text.partition("\n")
            if line == 1 and _is_header(first):
                text = rest
                line += 1
            if text.strip():
                yield ParseError(
                    source,
                    f"not a csv record: {text.count(chr(10)) or 1} lines skipped up to the "
                    "next record",
                    f"line {line}",
                )
            continue
        row += 1
        where = f"row {row} (line {line})"
        if text is None:
            limit = MAX_RECORD // 2**20
            yield ParseError(
                source, f"record over {limit} MB ({size / 1e6:.1f} MB), skipped", where
            )
            continue
        fields, problem = _fields(text)
        if fields is None:
            yield ParseError(source, problem, where)
            continue
        yield f"row {row}", fields


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
