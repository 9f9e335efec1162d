"""The browser's commands in the command palette (``ctrl+p``): open a cable, sort, go to,
bookmarks and notes, help."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from cables.links import format_cable_link, parse_cable_link
from tui.presentation.catalog_order import SortKey

if TYPE_CHECKING:
    from tui.app import CablesApp

__all__ = ["CablesCommands"]


class CablesCommands(Provider):
    """Open a cable by typing its id (``08ASTANA611¶5`` too), sort the list, show help."""

    @property
    def _app(self) -> CablesApp:
        return self.app  # type: ignore[return-value]

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app = self._app
        commands: list[tuple[str, Callable[[], object], str]] = [
            (
                f"Sort by {key.value}",
                partial(app.sort_list, key),
                f"Sort the cable list by {key.value}",
            )
            for key in SortKey
        ]
        commands += [
            ("Show keys", app.action_help, "The help screen: every key and its id"),
            ("Back to the list", app.action_show_list, "Close the reader"),
            ("Go to a cable", app.action_go_to, "Open a cable by any spelling of its id"),
            (
                "Find a person, place or group",
                app.action_find_entity,
                "Look up a name by any spelling, as you type",
            ),
            ("Bookmark", app.action_bookmark, "Bookmark the cable or paragraph on screen"),
            ("Note", app.action_note, "Write a note on the cable or paragraph on screen"),
            ("Bookmarks and notes", app.action_notes, "Every bookmark and note, newest first"),
            ("Back", app.action_back, "Back to the cable read before"),
            ("Forward", app.action_forward, "Forward to the cable left with back"),
            ("History", app.action_history, "Every cable read in this session, newest first"),
        ]
        commands += app.main_screen.palette_commands()
        return commands

    async def discover(self) -> Hits:
        """The commands shown before anything is typed."""
        for name, command, help_text in self._commands():
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> AsyncIterator[Hit]:
        """Commands matching ``query``, and "Open …" when it reads as a cable reference."""
        try:
            cable_id, paragraph = parse_cable_link(query)
        except ValueError:
            cable_id, paragraph = None, None
        if cable_id is not None and any(ch.isdigit() for ch in cable_id):
            catalog = self._app.catalog
            if catalog is None or cable_id in catalog:
                link = format_cable_link(cable_id, paragraph)
                yield Hit(
                    1.0,
                    Text(f"Open {link}"),
                    partial(self._app.open_cable, cable_id, paragraph),
                    text=f"Open {link}",
                    help="Open this cable in the reader",
                )
        matcher = self.matcher(query)
        for name, command, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, help=help_text)
