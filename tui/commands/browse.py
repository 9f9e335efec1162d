"""``cables`` and ``cables browse [REF] [--find NAME]``: open the browser on a store.

Resolves the store folder (``--store``, ``$CABLES_STORE``, the user data directory), builds
the default store from the packaged sample on first run, opens the store, and runs the app.
``--find NAME`` opens the page of the name that best matches NAME (the entity index's
ranking), over the list (or over REF's cable). A store that cannot be used gives one line
on stderr and exit code 2, never a traceback.

``CABLES_EXIT_AFTER_FIRST_PAINT=1`` makes the app quit as soon as its first frame is drawn,
printing nothing, so that a benchmark can time start-up.
"""

from __future__ import annotations

import argparse
import os
import sys


def run(args: argparse.Namespace) -> int:
    """Open the browser; return the exit code (2 when the store or REF is unusable)."""
    from store.errors import StoreError
    from store.store_folder import resolve_store_dir

    read_only = bool(getattr(args, "read_only", False))
    no_mouse = bool(getattr(args, "no_mouse", False))
    ref = getattr(args, "ref", None)
    find = getattr(args, "find", None)
    if find is not None and not find.strip():
        print("cables: browse --find needs a name", file=sys.stderr)
        return 2
    directory = resolve_store_dir(getattr(args, "store", None))
    notice = None
    try:
        if not read_only:
            from store.sample import ensure_default_store

            if ensure_default_store(directory):
                notice = (
                    f"A sample store was built in {directory}. "
                    "Add the full corpus with: cables import cables.csv"
                )
        from tui.app import create_app

        app = create_app(
            directory,
            start_ref=ref,
            read_only=read_only,
            exit_after_first_paint=os.environ.get("CABLES_EXIT_AFTER_FIRST_PAINT") == "1",
            notice=notice,
            find=find,
        )
    except (StoreError, ValueError) as error:
        print(f"cables: {error}", file=sys.stderr)
        return 2
    result = app.run(mouse=not no_mouse)
    return int(result or 0)
