"""``cables find QUERY``: fuzzy search for people, places and groups (not built yet)."""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    """Say that the entity index does not exist yet; exit code 2."""
    print(
        "cables: find is not available yet: this version builds no entity index "
        "(people, places, groups) to search.",
        file=sys.stderr,
    )
    return 2
