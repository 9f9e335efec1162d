"""``cables parse PATH... [--json]``: parse sources without storing them.

One line per cable on stdout (JSON Lines with ``--json``), one line per failure on stderr;
exit code 1 if anything failed. Imports no Textual.
"""

from __future__ import annotations

import argparse
import sys

import orjson

from cables.errors import ParseError
from cables.jsonform import cable_to_json
from cables.model import Cable
from cables.sanitize import clean_line
from cables.sources import iter_units, parse_unit


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


def run(args: argparse.Namespace) -> int:
    """Parse ``args.paths``; print each cable (``args.json``: as JSON Lines); return 0, or 1
    when any source failed."""
    out = sys.stdout
    failed = False
    as_json = bool(getattr(args, "json", False))
    buffer = out.buffer if as_json and hasattr(out, "buffer") else None
    for unit in iter_units(args.paths):
        if isinstance(unit, ParseError):
            failed = True
            print(f"cables: {clean_line(unit)}", file=sys.stderr)
            continue
        try:
            cable = parse_unit(unit)
        except ParseError as error:
            failed = True
            print(f"cables: {clean_line(error)}", file=sys.stderr)
            continue
        except Exception as error:  # a parser bug must not stop a 1.7 GB run
            failed = True
            where = f"{unit.source}, {unit.location}" if unit.location else unit.source
            message = f"cables: {where}: internal error: {type(error).__name__}"
            print(clean_line(message), file=sys.stderr)
            continue
        if as_json:
            line = orjson.dumps(cable_to_json(cable)) + b"\n"
            if buffer is not None:
                buffer.write(line)
            else:
                out.write(line.decode())
        else:
            out.write(_human(cable) + "\n")
    if buffer is not None:
        buffer.flush()
    out.flush()
    return 1 if failed else 0
