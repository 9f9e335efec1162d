"""The header's lines read for what they are. A subject wrapped onto a second line is the
subject, not an addressee line: "SUBJECT: GERMANY RENEWS CONSIDERATION OF GUANTANAMO" then
"DETAINEES FOR RESETTLEMENT" read as
"office DETAINEES for the person RESETTLEMENT" (the shape of "NSC FOR ABRAMS"). An office
then a full name on an addressee line is one person ("S/GC MICHAEL WILLIAMS"), also after
"PASS TO". Each test reads the real cable it protects, or the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from cables.entities import extract_entities
from cables.entities.structure import addressees
from cables.model import Cable, Paragraph
from tests.entity_pages import extract_page, forms_of


@pytest.mark.parametrize(
    ("page", "words"),
    [
        ("review/09BERLIN1548", {"RESETTLEMENT", "Resettlement", "DETAINEES"}),
        ("review/09BEIJING2494", {"DIALOGUE", "Dialogue"}),  # "BUT PUSHING FOR DIALOGUE"
    ],
)
def test_a_subjects_second_line_names_no_addressee(
    corpus: Path, page: str, words: set[str]
) -> None:
    entities = extract_page(corpus / f"{page}.html")
    named = forms_of(entities, "people") | forms_of(entities, "groups")
    assert not named & words


def test_the_header_still_reads_addressees_and_the_classifier(corpus: Path) -> None:
    # 09BERLIN1548: "DEPARTMENT PLEASE PASS TO S/GC MICHAEL WILLIAMS" before the subject,
    # "Classified By: Ambassador Philip D. Murphy" after it
    people = forms_of(extract_page(corpus / "review/09BERLIN1548.html"), "people")
    assert "Philip D. Murphy" in people
    assert "MICHAEL WILLIAMS" in people  # as written, named "Michael Williams"


def test_an_office_then_a_full_name_on_an_addressee_line_is_one_person() -> None:
    # "S/GC MICHAEL WILLIAMS" was two people, "MICHAEL" and "WILLIAMS"
    assert addressees("DEPARTMENT FOR S/GC MICHAEL WILLIAMS").people == ["MICHAEL WILLIAMS"]
    assert addressees("DEPARTMENT PLEASE PASS TO S/GC MICHAEL WILLIAMS").people == [
        "MICHAEL WILLIAMS"
    ]
    # names that are no full name stay apart; a post passing a cable on names no person
    assert addressees("NSC FOR ABRAMS/SINGH/YERGER").people == ["ABRAMS", "SINGH", "YERGER"]
    assert addressees("AMEMBASSY BRIDGETOWN PASS TO AMEMBASSY GRENADA").people == []


def test_a_title_then_a_common_word_in_a_heading_names_nobody() -> None:
    # "Minister Fired" and "Karzai's Advisor Bubble" were section headings of real cables
    # (08FREETOWN389, 09KABUL467); "SYG Ban" in prose is the Secretary-General
    text = "Minister Fired\n--------------\nThe minister was fired, said SYG Ban."
    entities = extract_entities(Cable(id="09TEST1", paragraphs=(Paragraph(1, None, text),)))
    assert forms_of(entities, "people") == {"Ban"}
