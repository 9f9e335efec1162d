"""The files of a store folder, its manifest (the commit point) and the schema version.

::

    STORE/
      manifest.json                 the commit point: schema, generation, counts, file names
      lock                          the writer's lock (pid, command, start time)
      segments/000001-catalog.json  one small document per cable of this segment
      segments/000001-bodies.json   the full cables of this segment (paragraphs, entities)
      generations/000007-index.json which cables each segment holds (id -> segment, doc id)
      generations/000007-refs.json  reverse references: cited id -> ids of citing cables
      generations/000007-first-page.json  the catalog's first rows in the default order
      generations/000007-catalog.bin  every current catalog row, columnar, mapped by readers
      notes.json                    the user's notes and bookmarks (import never touches it)
      damaged/                      files ``cables repair`` moved aside (never deleted)
      text/                         the full-text index (tantivy; see store/text_index.py)

Segments are written once and never change; an import adds segments and then writes new
generation files and a new manifest. The manifest is written last, atomically: a reader
reads it once and then sees exactly the files it names, whatever writers do meanwhile.
The manifest also holds the size and CRC-32 of every file it names (``checksums``), so
that ``cables check`` and the next writer notice a file damaged on disk.
"""

from __future__ import annotations

import re
import shlex
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from cables.sanitize import clean_line
from store.errors import StoreError
from store.storage import StoreFileError, new_db, open_db

SCHEMA_VERSION = 1
FORMAT = "cables-store"
MANIFEST = "manifest.json"
LOCK = "lock"
NOTES = "notes.json"
SEGMENTS = "segments"
GENERATIONS = "generations"
DAMAGED = "damaged"
TEXT = "text"
MANIFEST_TABLE = "manifest"
CATALOG_TABLE = "catalog"
BODIES_TABLE = "bodies"
INDEX_TABLE = "segments"
REFS_TABLE = "refs"
REFS_BUCKETS = 256

# Names a store folder may hold; anything else in a folder without a manifest makes it foreign.
_OWN_NAMES = {MANIFEST, LOCK, NOTES, SEGMENTS, GENERATIONS, DAMAGED, TEXT, MANIFEST + ".tmp"}


def catalog_path(directory: Path, segment: int) -> Path:
    """The catalog file of a segment."""
    return directory / SEGMENTS / f"{segment:06d}-catalog.json"


def bodies_path(directory: Path, segment: int) -> Path:
    """The bodies file of a segment."""
    return directory / SEGMENTS / f"{segment:06d}-bodies.json"


def index_name(generation: int) -> str:
    """The segment index of a generation, relative to the store folder."""
    return f"{GENERATIONS}/{generation:06d}-index.json"


def refs_name(generation: int) -> str:
    """The reverse-reference file of a generation, relative to the store folder."""
    return f"{GENERATIONS}/{generation:06d}-refs.json"


def first_page_name(generation: int) -> str:
    """The first page of the catalog of a generation, relative to the store folder."""
    return f"{GENERATIONS}/{generation:06d}-first-page.json"


def catalog_file_name(generation: int) -> str:
    """The columnar catalog file of a generation (:mod:`store.catalog_file`)."""
    return f"{GENERATIONS}/{generation:06d}-catalog.bin"


def refs_bucket(cable_id: str) -> int:
    """The document (1-based doc id) of the reverse-reference file that holds this id."""
    return zlib.crc32(cable_id.encode()) % REFS_BUCKETS + 1


@dataclass(frozen=True)
class SourceRecord:
    """A source file imported completely and without error: its resolved path, size and
    modification time, the cables it gave (and repeated ids in it), and the generation that
    committed it."""

    path: str
    size: int
    mtime_ns: int
    cables: int
    generation: int
    duplicates: int = 0


