"""The reader's entities pane: the cable's people, places and groups, with paragraphs.

An ``OptionList`` of one row per entity under a heading per kind (``Person: name ¶2 ¶5``);
``enter`` posts :class:`EntitiesPane.Chosen` with the name and kind, and the reader opens
the name's page. :meth:`EntitiesPane.show_cable` refills it for another cable.
"""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from cables.model import Cable
from tui.widgets.safe_text import one_line

__all__ = ["EntitiesPane"]

_KINDS = (
    ("people", "person", "People"),
    ("places", "place", "Places"),
    ("groups", "group", "Groups"),
)


class EntitiesPane(OptionList):
    """The names of one cable; ``enter`` on one asks for its page."""

    class Chosen(Message):
        """A name was chosen: its canonical name in the cable and its kind."""

        def __init__(self, name: str, kind: str) -> None:
            super().__init__()
            self.name = name
            self.kind = kind

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.cable_id: str | None = None
        self._entries: list[tuple[str, str, tuple[int, ...]]] = []

    def show_cable(self, cable: Cable | None) -> None:
        """List ``cable``'s entities (nothing for None)."""
        self.cable_id = cable.id if cable is not None else None
        self.clear_options()
        self._entries = []
        if cable is None:
            return
        options: list[Option | None] = []
        for field, kind, heading in _KINDS:
            entities = getattr(cable.entities, field)
            if not entities:
                continue
            options.append(Option(Text(heading, style="bold underline", end=""), disabled=True))
            for entity in entities:
                row = Text(no_wrap=True, overflow="ellipsis", end="")
                row.append(one_line(entity.name))
                numbers = " ".join(f"¶{n}" for n in entity.paragraphs)
                if numbers:
                    row.append(f"  {numbers}", style="dim")
                options.append(Option(row, id=f"n{len(self._entries)}"))
                self._entries.append((entity.name, kind, entity.paragraphs))
        if not options:
            options.append(Option(Text("No names found in this cable.", end=""), disabled=True))
        self.add_options([o for o in options if o is not None])
        first = next((i for i, o in enumerate(self.options) if not o.disabled), None)
        self.highlighted = first

    def names_in_paragraph(self, number: int) -> list[tuple[str, str]]:
        """(name, kind) of the entities named in paragraph ``number``."""
        return [(name, kind) for name, kind, numbers in self._entries if number in numbers]

    def focus_paragraph(self, number: int) -> bool:
        """Highlight the first name of paragraph ``number``; False when it names none."""
        for index, option in enumerate(self.options):
            if option.id and number in self._entries[int(option.id[1:])][2]:
                self.highlighted = index
                return True
        return False

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Ask for the chosen name's page."""
        event.stop()
        if event.option.id:
            name, kind, _ = self._entries[int(event.option.id[1:])]
            self.post_message(self.Chosen(name, kind))
