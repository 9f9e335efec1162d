"""What an apposition says of a name ("X, the ... Y"): its head, the last role or
organisation noun of its noun phrase, not any such noun in the five words after the comma.
Found by the review of every group of the development corpus (benchmarks/RESULTS.md,
2026-12-02): "Djamel Beghal, the ringleader of a group" and "Andre Miranda, of the PATRI
consulting firm" were groups, "Jochen Homann, the Economic Ministry State Secretary" turned
into one with the first-noun reading. Each test reads a real cable, or a cable written here
where the point is a rule's edge."""

from __future__ import annotations

from pathlib import Path

import pytest

from cables.entities import extract_entities
from cables.model import Cable, Entities, Entity, Paragraph
from tests.entity_pages import extract_page


def _forms(entities: tuple[Entity, ...]) -> set[str]:
    return {form for entity in entities for form in entity.forms}


def _written(*sentences: str) -> Entities:
    paragraphs = tuple(Paragraph(n, None, text) for n, text in enumerate(sentences, 1))
    return extract_entities(Cable(id="09PARIS1", paragraphs=paragraphs))


def test_a_noun_after_a_preposition_is_no_head(corpus: Path) -> None:
    # "According to Andre Miranda, of the PATRI consulting firm": the firm is his employer
    entities = extract_page(corpus / "wikileaks-html" / "09BRASILIA905.html")
    assert "Andre Miranda" in _forms(entities.people)
    assert "Andre Miranda" not in _forms(entities.groups)
    written = _written("Djamel Beghal, the ringleader of a group arrested in 2001, was tried.")
    assert "Djamel Beghal" in _forms(written.people)
    assert not {"Djamel Beghal", "Beghal"} & _forms(written.groups)


def test_the_last_noun_of_the_phrase_is_its_head() -> None:
    written = _written(
        "Jochen Homann, the Economic Ministry State Secretary heading the task force, spoke.",
        "Ayad Jamaleddin, a Council of Representatives member from Baghdad, spoke.",
        "Cogent, a U.S. biometrics company, is close to a deal.",
    )
    assert {"Jochen Homann", "Ayad Jamaleddin"} <= _forms(written.people)
    assert "Cogent" in _forms(written.groups)


@pytest.mark.parametrize(
    ("page", "group"),
    [
        ("wikileaks-html/09PARIS559", "UFC-Que Choisir"),  # "a consumers group linked to"
        ("review/10ISLAMABAD175", "Chitral Scouts"),  # ", who just completed FCTC training"
    ],
)
def test_a_groups_apposition_keeps_it_a_group(corpus: Path, page: str, group: str) -> None:
    entities = extract_page(corpus / f"{page}.html")
    assert group in _forms(entities.groups)
    assert group not in _forms(entities.people)


def test_a_verb_ends_the_phrase() -> None:
    # not an apposition at all: "Unlike Putin, the President-elect has no network"
    written = _written("Unlike Putin, the President-elect has no network in the Kremlin.")
    assert "Putin" in _forms(written.people)
    assert "Putin" not in _forms(written.groups)
