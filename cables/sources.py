"""Where cables come from: files, folders, cables.csv, JSON Lines, stdin.

:func:`iter_units` does the cheap I/O (walk, sniff, stream records) and yields one
:class:`SourceUnit` per cable; :func:`parse_unit` does the CPU work and can run in a
process pool; :func:`iter_cables` composes the two. Bad input never raises from the
iterators: it comes out as :class:`~cables.errors.ParseError` items, and the rest goes on.
"""

from __future__ import annotations

import codecs
import errno
import gzip
import io
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from cables.errors import ParseError
from cables.formats.csv_release import iter_rows, parse_row
from cables.formats.detect import GZIP_MAGIC, SNIFF_BYTES, is_binary, sniff
from cables.formats.html_page import parse_html
from cables.formats.json_lines import parse_json_line
from cables.formats.plain_text import parse_text
from cables.model import Cable

STDIN = "<stdin>"
# Decoding: UTF-8, and a byte that is not UTF-8 is read as Windows-1252 (a superset of
# Latin-1), so that a Latin-1 copy keeps its "é" and its "¶" paragraph signs.
DECODE_ERRORS = "cables-cp1252"
# One cable document (page or text copy); the real ones are at most a few hundred KB.
MAX_DOCUMENT = 20 * 1024 * 1024
# One JSON line (a cable with its entities; the real ones are at most a few MB).
MAX_JSON_LINE = 20 * 1024 * 1024
# Extensions of files that, in a folder, are meant to be cables: if their content is not
# one, that is reported; other files that are not cables are passed over silently.
# Formats read record by record (streamed); the others are one document a file.
RECORD_FORMATS = frozenset({"csv", "jsonl"})
CABLE_EXTENSIONS = frozenset({".html", ".htm", ".txt", ".csv", ".jsonl", ".gz", ".text"})


@dataclass(frozen=True, slots=True)
class SourceUnit:
    """One cable's worth of raw input.

    ``source``: the file path or "<stdin>"; ``location``: "row 17", "line 3", or None for a
    whole file; ``format``: "html", "text", "csv" or "jsonl"; ``payload``: the document
    text, or the csv record's fields. Picklable, for a process pool.
    """

    source: str
    location: str | None
    format: str
    payload: str | tuple[str, ...]


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("cp1252", errors="replace"), error.end


codecs.register_error(DECODE_ERRORS, _cp1252_fallback)


def parse_unit(unit: SourceUnit) -> Cable:
    """The Cable of one unit. Raises ParseError (and nothing else) for bad input."""
    payload = unit.payload
    if unit.format == "csv":
        if not isinstance(payload, tuple):
            raise ParseError(unit.source, "a csv unit needs the record's fields", unit.location)
        return parse_row(payload, unit.source, unit.location)
    if not isinstance(payload, str):
        raise ParseError(unit.source, f"a {unit.format} unit needs text", unit.location)
    if unit.format == "html":
        return parse_html(payload, unit.source, unit.location)
    if unit.format == "text":
        return parse_text(payload, unit.source, unit.location)
    if unit.format == "jsonl":
        return parse_json_line(payload, unit.source, unit.location)
    raise ParseError(unit.source, f"unknown format {unit.format!r}", unit.location)


def iter_cables(paths: Sequence[str], stdin: TextIO | None = None) -> Iterator[Cable | ParseError]:
    """Every cable of these paths ("-" for stdin), or a ParseError per bad source."""
    for unit in iter_units(paths, stdin):
        if isinstance(unit, ParseError):
            yield unit
            continue
        try:
            yield parse_unit(unit)
        except ParseError as error:
            yield error


def iter_units(
    paths: Sequence[str], stdin: TextIO | None = None
) -> Iterator[SourceUnit | ParseError]:
    """The units of these paths, in order: files, folders (walked recursively in sorted
    order), "-" for ``stdin`` (default sys.stdin). Formats are detected from the content.
    Never raises for bad input: missing paths, non-cable files and malformed records come
    out as ParseError items."""
    for path in paths:
        if path == "-":
            if stdin is not None:
                yield from _stream_units(stdin, STDIN)
            else:
                yield from _stdin_units()
        elif os.path.isdir(path):
            yield from _folder_units(path)
        elif os.path.exists(path):
            yield from _file_units(path, explicit=True)
        else:
            yield ParseError(path, _missing_reason(path))


