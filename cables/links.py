"""Links to a cable or to one paragraph of it, as readers write and paste them.

``08ASTANA611`` names a cable; ``08ASTANA611¶5``, ``08ASTANA611#5`` and ``08ASTANA611#par5``
(the WikiLeaks page anchor) name its paragraph 5. A pasted WikiLeaks address
(``https://wikileaks.org/cable/2008/03/08ASTANA611.html#par5``) is accepted too.

Pure Python: no TinyDB, no Textual.
"""

from __future__ import annotations

import re

from cables.ids import parse_id, visible_text

__all__ = ["format_cable_link", "parse_cable_link"]

# An address: keep only the last path component (with its fragment).
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
# The paragraph part: "¶5", "¶ 5", "#5", "#par5", "#p5", also "§5" is not accepted.
_PARAGRAPH = re.compile(r"(?:¶|#\s*(?:par|p)?)\s*(\d{1,4})\s*$", re.IGNORECASE)


def _strip_address(text: str) -> str:
    """The last path component of a pasted address, with ``.html`` dropped."""
    if not _URL.match(text):
        return text
    rest = text.split("://", 1)[1]
    path, _, fragment = rest.partition("#")
    path = path.split("?", 1)[0].rstrip("/")
    last = path.rsplit("/", 1)[-1]
    if last.lower().endswith((".html", ".htm")):
        last = last.rsplit(".", 1)[0]
    return f"{last}#{fragment}" if fragment else last


def parse_cable_link(text: str) -> tuple[str, int | None]:
    """The cable id and paragraph number (or None) named by ``text``.

    The paragraph part (``¶5``, ``#5``, ``#par5``) and a pasted address are read here; the
    id itself is read by :func:`cables.ids.parse_id`, the one rule for ids: ``08astana0611``
    gives ``08ASTANA611``, ``08SECSTATE123`` gives ``08STATE123``, an id of another shape
    (``7575LIBREVILLE1895``) is kept, in capitals. Raises ValueError, with a sentence for
    the user, when ``text`` names no cable.
    """
    raw = text.strip()
    if not raw:
        raise ValueError("no cable reference given")
    if not raw.isascii():
        # Full-width "＃" and "１" read as "#" and "1"; zero-width characters are dropped.
        raw = visible_text(raw)
    body = _strip_address(raw)
    paragraph: int | None = None
    match = _PARAGRAPH.search(body)
    if match:
        paragraph = int(match.group(1))
        body = body[: match.start()]
    elif "#" in body or "¶" in body:
        raise ValueError(f"cannot read a paragraph number in {raw!r}")
    try:
        cable_id, _malformed = parse_id(body)
    except ValueError:
        raise ValueError(f"{raw!r} is not a cable reference") from None
    return cable_id, paragraph


def format_cable_link(cable_id: str, paragraph: int | None = None) -> str:
    """The link to quote: ``08ASTANA611`` or, for a paragraph, ``08ASTANA611¶5``."""
    return cable_id if paragraph is None else f"{cable_id}¶{paragraph}"
