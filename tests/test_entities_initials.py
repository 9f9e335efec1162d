"""A person's name is a person's and a people's name nobody's. A name abbreviated by its
initials in parentheses: the cables write "Kim Jong-il (KJI)", "Kim Yong-nam (KYN)",
"Mohammed bin Zayed (MbZ)", where an acronym in parentheses otherwise defines an
organisation; told by the name's shape (a Korean name, a patronymic particle), beside the
known surnames that already did so ("Fernando Henrique Cardoso (FHC)"). A surname with a
particle ("Le Pen") taken for a people's name, a people's name ("Kosovar") for a group's, a
Korean surname that is an English word ("Ban Ki-moon") for no part of the name."""

from __future__ import annotations

from pathlib import Path

import pytest

from cables.entities import extract_entities
from cables.model import Cable, Paragraph
from tests.entity_pages import extract_page, forms_of


@pytest.mark.parametrize(
    ("page", "person"),
    [
        ("review/09SEOUL1171", "Kim Jong-il"),
        ("review/08SHANGHAI422", "Kim Yong-nam"),
    ],
)
def test_a_korean_name_defined_by_its_initials_is_a_person(
    corpus: Path, page: str, person: str
) -> None:
    entities = extract_page(corpus / f"{page}.html")
    assert person in forms_of(entities, "people")
    assert person not in forms_of(entities, "groups")


def test_a_name_with_a_patronymic_defined_by_its_initials_is_a_person() -> None:
    text = "Mohammed bin Zayed (MbZ) met the Ambassador. MbZ said he was worried."
    entities = extract_entities(Cable(id="09TEST1", paragraphs=(Paragraph(1, None, text),)))
    (person,) = entities.people
    assert set(person.forms) == {"Mohammed bin Zayed", "MbZ"} and not entities.groups


def test_an_organisation_with_particles_defined_by_its_initials_stays_a_group() -> None:
    text = "Members of Hizb ut-Tahrir (HT) and Jamaat-ud-Dawa (JuD) were held."
    entities = extract_entities(Cable(id="09TEST1", paragraphs=(Paragraph(1, None, text),)))
    assert {"Hizb ut-Tahrir", "Jamaat-ud-Dawa"} <= forms_of(entities, "groups")
    assert not entities.people


def test_a_surname_with_a_particle_that_ends_like_a_peoples_name_is_a_person() -> None:
    # "Le Pen" is "Le Pe" (a town among the gazetteer's alternate names) and "-n": no
    # people's name is made of a place of two letters
    text = "Le Pen said the National Front would run."
    entities = extract_entities(Cable(id="09TEST1", paragraphs=(Paragraph(1, None, text),)))
    assert forms_of(entities, "people") == {"Le Pen"}
    assert forms_of(entities, "groups") == {"National Front"}


def test_a_peoples_name_before_a_members_word_is_no_group() -> None:
    # "Kosovar officials" (the casing dictionary lacks "Kosovar"), not "Hamas officials"
    text = "Kosovar officials met. Hamas officials and Taliban fighters attacked."
    entities = extract_entities(Cable(id="09TEST1", paragraphs=(Paragraph(1, None, text),)))
    assert forms_of(entities, "groups") == {"Hamas", "Taliban"}


def test_a_korean_surname_that_is_an_english_word_stays_with_the_given_name(
    corpus: Path,
) -> None:
    # "will meet May 14 with SGY Ban Ki-moon": "Ban" was an English word, "Ki-moon" alone
    entities = extract_page(corpus / "review/07STOCKHOLM506.html")
    assert "Ban Ki-moon" in forms_of(entities, "people")
    assert "Ki-moon" not in forms_of(entities, "people")
    text = "Moon Chung-in and Park Geun-hye met him. The Anatolia-wide plan failed."
    entities = extract_entities(Cable(id="09TEST1", paragraphs=(Paragraph(1, None, text),)))
    assert forms_of(entities, "people") == {"Moon Chung-in", "Park Geun-hye"}


def test_xi_is_a_chinese_surname_and_roman_numerals_name_nothing() -> None:
    # "xi" was cable furniture (a Roman numeral): "Xi Jinping" lost his surname
    text = "Xi Jinping met Li Keqiang. Chapter XI of the treaty applies; Title XIV does not."
    entities = extract_entities(Cable(id="09TEST1", paragraphs=(Paragraph(1, None, text),)))
    assert forms_of(entities, "people") == {"Xi Jinping", "Li Keqiang"}
    assert not entities.groups


@pytest.mark.parametrize(
    "sentence",
    [
        "Neither the Ukrainian government nor the Uruguayan government agreed.",
        "They feared an Islamist regime and the Socialist administration.",
        "He spoke of Omani women. Omani society changed. Omani leaders agreed.",
    ],
)
def test_a_peoples_or_a_doctrines_word_before_government_is_nobody(sentence: str) -> None:
    # "the Obama administration" names a person; "the Ukrainian government" nobody
    entities = extract_entities(Cable(id="09TEST1", paragraphs=(Paragraph(1, None, sentence),)))
    assert not entities.people and not entities.groups


def test_a_language_named_in_a_cable_is_no_group(corpus: Path) -> None:
    # "Dari" recurred without a cue in 10KABUL131 and was taken for a body
    entities = extract_page(corpus / "review/10KABUL131.html")
    assert "Dari" not in forms_of(entities, "groups")
