"""A leader's role after a name, "The" opening a sentence, and a one-word group that is a
person's surname (benchmarks/RESULTS.md, 2026-12-02 11:20). Found by probing the
extractor on what embassies' political reporting writes most: "Likud leader Netanyahu"
named no Likud, "The Sons of Iraq" at a sentence's start was the place Iraq, and "Karzai
spokesman Waheed Omar" made a group "Karzai" beside President Karzai. Each test reads
the real cable it protects, or a paragraph written here where the point is one
sentence's."""

from __future__ import annotations

from pathlib import Path

import pytest

from cables.entities.casing import is_demonym
from tests.entity_pages import extract_page, extract_text, forms_of


@pytest.mark.parametrize(
    ("sentence", "group", "person"),
    [
        ("He met Likud leader Netanyahu on Friday.", "Likud", "Netanyahu"),
        ("He met Fidesz chairman Orban on Friday.", "Fidesz", "Orban"),
        ("Shas leader Eli Yishai said so.", "Shas", "Eli Yishai"),
        ("Wikileaks founder Julian Assange said so.", "Wikileaks", "Julian Assange"),
    ],
)
def test_a_name_before_a_leaders_role_is_a_group(sentence: str, group: str, person: str) -> None:
    entities = extract_text(sentence, prose=True)
    assert forms_of(entities, "groups") == {group}
    assert forms_of(entities, "people") == {person}


def test_a_party_named_by_its_acronym_before_its_leader_is_a_group(corpus: Path) -> None:
    # "right-wing Paufe leader Luis Patti"
    entities = extract_page(corpus / "review/06BUENOSAIRES1594.html")
    assert "Paufe" in forms_of(entities, "groups")
    assert "Luis Patti" in forms_of(entities, "people")


@pytest.mark.parametrize(
    "sentence",
    [
        "Libyan leader Qadhafi said so.",  # a people's name
        "Former president and pan-Arabist leader Gamal Abdel Nasser said so.",  # a compound
        "Opposition leader Tsvangirai said so.",  # a common word
    ],
)
def test_a_peoples_name_or_a_common_word_before_a_leaders_role_is_no_group(
    sentence: str,
) -> None:
    assert not extract_text(sentence, prose=True).groups


def test_a_leaders_role_in_capitals_makes_no_group(corpus: Path) -> None:
    # "SUPREME LEADER KHAMENEI?": in capitals the case of "leader" is guessed
    entities = extract_page(corpus / "review/09STATE47326.html")
    assert not {"Supreme", "SUPREME"} & forms_of(entities, "groups")


def test_a_name_after_the_sentences_the_is_read_as_after_the() -> None:
    # "The Sons of Iraq" opening a sentence was the place Iraq: "Sons" was dropped as the
    # sentence's first common word, although "The" was
    entities = extract_text(
        "The Sons of Iraq program continues to pay fighters in the province.", prose=True
    )
    assert forms_of(entities, "groups") == {"Sons of Iraq"}
    assert not entities.places


def test_a_one_word_group_that_is_a_titled_persons_surname_is_that_person(corpus: Path) -> None:
    # "President Karzai" and then "Karzai spokesman": one person, no group "Karzai"
    entities = extract_page(corpus / "review/09KABUL467.html")
    assert "Karzai" in forms_of(entities, "people")
    assert "Karzai" not in forms_of(entities, "groups")


def test_a_demonym_of_a_country_in_e_is_a_demonym() -> None:
    # "Ukrainian" ("Ukraine") made people "Ukrainian National", "Ukrainian T-72"
    assert is_demonym("Ukrainian")
    assert not is_demonym("Sebastian")


@pytest.mark.parametrize(
    ("page", "group"),
    [
        ("wikileaks-html/10HARARE93", "MDC-T"),  # the Movement for Democratic Change's faction
        ("review/08MOSCOW2615", "TNK-BP"),
    ],
)
def test_an_acronym_with_a_letter_or_two_hyphened_is_a_group(
    corpus: Path, page: str, group: str
) -> None:
    # a hyphened acronym was no acronym to the analyser, and a bare word without a cue is
    # dropped: "ZANU-PF", "PML-N", "MNF-I" were named in no cable
    assert group in forms_of(extract_page(corpus / f"{page}.html"), "groups")


@pytest.mark.parametrize(
    ("sentence", "groups"),
    [
        ("Mugabe's ZANU-PF won.", {"ZANU-PF"}),
        ("He said the JUI-F and the MQM would join.", {"JUI-F", "MQM"}),
        ("Sharif's PML-N won in Punjab.", {"PML-N"}),
        # partners side by side, or a word in capitals, are no faction
        ("He discussed NATO-EU relations and US-UK ties.", set()),
        ("THE WALK-IN WAS TURNED AWAY.", set()),
    ],
)
def test_a_faction_acronym_is_one_group(sentence: str, groups: set[str]) -> None:
    assert forms_of(extract_text(sentence, prose=True), "groups") == groups