@dataclass(frozen=True)
class Manifest:
    """The committed state of a store: what a reader opens and a writer replaces.

    ``count`` is the number of distinct cables; ``rows`` counts every catalog row over all
    segments (a replaced cable leaves its old, superseded row behind). Segments are numbered
    1..``segments``; ``index`` and ``refs`` name the generation files (relative to the
    folder; None in an empty store). ``replaced_at`` is the last generation that replaced a
    stored cable. ``first_page`` names the generation's first page of the catalog (None in
    an empty store, or one written before first pages existed). ``catalog_file`` names the
    generation's columnar catalog (None when the store has none: readers build it in memory).
    """

    generation: int = 0
    count: int = 0
    rows: int = 0
    segments: int = 0
    index: str | None = None
    refs: str | None = None
    first_page: str | None = None
    catalog_file: str | None = None
    replaced_at: int = 0
    sources: tuple[SourceRecord, ...] = ()
    updated: str | None = None
    schema: int = SCHEMA_VERSION
    format: str = FORMAT
    extra: dict[str, Any] = field(default_factory=dict)
    #: name relative to the folder -> {"size", "crc32" (8 hex digits), "mtime_ns"}, for every
    #: segment and generation file this manifest names (empty in stores written before).
    checksums: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_doc(self) -> dict[str, Any]:
        """The manifest as a TinyDB document."""
        doc = asdict(self)
        doc["sources"] = [asdict(s) for s in self.sources]
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Manifest:
        """The manifest of a document made by :meth:`to_doc` (KeyError/TypeError if not)."""
        return cls(
            generation=int(doc["generation"]),
            count=int(doc["count"]),
            rows=int(doc["rows"]),
            segments=int(doc["segments"]),
            index=_generation_file(doc.get("index"), "index"),
            refs=_generation_file(doc.get("refs"), "refs"),
            first_page=_generation_file(doc.get("first_page"), "first-page"),
            catalog_file=_generation_file(doc.get("catalog_file"), "catalog", "bin"),
            replaced_at=int(doc.get("replaced_at", 0)),
            sources=tuple(SourceRecord(**s) for s in doc.get("sources", ())),
            updated=doc.get("updated"),
            schema=int(doc["schema"]),
            format=str(doc["format"]),
            extra=dict(doc.get("extra") or {}),
            checksums=_checksums(doc.get("checksums")),
        )


