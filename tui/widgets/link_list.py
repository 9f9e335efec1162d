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

    ``enter`` on a link posts :class:`Followed`. Ids not in the store are shown dimmed, marked
    "not in store"; choosing one says so in place (nothing opens) and ``y`` copies its id.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, id="links.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="links.up"),
        Binding("home,g", "first", "First", show=False, id="links.first"),
        Binding("end,G", "last", "Last", show=False, id="links.last"),
        Binding("pagedown", "page_down", "Page down", show=False, id="links.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="links.page_up"),
        Binding("enter", "select", "Follow", id="links.follow"),
        Binding(
            "y", "copy_id", "Copy id", tooltip="Copy the highlighted link's id", id="links.copy_id"
        ),
    ]

    DEFAULT_CSS = """
    LinkList {
        height: auto;
        max-height: 100%;
        border: none;
        padding: 0;
        background: transparent;
        scrollbar-size-vertical: 1;
        &:focus { background-tint: $foreground 5%; border: none; }
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
        self.missing = (
            set()
            if present is None
            else {i for i in (*cites, *(cited_by or ())) if i not in present}
        )
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

    missing: frozenset[str] = frozenset()
    """The ids listed that the store does not hold."""

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Turn the chosen option into :class:`Followed`."""
        event.stop()
        self.choose(event.option)

    def choose(self, option: Option) -> None:
        """Follow ``option``'s cable, or say in place that the store does not hold it."""
        if not option.id:
            return
        cable_id = option.id[1:]
        if cable_id in self.missing:
            self.app.notify(
                f"{one_line(cable_id)} is not in this store (y copies its id).",
                severity="warning",
                timeout=4,
                markup=False,
            )
            return
        self.post_message(self.Followed(self, cable_id))

    @property
    def highlighted_id(self) -> str | None:
        """The id of the highlighted link, or None."""
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return option.id[1:] if option.id else None

    def action_copy_id(self) -> None:
        """Copy the highlighted link's id to the clipboard (OSC 52)."""
        cable_id = self.highlighted_id
        if cable_id is not None:
            self.app.copy_to_clipboard(cable_id)
            self.app.notify(f"Copied {one_line(cable_id)}", timeout=2, markup=False)
