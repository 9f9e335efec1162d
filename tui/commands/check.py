"""``cables check``: verify every file of the store against the checksums its manifest
recorded; name each damaged file. Exit 0 if the store is whole, 1 if any file is damaged,
2 if there is no store. Read only; never imports Textual.
"""

from __future__ import annotations

import argparse
import sys

from cables.sanitize import clean_line
from store.check import check_store
from store.errors import StoreError
from store.layout import repair_command, shown
from store.store_folder import resolve_store_dir
from tui.presentation.counts import counted


def run(args: argparse.Namespace) -> int:
    """Check the store; print one line per damaged file on stderr and a summary."""
    directory = resolve_store_dir(args.store)
    try:
        report = check_store(directory)
    except StoreError as error:
        print(f"cables: {clean_line(error)}", file=sys.stderr)
        return 2
    for name, problem in sorted(report.damaged.items()):
        print(
            f"cables: {shown(directory)}: {clean_line(name)}: {clean_line(problem)}",
            file=sys.stderr,
        )
    files = counted(report.checked, "file")
    if report.damaged:
        print(
            f"checked {files} of the store at {shown(directory)}: {len(report.damaged):,} "
            f"damaged; repair it with `{repair_command(directory)}`, then import the sources "
            f"again"
        )
        return 1
    line = f"checked {files} of the store at {shown(directory)}: all whole"
    if report.unverified:
        line += (
            f" ({len(report.unverified):,} written before checksums were recorded: they parse, "
            f"and `{repair_command(directory)}` records their checksums)"
        )
    print(line)
    return 0
