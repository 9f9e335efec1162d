"""Bookmarks and notes: the note editor (``A``) and the list of every entry (``'``).

The list shows each entry newest first with its link, the cable's date and subject, and the
first line of its note; ``enter`` opens the place, ``A`` edits the note, ``d`` deletes the
entry. Cable text and notes are shown as text, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from cables.links import format_cable_link
from cables.sanitize import clean_text
from store.notes import Note

if TYPE_CHECKING:
    from tui.app import CablesApp

__all__ = ["NoteEditor", "NotesScreen"]


class NoteEditor(ModalScreen[str | None]):
    """Edit the note of one place; dismisses with the text (``ctrl+s``) or None (escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="note.save"),
        Binding("escape", "dismiss_none", "Cancel", id="note.cancel"),
    ]

    DEFAULT_CSS = """
    NoteEditor {
        align: center middle;
        background: $background 60%;
        #note-body {
            width: 72;
            max-width: 100%;
            height: 14;
            max-height: 100%;
            border: round $accent;
            background: $surface;
        }
        TextArea { height: 1fr; border: none; }
        #note-help { color: $text-muted; height: 1; }
    }
    """

    def __init__(self, link: str, text: str, *, persistent: bool) -> None:
        super().__init__()
        self._link = link
        self._text = text
        self._persistent = persistent

    def compose(self) -> ComposeResult:
        """A text area and a line saying how to save."""
        with Vertical(id="note-body") as body:
            body.border_title = f"Note on {clean_text(self._link)}"
            yield TextArea(self._text, id="note-text", soft_wrap=True)
            where = "" if self._persistent else " (not saved: kept until you quit)"
            yield Static(
                Content(f"ctrl+s saves, escape cancels; empty removes the note{where}"),
                id="note-help",
            )

    def on_mount(self) -> None:
        """Focus the text, cursor at its end."""
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        """Keep the note."""
        self.dismiss(self.query_one(TextArea).text)

    def action_dismiss_none(self) -> None:
        """Leave the note as it was."""
        self.dismiss(None)


def _entry_line(note: Note, date: str | None, subject: str | None) -> Content:
    mark = "★" if note.bookmarked else " "
    link = clean_text(format_cable_link(note.cable_id, note.paragraph))
    subject_text = " ".join(clean_text(subject or "(not in this store)").split())
    head = Content.assemble(
        (f"{mark} ", "bold $accent"),
        (f"{link:<22} ", "bold"),
        (f"{(date or '')[:10]:<10}  ", "dim"),
        subject_text,
    )
    if not note.text:
        return head
    first = " ".join(clean_text(note.text).split("\n", 1)[0].split())
    return Content("\n").join([head, Content.assemble(("    ✎ ", "dim"), first)])


class NotesScreen(Screen[None], inherit_bindings=False):
    """Every bookmark and note of the store, newest first, each one key from its place."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,apostrophe", "close", "Back", id="notes.close"),
        Binding("enter", "open", "Open", id="notes.open"),
        Binding("A", "edit", "Edit note", id="notes.edit"),
        Binding("d,delete", "delete", "Delete", id="notes.delete"),
        Binding("j", "cursor('down')", "Down", show=False, id="notes.down"),
        Binding("k", "cursor('up')", "Up", show=False, id="notes.up"),
    ]

    DEFAULT_CSS = """
    NotesScreen {
        #notes-title { height: 1; padding: 0 1; background: $panel; }
        OptionList { height: 1fr; border: none; &:focus { border: none; } }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._entries: list[Note] = []

    @property
    def cables_app(self) -> CablesApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        """Title line, the entries, footer."""
        yield Static(id="notes-title")
        yield OptionList(id="notes-list")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the list."""
        self.refresh_entries()
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        """Entries may have changed while another screen was on top."""
        self.refresh_entries()

    def refresh_entries(self) -> None:
        """Read the book again and redraw the list, keeping the highlighted position."""
        book = self.cables_app.notes
        store = self.cables_app.store
        options = self.query_one(OptionList)
        keep = options.highlighted
        self._entries = book.entries()
        options.clear_options()
        for note in self._entries:
            cable = store.get_cable(note.cable_id) if note.cable_id in store else None
            line = _entry_line(note, cable.created if cable else None, cable and cable.subject)
            options.add_option(Option(line))
        if self._entries:
            options.highlighted = min(keep or 0, len(self._entries) - 1)
        count = len(self._entries)
        saved = "" if book.persistent else " · not saved: kept in memory until you quit"
        title = f"Bookmarks and notes · {count} entr{'y' if count == 1 else 'ies'}{saved}"
        if not count:
            title += " · B bookmarks what is on screen, A writes a note"
        self.query_one("#notes-title", Static).update(Content(title))

    def _current(self) -> Note | None:
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self._entries):
            return None
        return self._entries[index]

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        """Open the highlighted place in the reader."""
        note = self._current()
        if note is not None:
            self.app.pop_screen()
            self.cables_app.open_cable(note.cable_id, note.paragraph)

    def action_edit(self) -> None:
        """Edit the highlighted entry's note."""
        note = self._current()
        if note is not None:
            self.cables_app.edit_note(note.cable_id, note.paragraph)

    def action_delete(self) -> None:
        """Delete the highlighted entry (bookmark and note)."""
        note = self._current()
        if note is not None:
            self.cables_app.notes.remove(note.cable_id, note.paragraph)
            self.refresh_entries()

    def action_cursor(self, direction: str) -> None:
        """Move the highlight (j / k)."""
        options = self.query_one(OptionList)
        if direction == "down":
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_close(self) -> None:
        """Back to the screen below."""
        self.app.pop_screen()
