"""The help screen, generated from the bindings active where it was opened.

Keys bound to the same action are shown together; each row also gives the binding's id, the
name to use in a keymap.
"""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

__all__ = ["HelpScreen", "help_rows"]

_SECTIONS = {
    "CablesApp": "Everywhere",
    "MainScreen": "Cable list",
    "CableList": "Cable list",
    "ReaderScreen": "Reader",
    "ParagraphView": "Reader: text",
    "LinkList": "Reader: links",
    "PromptBar": "Prompt",
}


def help_rows(
    bindings: dict[str, ActiveBinding], key_display: dict[str, str]
) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Sections of (keys, description, binding id), in the order the bindings apply.

    ``key_display`` maps a key to its display form. Keys of one action on one widget are
    joined ("j, down").
    """
    sections: dict[str, dict[tuple[int, str], list[str]]] = {}
    described: dict[tuple[int, str], tuple[str, str]] = {}
    for key, active in bindings.items():
        binding: Binding = active.binding
        if binding.system:
            continue
        node: DOMNode = active.node
        section = _SECTIONS.get(type(node).__name__, type(node).__name__)
        group = (id(node), binding.id or binding.action)
        sections.setdefault(section, {}).setdefault(group, []).append(key_display.get(key, key))
        description = binding.tooltip or binding.description or binding.action.replace("_", " ")
        described[group] = (description, binding.id or "")
    result: list[tuple[str, list[tuple[str, str, str]]]] = []
    for section, groups in sections.items():
        rows = [(", ".join(keys), *described[group]) for group, keys in groups.items()]
        result.append((section, rows))
    return result


class HelpScreen(ModalScreen[None]):
    """Every key that works on the screen below, by section, with its binding id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
        Binding("down,j", "scroll('down')", "Down", show=False, id="help.down"),
        Binding("up,k", "scroll('up')", "Up", show=False, id="help.up"),
        Binding(
            "pagedown,space", "scroll('page_down')", "Page down", show=False, id="help.page_down"
        ),
        Binding("pageup,b", "scroll('page_up')", "Page up", show=False, id="help.page_up"),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        background: $background 60%;
        #help-body {
            width: 90;
            max-width: 100%;
            height: 90%;
            border: round $accent;
            border-title-align: center;
            background: $surface;
            padding: 0 1;
        }
    }
    """

    def __init__(self, bindings: dict[str, ActiveBinding]) -> None:
        super().__init__()
        self._bindings_below = bindings

    def compose(self) -> ComposeResult:
        """A scrolling table of the keys."""
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys (escape closes)"
            body.can_focus = True
            yield Static(self._table(), id="help-table")

    def on_mount(self) -> None:
        """Focus the table so the scroll keys work."""
        self.query_one("#help-body").focus()

    def _table(self) -> Table:
        display = {
            key: self.app.get_key_display(active.binding)
            for key, active in self._bindings_below.items()
        }
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, style="bold")
        table.add_column()
        table.add_column(style="dim", no_wrap=True)
        for index, (section, rows) in enumerate(help_rows(self._bindings_below, display)):
            if index:
                table.add_row("", "", "")
            table.add_row(Text(section, style="bold underline"), "", "")
            for keys, description, binding_id in rows:
                table.add_row(Text(keys), Text(description), Text(binding_id))
        return table

    def action_scroll(self, how: str) -> None:
        """Scroll the table."""
        body = self.query_one("#help-body", VerticalScroll)
        {
            "down": lambda: body.scroll_down(animate=False),
            "up": lambda: body.scroll_up(animate=False),
            "page_down": lambda: body.scroll_page_down(animate=False),
            "page_up": lambda: body.scroll_page_up(animate=False),
        }[how]()
