"""The help screen: the keys of every screen, grouped by screen, generated from the bindings.

Each row gives the keys (as the user's keymap sets them), what they do, and the binding's id,
the name to use in a keymap. The section of the screen the help was opened from comes first,
then the keys that work everywhere, then every other screen's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

__all__ = ["HelpRow", "HelpScreen", "KeySection", "help_rows"]

#: A section of the help: its title and the classes whose bindings it lists.
KeySection = tuple[str, Sequence[type]]
#: One row of the help: keys as shown, description, binding id.
HelpRow = tuple[str, str, str]


def _bindings(owner: type) -> Iterable[Binding]:
    for binding in getattr(owner, "BINDINGS", ()):
        if isinstance(binding, Binding) and not binding.system:
            yield binding


def help_rows(
    sections: Sequence[KeySection],
    keymap: Mapping[str, str],
    key_display: Callable[[Binding], str],
    current: str | None = None,
) -> list[tuple[str, list[HelpRow]]]:
    """The rows of each section: one row per binding, its keys as ``keymap`` sets them
    (binding id -> "key1,key2") shown by ``key_display``.

    A binding that several sections list (the keys every screen shares) is shown in the first
    of ``sections`` that lists it. The section titled ``current`` comes first, the others
    follow in their order.
    """
    home: dict[str, str] = {}
    rows_of: dict[str, list[HelpRow]] = {}
    for title, owners in sections:
        rows = rows_of.setdefault(title, [])
        for owner in owners:
            for binding in _bindings(owner):
                name = binding.id or f"{owner.__name__}.{binding.action}"
                if home.setdefault(name, title) != title or any(r[2] == name for r in rows):
                    continue
                keys = keymap.get(binding.id or "", binding.key).split(",")
                shown = ", ".join(key_display(replace(binding, key=k.strip())) for k in keys)
                description = (
                    binding.tooltip or binding.description or binding.action.replace("_", " ")
                )
                rows.append((shown, description, name))
    order = sorted(rows_of, key=lambda title: title != current)  # stable: the rest in order
    return [(title, rows_of[title]) for title in order if rows_of[title]]


class HelpScreen(ModalScreen[None]):
    """Every key of every screen, by section (the current screen's first), with binding ids."""

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

    def __init__(
        self, sections: Sequence[KeySection], keymap: Mapping[str, str], current: str | None
    ) -> None:
        """``sections`` in their order (the keys they share go to the first that lists them);
        ``current`` is the title of the section to show first."""
        super().__init__()
        self._sections = sections
        self._keymap = keymap
        self._current = current

    def compose(self) -> ComposeResult:
        """A scrolling table of the keys."""
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys (escape closes)"
            body.can_focus = True
            yield Static(self._table(), id="help-table")

    def on_mount(self) -> None:
        """Focus the table so the scroll keys work."""
        self.query_one("#help-body").focus()

    def _table(self) -> Group:
        rows = help_rows(self._sections, self._keymap, self.app.get_key_display, self._current)
        key_width = max((len(keys) for _, section in rows for keys, _, _ in section), default=4)
        id_width = max((len(name) for _, section in rows for _, _, name in section), default=4)
        parts: list[Text | Table] = []
        for index, (title, section_rows) in enumerate(rows):
            parts.append(Text(("\n" if index else "") + title, style="bold underline"))
            table = Table.grid(padding=(0, 2), expand=True)
            table.add_column(no_wrap=True, style="bold", min_width=min(key_width, 20))
            table.add_column(ratio=1)  # a long description wraps: never cut
            table.add_column(style="dim", no_wrap=True, min_width=id_width)
            for keys, description, binding_id in section_rows:
                table.add_row(Text(keys), Text(description), Text(binding_id))
            parts.append(table)
        return Group(*parts)

    def action_scroll(self, how: str) -> None:
        """Scroll the table."""
        body = self.query_one("#help-body", VerticalScroll)
        {
            "down": lambda: body.scroll_down(animate=False),
            "up": lambda: body.scroll_up(animate=False),
            "page_down": lambda: body.scroll_page_down(animate=False),
            "page_up": lambda: body.scroll_page_up(animate=False),
        }[how]()
