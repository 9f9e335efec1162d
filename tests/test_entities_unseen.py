"""Entity extraction rules found by reading cables outside the gold set (benchmarks/RESULTS.md:
a review of ten of them). Each test reads real cables of tests/corpus, or sentences copied
verbatim from a real cable (07HARARE638, whose page shows apostrophes as "Q")."""

from __future__ import annotations

from pathlib import Path

import pytest

from cables.entities import extract_entities
from cables.model import Cable, Entities, Paragraph
from tests.entity_pages import extract_page


def _forms(entities: tuple) -> set[str]:
    return {form for entity in entities for form in entity.forms}


@pytest.fixture(scope="module")
def ankara(corpus: Path) -> Entities:
    return extract_page(corpus / "wikileaks-html" / "04ANKARA7211.html")


@pytest.fixture(scope="module")
def cairo(corpus: Path) -> Entities:
    return extract_page(corpus / "wikileaks-html" / "05CAIRO5924.html")


@pytest.fixture(scope="module")
def caracas(corpus: Path) -> Entities:
    return extract_page(corpus / "wikileaks-html" / "06CARACAS219.html")


def test_a_ministry_named_by_its_department_is_a_group(ankara: Entities, caracas: Entities) -> None:
    # "Foreign", "Prime", "General" are also titles; before an organisation word they begin
    # its name: "some from the Foreign Ministry", "Undersecretary of the Prime Ministry".
    assert "Foreign Ministry" in _forms(caracas.groups)
    assert {"Prime Ministry", "Religious Affairs Directorate"} <= _forms(ankara.groups)


def test_a_defined_acronym_keeps_the_whole_name_before_it(cairo: Entities) -> None:
    # "Egyptian General Intelligence Service (EGIS)"
    service = next(g for g in cairo.groups if "EGIS" in g.forms)
    assert service.name == "Egyptian General Intelligence Service"


def test_recurring_words_that_name_no_group_are_not_groups(ankara: Entities) -> None:
    # "other Western and Turkish media", "to spread Islam in Europe", "Islamist theories",
    # "from ministers to MPs": each three times or more, with no cue.
    assert not {"Western", "Islam", "Islamist", "MPs"} & _forms(ankara.groups)


def test_cable_jargon_acronyms_are_not_groups(cairo: Entities, caracas: Entities) -> None:
    # "cooperation on CT issues", "the State Department's Classified SIPRNET website", "IIR".
    assert not {"CT", "SIPRNET"} & _forms(cairo.groups)
    assert "IIR" not in _forms(caracas.groups)


def test_titles_and_initials_of_addressee_lines_are_neither_offices_nor_people(
    cairo: Entities, caracas: Entities
) -> None:
    # "S/WCI FOR AMB PROSPER AND RMILLER"; "HQSOUTHCOM ALSO FOR POLAD"
    assert "AMB" not in _forms(cairo.groups)
    assert "Prosper" in {p.name for p in cairo.people}  # a name, in a name's case
    assert "POLAD" not in _forms(caracas.people)
    line = "NSC FOR SENIOR DIRECTOR B. PITTMAN; USAID FOR M. COPSON; DEPARTMENT FOR AF A A/S CARTER"
    entities = extract_entities(Cable(id="07HARARE1", paragraphs=(Paragraph(0, None, line),)))
    assert not {"B.", "M.", "A", "A/S"} & _forms(entities.groups)
    assert {"Copson", "Carter"} <= {p.name for p in entities.people}


def test_a_prose_line_holding_for_is_not_an_addressee_line() -> None:
    # 73TEHRAN7005's summary: "...INCLUDING TWO WOMEN FOR PLOTTING TO KIDNAP OR KILL SHAH,"
    line = "TWELVE SENTENCED INCLUDING TWO WOMEN FOR PLOTTING TO KIDNAP OR KILL SHAH"
    entities = extract_entities(Cable(id="73TEHRAN1", paragraphs=(Paragraph(0, None, line),)))
    assert not {"TO", "OR"} & _forms(entities.groups)


def test_a_hyphen_before_a_lower_case_word_ends_the_name(ankara: Entities) -> None:
    # "MUSIAD, an Anatolia-wide group of businessmen"; Harare: "a ZANU-PF-led GNU"
    assert "Anatolia-wide" not in _forms(ankara.groups) | _forms(ankara.people)
    text = "Mbeki has always favored stability and in his mind this means a ZANU-PF-led GNU."
    entities = extract_entities(Cable(id="07HARARE1", paragraphs=(Paragraph(1, None, text),)))
    assert not any("-led" in form for form in _forms(entities.people) | _forms(entities.groups))
    # ...while a particle between hyphens stays inside the name
    text = "Lashkar-e-Taiba (LeT) claimed it. Lashkar-e-Taiba denied it later."
    entities = extract_entities(Cable(id="08ISLAMABAD1", paragraphs=(Paragraph(1, None, text),)))
    assert "Lashkar-e-Taiba" in _forms(entities.groups)


