"""A list of one-line rows drawn line by line: replacing the rows repaints only the lines
that changed, never the layout.

For lists that are replaced many times a second (the lookup's results, one set per
keystroke): an ``OptionList`` measures every option and reflows the screen on each
replacement; this widget has a fixed height, keeps one strip per row shown, and refreshes
the lines whose row or cursor changed. Rows are given as (key, payload): equal keys are the
same row (its strip is kept); the text of a row is made from its payload only when it is
drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

__all__ = ["FixedRows"]

Row = tuple[Hashable, Any]


class FixedRows(Widget, can_focus=False):
    """Rows of one line each, a cursor on one of them (None when there are none), the
    window scrolled to keep the cursor in view. ``render_row`` makes a row's text from its
    payload and the width it is drawn at (a row may lay out its columns to the width)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"fixed-rows--cursor"}

    DEFAULT_CSS = """
    FixedRows {
        height: 1fr;
        & > .fixed-rows--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
    }
    """

    class Chosen(Message):
        """A row was clicked: its position and key."""

        def __init__(self, rows: FixedRows, index: int, key: Hashable) -> None:
            super().__init__()
            self.rows = rows
            self.index = index
            self.key = key

        @property
        def control(self) -> FixedRows:
            """The list the row was chosen in."""
            return self.rows

    def __init__(self, render_row: Callable[[Any, int], Text], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._render_row = render_row
        self._rows: list[Row] = []
        self._cursor: int | None = None
        self._top = 0
        #: What each line on screen shows: (row key, cursor on it), to refresh changed lines.
        self._shown: list[tuple[Hashable, bool] | None] = []
        self._strips: LRUCache[tuple[Hashable, int, bool], Strip] = LRUCache(256)
        self._styles: tuple[Style, Style] | None = None

    @property
    def row_count(self) -> int:
        """How many rows there are (shown or not)."""
        return len(self._rows)

    @property
    def cursor(self) -> int | None:
        """The position of the row under the cursor (None: no rows)."""
        return self._cursor

    @property
    def cursor_key(self) -> Hashable | None:
        """The key of the row under the cursor (None: no rows)."""
        return None if self._cursor is None else self._rows[self._cursor][0]

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show these rows, the cursor on the first; repaint only the lines that change."""
        self._rows = list(rows)
        self._cursor = 0 if self._rows else None
        self._top = 0
        self._refresh_changed()

    def move_cursor(self, step: int) -> None:
        """Move the cursor by ``step`` rows (kept within the rows), scrolling if needed."""
        if self._cursor is None:
            return
        self._cursor = max(0, min(len(self._rows) - 1, self._cursor + step))
        height = max(1, self.size.height)
        if self._cursor < self._top:
            self._top = self._cursor
        elif self._cursor >= self._top + height:
            self._top = self._cursor - height + 1
        self._refresh_changed()

    def _line(self, y: int) -> tuple[Hashable, bool] | None:
        index = self._top + y
        if index >= len(self._rows):
            return None
        return self._rows[index][0], index == self._cursor

    def _refresh_changed(self) -> None:
        height, width = self.size.height, self.size.width
        shown = [self._line(y) for y in range(height)]
        if len(self._shown) != height:
            self.refresh()
        else:
            for y, (before, now) in enumerate(zip(self._shown, shown, strict=True)):
                if before != now:
                    self.refresh(Region(0, y, width, 1))
        self._shown = shown

    def _styles_now(self) -> tuple[Style, Style]:
        """The style of a row, and of the row under the cursor (kept until the styles
        change: working them out walks the DOM)."""
        if self._styles is None:
            base = self.rich_style
            self._styles = (base, base + self.get_component_rich_style("fixed-rows--cursor"))
        return self._styles

    def notify_style_update(self) -> None:
        """Forget the kept styles and strips (the theme or the CSS changed)."""
        super().notify_style_update()
        self._styles = None
        self._strips.clear()

    def on_resize(self, _event: events.Resize) -> None:
        """Keep the cursor in view at the new height; repaint."""
        self._shown = []
        self.move_cursor(0)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """The strip of one line: its row (cursor style if under the cursor) or blank."""
        width = self.size.width
        line = self._line(y)
        if y < len(self._shown):
            self._shown[y] = line
        if line is None:
            return Strip.blank(width, self.rich_style)
        key, on_cursor = line
        cached = self._strips.get((key, width, on_cursor))
        if cached is not None:
            return cached
        style = self._styles_now()[on_cursor]
        text = self._render_row(self._rows[self._top + y][1], width)
        segments = Segment.apply_style(text.render(self.app.console), style)
        strip = Strip(segments).adjust_cell_length(width, style)
        self._strips[(key, width, on_cursor)] = strip
        return strip

    def on_click(self, event: events.Click) -> None:
        """Put the cursor on the clicked row and say it was chosen."""
        index = self._top + event.y
        if 0 <= index < len(self._rows):
            self.move_cursor(index - (self._cursor or 0))
            self.post_message(self.Chosen(self, index, self._rows[index][0]))
