"""Canonical cable ids and station names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cables.ids import (
    StationResolver,
    canonical_id,
    id_from_file_name,
    id_sort_key,
    normalize_id,
    normalize_station,
    parse_id,
    same_cable,
)
from cables.jsonform import cable_to_json
from cables.links import parse_cable_link
from cables.model import Cable, Paragraph
from tests.store_support import run_cli


@pytest.mark.parametrize(
    ("year", "station", "number", "expected"),
    [
        ("07", "Tashkent", "877", "07TASHKENT877"),
        ("2004", "Rio de Janeiro", "128", "04RIODEJANEIRO128"),
        (2008, "BRASILIA", "000043", "08BRASILIA43"),
        ("09", "SECSTATE", "76108", "09STATE76108"),
        ("06", "THE HAGUE", "131", "06THEHAGUE131"),
        ("06", "LA PAZ", "03178", "06LAPAZ3178"),
    ],
)
def test_canonical_id_joins_year_station_and_number(
    year: str | int, station: str, number: str, expected: str
) -> None:
    assert canonical_id(year, station, number) == expected


def test_canonical_id_refuses_what_cannot_be_an_id() -> None:
    with pytest.raises(ValueError):
        canonical_id("7", "PARIS", "12")
    with pytest.raises(ValueError):
        canonical_id("07", "PARIS", "CA-3400")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("08ASTANA611", ("08ASTANA611", False)),
        ("08astana0611", ("08ASTANA611", False)),
        (" 08 ASTANA 611 ", ("08ASTANA611", False)),
        ("08SECSTATE15228", ("08STATE15228", False)),
        ("7575LIBREVILLE1895", ("7575LIBREVILLE1895", True)),
        ("7575libreville1895", ("7575LIBREVILLE1895", True)),
        ("not an id", ("NOTANID", True)),
        ("08 ASTANA/611", ("08 ASTANA/611", True)),
    ],
)
def test_normalize_id_canonicalises_or_flags(given: str, expected: tuple[str, bool]) -> None:
    assert normalize_id(given) == expected


@pytest.mark.parametrize(
    ("written", "station"),
    [
        ("Rio de Janeiro", "RIODEJANEIRO"),
        ("SECSTATE", "STATE"),
        ("IRPO DUBAI", "RPODUBAI"),
        ("USUN", "USUNNEWYORK"),
        ("Sao Paulo", "SAOPAULO"),
        ("london", "LONDON"),
    ],
)
def test_station_names_normalise_to_the_id_station(written: str, station: str) -> None:
    assert normalize_station(written) == station


def test_id_from_file_name() -> None:
    assert id_from_file_name("corpus/blog/08ASTANA611.txt") == "08ASTANA611"
    assert id_from_file_name("old-format/7575LIBREVILLE1895.html") == "7575LIBREVILLE1895"
    assert id_from_file_name("notes/readme.txt") is None
    assert id_from_file_name("<stdin>") is None


# Every spelling of an id that readers, sources and links use, and the id it names.
SPELLINGS = [
    ("08ASTANA611", "08ASTANA611"),
    ("08astana611", "08ASTANA611"),
    ("08Astana0611", "08ASTANA611"),
    ("  08 ASTANA 611 ", "08ASTANA611"),
    ("08ASTANA611\u200b", "08ASTANA611"),  # zero-width space
    ("\ufeff08ASTANA611", "08ASTANA611"),  # byte-order mark
    ("08AST\u00adANA611", "08ASTANA611"),  # soft hyphen
    ("08\u200dASTANA\u2060611", "08ASTANA611"),  # zero-width joiner, word joiner
    ("０８ＡＳＴＡＮＡ６１１", "08ASTANA611"),  # full width
    ("08ASTANA611\u00a0", "08ASTANA611"),  # no-break space
    ("08SECSTATE123", "08STATE123"),
    ("08secstate0123", "08STATE123"),
    ("08STATE123", "08STATE123"),
    ("09USUN456", "09USUNNEWYORK456"),
    ("04RIO DE JANEIRO128", "04RIODEJANEIRO128"),
    ("66BUENOSAIRES2481", "66BUENOSAIRES2481"),
    ("7575LIBREVILLE1895", "7575LIBREVILLE1895"),
    ("7575libreville1895\u200b", "7575LIBREVILLE1895"),
]


@pytest.mark.parametrize(("written", "cable_id"), SPELLINGS)
def test_every_spelling_of_an_id_names_one_cable(written: str, cable_id: str) -> None:
    assert normalize_id(written)[0] == cable_id
    assert parse_id(written)[0] == cable_id
    assert same_cable(written, cable_id)


@pytest.mark.parametrize(("written", "cable_id"), SPELLINGS)
def test_links_read_ids_by_the_same_rule_and_add_the_paragraph(written: str, cable_id: str) -> None:
    assert parse_cable_link(written) == (cable_id, None)
    assert parse_cable_link(written + "¶5") == (cable_id, 5)
    assert parse_cable_link(written + "#par5") == (cable_id, 5)


@pytest.mark.parametrize("written", ["", "\u200b", "08 ASTANA/611", "<script>", "a b?"])
def test_text_that_cannot_be_an_id_is_refused(written: str) -> None:
    with pytest.raises(ValueError, match="not a cable id"):
        parse_id(written)


def test_id_sort_key_puts_years_in_order_and_numbers_as_numbers() -> None:
    ordered = [
        "66BUENOSAIRES2481",
        "75TEHRAN2069",
        "08ASTANA99",
        "08ASTANA611",
        "08STATE123",
        "10STATE1",
        "7575LIBREVILLE1895",
    ]
    assert sorted(reversed(ordered), key=id_sort_key) == ordered


def test_a_json_line_id_is_stored_and_shown_under_every_spelling(tmp_path: Path) -> None:
    cable = Cable(
        id="08SECSTATE123",
        created="2008-01-02 03:04",
        subject="A cable of the Department",
        paragraphs=(Paragraph(1, None, "The text of the cable."),),
    )
    line = json.dumps(cable_to_json(cable)) + "\n"
    store = str(tmp_path / "store")
    imported = run_cli("--store", store, "import", "-", stdin=line)
    assert imported.returncode == 0, imported.stderr
    for spelling in ("08SECSTATE123", "08STATE123", "08secstate0123", "08STATE123\u200b"):
        shown = run_cli("--store", store, "show", spelling)
        assert shown.returncode == 0, shown.stderr
        assert shown.stdout.splitlines()[0] == "08STATE123"
        assert "The text of the cable." in shown.stdout


# (station as written, known stations, the station it resolves to)
RESOLUTIONS = [
    ("Tashkent", {"TASHKENT"}, "TASHKENT"),
    ("SECSTATE", {"STATE"}, "STATE"),  # a true alias
    ("Rio de Jan", {"RIODEJANEIRO", "RIYADH"}, "RIODEJANEIRO"),  # a short form
    ("USUN NY", {"USUNNEWYORK", "USUNROME"}, "USUNNEWYORK"),  # an abbreviation
    ("TASHKNET", {"TASHKENT"}, "TASHKENT"),  # letters swapped
    ("ISLAMBAD", {"ISLAMABAD"}, "ISLAMABAD"),  # a letter lost
    ("PARRIS", {"PARIS"}, "PARIS"),  # a letter added
    ("BRASILLA", {"BRASILIA"}, "BRASILIA"),  # a letter changed
    ("PORT-AU-PRINCE", {"PORTAUPRINCE"}, "PORTAUPRINCE"),
    ("N'Djamena", {"NDJAMENA"}, "NDJAMENA"),
    ("MILA", {"MILAN"}, None),  # too short to be a short form
    ("SAN", {"SANAA", "SANJOSE"}, None),
    ("SANT", {"SANTIAGO", "SANTODOMINGO"}, None),  # ambiguous and short
    ("ROEM", {"ROME"}, None),  # too short for a typo
    ("EMBASSY", {"PARIS", "ROME"}, None),
    ("ALMATI", set(), "ALMATY"),  # the cable's own station, given as extra
]


@pytest.mark.parametrize(("written", "known", "expected"), RESOLUTIONS)
def test_a_written_station_resolves_against_the_known_stations(
    written: str, known: set[str], expected: str | None
) -> None:
    resolver = StationResolver(known)
    extra = "ALMATY" if not known else None
    assert resolver.resolve(written, extra) == expected


def test_the_store_can_resolve_against_every_station_it_holds() -> None:
    held = StationResolver(["MILA", "MILAN", "ASTANA"])
    assert held.resolve("mila") == "MILA"
    assert held.resolve("ASTNA") == "ASTANA"  # a letter lost
    assert held.resolve("ASATANA") == "ASTANA"
    assert held.resolve("MILANO") == "MILAN"