# Verbatim from 07HARARE638 (paragraph breaks as on the page).
HARARE = (
    "In reaction to losing the 2000 referendum on the constitution, a vengeful Mugabe "
    "unleashed his QGreen BombersQ to commit land reform and in the process he destroyed "
    "ZimbabweQs agricultural sector, once the bedrock of the economy.",
    "When the shelves are still empty this time next week, the popular appeal of the price "
    "roll back will evaporate and the government simply doesnQt have the resources to "
    "replace the entire private commercial sector and keep Zimbabweans fed.",
    "Thabo Mbeki appears committed to a successful mediation and is reportedly increasingly "
    "irritated with MugabeQs efforts to manipulate him or blow him off altogether.",
    "However, as Pretoria grows more and more worried about the chaos to its north and "
    "President MbekiQs patience with MugabeQs antics wears thin, the prospects for serious "
    "South African engagement may be growing.",
)


def test_a_page_that_shows_apostrophes_as_q_is_read_with_them_given_back() -> None:
    paragraphs = tuple(Paragraph(n, None, text) for n, text in enumerate(HARARE, start=1))
    entities = extract_entities(Cable(id="07HARARE638", paragraphs=paragraphs))
    every_form = _forms(entities.people) | _forms(entities.places) | _forms(entities.groups)
    assert not [form for form in every_form if "Q" in form]
    mbeki = next(p for p in entities.people if p.name == "Thabo Mbeki")
    assert mbeki.paragraphs == (3, 4)  # "President MbekiQs patience" is his too
    assert "Zimbabwe" in _forms(entities.places)


def test_a_q_in_an_ordinary_cable_is_left_alone() -> None:
    text = "The Emir of Qatar met Iraqi officials in Baghdad. Qatar and IRAQ signed."
    entities = extract_entities(Cable(id="08DOHA1", paragraphs=(Paragraph(1, None, text),)))
    assert {"Qatar", "Baghdad"} <= _forms(entities.places)


def test_in_capitals_a_run_of_words_no_dictionary_knows_is_a_persons_name(corpus: Path) -> None:
    # 73TEHRAN7005: "OTHERS INCLUDED MORTEZA SIAPOUSHI (NEWSPAPER EMPLOYEE) AND FARHAD
    # QEYSARI": no title before them, every word unknown to the casing and English lists.
    tehran = extract_page(corpus / "old-format" / "73TEHRAN7005.html")
    people = {p.name for p in tehran.people}
    assert {"Morteza Siapoushi", "Farhad Qeysari", "Rahmatollah Iraj Jamshidi"} <= people
    # 66BUENOSAIRES2481: "SEMANTIC NICETY", "METER ISOBAR": words of the English list.
    buenos_aires = extract_page(corpus / "old-format" / "66BUENOSAIRES2481.html")
    assert not {"Semantic Nicety", "Meter Isobar"} & {p.name for p in buenos_aires.people}


def test_runs_without_a_cue_that_name_a_place_or_a_people_are_not_people(
    ankara: Entities, caracas: Entities
) -> None:
    # 04ANKARA7211: "the U.S. operations in Tel Afar, Fallujah", "AKP Istanbul provincial
    # chairman Muezzinoglu"; 06CARACAS219: "Pedro Pablo Alcantara (Accion Democratica)".
    assert "Tel Afar" in _forms(ankara.places)
    assert not {"Tel Afar", "AKP Istanbul"} & _forms(ankara.people)
    assert "Accion Democratica" in _forms(caracas.groups)
    # 09KHARTOUM249 and 10COLOMBO32, verbatim
    texts = (
        "there had been two air attacks on Eastern Sudan in January and February.",
        "war crimes allegedly committed by Sri Lankan troops during the final months.",
        "The Partido Socialista Unido de Venezuela (PSUV) met on Monday.",
    )
    paragraphs = tuple(Paragraph(n, None, text) for n, text in enumerate(texts, start=1))
    entities = extract_entities(Cable(id="09KHARTOUM1", paragraphs=paragraphs))
    assert "Eastern Sudan" in _forms(entities.places)
    assert not {"Eastern Sudan", "Sri Lankan"} & _forms(entities.people)
    assert "Partido Socialista Unido de Venezuela" in _forms(entities.groups)


def test_a_place_name_that_is_the_surname_of_a_person_named_in_full_is_that_person(
    caracas: Entities,
) -> None:
    # 06CARACAS219: "Ruben Flores, the editor of a rancher newspaper", then "Flores told us
    # in January 2006" (Flores is also a place of the gazetteer); Fidel Castro likewise.
    people = {p.name: p for p in caracas.people}
    assert "Flores" in people["Ruben Flores"].forms
    assert "Castro" in people["Fidel Castro"].forms
    assert not {"Flores", "Castro"} & _forms(caracas.places)


