"""The entity index on disk: per-segment mentions, and a compacted index per generation.

One entry per entity across the corpus: its kind, canonical name, every form, the number of
cables and the postings (cable id, created date, paragraphs). How it is stored::

    segments/000042-entities.json     each cable of segment 42 as [id, created, entities]
                                      (write-once, written with the segment's other files)
    generations/000051-entities.json  the compacted index: one column per field over every
                                      entity, and the search keys (store.entity_search)
    generations/000051-postings.bin   every entity's postings, one JSON array each, end to
                                      end; the index holds each one's offset and length

The manifest's ``extra["entities"]`` names the two generation files and ``upto``, the last
segment they cover. Why this shape: the import commits every 4,000 cables, and rewriting a
corpus-wide index at each commit would make the import quadratic. So a commit only adds its
segments' entity files (no per-entity work), while the writer sets their mentions aside as
it goes, by bucket (:class:`PendingEntities`: one line per cable and entity, in bucket
files); the import compacts once, at its end, a bucket at a time: the previous compacted
index plus the new segments become new generation files, written before the manifest that
names them (a large index's second half of the buckets by a child process, beside the
importer: :mod:`store.buckets_job`). Memory holds one bucket's entities at a time
(aggregating every entity as the import went held 1.1-1.3 GB by the end of the full
synthetic corpus's import). A
``kill -9`` before that leaves the previous index and the new segments' files: a reader
whose manifest names segments beyond ``upto`` merges them in memory when it loads (the same
code), and the next import compacts them.
A compaction rewrites the postings file (untouched entities are copied as bytes), so a small
import into a large store pays for one sequential copy of it, not for re-sorting it.

Identity across cables: an entity is its kind plus the :func:`cables.names.variant_key` of
its canonical name, so spelling and transliteration variants fold together ("Rayhan
Khobdabergenova" = "Raykhan Hobdabergenowa"), and two people who share a surname but not a
given name stay apart. A cable whose extractor linked no full name to a bare surname
("Narymbetov") gives an entry of its own named "Narymbetov": across the corpus several
people share most surnames, so the index never guesses which one is meant; a search for the
surname finds that entry and every full name holding it.

The canonical name is the name most cables give (ties: the longest, then the first in
alphabetical order); forms are listed most frequent first; postings newest first. All of it
is a function of the set of stored cables, so importing A then B gives the index that
importing A and B together gives, and a re-import that changes no cable changes nothing.
"""

from __future__ import annotations

import base64
import contextlib
import io
import itertools
import os
import re
import sys
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from cables.names import tokens, variant_key
from store.files import TMP_SUFFIX, fsync_dir, gc_paused, release_free_heap, write_atomic
from store.layout import GENERATIONS, SEGMENTS, Manifest
from store.storage import OrjsonStorage, StoreFileError, open_db, write_encoded_table

ENTITY_TABLE = "entities"
INDEX_TABLE = "entity_index"
MANIFEST_KEY = "entities"
#: 3: every column and search key a binary section of the postings file, the index file
#: holding only where they are (one small JSON document: no large parse, no transient
#: memory many times the file's size). 1 and 2 kept them in the JSON (still read).
FORMAT_VERSION = 3
READABLE_VERSIONS = (1, 2, 3)

#: Kinds as the JSON of a cable names them, the one-letter code stored, and ``find``'s name.
KIND_CODES = {"people": "p", "places": "l", "groups": "g"}
KIND_NAMES = {"p": "person", "l": "place", "g": "group"}
KIND_CODE_OF_NAME = {name: code for code, name in KIND_NAMES.items()}

_COUNT_SEP = "\x1f"  # between a name and its count in a count record
_REC = "\x1e"  # between (name, count) records


def segment_entities_path(directory: Path, segment: int) -> Path:
    """The mentions file of a segment."""
    return directory / SEGMENTS / f"{segment:06d}-entities.json"


def index_file_name(generation: int) -> str:
    """The compacted entity index of a generation, relative to the store folder."""
    return f"{GENERATIONS}/{generation:06d}-entities.json"


def postings_file_name(generation: int) -> str:
    """The postings file of a generation, relative to the store folder."""
    return f"{GENERATIONS}/{generation:06d}-postings.bin"


@dataclass(frozen=True)
class EntityFiles:
    """What a manifest says of the entity index: its two files (None before the first
    compaction) and the last segment they cover."""

    index: str | None = None
    postings: str | None = None
    upto: int = 0

    def names(self) -> set[str]:
        """The generation files, relative to the store folder."""
        return {name for name in (self.index, self.postings) if name}


