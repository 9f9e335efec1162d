"""Links to a cable or to one paragraph of it, as readers write and paste them.

``08ASTANA611`` names a cable; ``08ASTANA611¶5``, ``08ASTANA611#5`` and ``08ASTANA611#par5``
(the WikiLeaks page anchor) name its paragraph 5. A pasted WikiLeaks address
(``https://wikileaks.org/cable/2008/03/08ASTANA611.html#par5``) is accepted too.

Pure Python: no TinyDB, no Textual.
"""

from __future__ import annotations

import re

__all__ = ["format_cable_link", "parse_cable_link"]

# An address: keep only the last path component (with its fragment).
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
# The paragraph part: "¶5", "¶ 5", "#5", "#par5", "#p5", also "§5" is not accepted.
_PARAGRAPH = re.compile(r"(?:¶|#\s*(?:par|p)?)\s*(\d{1,4})\s*$", re.IGNORECASE)
# A cable id: letters and digits (a canonical id is 2 digits, a station, a number).
_ID = re.compile(r"^[0-9A-Z][0-9A-Z_-]*$")
# A canonical-looking id whose number may carry leading zeros: "08ASTANA0611".
_CANONICAL = re.compile(r"^(\d{2})([A-Z][A-Z-]*?)0*(\d+)$")


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

    The id comes back in capitals with spaces removed and leading zeros of its number dropped
    (``08astana0611`` gives ``08ASTANA611``); an id of another shape (``7575LIBREVILLE1895``)
    is kept as written, in capitals. Raises ValueError, with a sentence for the user, when
    ``text`` names no cable.
    """
    raw = text.strip()
    if not raw:
        raise ValueError("no cable reference given")
    body = _strip_address(raw)
    paragraph: int | None = None
    match = _PARAGRAPH.search(body)
    if match:
        paragraph = int(match.group(1))
        body = body[: match.start()]
    elif "#" in body or "¶" in body:
        raise ValueError(f"cannot read a paragraph number in {raw!r}")
    cable_id = re.sub(r"\s+", "", body).upper()
    if not cable_id or not _ID.match(cable_id):
        raise ValueError(f"{raw!r} is not a cable reference")
    canonical = _CANONICAL.match(cable_id)
    if canonical:
        cable_id = "".join(canonical.groups())
    return cable_id, paragraph


def format_cable_link(cable_id: str, paragraph: int | None = None) -> str:
    """The link to quote: ``08ASTANA611`` or, for a paragraph, ``08ASTANA611¶5``."""
    return cable_id if paragraph is None else f"{cable_id}¶{paragraph}"
