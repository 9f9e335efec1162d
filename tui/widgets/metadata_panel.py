"""The header metadata of a cable: id, dates, classification, origin, subject, tags, links."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from cables.model import Cable
from tui.widgets.link_list import LinkList
from tui.widgets.safe_text import one_line

__all__ = ["MetadataPanel"]


def _fields(cable: Cable) -> list[tuple[str, str]]:
    """The header fields worth showing, as (label, value), unknown ones left out."""
    fields = [
        ("Created", cable.created),
        ("Released", cable.released),
        ("Class.", cable.classification),
        ("Origin", cable.origin),
        ("Subject", cable.subject),
        ("Tags", " ".join(cable.tags) if cable.tags else None),
        ("Signer", cable.signer),
        ("Class. by", cable.classified_by),
        ("E.O.", cable.eo),
        ("Declassify", cable.declassify_on),
    ]
    if cable.section:
        fields.append(("Section", f"{cable.section[0]} of {cable.section[1]}"))
    return [(label, one_line(value)) for label, value in fields if value]


class MetadataPanel(VerticalScroll):
    """The header of the cable being read, and its links (see :class:`LinkList`).

    With the class ``-compact`` (narrow terminals, panel above the text) the fields are packed
    into a few lines, released and signer included, as the wide panel shows them.
    """

    DEFAULT_CSS = """
    MetadataPanel {
        height: 1fr;
        width: 40;
        padding: 0 1;
        background: $surface;
        scrollbar-size-vertical: 1;
        #meta-id { text-style: bold; color: $text-accent; }
        #meta-fields { margin-bottom: 1; }
        &.-compact #meta-fields { margin-bottom: 0; }
        &.-compact.-no-links LinkList { display: none; }
    }
    """

    compact: reactive[bool] = reactive(False)

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.can_focus = False
        self.cable: Cable | None = None

    def compose(self) -> ComposeResult:
        """The id, the fields and the links."""
        yield Static(id="meta-id")
        yield Static(id="meta-fields")
        yield LinkList(id="links")

    def watch_compact(self, compact: bool) -> None:
        """Pack or unpack the fields."""
        self.set_class(compact, "-compact")
        if self.cable is not None and self.is_mounted:
            self.query_one("#meta-fields", Static).update(self._render_fields(self.cable))

    def show_cable(self, cable: Cable | None, *, title: str = "") -> None:
        """Show ``cable``'s header (or only ``title`` while it loads)."""
        self.cable = cable
        self.query_one("#meta-id", Static).update(Text(one_line(cable.id if cable else title)))
        fields = self.query_one("#meta-fields", Static)
        links = self.query_one(LinkList)
        if cable is None:
            fields.update(Text(""))
            links.clear_options()
            return
        fields.update(self._render_fields(cable))
        links.show_links(list(cable.references), None)
        self.set_class(not links.link_count, "-no-links")
        self.scroll_home(animate=False)

    def show_links(self, cited_by: list[str], present: set[str] | None) -> None:
        """Fill in the cables citing this one, once the store has answered."""
        if self.cable is not None:
            links = self.query_one(LinkList)
            links.show_links(list(self.cable.references), cited_by, present=present)
            self.set_class(not links.link_count, "-no-links")

    def _render_fields(self, cable: Cable) -> RenderableType:
        fields = _fields(cable)
        if self.compact:
            text = Text(end="")
            values = dict(fields)
            head = " · ".join(v for v in (values.get("Created"), values.get("Origin")) if v)
            text.append(head)
            if "Released" in values:
                text.append(" · released " if head else "Released ", "dim")
                text.append(values["Released"][:10])
            text.append("\n")
            if values.get("Subject"):
                text.append(values["Subject"] + "\n")
            if "Class." in values:
                text.append(values["Class."])
            if "Tags" in values:
                text.append(" · " if "Class." in values else "")
                text.append("Tags ", "dim")
                text.append(values["Tags"])
            if "Signer" in values:
                text.append(" · " if "Class." in values or "Tags" in values else "")
                text.append("Signer ", "dim")
                text.append(values["Signer"])
            text.rstrip()
            return text
        table = Table.grid(padding=(0, 1))
        table.add_column(style="dim", no_wrap=True)
        table.add_column(overflow="fold")
        for label, value in fields:
            table.add_row(Text(label), Text(value))
        return table
