"""Repairing a store: rebuild the manifest and generation files from the segments that are whole.

Segments are written once and never change, so they are the store's ground truth; the
manifest and the generation files (index, reverse references) can always be rebuilt from
them. A segment is whole when its two files match the checksums the manifest recorded, or,
without a recorded checksum (a lost manifest, an older store), when both files parse and
agree with each other. A segment that is not whole is moved into ``STORE/damaged/`` (never
deleted) and replaced by an empty one, so that segment numbers stay contiguous; its cables
leave the store until their sources are imported again (the rebuilt manifest forgets which
sources were imported, so that the next import parses them all again).

:func:`repair_store` is ``cables repair``; :func:`rebuild_store` is also what a writer runs
when it opens a store whose files do not match their checksums.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from store.checksums import Checksum, file_checksum, verify_files
from store.entity_index import MANIFEST_KEY as ENTITY_MANIFEST_KEY
from store.entity_index import segment_entities_path, write_segment_entities
from store.errors import StoreError
from store.files import fsync_dir, write_atomic
from store.layout import (
    BODIES_TABLE,
    CATALOG_TABLE,
    DAMAGED,
    FORMAT,
    GENERATIONS,
    INDEX_TABLE,
    MANIFEST,
    MANIFEST_TABLE,
    REFS_BUCKETS,
    REFS_TABLE,
    SCHEMA_VERSION,
    SEGMENTS,
    Manifest,
    bodies_path,
    catalog_path,
    has_store_files,
    index_name,
    missing_message,
    read_manifest,
    refs_bucket,
    refs_name,
    shown,
    write_manifest,
)
from store.lock import WriterLock
from store.storage import StoreFileError, new_db, open_db

_SEGMENT_FILE = re.compile(r"(\d{6,})-(?:catalog|bodies)\.json")
_GENERATION_FILE = re.compile(r"(\d{6,})-\w+\.json")


@dataclass(frozen=True)
class DamagedSegment:
    """A segment that was not whole: its number, why, and the ids of the cables it held
    (None when its catalog could not be read either)."""

    segment: int
    problem: str
    ids: tuple[str, ...] | None


@dataclass
class RepairReport:
    """What a repair did: whether anything changed, the manifest it wrote, the segments it
    moved aside (and the files under ``damaged/``), and the cables that left the store."""

    directory: Path
    changed: bool = False
    manifest_rebuilt: bool = False
    manifest: Manifest | None = None
    damaged: list[DamagedSegment] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    lost: int = 0


def segment_file_names(segment: int) -> tuple[str, str, str]:
    """The catalog, bodies and entity-mentions files of a segment, relative to the store
    folder (a store made before the entity index has no mentions files: they may be
    missing)."""
    return (
        f"{SEGMENTS}/{catalog_path(Path(), segment).name}",
        f"{SEGMENTS}/{bodies_path(Path(), segment).name}",
        f"{SEGMENTS}/{segment_entities_path(Path(), segment).name}",
    )


def manifest_files(manifest: Manifest) -> list[str]:
    """Every file a manifest names, relative to the store folder: segments, generation files,
    and whatever else it holds a checksum of."""
    names: list[str] = []
    for segment in range(1, manifest.segments + 1):
        names.extend(segment_file_names(segment))
    names += [name for name in (manifest.index, manifest.refs) if name]
    names += [name for name in manifest.checksums if name not in set(names)]
    return names


def damaged_files(directory: Path, manifest: Manifest, *, quick: bool = False) -> dict[str, str]:
    """The files the manifest names whose recorded checksum they no longer match, with why.
    Files without a recorded checksum (older stores) are not judged here. ``quick`` (for a
    writer opening the store) hashes only files whose size or modification time changed."""
    return verify_files(directory, manifest.checksums, manifest_files(manifest), quick=quick)


# -- reading segments ------------------------------------------------------------------


def _read_table(path: Path, table: str) -> list[Any]:
    db = open_db(path)
    try:
        return list(db.table(table))
    finally:
        db.close()


def _catalog_ids(directory: Path, segment: int) -> list[str]:
    """The ids of a segment's catalog, in document order (ValueError if it is not one)."""
    docs = _read_table(catalog_path(directory, segment), CATALOG_TABLE)
    if [doc.doc_id for doc in docs] != list(range(1, len(docs) + 1)):
        raise ValueError("catalog documents out of order")
    ids = [doc.get("id") for doc in docs]
    if not all(isinstance(i, str) for i in ids):
        raise ValueError("a catalog document without an id")
    return ids  # type: ignore[return-value]


def _catalog_refs(directory: Path, segment: int) -> dict[str, list[str]]:
    refs: dict[str, list[str]] = {}
    for doc in _read_table(catalog_path(directory, segment), CATALOG_TABLE):
        cited = doc.get("references") or []
        refs[doc["id"]] = [r for r in cited if isinstance(r, str)]
    return refs


