"""Cable text made safe for a terminal, as Rich ``Text`` objects (never markup).

Cables are untrusted: a body holding ``ESC]0;...`` would retitle the terminal, ``ESC]52;...``
write the clipboard, and ``[@click=app.quit]`` would become an action if it were ever read as
markup. Every string from a cable that reaches the screen goes through :func:`clean` (control
characters but newline and tab made visible) and into a ``Text`` built without markup.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from cables.sanitize import clean_text


def clean(text: str | None) -> str:
    """``text`` (None: empty) with every control character but newline and tab made visible.

    Runs the domain's ``clean_text`` (the rule applied at import) again at render, so that
    nothing that could drive the terminal reaches it whatever the store holds.
    """
    return clean_text(text) if text else ""


def one_line(text: str | None) -> str:
    """``text`` cleaned and folded onto one line (for list rows and header fields)."""
    return " ".join(clean(text).split())


def safe(text: str | None, style: Style | str = "") -> Text:
    """A ``Text`` of cleaned ``text``; its brackets are characters, never markup."""
    return Text(clean(text), style=style, end="", no_wrap=False)
