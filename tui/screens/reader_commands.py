"""The reader's commands in the command palette: copy the link or text of the current ¶, step.

Each command acts on the paragraph the reader is reading (the screen's ``position``), the same
one the status line shows and ``y`` copies; the link it would copy is in the command's name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.widgets.paragraph_view import ParagraphView

if TYPE_CHECKING:
    from tui.screens.reader import ReaderScreen

__all__ = ["ReaderCommands"]


class ReaderCommands(Provider):
    """Copy the link to the current paragraph or its text; go to the next or previous ¶."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        reader: ReaderScreen = self.screen  # type: ignore[assignment]
        link = reader.position.link()
        if link is None:
            return []
        view = reader.query_one(ParagraphView)
        commands: list[tuple[str, Callable[[], object], str]] = [
            (f"Copy link {link}", reader.action_copy_link, "Copy the link to the paragraph read")
        ]
        if reader.position.cited is not None:
            commands.append(
                (
                    f"Copy text of {link}",
                    reader.action_copy_paragraph,
                    "Copy the text of the paragraph read, with its link",
                )
            )
        commands.append(
            ("Next paragraph", view.action_next_paragraph, "Go to the paragraph after this one")
        )
        commands.append(
            (
                "Previous paragraph",
                view.action_previous_paragraph,
                "Go to the paragraph before this one",
            )
        )
        return commands

    async def discover(self) -> Hits:
        """The reader's commands, shown before anything is typed."""
        for name, command, help_text in self._commands():
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        """The reader's commands matching ``query``."""
        matcher = self.matcher(query)
        for name, command, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, help=help_text)
