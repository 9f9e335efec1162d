"""JSON Lines: one cable a line, as printed by ``cables parse --json`` (the JSON of
DESIGN.md). Read back through :func:`cables.jsonform.cable_from_json`, checked, and cleaned
of control characters like every other source."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import orjson

from cables.formats.assemble import Where
from cables.ids import normalize_id
from cables.jsonform import cable_from_json
from cables.model import Cable, Entities, Entity, Paragraph
from cables.sanitize import clean_text

_TEXT_FIELDS = (
    "created",
    "released",
    "classification",
    "origin",
    "subject",
    "summary",
    "classified_by",
    "signer",
    "eo",
    "declassify_on",
)


def _text(value: Any, name: str, where: Where) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise where.error(f"{name} is not a string")
    return clean_text(value)


def _texts(values: Any, name: str, where: Where) -> tuple[str, ...]:
    if not isinstance(values, (list, tuple)) or not all(isinstance(v, str) for v in values):
        raise where.error(f"{name} is not a list of strings")
    return tuple(clean_text(v) for v in values)


def _entities(entities: Entities, where: Where) -> Entities:
    def kind(items: tuple[Entity, ...]) -> tuple[Entity, ...]:
        out = []
        for entity in items:
            if not isinstance(entity.name, str) or not all(
                isinstance(n, int) and not isinstance(n, bool) for n in entity.paragraphs
            ):
                raise where.error("an entity is not a name with paragraph numbers")
            out.append(
                Entity(
                    clean_text(entity.name),
                    _texts(entity.forms, "entity forms", where),
                    entity.paragraphs,
                )
            )
        return tuple(out)

    return Entities(kind(entities.people), kind(entities.places), kind(entities.groups))


def parse_json_line(line: str | bytes, source: str, location: str | None = None) -> Cable:
    """The Cable of one JSON line; ParseError for invalid JSON or an object of another shape."""
    where = Where(source, location)
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError as error:
        raise where.error(f"not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise where.error("not a cable: a JSON value that is not an object")
    try:
        cable = cable_from_json(data)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
        raise where.error(f"not a cable in JSON: {type(error).__name__} {error}") from None
    if not isinstance(cable.id, str) or not cable.id.strip():
        raise where.error("not a cable in JSON: no id")
    cable_id, malformed = normalize_id(clean_text(cable.id))
    values = {name: _text(getattr(cable, name), name, where) for name in _TEXT_FIELDS}
    paragraphs = []
    for para in cable.paragraphs:
        if not isinstance(para.text, str) or not (
            para.marking is None or isinstance(para.marking, str)
        ):
            raise where.error("not a cable in JSON: a paragraph without text")
        marking = clean_text(para.marking) if para.marking else None
        paragraphs.append(Paragraph(para.number, marking, clean_text(para.text)))
    routing = cable.routing
    if routing is not None:
        routing = replace(
            routing,
            precedence=_text(routing.precedence, "routing", where),
            dtg=_text(routing.dtg, "routing", where),
            from_=_text(routing.from_, "routing", where),
            to=_texts(routing.to, "routing", where),
            info=_texts(routing.info, "routing", where),
        )
    return replace(
        cable,
        id=cable_id if not malformed else clean_text(cable.id),
        id_malformed=malformed or cable.id_malformed,
        tags=_texts(cable.tags, "tags", where),
        references=_texts(cable.references, "references", where),
        paragraphs=tuple(paragraphs),
        entities=_entities(cable.entities, where),
        routing=routing,
        **values,  # type: ignore[arg-type]  # text fields, each checked above
    )