def _check_bodies(directory: Path, segment: int, ids: list[str]) -> None:
    """ValueError unless the bodies file holds exactly these cables, in this order."""
    docs = _read_table(bodies_path(directory, segment), BODIES_TABLE)
    if [doc.doc_id for doc in docs] != list(range(1, len(docs) + 1)):
        raise ValueError("bodies documents out of order")
    if [doc.get("id") for doc in docs] != ids:
        raise ValueError("the bodies file does not hold the cables of the catalog")


def _segment_problem(directory: Path, segment: int, recorded: dict[str, Checksum]) -> str | None:
    """Why a segment without a trusted checksum is not whole (parsed and compared)."""
    names = segment_file_names(segment)
    problems = verify_files(directory, recorded, names)
    if problems:
        name, problem = next(iter(problems.items()))
        return f"{name}: {problem}"
    for name in names[:2]:  # the mentions file may be missing (an older store)
        if not (directory / name).is_file():
            return f"{name}: missing"
    if all(name in recorded for name in names if (directory / name).is_file()):
        return None
    try:
        _check_bodies(directory, segment, _catalog_ids(directory, segment))
    except StoreFileError as error:
        return f"{error.path.relative_to(directory)}: {error.reason}"
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        return f"{names[0]}: unexpected content: {error}"
    return None


# -- rebuilding ------------------------------------------------------------------------


def _move_aside(directory: Path, name: str) -> str | None:
    """Move a store file into ``damaged/`` (never over another); its new name, or None."""
    source = directory / name
    if not source.exists():
        return None
    target = _free_name(directory / DAMAGED, Path(name).name)
    os.replace(source, target)
    return f"{DAMAGED}/{target.name}"


def _free_name(folder: Path, name: str) -> Path:
    """``folder/name``, or ``name.1``, ``name.2``... when taken (the folder is created)."""
    folder.mkdir(exist_ok=True)
    target = folder / name
    number = 1
    while target.exists():
        target = folder / f"{name}.{number}"
        number += 1
    return target


def _write_empty_segment(directory: Path, segment: int) -> None:
    write_atomic(catalog_path(directory, segment), orjson.dumps({CATALOG_TABLE: {}}))
    write_atomic(bodies_path(directory, segment), orjson.dumps({BODIES_TABLE: {}}))
    write_segment_entities(directory, segment, [])


def _present_segments(directory: Path) -> int:
    """The highest segment number with a file in ``segments/`` (0 if none)."""
    try:
        names = [p.name for p in (directory / SEGMENTS).iterdir()]
    except OSError:
        return 0
    numbers = [int(m.group(1)) for n in names if (m := _SEGMENT_FILE.fullmatch(n))]
    return max(numbers, default=0)


def _last_generation(directory: Path) -> int:
    try:
        names = [p.name for p in (directory / GENERATIONS).iterdir()]
    except OSError:
        return 0
    numbers = [int(m.group(1)) for n in names if (m := _GENERATION_FILE.fullmatch(n))]
    return max(numbers, default=0)


def rebuild_store(
    directory: Path,
    old: Manifest | None,
    *,
    damaged: dict[str, str] | None = None,
) -> RepairReport:
    """Rebuild the index, reverse references and manifest of a store from its whole
    segments, moving the others aside; the caller holds the writer's lock.

    ``old`` is the last readable manifest (None if lost). ``damaged``, when given, is the
    result of :func:`damaged_files`: the segments it names are not whole, and the others
    with a recorded checksum are trusted without hashing them again. Without it, every
    segment is checked: by checksum where recorded, else by parsing both of its files.
    """
    report = RepairReport(directory)
    recorded = dict(old.checksums) if old else {}
    last = max(_present_segments(directory), old.segments if old else 0)
    index_docs: list[dict[str, Any]] = []
    latest_refs: dict[str, list[str]] = {}
    checksums: dict[str, Checksum] = {}
    rows = 0
    for segment in range(1, last + 1):
        names = segment_file_names(segment)
        if damaged is not None:
            bad = [f"{name}: {damaged[name]}" for name in names if name in damaged]
            if bad:
                problem: str | None = bad[0]
            elif all(name in recorded for name in names):
                problem = None  # verified by the caller
            else:
                problem = _segment_problem(directory, segment, {})
        else:
            problem = _segment_problem(directory, segment, recorded)
        ids: list[str] | None = None
        if problem is None:
            try:
                ids = _catalog_ids(directory, segment)
                latest_refs.update(_catalog_refs(directory, segment))
            except (StoreFileError, KeyError, TypeError, ValueError, AttributeError) as error:
                problem = f"{names[0]}: unexpected content: {error}"
        if problem is not None or ids is None:
            report.damaged.append(_set_aside(directory, segment, problem or "", report))
            ids = []
        else:
            rows += len(ids)
        index_docs.append({"segment": segment, "ids": ids})
        for name in names:
            if not (directory / name).is_file():
                continue  # a store made before the entity index: no mentions file
            entry = recorded.get(name)
            if problem is not None or entry is None:
                entry = file_checksum(directory / name)
            checksums[name] = entry
    present = {cable_id for doc in index_docs for cable_id in doc["ids"]}
    for segment_damage in report.damaged:
        if segment_damage.ids is not None:
            report.lost += len(set(segment_damage.ids) - present)
    buckets: list[dict[str, list[str]]] = [{} for _ in range(REFS_BUCKETS)]
    for cable_id, cited in latest_refs.items():
        if cable_id not in present:
            continue
        for ref in dict.fromkeys(cited):
            buckets[refs_bucket(ref) - 1].setdefault(ref, []).append(cable_id)
    generation = max(old.generation if old else 0, _last_generation(directory)) + 1
    index, refs = index_name(generation), refs_name(generation)
    new_db(directory / index).table(INDEX_TABLE).insert_multiple(index_docs)
    new_db(directory / refs).table(REFS_TABLE).insert_multiple({"refs": b} for b in buckets)
    fsync_dir(directory / SEGMENTS)
    for name in (index, refs):
        checksums[name] = file_checksum(directory / name)
    keep_sources = old is not None and not report.damaged
    manifest = replace(
        old or Manifest(),
        generation=generation,
        count=len(present),
        rows=rows,
        segments=last,
        index=index if last else None,
        refs=refs if last else None,
        first_page=None,  # rebuilt by the next import; until then the list loads it all
        catalog_file=None,  # rewritten by the next import; until then readers build it
        replaced_at=generation if report.damaged else (old.replaced_at if old else 0),
        sources=old.sources if keep_sources and old else (),
        # The entity index is compacted again from the segments by the next import (and
        # merged from them by readers meanwhile): one read from the old manifest could
        # name cables that were set aside, or files that are damaged themselves.
        extra=_without_entity_index(old.extra if old else {}),
        updated=datetime.now().astimezone().isoformat(timespec="seconds"),
        schema=SCHEMA_VERSION,
        format=FORMAT,
        checksums=checksums,
    )
    if not last:
        for name in (index, refs):
            (directory / name).unlink(missing_ok=True)
            checksums.pop(name, None)
    write_manifest(directory, manifest)
    report.manifest = manifest
    report.changed = True
    return report


