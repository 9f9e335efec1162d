"""The Cables browser: a Textual app over a store, built by :func:`create_app`.

The app holds the store and, once loaded, its catalog; the screens do the work (the list in
:mod:`tui.screens.main`, the reader in :mod:`tui.screens.reader`). Tests build the app the
same way the ``cables browse`` command does, with :func:`create_app`, or hand
:class:`CablesApp` any object with the store's API.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from cables.links import format_cable_link, parse_cable_link
from store.catalog import Catalog
from store.entity_lookup import EntityIndex
from store.notes import NotesBook
from tui.keymap import Keymap
from tui.presentation.catalog_order import SortKey
from tui.presentation.history import Visit, VisitLog
from tui.screens.common import ScreenKeys
from tui.screens.entity_page import EntityPage
from tui.screens.facet_picker import FacetPicker
from tui.screens.go_to import GoToScreen
from tui.screens.help import HelpScreen, KeySection
from tui.screens.history import HistoryScreen
from tui.screens.lookup import LookupScreen
from tui.screens.main import MainScreen
from tui.screens.notes import NoteEditor, NotesScreen
from tui.screens.palette import CablesCommands
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.screens.store_api import BrowsableStore
from tui.widgets.cable_list import CableList
from tui.widgets.link_list import LinkList
from tui.widgets.paragraph_view import ParagraphView
from tui.widgets.prompt_bar import PromptBar
from tui.widgets.safe_text import one_line

__all__ = ["CablesApp", "create_app"]


class CablesApp(App[int]):
    """The browser: the cable list, and a reader pushed over it for the chosen cable.

    ``start`` opens the reader at once on (cable id, paragraph or None). ``read_only`` keeps
    the app from writing anything or starting a process: the screenshot command is withdrawn,
    and suspending, saving files and opening a local web browser are refused. With
    ``exit_after_first_paint`` the app quits as soon as its first frame is drawn (to time
    start-up).
    """

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "Cables"
    COMMANDS: ClassVar = App.COMMANDS | {CablesCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Quit Cables", id="app.quit"),
        Binding("question_mark,f1", "help", "Help", tooltip="Show every key", id="app.help"),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            show=False,
            priority=True,
            id="app.command_palette",
        ),
        Binding("ctrl+q", "quit", "Quit now", show=False, priority=True, id="app.quit_now"),
        Binding("o", "go_to", "Go to", tooltip="Go to a cable by its id", id="app.go_to"),
        Binding(
            "f",
            "find_entity",
            "Find",
            tooltip="Find a person, place or group (or a cable) as you type",
            id="app.find_entity",
        ),
        Binding(
            "B",
            "bookmark",
            "Bookmark",
            show=False,
            tooltip="Bookmark the cable or paragraph on screen (again: remove it)",
            id="app.bookmark",
        ),
        Binding(
            "A",
            "note",
            "Note",
            show=False,
            tooltip="Write a note on the cable or paragraph on screen",
            id="app.note",
        ),
        Binding(
            "apostrophe",
            "notes",
            "Notes",
            show=False,
            tooltip="Every bookmark and note, newest first",
            id="app.notes",
        ),
        Binding(
            "H",
            "history",
            "History",
            show=False,
            tooltip="Every cable read in this session, newest first",
            id="app.history",
        ),
        Binding(
            "S",
            "search_all",
            "Search all",
            show=False,
            tooltip="Search the text of every cable",
            id="app.search",
        ),
    ]

    def __init__(
        self,
        store: BrowsableStore,
        *,
        start: tuple[str, int | None] | None = None,
        read_only: bool = False,
        exit_after_first_paint: bool = False,
        notice: str | None = None,
        notes: NotesBook | None = None,
        keymap: Keymap | None = None,
        find: str | None = None,
    ) -> None:
        super().__init__()
        self._find = find
        self._entity_index: EntityIndex | None = None
        self._entity_index_problem: str | None = None
        self.store = store
        self.notes = notes if notes is not None else NotesBook(None)
        self.keymap = keymap or Keymap()
        self.catalog: Catalog | None = None
        self.visits = VisitLog()
        #: Reading choices remembered across cables: the header panel hidden, sentence case.
        self.metadata_hidden = False
        self.sentence_case = False
        self.read_only = read_only
        self._start = start
        self._exit_after_first_paint = exit_after_first_paint
        self._notice = notice
        # No animations: scrolling jumps, nothing moves on its own (DESIGN: over SSH).
        self.animation_level = "none"

    def get_default_screen(self) -> Screen:
        """The cable list."""
        return MainScreen()

    def on_mount(self) -> None:
        """Apply the user's keymap; open the starting cable, if one was asked for."""
        if self.keymap.keys:
            self.set_keymap(self.keymap.keys)
        for problem in (self.keymap.problem_line(), self.notes.problem):
            if problem:
                self.notify(problem, severity="warning", timeout=10, markup=False)
        if self._start is not None:
            cable_id, paragraph = self._start
            self.push_screen(ReaderScreen(cable_id, paragraph))
        if self._notice:
            self.notify(self._notice, timeout=8, markup=False)
        if self._find is not None:
            self._open_best_match(self._find)

    def on_ready(self) -> None:
        """The first frame is on screen: quit now when timing start-up."""
        if self._exit_after_first_paint:
            self.exit(0)

    @property
    def main_screen(self) -> MainScreen:
        """The list screen (always at the bottom of the stack)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    # --- navigation used by screens and commands --------------------------------------

    def open_cable(self, cable_id: str, paragraph: int | None = None) -> None:
        """Read ``cable_id`` (at ``paragraph``): in the open reader, or a new one."""
        if isinstance(self.screen, ReaderScreen):
            self.screen.follow(cable_id, paragraph)
        else:
            self.push_screen(ReaderScreen(cable_id, paragraph))

    def close_reader(self, reader: ReaderScreen) -> None:
        """Back to the list from ``reader``."""
        if self.screen is reader:
            self.main_screen.focus_cable(reader.cable_id)
            self.pop_screen()

    def action_show_list(self) -> None:
        """Close every screen above the list."""
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def sort_list(self, key: SortKey) -> None:
        """Show the list sorted by ``key``."""
        self.action_show_list()
        self.main_screen.set_sort(key)

    def action_search_all(self) -> None:
        """Open full-text search (the same screen each time: its hits and history stay)."""
        if not self.is_screen_installed("search"):
            self.install_screen(SearchScreen(), name="search")
        search = self.get_screen("search")
        if search in self.screen_stack:
            while self.screen is not search:
                self.pop_screen()
        else:
            self.push_screen(search)
        assert isinstance(search, SearchScreen)
        if search.is_mounted:
            search.action_edit_query()

    def action_help(self) -> None:
        """Show the keys of every screen, the current screen's first."""
        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
            return
        current = next((t for t, owners in KEY_SECTIONS if type(self.screen) in owners), None)
        self.push_screen(HelpScreen(KEY_SECTIONS, self.keymap.keys, current))

    # --- people, places and groups ---------------------------------------------------

    def entity_index_now(self) -> EntityIndex | None:
        """The store's entity index, loaded on first use: blocks, so call it from a worker
        only. None when the store has none (or it cannot be read: said once)."""
        if self._entity_index is None and self._entity_index_problem is None:
            load = getattr(self.store, "entity_index", None)
            if load is None:
                self._entity_index_problem = "This store has no index of names."
                return None
            try:
                self._entity_index = load()
            except Exception as error:  # the store's errors are sentences for the user
                self._entity_index_problem = str(error)
                self.call_from_thread(
                    self.notify, str(error), severity="error", timeout=8, markup=False
                )
        return self._entity_index

    @property
    def entity_index_loaded(self) -> bool:
        """Whether the entity index is in memory (or known to be missing)."""
        return self._entity_index is not None or self._entity_index_problem is not None

    def action_find_entity(self, query: str = "") -> None:
        """Open the lookup (prefilled with ``query``)."""
        if isinstance(self.screen, LookupScreen):
            return
        self.push_screen(LookupScreen(query))

    def open_entity(self, entity_id: int) -> None:
        """Open the page of entity ``entity_id`` of the index (over the screen on top)."""
        if isinstance(self.screen, LookupScreen):
            self.pop_screen()
        self.push_screen(EntityPage(entity_id))

    def read_at_name(self, cable_id: str, paragraph: int | None, name: str | None) -> None:
        """Open a reader on ``cable_id`` at ``paragraph``, ``name`` highlighted in its text;
        back (or escape) returns to the screen below."""
        reader = ReaderScreen(cable_id, paragraph)
        if name:
            reader.highlight_on_load(name, paragraph)
        self.push_screen(reader)

    @work(thread=True, exclusive=True, group="find-at-start")
    def _open_best_match(self, query: str) -> None:
        index = self.entity_index_now()
        hits = index.find(query, limit=1) if index is not None and query.strip() else []
        if hits:
            self.call_from_thread(self.open_entity, hits[0].entity.id)
        else:
            self.call_from_thread(
                self.notify, f"No name matches {one_line(query)!r}.", timeout=8, markup=False
            )

    # --- go to, bookmarks, notes --------------------------------------------------------

    def action_go_to(self) -> None:
        """Ask for a cable id and open it (completing ids of the store as they are typed)."""
        catalog = self.catalog
        ids = catalog.sorted_ids() if catalog is not None else None

        def chosen(place: tuple[str, int | None] | None) -> None:
            if place is not None:
                self.open_cable(*place)

        self.push_screen(GoToScreen(ids, self.store), chosen)

    def place_on_screen(self) -> tuple[str, int | None] | None:
        """The cable (and paragraph) the user looks at: the reader's current paragraph, or
        the cable under the list's cursor; None when there is none."""
        screen = self.screen
        if isinstance(screen, ReaderScreen):
            return screen.place_on_screen()
        if isinstance(screen, MainScreen):
            cable_id = screen.query_one(CableList).highlighted_id
            return (cable_id, None) if cable_id else None
        return None

    def action_bookmark(self) -> None:
        """Bookmark what is on screen, or remove its bookmark."""
        place = self.place_on_screen()
        if place is None:
            self.notify("Nothing to bookmark here.", timeout=2, markup=False)
            return
        marked = self.notes.toggle_bookmark(*place)
        link = format_cable_link(*place)
        self.notify(f"Bookmarked {link}" if marked else f"Bookmark on {link} removed", timeout=2)

    def action_note(self) -> None:
        """Write or edit the note on what is on screen."""
        place = self.place_on_screen()
        if place is None:
            self.notify("Nothing to write a note on here.", timeout=2, markup=False)
            return
        self.edit_note(*place)

    def edit_note(self, cable_id: str, paragraph: int | None) -> None:
        """Open the note editor on this place; saving keeps the note."""
        entry = self.notes.get(cable_id, paragraph)
        link = format_cable_link(cable_id, paragraph)

        def saved(text: str | None) -> None:
            if text is None:
                return
            self.notes.set_note(cable_id, paragraph, text)
            self.notify(f"Note on {link} {'saved' if text.strip() else 'removed'}", timeout=2)
            if isinstance(self.screen, NotesScreen):
                self.screen.refresh_entries()

        editor = NoteEditor(link, entry.text if entry else "", persistent=self.notes.persistent)
        self.push_screen(editor, saved)

    def action_notes(self) -> None:
        """Show every bookmark and note."""
        if isinstance(self.screen, NotesScreen):
            self.pop_screen()
            return
        self.push_screen(NotesScreen())

    def action_history(self) -> None:
        """List the cables read in this session, newest first; enter opens one."""
        if isinstance(self.screen, HistoryScreen):
            self.pop_screen()
            return
        catalog = self.catalog
        visits = self.visits.newest_first()
        subjects: dict[str, str] = {}
        if catalog is not None:
            subject_column = catalog.column("subject")
            for visit in visits:
                position = catalog.index_of(visit.cable_id)
                if position is not None and subject_column[position]:
                    subjects[visit.cable_id] = subject_column[position]

        def chosen(visit: Visit | None) -> None:
            if visit is not None:
                self.open_cable(visit.cable_id, visit.paragraph)

        self.push_screen(HistoryScreen(visits, subjects), chosen)

    def action_back(self) -> None:
        """Back in the reader's history (from the palette)."""
        if isinstance(self.screen, ReaderScreen):
            self.screen.action_back()

    def action_forward(self) -> None:
        """Forward in the reader's history (from the palette)."""
        if isinstance(self.screen, ReaderScreen):
            self.screen.action_forward()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands, without the screenshot (it writes a file) when read-only."""
        yield SystemCommand(
            "Search all cables", "Search the text of every cable", self.action_search_all
        )
        for command in super().get_system_commands(screen):
            if self.read_only and command.title == "Screenshot":
                continue
            yield command

    # --- read-only: what a ForceCommand session must not do ------------------------------

    def _refuse(self, what: str) -> bool:
        """True (after saying so) when read-only forbids ``what``."""
        if self.read_only:
            self.notify(f"Read-only: {what} is not allowed here.", timeout=3, markup=False)
        return self.read_only

    def action_suspend_process(self) -> None:
        """Suspend to the shell (ctrl+z in a terminal), except read-only: no shell over SSH."""
        if not self._refuse("suspending"):
            super().action_suspend_process()

    def save_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str:
        """Write an SVG screenshot; read-only writes nothing and returns ""."""
        if self._refuse("saving a screenshot"):
            return ""
        return super().save_screenshot(filename, path, time_format)

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """Save or send a screenshot; read-only does neither."""
        if self._refuse("saving a screenshot"):
            return None
        return super().deliver_screenshot(filename, path, time_format)

    def deliver_text(self, *args: Any, **kwargs: Any) -> str | None:
        """Save or send a text file; read-only does neither (in a terminal it writes a file)."""
        if self._refuse("saving a file"):
            return None
        return super().deliver_text(*args, **kwargs)

    def deliver_binary(self, *args: Any, **kwargs: Any) -> str | None:
        """Save or send a file; read-only does neither (in a terminal it writes a file)."""
        if self._refuse("saving a file"):
            return None
        return super().deliver_binary(*args, **kwargs)

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """Open a web page; read-only in a terminal would start a browser on the server."""
        if not self.is_web and self._refuse("opening a web browser"):
            return
        super().open_url(url, new_tab=new_tab)


#: The help screen's sections: every screen of the browser and the widgets whose keys work there.
KEY_SECTIONS: list[KeySection] = [
    ("Everywhere", (CablesApp, ScreenKeys)),
    ("Cable list", (MainScreen, CableList)),
    ("Reader", (ReaderScreen, ParagraphView, LinkList)),
    ("Bookmarks and notes", (NotesScreen,)),
    ("Note editor", (NoteEditor,)),
    ("Go to", (GoToScreen,)),
    ("History", (HistoryScreen,)),
    ("Facet picker", (FacetPicker,)),
    ("Search all cables", (SearchScreen,)),
    ("Find a name", (LookupScreen,)),
    ("A name's page", (EntityPage,)),
    ("Prompts", (PromptBar,)),
    ("Help", (HelpScreen,)),
]


def binding_ids() -> set[str]:
    """The id of every binding of the browser (what a keymap may name)."""
    return {
        binding.id
        for _title, owners in KEY_SECTIONS
        for owner in owners
        for binding in getattr(owner, "BINDINGS", ())
        if isinstance(binding, Binding) and binding.id
    }


def create_app(
    store_dir: Path,
    *,
    start_ref: str | None = None,
    read_only: bool = False,
    exit_after_first_paint: bool = False,
    notice: str | None = None,
    find: str | None = None,
) -> CablesApp:
    """The browser on the store in ``store_dir``, opened at ``start_ref`` (``08ASTANA611¶5``).

    Raises ``store.errors.StoreError`` when the store cannot be opened and ValueError when
    ``start_ref`` names no cable; both messages are sentences for the user. ``find`` opens
    the page of the name that best matches it.
    """
    from store.store import CableStore  # the store's module, only when a browser opens
    from tui.keymap import load_keymap

    start = parse_cable_link(start_ref) if start_ref else None
    store = CableStore.open(store_dir, read_only=read_only)
    return CablesApp(
        store,
        start=start,
        read_only=read_only,
        exit_after_first_paint=exit_after_first_paint,
        notice=notice,
        notes=NotesBook.for_store(store_dir, read_only=read_only),
        keymap=load_keymap(binding_ids()),
        find=find,
    )
