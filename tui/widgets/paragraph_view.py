"""The numbered paragraphs of one cable, wrapped to the width, with a gutter and search.

A ``ScrollView`` drawing only the visible lines. The gutter shows each paragraph's ¶ number
on its first line and its portion marking (SBU, C, S/NF) on its second. The paragraph being
read (see :mod:`tui.presentation.reading_position` for the rule) is highlighted, and every
move is announced with :class:`ParagraphView.Moved`.

The widget keeps the keys and the drawing; the laid-out lines are a
:class:`~tui.presentation.cable_layout.CableLayout`, the search a
:class:`~tui.presentation.text_search.TextSearch`.
"""

from __future__ import annotations

import re
from typing import ClassVar

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from cables.model import Cable
from tui.presentation.cable_layout import BLANK, GUTTER_WIDTH, CableLayout, LayoutLine
from tui.presentation.reading_position import ReadingPlace, ReadingPosition, current_paragraph
from tui.presentation.reading_text import display_cable
from tui.presentation.text_search import SpanFinder, TextSearch

__all__ = ["ParagraphView"]

_MEASURE = 96  # the longest line of text, for reading comfort on wide terminals


class ParagraphView(ScrollView, can_focus=True, inherit_bindings=False):
    """A cable's paragraphs with less/vim keys; posts :class:`Moved` as the reader moves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "line_down", "Line down", show=False, id="reader.line_down"),
        Binding("up,k", "line_up", "Line up", show=False, id="reader.line_up"),
        Binding(
            "pagedown,space,ctrl+f", "page_down", "Page down", show=False, id="reader.page_down"
        ),
        Binding("pageup,b,ctrl+b", "page_up", "Page up", show=False, id="reader.page_up"),
        Binding("ctrl+d", "half_down", "Half page down", show=False, id="reader.half_down"),
        Binding("ctrl+u", "half_up", "Half page up", show=False, id="reader.half_up"),
        Binding("home,g", "top", "Top", show=False, id="reader.top"),
        Binding("end,G", "bottom", "Bottom", show=False, id="reader.bottom"),
        Binding(
            "right_square_bracket",
            "next_paragraph",
            "Next ¶",
            show=False,
            id="reader.next_paragraph",
        ),
        Binding(
            "left_square_bracket",
            "previous_paragraph",
            "Previous ¶",
            show=False,
            id="reader.previous_paragraph",
        ),
        Binding("n", "next_match", "Next match", show=False, id="reader.next_match"),
        Binding("N", "previous_match", "Previous match", show=False, id="reader.previous_match"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "paragraph-view--number",
        "paragraph-view--marking",
        "paragraph-view--current",
        "paragraph-view--current-gutter",
        "paragraph-view--match",
        "paragraph-view--match-current",
        "paragraph-view--note",
        "paragraph-view--name",
    }

    DEFAULT_CSS = """
    ParagraphView {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
        & > .paragraph-view--number { color: $text-accent; text-style: bold; }
        & > .paragraph-view--marking { color: $text-muted; }
        & > .paragraph-view--current { background: $boost; }
        & > .paragraph-view--current-gutter {
            background: $accent;
            color: $text;
            text-style: bold;
        }
        & > .paragraph-view--match { background: $warning 40%; }
        & > .paragraph-view--match-current {
            background: $warning;
            color: $background;
            text-style: bold;
        }
        & > .paragraph-view--note { color: $text-muted; text-style: italic; }
        & > .paragraph-view--name { color: $text-accent; text-style: bold underline; }
    }
    """

    class Moved(Message):
        """The reader moved: scrolled, changed paragraph, searched, or opened another cable."""

        def __init__(self, view: ParagraphView, position: ReadingPosition) -> None:
            super().__init__()
            self.view = view
            self.position = position
            """Where the reader is now: current paragraph, top paragraph, scroll, search."""

        @property
        def control(self) -> ParagraphView:
            """The view that sent this message."""
            return self.view

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.cable: Cable | None = None
        self.note = "Loading…"
        self._layout: CableLayout | None = None
        self._search = TextSearch()
        self._jumped_to: int | None = None  # position of the paragraph last jumped to
        self._current: int | None = None  # position of the current paragraph
        self._pending: tuple[int, int] | None = None  # (paragraph position, line offset)
        self._position = ReadingPosition()
        self._strips: LRUCache[tuple[int, int, bool, int | None], Strip] = LRUCache(256)
        self._names: dict[int, list[tuple[int, int]]] = {}  # paragraph position: name spans

    # --- what the reader is reading -------------------------------------------------------

    @property
    def position(self) -> ReadingPosition:
        """Where the reader is: the one value status, links, copies and steps all use."""
        return self._position

    @property
    def current(self) -> int | None:
        """The number of the current paragraph (the one cited), or None without a cable."""
        return self._position.current

    def top_paragraph(self) -> int | None:
        """The number of the paragraph on the top line (the next one after a blank), or None."""
        return self._position.top

    @property
    def search_text(self) -> str:
        """The text searched for ("" when there is no search)."""
        return self._search.query

    @property
    def match_info(self) -> tuple[int | None, int]:
        """(the 1-based number of the current match or None, the number of matches)."""
        return self._search.number, len(self._search)

    def place(self) -> ReadingPlace | None:
        """Where the reader is, to come back to with :meth:`show_cable`; None without text."""
        layout = self._layout
        top = self._top_line()
        if layout is None or not layout.lines:
            return None
        position = layout.first_paragraph_from(top, len(layout))
        if position is None:
            return None
        current = self._current if self._current == self._jumped_to else None
        return ReadingPlace(
            layout.number(position),
            top - layout.first_line(position),
            None if current is None else layout.number(current),
        )

    def _top_line(self) -> int:
        return round(self.scroll_y)

    def _height(self) -> int:
        return max(1, self.scrollable_content_region.height)

    def _update_position(self) -> None:
        """Work out the current paragraph again; redraw and announce if anything changed."""
        layout = self._layout
        if layout is None or not layout.lines:
            self._current = None
            position = ReadingPosition(None if self.cable is None else self.cable.id)
        else:
            top, height = self._top_line(), self._height()
            laid_out = self.scrollable_content_region.height > 0
            if (
                laid_out
                and self._jumped_to is not None
                and not layout.is_visible(self._jumped_to, top, height)
            ):
                self._jumped_to = None  # scrolled out of sight: forgotten
            at_bottom = self.max_scroll_y > 0 and top >= self.max_scroll_y
            current = current_paragraph(
                layout, top, height, jumped_to=self._jumped_to, at_bottom=at_bottom
            )
            if current != self._current:
                self._current = current
                self._strips.clear()
                self.refresh()
            top_position = layout.first_paragraph_from(top, len(layout))
            position = ReadingPosition(
                cable_id=layout.cable.id,
                current=None if current is None else layout.number(current),
                top=None if top_position is None else layout.number(top_position),
                paragraph_count=layout.paragraph_count,
                fraction=min(1.0, top / self.max_scroll_y) if self.max_scroll_y > 0 else None,
                search=self._search.query,
                match=self._search.number,
                match_count=len(self._search),
            )
        if position != self._position:
            self._position = position
            self.post_message(self.Moved(self, position))

    # --- content --------------------------------------------------------------------------

    def show_cable(
        self,
        cable: Cable | None,
        *,
        paragraph: int | None = None,
        place: ReadingPlace | None = None,
    ) -> None:
        """Show ``cable`` from the top, at ``paragraph`` (made current), or back at ``place``."""
        self.cable = cable
        self._layout = None if cable is None else CableLayout(self._display(cable))
        self._names = {}
        self._search = TextSearch()
        self._jumped_to = self._current = self._pending = None
        if self._layout is not None:
            if place is not None:
                position = self._layout.position_of(place.top)
                if position is not None:
                    self._pending = (position, place.lines_into)
                if place.current is not None:
                    self._jumped_to = self._layout.position_of(place.current)
            elif paragraph is not None:
                self._jumped_to = self._layout.position_of(paragraph)
                if self._jumped_to is not None:
                    self._pending = (self._jumped_to, -1)  # one line of context above
        self.scroll_to(y=0, animate=False, immediate=True, force=True)
        self._rewrap()

    #: Whether all-capitals paragraphs are shown in sentence case (display only).
    sentence_case = False

    def _display(self, cable: Cable) -> Cable:
        """The cable as drawn: ¶0 without what the panel shows, sentence case if asked."""
        return display_cable(cable, sentence=self.sentence_case)

    def set_sentence_case(self, on: bool) -> None:
        """Show all-capitals paragraphs in sentence case (or as written), keeping the place."""
        self.sentence_case = on
        if self.cable is not None:
            place = self.place()
            self.show_cable(self.cable, place=place)

    def show_note(self, note: str) -> None:
        """Show a sentence instead of a cable (loading, or not found)."""
        self.cable = None
        self.note = note
        self._layout = None
        self._search = TextSearch()
        self._pending = None
        self.virtual_size = Size(self.size.width, 3)
        self.scroll_to(y=0, animate=False, immediate=True, force=True)
        self._strips.clear()
        self.refresh()
        self._update_position()

    def _text_width(self) -> int:
        return max(10, min(_MEASURE, self.scrollable_content_region.width - GUTTER_WIDTH - 2))

    def _rewrap(self) -> None:
        """Wrap every paragraph at the current width, keeping the top paragraph in place."""
        layout = self._layout
        self._strips.clear()
        self.refresh()
        if layout is None:
            self._update_position()
            return
        top = None
        if layout.lines and self._pending is None:
            top_position = layout.first_paragraph_from(self._top_line(), len(layout))
            top = None if top_position is None else (top_position, 0)
        if not layout.wrap(self._text_width()):
            self._update_position()
            return
        self.virtual_size = Size(self.scrollable_content_region.width, len(layout))
        target = self._pending or top
        if target is not None and layout.lines:
            position, offset = target
            y = max(0, layout.first_line(position) + offset)
            self.scroll_to(y=y, animate=False, immediate=True, force=True)
            self._pending = None
        self._update_position()

    def on_resize(self, event: events.Resize) -> None:
        """Wrap again at the new width."""
        self._rewrap()

    def notify_style_update(self) -> None:
        """Forget drawn lines when the theme or styles change."""
        super().notify_style_update()
        self._strips.clear()

    # --- moving ---------------------------------------------------------------------------

    def scroll_to_paragraph(self, number: int, *, highlight: bool = True) -> bool:
        """Scroll so paragraph ``number`` is near the top; False when there is no such ¶.

        With ``highlight`` it becomes the current paragraph while it stays on screen;
        without, the current paragraph follows the scroll position.
        """
        layout = self._layout
        position = None if layout is None else layout.position_of(number)
        if layout is None or position is None:
            return False
        self._jumped_to = position if highlight else None
        y = max(0, layout.first_line(position) - 1)
        self.scroll_to(y=y, animate=False, immediate=True, force=True)
        self._update_position()
        return True

    def _step_paragraph(self, step: int) -> None:
        layout = self._layout
        if layout is None or not layout.texts:
            return
        last = len(layout.texts) - 1
        if self._current is not None:
            position = self._current + step
        else:  # only a blank line on screen: step from the paragraph below it
            below = layout.first_paragraph_from(self._top_line(), len(layout))
            position = (last if step > 0 else last + 1) if below is None else below
            position += min(step, 0)
        position = max(0, min(last, position))
        self.scroll_to_paragraph(layout.number(position))

    def _scroll_by(self, lines: int) -> None:
        self.scroll_to(y=self.scroll_y + lines, animate=False, immediate=True)

    # --- search ---------------------------------------------------------------------------

    def search(self, query: str, finder: SpanFinder | None = None) -> int:
        """Find ``query`` (case-insensitive) and go to the first hit from the top line on.

        With ``finder``, the hits are the spans it finds in each paragraph (every word of
        a full-text query, say) and ``query`` names the search in the status line.
        The same query again keeps its finder (a full-text query submitted again from the
        reader's prompt still finds all its words). Returns the number of hits; an empty
        query clears the search.
        """
        layout = self._layout
        if finder is None and query.strip() == self._search.query:
            finder = self._search.finder
        self._search = TextSearch(layout.texts if layout is not None else (), query, finder)
        self._strips.clear()
        self.refresh()
        if self._search.matches and layout is not None:
            top = self._top_line()
            lines = [self._line_of(m.paragraph, m.start) for m in self._search.matches]
            following = [i for i, line in enumerate(lines) if line >= top]
            self._go_to_match(following[0] if following else 0)
        else:
            self._update_position()
        return len(self._search)

    def _line_of(self, position: int, offset: int) -> int:
        assert self._layout is not None
        return self._layout.line_of_offset(position, offset)

    def _go_to_match(self, index: int) -> None:
        match = self._search.select(index)
        line = self._line_of(match.paragraph, match.start)
        height = self._height()
        top = self._top_line()
        if not top <= line < top + height:
            self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True, force=True)
        self._strips.clear()
        self.refresh()
        self._jumped_to = match.paragraph
        self._update_position()

    def _step_match(self, step: int) -> None:
        if self._search.matches:
            index = self._search.index
            self._go_to_match((0 if step > 0 else -1) if index is None else index + step)
        elif self._search.query:
            self.notify("No match.", severity="warning", timeout=2, markup=False)

    # --- keys -----------------------------------------------------------------------------

    def action_next_match(self) -> None:
        """Go to the next search hit (round to the first)."""
        self._step_match(1)

    def action_previous_match(self) -> None:
        """Go to the previous search hit (round to the last)."""
        self._step_match(-1)

    def action_line_down(self) -> None:
        """Scroll one line down."""
        self._scroll_by(1)

    def action_line_up(self) -> None:
        """Scroll one line up."""
        self._scroll_by(-1)

    def action_page_down(self) -> None:
        """Scroll a screenful down, keeping one line of context."""
        self._scroll_by(max(1, self._height() - 1))

    def action_page_up(self) -> None:
        """Scroll a screenful up, keeping one line of context."""
        self._scroll_by(-max(1, self._height() - 1))

    def action_half_down(self) -> None:
        """Scroll half a screen down."""
        self._scroll_by(max(1, self._height() // 2))

    def action_half_up(self) -> None:
        """Scroll half a screen up."""
        self._scroll_by(-max(1, self._height() // 2))

    def action_top(self) -> None:
        """Go to the top of the cable (the paragraph jumped to is let go)."""
        self._jumped_to = None
        self.scroll_to(y=0, animate=False, immediate=True)
        self._update_position()

    def action_bottom(self) -> None:
        """Go to the end of the cable, where the last paragraph is current."""
        self._jumped_to = None
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
        self._update_position()

    def action_next_paragraph(self) -> None:
        """Make the paragraph after the current one current and bring it to the top."""
        self._step_paragraph(1)

    def action_previous_paragraph(self) -> None:
        """Make the paragraph before the current one current and bring it to the top."""
        self._step_paragraph(-1)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Redraw and work out where the reader is."""
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._update_position()

    # --- drawing ------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """The strip of screen line ``y``."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        layout = self._layout
        if layout is None or not layout.lines:
            if y == 1:
                note = self.note if layout is None else "This cable has no body text."
                style = base + self.get_component_rich_style("paragraph-view--note")
                return Strip([Segment(set_cell_size("  " + note, width), style)], width)
            return Strip.blank(width, base)
        number = self._top_line() + y
        if number >= len(layout):
            return Strip.blank(width, base)
        line = layout.lines[number]
        # ¶0, the text before ¶1, is cited as the cable: it is never highlighted.
        is_current = (
            line.paragraph != BLANK
            and line.paragraph == self._current
            and layout.number(line.paragraph) > 0
        )
        key = (number, width, is_current, self._search.index)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render(layout, line, width, is_current, base)
            self._strips[key] = strip
        return strip

    def _render(
        self, layout: CableLayout, line: LayoutLine, width: int, is_current: bool, base: Style
    ) -> Strip:
        style = self.get_component_rich_style
        text_style = base + style("paragraph-view--current") if is_current else base
        if is_current and line.gutter_kind:
            gutter_style = base + style("paragraph-view--current-gutter")
        elif line.gutter_kind:
            gutter_style = base + style(f"paragraph-view--{line.gutter_kind}")
        else:
            gutter_style = base
        gutter = line.gutter.rjust(GUTTER_WIDTH - 1)
        segments = [Segment(gutter, gutter_style), Segment(" ", base), Segment(" ", text_style)]
        if line.paragraph != BLANK:
            segments.extend(self._text_segments(layout.texts[line.paragraph], line, text_style))
        return Strip(segments).adjust_cell_length(width, text_style if is_current else base)

    # --- names highlighted (the reader's option) ------------------------------------------

    def highlight_names(self, forms: list[str] | None) -> None:
        """Mark every occurrence of these names in the text (None or []: no names marked);
        search hits, where a line has any, are drawn instead."""
        self._names = {}
        layout = self._layout
        words = sorted({f for f in forms or () if f.strip()}, key=len, reverse=True)
        if layout is not None and words:
            pattern = re.compile("|".join(map(re.escape, words)), re.IGNORECASE)
            for position, text in enumerate(layout.texts):
                spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
                if spans:
                    self._names[position] = spans
        self._strips.clear()
        self.refresh()

    def _name_segments(self, text: str, line: LayoutLine, text_style: Style) -> list[Segment]:
        spans = [
            (s, e)
            for s, e in self._names.get(line.paragraph, ())
            if s < line.end and e > line.start
        ]
        if not spans:
            return [Segment(text[line.start : line.end], text_style)]
        name_style = text_style + self.get_component_rich_style("paragraph-view--name")
        segments: list[Segment] = []
        cursor = line.start
        for span_start, span_end in spans:
            start, end = max(span_start, cursor), min(span_end, line.end)
            if start >= end:
                continue
            if start > cursor:
                segments.append(Segment(text[cursor:start], text_style))
            segments.append(Segment(text[start:end], name_style))
            cursor = end
        if cursor < line.end:
            segments.append(Segment(text[cursor : line.end], text_style))
        return segments

    def _text_segments(self, text: str, line: LayoutLine, text_style: Style) -> list[Segment]:
        """The line's text, split where search hits begin and end."""
        hits = [
            (i, m)
            for i, m in self._search.in_paragraph(line.paragraph)
            if m.start < line.end and m.end > line.start
        ]
        if not hits:
            return self._name_segments(text, line, text_style)
        match_style = text_style + self.get_component_rich_style("paragraph-view--match")
        current_style = text_style + self.get_component_rich_style("paragraph-view--match-current")
        segments: list[Segment] = []
        cursor = line.start
        for i, hit in hits:
            start, end = max(hit.start, line.start), min(hit.end, line.end)
            if start > cursor:
                segments.append(Segment(text[cursor:start], text_style))
            style = current_style if i == self._search.index else match_style
            segments.append(Segment(text[start:end], style))
            cursor = end
        if cursor < line.end:
            segments.append(Segment(text[cursor : line.end], text_style))
        return segments
