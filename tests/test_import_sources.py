"""Importing sources: idempotent, incremental, failures reported one by one, stdin too."""

from __future__ import annotations

import io
import pickle
import re
from pathlib import Path

import orjson
import pytest

from cables.errors import ParseError
from cables.jsonform import cable_to_json
from store.importer import ImportStatus, import_sources
from store.layout import read_manifest
from store.store import CableStore
from tests.store_support import make_cable, make_csv


def _files(directory: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file() and p.name != "lock"
    }


def test_importing_the_same_folder_twice_changes_nothing_and_says_so(
    tmp_path: Path, corpus: Path
) -> None:
    store = tmp_path / "s"
    first = import_sources(store, [str(corpus / "wikileaks-html")])
    before = _files(store)
    second = import_sources(store, [str(corpus / "wikileaks-html")])
    pages = len(list((corpus / "wikileaks-html").glob("*.html")))
    assert pages >= 40 and first.added == pages and first.failed == 0
    assert (second.added, second.replaced, second.failed) == (0, 0, 0)
    assert second.unchanged == first.added
    assert not second.changed
    assert _files(store) == before
    assert CableStore.open(store).count == first.added


def test_an_unchanged_csv_file_is_not_parsed_again(tmp_path: Path) -> None:
    source = make_csv(tmp_path / "c.csv", 60)
    first = import_sources(tmp_path / "s", [str(source)])
    second = import_sources(tmp_path / "s", [str(source)])
    assert second.skipped_sources == 1
    assert (second.added, second.unchanged, second.duplicates) == (
        0,
        first.added,
        first.duplicates,
    )


def test_a_full_rescan_of_an_imported_csv_finds_every_cable_unchanged(tmp_path: Path) -> None:
    source = make_csv(tmp_path / "c.csv", 60)
    first = import_sources(tmp_path / "s", [str(source)])
    generation = read_manifest(tmp_path / "s").generation
    again = import_sources(tmp_path / "s", [str(source)], rescan=True)
    assert again.skipped_sources == 0
    assert (again.added, again.replaced, again.unchanged) == (0, 0, first.added)
    assert read_manifest(tmp_path / "s").generation == generation


def test_new_sources_add_to_the_store(tmp_path: Path, corpus: Path) -> None:
    store = tmp_path / "s"
    blog = import_sources(store, [str(corpus / "blog")])
    old = import_sources(store, [str(corpus / "old-format")])
    both = import_sources(store, [str(corpus / "blog"), str(corpus / "old-format")])
    assert (blog.added, old.added) == (1, 10)
    assert both.added == 0 and both.unchanged == 11
    opened = CableStore.open(store)
    assert opened.count == 11
    assert opened.get_cable("08ASTANA611") is not None
    assert opened.get_cable("72TEHRAN1164") is not None


def test_a_changed_source_replaces_its_cables(tmp_path: Path) -> None:
    source = tmp_path / "c.jsonl"
    source.write_bytes(orjson.dumps(cable_to_json(make_cable(1))) + b"\n")
    import_sources(tmp_path / "s", [str(source)])
    changed = make_cable(1, text="Corrected.")
    source.write_bytes(orjson.dumps(cable_to_json(changed)) + b"\n")
    report = import_sources(tmp_path / "s", [str(source)])
    assert (report.added, report.replaced) == (0, 1)
    assert CableStore.open(tmp_path / "s").get_cable("08TEST1") == changed


