"""Opening the full-text index of a store snapshot, checked against its manifest.

Kept apart from :mod:`store.store` so that commands that never search do not import
tantivy.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from pathlib import Path

from store.errors import StoreError
from store.layout import Manifest, damaged_message
from store.text_index import TEXT_INDEX_VERSION, TextIndexState, count_rows_up_to
from store.text_search import TextSearcher


def open_text_searcher(
    directory: Path, manifest: Manifest, live_rows: Callable[[], set[int]]
) -> TextSearcher:
    """The text searcher of the snapshot ``manifest`` of the store in ``directory``.

    Raises StoreError with one sentence when the store has no text index (made by an
    older version: the next import builds it) or when the index does not hold exactly the
    snapshot's rows (damaged).
    """
    state = TextIndexState.from_manifest_extra(manifest.extra)
    if state is None and manifest.rows == 0:
        state = TextIndexState()
    if state is None or state.version != TEXT_INDEX_VERSION:
        quoted = shlex.quote(str(directory))
        raise StoreError(
            f"the store at {directory} has no full-text index yet (an older version made "
            f"it): any import builds it, e.g. `cables import --store {quoted} PATH...`"
        )
    path = directory / state.path
    searcher = TextSearcher(path, manifest.segments, manifest.rows > manifest.count, live_rows)
    indexed = count_rows_up_to(searcher.searcher, manifest.segments)
    if indexed != manifest.rows:
        what = f"the full-text index holds {indexed} of its {manifest.rows} cables"
        raise StoreError(damaged_message(directory, what))
    return searcher
