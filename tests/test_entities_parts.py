"""The parts of the extractor: casing, gazetteer, structure lines, demonyms."""

from __future__ import annotations

from cables.entities.casing import is_all_caps, is_demonym, restore_case
from cables.entities.gazetteer import find_places, is_place
from cables.entities.structure import addressees, is_header_line


def test_capitals_get_their_usual_case_back_and_keep_their_length() -> None:
    # From 72TEHRAN1164, paragraph 0.
    line = "GENERAL AZIMI, MINISTER OF WAR, ON INSTRUCTION OF SHAH ASKS THAT USG"
    restored = restore_case(line)
    assert len(restored) == len(line)
    assert restored.startswith("General Azimi, Minister of war, on instruction of Shah asks")
    assert restored.endswith("USG")


def test_an_unknown_short_word_in_capitals_stays_an_acronym_and_a_long_one_a_name() -> None:
    assert restore_case("IIAF AND TOUFANIAN") == "IIAF and Toufanian"


def test_a_line_is_in_capitals_only_without_runs_of_lower_case() -> None:
    assert is_all_caps("SUBJECT: ACCELERATION OF F-4ES FOR IRAN")
    assert is_all_caps("IRAN'S GOI-CONTROLLED PRESS")
    assert not is_all_caps("Narymbetov said the HT threat is real")


def test_the_gazetteer_knows_places_and_filters_names_and_words_that_collide() -> None:
    for place in ("Shymkent", "Kazakhstan", "Saudi Arabia", "Indian Ocean", "Bochum", "USSR"):
        assert is_place(place), place
    for word in ("Obama", "Rogers", "Union", "March", "Monday", "West", "GOI"):
        assert not is_place(word), word


def test_places_are_matched_at_word_boundaries_and_as_written() -> None:
    text = "Iranian officials met in Saudi Arabia, not in nice weather; the U.S. agreed."
    found = [text[s:e] for s, e in find_places(text)]
    assert found == ["Saudi Arabia", "U.S"]


def test_an_addressee_line_names_offices_posts_and_people() -> None:
    # Real header lines of 08BEIRUT523, 09ISTANBUL83 and 10BAGHDAD112.
    beirut = addressees("NSC FOR ABRAMS/SINGH/YERGER, STATE FOR NEA/ELA,")
    assert beirut.people == ["ABRAMS", "SINGH", "YERGER"]
    assert beirut.offices == ["NSC", "STATE", "NEA/ELA"]
    istanbul = addressees("ASHGABAT FOR TANBORN; BAGHDAD FOR BUZBEE AND FLINCHBAUGH;")
    assert istanbul.places == ["ASHGABAT", "BAGHDAD"]
    assert istanbul.people == ["TANBORN", "BUZBEE", "FLINCHBAUGH"]
    baghdad = addressees("DEPARTMENT FOR NEA/FO LIMBERT AND CORBIN; NEA/I AND NEA/IR.")
    assert baghdad.offices == ["NEA/FO", "NEA/I", "NEA/IR"]
    assert baghdad.people == ["LIMBERT", "CORBIN"]
    assert addressees("Narymbetov said the party is active FOR now") == ([], [], [])


def test_an_addressee_item_of_brackets_alone_names_nothing() -> None:
    # An item left empty by its brackets raised IndexError, failing the whole cable.
    assert addressees("NSC FOR ABRAMS, ()") == (["NSC"], [], ["ABRAMS"])


def test_the_reasons_of_a_classification_are_header_furniture() -> None:
    for line in ("ONS 1.4 B/D", "1.4 (b) and (d)", "REASON: 1.4 (B)"):
        assert is_header_line(line), line
    assert not is_header_line("Ambassador Smith 1.4")


def test_header_furniture_is_recognised() -> None:
    for line in ("TAGS: PREL PGOV", "E.O. 12958: DECL: 03/03/2019", "SIPDIS", "S E C R E T"):
        assert is_header_line(line), line
    assert not is_header_line("SUBJECT: LEBANON: HIZBALLAH GOES FIBER OPTIC")


def test_peoples_and_faiths_are_told_from_names() -> None:
    for word in ("Kazakhs", "Kazakh", "Christian", "Chinese", "Turkish"):
        assert is_demonym(word), word
    for word in ("Narymbetov", "Gates", "Boris", "Ahmad", "Hariri"):
        assert not is_demonym(word), word