def test_a_source_overridden_later_is_parsed_again_on_re_import(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_bytes(orjson.dumps(cable_to_json(make_cable(1))) + b"\n")
    second.write_bytes(orjson.dumps(cable_to_json(make_cable(1, text="B."))) + b"\n")
    import_sources(tmp_path / "s", [str(first)])
    import_sources(tmp_path / "s", [str(second)])
    again = import_sources(tmp_path / "s", [str(first)])
    assert (again.skipped_sources, again.replaced) == (0, 1)
    assert CableStore.open(tmp_path / "s").get_cable("08TEST1") == make_cable(1)


def test_bad_sources_are_reported_one_by_one_and_the_rest_goes_through(
    tmp_path: Path, corpus: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    errors: list[ParseError] = []
    report = import_sources(
        tmp_path / "s",
        [str(tmp_path / "missing.csv"), str(empty), str(corpus / "blog")],
        on_error=errors.append,
    )
    assert report.failed == 2 and report.added == 1
    assert [e.source for e in errors] == [str(tmp_path / "missing.csv"), str(empty)]
    assert "no such file" in str(errors[0])


def test_cables_can_come_from_stdin(tmp_path: Path) -> None:
    lines = b"".join(orjson.dumps(cable_to_json(make_cable(n))) + b"\n" for n in range(3))
    report = import_sources(tmp_path / "s", ["-"], stdin=io.StringIO(lines.decode()))
    assert report.added == 3
    assert CableStore.open(tmp_path / "s").get_cable("08TEST2") == make_cable(2)


def test_a_pool_of_workers_stores_the_same_cables_in_the_same_order(tmp_path: Path) -> None:
    source = make_csv(tmp_path / "c.csv", 200)
    alone = import_sources(tmp_path / "one", [str(source)], workers=0, segment_size=30)
    pooled = import_sources(tmp_path / "two", [str(source)], workers=2, segment_size=30)
    assert (alone.added, alone.duplicates) == (pooled.added, pooled.duplicates)
    one, two = CableStore.open(tmp_path / "one"), CableStore.open(tmp_path / "two")
    assert one.ids() == two.ids()
    assert all(one.get_cable(i) == two.get_cable(i) for i in one.ids()[::17])


def test_progress_reports_counts_and_bytes_up_to_the_whole_input(tmp_path: Path) -> None:
    source = make_csv(tmp_path / "c.csv", 100)
    seen: list[tuple[int, int, int | None, bool]] = []

    def progress(status: ImportStatus) -> None:
        seen.append((status.report.cables, status.bytes_done, status.bytes_total, status.finished))

    import_sources(tmp_path / "s", [str(source)], progress=progress)
    size = source.stat().st_size
    assert seen[-1] == (100, size, size, True)
    assert all(total == size and 0 <= done <= size for _, done, total, _ in seen)


def test_bad_sources_in_a_pool_import_are_reported_and_the_import_finishes(
    tmp_path: Path,
) -> None:
    source = make_csv(tmp_path / "c.csv", 40)
    errors: list[ParseError] = []
    report = import_sources(
        tmp_path / "s",
        [str(tmp_path / "missing.csv"), str(source)],
        workers=2,
        on_error=errors.append,
    )
    assert [e.source for e in errors] == [str(tmp_path / "missing.csv")]
    assert report.failed == 1 and report.added + report.duplicates == 40


def test_a_parser_bug_fails_one_cable_not_the_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cables.sources
    from cables.model import Cable

    real = cables.sources.parse_unit

    def flaky(unit: cables.sources.SourceUnit) -> Cable:
        if unit.location == "row 3":
            raise IndexError("boom")
        return real(unit)

    monkeypatch.setattr("store.importer.parse_unit", flaky)
    source = make_csv(tmp_path / "c.csv", 5)
    errors: list[ParseError] = []
    report = import_sources(tmp_path / "s", [str(source)], workers=0, on_error=errors.append)
    assert report.failed == 1 and report.added == 4
    assert str(errors[0]) == f"{source}, row 3: cannot parse (IndexError: boom)"


def test_a_parse_error_survives_pickling_with_source_reason_and_location() -> None:
    error = ParseError("cables.csv", "expected 8 columns, found 5", "row 17")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is ParseError
    assert (copy.source, copy.reason, copy.location) == ("cables.csv", error.reason, "row 17")
    assert str(copy) == "cables.csv, row 17: expected 8 columns, found 5"
    assert pickle.loads(pickle.dumps(ParseError("a.html", "empty"))).location is None


def test_cables_that_fail_in_the_parsing_workers_are_reported_with_their_row(
    tmp_path: Path,
) -> None:
    source = make_csv(tmp_path / "c.csv", 40)
    # Row 3's date no longer parses: the worker (not the reader) finds the error.
    text = re.sub(r'^"3","[^"]*"', '"3","not a date"', source.read_text(), count=1, flags=re.M)
    source.write_text(text)
    errors: list[ParseError] = []
    report = import_sources(tmp_path / "s", [str(source)], workers=2, on_error=errors.append)
    assert report.failed == 1 and report.added + report.duplicates == 39
    assert [(e.source, e.location) for e in errors] == [(str(source), "row 3")]
    assert "not a date" in errors[0].reason
