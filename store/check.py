"""Checking a store: every file its manifest names, against the checksums it recorded.

Read only: a check takes no lock and changes nothing, so it can run beside the browser or
an import (it checks the snapshot the manifest names when it starts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from store.checksums import verify_files
from store.layout import MANIFEST
from store.repair import manifest_files, readable_manifest
from store.storage import StoreFileError, open_db


@dataclass
class CheckReport:
    """What a check found: the files checked, the damaged ones (name relative to the store
    folder -> why) and the files of an older store that have no recorded checksum (checked
    by parsing them instead)."""

    directory: Path
    checked: int = 0
    damaged: dict[str, str] = field(default_factory=dict)
    unverified: list[str] = field(default_factory=list)

    @property
    def whole(self) -> bool:
        """True if no file is damaged."""
        return not self.damaged


def _parse_problem(path: Path) -> str | None:
    """Why a store file without a recorded checksum cannot be read, or None if it parses."""
    if not path.is_file():
        return "missing"
    try:
        db = open_db(path)
        try:
            db.tables()
        finally:
            db.close()
    except StoreFileError as error:
        return error.reason
    return None


def check_store(directory: Path) -> CheckReport:
    """Verify every file of the store in ``directory``; raises StoreError only for a folder
    that holds no store of this version (a lost or unreadable manifest is a damaged file).
    An import that commits meanwhile replaces generation files: the check then starts
    again on the new manifest (a few times at most)."""
    directory = Path(directory)
    for _attempt in range(_ATTEMPTS - 1):
        report, generation = _check_once(directory)
        if report.whole or generation is None:
            return report
        current, _problem = readable_manifest(directory)
        if current is None or current.generation == generation:
            return report
    return _check_once(directory)[0]


_ATTEMPTS = 4


def _check_once(directory: Path) -> tuple[CheckReport, int | None]:
    """One check, and the generation of the manifest it checked (None without one)."""
    report = CheckReport(directory)
    manifest, problem = readable_manifest(directory)
    report.checked += 1
    if manifest is None:
        report.damaged[MANIFEST] = problem or "cannot be read"
        return report, None
    names = manifest_files(manifest)
    report.checked += len(names)
    report.damaged.update(verify_files(directory, manifest.checksums, names))
    for name in names:
        if name not in manifest.checksums:
            why = _parse_problem(directory / name)
            if why:
                report.damaged[name] = why
            else:
                report.unverified.append(name)
    return report, manifest.generation
