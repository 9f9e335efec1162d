"""The JSON form of a cable keeps DESIGN.md's contract and round-trips every field."""

from __future__ import annotations

from cables.jsonform import cable_from_json, cable_to_json
from cables.model import Cable, Citation, Entities, Entity, Paragraph, Routing

CONTRACT_KEYS = [
    "id",
    "created",
    "released",
    "classification",
    "origin",
    "subject",
    "tags",
    "references",
    "summary",
    "classified_by",
    "signer",
    "paragraphs",
    "entities",
]


def _full_cable() -> Cable:
    return Cable(
        id="08ASTANA611",
        created="2008-03-21 05:37",
        released="2011-08-30 01:44",
        classification="UNCLASSIFIED//FOR OFFICIAL USE ONLY",
        origin="Embassy Astana",
        subject="SOUTH KAZAKHSTAN",
        tags=("PGOV", "KDEM"),
        references=("07TASHKENT877",),
        summary=None,
        classified_by=None,
        signer="ORDWAY",
        paragraphs=(Paragraph(0, None, "REF: 07 Tashkent 877"), Paragraph(1, "SBU", "Text.")),
        entities=Entities(people=(Entity("Ruslan Abdullin", ("Abdullin",), (12, 13)),)),
        routing=Routing("R", "210537Z MAR 08", "AMEMBASSY ASTANA", ("SECSTATE WASHDC",), ()),
        section=(1, 2),
        eo="12958: N/A",
        citations=(Citation("07TASHKENT877", (0, 4)), Citation("08ASTANA480", (7,))),
    )


def test_contract_keys_come_first_in_documented_order() -> None:
    data = cable_to_json(_full_cable())
    assert list(data)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    assert set(data["entities"]) == {"people", "places", "groups"}


def test_unknown_fields_are_null_or_empty_never_invented() -> None:
    data = cable_to_json(Cable(id="66BUENOSAIRES2481"))
    assert data["released"] is None and data["summary"] is None
    assert data["tags"] == [] and data["references"] == [] and data["paragraphs"] == []


def test_json_form_round_trips_every_field() -> None:
    cable = _full_cable()
    assert cable_from_json(cable_to_json(cable)) == cable


def test_paragraph_lookup_by_number() -> None:
    cable = _full_cable()
    assert cable.paragraph(1) == Paragraph(1, "SBU", "Text.")
    assert cable.paragraph(9) is None


def test_citations_follow_the_contract_keys_with_the_citing_paragraphs() -> None:
    data = cable_to_json(_full_cable())
    assert list(data).index("citations") > list(data).index("entities")
    assert data["citations"] == [
        {"id": "07TASHKENT877", "paragraphs": [0, 4]},
        {"id": "08ASTANA480", "paragraphs": [7]},
    ]


def test_json_without_citations_reads_as_none_cited() -> None:
    data = cable_to_json(_full_cable())
    del data["citations"]
    assert cable_from_json(data).citations == ()
