"""The reader: one cable's header beside its numbered paragraphs, with links and history.

On a wide terminal the metadata panel stands at the left; below 100 columns it goes above the
text in a compact form, and ``m`` hides it. ``enter`` on a link follows it; ``backspace`` or
``alt+left`` goes back to the cable before; ``escape`` returns to the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input
from textual.worker import get_current_worker

from cables.model import Cable
from tui.presentation.reading_position import ReadingPlace, ReadingPosition
from tui.screens.common import SCREEN_BINDINGS
from tui.screens.reader_commands import ReaderCommands
from tui.widgets.entities_pane import EntitiesPane
from tui.widgets.link_list import LinkList
from tui.widgets.metadata_panel import MetadataPanel
from tui.widgets.paragraph_view import ParagraphView
from tui.widgets.prompt_bar import PromptBar
from tui.widgets.safe_text import clean, one_line
from tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from tui.app import CablesApp

__all__ = ["ReaderScreen"]

NARROW = 100  # below this many columns the metadata goes above the text
SHORT = 18  # below this many rows the metadata above the text keeps to a few lines
#: With the names pane open beside the text below this many columns, the metadata panel and
#: the pane keep to 30 columns each (the class ``-crowded``), so that the text keeps about 60
#: (at 120 columns it had 44: the panel's 40 and the pane's 34 beside it).
CROWDED = 140


@dataclass(frozen=True, slots=True)
class _Visit:
    """A cable read before, and the place in it to come back to (None if it had not loaded)."""

    cable_id: str
    place: ReadingPlace | None


class ReaderScreen(Screen[None], inherit_bindings=False):
    """One cable at a time; following links keeps a history to go back through."""

    COMMANDS: ClassVar = {ReaderCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        *SCREEN_BINDINGS,
        Binding("escape", "close", "List", tooltip="Back to the list of cables", id="reader.close"),
        Binding(
            "backspace,alt+left",
            "back",
            "Back",
            tooltip="Back to the cable read before (or to the list)",
            id="reader.back",
        ),
        Binding(
            "alt+right",
            "forward",
            "Forward",
            show=False,
            tooltip="Forward to the cable left with back",
            id="reader.forward",
        ),
        Binding(
            "J",
            "next_cable",
            "Next cable",
            show=False,
            tooltip="The next cable in the list's order",
            id="reader.next_cable",
        ),
        Binding(
            "K",
            "previous_cable",
            "Previous cable",
            show=False,
            tooltip="The previous cable in the list's order",
            id="reader.previous_cable",
        ),
        Binding(
            "greater_than_sign",
            "next_same_origin",
            "Next from origin",
            show=False,
            tooltip="The next cable (by date) from the same origin",
            id="reader.next_same_origin",
        ),
        Binding(
            "less_than_sign",
            "previous_same_origin",
            "Previous from origin",
            show=False,
            tooltip="The previous cable (by date) from the same origin",
            id="reader.previous_same_origin",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            tooltip="Search this cable's text",
            priority=True,  # so that keys typed right after it reach the prompt
            id="reader.search",
        ),
        Binding(
            "enter",
            "follow",
            "Follow",
            show=False,
            tooltip="Follow the cable's only link, or choose among its links",
            id="reader.follow",
        ),
        Binding(
            "l",
            "links",
            "Links",
            tooltip="Go to the links (cites, cited by) and back",
            id="reader.links",
        ),
        Binding(
            "m",
            "toggle_metadata",
            "Header",
            show=False,
            tooltip="Show or hide the header panel",
            id="reader.toggle_metadata",
        ),
        Binding(
            "e",
            "toggle_entities",
            "Names",
            tooltip="Show or hide the cable's people, places and groups",
            id="reader.toggle_entities",
        ),
        Binding(
            "E",
            "toggle_name_marks",
            "Mark names",
            show=False,
            tooltip="Mark the cable's people, places and groups in the text (off at first)",
            id="reader.toggle_name_marks",
        ),
        Binding(
            "F",
            "find_paragraph_names",
            "Find ¶ name",
            show=False,
            tooltip="Look up the names of the current paragraph",
            id="reader.find_paragraph_names",
        ),
        Binding(
            "c",
            "sentence_case",
            "Sentence case",
            show=False,
            tooltip="Show an all-capitals cable in sentence case (display only), or as written",
            id="reader.sentence_case",
        ),
        Binding(
            "y",
            "copy_link",
            "Copy link",
            tooltip="Copy the link to the highlighted paragraph (08ASTANA611¶5)",
            id="reader.copy_link",
        ),
        Binding(
            "Y",
            "copy_paragraph",
            "Copy ¶",
            show=False,
            tooltip="Copy the highlighted paragraph's text with its link",
            id="reader.copy_paragraph",
        ),
    ]

    DEFAULT_CSS = """
    ReaderScreen {
        #reader-body { layout: horizontal; height: 1fr; }
        &.-narrow #reader-body { layout: vertical; }
        &.-narrow MetadataPanel {
            width: 1fr;
            height: auto;
            max-height: 33%;
            border-bottom: solid $panel-lighten-2;
        }
        &.-narrow.-short MetadataPanel { max-height: 4; }
        &.-no-metadata MetadataPanel { display: none; }
        EntitiesPane { width: 34; height: 1fr; border-left: solid $panel-lighten-2; }
        &.-crowded MetadataPanel { width: 30; }
        &.-crowded EntitiesPane { width: 30; }
        &.-narrow EntitiesPane {
            width: 1fr; height: auto; max-height: 7; border-left: none;
            border-top: solid $panel-lighten-2;
        }
    }
    """

    class Loaded(Message):
        """A cable has been read from the store (sent by the loading worker)."""

        def __init__(
            self,
            request: int,
            cable_id: str,
            cable: Cable | None,
            cited_by: list[str],
            error: str | None = None,
            present: frozenset[str] = frozenset(),
        ) -> None:
            super().__init__()
            self.request = request
            self.cable_id = cable_id
            self.cable = cable
            self.cited_by = cited_by
            self.error = error
            self.present = present

    def __init__(self, cable_id: str, paragraph: int | None = None) -> None:
        super().__init__()
        self.cable_id = cable_id
        self._start_paragraph = paragraph
        self._history: list[_Visit] = []
        self._forward: list[_Visit] = []
        self._request = 0
        self._pending: tuple[int | None, ReadingPlace | None] = (paragraph, None)

    @property
    def cables_app(self) -> CablesApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        """Metadata panel and paragraphs, search prompt, status line, footer."""
        with Container(id="reader-body"):
            yield MetadataPanel(id="metadata")
            yield ParagraphView(id="paragraphs")
        yield PromptBar(id="search")
        yield StatusLine(id="reader-status")
        yield Footer()

    def on_mount(self) -> None:
        """Load the first cable."""
        self._apply_size(self.app.size.width, self.app.size.height)
        self._apply_reading_choices()
        self.query_one(ParagraphView).focus()
        self.open(self.cable_id, self._start_paragraph)

    def _apply_reading_choices(self) -> None:
        """The header panel shown or hidden and the case of capitals as last chosen."""
        self.set_class(self.cables_app.metadata_hidden, "-no-metadata")
        self.query_one(ParagraphView).sentence_case = self.cables_app.sentence_case

    def on_resize(self, event: events.Resize) -> None:
        """Move the metadata above the text on narrow terminals (and shrink it on short ones)."""
        self._apply_size(event.size.width, event.size.height)

    def _apply_size(self, width: int, height: int) -> None:
        narrow = width < NARROW
        self.set_class(narrow, "-narrow")
        self.set_class(height < SHORT, "-short")
        self.query_one(MetadataPanel).compact = narrow
        panes = self.query(EntitiesPane)
        names_beside = bool(panes) and panes.first().display and not narrow
        self.set_class(names_beside and width < CROWDED, "-crowded")

    # --- loading ------------------------------------------------------------------------

    def open(
        self, cable_id: str, paragraph: int | None = None, *, place: ReadingPlace | None = None
    ) -> None:
        """Show ``cable_id`` from the top, at ``paragraph`` (made current), or at ``place``."""
        self.cable_id = cable_id
        self._request += 1
        self._pending = (paragraph, place)
        self.query_one(ParagraphView).show_note(f"Loading {one_line(cable_id)}…")
        self.query_one(MetadataPanel).show_cable(None, title=cable_id)
        self.query_one(StatusLine).busy = "Loading…"
        self.sub_title = cable_id
        self.cables_app.visits.add(cable_id, paragraph)
        self._load(self._request, cable_id)

    @work(thread=True, exclusive=True, group="reader")
    def _load(self, request: int, cable_id: str) -> None:
        store = self.cables_app.store
        try:
            cable = store.get_cable(cable_id)
            cited_by = store.references_to(cable_id) if cable is not None else []
            # Which links lead somewhere: asked of the store, so it holds before the
            # catalog has finished loading.
            links = (*cable.references, *cited_by) if cable is not None else ()
            present = frozenset(link for link in links if link in store)
        except Exception as error:  # the store's errors are sentences for the user
            self.post_message(self.Loaded(request, cable_id, None, [], str(error)))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(request, cable_id, cable, cited_by, present=present))

    def on_reader_screen_loaded(self, message: Loaded) -> None:
        """Show the cable that arrived (if it is still the one wanted)."""
        if message.request != self._request:
            return
        view = self.query_one(ParagraphView)
        panel = self.query_one(MetadataPanel)
        self.query_one(StatusLine).busy = ""
        if message.cable is None:
            reason = message.error or f"No cable {message.cable_id} in this store."
            view.show_note(reason)
            self.notify(reason, severity="warning", markup=False)
            return
        paragraph, place = self._pending
        view.show_cable(message.cable, paragraph=paragraph, place=place)
        if paragraph is not None and message.cable.paragraph(paragraph) is None:
            self.notify(
                f"{message.cable_id} has no paragraph {paragraph}.",
                severity="warning",
                markup=False,
            )
        panel.show_cable(message.cable)
        panel.show_links(message.cited_by, set(message.present))

    # --- status ------------------------------------------------------------------------

    @on(ParagraphView.Moved)
    def _moved(self, message: ParagraphView.Moved) -> None:
        status = message.position.status()
        self.query_one(StatusLine).info = status or one_line(self.cable_id)

    # --- navigation ---------------------------------------------------------------------

    def _here(self) -> _Visit:
        return _Visit(self.cable_id, self.query_one(ParagraphView).place())

    def follow(self, cable_id: str, paragraph: int | None = None) -> None:
        """Open ``cable_id`` and remember the present cable to come back to."""
        self._history.append(self._here())
        self._forward.clear()
        self.open(cable_id, paragraph)
        self.query_one(ParagraphView).focus()

    @on(LinkList.Followed)
    def _followed(self, message: LinkList.Followed) -> None:
        self.follow(message.cable_id)

    def action_back(self) -> None:
        """Go back to the cable before, or to the list when there is none."""
        if not self._history:
            self.action_close()
            return
        place = self._history.pop()
        self._forward.append(self._here())
        self.open(place.cable_id, place=place.place)
        self.query_one(ParagraphView).focus()

    def action_forward(self) -> None:
        """Go forward again to the cable left with back (history, like a web browser)."""
        if not self._forward:
            self.notify("Nothing to go forward to.", timeout=2, markup=False)
            return
        place = self._forward.pop()
        self._history.append(self._here())
        self.open(place.cable_id, place=place.place)
        self.query_one(ParagraphView).focus()

    def _step_to(self, cable_id: str | None, what: str) -> None:
        """Open the neighbour ``cable_id`` (the list's cursor follows), or say there is none."""
        if cable_id is None:
            self.notify(f"No {what}.", timeout=2, markup=False)
            return
        self.cables_app.main_screen.focus_cable(cable_id)
        self.follow(cable_id)

    def action_next_cable(self) -> None:
        """The next cable in the list's order (its sort and filters)."""
        found = self.cables_app.main_screen.neighbour(self.cable_id, 1)
        self._step_to(found, "next cable in the list")

    def action_previous_cable(self) -> None:
        """The previous cable in the list's order (its sort and filters)."""
        found = self.cables_app.main_screen.neighbour(self.cable_id, -1)
        self._step_to(found, "previous cable in the list")

    def action_next_same_origin(self) -> None:
        """The next cable, by date, from the same origin."""
        found = self.cables_app.main_screen.same_origin_neighbour(self.cable_id, 1)
        self._step_to(found, "later cable from this origin")

    def action_previous_same_origin(self) -> None:
        """The previous cable, by date, from the same origin."""
        found = self.cables_app.main_screen.same_origin_neighbour(self.cable_id, -1)
        self._step_to(found, "earlier cable from this origin")

    def action_close(self) -> None:
        """Back to the list (escape also closes the search prompt and leaves the links)."""
        search = self.query_one(PromptBar)
        if search.is_open:
            search.close()
            self.query_one(ParagraphView).focus()
            return
        if self.query_one(LinkList).has_focus:
            self.query_one(ParagraphView).focus()
            return
        self.cables_app.close_reader(self)

    def action_links(self) -> None:
        """Move to the list of links (cites / cited by), or back to the text."""
        links = self.query_one(LinkList)
        if links.has_focus:
            self.query_one(ParagraphView).focus()
            return
        if not links.link_count:
            self.notify("This cable has no links to follow.", timeout=2, markup=False)
            return
        self.remove_class("-no-metadata")
        links.focus()
        links.scroll_visible(animate=False)

    def action_follow(self) -> None:
        """Follow the cable's only link, or go to its list of links to choose one."""
        links = self.query_one(LinkList)
        if links.link_count == 1:
            links.choose(next(option for option in links.options if not option.disabled))
            return
        self.action_links()

    def action_sentence_case(self) -> None:
        """Show all-capitals paragraphs in sentence case, or as written (display only)."""
        view = self.query_one(ParagraphView)
        view.set_sentence_case(not view.sentence_case)
        self.cables_app.sentence_case = view.sentence_case
        said = "in sentence case" if view.sentence_case else "as written"
        self.notify(f"Capitals shown {said}.", timeout=2, markup=False)

    def action_toggle_metadata(self) -> None:
        """Show or hide the metadata panel (remembered for the next cables)."""
        self.toggle_class("-no-metadata")
        self.cables_app.metadata_hidden = self.has_class("-no-metadata")
        if self.has_class("-no-metadata") and self.query_one(LinkList).has_focus:
            self.query_one(ParagraphView).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ "/" is a priority key, except in the prompt itself, where it is typed."""
        return not (action == "search" and self.query_one(PromptBar).has_focus)

    def action_search(self) -> None:
        """Open the search prompt (in the prompt, "/" is typed as itself)."""
        prompt = self.query_one(PromptBar)
        prompt.open("Search this cable", self.query_one(ParagraphView).search_text)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        view = self.query_one(ParagraphView)
        self.query_one(PromptBar).close()
        view.focus()
        found = view.search(event.value)
        if event.value.strip() and not found:
            self.notify(f"Not found: {clean(event.value)}", timeout=2, markup=False)

    @on(PromptBar.Cancelled, "#search")
    def _search_cancelled(self) -> None:
        self.query_one(PromptBar).close()
        self.query_one(ParagraphView).focus()

    @property
    def position(self) -> ReadingPosition:
        """Where the reader is: the current paragraph that links, copies and steps use."""
        return self.query_one(ParagraphView).position

    def place_on_screen(self) -> tuple[str, int | None] | None:
        """The cable and paragraph the reader cites (bookmarks and notes attach to it)."""
        position = self.position
        return None if position.cable_id is None else (position.cable_id, position.cited)

    def action_copy_link(self) -> None:
        """Copy the link to the current paragraph (``08ASTANA611¶5``) to the clipboard (OSC 52)."""
        link = self.position.link()
        if link is None:
            return
        self.app.copy_to_clipboard(link)
        self.notify(f"Copied {link}", timeout=2, markup=False)

    def action_copy_paragraph(self) -> None:
        """Copy the current paragraph's text, with its link, to the clipboard (OSC 52)."""
        position = self.position
        cable = self.query_one(ParagraphView).cable
        link = position.link()
        if cable is None or link is None or position.cited is None:
            return
        paragraph = cable.paragraph(position.cited)
        if paragraph is None:
            return
        self.app.copy_to_clipboard(f"{clean(paragraph.text)}\n({link})")
        self.notify(f"Copied the text of {link}", timeout=2, markup=False)

    # --- names: the entities pane, a name highlighted on arrival ------------------------

    #: (text, paragraph) to search and go to once the cable has arrived (entity pages).
    _name_on_load: tuple[str, int | None] | None = None
    #: Whether names are marked in the text, and in which cable they were last marked.
    _marking_names: bool = False
    _names_marked_in: str | None = None

    def highlight_on_load(self, text: str, paragraph: int | None) -> None:
        """Once the cable is shown, highlight ``text`` wherever it appears (the reader's
        search) and go to ``paragraph``."""
        self._name_on_load = (text, paragraph)

    @on(ParagraphView.Moved)
    def _names_moved(self, message: ParagraphView.Moved) -> None:
        view = self.query_one(ParagraphView)
        cable = view.cable
        if cable is None or cable.id != self.cable_id:
            return
        if self._name_on_load is not None:
            text, paragraph = self._name_on_load
            self._name_on_load = None
            view.search(text)
            if paragraph is not None:
                view.scroll_to_paragraph(paragraph)
        panes = self.query(EntitiesPane)
        if panes and panes.first().cable_id != cable.id:
            panes.first().show_cable(cable)
        if self._marking_names and self._names_marked_in != cable.id:
            self._mark_names()

    def _mark_names(self) -> None:
        view = self.query_one(ParagraphView)
        cable = view.cable
        forms: list[str] = []
        if cable is not None and self._marking_names:
            for field in ("people", "places", "groups"):
                for entity in getattr(cable.entities, field):
                    forms += [entity.name, *entity.forms]
        self._names_marked_in = cable.id if cable is not None else None
        view.highlight_names(forms)

    def action_toggle_name_marks(self) -> None:
        """Mark the cable's names in the text, or stop marking them."""
        self._marking_names = not self._marking_names
        self._mark_names()

    def action_toggle_entities(self) -> None:
        """Show the entities pane (beside the text; below it when narrow), or hide it."""
        panes = self.query(EntitiesPane)
        if panes:
            pane = panes.first()
            pane.display = not pane.display
            if not pane.display and pane.has_focus:
                self.query_one(ParagraphView).focus()
            elif pane.display:
                pane.focus()
        else:
            pane = EntitiesPane(id="entities")
            self.query_one("#reader-body").mount(pane)
            pane.show_cable(self.query_one(ParagraphView).cable)
            pane.focus()
        self._apply_size(self.app.size.width, self.app.size.height)

    def action_find_paragraph_names(self) -> None:
        """Look up the names of the current paragraph: the lookup, prefilled with the
        first of them (or empty when it names none)."""
        cable = self.query_one(ParagraphView).cable
        number = self.position.cited
        names: list[str] = []
        if cable is not None and number is not None:
            for field in ("people", "places", "groups"):
                names += [e.name for e in getattr(cable.entities, field) if number in e.paragraphs]
        self.cables_app.action_find_entity(names[0] if names else "")

    @on(EntitiesPane.Chosen)
    def _entity_chosen(self, message: EntitiesPane.Chosen) -> None:
        self._open_named(message.name, message.kind)

    @work(thread=True, exclusive=True, group="reader-names")
    def _open_named(self, name: str, kind: str) -> None:
        app = self.cables_app
        index = app.entity_index_now()
        hits = index.find(name, kind=kind, limit=5) if index is not None else []
        best = next((h for h in hits if name in h.entity.forms), hits[0] if hits else None)
        if best is None:
            app.call_from_thread(
                self.notify, f"{one_line(name)} is not in the index.", timeout=3, markup=False
            )
            return
        app.call_from_thread(app.open_entity, best.entity.id)
