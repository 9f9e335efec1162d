"""Names of topics, programmes, documents and section headings are no groups: found by a
review of every group the extractor named across the development corpus (benchmarks/
RESULTS.md, 2026-12-02). Capitalised common words inside a sentence ("Climate Change",
"Press Coverage", "Strategic Concept") named a group in 238 forms of the corpus, about one in
six of them a group's; an acronym in parentheses made a group of any name it abbreviates
("Emissions Trading Scheme (ETS)"). The same review found organisations named in Spanish,
Portuguese or Italian whose word was not yet known ("Guardia Civil", "Moza Banco"). Each test
reads the real cable it protects."""

from __future__ import annotations

from pathlib import Path

import pytest

from cables.entities import extract_entities
from cables.model import Cable, Entities, Paragraph
from cables.sources import iter_cables

PAGES = {
    "04MADRID1731": "wikileaks-html",
    "07MADRID1285": "wikileaks-html",
    "06CARACAS2367": "review",
    "08BERLIN122": "review",
    "10MAPUTO86": "review",
    "07STOCKHOLM506": "review",
    "08MADRID98": "review",
    "08SHANGHAI422": "review",
    "08STATE134777": "review",
    "09SEOUL1171": "review",
    "10ISLAMABAD175": "review",
    "10KABUL131": "review",
    "07MOSCOW4599": "wikileaks-html",
    "07SANTIAGO983": "wikileaks-html",
    "09BERLIN1395": "wikileaks-html",
    "09BRUSSELS1032": "wikileaks-html",
    "09KABUL4182": "wikileaks-html",
    "10PARIS174": "wikileaks-html",
}


@pytest.fixture(scope="module")
def cables(corpus: Path) -> dict[str, Entities]:
    entities = {}
    for name, folder in PAGES.items():
        (cable,) = [
            c for c in iter_cables([str(corpus / folder / f"{name}.html")]) if isinstance(c, Cable)
        ]
        entities[name] = extract_entities(cable)
    return entities


def _group_forms(entities: Entities) -> set[str]:
    return {form for group in entities.groups for form in group.forms}


@pytest.mark.parametrize(
    ("cable", "topic"),
    [
        ("07STOCKHOLM506", "Climate Change"),  # "Midnight Sun Dialogue on Climate Change"
        ("07STOCKHOLM506", "Strategic Airlift Capability"),
        ("08MADRID98", "Press Coverage"),  # a section's heading
        ("10PARIS174", "Strategic Concept"),  # NATO's, a document
        ("09KABUL4182", "Highway One"),
        ("10KABUL131", "Public Health"),  # a degree in a biography
        ("10KABUL131", "Law Degree"),
    ],
)
def test_capitalised_common_words_without_a_body_are_no_group(
    cables: dict[str, Entities], cable: str, topic: str
) -> None:
    assert topic not in _group_forms(cables[cable])


@pytest.mark.parametrize(
    ("cable", "group"),
    [
        ("09BERLIN1395", "Metal Workers"),  # the union: its members
        ("10PARIS174", "Sons of Iraq"),  # members, then "of"
        ("07STOCKHOLM506", "Provincial Reconstruction Team"),
        ("07MOSCOW4599", "Voice of America"),
        ("10KABUL131", "Loya Jirga"),  # an assembly's word anywhere in the name
    ],
)
def test_common_words_that_name_a_body_stay_a_group(
    cables: dict[str, Entities], cable: str, group: str
) -> None:
    assert group in _group_forms(cables[cable])


@pytest.mark.parametrize(
    ("cable", "name", "acronym"),
    [
        ("09BRUSSELS1032", "Emissions Trading Scheme", "ETS"),
        ("08STATE134777", "Certain Conventional Weapons", "CCW"),
        ("10ISLAMABAD175", "Implementation Letter", "IL"),
        ("07SANTIAGO983", "Excess Defense Articles", "EDA"),
        ("09SEOUL1171", "Kaesong Industrial Complex", "KIC"),
    ],
)
def test_an_acronym_of_a_programme_document_or_site_names_no_group(
    cables: dict[str, Entities], cable: str, name: str, acronym: str
) -> None:
    forms = _group_forms(cables[cable])
    assert name not in forms
    assert acronym not in forms


