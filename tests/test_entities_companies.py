"""Companies named bare, without a cue, are groups: the list of the main stock indices'
companies (``cables/data/companies.txt.gz``, built by ``scripts/make_companies.py``). Earlier
reviews of unseen cables missed such names ("Barclays", "Repsol", "Petrobras"); each test
reads the real cable it protects, or a cable written here where the point is the linker's."""

from __future__ import annotations

from pathlib import Path

import pytest

from cables.entities import extract_entities
from cables.entities.known_groups import is_known_group
from cables.model import Cable, Paragraph
from tests.entity_pages import extract_page, forms_of


@pytest.mark.parametrize(
    ("page", "companies"),
    [
        ("review/08LONDON2603", {"Barclays", "Goldman Sachs"}),
        ("review/06BUENOSAIRES1594", {"Repsol"}),
        ("review/07STOCKHOLM506", {"Volvo"}),
        ("wikileaks-html/09PARIS559", {"Sony"}),
    ],
)
def test_a_listed_company_named_bare_is_a_group(
    corpus: Path, page: str, companies: set[str]
) -> None:
    entities = extract_page(corpus / f"{page}.html")
    assert companies <= forms_of(entities, "groups")
    assert not companies & forms_of(entities, "people")


def test_the_list_keeps_out_names_of_everyday_english_and_legal_forms() -> None:
    # "Chevron", "Visa", "Target" are English words before they are companies; the press
    # writes "Shell", not "Shell plc"
    assert is_known_group("Siemens") and is_known_group("Repsol")
    assert not any(map(is_known_group, ("Chevron", "Visa", "Target", "Shell plc", "Apple")))


def test_a_company_name_that_is_a_persons_surname_in_the_cable_stays_the_person() -> None:
    # "Puig" is a listed company's name and a Catalan surname: named in full first, the
    # bare surname is the person's
    cable = Cable(
        id="09MADRID1",
        paragraphs=(
            Paragraph(1, None, "Catalan regional minister Felip Puig met the Ambassador."),
            Paragraph(2, None, "Puig said the talks had gone well."),
        ),
    )
    entities = extract_entities(cable)
    assert is_known_group("Puig")
    assert "Puig" in forms_of(entities, "people")
    assert "Puig" not in forms_of(entities, "groups")
