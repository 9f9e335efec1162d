"""``cables parse PATH... [--json]``: parse sources without storing them.

One line per cable on stdout (JSON Lines with ``--json``), one line per failure on stderr;
exit code 1 if anything failed. Imports no Textual.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import sys
from collections.abc import Iterator

import orjson

from cables.errors import ParseError
from cables.jsonform import cable_to_json
from cables.model import Cable
from cables.sanitize import clean_line
from cables.sources import SourceUnit, iter_units, parse_unit
from store.pipeline import BoundedPool, default_workers


def _human(cable: Cable) -> str:
    numbered = sum(1 for p in cable.paragraphs if p.number > 0)
    fields = [
        cable.id,
        cable.created or "-",
        cable.origin or "-",
        f"{numbered} paragraphs",
        cable.subject or "-",
    ]
    return "\t".join(clean_line(field) for field in fields)


# Units parsed in this process before a pool of workers is started: a file or two never
# pays for starting processes; a large input is parsed on every core.
_IN_PROCESS_FIRST = 100


def _render(unit: SourceUnit | ParseError, as_json: bool) -> tuple[bool, bytes]:
    """One unit as (parsed?, the line to print): its JSON or human line for stdout, or the
    one-line error for stderr. Runs in the parsing workers; never raises for bad input."""
    if isinstance(unit, ParseError):
        return False, f"cables: {clean_line(unit)}\n".encode()
    try:
        cable = parse_unit(unit)
    except ParseError as error:
        return False, f"cables: {clean_line(error)}\n".encode()
    except Exception as error:  # a parser bug must not stop a 1.7 GB run
        where = f"{unit.source}, {unit.location}" if unit.location else unit.source
        message = f"cables: {where}: internal error: {type(error).__name__}"
        return False, (clean_line(message) + "\n").encode()
    if as_json:
        return True, orjson.dumps(cable_to_json(cable)) + b"\n"
    return True, (_human(cable) + "\n").encode()


def _rendered(
    units: Iterator[SourceUnit | ParseError], as_json: bool, workers: int
) -> Iterator[tuple[bool, bytes]]:
    """Every unit rendered, in input order: the first ones here, the rest (if any) on a
    pool of ``workers`` processes."""
    render = functools.partial(_render, as_json=as_json)
    yield from map(render, itertools.islice(units, _IN_PROCESS_FIRST))
    following = next(units, None)
    if following is None:
        return
    rest = itertools.chain([following], units)
    with BoundedPool(workers) as pool:
        yield from pool.map(render, rest)


def run(args: argparse.Namespace) -> int:
    """Parse ``args.paths``; print each cable (``args.json``: as JSON Lines); return 0, or 1
    when any source failed. ``args.workers`` parsing processes (default one per core) take
    the input after its first units."""
    as_json = bool(getattr(args, "json", False))
    workers = getattr(args, "workers", None)
    if workers is None:
        cores = default_workers()
        workers = cores if cores > 1 else 0
    out = sys.stdout
    buffer = getattr(out, "buffer", None)
    failed = False
    for parsed, line in _rendered(iter_units(args.paths), as_json, workers):
        if not parsed:
            failed = True
            sys.stderr.write(line.decode())
            continue
        if buffer is not None:
            buffer.write(line)
        else:
            out.write(line.decode())
    if buffer is not None:
        buffer.flush()
    out.flush()
    return 1 if failed else 0