@pytest.mark.parametrize("cable", ["08SHANGHAI422", "09KABUL4182"])
def test_a_possessive_before_an_acronym_is_no_part_of_the_name(
    cables: dict[str, Entities], cable: str
) -> None:
    # "the World Food Program's (WFP) forecast", "the World Food Program’s (WFP) emergency
    # wheat shipments"
    (wfp,) = [group for group in cables[cable].groups if "WFP" in group.forms]
    assert wfp.name == "World Food Program"
    assert not any(form.endswith(("'s", "’s")) for form in wfp.forms)


@pytest.mark.parametrize(
    ("cable", "group"),
    [
        ("04MADRID1731", "Guardia Civil"),
        ("07MADRID1285", "Guardia Civil"),  # "the Spanish Guardia Civil"
        ("10MAPUTO86", "Moza Banco"),  # a bank, not a person
    ],
)
def test_an_organisation_word_of_a_romance_language_names_a_group(
    cables: dict[str, Entities], cable: str, group: str
) -> None:
    entities = cables[cable]
    assert group in _group_forms(entities)
    assert group not in {form for person in entities.people for form in person.forms}
    # an English demonym before a name in its own language is no part of it
    assert "Spanish Guardia Civil" not in _group_forms(entities)


@pytest.mark.parametrize(
    ("cable", "written"), [("10PARIS174", "P5-plus-one"), ("08BERLIN122", "P5-plus-1")]
)
def test_a_group_of_states_and_its_partners_is_one_group(
    cables: dict[str, Entities], cable: str, written: str
) -> None:
    # "the P5-plus-one" (the five permanent members and Germany) is not "the P5"; every
    # spelling of it ("P5+1", "P5 plus 1") is one entity, "P5+1" across the corpus
    (club,) = [group for group in cables[cable].groups if written in group.forms]
    assert club.name == "P5+1"
    assert "P5" not in _group_forms(cables["10PARIS174"])  # its only P5 is the P5-plus-one


def test_the_spellings_of_a_group_of_states_join() -> None:
    cable = Cable(
        id="09PARIS1",
        paragraphs=(
            Paragraph(1, None, "The P5-plus-1 met in Geneva; the P5+1 text went to the EU3+3."),
            Paragraph(2, None, "The P5 plus one agreed, and so did the P5."),
        ),
    )
    groups = {group.name: set(group.forms) for group in extract_entities(cable).groups}
    assert groups["P5+1"] == {"P5-plus-1", "P5+1", "P5 plus one"}
    assert groups["EU3+3"] == {"EU3+3"}
    assert groups["P5"] == {"P5"}


@pytest.mark.parametrize(
    ("cable", "paper"), [("08MADRID98", "El Pais"), ("06CARACAS2367", "El Universal")]
)
def test_el_before_a_spanish_word_begins_a_newspapers_name(
    cables: dict[str, Entities], cable: str, paper: str
) -> None:
    entities = cables[cable]
    assert paper in _group_forms(entities)
    second = paper.split()[1]
    assert second not in {
        form for kind in (entities.people, entities.groups) for e in kind for form in e.forms
    }


def test_el_before_an_arabic_surname_stays_part_of_the_persons_name() -> None:
    cable = Cable(
        id="08MADRID1",
        paragraphs=(
            Paragraph(1, None, "Daily El Mundo and El Tiempo said Jaled El Masri met them."),
            Paragraph(2, None, "El Pais reported that El Baradei had spoken in El Salvador."),
            Paragraph(3, None, "Officials agreed. Le Figaro wrote it, and Le Drian told us."),
        ),
    )
    entities = extract_entities(cable)
    groups = {group.name for group in entities.groups}
    assert {"El Mundo", "El Tiempo", "El Pais", "Le Figaro"} <= groups
    assert "Le Drian" in {person.name for person in entities.people}  # "told": a person
    assert not {"El Masri", "El Baradei", "Masri", "Baradei"} & groups
    assert "Jaled El Masri" in {person.name for person in entities.people}
