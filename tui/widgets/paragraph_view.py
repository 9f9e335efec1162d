"""The numbered paragraphs of one cable, wrapped to the width, with a gutter and search.

A ``ScrollView`` drawing only the visible lines. The gutter shows each paragraph's ¶ number
on its first line and its portion marking (SBU, C, S/NF) on its second. One paragraph can be
*current* (opened from a ``¶N`` link, or stepped to with ``]`` / ``[``) and is highlighted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from cables.model import Cable
from tui.widgets.safe_text import clean
from tui.widgets.wrapping import reflow, wrap_offsets

__all__ = ["ParagraphView"]

_GUTTER = 7  # six cells of label, one space
_MEASURE = 96  # the longest line of text, for reading comfort on wide terminals


@dataclass(frozen=True, slots=True)
class _Line:
    """One screen line: a slice of a paragraph's text, or a blank between paragraphs."""

    index: int  # position in the cable's paragraphs; -1 for a blank line
    start: int
    end: int
    gutter: str  # "¶5", a marking, or ""
    gutter_kind: str  # "number", "marking" or ""


@dataclass(frozen=True, slots=True)
class Match:
    """One search hit: paragraph position and character offsets in its displayed text."""

    index: int
    start: int
    end: int


class ParagraphView(ScrollView, can_focus=True, inherit_bindings=False):
    """A cable's paragraphs with less/vim keys; posts :class:`Moved` as the reader scrolls."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "line_down", "Line down", show=False, id="reader.line_down"),
        Binding("up,k", "line_up", "Line up", show=False, id="reader.line_up"),
        Binding(
            "pagedown,space,ctrl+f,f", "page_down", "Page down", show=False, id="reader.page_down"
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
    }
    """

    current: reactive[int | None] = reactive(None, init=False, repaint=False)
    """The number of the highlighted paragraph, or None."""

    class Moved(Message):
        """The view scrolled, changed its current paragraph, or its search matches."""

        def __init__(self, view: ParagraphView) -> None:
            super().__init__()
            self.view = view

        @property
        def control(self) -> ParagraphView:
            """The view that sent this message."""
            return self.view

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.cable: Cable | None = None
        self._texts: list[str] = []
        self._lines: list[_Line] = []
        self._first_line: dict[int, int] = {}  # paragraph position -> first screen line
        self._wrapped_width = -1
        self._pending_paragraph: int | None = None
        self._matches: list[Match] = []
        self._match_index: int | None = None
        self.search_text = ""
        self.note = "Loading…"
        self._strips: LRUCache[tuple[int, int, bool, int | None], Strip] = LRUCache(256)

    # --- content ----------------------------------------------------------------------

    def show_cable(self, cable: Cable | None, *, paragraph: int | None = None) -> None:
        """Show ``cable`` from the top, or scrolled to and highlighting ``paragraph``."""
        self.cable = cable
        self._texts = (
            [] if cable is None else [reflow(clean(p.text)).expandtabs(4) for p in cable.paragraphs]
        )
        self._matches, self._match_index, self.search_text = [], None, ""
        self.set_reactive(ParagraphView.current, paragraph)
        self._pending_paragraph = paragraph
        self._wrapped_width = -1
        self._rewrap()
        if paragraph is None:
            self.scroll_to(y=0, animate=False, immediate=True, force=True)
        self._announce()

    def show_note(self, note: str) -> None:
        """Show a sentence instead of a cable (loading, or not found)."""
        self.cable = None
        self.note = note
        self._texts, self._lines, self._first_line = [], [], {}
        self._matches, self._match_index = [], None
        self.set_reactive(ParagraphView.current, None)
        self.virtual_size = Size(self.size.width, 3)
        self.scroll_to(y=0, animate=False, immediate=True, force=True)
        self._strips.clear()
        self.refresh()
        self._announce()

    def _text_width(self) -> int:
        return max(10, min(_MEASURE, self.scrollable_content_region.width - _GUTTER - 2))

    def _rewrap(self) -> None:
        """Wrap every paragraph at the current width (only when the width changed)."""
        width = self._text_width()
        if width == self._wrapped_width or self.cable is None:
            self._strips.clear()
            self.refresh()
            return
        self._wrapped_width = width
        top = self.top_paragraph()
        lines: list[_Line] = []
        first: dict[int, int] = {}
        for index, (para, text) in enumerate(zip(self.cable.paragraphs, self._texts, strict=True)):
            if lines:
                lines.append(_Line(-1, 0, 0, "", ""))
            first[index] = len(lines)
            number = f"¶{para.number}" if para.number > 0 else ""
            marking = clean(para.marking or "").replace("\n", " ")
            if len(marking) > _GUTTER - 1:
                marking = marking[: _GUTTER - 2] + "…"
            labels = [(number, "number")] if number else []
            if marking:
                labels.append((marking, "marking"))
            spans = wrap_offsets(text, width) or [(0, 0)]
            for row, (start, end) in enumerate(spans):
                label, kind = labels[row] if row < len(labels) else ("", "")
                lines.append(_Line(index, start, end, label, kind))
            for label, kind in labels[len(spans) :]:
                lines.append(_Line(index, len(text), len(text), label, kind))
        self._lines, self._first_line = lines, first
        self.virtual_size = Size(self.scrollable_content_region.width, len(lines))
        self._strips.clear()
        if self._pending_paragraph is not None and lines:
            self._scroll_to_number(self._pending_paragraph)
            self._pending_paragraph = None
        elif top is not None:
            self._scroll_to_number(top, context=0)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Wrap again at the new width."""
        self._rewrap()

    def notify_style_update(self) -> None:
        """Forget drawn lines when the theme or styles change."""
        super().notify_style_update()
        self._strips.clear()

    # --- positions ----------------------------------------------------------------------

    def _position_of(self, number: int) -> int | None:
        if self.cable is None:
            return None
        for index, para in enumerate(self.cable.paragraphs):
            if para.number == number:
                return index
        return None

    def _scroll_to_number(self, number: int, *, context: int = 1) -> None:
        index = self._position_of(number)
        if index is None or index not in self._first_line:
            return
        target = max(0, self._first_line[index] - context)
        self.scroll_to(y=target, animate=False, immediate=True, force=True)

    def top_paragraph(self) -> int | None:
        """The number of the paragraph at the top of the view, or None."""
        if not self._lines or self.cable is None:
            return None
        y = min(round(self.scroll_y), len(self._lines) - 1)
        while y < len(self._lines) - 1 and self._lines[y].index < 0:
            y += 1
        index = self._lines[y].index
        return self.cable.paragraphs[index].number if index >= 0 else None

    @property
    def paragraph_count(self) -> int:
        """How many paragraphs the cable has (numbered ones; ¶0 is not counted)."""
        if self.cable is None:
            return 0
        return sum(1 for p in self.cable.paragraphs if p.number > 0)

    def scroll_to_paragraph(self, number: int, *, highlight: bool = True) -> bool:
        """Scroll so paragraph ``number`` is near the top; False when there is no such ¶."""
        if self._position_of(number) is None:
            return False
        if highlight:
            self.set_reactive(ParagraphView.current, number)
        if self._lines:
            self._scroll_to_number(number)
        else:
            self._pending_paragraph = number
        self._strips.clear()
        self.refresh()
        self._announce()
        return True

    def _step_paragraph(self, step: int) -> None:
        if self.cable is None or not self.cable.paragraphs:
            return
        numbers = [p.number for p in self.cable.paragraphs]
        reference = self.current if self.current is not None else self.top_paragraph()
        if reference is None or reference not in numbers:
            position = 0 if step > 0 else len(numbers) - 1
        else:
            position = max(0, min(len(numbers) - 1, numbers.index(reference) + step))
        self.scroll_to_paragraph(numbers[position])

    # --- search -------------------------------------------------------------------------

    def search(self, query: str) -> int:
        """Find ``query`` (case-insensitive) and go to the first hit below the top line.

        Returns the number of hits; an empty query clears the search.
        """
        self.search_text = query.strip()
        self._matches = []
        self._match_index = None
        if self.search_text:
            pattern = re.compile(re.escape(self.search_text), re.IGNORECASE)
            for index, text in enumerate(self._texts):
                self._matches.extend(
                    Match(index, hit.start(), hit.end()) for hit in pattern.finditer(text)
                )
        self._strips.clear()
        self.refresh()
        if self._matches:
            top = round(self.scroll_y)
            following = [i for i, m in enumerate(self._matches) if self._line_of(m) >= top]
            self._go_to_match(following[0] if following else 0)
        else:
            self._announce()
        return len(self._matches)

    @property
    def match_info(self) -> tuple[int | None, int]:
        """(the 1-based number of the current match or None, the number of matches)."""
        index = None if self._match_index is None else self._match_index + 1
        return index, len(self._matches)

    def _line_of(self, match: Match) -> int:
        first = self._first_line.get(match.index, 0)
        y = first
        while y < len(self._lines) and self._lines[y].index == match.index:
            if (
                self._lines[y].start
                <= match.start
                < max(self._lines[y].end, self._lines[y].start + 1)
            ):
                return y
            y += 1
        return first

    def _go_to_match(self, position: int) -> None:
        self._match_index = position % len(self._matches)
        line = self._line_of(self._matches[self._match_index])
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        if not top <= line < top + height:
            self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True, force=True)
        self._strips.clear()
        self.refresh()
        self._announce()

    def action_next_match(self) -> None:
        """Go to the next search hit (round to the first)."""
        if self._matches:
            nxt = 0 if self._match_index is None else self._match_index + 1
            self._go_to_match(nxt)
        elif self.search_text:
            self.notify("No match.", severity="warning", timeout=2, markup=False)

    def action_previous_match(self) -> None:
        """Go to the previous search hit (round to the last)."""
        if self._matches:
            prev = -1 if self._match_index is None else self._match_index - 1
            self._go_to_match(prev)
        elif self.search_text:
            self.notify("No match.", severity="warning", timeout=2, markup=False)

    # --- keys ---------------------------------------------------------------------------

    def _scroll_by(self, lines: int) -> None:
        self.scroll_to(y=self.scroll_y + lines, animate=False, immediate=True)

    def _height(self) -> int:
        return max(1, self.scrollable_content_region.height)

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
        """Go to the top of the cable."""
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        """Go to the end of the cable."""
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    def action_next_paragraph(self) -> None:
        """Highlight the next paragraph and bring it to the top."""
        self._step_paragraph(1)

    def action_previous_paragraph(self) -> None:
        """Highlight the previous paragraph and bring it to the top."""
        self._step_paragraph(-1)

    def watch_current(self) -> None:
        """Redraw the highlight."""
        self._strips.clear()
        self.refresh()
        self._announce()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Redraw and tell the screen where the reader is."""
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._announce()

    def _announce(self) -> None:
        self.post_message(self.Moved(self))

    # --- drawing ------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """The strip of screen line ``y``."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        position = round(self.scroll_y) + y
        if self.cable is None or not self._lines:
            if y == 1:
                note = self.note if self.cable is None else "This cable has no body text."
                style = base + self.get_component_rich_style("paragraph-view--note")
                return Strip([Segment(set_cell_size("  " + note, width), style)], width)
            return Strip.blank(width, base)
        if position >= len(self._lines):
            return Strip.blank(width, base)
        line = self._lines[position]
        is_current = (
            line.index >= 0
            and self.current is not None
            and self.cable.paragraphs[line.index].number == self.current
        )
        key = (position, width, is_current, self._match_index)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render(line, width, is_current, base)
            self._strips[key] = strip
        return strip

    def _render(self, line: _Line, width: int, is_current: bool, base: Style) -> Strip:
        style = self.get_component_rich_style
        # A blank line inside the current paragraph's block stays unhighlighted.
        text_style = base + style("paragraph-view--current") if is_current else base
        if is_current and line.gutter_kind:
            gutter_style = base + style("paragraph-view--current-gutter")
        elif line.gutter_kind:
            gutter_style = base + style(f"paragraph-view--{line.gutter_kind}")
        else:
            gutter_style = base
        gutter = line.gutter.rjust(_GUTTER - 1)
        segments = [Segment(gutter, gutter_style), Segment(" ", base), Segment(" ", text_style)]
        if line.index >= 0:
            text = self._texts[line.index]
            segments.extend(self._text_segments(line, text, text_style))
        return Strip(segments).adjust_cell_length(width, text_style if is_current else base)

    def _text_segments(self, line: _Line, text: str, text_style: Style) -> list[Segment]:
        """The line's text, split where search hits begin and end."""
        hits = [
            (i, m)
            for i, m in enumerate(self._matches)
            if m.index == line.index and m.start < line.end and m.end > line.start
        ]
        content = text[line.start : line.end]
        if not hits:
            return [Segment(content, text_style)]
        match_style = text_style + self.get_component_rich_style("paragraph-view--match")
        current_style = text_style + self.get_component_rich_style("paragraph-view--match-current")
        segments: list[Segment] = []
        cursor = line.start
        for i, hit in hits:
            start, end = max(hit.start, line.start), min(hit.end, line.end)
            if start > cursor:
                segments.append(Segment(text[cursor:start], text_style))
            segments.append(
                Segment(text[start:end], current_style if i == self._match_index else match_style)
            )
            cursor = end
        if cursor < line.end:
            segments.append(Segment(text[cursor : line.end], text_style))
        return segments
