"""An entity's page: who or what it is, when it was talked about, with whom, and where.

The header gives the kind, the canonical name, every variant spelling and the number of
cables; a bar chart draws the cables per year (or month); "seen with" lists the names that
share most of its cables (``enter`` opens their page); the list of cables, newest first,
carries date, origin, classification and subject, and under each cable the paragraphs that
name it, the name highlighted in a one-line excerpt. The page opens with the focus on that
list: ``enter`` opens the cable at the chosen paragraph (a cable's row: its first paragraph
naming the entity), the name highlighted in the reader; back returns here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.presentation.counts import counted
from tui.presentation.entity_page_data import CableEntry, EntityPageData, Timeline, gather_page
from tui.screens.common import SCREEN_BINDINGS
from tui.widgets.safe_text import one_line

if TYPE_CHECKING:
    from tui.app import CablesApp

__all__ = ["EntityPage", "bar_chart"]

NARROW = 100
_BARS = " ▁▂▃▄▅▆▇█"


def bar_chart(line: Timeline, width: int) -> Text:
    """The timeline as one line of block characters with its first and last label."""
    counts = list(line.counts)
    if not counts:
        return Text("No dated cables.", style="dim", end="")
    room = max(8, width - 30)
    if len(counts) > room:  # squeeze: sum neighbouring periods
        size = -(-len(counts) // room)
        counts = [sum(counts[i : i + size]) for i in range(0, len(counts), size)]
    top = max(counts) or 1
    bars = "".join(
        _BARS[0] if c == 0 else _BARS[max(1, round(c / top * (len(_BARS) - 1)))] for c in counts
    )
    text = Text(end="", no_wrap=True)
    text.append(f"{line.labels[0]} ", style="dim")
    text.append(bars, style="bold cyan")
    text.append(f" {line.labels[-1]}", style="dim")
    text.append(f"   cables per {line.unit}, at most {max(line.counts)}", style="dim")
    return text


def _cable_text(entry: CableEntry) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(f"{(entry.created or '')[:10]:<10} ", style="cyan")
    text.append(f"{one_line(entry.cable_id):<18} ", style="bold")
    text.append(f"{one_line(entry.origin)[:22]:<22} ", style="italic")
    classification = one_line(entry.classification)
    text.append(f"{classification[:12]:<12} ", style="dim")
    text.append(one_line(entry.subject))
    return text


def _paragraph_text(number: int, excerpt: str | None, spans: tuple[tuple[int, int], ...]) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(f"    ¶{number:<3} ", style="dim")
    if excerpt is None:
        return text
    clean = one_line(excerpt)
    body = Text(clean, end="")
    if len(clean) == len(excerpt):
        for start, end in spans:
            body.stylize("bold reverse", start, end)
    text.append_text(body)
    return text


class EntityPage(Screen[None]):
    """One person, place or group: header, timeline, "seen with", and its cables."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *SCREEN_BINDINGS,
        Binding("escape,backspace,alt+left", "back", "Back", tooltip="Back", id="entity.back"),
        Binding(
            "w",
            "seen_with",
            "Seen with",
            tooltip="Go to the names seen in the same cables, and back",
            id="entity.seen_with",
        ),
    ]

    DEFAULT_CSS = """
    EntityPage {
        #entity-header { height: auto; padding: 0 1; background: $panel; }
        #entity-timeline { height: 1; padding: 0 1; }
        #entity-body { layout: horizontal; height: 1fr; }
        #entity-cables { width: 1fr; height: 1fr; border: none; }
        #entity-seen {
            width: 34; height: 1fr; border-left: solid $panel-lighten-2;
            text-wrap: nowrap; text-overflow: ellipsis;
        }
        &.-narrow #entity-body { layout: vertical; }
        &.-narrow #entity-seen {
            width: 1fr; height: auto; max-height: 5; border-left: none;
            border-top: solid $panel-lighten-2;
        }
    }
    """

    class Gathered(Message):
        """The page's data arrived (sent by the worker)."""

        def __init__(self, data: EntityPageData | None, error: str | None = None) -> None:
            super().__init__()
            self.data = data
            self.error = error

    def __init__(self, entity_id: int) -> None:
        super().__init__()
        self.entity_id = entity_id
        self.data: EntityPageData | None = None

    @property
    def cables_app(self) -> CablesApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        """Header, timeline, cables and "seen with", footer."""
        yield Static(Text("Loading…", end=""), id="entity-header", markup=False)
        yield Static(id="entity-timeline", markup=False)
        with Container(id="entity-body"):
            yield OptionList(id="entity-cables")
            yield OptionList(id="entity-seen")
        yield Footer()

    def on_mount(self) -> None:
        """Gather the page in a worker; the cables list has the focus."""
        self.set_class(self.app.size.width < NARROW, "-narrow")
        self.query_one("#entity-seen", OptionList).border_title = "Seen with"
        self.query_one("#entity-cables", OptionList).focus()
        self._gather()

    def on_resize(self, event: events.Resize) -> None:
        """ "Seen with" goes below the cables on narrow terminals."""
        self.set_class(event.size.width < NARROW, "-narrow")
        if self.data is not None:
            self._show_timeline(self.data.timeline)

    @work(thread=True, exclusive=True, group="entity-page")
    def _gather(self) -> None:
        app = self.cables_app
        worker = get_current_worker()
        try:
            index = app.entity_index_now()
            if index is None:
                self.post_message(self.Gathered(None, "This store has no index of names."))
                return
            data = gather_page(
                index,
                self.entity_id,
                app.store.get_cable,
                app.catalog,
                lambda: worker.is_cancelled,
            )
        except Exception as error:  # the store's errors are sentences for the user
            self.post_message(self.Gathered(None, str(error)))
            return
        if data is not None and not worker.is_cancelled:
            self.post_message(self.Gathered(data))

    def on_entity_page_gathered(self, message: Gathered) -> None:
        """Draw the page."""
        if message.data is None:
            self.query_one("#entity-header", Static).update(Text(message.error or "", end=""))
            return
        data = self.data = message.data
        record = data.record
        self.sub_title = one_line(record.name)
        header = Text(end="")
        header.append(f"{record.kind.upper()}  ", style="italic")
        header.append(one_line(record.name), style="bold")
        header.append(f"   {counted(record.count, 'cable')}", style="cyan")
        others = [one_line(form) for form in record.forms[1:]]
        if others:
            header.append("\nAlso: ", style="dim")
            header.append(", ".join(others))
        self.query_one("#entity-header", Static).update(header)
        self._show_timeline(data.timeline)
        cables = self.query_one("#entity-cables", OptionList)
        cables.clear_options()
        options: list[Option] = []
        for entry in data.cables:
            options.append(Option(_cable_text(entry), id=f"c{entry.cable_id}"))
            excerpts = {e.paragraph: e for e in entry.excerpts}
            for number in entry.paragraphs:
                found = excerpts.get(number)
                text = _paragraph_text(
                    number, found.text if found else None, found.spans if found else ()
                )
                options.append(Option(text, id=f"p{number}:{entry.cable_id}"))
        cables.add_options(options)
        if options:
            cables.highlighted = 0
        seen = self.query_one("#entity-seen", OptionList)
        seen.clear_options()
        seen.add_options(
            [
                Option(
                    Text.assemble(
                        (f"{count:>3} ", "cyan"),
                        (one_line(other.name), "bold"),
                        (f" {other.kind}", "dim"),
                        no_wrap=True,
                        overflow="ellipsis",
                        end="",
                    ),
                    id=f"e{other.id}",
                )
                for other, count in data.seen_with
            ]
        )

    def _show_timeline(self, line: Timeline) -> None:
        self.query_one("#entity-timeline", Static).update(bar_chart(line, self.app.size.width))

    def _entry(self, cable_id: str) -> CableEntry | None:
        if self.data is None:
            return None
        return next((e for e in self.data.cables if e.cable_id == cable_id), None)

    @on(OptionList.OptionSelected, "#entity-cables")
    def _cable_chosen(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        if option_id.startswith("c"):
            cable_id = option_id[1:]
            entry = self._entry(cable_id)
            paragraph = entry.paragraphs[0] if entry and entry.paragraphs else None
        else:
            number, _, cable_id = option_id[1:].partition(":")
            entry = self._entry(cable_id)
            paragraph = int(number)
        form = entry.form if entry is not None else None
        self.cables_app.read_at_name(cable_id, paragraph, form)

    @on(OptionList.OptionSelected, "#entity-seen")
    def _other_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.cables_app.open_entity(int(event.option.id[1:]))

    def action_seen_with(self) -> None:
        """Move to "seen with", or back to the cables."""
        seen = self.query_one("#entity-seen", OptionList)
        if seen.has_focus:
            self.query_one("#entity-cables", OptionList).focus()
        elif seen.option_count:
            seen.focus()
            if seen.highlighted is None:
                seen.highlighted = 0

    def action_back(self) -> None:
        """Back to the screen before."""
        self.dismiss(None)