def _checksums(value: object) -> dict[str, dict[str, Any]]:
    """The checksums of a manifest document, checked (ValueError if they are not)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError("checksums are not a mapping")
    out: dict[str, dict[str, Any]] = {}
    for name, entry in value.items():
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("size"), int)
            or not isinstance(entry.get("crc32"), str)
        ):
            raise ValueError(f"not a checksum: {name!r}")
        out[str(name)] = {"size": entry["size"], "crc32": entry["crc32"]}
        if isinstance(entry.get("mtime_ns"), int):
            out[str(name)]["mtime_ns"] = entry["mtime_ns"]
    return out


def _generation_file(name: object, kind: str, extension: str = "json") -> str | None:
    """A generation file name of a manifest, checked (ValueError if it is not one)."""
    if name is None:
        return None
    pattern = rf"{GENERATIONS}/\d{{6,}}-{kind}\.{extension}"
    if not isinstance(name, str) or not re.fullmatch(pattern, name):
        raise ValueError(f"not a {kind} file name: {name!r}")
    return name


def _q(path: Path) -> str:
    return clean_line(shlex.quote(str(path)))


def shown(path: Path | str) -> str:
    """A path as messages print it: control characters made visible (an untrusted name)."""
    return clean_line(path)


def repair_command(directory: Path) -> str:
    """The command that repairs the store in ``directory``."""
    return f"cables repair --store {_q(directory)}"


def missing_message(directory: Path) -> str:
    """The sentence for a folder that holds no store yet."""
    return (
        f"there is no store at {shown(directory)} yet: import cables with "
        f"`cables import --store {_q(directory)} PATH...`"
    )


def damaged_message(directory: Path, what: str) -> str:
    """The sentence for a store whose files cannot be read."""
    return (
        f"the store at {shown(directory)} is damaged ({clean_line(what)}): repair it with "
        f"`{repair_command(directory)}` (damaged files are moved aside, never deleted) and "
        f"import the sources again, or move it aside and re-import with "
        f"`mv {_q(directory)} {_q(directory)}.damaged && cables import --store {_q(directory)} "
        f"PATH...`"
    )


def missing_manifest_message(directory: Path) -> str:
    """The sentence for a store folder that holds segments but no manifest."""
    return (
        f"the store at {shown(directory)} is damaged: it holds segments but no {MANIFEST}; "
        f"nothing was changed: rebuild the manifest from the segments with "
        f"`{repair_command(directory)}`"
    )


def describe_file_error(directory: Path, error: StoreFileError) -> str:
    """A store file error, named relative to the store folder."""
    try:
        name = error.path.relative_to(directory)
    except ValueError:
        name = error.path
    return f"{name}: {error.reason}"


def is_empty_store_folder(directory: Path) -> bool:
    """True if the folder is missing, or holds nothing but what an unfinished first import
    leaves (a lock, empty segment folders, temporary files): a store may be created there.
    A folder with segments or generation files but no manifest is a damaged store, not an
    empty one (see :func:`has_store_files`)."""
    if not directory.exists():
        return True
    if not directory.is_dir():
        return False
    names = {p.name for p in directory.iterdir()}
    return MANIFEST not in names and names <= _OWN_NAMES and not has_store_files(directory)


def has_store_files(directory: Path) -> bool:
    """True if the folder holds committed-looking store files: a segment or generation
    file (temporary files of an unfinished write do not count)."""
    for sub in (SEGMENTS, GENERATIONS):
        try:
            entries = list((directory / sub).iterdir())
        except OSError:
            continue
        if any(not p.name.endswith(".tmp") for p in entries):
            return True
    return False


def read_manifest(directory: Path) -> Manifest:
    """The committed manifest of the store in ``directory``.

    Raises StoreError with one sentence: no store yet, not a store, damaged, or another
    schema version; each names the folder and the command that fixes it.
    """
    path = directory / MANIFEST
    if not path.is_file():
        if not directory.exists() or is_empty_store_folder(directory):
            raise StoreError(missing_message(directory))
        if not directory.is_dir():
            raise StoreError(
                f"{shown(directory)} is a file, not a store folder: pass a folder to --store"
            )
        if has_store_files(directory):
            raise StoreError(missing_manifest_message(directory))
        raise StoreError(
            f"{shown(directory)} is not a Cables store (it has no {MANIFEST}): choose another "
            f"folder with --store, or import into a new one with "
            f"`cables import --store NEWDIR PATH...`"
        )
    try:
        db = open_db(path)
        docs = db.table(MANIFEST_TABLE).all()
        if len(docs) != 1:
            raise StoreFileError(path, "no manifest document")
        doc = dict(docs[0])
        if doc.get("format") != FORMAT:
            raise StoreError(
                f"{shown(directory)} is not a Cables store ({MANIFEST} belongs to something else): "
                f"choose another folder with --store"
            )
        schema = doc.get("schema")
        if schema != SCHEMA_VERSION:
            raise StoreError(
                f"the store at {shown(directory)} was made by another version of Cables (schema "
                f"{schema}, this one reads schema {SCHEMA_VERSION}): move it aside and "
                f"re-import with `mv {_q(directory)} {_q(directory)}.old && cables import "
                f"--store {_q(directory)} PATH...`"
            )
        return Manifest.from_doc(doc)
    except StoreFileError as error:
        if isinstance(error.__cause__, PermissionError):
            raise StoreError(
                f"cannot read the store at {shown(directory)}: permission denied"
            ) from None
        what = describe_file_error(directory, error)
        raise StoreError(damaged_message(directory, what)) from None
    except (KeyError, TypeError, ValueError):
        raise StoreError(
            damaged_message(directory, f"{MANIFEST} does not hold a valid manifest")
        ) from None


def write_manifest(directory: Path, manifest: Manifest) -> None:
    """Commit a manifest: one atomic replace of manifest.json (the commit point)."""
    db = new_db(directory / MANIFEST)
    db.table(MANIFEST_TABLE).insert(manifest.to_doc())
    db.close()
