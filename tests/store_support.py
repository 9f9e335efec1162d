"""Helpers for the store's tests: hand-made cables, small stores, small synthetic csv files."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from cables.model import Cable, Entities, Entity, Paragraph, Routing
from store.layout import read_manifest, write_manifest
from store.records import make_record
from store.writer import StoreWriter

PROJECT = Path(__file__).resolve().parents[1]
MAKE_CORPUS = PROJECT / "benchmarks" / "make_corpus.py"


def make_cable(number: int, *, text: str = "", references: tuple[str, ...] = ()) -> Cable:
    """A small cable ``08TEST<number>`` with two paragraphs (every field of the model set)."""
    return Cable(
        id=f"08TEST{number}",
        created=f"2008-0{number % 9 + 1}-1{number % 10} 10:00",
        released="2011-08-30 01:44",
        classification=["SECRET", "CONFIDENTIAL", "UNCLASSIFIED"][number % 3],
        origin=["Embassy Astana", "Embassy Paris"][number % 2],
        subject=f"SUBJECT OF CABLE {number}",
        tags=("PGOV", "PREL"),
        references=references,
        summary=f"Summary {number}.",
        classified_by="Ambassador X",
        signer="ORDWAY",
        paragraphs=(
            Paragraph(0, None, "REF: nothing"),
            Paragraph(1, "C", f"First paragraph of {number}. {text}".strip()),
            Paragraph(2, "SBU", "Second paragraph."),
        ),
        entities=Entities(people=(Entity("Rayhan Khobdabergenova", ("Khobdabergenova",), (1,)),)),
        routing=Routing("R", "210537Z MAR 08", "AMEMBASSY ASTANA", ("SECSTATE",), ()),
        section=(1, 2),
        eo="12958",
        declassify_on="03/21/2018",
    )


def build_store(directory: Path, cables: list[Cable], **writer_options: object) -> Path:
    """Write these cables into a store (one writer session); return the folder."""
    with StoreWriter(directory, **writer_options) as writer:  # type: ignore[arg-type]
        for cable in cables:
            writer.add(make_record(cable))
    return directory


def without_catalog_file(directory: Path) -> Path:
    """Make a store look written before catalog files existed: its manifest names none (and
    the file is deleted), so readers build the catalog from the segments."""
    manifest = read_manifest(directory)
    if manifest.catalog_file:
        (directory / manifest.catalog_file).unlink()
        checksums = {k: v for k, v in manifest.checksums.items() if k != manifest.catalog_file}
        write_manifest(directory, replace(manifest, catalog_file=None, checksums=checksums))
    return directory


def make_csv(path: Path, count: int, seed: int = 1) -> Path:
    """A synthetic cables.csv of ``count`` cables (benchmarks/make_corpus.py)."""
    subprocess.run(
        [sys.executable, str(MAKE_CORPUS), str(count), str(path), "--seed", str(seed)],
        check=True,
        capture_output=True,
    )
    return path


def run_cli(*args: str, env: dict[str, str] | None = None, stdin: str | None = None):
    """Run ``python -m tui.cli ARGS`` in a subprocess; return the CompletedProcess."""
    import os

    full_env = dict(os.environ)
    full_env.pop("CABLES_STORE", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        cwd=PROJECT,
        env=full_env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
