"""Canonical cable ids and station names."""

from __future__ import annotations

import pytest

from cables.ids import canonical_id, id_from_file_name, normalize_id, normalize_station


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
        ("not an id", ("not an id", True)),
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
