"""The line above the cable list naming the active facets, each with the key that clears it."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from cables.sanitize import clean_text
from tui.presentation.counts import counted
from tui.presentation.facets import NO_FACETS, Facets

__all__ = ["FacetBar"]


class FacetBar(Widget):
    """The active facets (``classification SECRET × tag PGOV``) and the count of matching
    cables; hidden while no facet is active."""

    DEFAULT_CSS = """
    FacetBar {
        height: 1;
        background: $boost;
        color: $text-accent;
        padding: 0 1;
        display: none;
        &.-active { display: block; }
    }
    """

    facets: reactive[Facets] = reactive(NO_FACETS)
    count: reactive[int | None] = reactive(None)

    def watch_facets(self, facets: Facets) -> None:
        """Show the bar only while a facet is active."""
        self.set_class(bool(facets), "-active")

    def render(self) -> Text:
        """``N cables · classification SECRET × · tag PGOV × · x clears``."""
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        if self.count is not None:
            text.append(counted(self.count, "cable"), "bold")
        for choice in self.facets:
            text.append(" · ")
            text.append(f"{choice.kind.value} ", "dim")
            text.append(clean_text(" ".join(choice.value.split())))
        text.append("  (x clears)", "dim")
        return text
