"""Cable text made safe for a terminal, as Rich ``Text`` objects (never markup).

Cables are untrusted: a body holding ``ESC]0;...`` would retitle the terminal, ``ESC]52;...``
write the clipboard, and ``[@click=app.quit]`` would become an action if it were ever read as
markup. Every string from a cable that reaches the screen goes through :func:`clean` (control
characters but newline and tab made visible) and into a ``Text`` built without markup.
"""

from __future__ import annotations

import re

from rich.style import Style
from rich.text import Text

from cables.sanitize import clean_text

# C0 controls but tab and newline, DEL, C1 controls; also the bidirectional overrides and
# isolates, which can make text display in another order than it is stored.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ESC shows as ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def clean(text: str | None) -> str:
    """``text`` with every control character but newline and tab made visible.

    Runs the domain's ``clean_text`` (the rule applied at import) again, then a last check of
    this layer's own, so that nothing that could drive the terminal reaches it whatever the
    store holds.
    """
    if not text:
        return ""
    return _CONTROL.sub(_visible, clean_text(text))


def one_line(text: str | None) -> str:
    """``text`` cleaned and folded onto one line (for list rows and header fields)."""
    return " ".join(clean(text).split())


def safe(text: str | None, style: Style | str = "") -> Text:
    """A ``Text`` of cleaned ``text``; its brackets are characters, never markup."""
    return Text(clean(text), style=style, end="", no_wrap=False)
