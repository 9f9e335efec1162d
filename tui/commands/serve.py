"""``cables serve [--host H] [--port P]``: the read-only browser in a web browser.

textual-serve runs a small web server whose page holds a terminal emulator (xterm.js); for
every browser tab that connects it starts one ``cables browse --read-only --store DIR``
process and relays the terminal between them. So each tab is its own read-only session,
exactly what an SSH reader gets (see README, "Serving a corpus"). The server listens on
127.0.0.1 unless another address is named.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path


def session_command(directory: Path) -> str:
    """The shell command textual-serve runs for each browser tab: a read-only browser.

    ``exec``: the shell textual-serve starts becomes the browser, one process per tab.
    """
    return "exec " + shlex.join(
        [sys.executable, "-m", "tui.cli", "browse", "--read-only", "--store", str(directory)]
    )


def public_url(host: str, port: int) -> str:
    """The address browsers use to reach ``host:port`` (IPv6 addresses in brackets)."""
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}"


def run(args: argparse.Namespace) -> int:
    """Serve the store until interrupted; exit 2 when the store or the address is unusable."""
    from store.errors import StoreError
    from store.store import CableStore
    from store.store_folder import resolve_store_dir

    directory = resolve_store_dir(getattr(args, "store", None)).resolve()
    try:
        from store.sample import ensure_default_store

        # As `cables` does on first run: a folder with no store gets the bundled sample.
        ensure_default_store(directory)
        CableStore.open(directory, read_only=True)
    except StoreError as error:
        print(f"cables: {error}", file=sys.stderr)
        return 2
    try:
        from textual_serve.server import Server
    except ImportError:
        print(
            "cables: `cables serve` needs textual-serve: pip install textual-serve", file=sys.stderr
        )
        return 2
    url = args.public_url or public_url(args.host, args.port)
    server = Server(
        session_command(directory),
        host=args.host,
        port=args.port,
        title="Cables",
        public_url=url,
    )
    print(f"cables: serving {directory} read-only at {url} (ctrl+c stops)", file=sys.stderr)
    try:
        server.serve()
    except OSError as error:
        print(f"cables: cannot serve on {args.host}:{args.port}: {error.strerror}", file=sys.stderr)
        return 2
    return 0