def test_a_name_defined_by_an_acronym_holds_its_and(caracas: Entities) -> None:
    # 06CARACAS219: "Venezuela's Directorate of Intelligence and Prevention Services (DISIP)"
    disip = next(g for g in caracas.groups if "DISIP" in g.forms)
    assert disip.name == "Directorate of Intelligence and Prevention Services"
    assert "Prevention Services" not in _forms(caracas.groups)


def test_us_in_capitals_is_the_country_unless_a_verb_takes_it_as_its_object() -> None:
    # 72TEHRAN1164 (verbatim): "HE REGARDS US AS MOST DEPENDABLE FRIEND", "US OFFICALS
    # ALREADY AWARE OF SHAH"; and a mixed-case cable's "the US" (07MADRID1285's gold).
    texts = (
        "BECAUSE HE REGARDS US AS MOST DEPENDABLE FRIEND.",
        "Madrid sees the US as its closest ally.",
    )
    for text in texts:
        entities = extract_entities(Cable(id="72TEHRAN1", paragraphs=(Paragraph(1, None, text),)))
        assert "US" in _forms(entities.places), text
    text = "THE MINISTER TOLD US THAT HE WOULD LET US KNOW."
    entities = extract_entities(Cable(id="72TEHRAN1", paragraphs=(Paragraph(1, None, text),)))
    assert "US" not in _forms(entities.places)


def test_capitalised_common_words_before_an_organisation_word_belong_to_its_name(
    ankara: Entities,
) -> None:
    # 04ANKARA7211: "The Wall Street Journal and other Western...": only "The" is dropped.
    assert "Wall Street Journal" in _forms(ankara.groups)


def test_an_acronym_spells_a_name_that_holds_an_acronym_whole(ankara: Entities) -> None:
    # 04ANKARA7211: "AK Party" and, without a definition, "AKP".
    party = next(g for g in ankara.groups if "AK Party" in g.forms)
    assert "AKP" in party.forms


def test_unknown_words_are_names_only_in_a_cable_in_capitals_and_in_english() -> None:
    # The synthetic corpus's made-up words (its subject lines, its cables in capitals) are
    # unknown to every dictionary: there a run of them says nothing.
    made_up = "DOMIP MUVIDIBUR SOMU MOVU KEKOFY MITEK KYP VYG HEMYF LYK DITUKY BOCI ZYHAGA."
    paragraphs = (Paragraph(0, None, "SUBJECT: VYG KEKOFY MITEK KYP"), Paragraph(1, None, made_up))
    entities = extract_entities(Cable(id="05NYMOHUG1", paragraphs=paragraphs))
    assert entities.people == ()
    # A mixed-case cable's subject line is in capitals too: its names are found in the text.
    paragraphs = (
        Paragraph(0, None, "SUBJECT: MORTEZA SIAPOUSHI ARRESTED"),
        Paragraph(1, None, "The police arrested a journalist on Monday."),
    )
    entities = extract_entities(Cable(id="73TEHRAN1", paragraphs=paragraphs))
    assert "Morteza Siapoushi" not in {p.name for p in entities.people}


def test_a_text_in_capitals_and_in_no_english_keeps_its_unknown_words_out_of_names() -> None:
    # A cable in capitals whose words the dictionaries do not know (a foreign text, the
    # synthetic corpus's made-up words): an unknown word there is a word of that text, not a
    # name's, so no run of them joins the names the dictionaries do know. (Taken for names,
    # they made "Domip Muvidibur SOMU MOVU Kekofy Ministry of Justice" a group and
    # "Nazarbayev GUJE Fapajah" a person, and cost four times the time of a mixed-case cable.)
    text = (
        "DOMIP MUVIDIBUR SOMU MOVU KEKOFY MINISTRY OF JUSTICE MITEK KYP VYG HEMYF LYK DITUKY"
        " BOCI ZYHAGA PRESIDENT NAZARBAYEV GUJE FAPAJAH IN ASTANA."
    )
    entities = extract_entities(Cable(id="05NYMOHUG1", paragraphs=(Paragraph(1, None, text),)))
    assert [g.name for g in entities.groups] == ["Ministry of Justice"]
    assert [p.name for p in entities.people] == ["Nazarbayev"]
    assert [p.name for p in entities.places] == ["Astana"]


def test_an_english_text_in_capitals_opening_on_names_keeps_its_unknown_words_as_names() -> None:
    # Four of its nine words unknown (a list of names): too few known words to call it
    # English, too many to call it no English; its unknown words are still names, as in a
    # line in capitals of a mixed-case cable (read as no English, "Zhumagulova" was lost).
    text = "1. MINISTER ZHUMAGULOVA, ZHARYLKASYNOV, BEKBOLATOVA AND TUYAKBAYEVA MET THE AMBASSADOR."
    entities = extract_entities(Cable(id="08ASTANA1", paragraphs=(Paragraph(1, None, text),)))
    assert "Zhumagulova" in [p.name for p in entities.people]
