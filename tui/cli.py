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
    _add_store_option(browse)

    imp = sub.add_parser("import", help="import files, folders, cables.csv, or - for stdin")
    imp.add_argument("paths", nargs="+", metavar="PATH")
    _add_store_option(imp)

    parse = sub.add_parser("parse", help="parse sources without storing them")
    parse.add_argument("paths", nargs="+", metavar="PATH")
    parse.add_argument("--json", action="store_true", help="print JSON Lines, one cable a line")
    _add_store_option(parse)

    show = sub.add_parser("show", help="print one stored cable")
    show.add_argument("ref", help="a cable id")
    show.add_argument("--json", action="store_true", help="print the cable as JSON")
    _add_store_option(show)

    find = sub.add_parser("find", help="fuzzy search for people, places and groups")
    find.add_argument("query")
    find.add_argument("--kind", choices=["person", "place", "group"])
    find.add_argument("--limit", type=int, default=20)
    find.add_argument("--json", action="store_true")
    _add_store_option(find)

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
    return parser


_COMMAND_MODULES = {
    None: "tui.commands.browse",
    "browse": "tui.commands.browse",
    "import": "tui.commands.importing",
    "parse": "tui.commands.parse",
    "show": "tui.commands.show",
    "find": "tui.commands.find",
    "stats": "tui.commands.stats",
    "serve": "tui.commands.serve",
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