def _missing_reason(path: str) -> str:
    """Why a path that does not resolve to a file or folder cannot be read."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symbolic link that loops back on itself (it leads to no file)"
        if error.errno == errno.ENOENT and os.path.islink(path):
            return f"a broken symbolic link (its target {os.readlink(path)!r} does not exist)"
        if error.errno != errno.ENOENT:
            return f"cannot read: {_reason(error)}"
    return "no such file or folder"


def _folder_units(folder: str) -> Iterator[SourceUnit | ParseError]:
    found = False
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        while unreadable:
            error = unreadable.pop(0)
            found = True
            yield ParseError(
                str(error.filename or root), f"cannot read this folder: {_reason(error)}"
            )
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            explicit = Path(name).suffix.lower() in CABLE_EXTENSIONS
            for item in _file_units(path, explicit=explicit):
                found = True
                yield item
    for error in unreadable:  # the top folder itself, or the last one walked
        found = True
        yield ParseError(
            str(error.filename or folder), f"cannot read this folder: {_reason(error)}"
        )
    if not found:
        yield ParseError(folder, "no cable files found in this folder")


def _file_units(path: str, *, explicit: bool) -> Iterator[SourceUnit | ParseError]:
    """The units of one file; for a file met in a folder (``explicit`` False), nothing at
    all when it is not a cable."""
    try:
        with open(path, "rb") as raw:
            head = raw.read(SNIFF_BYTES)
        compressed = head[:2] == GZIP_MAGIC
        if compressed:
            with gzip.open(path, "rb") as unzipped:
                head = unzipped.read(SNIFF_BYTES)
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        if explicit or _unreadable(error):
            yield ParseError(path, f"cannot read: {_reason(error)}")
        return
    problem, kind = _classify(head)
    if kind is None:
        if explicit:
            yield ParseError(path, problem)
        return
    try:
        size = os.path.getsize(path)
        if kind not in RECORD_FORMATS and not compressed and size > MAX_DOCUMENT:
            yield ParseError(path, _too_large(size))
            return
        with _open_text(path, compressed) as stream:
            packed = size if compressed else None
            yield from _classified_units(stream, "", path, kind, packed)
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        yield ParseError(path, f"cannot read: {_reason(error)}")


def _unreadable(error: BaseException) -> bool:
    """True for an error that says a file exists but may not be read (reported even for a
    file whose name does not say it is a cable: it may be one)."""
    return isinstance(error, PermissionError) or getattr(error, "errno", None) in (
        errno.EACCES,
        errno.EPERM,
        errno.EIO,
    )


def _open_text(path: str, compressed: bool) -> TextIO:
    """The file as text (UTF-8, other bytes as Windows-1252, newlines as written)."""
    if compressed:
        return gzip.open(path, "rt", encoding="utf-8-sig", errors=DECODE_ERRORS, newline="")
    return open(path, encoding="utf-8-sig", errors=DECODE_ERRORS, newline="")


def _stdin_units() -> Iterator[SourceUnit | ParseError]:
    """The units of the process's standard input, read as bytes and decoded like a file
    (gzip included) when it has a byte buffer, else as the text stream it is."""
    buffer = getattr(sys.stdin, "buffer", None)
    if not isinstance(buffer, io.BufferedReader):
        yield from _stream_units(sys.stdin, STDIN)
        return
    raw: io.BufferedReader | gzip.GzipFile = buffer
    if buffer.peek(2)[:2] == GZIP_MAGIC:
        raw = gzip.GzipFile(fileobj=buffer, mode="rb")
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors=DECODE_ERRORS, newline="")
    try:
        yield from _stream_units(text, STDIN)
    finally:
        text.detach()  # leave sys.stdin usable (and open)


def _stream_units(stream: TextIO, source: str) -> Iterator[SourceUnit | ParseError]:
    try:
        head = stream.read(SNIFF_BYTES)
    except (OSError, EOFError, UnicodeDecodeError) as error:
        yield ParseError(source, f"cannot read: {_reason(error)}")
        return
    problem, kind = _classify(head.encode("utf-8", errors="replace"))
    if kind is None:
        yield ParseError(source, problem)
        return
    try:
        yield from _classified_units(stream, head, source, kind)
    except (OSError, EOFError, UnicodeDecodeError) as error:
        yield ParseError(source, f"cannot read: {_reason(error)}")


def _classified_units(
    stream: TextIO, head: str, source: str, kind: str, packed: int | None = None
) -> Iterator[SourceUnit | ParseError]:
    """The units of a stream of format ``kind`` whose first characters, ``head``, were
    already read from it: one per record, or one for the whole (bounded) document.
    ``packed`` is the size of the gzip file the stream is read from (None: not one).
    Reading is bounded: no record or document over its limit is ever held whole."""
    if kind == "csv":
        for item in iter_rows(stream.read, source, head):
            if isinstance(item, ParseError):
                yield item
            else:
                yield SourceUnit(source, item[0], "csv", item[1])
        return
    if kind == "jsonl":
        yield from _json_line_units(_Prefixed(head, stream), source)
        return
    text = head + stream.read(MAX_DOCUMENT + 1 - len(head))
    if len(text) > MAX_DOCUMENT:
        if packed is not None:
            yield ParseError(source, _too_large_unpacked(packed))
        else:
            yield ParseError(source, _too_large(len(text), more=source == STDIN))
        return
    yield SourceUnit(source, None, kind, text)


class _Prefixed:
    """A text stream read line by line, after characters already read from it (``head``)."""

    def __init__(self, head: str, stream: TextIO) -> None:
        self._head = head
        self._stream = stream

    def readline(self, limit: int) -> str:
        """The next line with its newline, or its first ``limit`` characters; "" at the end."""
        head = self._head
        if not head:
            return self._stream.readline(limit)
        end = head.find("\n", 0, limit)
        if end >= 0:
            self._head = head[end + 1 :]
            return head[: end + 1]
        if len(head) >= limit:
            self._head = head[limit:]
            return head[:limit]
        self._head = ""
        return head + self._stream.readline(limit - len(head))


def _json_line_units(lines: _Prefixed, source: str) -> Iterator[SourceUnit | ParseError]:
    """One unit per JSON line; a line over MAX_JSON_LINE is skipped (read in pieces, never
    held whole) with one error naming it."""
    number = 0
    while line := lines.readline(MAX_JSON_LINE):
        number += 1
        if len(line) >= MAX_JSON_LINE and not line.endswith("\n"):
            size = len(line)
            while (more := lines.readline(MAX_JSON_LINE)) and not more.endswith("\n"):
                size += len(more)
            size += len(more)
            limit = MAX_JSON_LINE // 2**20
            yield ParseError(
                source, f"line over {limit} MB ({size / 1e6:.1f} MB), skipped", f"line {number}"
            )
            continue
        if line.strip():
            yield SourceUnit(source, f"line {number}", "jsonl", line)


def _classify(head: bytes) -> tuple[str, str | None]:
    """(reason it is not a cable, format or None) for the first bytes of a document."""
    if not head.strip():
        return "empty file", None
    if is_binary(head):
        return "binary data, not a cable", None
    kind = sniff(head.decode("utf-8", errors="replace"))
    if kind is None:
        return "not a cable: no cable page, csv row, JSON line or cable text found", None
    return "", kind


def _too_large(size: int, *, more: bool = False) -> str:
    over = "over " if more else ""
    return (
        f"too large for one cable ({over}{size / 1e6:.1f} MB; at most {MAX_DOCUMENT // 2**20} MB)"
    )


def _too_large_unpacked(packed: int) -> str:
    return (
        f"too large for one cable (a {packed / 1e6:.1f} MB gzip file that unpacks to over "
        f"{MAX_DOCUMENT // 2**20} MB; at most {MAX_DOCUMENT // 2**20} MB)"
    )


def _reason(error: BaseException) -> str:
    return getattr(error, "strerror", None) or str(error) or type(error).__name__
