"""A post named by its office and its city is a group ("Embassy Kabul", "ConGen Istanbul"):
"ConGen", the State Department's word for a consulate general, was read as a given name
("ConGen Istanbul" a person). Each test reads the real cable it protects, or a sentence."""

from __future__ import annotations

from pathlib import Path

from cables.entities import extract_entities
from cables.model import Cable, Paragraph
from cables.sources import iter_cables
from tests.entity_pages import forms_of


def test_a_consulate_general_named_congen_and_its_city_is_a_group(corpus: Path) -> None:
    path = corpus / "wikileaks-html/09ISTANBUL83.html"
    (cable,) = [c for c in iter_cables([str(path)]) if isinstance(c, Cable)]
    entities = extract_entities(cable)
    assert "ConGen Istanbul" in forms_of(entities, "groups")
    assert not any("ConGen" in form for form in forms_of(entities, "people"))


def test_congen_alone_joins_the_post_the_cable_names() -> None:
    text = "Embassy Kabul and ConGen Peshawar cleared this cable. ConGen officers met him."
    entities = extract_entities(Cable(id="09TEST1", paragraphs=(Paragraph(1, None, text),)))
    assert {"Embassy Kabul", "ConGen Peshawar", "ConGen"} == forms_of(entities, "groups")
    assert not entities.people
