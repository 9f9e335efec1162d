"""``cables repair``: rebuild a store's manifest and generation files from the segments that
are whole; move damaged segments into ``STORE/damaged/`` (never delete them). Exit 0 when
the store is whole afterwards (cables lost from damaged segments come back by importing
their sources again), 2 if there is no store to repair. Never imports Textual.
"""

from __future__ import annotations

import argparse
import shlex
import sys

from cables.sanitize import clean_line
from store.errors import StoreError
from store.layout import shown
from store.repair import repair_store
from store.store_folder import resolve_store_dir
from tui.presentation.counts import counted


def run(args: argparse.Namespace) -> int:
    """Repair the store; say what was rebuilt, moved aside and lost."""
    directory = resolve_store_dir(args.store)
    try:
        report = repair_store(directory)
    except StoreError as error:
        print(f"cables: {clean_line(error)}", file=sys.stderr)
        return 2
    where = shown(directory)
    if not report.changed:
        print(f"the store at {where} is whole: nothing to repair")
        return 0
    for damage in report.damaged:
        print(
            f"cables: segment {damage.segment} set aside: {clean_line(damage.problem)}",
            file=sys.stderr,
        )
    manifest = report.manifest
    count = manifest.count if manifest else 0
    whole = (manifest.segments if manifest else 0) - len(report.damaged)
    what = "rebuilt the manifest" if report.manifest_rebuilt else "rebuilt the index"
    print(
        f"repaired the store at {where}: {what} from "
        f"{counted(whole, 'whole segment')}; "
        f"it holds {counted(count, 'cable')}"
    )
    if report.moved:
        print(f"moved aside (kept in {where}/damaged): {', '.join(report.moved)}")
    if report.damaged:
        lost = f"{report.lost:,} cables" if report.lost else "the cables of the damaged segments"
        store = clean_line(shlex.quote(str(directory)))
        print(
            f"import the sources again to restore {lost}: `cables import --store {store} PATH...`"
        )
    return 0
