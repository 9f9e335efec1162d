"""Places whose names hold a small word in lower case that a run of capitals does not cross
("Cote d'Ivoire", "Dar es Salaam", "Ciudad del Este"): the gazetteer's script dropped such
names, and the scan cut them at the small word, so that Cote d'Ivoire was named in no cable
and the groups named after it were cut ("Student Federation of Cote", then "Ivoire")
(benchmarks/RESULTS.md, 2026-12-02 11:20)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cables.entities import extract_entities
from cables.entities.casing import restore_case
from cables.entities.gazetteer import is_place
from cables.entities.linking import spelled_initials
from cables.model import Cable, Paragraph
from tests.entity_pages import extract_page, extract_text, forms_of


@pytest.mark.parametrize("name", ["Cote d'Ivoire", "Ciudad del Este", "Vina del Mar"])
def test_the_gazetteer_holds_names_with_small_words_in_lower_case(name: str) -> None:
    assert is_place(name)


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("He flew from Dar es Salaam to Cote d'Ivoire.", {"Dar es Salaam", "Cote d'Ivoire"}),
        # the run after the place's name goes on being read
        ("He flew to Cote d'Ivoire and Port-au-Prince.", {"Cote d'Ivoire", "Port-au-Prince"}),
    ],
)
def test_a_place_named_across_a_small_word_is_one_place(sentence: str, places: set[str]) -> None:
    assert forms_of(extract_text(sentence, prose=True), "places") == places


def test_groups_named_after_the_place_keep_its_whole_name(corpus: Path) -> None:
    # "Student Federation of Cote d'Ivoire (FESCI)", "United Nations Operation in Cote
    # d'Ivoire (UNOCI)": each one group with its acronym
    entities = extract_page(corpus / "review/08ABIDJAN396.html")
    by_name = {group.name: set(group.forms) for group in entities.groups}
    assert "FESCI" in by_name["Student Federation of Cote d'Ivoire"]
    assert "UNOCI" in by_name["United Nations Operation in Cote d'Ivoire"]
    assert "Cote d'Ivoire" in forms_of(entities, "places")
    assert not {"Cote", "Ivoire"} & forms_of(entities, "groups")


def test_an_elided_article_gives_the_initial_of_its_word() -> None:
    assert "UNOCI" in spelled_initials("United Nations Operation in Cote d'Ivoire")
    assert "MO" in spelled_initials("Michael O'Brien")  # a surname's apostrophe is no elision


def test_a_city_named_with_del_is_a_place_not_a_person(corpus: Path) -> None:
    entities = extract_page(corpus / "wikileaks-html/08BRASILIA823.html")
    assert "Ciudad del Este" in forms_of(entities, "places")
    assert "Ciudad del Este" not in forms_of(entities, "people")


def test_a_place_named_across_a_small_word_in_capitals_is_one_place() -> None:
    text = "1. THE AMBASSADOR FLEW TO COTE D'IVOIRE ON MONDAY AND MET THE PRESIDENT."
    entities = extract_entities(Cable(id="09TEST1", paragraphs=(Paragraph(1, None, text),)))
    assert forms_of(entities, "places") == {"COTE D'IVOIRE"}


@pytest.mark.parametrize(
    ("capitals", "restored"),
    [
        ("HE FLEW TO NEW YORK AND NEW DELHI.", "he flew to New York and New Delhi."),
        ("HONG KONG AND CAPE TOWN.", "Hong Kong and Cape Town."),
        ("VIA DAR ES SALAAM AND RIO DE JANEIRO.", "via Dar es Salaam and Rio de Janeiro."),
        # a place named by common words alone is left to the words: a port, and a verb
        ("THE PORT SAID NOTHING.", "the port said nothing."),
    ],
)
def test_a_place_of_several_words_in_capitals_is_restored_whole(
    capitals: str, restored: str
) -> None:
    # "NEW YORK" was "new York" (a place York): "NEW" is a common word
    assert restore_case(capitals) == restored


def test_a_place_of_several_words_in_a_cable_in_capitals_is_found(corpus: Path) -> None:
    # "THE FALKLAND ISLANDS": "ISLANDS" was restored in lower case, and the place lost
    entities = extract_page(corpus / "old-format/66BUENOSAIRES2481.html")
    assert "Falkland Islands" in {place.name for place in entities.places}