def entity_files(manifest: Manifest) -> EntityFiles:
    """The entity files a manifest names (checked: ValueError on a name that is not one)."""
    doc = manifest.extra.get(MANIFEST_KEY)
    if not doc:
        return EntityFiles()
    index, postings = doc.get("index"), doc.get("postings")
    if not isinstance(index, str) or not re.fullmatch(
        rf"{GENERATIONS}/\d{{6,}}-entities\.json", index
    ):
        raise ValueError(f"not an entity index file name: {index!r}")
    if not isinstance(postings, str) or not re.fullmatch(
        rf"{GENERATIONS}/\d{{6,}}-postings\.bin", postings
    ):
        raise ValueError(f"not a postings file name: {postings!r}")
    return EntityFiles(index, postings, int(doc["upto"]))


# -- per-segment mentions -------------------------------------------------------------------


@lru_cache(maxsize=1 << 17)
def identity_key(name: str) -> str:
    """The variant key of a name, remembered: a corpus repeats its names many times. The
    last 131,072 names are kept (in each parsing worker): on the full synthetic corpus a
    cache ten times larger found a key a little more often and made each worker 250 MB
    larger."""
    return variant_key(name)


#: One cable's entities of one identity (kind code and variant key), ready for
#: :meth:`IndexBuilder.add_mentions`: the spill bucket of the identity, and its spill line
#: ``tag TAB [names, forms] TAB [id, created, paragraphs] NEWLINE`` (``tag``: the kind code
#: and the key, UTF-8, never holding a tab; the rest JSON, never holding a raw tab or line
#: break). ``names``: the cable's names of the entity, each once; ``forms``: each of its
#: entities' name and forms (counted as often as the cable lists them).
Mention = tuple[int, bytes]


def spill_bucket(tag: bytes) -> int:
    """The bucket an entity's postings are set aside in (see :class:`_Spill`)."""
    return zlib.crc32(tag) % SPILL_BUCKETS


def mention_row(body: dict[str, Any]) -> list[Any]:
    """A cable's row of its segment's mentions file: ``[id, created, entities]`` as its JSON
    form holds them, untouched."""
    return [body["id"], body.get("created"), body.get("entities") or {}]


def cable_mentions(cable_id: str, created: str | None, entities: Any) -> list[Mention]:
    """The entities of one cable as the entity index sets them aside: keys computed and
    lines encoded here, so that the import's parsing workers do it, not the writer.
    Entities of one kind whose names share a key are one identity: one line, their
    paragraphs merged."""
    if not entities or not isinstance(entities, dict):
        return []
    grouped: dict[bytes, tuple[list[str], list[str], list[Any]]] = {}
    for kind, code in KIND_CODES.items():
        for entity in entities.get(kind) or ():
            name = entity.get("name")
            if not isinstance(name, str):
                continue
            key = identity_key(name)
            if not key:
                continue
            tag = f"{code}{key}".encode()
            forms = [
                form
                for form in entity.get("forms") or ()
                if form != name and isinstance(form, str) and form
            ]
            paragraphs = entity.get("paragraphs") or []
            held = grouped.get(tag)
            if held is None:
                grouped[tag] = ([name], [name, *forms], paragraphs)
                continue
            names, all_forms, merged = held
            if name not in names:
                names.append(name)
            all_forms.append(name)
            all_forms.extend(forms)
            grouped[tag] = (names, all_forms, sorted({*merged, *paragraphs}))
    dumps = orjson.dumps
    return [
        (
            spill_bucket(tag),
            b"%s\t%s\t%s\n" % (tag, dumps([names, forms]), dumps([cable_id, created, paragraphs])),
        )
        for tag, (names, forms, paragraphs) in grouped.items()
    ]


def prepare_mentions(body: dict[str, Any]) -> tuple[bytes, list[Mention]]:
    """A cable's row of its segment's mentions file, encoded, and its :func:`cable_mentions`
    (made in the import's workers, from the cable's JSON form)."""
    row = mention_row(body)
    return orjson.dumps(row), cable_mentions(*row)


def write_segment_entities(directory: Path, segment: int, rows: Iterable[bytes]) -> None:
    """Write the mentions file of a segment (before the manifest that commits the segment)
    from its cables' rows, encoded (:func:`prepare_mentions`)."""
    document = b'{"cables":[' + b",".join(rows) + b"]}"
    write_encoded_table(segment_entities_path(directory, segment), ENTITY_TABLE, [document])


def read_segment_cables(directory: Path, segment: int) -> list[list[Any]]:
    """The ``[id, created, entities]`` rows of a segment (none for a segment written before
    entities were indexed)."""
    path = segment_entities_path(directory, segment)
    if not path.exists():
        return []
    storage = OrjsonStorage(path)
    try:
        tables = storage.read() or {}
    finally:
        storage.close()
    return [row for doc in tables.get(ENTITY_TABLE, {}).values() for row in doc["cables"]]


# -- building (compaction) ------------------------------------------------------------------


