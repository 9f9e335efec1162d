"""WikiLeaks cable pages, 2010 site and 2011 layout, with or without the site chrome.

The page holds a ``<table class='cable'>`` (Reference ID, Created, Released,
Classification, Origin) and ``<pre>`` blocks: the routing header, then the body, with
paragraph anchors ``<a id='par1' href='#par1'>¶</a>`` and TAGS as links. A partial extract
carries a notice in place of the routing header. Without the table, the id comes from the
page heading ("Viewing cable ...") or the file name.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from cables.dates import parse_timestamp
from cables.formats.assemble import Where, build_cable
from cables.ids import id_from_file_name
from cables.model import Cable

_PARTIAL = "partial extract of the original cable"
_VIEWING = re.compile(r"Viewing cable\s+(\S+?),?\s*$")
_HTML_CLOSE = re.compile(r"</html\s*>", re.IGNORECASE)
_PRE_OPEN = re.compile(r"<pre\b", re.IGNORECASE)
_PRE_CLOSE = re.compile(r"</pre\s*>", re.IGNORECASE)
# The 2010 site sometimes printed its own database query after the cable text.
_SITE_QUERY = "SELECT * FROM `cable`"
_SITE_QUERY_LINE = re.compile(r"\n[ \t]*SELECT \* FROM `cable`[^\n]*\s*\Z")


def _check_complete(text: str, where: Where) -> None:
    if "<html" in text[:4096].lower() and not _HTML_CLOSE.search(text):
        raise where.error("truncated HTML page: it ends before </html>")
    if len(_PRE_OPEN.findall(text)) > len(_PRE_CLOSE.findall(text)):
        raise where.error("truncated HTML page: a <pre> block is not closed")


def _table_values(tree: LexborHTMLParser) -> list[str]:
    table = tree.css_first("table.cable")
    if table is None:
        return []
    for row in table.css("tr"):
        cells = row.css("td")
        if len(cells) >= 5:
            return [" ".join(cell.text().split()) for cell in cells[:5]]
    return []


def _fallback_id(tree: LexborHTMLParser, source: str) -> str | None:
    for heading in tree.css("h3"):
        match = _VIEWING.search(heading.text().strip())
        if match:
            return match[1]
    return id_from_file_name(source)


def parse_html(text: str, source: str, location: str | None = None) -> Cable:
    """The Cable of a WikiLeaks cable page (or an extract of one)."""
    where = Where(source, location)
    _check_complete(text, where)
    try:
        tree = LexborHTMLParser(text)
    except Exception as error:  # selectolax raises plain Exceptions on bad input
        raise where.error(f"unreadable HTML: {error}") from None
    blocks = [pre.text() for pre in tree.css("pre")]
    blocks = [b for b in blocks if _PARTIAL not in b[:300] or len(b) > 400]
    if not blocks:
        raise where.error("no cable text in this HTML page (no <pre> block)")
    body = blocks[-1]
    if _SITE_QUERY in body:
        body = _SITE_QUERY_LINE.sub("\n", body)
    routing = blocks[-2] if len(blocks) >= 2 else ""
    values = _table_values(tree)
    raw_id: str | None
    if values:
        raw_id, created, released, classification, origin = values
    else:
        raw_id, created, released, classification, origin = (
            _fallback_id(tree, source),
            "",
            "",
            "",
            "",
        )
    return build_cable(
        where,
        raw_id=raw_id,
        created=parse_timestamp(created) if created else None,
        released=parse_timestamp(released) if released else None,
        classification=classification or None,
        origin=origin or None,
        body=body,
        routing_lines=routing.split("\n"),
    )
