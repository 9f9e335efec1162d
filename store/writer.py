"""The one writer of a store: takes the lock, adds records in segments, commits durably.

A commit writes the new segment's two files, then the generation's index and reverse
references, each atomically, and finally the manifest that names them (the commit point).
A ``kill -9`` at any moment leaves the previous manifest and every file it names intact;
the next writer removes what the dead one left half-done.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

import orjson

from store import entity_index
from store.catalog import CatalogRow
from store.catalog_file import (
    catalog_file_age_limit,
    commit_catalog_file,
    ensure_catalog_file,
)
from store.checksums import file_checksum
from store.errors import StoreError
from store.files import TMP_SUFFIX, HeapFreezer, gc_paused
from store.first_page import FirstPageKeeper, commit_first_page, keeper_of_store
from store.layout import (
    BODIES_TABLE,
    CATALOG_TABLE,
    GENERATIONS,
    INDEX_TABLE,
    MANIFEST,
    REFS_BUCKETS,
    REFS_TABLE,
    SEGMENTS,
    Manifest,
    SourceRecord,
    bodies_path,
    catalog_path,
    damaged_message,
    describe_file_error,
    index_name,
    is_empty_store_folder,
    read_manifest,
    refs_bucket,
    refs_name,
    shown,
    write_manifest,
)
from store.lock import WriterLock
from store.records import Record
from store.repair import RepairReport, damaged_files, rebuild_store, segment_file_names
from store.stages import CLOCK
from store.storage import StoreFileError, new_db, open_db, write_encoded_table
from store.text_index import (
    MANIFEST_KEY,
    TextIndexState,
    TextIndexWriter,
    document_fields,
    stored_bodies,
)
from store.text_process import TextIndexProcess

Outcome = Literal["added", "unchanged", "replaced", "duplicate"]

#: Cables per segment. Chosen by measurement (benchmarks/RESULTS.md): loading a segment of
#: 250 / 500 / 1,000 / 2,000 cables (2 / 4 / 8 / 16 MB) took 1.8 / 5.6 / 18 / 43 ms (p50),
#: growing faster than the size; 250 leaves the most room under the 50 ms budget of one
#: cable for the heavier cables to come (entities), at the price of more, smaller files.
DEFAULT_SEGMENT_SIZE = 250
#: Cables per commit at most (each commit rewrites the index and reverse references; the
#: cables waiting are held in memory, about 30 KB each: 8,000 raised the importer's peak
#: on the full synthetic corpus from 1.82 to 1.94 GB, against a budget of 2).
DEFAULT_COMMIT_SIZE = 4000
#: Seconds a full segment may wait before it is committed (what a kill -9 can lose), at
#: least: see COMMIT_TIME_SHARE.
DEFAULT_COMMIT_INTERVAL = 5.0
#: The share of an import's time that commits may take. A commit rewrites files that grow
#: with the store (the id index, the reverse references, the catalog file) and waits for
#: tantivy's commit, so on a large store it takes seconds: the next one comes no sooner
#: than its duration divided by this share. (On the full synthetic corpus the 4,000-cable
#: cap comes first, every 9 s or so; the share keeps a slower disk, where fsync and
#: tantivy's commit take longer, from spending the import in commits.)
COMMIT_TIME_SHARE = 0.1


class StoreWriter:
    """Adds cables to a store; one at a time per store (see :class:`store.lock.WriterLock`).

    Cables are committed in batches: up to ``commit_size`` (default 4,000 cables) or what
    has waited ``commit_interval`` seconds, each batch written as segments of
    ``segment_size`` cables, then one new generation (index, references, manifest).

    Use as a context manager: entering takes the lock (creating the store if the folder is
    empty), cleans up after a writer that died, and loads what deduplication needs; leaving
    commits what is pending (unless an exception is on its way) and releases the lock.
    ``text_process`` keeps the full-text index's writer in a child process
    (:mod:`store.text_process`: large imports).
    """

    def __init__(
        self,
        directory: Path,
        *,
        command: str | None = None,
        segment_size: int = DEFAULT_SEGMENT_SIZE,
        commit_size: int | None = None,
        commit_interval: float = DEFAULT_COMMIT_INTERVAL,
        lock_wait: float = 0.0,
        text_process: bool = False,
    ) -> None:
        self.directory = Path(directory)
        self.segment_size = max(1, segment_size)
        self.commit_size = max(self.segment_size, commit_size or DEFAULT_COMMIT_SIZE)
        self.commit_interval = commit_interval
        self.lock = WriterLock(self.directory, command)
        self._lock_wait = lock_wait
        self.manifest = Manifest()
        self._known: dict[str, tuple[str, tuple[str, ...]]] = {}
        self._index_docs: list[dict[str, Any]] = []
        self._refs: list[dict[str, list[str]]] = []
        self._pending: list[_Pending] = []
        self._last_commit = time.monotonic()
        self._last_commit_seconds = 0.0
        self._catalog_seconds = 0.0  # the time the last catalog file took to write
        self._seen: set[str] = set()
        self._sources: dict[str, SourceRecord] = {}
        self._sources_dirty = False
        self._final_count: int | None = None
        #: What opening did to a store whose files no longer matched their checksums
        #: (their segments moved aside; their cables come back when imported again).
        self.repaired: RepairReport | None = None
        self._first_page = FirstPageKeeper.of_store([], 0)
        self._entities = entity_index.PendingEntities(self.directory)
        self._text_process = text_process
        self.text: TextIndexWriter | TextIndexProcess = TextIndexWriter(self.directory)
        self._heap = HeapFreezer()

    # -- opening -------------------------------------------------------------------------

    def __enter__(self) -> StoreWriter:
        self.open()
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        try:
            if exc_type is None:
                self.commit()
                self._end()
        finally:
            self._release()

    def _end(self) -> None:
        """The end of an import: what the commits needed is let go of (the text index's
        writer and buffers, the state of deduplication), then the entity index is compacted
        (see :meth:`compact_entities`), so the two never hold memory at the same time."""
        CLOCK.note_peak("importing")
        started = CLOCK.start()
        self.text.close()
        started = CLOCK.stop("text_finish", started)
        self._final_count = len(self._known)
        self._known, self._seen, self._refs = {}, set(), []
        self._first_page = FirstPageKeeper.of_store([], 0)
        self.compact_entities()
        CLOCK.stop("compaction", started)
        CLOCK.note_peak("compacted")

    def _release(self) -> None:
        self.text.close()
        self.lock.release()
        self._heap.thaw()

    def open(self) -> None:
        """Lock the store (creating it in an empty folder) and load its state."""
        directory = self.directory
        if directory.exists() and not directory.is_dir():
            raise StoreError(
                f"{shown(directory)} is a file, not a store folder: pass a folder to --store"
            )
        if not (directory / MANIFEST).exists() and not is_empty_store_folder(directory):
            read_manifest(directory)  # raises the "not a store" sentence
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            reason = error.strerror or str(error)
            raise StoreError(
                f"cannot create the store folder {shown(directory)}: {reason}"
            ) from None
        self.lock.acquire(wait=self._lock_wait)
        try:
            self._open_locked()
        except OSError as error:
            self._release()
            raise self._cannot_write(error) from None
        except BaseException:
            self._release()
            raise

    def _open_locked(self) -> None:
        directory = self.directory
        (directory / SEGMENTS).mkdir(exist_ok=True)
        (directory / GENERATIONS).mkdir(exist_ok=True)
        if not (directory / MANIFEST).exists():
            write_manifest(directory, Manifest(updated=_now()))
        self.manifest = read_manifest(directory)
        self._remove_leftovers()
        self._repair_damaged()
        self._sources = {s.path: s for s in self.manifest.sources}
        try:
            self._load_state()
        except StoreFileError as error:
            what = describe_file_error(directory, error)
            raise StoreError(damaged_message(directory, what)) from None
        except (KeyError, TypeError, ValueError, IndexError) as error:
            raise StoreError(damaged_message(directory, f"unexpected content: {error}")) from None
        self._open_text()

    def _open_text(self) -> None:
        """Open the full-text index at this manifest's state (repairing or rebuilding it,
        see :class:`store.text_index.TextIndexWriter`); a rebuild is committed at once."""
        manifest = self.manifest
        state = TextIndexState.from_manifest_extra(manifest.extra)
        if self._text_process:
            fds = (self.lock.fd,) if self.lock.fd is not None else ()
            self.text = TextIndexProcess(self.directory, fds)
        self.text.open(manifest.segments, manifest.rows, state, self._stored_bodies)
        if self.text.rebuilt:
            text_state = self.text.commit(manifest.rows)
            new = replace(
                manifest,
                generation=manifest.generation + 1,
                extra={**manifest.extra, MANIFEST_KEY: text_state.to_doc()},
                updated=_now(),
            )
            write_manifest(self.directory, new)
            self.manifest = new

    def _stored_bodies(self, segment: int) -> list[dict[str, Any]]:
        return stored_bodies(self.directory, segment)

    def _remove_leftovers(self) -> None:
        """Delete what no committed manifest names: a dead writer's segments, temporaries,
        and generation files older than the manifest (their readers hold them open)."""
        keep = {self.manifest.index, self.manifest.refs, self.manifest.first_page}
        keep.add(self.manifest.catalog_file)
        keep |= entity_index.entity_files(self.manifest).names()
        for path in (self.directory / GENERATIONS).iterdir():
            if f"{GENERATIONS}/{path.name}" not in keep:
                path.unlink(missing_ok=True)
        for path in (self.directory / SEGMENTS).iterdir():
            number = path.name.split("-", 1)[0]
            uncommitted = not number.isdigit() or int(number) > self.manifest.segments
            if uncommitted or path.name.endswith(TMP_SUFFIX):
                path.unlink(missing_ok=True)
        (self.directory / (MANIFEST + TMP_SUFFIX)).unlink(missing_ok=True)

    def _repair_damaged(self) -> None:
        """Set aside the segments whose files no longer match their checksums (hashing only
        files whose size or modification time changed; `cables check` reads every byte),
        rebuilding the generation files and manifest (see :mod:`store.repair`): their
        cables are then new to this import, which writes them again from the sources."""
        damaged = damaged_files(self.directory, self.manifest, quick=True)
        if damaged:
            self.repaired = rebuild_store(self.directory, self.manifest, damaged=damaged)
            self.manifest = read_manifest(self.directory)

    def _load_state(self) -> None:
        manifest = self.manifest
        known = self._known
        with gc_paused():
            for segment in range(1, manifest.segments + 1):
                db = open_db(catalog_path(self.directory, segment))
                for doc in db.table(CATALOG_TABLE):
                    known[doc["id"]] = (doc["digest"], tuple(doc["references"]))
                db.close()
            if manifest.index:
                db = open_db(self.directory / manifest.index)
                self._index_docs = [dict(doc) for doc in db.table(INDEX_TABLE)]
                db.close()
            if manifest.refs:
                db = open_db(self.directory / manifest.refs)
                self._refs = [dict(doc["refs"]) for doc in db.table(REFS_TABLE)]
                db.close()
        if len(self._index_docs) != manifest.segments:
            raise StoreFileError(self.directory / MANIFEST, "the index does not match the segments")
        if not self._refs:
            self._refs = [{} for _ in range(REFS_BUCKETS)]
        self._first_page = keeper_of_store(self.directory, manifest)
        self.manifest = ensure_catalog_file(self.directory, manifest, self._refs)

    # -- writing -------------------------------------------------------------------------

    @property
    def count(self) -> int:
        """Distinct cables in the store, pending ones included."""
        return len(self._known) if self._final_count is None else self._final_count

    def add(self, record: Record) -> Outcome:
        """Add one cable (committing now and then, see :meth:`_due`); say what happened.

        Within one writer's life the first cable of an id wins: a later one of the same id is
        a "duplicate" and ignored. So importing the same sources again, in the same order,
        compares each id with the version the first import kept, and changes nothing.
        """
        if record.id in self._seen:
            return "duplicate"
        self._seen.add(record.id)
        previous = self._known.get(record.id)
        if previous is not None and previous[0] == record.digest:
            return "unchanged"
        references = tuple(record.catalog.get("references") or ())
        self._known[record.id] = (record.digest, references)
        # Pending cables fill whole segments from the next one on (commits take whole
        # segments, or all), so this one's place in the store is known now.
        waiting = len(self._pending)
        segment = self.manifest.segments + 1 + waiting // self.segment_size
        clock = CLOCK
        started = clock.start()
        if record.text is None or record.mentions_row is None or record.mentions is None:
            record = prepared(record)  # made outside the import's workers (tests, samples)
        assert record.text is not None
        started = clock.stop("body", started)
        self.text.add(record.text, segment, waiting % self.segment_size + 1)
        started = clock.stop("text", started)
        self._pending.append(_Pending(record, previous[1] if previous else None))
        clock.stop("body", started)
        if self._due():
            self.commit(full_segments_only=True)
        return "added" if previous is None else "replaced"

    def _due(self) -> bool:
        """A commit is due when ``commit_size`` cables wait, or a full segment has waited
        ``commit_interval`` seconds (so a kill loses at most that much work) and so long
        that commits take at most COMMIT_TIME_SHARE of the time. ``commit_interval`` 0
        commits every full segment at once."""
        waiting = len(self._pending)
        if waiting >= self.commit_size:
            return True
        if waiting < self.segment_size:
            return False
        if self.commit_interval <= 0:
            return True
        wait = max(self.commit_interval, self._last_commit_seconds / COMMIT_TIME_SHARE)
        return time.monotonic() - self._last_commit >= wait

    def _update_refs(self, cable_id: str, old: tuple[str, ...], new: tuple[str, ...]) -> None:
        for cited in set(old) - set(new):
            bucket = self._refs[refs_bucket(cited) - 1]
            citing = bucket.get(cited)
            if citing and cable_id in citing:
                citing.remove(cable_id)
                if not citing:
                    del bucket[cited]
        for cited in set(new) - set(old):
            bucket = self._refs[refs_bucket(cited) - 1]
            citing = bucket.setdefault(cited, [])
            if cable_id not in citing:
                citing.append(cable_id)

    def record_source(self, source: SourceRecord) -> None:
        """Remember a source imported completely, and commit it with every cable pending."""
        self._sources[source.path] = source
        self._sources_dirty = True
        self.commit()

    def commit(self, *, full_segments_only: bool = False) -> bool:
        """Make what is pending durable; return False if there was nothing to commit.

        ``full_segments_only`` leaves a last, partial segment's worth pending (so segments
        stay full while an import runs). A file that cannot be written (a full disk) raises
        StoreError; the store keeps its last commit, and this writer must not be used again.
        """
        try:
            return self._commit(full_segments_only)
        except OSError as error:
            self._discard_uncommitted()
            raise self._cannot_write(error) from None

    def _discard_uncommitted(self) -> None:
        """After a failed commit (a full disk): delete the segments and generation files it
        wrote, which no manifest names, so that their space comes back at once."""
        with contextlib.suppress(OSError):  # else the next writer removes them
            self._remove_leftovers()
        self.text.discard_uncommitted(self.manifest.segments)

    def compact_entities(self) -> bool:
        """Compact the entity index over every committed segment (the end of an import):
        new generation files, then a manifest naming them; False if it was compact."""
        try:
            return self._compact_entities()
        except OSError as error:
            raise self._cannot_write(error) from None

    def _compact_entities(self) -> bool:
        manifest = self.manifest
        generation = manifest.generation + 1
        pending, self._entities = self._entities, entity_index.PendingEntities(self.directory)
        files = entity_index.compact(
            self.directory, manifest, self._index_docs, generation, pending
        )
        del pending
        if files is None:
            return False
        old = entity_index.entity_files(manifest).names()
        extra = {**manifest.extra, entity_index.MANIFEST_KEY: entity_index.manifest_extra(files)}
        checksums = {name: c for name, c in manifest.checksums.items() if name not in old}
        checksums.update(self._checksums(*sorted(files.names())))
        new = replace(
            manifest, generation=generation, extra=extra, checksums=checksums, updated=_now()
        )
        write_manifest(self.directory, new)
        self.manifest = new
        for name in old - files.names():
            (self.directory / name).unlink(missing_ok=True)
        return True

    def _cannot_write(self, error: OSError) -> StoreError:
        return StoreError(
            f"cannot write to the store at {shown(self.directory)}: {error.strerror or error}"
        )

    def _commit(self, full_segments_only: bool) -> bool:
        size = self.segment_size
        take = len(self._pending)
        if full_segments_only:
            take -= take % size
        if not take and not self._sources_dirty:
            return False
        batch, self._pending = self._pending[:take], self._pending[take:]
        manifest = self.manifest
        generation = manifest.generation + 1
        segments = manifest.segments
        index, refs, first_page = manifest.index, manifest.refs, manifest.first_page
        checksums = dict(manifest.checksums)
        added = sum(1 for p in batch if p.previous_refs is None)
        began = time.monotonic()
        started = CLOCK.start()
        if batch:
            for start in range(0, len(batch), size):
                segments += 1
                chunk = batch[start : start + size]
                CLOCK.stop("commit", started)
                self._write_segment(segments, chunk)
                started = CLOCK.start()
                checksums.update(self._checksums(*segment_file_names(segments)))
                self._index_docs.append({"segment": segments, "ids": [p.record.id for p in chunk]})
            for pending in batch:
                new_refs = tuple(pending.record.catalog.get("references") or ())
                self._update_refs(pending.record.id, pending.previous_refs or (), new_refs)
                row = CatalogRow.from_doc(pending.record.catalog)
                self._first_page.add(row, replaces=pending.previous_refs is not None)
            index, refs = index_name(generation), refs_name(generation)
            new_db(self.directory / index).table(INDEX_TABLE).insert_multiple(self._index_docs)
            new_db(self.directory / refs).table(REFS_TABLE).insert_multiple(
                {"refs": bucket} for bucket in self._refs
            )
            first_page = commit_first_page(
                self.directory,
                self._first_page,
                generation,
                segments,
                manifest.count + added,
            )
            for name in {manifest.index, manifest.refs, manifest.first_page} - {None}:
                checksums.pop(str(name), None)
            checksums.update(self._checksums(*(n for n in (index, refs, first_page) if n)))
        replaced = len(batch) - added
        extra = manifest.extra
        if batch:  # the text index first: the manifest names what tantivy committed
            started = CLOCK.stop("commit", started)
            text_state = self.text.commit(manifest.rows + len(batch))
            started = CLOCK.stop("text_commit", started)
            extra = {**extra, MANIFEST_KEY: text_state.to_doc()}
        new = replace(
            manifest,
            generation=generation,
            count=manifest.count + added,
            rows=manifest.rows + len(batch),
            segments=segments,
            index=index,
            refs=refs,
            first_page=first_page,
            replaced_at=generation if replaced else manifest.replaced_at,
            sources=tuple(self._sources.values()),
            updated=_now(),
            checksums=checksums,
            extra=extra,
        )
        catalog_began = time.monotonic()
        new = commit_catalog_file(
            self.directory,
            manifest,
            new,
            self._refs,
            final=not full_segments_only,
            max_age=catalog_file_age_limit(self._catalog_seconds),
        )
        if new.catalog_file != manifest.catalog_file:
            self._catalog_seconds = time.monotonic() - catalog_began
        write_manifest(self.directory, new)
        self.manifest = new
        self._sources_dirty = False
        now = time.monotonic()
        self._last_commit_seconds = now - began
        self._last_commit = now
        old_files = {manifest.index, manifest.refs, manifest.first_page, manifest.catalog_file}
        for name in old_files - {index, refs, first_page, new.catalog_file}:
            if name:
                (self.directory / name).unlink(missing_ok=True)
        self._heap.freeze()  # what is kept from here on is no business of the collector
        CLOCK.stop("commit", started)
        return True

    def _checksums(self, *names: str) -> dict[str, dict[str, Any]]:
        """The checksums of files just written (names relative to the store folder)."""
        return {name: file_checksum(self.directory / name) for name in names}

    def _write_segment(self, segment: int, pending: list[_Pending]) -> None:
        started = CLOCK.start()
        records = [p.record for p in pending]
        catalog = new_db(catalog_path(self.directory, segment))
        # Plain dicts: a tinydb Document would bring its own doc id along.
        catalog.table(CATALOG_TABLE).insert_multiple(dict(r.catalog) for r in records)
        catalog.close()
        entity_index.write_segment_entities(
            self.directory, segment, (r.mentions_row or b"" for r in records)
        )
        started = CLOCK.stop("segments", started)
        self._entities.add(segment, (r.mentions or [] for r in records))
        started = CLOCK.stop("mentions", started)
        # The bodies are JSON already (encoded once, in the workers): written as they are.
        write_encoded_table(
            bodies_path(self.directory, segment), BODIES_TABLE, (r.body for r in records)
        )
        CLOCK.stop("segments", started)


@dataclass(frozen=True, slots=True)
class _Pending:
    """A record waiting for the next commit, with the references of the version it replaces
    (None for a new cable)."""

    record: Record
    previous_refs: tuple[str, ...] | None


def prepared(record: Record) -> Record:
    """A record with what the writer needs of its body made (see :class:`Record`)."""
    form = orjson.loads(record.body)
    row, mentions = entity_index.prepare_mentions(form)
    return replace(record, text=document_fields(form), mentions_row=row, mentions=mentions)


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")
