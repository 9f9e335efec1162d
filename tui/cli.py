"""The ``cables`` command line: argument parsing and dispatch to ``tui.commands``.

Each subcommand's module is imported only when that subcommand runs, so commands that do not
open the browser never import Textual.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence


def _add_store_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    # Subcommands must not reset a --store given before the subcommand name.
    parser.add_argument(
        "--store",
        metavar="DIR",
        default=None if top else argparse.SUPPRESS,
        help="the store folder (default: $CABLES_STORE, else the user data directory)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``cables`` and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="cables",
        description="A keyboard-first terminal browser for diplomatic cables.",
    )
    _add_store_option(parser, top=True)
    parser.add_argument("--read-only", action="store_true", help="never write to the store")
    parser.add_argument("--no-mouse", action="store_true", help="do not capture the mouse")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    browse = sub.add_parser("browse", help="open the browser, optionally at a cable / paragraph")
    browse.add_argument("ref", nargs="?", help="a cable id, optionally with ¶N, #N or #parN")
    browse.add_argument(
        "--read-only",
        action="store_true",
        default=argparse.SUPPRESS,
        help="never write but the user's notes (for ForceCommand over SSH)",
    )
    browse.add_argument(
        "--no-mouse",
        action="store_true",
        default=argparse.SUPPRESS,
        help="do not capture the mouse",
    )
    browse.add_argument(
        "--find",
        metavar="NAME",
        default=None,
        help="open on the page of the person, place or group best matching NAME",
    )
    _add_store_option(browse)

    imp = sub.add_parser("import", help="import files, folders, cables.csv, or - for stdin")
    imp.add_argument("paths", nargs="+", metavar="PATH")
    _add_store_option(imp)

    parse = sub.add_parser("parse", help="parse sources without storing them")
    parse.add_argument("paths", nargs="+", metavar="PATH")
    parse.add_argument("--json", action="store_true", help="print JSON Lines, one cable a line")
    parse.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="parsing processes for a large input (default: one per core; 0: this process)",
    )
    _add_store_option(parse)

    show = sub.add_parser("show", help="print one stored cable")
    show.add_argument("ref", help="a cable id")
    show.add_argument("--json", action="store_true", help="print the cable as JSON")
    _add_store_option(show)

    find = sub.add_parser("find", help="people, places and groups by any spelling")
    find.add_argument("query", nargs="?", help="a name or part of one, in any spelling")
    find.add_argument(
        "--queries", metavar="FILE", help="one query a line (- for stdin); one JSON line a query"
    )
    find.add_argument("--kind", choices=["person", "place", "group"])
    find.add_argument("--limit", type=int, default=20, help="entities per query (default 20)")
    find.add_argument("--json", action="store_true", help="one JSON object per entity")
    _add_store_option(find)

    notes = sub.add_parser("notes", help="the user's bookmarks and notes, newest first")
    notes.add_argument("--json", action="store_true", help="print JSON Lines, one entry a line")
    _add_store_option(notes)

    search = sub.add_parser(
        "search",
        help="full-text search of every cable",
        description=(
            'Words (all must match), "exact phrases", AND / OR / NOT or -word, ( ), '
            "prefix word*, fuzzy word~1, and fields: tag:PTER origin:astana class:secret "
            "subject: id: person: place: group: year:2008..2009 date:2008-03."
        ),
    )
    search.add_argument("query")
    search.add_argument("--sort", choices=["relevance", "date"], default="relevance")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--json", action="store_true", help="print one JSON object per cable")
    _add_store_option(search)

    stats = sub.add_parser("stats", help="counts, store size, schema version")
    _add_store_option(stats)

    serve = sub.add_parser("serve", help="the same app, read-only, in a web browser")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default 127.0.0.1: this machine only)",
    )
    serve.add_argument("--port", type=int, default=8000, help="the port (default 8000)")
    serve.add_argument(
        "--public-url",
        metavar="URL",
        default=None,
        help="the address browsers use, when it differs (behind a reverse proxy)",
    )
    _add_store_option(serve)
    _add_store_care_commands(sub)
    return parser


def _add_store_care_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    check = sub.add_parser(
        "check",
        help="verify every store file against its checksum; name the damaged ones (exit 1)",
    )
    _add_store_option(check)
    repair = sub.add_parser(
        "repair",
        help="rebuild the manifest from the whole segments; move damaged ones aside",
    )
    _add_store_option(repair)


_COMMAND_MODULES = {
    None: "tui.commands.browse",
    "browse": "tui.commands.browse",
    "import": "tui.commands.importing",
    "parse": "tui.commands.parse",
    "show": "tui.commands.show",
    "find": "tui.commands.find",
    "search": "tui.commands.search",
    "stats": "tui.commands.stats",
    "serve": "tui.commands.serve",
    "notes": "tui.commands.notes",
    "check": "tui.commands.check",
    "repair": "tui.commands.repair",
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``cables`` with these arguments; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.ref = None
    module = importlib.import_module(_COMMAND_MODULES[args.command])
    try:
        return int(module.run(args))
    except KeyboardInterrupt:
        print("cables: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`cables parse ... | head`): not an error.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
