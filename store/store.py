"""The reader of a store: a consistent snapshot, opened in milliseconds, loaded on demand.

``CableStore.open`` reads only the manifest and opens (without reading) the generation files
it names (index, reverse references, first page of the catalog), and maps its catalog file
(:mod:`store.catalog_file`: the catalog, the id lookup and the reverse references, read-only
pages shared by every reader), so a writer that commits and deletes them afterwards cannot
take them away. A store without a catalog file gets one built in memory on first need.
Segments never change once written, so everything this reader loads later belongs to the
same snapshot: an import running meanwhile is invisible until the store is opened again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB
from tinydb.table import Table

from cables.jsonform import cable_from_json
from cables.model import Cable
from store.catalog import Catalog, CatalogRow
from store.catalog_file import (
    ADDRESS_SHIFT,
    CatalogFile,
    build_in_memory,
    current_rows,
)
from store.catalog_tail import AnyCatalogFile, CatalogFileWithTail
from store.entity_index import OpenedEntityFiles
from store.entity_lookup import EntityIndex
from store.errors import StoreError
from store.files import gc_paused, release_freed_memory
from store.first_page import FIRST_PAGE_TABLE, decode_first_page
from store.layout import (
    BODIES_TABLE,
    CATALOG_TABLE,
    INDEX_TABLE,
    REFS_TABLE,
    SCHEMA_VERSION,
    Manifest,
    bodies_path,
    catalog_path,
    damaged_message,
    describe_file_error,
    read_manifest,
    refs_bucket,
    shown,
)
from store.storage import StoreFileError, open_db

if TYPE_CHECKING:
    from store.text_search import TextSearcher

#: Segments of bodies kept parsed in memory (each about 2 MB on disk and 6 MB parsed, 250
#: cables): the one read and its neighbours, not more (each reader process holds its own).
SEGMENT_CACHE_SIZE = 3

_OPEN_ATTEMPTS = 5

# Addresses pack (segment, doc id) into one int to keep 251k of them small.
_SHIFT = ADDRESS_SHIFT


class CableStore:
    """A read-only snapshot of one store folder.

    Thread-safe: the UI loads the catalog in a worker thread while it reads cables.
    Every failure to read is a StoreError with one sentence for the user.
    """

    def __init__(self, directory: Path, manifest: Manifest, read_only: bool = False) -> None:
        self.directory = directory
        self.manifest = manifest
        self.read_only = read_only
        # One lock per lazily loaded part, so that loading the reverse references in a
        # worker does not hold up reading a cable.
        self._index_lock = threading.Lock()
        self._refs_lock = threading.Lock()
        self._bodies_lock = threading.Lock()
        self._index_db: TinyDB | None = None
        self._refs_db: TinyDB | None = None
        self._first_page_db: TinyDB | None = None
        self._addresses: dict[str, int] | None = None
        # The catalog file: mapped when the generation has one, else built on first need.
        self._catalog_lock = threading.Lock()
        #: The catalog file of an earlier commit of this import, when this generation's
        #: names a file written for fewer rows (see :meth:`_build_catalog_file`).
        self._catalog_base: CatalogFile | None = None
        self._catalog_file: AnyCatalogFile | None = None
        self._bodies_cache: OrderedDict[int, Table] = OrderedDict()
        self._segment_ids: list[dict[str, Any]] = []
        self._entity_lock = threading.Lock()
        self._entity_files: OpenedEntityFiles | None = None
        self._entities: EntityIndex | None = None
        self._text_lock = threading.Lock()
        self._text: TextSearcher | None = None

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, directory: Path, *, read_only: bool = False) -> CableStore:
        """Open the store in ``directory``: reads the manifest only; raises StoreError."""
        directory = Path(directory).expanduser()
        for _attempt in range(_OPEN_ATTEMPTS):
            manifest = read_manifest(directory)
            store = cls(directory, manifest, read_only)
            try:
                store._open_generation()
            except FileNotFoundError as missing:
                if read_manifest(directory).generation == manifest.generation:
                    what = f"{Path(str(missing)).relative_to(directory)} is missing"
                    raise StoreError(damaged_message(directory, what)) from None
                continue  # a writer committed a newer generation meanwhile: read that one
            return store
        raise StoreError(
            f"cannot open the store at {shown(directory)}: it keeps changing under an import; "
            "try again"
        )

    def _open_generation(self) -> None:
        manifest = self.manifest
        try:
            if manifest.index:
                self._index_db = open_db(self.directory / manifest.index)
            if manifest.refs:
                self._refs_db = open_db(self.directory / manifest.refs)
            if manifest.first_page:
                self._first_page_db = open_db(self.directory / manifest.first_page)
            if manifest.catalog_file:
                self._catalog_file = self._map_catalog_file(self.directory / manifest.catalog_file)
            self._entity_files = OpenedEntityFiles(self.directory, manifest)
        except ValueError as error:  # the manifest names no entity files of ours
            raise self._damaged(error) from None
        except StoreFileError as error:
            if isinstance(error.__cause__, FileNotFoundError):
                raise FileNotFoundError(str(error.path)) from None
            raise self._damaged(error) from None

    def _map_catalog_file(self, path: Path) -> CatalogFile | None:
        """The generation's catalog file, mapped (None if it was written for other rows: the
        catalog is then built from the segments). FileNotFoundError if it is missing."""
        try:
            mapped = CatalogFile.open(path)
        except FileNotFoundError:
            raise
        except (OSError, ValueError, KeyError, TypeError) as error:
            what = f"{path.relative_to(self.directory)}: {error}"
            raise StoreError(damaged_message(self.directory, what)) from None
        if mapped.written_for(self.manifest):
            return mapped
        covered = mapped.header.get("for")
        if isinstance(covered, list) and len(covered) == 3 and covered[2] <= self.manifest.segments:
            # A commit in the middle of an import: the file holds the rows of the first
            # segments only; the catalog is that file extended with the segments after it.
            self._catalog_base = mapped
        return None

    def _damaged(self, error: StoreFileError | Exception) -> StoreError:
        if isinstance(error, StoreFileError):
            what = describe_file_error(self.directory, error)
        else:
            what = f"unexpected content: {error}"
        return StoreError(damaged_message(self.directory, what))

    # -- facts ---------------------------------------------------------------------------

    @property
    def count(self) -> int:
        """The number of cables in this snapshot (from the manifest)."""
        return self.manifest.count

    @property
    def schema_version(self) -> int:
        """The schema version of the store (always this program's: others do not open)."""
        return self.manifest.schema

    @property
    def generation(self) -> int:
        """The committed generation this snapshot reads."""
        return self.manifest.generation

    def is_current(self) -> bool:
        """False once a writer has committed a newer generation (reopen to see it)."""
        try:
            return read_manifest(self.directory).generation == self.manifest.generation
        except StoreError:
            return False

    # -- catalog -------------------------------------------------------------------------

    def first_page(self) -> list[CatalogRow]:
        """The first rows of the catalog in the default order (date, then id), read from one
        small file of this snapshot: a few hundred rows, or every row of a small store. Empty
        for a store written before first pages existed. Fast enough for the UI thread."""
        db = self._first_page_db
        if db is None:
            return []
        try:
            with gc_paused():
                docs = db.table(FIRST_PAGE_TABLE).all()
            if len(docs) != 1:
                raise ValueError("the first page holds no document")
            return decode_first_page(dict(docs[0]))
        except StoreFileError as error:
            raise self._damaged(error) from None
        except (KeyError, TypeError, ValueError) as error:
            raise self._damaged(error) from None

    def load_catalog(self, progress: Callable[[int, int], None] | None = None) -> Catalog:
        """Every cable's header row, in store order (call it from a worker thread).

        Instant when the generation has a catalog file (its columns are mapped, read row by
        row); otherwise the same columns are built in memory from the segments, and
        ``progress(done, total)`` is called after each segment, counting catalog rows.
        """
        return Catalog.of_file(self.catalog_file(progress))

    def catalog_file(self, progress: Callable[[int, int], None] | None = None) -> AnyCatalogFile:
        """The catalog file of this snapshot: mapped, or built in memory from the segments on
        first use (seconds at full size for a store without one; thread-safe)."""
        file = self._catalog_file
        if file is not None:
            return file
        with self._catalog_lock:
            if self._catalog_file is None:
                self._catalog_file = self._build_catalog_file(progress)
            return self._catalog_file

    def _cheap_catalog_file(self) -> AnyCatalogFile | None:
        """The catalog file when it is mapped or cheap to have (a commit while an import
        runs: the mapped file and its tail), else None (a store without one, whose cables are
        then found through the generation's index rather than by building every row)."""
        if self._catalog_file is None and self._catalog_base is not None:
            return self.catalog_file()
        return self._catalog_file

    def _build_catalog_file(self, progress: Callable[[int, int], None] | None) -> AnyCatalogFile:
        """The catalog of a generation whose catalog file is missing or was written for fewer
        rows. While an import runs, the earlier commit's mapped file extended with an
        in-memory file of the segments after it (:mod:`store.catalog_tail`: a few thousand
        rows, not a copy of the whole file); for a store without one, every segment's rows
        built into a file in memory (seconds at full size)."""
        base, self._catalog_base = self._catalog_base, None
        first_segment = 1 if base is None else base.header["for"][2] + 1
        skipped = 0 if base is None else base.header["for"][1]
        references: dict[str, list[str]] = {}  # the tail's: citing id -> cited ids
        with gc_paused():
            segment = 0

            def docs_of(number: int) -> list[dict[str, Any]]:
                nonlocal segment
                segment = number
                docs = self._read_catalog(number)
                if base is not None:
                    for doc in docs:
                        references[doc["id"]] = _cited_ids(doc)
                return docs

            def counted(done: int, total: int) -> None:
                if progress is not None:
                    progress(skipped + done, total)

            try:
                rows = current_rows(docs_of, self.manifest, None, first_segment, counted)
            except TypeError as error:  # a field that is not text
                raise self._damaged_segment(segment, error) from None
            if base is not None:
                tail = build_in_memory(rows, [], self.manifest)
                return CatalogFileWithTail(base, tail, references)
            built = build_in_memory(rows, self._read_all_refs(), self.manifest)
            del rows
        release_freed_memory()  # the rows' Python objects, several times the built file
        return built

    def _read_all_refs(self) -> list[dict[str, list[str]]]:
        """Every bucket of the generation's reverse references (read once: the file is
        closed after, the catalog answers from then on)."""
        with self._refs_lock:
            if self._refs_db is None:
                return []
            try:
                with gc_paused():
                    refs = [doc["refs"] for doc in self._refs_db.table(REFS_TABLE)]
            except StoreFileError as error:
                raise self._damaged(error) from None
            except (KeyError, TypeError, ValueError) as error:
                raise self._damaged(error) from None
            self._refs_db.close()
            self._refs_db = None
            return refs

    def iter_catalog_rows(self) -> Iterator[CatalogRow]:
        """Every catalog row, superseded ones included, in store order (for statistics)."""
        for segment in range(1, self.manifest.segments + 1):
            try:
                yield from map(CatalogRow.from_doc, self._read_catalog(segment))
            except TypeError as error:
                raise self._damaged_segment(segment, error) from None

    def warm(self) -> None:
        """Load the cable index and the reverse references now rather than on first use
        (a few hundred ms at full size for a store without a catalog file)."""
        if self._catalog_file is not None:
            return
        self._load_addresses()
        if self._refs_db is not None:
            with self._refs_lock:
                try:
                    with gc_paused():
                        len(self._refs_db.table(REFS_TABLE))
                except StoreFileError as error:
                    raise self._damaged(error) from None

    def iter_catalog_docs(self) -> Iterator[dict[str, Any]]:
        """Every catalog document (header fields, counts, digest), superseded rows included,
        in store order; for statistics and tools."""
        for segment in range(1, self.manifest.segments + 1):
            yield from self._read_catalog(segment)

    def _read_catalog(self, segment: int) -> list[dict[str, Any]]:
        """Every document of a segment's catalog, each checked to be a document with an id
        (parsed now, then the file closed)."""
        path = catalog_path(self.directory, segment)
        try:
            db = open_db(path)
            try:
                with gc_paused():
                    docs: list[dict[str, Any]] = list(db.table(CATALOG_TABLE))
            finally:
                db.close()
        except StoreFileError as error:
            raise self._damaged(error) from None
        except (TypeError, ValueError) as error:  # a document that is not one, a bad doc id
            raise self._damaged_segment(segment, error) from None
        if not all(isinstance(doc.get("id"), str) for doc in docs):
            raise self._damaged_segment(segment, ValueError("a document without an id"))
        return docs

    def _damaged_segment(self, segment: int, error: Exception) -> StoreError:
        name = catalog_path(self.directory, segment).relative_to(self.directory)
        return StoreError(damaged_message(self.directory, f"{name}: unexpected content: {error}"))

    # -- cables --------------------------------------------------------------------------

    def _load_addresses(self) -> dict[str, int]:
        """The id -> (segment, doc id) map of this snapshot, loaded on first use."""
        addresses = self._addresses
        if addresses is not None:
            return addresses
        with self._index_lock:
            if self._addresses is None:
                self._addresses = self._read_addresses()
            return self._addresses

    def _read_addresses(self) -> dict[str, int]:
        addresses: dict[str, int] = {}
        with gc_paused():
            for entry in self._read_segment_ids():
                base = entry["segment"] << _SHIFT
                for position, cable_id in enumerate(entry["ids"], start=1):
                    addresses[cable_id] = base | position
        return addresses

    def _read_segment_ids(self) -> list[dict[str, Any]]:
        """Which ids each segment holds, from the generation's index (read once; hold
        _index_lock)."""
        if self._segment_ids or self._index_db is None:
            return self._segment_ids
        try:
            with gc_paused():
                self._segment_ids = [
                    {"segment": doc.doc_id, "ids": doc["ids"]}
                    for doc in self._index_db.table(INDEX_TABLE)
                ]
        except (StoreFileError, KeyError, TypeError, ValueError) as error:
            raise self._damaged(error) from None
        self._index_db.close()
        return self._segment_ids

    def _address(self, cable_id: str) -> int | None:
        """The packed address of a cable's body, or None if the store holds no such cable."""
        file = self._cheap_catalog_file()
        if file is not None:
            row = file.position_of(cable_id)
            return None if row is None else file.address(row)
        return self._load_addresses().get(cable_id)

    def __contains__(self, cable_id: object) -> bool:
        return isinstance(cable_id, str) and self._address(cable_id) is not None

    def ids(self) -> list[str]:
        """The ids of every stored cable, in store order (from the index; no catalog)."""
        file = self._cheap_catalog_file()
        if file is not None:
            return list(file.columns["id"])
        return list(self._load_addresses())

    def _bodies_of(self, segment: int) -> Table:
        """The bodies table of a segment, from the LRU or loaded (hold _bodies_lock)."""
        bodies = self._bodies_cache.get(segment)
        if bodies is not None:
            self._bodies_cache.move_to_end(segment)
            return bodies
        try:
            db = open_db(bodies_path(self.directory, segment))
            bodies = db.table(BODIES_TABLE)
            with gc_paused():
                len(bodies)  # parse now, under the paused collector
        except StoreFileError as error:
            raise self._damaged(error) from None
        self._bodies_cache[segment] = bodies
        while len(self._bodies_cache) > max(1, SEGMENT_CACHE_SIZE):
            self._bodies_cache.popitem(last=False)[1].storage.close()
        return bodies

    def get_cable(self, cable_id: str) -> Cable | None:
        """The stored cable with this id, or None (thread-safe)."""
        address = self._address(cable_id)
        if address is None:
            return None
        with self._bodies_lock:
            bodies = self._bodies_of(address >> _SHIFT)
            try:
                doc = bodies.get(doc_id=address & ((1 << _SHIFT) - 1))
            except (TypeError, ValueError) as error:  # the document is not an object
                raise self._damaged(error) from None
        if doc is None:
            raise self._damaged(ValueError(f"segment {address >> _SHIFT} lacks {cable_id}"))
        try:
            return cable_from_json(doc)
        except (KeyError, TypeError, ValueError) as error:
            raise self._damaged(error) from None

    def references_to(self, cable_id: str) -> list[str]:
        """The ids of stored cables that cite this one, sorted (thread-safe)."""
        file = self._cheap_catalog_file()
        if file is None:
            with self._refs_lock:
                if self._refs_db is not None:
                    try:
                        table = self._refs_db.table(REFS_TABLE)
                        bucket = table.get(doc_id=refs_bucket(cable_id))
                    except StoreFileError as error:
                        raise self._damaged(error) from None
                    if bucket is None:
                        return []
                    return sorted(bucket["refs"].get(cable_id, ()))
            file = self.catalog_file()  # the references went into it
        return file.references_to(cable_id)

    # -- entities ------------------------------------------------------------------------

    def entity_index(self) -> EntityIndex:
        """The entity index of this snapshot, loaded on first use (a second or so at full
        size: call it from a worker in the app); thread-safe."""
        entities = self._entities
        if entities is not None:
            return entities
        with self._entity_lock:
            if self._entities is None:
                assert self._entity_files is not None
                try:
                    with self._index_lock:
                        segments = self._read_segment_ids()
                    columns, postings = self._entity_files.load(segments)
                    self._entities = EntityIndex(columns, postings)
                except StoreFileError as error:
                    raise self._damaged(error) from None
                except (KeyError, TypeError, ValueError, IndexError) as error:
                    raise self._damaged(error) from None
            return self._entities

    def text(self) -> TextSearcher:
        """The full-text index of this snapshot, opened on first use (thread-safe); raises
        StoreError if the store has none (see :mod:`store.text_open`)."""
        with self._text_lock:
            if self._text is None:
                from store.text_open import open_text_searcher

                self._text = open_text_searcher(self.directory, self.manifest, self._live_rows)
            return self._text

    def _live_rows(self) -> set[int]:
        """The packed addresses of this snapshot's cables (the rows not superseded)."""
        file = self._cheap_catalog_file()
        if file is not None:
            return set(file.addresses())
        return set(self._load_addresses().values())

    def close(self) -> None:
        """Drop the loaded segments of bodies (the store stays usable: they load again)."""
        with self._bodies_lock:
            for bodies in self._bodies_cache.values():
                bodies.storage.close()
            self._bodies_cache.clear()


def _cited_ids(doc: dict[str, Any]) -> list[str]:
    """The ids a stored catalog document cites (TypeError if they are not a list of text)."""
    cited = doc.get("references") or []
    if not isinstance(cited, list) or not all(isinstance(c, str) for c in cited):
        raise TypeError("catalog references that are not a list of text")
    return cited


__all__ = ["SCHEMA_VERSION", "CableStore"]