#: Postings are set aside in this many buckets (by a hash of the entity) until written, so
#: that compaction holds one bucket's postings in memory at a time, never the corpus's.
SPILL_BUCKETS = 32
#: Bytes a bucket gathers in memory before they go to its spill file.
SPILL_BUFFER = 1 << 20
_spill_serial = itertools.count()


@dataclass(slots=True)
class _Entry:
    """An entity of one bucket being built: how many cables give each of its names, how
    often each of its forms was listed, the number of its cables, where its postings are in
    the previous compacted index (if they are) and its postings set aside since."""

    names: dict[str, int]
    forms: dict[str, int]
    count: int = 0
    base: tuple[int, int] | None = None
    spilled: list[bytes] = field(default_factory=list)


class _Spill:
    """Mentions set aside by bucket: one line each (see :data:`Mention`); in files
    beside the store's generation files (``spill-*.tmp``, removed when read, and by the next
    writer if a kill leaves them), or in memory when ``folder`` is None."""

    def __init__(self, folder: Path | None, kept: dict[int, Path] | None = None) -> None:
        self.folder = folder
        self.serial = next(_spill_serial)
        self.buffers = [bytearray() for _ in range(SPILL_BUCKETS)]
        self.files: dict[int, BinaryIO] = {}
        #: Buckets whose lines another spill wrote to these files: read, never removed (see
        #: :meth:`flush`).
        self.kept = kept or {}

    def _path(self, bucket: int) -> Path:
        assert self.folder is not None
        return self.folder / f"spill-{os.getpid()}-{self.serial}-{bucket:02d}{TMP_SUFFIX}"

    def add(self, bucket: int, line: bytes) -> None:
        """Set one line aside."""
        buffer = self.buffers[bucket]
        buffer += line
        if len(buffer) >= SPILL_BUFFER and self.folder is not None:
            handle = self.files.get(bucket)
            if handle is None:
                handle = self.files[bucket] = open(self._path(bucket), "w+b")  # noqa: SIM115
            handle.write(buffer)
            buffer.clear()

    def take(self, bucket: int) -> bytes:
        """Every line set aside in a bucket (then forgotten)."""
        if bucket in self.kept:
            return self.kept[bucket].read_bytes()
        buffer = self.buffers[bucket]
        handle = self.files.pop(bucket, None)
        if handle is None:
            data = bytes(buffer)
        else:
            handle.write(buffer)
            handle.seek(0)
            data = handle.read()
            handle.close()
            self._path(bucket).unlink(missing_ok=True)
        self.buffers[bucket] = bytearray()
        return data

    def flush(self, buckets: Iterable[int]) -> dict[int, Path]:
        """Every line set aside in these buckets written to their files, for another process
        to read (as a spill's ``kept`` files); the files stay this spill's, removed by
        :meth:`drop` or when taken. Only for a spill in a folder."""
        assert self.folder is not None
        paths = {}
        for bucket in buckets:
            handle = self.files.get(bucket)
            if handle is None:
                handle = self.files[bucket] = open(self._path(bucket), "w+b")  # noqa: SIM115
            handle.write(self.buffers[bucket])
            handle.flush()
            self.buffers[bucket] = bytearray()
            paths[bucket] = self._path(bucket)
        return paths

    def drop(self, bucket: int) -> None:
        """Forget the lines of a bucket another process has read (its file removed)."""
        handle = self.files.pop(bucket, None)
        if handle is not None:
            handle.close()
            self._path(bucket).unlink(missing_ok=True)
        self.buffers[bucket] = bytearray()

    def discard(self) -> None:
        """Forget everything set aside (files removed)."""
        for bucket in list(self.files):
            self.files.pop(bucket).close()
            self._path(bucket).unlink(missing_ok=True)
        self.buffers = [bytearray() for _ in range(SPILL_BUCKETS)]


def _encode_counts(counts: dict[str, int]) -> str:
    if len(counts) == 1:  # most entities: one text
        ((text, count),) = counts.items()
        return f"{text}{_COUNT_SEP}{count}"
    ordered = sorted(counts.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))
    return _REC.join(f"{text}{_COUNT_SEP}{count}" for text, count in ordered)


