"""The JSON form of a cable (DESIGN.md's contract) and its inverse.

The contract's keys come first, in the documented order; the extra keys (``id_malformed``,
``routing``, ``section``, ``eo``, ``declassify_on``, ``citations``) extend it compatibly.
``citations`` lists every cable the text cites with the citing paragraphs:
``[{"id": "07TASHKENT877", "paragraphs": [0, 4]}]``.
"""

from __future__ import annotations

from typing import Any

from cables.model import Cable, Citation, Entities, Entity, Paragraph, Routing


def _entity_json(entity: Entity) -> dict[str, Any]:
    return {"name": entity.name, "forms": list(entity.forms), "paragraphs": list(entity.paragraphs)}


def cable_to_json(cable: Cable) -> dict[str, Any]:
    """The JSON object of one cable, as printed by ``parse --json`` and ``show --json``."""
    routing = cable.routing
    return {
        "id": cable.id,
        "created": cable.created,
        "released": cable.released,
        "classification": cable.classification,
        "origin": cable.origin,
        "subject": cable.subject,
        "tags": list(cable.tags),
        "references": list(cable.references),
        "summary": cable.summary,
        "classified_by": cable.classified_by,
        "signer": cable.signer,
        "paragraphs": [
            {"number": p.number, "marking": p.marking, "text": p.text} for p in cable.paragraphs
        ],
        "entities": {
            "people": [_entity_json(e) for e in cable.entities.people],
            "places": [_entity_json(e) for e in cable.entities.places],
            "groups": [_entity_json(e) for e in cable.entities.groups],
        },
        "id_malformed": cable.id_malformed,
        "routing": None
        if routing is None
        else {
            "precedence": routing.precedence,
            "dtg": routing.dtg,
            "from": routing.from_,
            "to": list(routing.to),
            "info": list(routing.info),
        },
        "section": list(cable.section) if cable.section else None,
        "eo": cable.eo,
        "declassify_on": cable.declassify_on,
        "citations": [{"id": c.id, "paragraphs": list(c.paragraphs)} for c in cable.citations],
    }


def _entities_from_json(data: dict[str, Any] | None) -> Entities:
    data = data or {}

    def kind(name: str) -> tuple[Entity, ...]:
        return tuple(
            Entity(e["name"], tuple(e.get("forms", ())), tuple(e.get("paragraphs", ())))
            for e in data.get(name, ())
        )

    return Entities(people=kind("people"), places=kind("places"), groups=kind("groups"))


def cable_from_json(data: dict[str, Any]) -> Cable:
    """The Cable of a JSON object made by :func:`cable_to_json` (missing extras allowed).

    Raises KeyError or TypeError on an object of another shape; callers turn that into a
    ParseError naming the source.
    """
    routing = data.get("routing")
    section = data.get("section")
    return Cable(
        id=data["id"],
        created=data.get("created"),
        released=data.get("released"),
        classification=data.get("classification"),
        origin=data.get("origin"),
        subject=data.get("subject"),
        tags=tuple(data.get("tags") or ()),
        references=tuple(data.get("references") or ()),
        summary=data.get("summary"),
        classified_by=data.get("classified_by"),
        signer=data.get("signer"),
        paragraphs=tuple(
            Paragraph(int(p["number"]), p.get("marking"), p["text"])
            for p in data.get("paragraphs") or ()
        ),
        entities=_entities_from_json(data.get("entities")),
        id_malformed=bool(data.get("id_malformed", False)),
        routing=None
        if not routing
        else Routing(
            precedence=routing.get("precedence"),
            dtg=routing.get("dtg"),
            from_=routing.get("from"),
            to=tuple(routing.get("to") or ()),
            info=tuple(routing.get("info") or ()),
        ),
        section=(int(section[0]), int(section[1])) if section else None,
        eo=data.get("eo"),
        declassify_on=data.get("declassify_on"),
        citations=tuple(
            Citation(str(c["id"]), tuple(int(n) for n in c.get("paragraphs") or ()))
            for c in data.get("citations") or ()
        ),
    )