def _without_entity_index(extra: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in extra.items() if key != ENTITY_MANIFEST_KEY}


def _set_aside(directory: Path, segment: int, problem: str, report: RepairReport) -> DamagedSegment:
    """Move a segment that is not whole into ``damaged/`` and leave an empty one in its place."""
    ids: tuple[str, ...] | None
    try:
        ids = tuple(_catalog_ids(directory, segment))
    except (StoreFileError, KeyError, TypeError, ValueError, AttributeError, OSError):
        ids = None
    for name in segment_file_names(segment):
        moved = _move_aside(directory, name)
        if moved:
            report.moved.append(moved)
    _write_empty_segment(directory, segment)
    return DamagedSegment(segment, problem, ids)


def readable_manifest(directory: Path) -> tuple[Manifest | None, str | None]:
    """(the manifest, None), or (None, why manifest.json cannot be used: "missing", ...).
    Raises StoreError for a folder that is no store of this version at all."""
    path = directory / MANIFEST
    if not path.exists():
        if not has_store_files(directory):
            raise StoreError(missing_message(directory))
        return None, "missing"
    try:
        raw = orjson.loads(path.read_bytes())
        doc = next(iter(raw[MANIFEST_TABLE].values()))
    except (OSError, orjson.JSONDecodeError, KeyError, TypeError, AttributeError, StopIteration):
        return None, "cannot be read"
    if isinstance(doc, dict) and (
        doc.get("format") != FORMAT or doc.get("schema") != SCHEMA_VERSION
    ):
        read_manifest(directory)  # raises the sentence for a foreign or other-version store
    try:
        return read_manifest(directory), None
    except StoreError:
        return None, "does not hold a valid manifest"


def repair_store(directory: Path, *, command: str | None = None) -> RepairReport:
    """``cables repair``: make the store in ``directory`` whole again, under the writer's
    lock. Nothing changes when every file matches its checksum and the manifest is sound.
    Raises StoreError for a folder that is not a store (nothing is touched then)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise StoreError(missing_message(directory))
    readable_manifest(directory)  # a folder that is no store is refused before the lock
    lock = WriterLock(directory, command)
    lock.acquire()
    try:
        old, _problem = readable_manifest(directory)  # again, now that no writer runs
        if old is not None:
            damaged = damaged_files(directory, old)
            unchecked = [n for n in manifest_files(old) if n not in old.checksums]
            if not damaged and not unchecked:
                return RepairReport(directory, manifest=old)
            report = rebuild_store(directory, old, damaged=damaged)
        else:
            report_moved = None
            if (directory / MANIFEST).exists():  # keep the unreadable one, for the record
                target = _free_name(directory / DAMAGED, MANIFEST)
                shutil.copy2(directory / MANIFEST, target)
                report_moved = f"{DAMAGED}/{target.name}"
            report = rebuild_store(directory, None)
            if report_moved:
                report.moved.insert(0, report_moved)
            report.manifest_rebuilt = True
        return report
    except OSError as error:
        raise StoreError(
            f"cannot repair the store at {shown(directory)}: {error.strerror or error}"
        ) from None
    finally:
        lock.release()