def _decode_counts(packed: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    if packed:
        for record in packed.split(_REC):
            text, _, count = record.rpartition(_COUNT_SEP)
            counts[text] = int(count)
    return counts


def pack_array(values: Iterable[int], typecode: str = "I") -> str:
    """An array of unsigned integers as base64 text (little-endian), for the JSON files."""
    packed = array(typecode, values)
    if sys.byteorder != "little":
        packed.byteswap()
    return base64.b64encode(packed.tobytes()).decode("ascii")


def unpack_array(text: str, typecode: str = "I") -> array[int]:
    """The array of :func:`pack_array`."""
    packed = array(typecode)
    packed.frombytes(base64.b64decode(text))
    if sys.byteorder != "little":
        packed.byteswap()
    return packed


def _folded(text: str) -> str:
    return " ".join(tokens(text))


def _folded_forms(forms: dict[str, int]) -> str:
    """An entity's forms folded (:func:`cables.names.tokens`), the distinct ones joined by
    the search keys' form separator."""
    from store.entity_search import FORM_SEPARATOR

    if len(forms) == 1:  # most entities
        return _folded(next(iter(forms)))
    folded = dict.fromkeys(_folded(text) for text in forms)
    return FORM_SEPARATOR.join(filter(None, folded))


class _BaseIndex:
    """A compacted index being merged into a new one: its columns, and its entities by
    bucket (their numbers in it)."""

    def __init__(self, columns: dict[str, Any], postings: PostingsReader) -> None:
        loaded = load_columns(columns, postings)
        self.postings = postings
        self.kinds: str = loaded["kinds"]
        self.keys: list[str] = loaded["keys"]
        self.counts: array[int] = loaded["counts"]
        self.offsets: array[int] = loaded["offsets"]
        self.lengths: array[int] = loaded["lengths"]
        self.records = EntityRecords(loaded, postings)
        self.members = [array("I") for _ in range(SPILL_BUCKETS)]
        for entity in range(len(self.keys)):
            self.members[spill_bucket(self.tag(entity))].append(entity)

    def tag(self, entity: int) -> bytes:
        """The tag (kind code and key) of one of its entities."""
        return f"{self.kinds[entity]}{self.keys[entity]}".encode()


@dataclass(slots=True)
class BucketRun:
    """The index columns of a run of buckets' entities as their postings are written
    (entity i of the run at position i of each column): ``offsets`` into the run's
    postings, ``size`` bytes long; ``record_offsets`` into ``records``, each entity's
    names and forms with their counts."""

    kinds: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    folded: list[str] = field(default_factory=list)
    # Arrays, not lists of ints: 8 bytes an item, not 36 (1.4 million entities).
    counts: array[int] = field(default_factory=lambda: array("I"))
    offsets: array[int] = field(default_factory=lambda: array("Q"))
    lengths: array[int] = field(default_factory=lambda: array("I"))
    # One buffer, not a list of bytes: orjson's small outputs keep ~4 KB of capacity each.
    records: bytearray = field(default_factory=bytearray)
    record_offsets: array[int] = field(default_factory=lambda: array("Q"))
    size: int = 0

    def add(self, tag: bytes, entry: _Entry, postings: bytes) -> None:
        """Add an entity whose postings were just written after the run's."""
        code_key = tag.decode()
        self.kinds.append(code_key[0])
        self.keys.append(code_key[1:])
        self.folded.append(_folded_forms(entry.forms))
        self.counts.append(entry.count)
        self.offsets.append(self.size)
        self.lengths.append(len(postings))
        self.size += len(postings)
        self.record_offsets.append(len(self.records))
        self.records += orjson.dumps([_encode_counts(entry.names), _encode_counts(entry.forms)])

    def extend(self, later: BucketRun) -> None:
        """Add the entities of the run whose postings were written after this one's."""
        self.kinds += later.kinds
        self.keys += later.keys
        self.folded += later.folded
        self.counts += later.counts
        self.offsets.extend(self.size + at for at in later.offsets)
        self.lengths += later.lengths
        self.size += later.size
        self.record_offsets.extend(len(self.records) + at for at in later.record_offsets)
        self.records += later.records


class IndexBuilder:
    """Merges a compacted index and newer segments' entities into a new compacted index.

    Nothing is aggregated while cables come in: each cable's mentions (:data:`Mention`) are
    set aside by bucket (:class:`_Spill`, in ``spill_folder`` or in memory), and the index
    is built a bucket at a time when it is written, the previous index's entities of that
    bucket with the new ones. So memory holds one bucket's entities at a time, whatever the
    size of the corpus. Entities are numbered in bucket order, then by kind and key.
    """

    def __init__(
        self, spill_folder: Path | None = None, kept: dict[int, Path] | None = None
    ) -> None:
        """``spill_folder``: where mentions are set aside (None: in memory); ``kept``: the
        files of buckets another builder set aside, read from there (see :class:`_Spill`)."""
        self.spill = _Spill(spill_folder, kept)
        #: Mentions set aside (one per cable and entity).
        self.mentions = 0
        self._base: _BaseIndex | None = None
        self._base_files: tuple[Path, str, str] | None = None

    def add_base(
        self,
        columns: dict[str, Any],
        postings: PostingsReader,
        files: tuple[Path, str, str] | None = None,
    ) -> None:
        """Add a compacted index (its columns, and its postings read where they are);
        ``files``: its folder, index and postings file names, for a child process to read
        it too."""
        self._base = _BaseIndex(columns, postings)
        self._base_files = files

    def add_cables(self, rows: Iterable[list[Any]], live: Callable[[str], bool]) -> None:
        """Add the entities of these cables (rows of :func:`read_segment_cables`) whose
        version is current (``live(cable_id)``)."""
        for cable_id, created, entities in rows:
            if entities and live(cable_id):
                self.add_mentions(cable_mentions(cable_id, created, entities))

    def add_mentions(self, mentions: list[Mention]) -> None:
        """Add one cable's :func:`cable_mentions` (the cable is current, and added once)."""
        spill = self.spill.add
        for bucket, line in mentions:
            spill(bucket, line)
        self.mentions += len(mentions)

    def discard(self) -> None:
        """Forget the mentions set aside (their files removed)."""
        self.spill.discard()

    def write(
        self, postings_out: BinaryIO, upto: int, temp_folder: Path | None = None
    ) -> dict[str, Any]:
        """Write every entity's postings to ``postings_out``; return the index columns.

        For a large index, with a ``temp_folder`` for the children's files, the second half
        of the buckets is built by a child process while this one builds the first (see
        :mod:`store.buckets_job`); the search keys are built from the entities' folded forms
        and counts once the postings are written and each bucket's entities released, in
        a child too (see :mod:`store.search_keys_job`). The files are the same either way."""
        from store.search_keys_job import SearchKeysJob

        places, offset, run = self._write_postings(postings_out, temp_folder)
        self._base = None
        folded, counts = run.folded, run.counts
        del run
        release_free_heap()  # the buckets' entities, and the previous index's columns
        keys_job = SearchKeysJob(temp_folder, folded, counts)
        places.update(keys_job.write(postings_out, offset))
        return {"version": FORMAT_VERSION, "upto": upto, "sections": places}

    @property
    def has_base(self) -> bool:
        """Whether a previous index was added (:meth:`add_base`)."""
        return self._base is not None

    @property
    def base_files(self) -> tuple[Path, str, str] | None:
        """The folder and file names of the previous index added (:meth:`add_base`), if any."""
        return self._base_files

    def _bucket(self, bucket: int) -> dict[bytes, _Entry]:
        """The entities of one bucket: the previous index's, and the mentions set aside."""
        entries: dict[bytes, _Entry] = {}
        base = self._base
        if base is not None:
            for entity in base.members[bucket]:
                names, forms = base.records.get(entity)
                entries[base.tag(entity)] = _Entry(
                    _decode_counts(names),
                    _decode_counts(forms),
                    base.counts[entity],
                    (base.offsets[entity], base.lengths[entity]),
                )
        loads = orjson.loads
        for line in self.spill.take(bucket).split(b"\n"):
            if not line:
                continue
            tag, meta, posting = line.split(b"\t", 2)
            names, forms = loads(meta)
            entry = entries.get(tag)
            if entry is None:
                entry = entries[tag] = _Entry({}, {})
            tally = entry.names
            for name in names:
                tally[name] = tally.get(name, 0) + 1
            tally = entry.forms
            for form in forms:
                tally[form] = tally.get(form, 0) + 1
            entry.count += 1
            entry.spilled.append(posting)
        return entries

    def write_buckets(self, buckets: Iterable[int], out: BinaryIO) -> BucketRun:
        """Write the postings of these buckets' entities to ``out``, a bucket at a time;
        return their columns."""
        run = BucketRun()
        for bucket in buckets:
            with gc_paused():  # many small containers, no cycle among them
                entries = self._bucket(bucket)
            for tag in sorted(entries):
                entry = entries.pop(tag)
                data = self._postings(entry)
                out.write(data)
                run.add(tag, entry, data)
        return run

    def _write_postings(
        self, postings_out: BinaryIO, folder: Path | None
    ) -> tuple[dict[str, list[Any]], int, BucketRun]:
        """Write every entity's postings, then the index columns; return where the columns
        are, the offset after them and the buckets' run of columns."""
        from store.buckets_job import BucketsJob

        job = BucketsJob.start(self, folder)
        if job is None:
            run = self.write_buckets(range(SPILL_BUCKETS), postings_out)
        else:
            try:
                run = self.write_buckets(job.before, postings_out)
                later = job.join(postings_out)
            finally:  # a failure here (a full disk) leaves no child behind
                job.stop()
            run.extend(later or self.write_buckets(job.buckets, postings_out))
        offset = run.size
        record_offsets = array("Q", (offset + at for at in run.record_offsets))
        record_offsets.append(offset + len(run.records))
        postings_out.write(run.records)
        offset += len(run.records)
        run.records = bytearray()
        columns: dict[str, Any] = {
            "kinds": "".join(run.kinds),
            "keys": run.keys,
            "folded": run.folded,
            "counts": run.counts,
            "offsets": run.offsets,
            "lengths": run.lengths,
            "records": record_offsets,
        }
        places = write_sections(postings_out, offset, columns)
        offset += sum(place[1] for place in places.values())
        return places, offset, run

    def _postings(self, entry: _Entry) -> bytes:
        """The JSON array of an entity's postings, newest first (its count made the number
        of cables they name when two lists are merged)."""
        base = None
        if entry.base is not None:
            assert self._base is not None
            base = self._base.postings.read_bytes(*entry.base)
        spilled = entry.spilled
        if not spilled:
            return base or b"[]"
        if base is None and len(spilled) == 1:
            return b"[" + spilled[0] + b"]"
        items = orjson.loads(base) if base else []
        items.extend(orjson.loads(posting) for posting in spilled)
        merged = _sorted_postings(items)
        entry.count = len(merged)
        return orjson.dumps(merged)


def write_sections(out: BinaryIO, offset: int, sections: dict[str, Any]) -> dict[str, list[Any]]:
    """Write columns at ``offset`` of ``out``: arrays as little-endian bytes, a string as
    ASCII/UTF-8, a list of strings (none holding a newline) joined by newlines; return
    where each is: name -> [offset, length, type code, items]."""
    places: dict[str, list[Any]] = {}
    for name, value in sections.items():
        if isinstance(value, array):
            if sys.byteorder != "little":
                value = array(value.typecode, value)
                value.byteswap()
            data, code, items = value.tobytes(), value.typecode, len(value)
        elif isinstance(value, str):
            data, code, items = value.encode(), "t", len(value)
        else:
            data, code, items = "\n".join(value).encode(), "s", len(value)
        out.write(data)
        places[name] = [offset, len(data), code, items]
        offset += len(data)
    return places


def read_sections(places: dict[str, list[Any]], reader: PostingsReader) -> dict[str, Any]:
    """The columns :func:`write_sections` wrote (ValueError if they do not add up)."""
    sections: dict[str, Any] = {}
    for name, (offset, length, code, items) in places.items():
        data = reader.read_bytes(offset, length)
        if len(data) != length:
            raise ValueError(f"the entity index's {name} is cut short")
        if code == "t":
            sections[name] = data.decode()
        elif code == "s":
            sections[name] = data.decode().split("\n") if items else []
        else:
            values = array(code)
            values.frombytes(data)
            if sys.byteorder != "little":
                values.byteswap()
            sections[name] = values
        if len(sections[name]) != items:
            raise ValueError(f"the entity index's {name} has the wrong length")
    return sections


def load_columns(columns: dict[str, Any], reader: PostingsReader) -> dict[str, Any]:
    """The columns of an index document of any readable version, decoded: ``kinds`` (str),
    ``keys`` and ``folded`` (lists), ``counts``, ``offsets``, ``lengths``, ``records``
    (arrays; ``records`` None and ``names``/``forms`` lists in version 1), ``search``."""
    from store.entity_search import SEARCH_SECTIONS

    if "sections" in columns:
        loaded = read_sections(columns["sections"], reader)
        loaded["search"] = {name: loaded.pop(name) for name in SEARCH_SECTIONS}
        return loaded
    search = dict(columns["search"])  # versions 1 and 2: base64 arrays inside the JSON
    for name in SEARCH_SECTIONS:
        if name in search and isinstance(search[name], str):
            search[name] = unpack_array(search[name])
    top = search.pop("top")
    search["top_prefixes"] = sorted(top)
    starts, flat = [0], array("I")
    for prefix in search["top_prefixes"]:
        flat.extend(unpack_array(top[prefix]))
        starts.append(len(flat))
    search["top_start"], search["top_entities"] = array("I", starts), flat
    return {
        "kinds": columns["kinds"],
        "keys": columns["keys"],
        "folded": columns["folded"],
        "counts": unpack_array(columns["counts"]),
        "offsets": unpack_array(columns["offsets"], "Q"),
        "lengths": unpack_array(columns["lengths"]),
        "records": unpack_array(columns["records"], "Q") if "records" in columns else None,
        "names": columns.get("names"),
        "forms": columns.get("forms"),
        "search": search,
    }


class EntityRecords:
    """Each entity's packed names and forms (with their counts): read from the postings
    file where the index keeps them (format 2), or from the columns of a format 1 index."""

    def __init__(self, loaded: dict[str, Any], postings: PostingsReader) -> None:
        """``loaded``: columns as :func:`load_columns` gives them."""
        self._names: list[str] | None = loaded.get("names")
        self._forms: list[str] | None = loaded.get("forms")
        self._offsets: array[int] | None = loaded.get("records")
        self._postings = postings

    def get(self, entity: int) -> tuple[str, str]:
        """The packed names and forms of an entity (see :func:`iter_counts`)."""
        if self._offsets is None:
            assert self._names is not None and self._forms is not None
            return self._names[entity], self._forms[entity]
        start, end = self._offsets[entity], self._offsets[entity + 1]
        names, forms = orjson.loads(self._postings.read_bytes(start, end - start))
        return names, forms


def _sorted_postings(items: list[list[Any]]) -> list[list[Any]]:
    """Postings newest first (created date, then id); two of one cable merged."""
    merged: dict[str, list[Any]] = {}
    for item in items:
        seen = merged.get(item[0])
        if seen is None:
            merged[item[0]] = item
        else:
            seen[2] = sorted({*seen[2], *item[2]})
    return sorted(merged.values(), key=lambda item: (item[1] or "", item[0]), reverse=True)


def live_segments(index_docs: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Cable id -> the segment holding its current version (the last one listing it)."""
    latest: dict[str, int] = {}
    for doc in index_docs:
        segment = doc["segment"]
        for cable_id in doc["ids"]:
            latest[cable_id] = segment
    return latest


def merge_segments(
    builder: IndexBuilder,
    directory: Path,
    segments: Iterable[int],
    latest: dict[str, int],
) -> None:
    """Add the live cables' entities of these segments to ``builder``."""
    for segment in segments:
        rows = read_segment_cables(directory, segment)
        builder.add_cables(rows, lambda cable_id, s=segment: latest.get(cable_id) == s)


def needs_full_rebuild(index_docs: list[dict[str, Any]], upto: int) -> bool:
    """True if a segment after ``upto`` replaces a cable of a segment up to it: the old
    version's mentions are in the compacted index, so the index is rebuilt from segments."""
    if upto == 0:
        return False
    old: set[str] = set()
    for doc in index_docs[:upto]:
        old.update(doc["ids"])
    return any(cable_id in old for doc in index_docs[upto:] for cable_id in doc["ids"])


def read_columns(directory: Path, name: str) -> dict[str, Any]:
    """The columns of the compacted index document ``name`` in ``directory`` (raises
    StoreFileError if it is none of a readable version)."""
    db = open_db(directory / name)
    try:
        with gc_paused():
            docs = list(db.table(INDEX_TABLE))
    finally:
        db.close()
    if len(docs) != 1 or docs[0].get("version") not in READABLE_VERSIONS:
        raise StoreFileError(directory / name, "not an entity index of this version")
    return dict(docs[0])


class PendingEntities:
    """The entities of the segments one writer has written so far, set aside as it writes
    them (while the parsing workers run), so that the compaction at the end of an import
    does not read them back. Every cable a writer adds is the current version of its id."""

    def __init__(self, directory: Path) -> None:
        self.builder = IndexBuilder(directory / GENERATIONS)
        self.first: int | None = None
        self.last: int | None = None
        self._contiguous = True

    def add(self, segment: int, cables: Iterable[list[Mention]]) -> None:
        """Set aside the mentions of the cables of a segment just written (each cable's
        :func:`cable_mentions`)."""
        if self.first is None:
            self.first = segment
        elif self.last is not None and segment != self.last + 1:
            self._contiguous = False
        self.last = segment
        add = self.builder.add_mentions
        for mentions in cables:
            add(mentions)

    def covers(self, start: int, end: int) -> bool:
        """True if these are the segments from some point after ``start`` up to ``end``."""
        return (
            self._contiguous and self.first is not None and self.first >= start and self.last == end
        )


def compact(
    directory: Path,
    manifest: Manifest,
    index_docs: list[dict[str, Any]],
    generation: int,
    pending: PendingEntities | None = None,
) -> EntityFiles | None:
    """Write the compacted entity index of ``generation`` covering every segment of
    ``manifest``; return the files to name in the next manifest (None: already compact).
    ``pending`` holds what the writer set aside of its own segments (else they are read).

    The caller writes the manifest (the commit point), then deletes the previous files.
    """
    current = entity_files(manifest)
    if manifest.segments == 0 or (current.upto >= manifest.segments and current.index):
        return None
    # Not under gc_paused: reading segment files leaves TinyDB's reference cycles to the
    # collector, and a rebuild reads a thousand of them.
    return _compact(directory, manifest, index_docs, generation, pending)


def _compact(
    directory: Path,
    manifest: Manifest,
    index_docs: list[dict[str, Any]],
    generation: int,
    pending: PendingEntities | None,
) -> EntityFiles | None:
    current = entity_files(manifest)
    latest = live_segments(index_docs)
    has_base = bool(current.index and current.postings) and not needs_full_rebuild(
        index_docs, current.upto
    )
    start = current.upto + 1 if has_base else 1
    if pending is not None and pending.covers(start, manifest.segments):
        builder = pending.builder
        assert pending.first is not None
        merge_segments(builder, directory, range(start, pending.first), latest)
    else:
        if pending is not None:
            pending.builder.discard()
        builder = IndexBuilder(directory / GENERATIONS)
        merge_segments(builder, directory, range(start, manifest.segments + 1), latest)
    with contextlib.ExitStack() as stack:
        if has_base:
            assert current.index and current.postings
            base = stack.enter_context(open(directory / current.postings, "rb"))
            builder.add_base(
                read_columns(directory, current.index),
                PostingsReader(base),
                (directory, current.index, current.postings),
            )
        return _write_generation(directory, builder, manifest.segments, generation)


def _write_generation(
    directory: Path, builder: IndexBuilder, upto: int, generation: int
) -> EntityFiles:
    """Write a builder's postings and index as the files of ``generation``."""
    files = EntityFiles(index_file_name(generation), postings_file_name(generation), upto)
    assert files.index and files.postings
    postings_path = directory / files.postings
    tmp = postings_path.with_name(postings_path.name + TMP_SUFFIX)
    try:
        with open(tmp, "wb") as out:
            columns = builder.write(out, upto, temp_folder=directory / GENERATIONS)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, postings_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    write_atomic(directory / files.index, orjson.dumps({INDEX_TABLE: {"1": columns}}))
    fsync_dir(directory / GENERATIONS)
    return files


def manifest_extra(files: EntityFiles) -> dict[str, Any]:
    """The manifest's ``extra`` entry naming these files."""
    return {"index": files.index, "postings": files.postings, "upto": files.upto}


# -- reading --------------------------------------------------------------------------------


class OpenedEntityFiles:
    """The entity files of one snapshot, opened (not read) when the store is opened, so that
    a writer that compacts and deletes them later cannot take them away."""

    def __init__(self, directory: Path, manifest: Manifest) -> None:
        self.directory = directory
        self.manifest = manifest
        self.files = entity_files(manifest)
        self.index_db = open_db(directory / self.files.index) if self.files.index else None
        self.postings: BinaryIO | None = None
        if self.files.postings:
            try:
                self.postings = open(directory / self.files.postings, "rb")  # noqa: SIM115
            except OSError as error:
                raise StoreFileError(
                    directory / self.files.postings, error.strerror or str(error)
                ) from error

    def load(self, index_docs: list[dict[str, Any]]) -> tuple[dict[str, Any], PostingsReader]:
        """The index columns and postings of this snapshot, merging the segments the
        compacted index does not cover yet (in memory: an import was killed before its end).
        ``index_docs`` are the snapshot's segment index documents (segment, ids)."""
        columns: dict[str, Any] | None = None
        if self.index_db is not None:
            with gc_paused():
                docs = list(self.index_db.table(INDEX_TABLE))
            self.index_db.close()
            if len(docs) != 1 or docs[0].get("version") not in READABLE_VERSIONS:
                raise StoreFileError(
                    self.directory / str(self.files.index), "not an entity index of this version"
                )
            columns = dict(docs[0])
        segments = self.manifest.segments
        if self.files.upto >= segments and columns is not None and self.postings is not None:
            return columns, PostingsReader(self.postings)
        builder = IndexBuilder()
        start = 1
        if (
            columns is not None
            and self.postings is not None
            and not needs_full_rebuild(index_docs, self.files.upto)
        ):
            builder.add_base(columns, PostingsReader(self.postings))
            start = self.files.upto + 1
        latest = live_segments(index_docs)
        merge_segments(builder, self.directory, range(start, segments + 1), latest)
        buffer = io.BytesIO()
        columns = builder.write(buffer, segments)
        buffer.seek(0)
        return columns, PostingsReader(buffer)


class PostingsReader:
    """Reads one entity's postings from a postings file (or an in-memory one)."""

    def __init__(self, source: BinaryIO) -> None:
        self.source = source
        self._fd = source.fileno() if not isinstance(source, io.BytesIO) else None

    def read_bytes(self, offset: int, length: int) -> bytes:
        """The JSON bytes of the postings at this place."""
        if self._fd is not None:
            return os.pread(self._fd, length, offset)
        assert isinstance(self.source, io.BytesIO)
        return self.source.getbuffer()[offset : offset + length].tobytes()

    def read(self, offset: int, length: int) -> list[list[Any]]:
        """The postings at this place: ``[cable id, created, [paragraphs]]``, newest first."""
        return orjson.loads(self.read_bytes(offset, length))  # type: ignore[no-any-return]


def iter_counts(packed: str) -> Iterator[tuple[str, int]]:
    """The (text, count) records of a packed names or forms column entry, most first."""
    yield from _decode_counts(packed).items()
