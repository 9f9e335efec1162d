"""Cable reference ids: the canonical form and station names.

Canonical id: two-digit year, the station in capitals without spaces, the serial number
without leading zeros: ``07TASHKENT877``, ``04RIODEJANEIRO128``.
"""

from __future__ import annotations

import re
from pathlib import PurePath

# Stations written in several words, as they appear in REF lines (the id joins the words).
MULTI_WORD_STATIONS: frozenset[tuple[str, ...]] = frozenset(
    tuple(name.split())
    for name in (
        "ABU DHABI",
        "ADDIS ABABA",
        "BANDAR SERI BEGAWAN",
        "BUENOS AIRES",
        "CAPE TOWN",
        "CHIANG MAI",
        "CIUDAD JUAREZ",
        "DAR ES SALAAM",
        "GUATEMALA CITY",
        "HO CHI MINH CITY",
        "HONG KONG",
        "IRPO DUBAI",
        "KUALA LUMPUR",
        "KUWAIT CITY",
        "LA PAZ",
        "MEXICO CITY",
        "N DJAMENA",
        "NEW DELHI",
        "NUEVO LAREDO",
        "PANAMA CITY",
        "PHNOM PENH",
        "PORT AU PRINCE",
        "PORT LOUIS",
        "PORT MORESBY",
        "PORT OF SPAIN",
        "RIO DE JANEIRO",
        "RPO DUBAI",
        "SAN JOSE",
        "SAN SALVADOR",
        "SANTO DOMINGO",
        "SAO PAULO",
        "ST PETERSBURG",
        "TEL AVIV",
        "THE HAGUE",
        "ULAAN BAATAR",
        "UNVIE VIENNA",
        "USEU BRUSSELS",
        "USUN NEW YORK",
        "USUN ROME",
    )
)
LONGEST_STATION_WORDS = max(len(words) for words in MULTI_WORD_STATIONS)

# Written station -> the station of the id.
STATION_ALIASES: dict[str, str] = {
    "SECSTATE": "STATE",
    "DEPT": "STATE",
    "DEPTEL": "STATE",
    "IRPODUBAI": "RPODUBAI",
    "USUN": "USUNNEWYORK",
    "USEU": "USEUBRUSSELS",
    "UNVIE": "UNVIEVIENNA",
    "GUATEMALACITY": "GUATEMALA",
    "MEXICOCITY": "MEXICO",
    "PANAMACITY": "PANAMA",
    "KUWAITCITY": "KUWAIT",
    "HOCHIMINH": "HOCHIMINHCITY",
    "NDJAMENA": "NDJAMENA",
}

_NOT_LETTER = re.compile(r"[^A-Z]")
_ID = re.compile(r"(\d{2})([A-Z]+)(\d{1,7})")
# A file named after its cable: "08ASTANA611.txt", "7575LIBREVILLE1895.html".
_FILE_ID = re.compile(r"\d{2}[A-Z]{3,}\d{1,7}|\d{4}[A-Z]{3,}\d{1,7}")


def normalize_station(name: str) -> str:
    """The station of an id for a station as written: "Rio de Janeiro" -> "RIODEJANEIRO",
    "SECSTATE" -> "STATE", "IRPO DUBAI" -> "RPODUBAI"."""
    joined = _NOT_LETTER.sub("", name.upper())
    return STATION_ALIASES.get(joined, joined)


def two_digit_year(year: str | int) -> str | None:
    """ "07" for "07", "2007" or 2007; None for something that is not a plausible year."""
    text = str(year).strip()
    if len(text) == 2 and text.isdigit():
        return text
    if len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2099:
        return text[2:]
    return None


def canonical_id(year: str | int, station: str, number: str | int) -> str:
    """The canonical id: ``canonical_id("2007", "Tashkent", "0877") == "07TASHKENT877"``.

    Raises ValueError for a year or number that cannot be part of an id.
    """
    yy = two_digit_year(year)
    digits = str(number).strip()
    if yy is None or not digits.isdigit():
        raise ValueError(f"not a cable id: {year!r} {station!r} {number!r}")
    return f"{yy}{normalize_station(station)}{int(digits)}"


def normalize_id(text: str) -> tuple[str, bool]:
    """(id, malformed) for an id as written.

    A well-formed id (two digits, letters, digits; spaces and case ignored) comes back
    canonical with ``False``; anything else, such as ``7575LIBREVILLE1895``, comes back
    stripped but otherwise as given, with ``True``.
    """
    given = text.strip()
    compact = "".join(given.split()).upper()
    match = _ID.fullmatch(compact)
    if not match:
        return given, True
    year, station, number = match.groups()
    return f"{year}{STATION_ALIASES.get(station, station)}{int(number)}", False


def id_year(cable_id: str) -> str | None:
    """The two-digit year of a canonical id, or None."""
    match = _ID.fullmatch(cable_id)
    return match[1] if match else None


def id_station(cable_id: str) -> str | None:
    """The station of a canonical id, or None."""
    match = _ID.fullmatch(cable_id)
    return match[2] if match else None


def id_from_file_name(path: str) -> str | None:
    """The cable id a file is named after ("cables/08ASTANA611.txt" -> "08ASTANA611"), or
    None when its name is not an id."""
    stem = PurePath(path).name.split(".")[0]
    return stem if _FILE_ID.fullmatch(stem) else None
