"""The part of the store the browser uses, as a Protocol (``store.store.CableStore`` fits it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from cables.model import Cable
from store.catalog import Catalog, CatalogRow

__all__ = ["BrowsableStore"]


class BrowsableStore(Protocol):
    """What the browser asks of a store.

    ``first_page`` is fast; ``load_catalog`` may take seconds (it runs in a worker thread);
    ``get_cable`` and ``references_to`` are thread-safe and take up to tens of milliseconds.
    """

    @property
    def count(self) -> int:
        """How many cables the store holds (cheap: read from its meta)."""
        ...

    def first_page(self) -> list[CatalogRow]:
        """The first rows of the catalog in the default order (date, then id), at once: a
        small read, done on the UI thread before the first frame. May be empty."""
        ...

    def load_catalog(self, progress: Callable[[int, int], None] | None = None) -> Catalog:
        """Every cable's header row; ``progress(done, total)`` is called as rows arrive."""
        ...

    def __contains__(self, cable_id: object) -> bool:
        """Whether the store holds a cable of this id (cheap after the first call)."""
        ...

    def get_cable(self, cable_id: str) -> Cable | None:
        """The whole cable, or None when the store does not hold it."""
        ...

    def references_to(self, cable_id: str) -> list[str]:
        """The ids of the cables that cite this one."""
        ...
