"""The stations of a store's cables, for the parser resolving references during an import.

Issue 11: a reference's station written with a typo or shortened is resolved against the
stations of the whole corpus the store holds (every origin of its cables), not only the
fixed list the parser knows by itself. :func:`store_stations` sets that resolver for the
parser while an import runs; the parsing workers, forked inside it, inherit it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cables.ids import StationResolver, corpus_station_resolver, using_stations
from store.errors import StoreError


def store_station_resolver(directory: Path) -> StationResolver:
    """A resolver over the stations of every cable stored in ``directory`` plus those the
    parser knows (only the latter for a store with no cable yet, or one unreadable: the
    import reports that itself)."""
    from store.store import CableStore

    try:
        ids = CableStore.open(directory).ids()
    except (StoreError, OSError, ValueError):
        ids = []
    return corpus_station_resolver(ids)


@contextmanager
def store_stations(directory: Path) -> Iterator[StationResolver]:
    """Within the block, the parser (in this process and the workers it forks) resolves
    reference stations against the stations of the store in ``directory``."""
    with using_stations(store_station_resolver(directory)) as resolver:
        yield resolver
