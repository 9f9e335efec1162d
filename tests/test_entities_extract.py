"""Entity extraction on real cables: tables read by a person from the cables themselves."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cables.entities import extract_entities
from cables.model import Cable, Entities, Entity, Paragraph
from cables.sources import iter_cables


def _parse(path: Path) -> Cable:
    (cable,) = [c for c in iter_cables([str(path)]) if isinstance(c, Cable)]
    return cable


def _by_form(entities: tuple[Entity, ...]) -> dict[str, Entity]:
    return {form.lower(): e for e in entities for form in e.forms}


@pytest.fixture(scope="module")
def seed(corpus: Path) -> Entities:
    return extract_entities(_parse(corpus / "blog" / "08ASTANA611.txt"))


@pytest.fixture(scope="module")
def tehran(corpus: Path) -> Entities:
    return extract_entities(_parse(corpus / "old-format" / "72TEHRAN1164.html"))


@pytest.fixture(scope="module")
def beirut(corpus: Path) -> Entities:
    return extract_entities(_parse(corpus / "wikileaks-html" / "08BEIRUT523.html"))


def test_the_seed_cables_people_are_found_with_their_paragraphs(seed: Entities) -> None:
    # Read from 08ASTANA611: "Bahadyr Narymbetov, director of ..." (para 2), then
    # "Narymbetov" alone in 3, 4, 5, 6, 11, 13, 15; "Laura Kalmenova, chairperson" (4, 8).
    people = {e.name: e for e in seed.people}
    narymbetov = people["Bahadyr Narymbetov"]
    assert set(narymbetov.forms) == {"Bahadyr Narymbetov", "Narymbetov"}
    assert narymbetov.paragraphs == (2, 3, 4, 5, 6, 11, 13, 15)
    assert people["Laura Kalmenova"].paragraphs == (4, 8)
    assert {"Ruslan Abdullin", "Bakhytzhan Yesenov", "Zhetis Rayov"} <= set(people)


def test_a_bare_surname_joins_the_full_name_given_earlier(seed: Entities) -> None:
    people = _by_form(seed.people)
    assert people["yesenov"].name == "Bakhytzhan Yesenov"
    assert people["rayov"].name == "Zhetis Rayov"


def test_a_variant_spelling_joins_the_name_it_varies(seed: Entities) -> None:
    # The seed writes "Rayhan Khobdabergenova" in paragraph 6 and "Hobdabergenova" in 9.
    lawyer = _by_form(seed.people)["hobdabergenova"]
    assert lawyer.name == "Rayhan Khobdabergenova"
    assert lawyer.paragraphs == (6, 9)


def test_an_acronym_defined_in_parentheses_joins_its_expansion(seed: Entities) -> None:
    # "Hizb ut-Tahrir (HT)" in paragraph 1, then "HT" alone in 11, 12, 13.
    ht = _by_form(seed.groups)["ht"]
    assert ht.name == "Hizb ut-Tahrir"
    assert ht.paragraphs == (1, 11, 12, 13)


def test_organisation_words_make_groups_and_the_gazetteer_places(seed: Entities) -> None:
    groups = {e.name for e in seed.groups}
    assert {"Bereke Public Association", "Center for Tolerance", "New Life Church"} <= groups
    assert "Spiritual Association of Muslims of Kazakhstan" in groups
    places = _by_form(seed.places)
    assert places["shymkent"].paragraphs == (1, 2, 11, 12, 17)
    assert {"tashkent", "uzbekistan", "kyrgyzstan", "beslan"} <= set(places)
    assert places["south kazakhstan oblast"].name.startswith("South Kazakhstan")


def test_an_all_caps_cable_gives_people_places_and_groups(tehran: Entities) -> None:
    # 72TEHRAN1164, all capitals: "GENERAL AZIMI, MINISTER OF WAR" (summary and 1, 2, 4, 5),
    # the signer HECK, places IRAN, MOSCOW, INDIAN OCEAN, the groups USG and USAF.
    people = _by_form(tehran.people)
    assert people["azimi"].name == "Azimi"
    assert people["azimi"].forms[0] == "AZIMI"
    assert 8 in people["heck"].paragraphs
    places = _by_form(tehran.places)
    assert {"iran", "moscow", "indian ocean", "middle east", "washington"} <= set(places)
    assert {"usg", "usaf", "maag"} <= set(_by_form(tehran.groups))


def test_all_caps_words_are_not_all_taken_for_names(tehran: Entities) -> None:
    # .title() would make every word a name; the casing dictionary keeps words as words.
    forms = {
        f for kind in (tehran.people, tehran.places, tehran.groups) for e in kind for f in e.forms
    }
    assert not forms & {"SHAH", "REQUEST", "PRODUCTION", "DELIVERY", "SQUADRON", "THE"}


def test_the_cables_structure_names_addressees_signer_and_classifier(beirut: Entities) -> None:
    # "NSC FOR ABRAMS/SINGH/YERGER": three people and an office in paragraph 0;
    # "Classified By: Charge d'Affaires Michele Sison" and the signature "SISON" are one.
    people = _by_form(beirut.people)
    for name in ("abrams", "singh", "yerger"):
        assert people[name].paragraphs == (0,)
    sison = people["sison"]
    assert sison.name == "Michele Sison"
    assert sison.paragraphs == (0, 12)
    assert "nsc" in _by_form(beirut.groups)


def test_initials_link_an_acronym_to_the_group_it_spells(beirut: Entities) -> None:
    # "United Nations Security Council" then "UNSC"; "Internal Security Forces (ISF)".
    groups = _by_form(beirut.groups)
    assert groups["unsc"].name == "United Nations Security Council"
    assert groups["isf"].name == "Internal Security Forces"


def test_a_group_named_with_its_words_inverted_is_one_group(seed: Entities, corpus: Path) -> None:
    # "the Kazakhstan International Bureau for Human Rights", later "the Human Rights Bureau"
    bureau = _by_form(seed.groups)["human rights bureau"]
    assert bureau.name == "Kazakhstan International Bureau for Human Rights"
    caracas = extract_entities(_parse(corpus / "review" / "09CARACAS1401.html"))
    assert _by_form(caracas.groups)["foreign ministry"].name == "Ministry of Foreign Affairs"
    ottawa = extract_entities(_parse(corpus / "review" / "08OTTAWA918.html"))
    assert _by_form(ottawa.groups)["state department"].name == "Department of State"


def test_a_longer_name_that_inverts_nothing_stays_another_group() -> None:
    text = (
        "The Central Committee met on Monday. The Central Election Committee said the vote "
        "would be held in May."
    )
    groups = extract_entities(Cable(id="08ASTANA1", paragraphs=(Paragraph(1, None, text),)))
    names = {g.name for g in groups.groups}
    assert {"Central Committee", "Central Election Committee"} <= names


def test_control_characters_in_untrusted_text_never_reach_a_name() -> None:
    text = (
        "Ambassador Jo\x1b]0;pwned\x07hn Smi\u202eth said the Mini\x9bstry of Justice met "
        "Bahadyr\x00 Narymbetov in Shym\x1bkent. NATO\x1b[31m (NATO) agreed."
    )
    cable = Cable(id="08ASTANA1", paragraphs=(Paragraph(1, None, text),))
    entities = extract_entities(cable)
    forms = [
        f
        for kind in (entities.people, entities.places, entities.groups)
        for e in kind
        for f in (e.name, *e.forms)
    ]
    assert forms
    for form in forms:
        assert form.isprintable(), form
        assert "\x1b" not in form and "\u202e" not in form


def test_a_cable_without_paragraphs_has_no_entities() -> None:
    assert extract_entities(Cable(id="08ASTANA1")) == Entities()


@pytest.mark.parametrize(
    "text",
    [
        "Ministry and " * 3000,
        "President " * 5000 + "Smith",
        "(HT) " * 3000,
        "A. " * 10000,
        "X" * 50_000,
        "NSC FOR " + "A/" * 3000,
        "Ü\u0301\u200f " * 2000,
    ],
)
def test_hostile_text_gives_bounded_results_without_an_error(text: str) -> None:
    cable = Cable(id="08ASTANA1", paragraphs=(Paragraph(0, None, text), Paragraph(1, None, text)))
    entities = extract_entities(cable)
    assert len(entities.people) + len(entities.places) + len(entities.groups) < 100


def test_json_lines_input_keeps_the_entities_it_carries(corpus: Path) -> None:
    import orjson

    from cables.formats.json_lines import parse_json_line
    from cables.jsonform import cable_to_json

    cable = _parse(corpus / "blog" / "08ASTANA611.txt")
    data = cable_to_json(cable)
    data["entities"]["people"] = [{"name": "Kept As Is", "forms": ["Kept"], "paragraphs": [3]}]
    back = parse_json_line(orjson.dumps(data), "seed.jsonl", "line 1")
    assert back.entities.people == (Entity("Kept As Is", ("Kept",), (3,)),)
    assert back.entities.groups == cable.entities.groups


_ALPHABET = "AaBbHhIiKkNnOoSsTtUu .,;:()'’-/\n\x1b\u202eÉü0123456789"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_ALPHABET, max_size=300), max_size=4))
def test_any_text_extracts_without_error_and_names_stay_printable(texts: list[str]) -> None:
    paragraphs = tuple(Paragraph(i, None, t) for i, t in enumerate(texts))
    entities = extract_entities(Cable(id="08ASTANA1", signer="SISON", paragraphs=paragraphs))
    for kind in (entities.people, entities.places, entities.groups):
        for entity in kind:
            assert all(form.isprintable() for form in (entity.name, *entity.forms))
            # the signer counts with the last paragraph (0 when there is none)
            assert set(entity.paragraphs) <= {0} | {p.number for p in paragraphs}
