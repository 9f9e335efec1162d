"""From a source's metadata and body text to a :class:`~cables.model.Cable`."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from cables.body.fields import parse_body
from cables.entities import extract_entities
from cables.errors import ParseError
from cables.ids import id_station, id_year, normalize_id
from cables.model import Cable
from cables.routing import parse_routing
from cables.sanitize import clean_text


@dataclass(frozen=True, slots=True)
class Where:
    """The source of a document, for error messages: file and optional row / line."""

    source: str
    location: str | None = None

    def error(self, reason: str) -> ParseError:
        """A ParseError for this source."""
        return ParseError(self.source, reason, self.location)


def _field(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(clean_text(value).split())
    return value or None


def build_cable(
    where: Where,
    *,
    raw_id: str | None,
    created: str | None,
    released: str | None,
    classification: str | None,
    origin: str | None,
    body: str,
    routing_lines: Iterable[str] = (),
    extra_references: Iterable[str] = (),
) -> Cable:
    """The Cable of these header values (as given by the source) and body text.

    Every text is cleaned of control characters first. Raises ParseError when there is no
    id. ``extra_references`` (e.g. the csv's reference column) follow the body's own.
    """
    raw = _field(raw_id)
    if not raw:
        raise where.error("no cable id found")
    if len(raw) > 64 or " " in raw:
        raise where.error(f"not a cable id: {raw[:40]!r}")
    cable_id, malformed = normalize_id(raw)
    year = None if malformed else id_year(cable_id)
    if year is None and created and created[:4].isdigit():
        year = created[2:4]
    fields = parse_body(
        clean_text(body),
        station=None if malformed else id_station(cable_id),
        year=year,
        own_id=cable_id,
    )
    references = list(fields.references)
    for extra in extra_references:
        ref, bad = normalize_id(clean_text(extra))
        if ref and not bad and ref not in references and ref != cable_id:
            references.append(ref)
    routing = parse_routing([clean_text(line) for line in routing_lines])
    cable = Cable(
        id=cable_id,
        created=created,
        released=released,
        classification=_field(classification),
        origin=_field(origin),
        subject=fields.subject,
        tags=fields.tags,
        references=tuple(references),
        summary=fields.summary,
        classified_by=fields.classified_by,
        signer=fields.signer,
        paragraphs=fields.paragraphs,
        id_malformed=malformed,
        routing=routing,
        section=fields.section,
        eo=fields.eo,
        declassify_on=fields.declassify_on,
        citations=fields.citations,
    )
    return dataclasses.replace(cable, entities=extract_entities(cable))
