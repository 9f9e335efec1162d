"""All the fields of a cable body at once: :func:`parse_body`."""

from __future__ import annotations

from dataclasses import dataclass

from cables.body.citations import find_citations
from cables.body.header_fields import find_classified_by, find_eo, find_section, find_tags
from cables.body.lines import prepare_lines
from cables.body.paragraphs import split_paragraphs
from cables.body.references import parse_references, ref_block_text
from cables.body.signer import find_signer
from cables.body.subject import find_subject
from cables.body.summary import find_summary
from cables.ids import StationResolver, parser_stations
from cables.model import Citation, Paragraph

# Without a paragraph 1, the header fields are looked for in this many opening lines.
_HEADER_LINES = 40
# A Classified By line misplaced after paragraph 1 is looked for in this many lines.
_CLASSIFIED_LINES = 30


@dataclass(frozen=True, slots=True)
class BodyFields:
    """What a cable body says about itself."""

    subject: str | None
    tags: tuple[str, ...]
    references: tuple[str, ...]
    summary: str | None
    classified_by: str | None
    signer: str | None
    paragraphs: tuple[Paragraph, ...]
    section: tuple[int, int] | None
    eo: str | None
    declassify_on: str | None
    citations: tuple[Citation, ...] = ()


def parse_body(
    text: str,
    *,
    station: str | None = None,
    year: str | None = None,
    own_id: str | None = None,
    stations: StationResolver | None = None,
) -> BodyFields:
    """The fields of a cable body (the text after the routing header).

    ``station`` (of the cable's id) helps cut page markers out of lines; ``year`` (two
    digits) is the year of references that give none; ``own_id`` is never a reference;
    ``stations`` resolves the stations references are written with (by default
    :func:`cables.ids.parser_stations`: the stations the parser knows, or, during an
    import, every station of the store too).
    """
    if stations is None:
        stations = parser_stations()
    body = prepare_lines(text, station)
    paragraphs, first = split_paragraphs(body)
    head = body.lines[: min(first, len(body.lines))] if first else []
    if first >= len(body.lines):
        head = body.lines[:_HEADER_LINES]
    eo, declassify_on = find_eo(head)
    block = ref_block_text(head)
    found = parse_references(block, year, station, stations) if block else []
    references = [ref for ref in found if ref != own_id]
    return BodyFields(
        subject=find_subject(head),
        tags=find_tags(head),
        references=tuple(references),
        summary=find_summary(paragraphs),
        classified_by=find_classified_by(head)
        or find_classified_by(body.lines[first : first + _CLASSIFIED_LINES], inline=False),
        signer=find_signer(body.lines),
        paragraphs=tuple(paragraphs),
        section=find_section(body.lines),
        eo=eo,
        declassify_on=declassify_on,
        citations=find_citations(
            paragraphs,
            references,
            block,
            default_year=year,
            own=station,
            own_id=own_id,
            stations=stations,
        ),
    )
