"""The links of a cable: the cables it cites and the cables that cite it, to follow with enter."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.widgets.safe_text import one_line

__all__ = ["LinkList"]


class LinkList(OptionList, inherit_bindings=False):
    """A list of cable ids under two headings, "Cites" and "Cited by".

    ``enter`` on a link posts :class:`Followed`. Ids not in the store are shown dimmed and
    can still be chosen (the reader then says the cable is not in this store).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, id="links.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="links.up"),
        Binding("home,g", "first", "First", show=False, id="links.first"),
        Binding("end,G", "last", "Last", show=False, id="links.last"),
        Binding("pagedown", "page_down", "Page down", show=False, id="links.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="links.page_up"),
        Binding("enter", "select", "Follow", id="links.follow"),
    ]

    DEFAULT_CSS = """
    LinkList {
        height: auto;
        max-height: 100%;
        border: none;
        padding: 0;
        background: transparent;
        scrollbar-size-vertical: 1;
        &:focus { background-tint: $foreground 5%; }
    }
    """

    class Followed(Message):
        """The reader chose a link to follow."""

        def __init__(self, link_list: LinkList, cable_id: str) -> None:
            super().__init__()
            self.link_list = link_list
            self.cable_id = cable_id

        @property
        def control(self) -> LinkList:
            """The list that sent this message."""
            return self.link_list

    def show_links(
        self,
        cites: list[str],
        cited_by: list[str] | None,
        *,
        present: set[str] | None = None,
    ) -> None:
        """List ``cites`` and ``cited_by`` (None: not known yet); dim ids not in ``present``."""
        self.clear_options()
        options: list[Option] = []

        def entry(arrow: str, cable_id: str) -> Option:
            label = Text(f"{arrow} {one_line(cable_id)}", no_wrap=True, overflow="ellipsis")
            if present is not None and cable_id not in present:
                label.stylize("dim")
                label.append(" (not in store)", "dim italic")
            return Option(label, id=f"{arrow}{cable_id}")

        options.append(Option(Text(f"Cites ({len(cites)})", style="bold"), disabled=True))
        options.extend(entry("→", cable_id) for cable_id in cites)
        if cited_by is None:
            options.append(Option(Text("Cited by …", style="bold"), disabled=True))
        else:
            options.append(Option(Text(f"Cited by ({len(cited_by)})", style="bold"), disabled=True))
            options.extend(entry("←", cable_id) for cable_id in cited_by)
        self.add_options(options)
        self.highlighted = next(
            (i for i, option in enumerate(options) if not option.disabled), None
        )

    @property
    def link_count(self) -> int:
        """How many links can be followed."""
        return sum(1 for option in self.options if not option.disabled)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Turn the chosen option into :class:`Followed`."""
        event.stop()
        option_id = event.option.id
        if option_id:
            self.post_message(self.Followed(self, option_id[1:]))
