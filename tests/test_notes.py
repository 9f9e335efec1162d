"""The user's bookmarks and notes: kept in their own file, atomically, across sessions and
imports; in memory only when read-only without a notes file of the user's own."""

from __future__ import annotations

import json
from pathlib import Path

from store.layout import NOTES
from store.notes import NotesBook
from tests.store_support import build_store, make_cable, run_cli


def test_a_bookmark_and_a_note_survive_closing_the_book(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s", [make_cable(1), make_cable(2)])
    book = NotesBook.for_store(store, read_only=False)
    assert book.toggle_bookmark("08TEST1") is True
    book.set_note("08TEST2", 2, "ask about the second paragraph")
    again = NotesBook.for_store(store, read_only=False)
    assert again.get("08TEST1") is not None and again.get("08TEST1").bookmarked
    note = again.get("08TEST2", 2)
    assert note is not None and note.text == "ask about the second paragraph"
    assert not note.bookmarked


def test_entries_are_listed_newest_first_and_vanish_when_empty(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s", [make_cable(1)])
    book = NotesBook.for_store(store, read_only=False)
    book.toggle_bookmark("08TEST1", 1)
    book.toggle_bookmark("08TEST1", 2)
    book.set_note("08TEST1", None, "whole cable")
    assert [n.place for n in book.entries()] == [
        ("08TEST1", None),
        ("08TEST1", 2),
        ("08TEST1", 1),
    ]
    assert book.toggle_bookmark("08TEST1", 2) is False
    book.set_note("08TEST1", None, "   ")
    assert [n.place for n in NotesBook.for_store(store, read_only=False)] == [("08TEST1", 1)]


def test_two_browsers_of_one_user_keep_each_others_changes(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s", [make_cable(1), make_cable(2)])
    first = NotesBook.for_store(store, read_only=False)
    second = NotesBook.for_store(store, read_only=False)
    first.toggle_bookmark("08TEST1")
    second.toggle_bookmark("08TEST2")
    places = {n.place for n in NotesBook.for_store(store, read_only=False)}
    assert places == {("08TEST1", None), ("08TEST2", None)}


def test_read_only_keeps_notes_in_memory_when_the_store_has_no_notes_file(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s", [make_cable(1)])
    book = NotesBook.for_store(store, read_only=True)
    assert not book.persistent
    book.toggle_bookmark("08TEST1")
    assert book.get("08TEST1") is not None
    assert not (store / NOTES).exists()


def test_read_only_writes_a_notes_file_the_user_owns(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s", [make_cable(1)])
    NotesBook.for_store(store, read_only=False).set_note("08TEST1", 1, "mine")
    book = NotesBook.for_store(store, read_only=True)
    assert book.persistent
    book.toggle_bookmark("08TEST1")
    assert NotesBook.for_store(store, read_only=False).get("08TEST1") is not None


def test_a_damaged_notes_file_is_reported_and_left_as_it_is(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s", [make_cable(1)])
    (store / NOTES).write_bytes(b'{"notes": {"1": {"cable_id": ')
    book = NotesBook.for_store(store, read_only=False)
    assert book.problem is not None and "notes file" in book.problem
    book.toggle_bookmark("08TEST1")
    assert (store / NOTES).read_bytes() == b'{"notes": {"1": {"cable_id": '


def test_an_import_never_touches_the_notes(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s", [make_cable(1)])
    NotesBook.for_store(store, read_only=False).set_note("08TEST1", None, "keep me")
    before = (store / NOTES).read_bytes()
    source = tmp_path / "more.jsonl"
    result = run_cli("parse", "tests/corpus/blog/08ASTANA611.txt", "--json")
    source.write_text(result.stdout)
    assert run_cli("import", "--store", str(store), str(source)).returncode == 0
    assert (store / NOTES).read_bytes() == before


def test_cables_notes_prints_json_lines_with_the_cables_date_and_subject(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s", [make_cable(1)])
    book = NotesBook.for_store(store, read_only=False)
    book.toggle_bookmark("08TEST1", 2)
    book.set_note("08NOWHERE9", None, "a cable this store lacks")
    result = run_cli("notes", "--store", str(store), "--json")
    assert result.returncode == 0, result.stderr
    entries = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["link"] for e in entries] == ["08NOWHERE9", "08TEST1¶2"]
    assert entries[1]["bookmarked"] and entries[1]["subject"] == "SUBJECT OF CABLE 1"
    assert entries[1]["cable_created"] == make_cable(1).created
    assert entries[0]["subject"] is None and entries[0]["note"] == "a cable this store lacks"


def test_cables_notes_says_plainly_when_there_are_none(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s", [make_cable(1)])
    result = run_cli("notes", "--store", str(store))
    assert result.returncode == 1
    assert result.stdout.startswith("cables: no bookmarks or notes yet")
    assert "Traceback" not in result.stderr
