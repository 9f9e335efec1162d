"""Which paragraph the reader is reading, decided from the scroll position alone.

The *current* paragraph is the one the status line shows, ``y`` links to, ``Y`` copies,
``[``/``]`` step from and the command palette acts on. The rule, in this order:

1. the paragraph jumped to (a ``¶N`` link, ``[``/``]``, a search hit with ``n``/``N``) while
   at least one of its lines is on screen; once it has scrolled out of sight it is forgotten;
2. at the very bottom of a cable taller than the screen, the last paragraph (it is on screen,
   and may be unable to reach the top line; ``G`` means "the end");
3. otherwise the paragraph whose text is on the top line; when the top line is the blank
   between two paragraphs, the paragraph just below it.

Every rule picks a paragraph with a line on screen, so the reader never cites one it cannot
see. ¶0 (the text before ¶1) is cited as the cable itself. Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass

from cables.links import format_cable_link
from cables.sanitize import clean_text
from tui.presentation.cable_layout import CableLayout

__all__ = ["ReadingPlace", "ReadingPosition", "current_paragraph"]


def current_paragraph(
    layout: CableLayout, top: int, height: int, *, jumped_to: int | None, at_bottom: bool
) -> int | None:
    """The position of the current paragraph (see the module's rule), or None with no text.

    ``top`` is the first line on screen, ``height`` the number of lines on screen,
    ``jumped_to`` the position of the paragraph last jumped to (or None), ``at_bottom``
    whether the view is scrolled as far down as it goes and the cable is taller than it.
    """
    height = max(1, height)
    if jumped_to is not None and layout.is_visible(jumped_to, top, height):
        return jumped_to
    if at_bottom and layout.texts:
        return len(layout.texts) - 1
    return layout.first_paragraph_from(top, top + height)


@dataclass(frozen=True, slots=True)
class ReadingPosition:
    """Where the reader is in a cable: what :class:`ParagraphView.Moved` carries.

    Paragraphs are given by number. ``fraction`` is how far down the view is scrolled (0 to 1),
    None when the whole cable fits. ``match`` is the 1-based number of the current search hit.
    """

    cable_id: str | None = None
    current: int | None = None
    top: int | None = None
    paragraph_count: int = 0
    fraction: float | None = None
    search: str = ""
    match: int | None = None
    match_count: int = 0

    @property
    def cited(self) -> int | None:
        """The paragraph a link cites: the current one, None for ¶0 (the cable itself)."""
        return self.current or None

    def link(self) -> str | None:
        """``08ASTANA611¶5``: the link to the current paragraph, None with no cable."""
        if self.cable_id is None:
            return None
        return format_cable_link(self.cable_id, self.cited)

    def status(self) -> str:
        """``08ASTANA611 · ¶5 of 17 · 40% · “Nur Otan” 2/3``: plain text, never markup."""
        if self.cable_id is None:
            return ""
        parts = [" ".join(clean_text(self.cable_id).split())]
        if self.cited is not None:
            parts.append(f"¶{self.cited} of {self.paragraph_count}")
        if self.fraction is not None:
            parts.append(f"{round(100 * self.fraction)}%")
        if self.search:
            count = self.match_count
            found = f"{self.match}/{count}" if self.match else f"{count} found"
            parts.append(f"“{clean_text(self.search)}” {found}")
        return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class ReadingPlace:
    """A place to come back to: the top line (as paragraph number and lines into it), and the
    paragraph that was current, to make current again."""

    top: int
    lines_into: int
    current: int | None
