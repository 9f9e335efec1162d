"""Getting around and keeping notes in the browser: go to a cable by any spelling of its id,
bookmarks and notes from any screen, the user's keymap, and help for every screen."""

from __future__ import annotations

from pathlib import Path

from store.notes import NotesBook
from tests.test_tui_app import screen_text, wait_for_cable, wait_for_catalog
from tests.tui_fakes import FakeStore, sample_cables
from tui.app import CablesApp, binding_ids
from tui.keymap import load_keymap
from tui.screens.go_to import GoToScreen, complete_ids
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.notes import NoteEditor, NotesScreen
from tui.screens.reader import ReaderScreen


def test_completion_offers_ids_that_start_with_any_spelling_typed() -> None:
    ids = sorted(["08ASTANA611", "08ASTANA612", "08ASTANA900", "07TASHKENT877"])
    assert complete_ids(ids, "08 astana 61") == ["08ASTANA611", "08ASTANA612"]
    assert complete_ids(ids, "08astana9#par2") == ["08ASTANA900"]
    assert complete_ids(ids, "09") == []
    assert complete_ids(ids, "   ") == []


async def test_go_to_opens_any_spelling_of_an_id_at_its_paragraph() -> None:
    app = CablesApp(FakeStore(sample_cables()))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_catalog(pilot)
        await pilot.press("o")
        assert isinstance(app.screen, GoToScreen)
        await pilot.press(*"08 astana 611#par5", "enter")
        view = await wait_for_cable(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert view.cable is not None and view.cable.id == "08ASTANA611"
        assert "¶5" in screen_text(pilot)


async def test_go_to_says_plainly_when_the_store_has_no_such_cable() -> None:
    app = CablesApp(FakeStore(sample_cables()))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_catalog(pilot)
        await pilot.press("o", *"99nowhere1#par2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GoToScreen)
        assert "There is no cable 99NOWHERE1¶2 in this store." in screen_text(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_go_to_completes_ids_as_they_are_typed() -> None:
    app = CablesApp(FakeStore(sample_cables()))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_catalog(pilot)
        await pilot.press("o", *"08 astana")
        await pilot.pause(0.2)
        text = screen_text(pilot)
        assert "08ASTANA611" in text and "08ASTANA900" in text
        await pilot.press("down", "down", "enter")
        view = await wait_for_cable(pilot)
        assert view.cable is not None and view.cable.id == "08ASTANA900"


async def test_bookmarks_and_notes_from_list_and_reader_are_one_key_from_their_place(
    tmp_path: Path,
) -> None:
    book = NotesBook(tmp_path / "notes.json")
    app = CablesApp(FakeStore(sample_cables()), notes=book)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_catalog(pilot)
        await pilot.press("B")  # the cable under the cursor: the first by date
        first = app.main_screen.query_one("CableList").highlighted_id
        assert book.get(first) is not None and book.get(first).bookmarked
        await pilot.press("o", *"08ASTANA611#5", "enter")
        await wait_for_cable(pilot)
        await pilot.press("A")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"ask Narymbetov", "ctrl+s")
        await pilot.pause()
        note = book.get("08ASTANA611", 5)
        assert note is not None and note.text == "ask Narymbetov"
        await pilot.press("apostrophe")
        assert isinstance(app.screen, NotesScreen)
        text = screen_text(pilot)
        assert text.index("08ASTANA611¶5") < text.index(first)  # newest first
        assert "ask Narymbetov" in text and "SOUTH KAZAKHSTAN" in text
        await pilot.press("down", "enter")
        view = await wait_for_cable(pilot)
        assert view.cable is not None and view.cable.id == first
    assert [n.place for n in NotesBook(tmp_path / "notes.json")] == [
        ("08ASTANA611", 5),
        (first, None),
    ]


async def test_a_second_bookmark_key_removes_the_bookmark() -> None:
    book = NotesBook(None)
    app = CablesApp(FakeStore(sample_cables()), notes=book, start=("08ASTANA611", 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_catalog(pilot)
        await wait_for_cable(pilot)
        await pilot.press("B")
        assert book.get("08ASTANA611", 3) is not None
        await pilot.press("B")
        assert book.get("08ASTANA611", 3) is None


def test_a_keymap_file_remaps_bindings_by_id_and_names_every_bad_entry(tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text(
        '[keys]\n"reader.copy_link" = "c"\n"app.go_to" = "ctrl+g, o"\n'
        '"no.such.binding" = "x"\n"app.help" = 3\n'
    )
    keymap = load_keymap(binding_ids(), path)
    assert keymap.keys == {"reader.copy_link": "c", "app.go_to": "ctrl+g,o"}
    line = keymap.problem_line()
    assert line is not None and "\n" not in line
    assert "'no.such.binding'" in line and "app.help" in line


def test_a_keymap_that_is_not_toml_is_one_line_and_no_keymap(tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text("[keys\n\x1b]0;pwned\x07")
    keymap = load_keymap(binding_ids(), path)
    assert keymap.keys == {}
    line = keymap.problem_line()
    assert line is not None and "not valid TOML" in line and "\x1b" not in line
    assert load_keymap(binding_ids(), tmp_path / "missing.toml").problem_line() is None


async def test_the_app_opens_with_a_bad_keymap_and_applies_the_good_entries(
    tmp_path: Path,
) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\n"reader.copy_link" = "c"\n"bad.id" = "x"\n')
    app = CablesApp(
        FakeStore(sample_cables()),
        start=("08ASTANA611", 5),
        keymap=load_keymap(binding_ids(), path),
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_catalog(pilot)
        await wait_for_cable(pilot)
        assert any("bad.id" in str(n.message) for n in app._notifications)
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == "08ASTANA611¶5"


async def test_help_lists_the_keys_of_every_screen_grouped_by_screen() -> None:
    app = CablesApp(FakeStore(sample_cables()))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_catalog(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        text = ""
        for _ in range(12):
            text += screen_text(pilot)
            body.scroll_page_down(animate=False)
            await pilot.pause()
        for section in ("Cable list", "Everywhere", "Reader", "Bookmarks and notes", "Go to"):
            assert section in text
        assert text.index("Cable list") < text.index("Everywhere") < text.index("Reader")
        assert "reader.copy_link" in text and "notes.open" in text and "go_to.cancel" in text


async def test_the_palette_offers_each_action_under_its_plain_name() -> None:
    book = NotesBook(None)
    app = CablesApp(FakeStore(sample_cables()), notes=book, start=("08ASTANA611", 2))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_catalog(pilot)
        await wait_for_cable(pilot)
        await pilot.press("ctrl+p", *"bookmark")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert book.get("08ASTANA611", 2) is not None
        await pilot.press("ctrl+p", *"go to a cable")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GoToScreen)
