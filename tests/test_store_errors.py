"""A store that cannot be used gives one sentence naming the folder and the fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.errors import StoreError
from store.store import CableStore
from store.writer import StoreWriter
from tests.store_support import build_store, make_cable, without_catalog_file


def _message(directory: Path) -> str:
    with pytest.raises(StoreError) as caught:
        CableStore.open(directory)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_a_missing_folder_says_there_is_no_store_and_how_to_import(tmp_path: Path) -> None:
    message = _message(tmp_path / "nothing")
    assert "no store" in message and "cables import --store" in message
    assert str(tmp_path / "nothing") in message


def test_a_folder_of_other_files_is_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    message = _message(tmp_path)
    assert "is not a Cables store" in message


def test_a_writer_refuses_a_folder_of_other_files(tmp_path: Path) -> None:
    (tmp_path / "thesis.tex").write_text("mine")
    with pytest.raises(StoreError, match="is not a Cables store"):
        StoreWriter(tmp_path).open()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thesis.tex"]


def test_a_store_of_another_schema_version_names_both_versions_and_the_fix(
    tmp_path: Path,
) -> None:
    directory = build_store(tmp_path / "s", [make_cable(1)])
    manifest = directory / "manifest.json"
    data = json.loads(manifest.read_text())
    data["manifest"]["1"]["schema"] = 99
    manifest.write_text(json.dumps(data))
    message = _message(directory)
    assert "another version of Cables" in message
    assert "schema 99" in message and "schema 1" in message
    assert "cables import --store" in message


def test_a_damaged_manifest_says_damaged_and_how_to_start_again(tmp_path: Path) -> None:
    directory = build_store(tmp_path / "s", [make_cable(1)])
    (directory / "manifest.json").write_bytes(b"\x00\x01garbage")
    message = _message(directory)
    assert "is damaged" in message and "manifest.json" in message
    assert "mv " in message and "cables import --store" in message


def test_a_manifest_of_another_program_is_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text('{"manifest": {"1": {"format": "other"}}}')
    assert "is not a Cables store" in _message(tmp_path)


def test_a_damaged_segment_is_reported_when_its_cable_is_read(tmp_path: Path) -> None:
    directory = build_store(tmp_path / "s", [make_cable(1)])
    (directory / "segments" / "000001-bodies.json").write_bytes(b'{"bodies": {"1": ')
    store = CableStore.open(directory)
    with pytest.raises(StoreError, match=r"damaged \(segments/000001-bodies.json"):
        store.get_cable("08TEST1")


def test_a_damaged_catalog_segment_is_reported_by_load_catalog(tmp_path: Path) -> None:
    directory = without_catalog_file(build_store(tmp_path / "s", [make_cable(1)]))
    (directory / "segments" / "000001-catalog.json").write_bytes(b"[1, 2")
    with pytest.raises(StoreError, match=r"segments/000001-catalog\.json"):
        CableStore.open(directory).load_catalog()


def test_a_file_given_as_the_store_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    message = _message(tmp_path / "file")
    assert "not a store folder" in message or "not a Cables store" in message


def test_a_missing_generation_file_is_reported_as_damage(tmp_path: Path) -> None:
    directory = build_store(tmp_path / "s", [make_cable(1)])
    (directory / "generations" / "000001-index.json").unlink()
    message = _message(directory)
    assert "is damaged (generations/000001-index.json is missing)" in message


@pytest.mark.parametrize("index", [5, "../../../etc/passwd", "generations/000001-refs.json"])
def test_a_manifest_naming_no_generation_file_is_damage(tmp_path: Path, index: object) -> None:
    directory = build_store(tmp_path / "s", [make_cable(1)])
    manifest = directory / "manifest.json"
    data = json.loads(manifest.read_text())
    data["manifest"]["1"]["index"] = index
    manifest.write_text(json.dumps(data))
    message = _message(directory)
    assert "is damaged (manifest.json does not hold a valid manifest)" in message


@pytest.mark.parametrize(
    "documents", [{"1": 5}, {"x": {"id": "08TEST1"}}, {"1": {"digest": "d"}}, {"1": {"id": 7}}]
)
def test_a_catalog_segment_of_valid_json_but_no_catalog_is_damage(
    tmp_path: Path, documents: dict[str, object]
) -> None:
    directory = without_catalog_file(build_store(tmp_path / "s", [make_cable(1)]))
    (directory / "segments" / "000001-catalog.json").write_text(json.dumps({"catalog": documents}))
    store = CableStore.open(directory)
    match = r"damaged \(segments/000001-catalog\.json: unexpected content"
    with pytest.raises(StoreError, match=match):
        store.load_catalog()
    with pytest.raises(StoreError, match=match):
        list(store.iter_catalog_docs())


def test_a_body_that_is_not_an_object_is_damage(tmp_path: Path) -> None:
    directory = build_store(tmp_path / "s", [make_cable(1)])
    (directory / "segments" / "000001-bodies.json").write_text('{"bodies": {"1": 5}}')
    with pytest.raises(StoreError, match="is damaged"):
        CableStore.open(directory).get_cable("08TEST1")
