"""A one-line status bar: what is loading (with a progress bar) on the left, counts on the right."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.presentation.cells import clip_cells

__all__ = ["StatusLine"]

_BAR = 12


def progress_bar(done: int, total: int, width: int = _BAR) -> str:
    """A text progress bar ``width`` cells wide (no animation, redrawn as counts change)."""
    if total <= 0:
        return "░" * width
    filled = max(0, min(width, round(width * done / total)))
    return "█" * filled + "░" * (width - filled)


class StatusLine(Widget):
    """The bottom line above the footer.

    ``busy`` is the work under way ("Loading catalog 40%"), shown with the class ``-busy``;
    ``info`` is the steady state (counts, sort, filter). Both are plain text, never markup.
    """

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        background: $panel;
        color: $text-muted;
        padding: 0 1;
        &.-busy { color: $text-warning; }
        & > .status-line--busy { color: $text-warning; text-style: bold; }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"status-line--busy"}

    busy: reactive[str] = reactive("")
    info: reactive[str] = reactive("")

    def watch_busy(self, busy: str) -> None:
        """Mark the bar busy while something loads."""
        self.set_class(bool(busy), "-busy")

    def show_progress(self, what: str, done: int, total: int) -> None:
        """Show ``what`` with a progress bar and a percentage."""
        percent = 100 * done // total if total > 0 else 0
        self.busy = f"{what} {progress_bar(done, total)} {percent:3d}%"

    def render(self) -> Text:
        """Busy text on the left, info on the right (the info cut first when narrow)."""
        width = self.size.width
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        if self.busy:
            text.append(self.busy, self.get_component_rich_style("status-line--busy"))
        room = width - cell_len(self.busy) - (2 if self.busy else 0)
        info = self.info
        if info and room > 3:
            info = clip_cells(info, room)
            text.append(" " * (width - cell_len(self.busy) - cell_len(info)))
            text.append(info)
        return text
