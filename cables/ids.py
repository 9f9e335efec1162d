"""Cable reference ids: the canonical form and station names.

Canonical id: two-digit year, the station in capitals without spaces, the serial number
without leading zeros: ``07TASHKENT877``, ``04RIODEJANEIRO128``.
"""

from __future__ import annotations

import re
import unicodedata
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
# What a malformed id may hold: letters, digits, hyphens and underscores ("7575LIBREVILLE1895").
_ID_SHAPED = re.compile(r"[0-9A-Z][0-9A-Z_-]*")
# A file named after its cable: "08ASTANA611.txt", "7575LIBREVILLE1895.html".
_FILE_ID = re.compile(r"\d{2}[A-Z]{3,}\d{1,7}|\d{4}[A-Z]{3,}\d{1,7}")
# Code points that show nothing: the format characters (zero-width space, joiners, bidi
# marks, soft hyphen, word joiner, BOM), fillers, variation selectors, C0 and C1 controls.
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


def visible_text(text: str) -> str:
    """``text`` NFKC-normalised (full-width letters and digits become ASCII) with its
    invisible code points removed (zero-width spaces and joiners, bidi marks, soft hyphens,
    fillers, variation selectors, controls); ASCII text without controls comes back as is."""
    if text.isascii() and text.isprintable():
        return text
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))


def clean_id_text(text: str) -> str:
    """``text`` as ids are compared: :func:`visible_text`, upper-cased, spaces removed."""
    return "".join(visible_text(text).split()).upper()


def normalize_station(name: str) -> str:
    """The station of an id for a station as written: "Rio de Janeiro" -> "RIODEJANEIRO",
    "SECSTATE" -> "STATE", "IRPO DUBAI" -> "RPODUBAI"."""
    joined = _NOT_LETTER.sub("", clean_id_text(name))
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
    """(id, malformed) for an id as written: THE rule of what a cable id is.

    The text is cleaned first (:func:`clean_id_text`: NFKC, invisible code points and
    spaces removed, capitals), so ``08 astana 611`` and ``08ASTANA611`` followed by a
    zero-width space are the same cable. A well-formed id (two digits, letters, digits)
    comes back canonical with ``False``: the station through its aliases (``08SECSTATE123``
    is ``08STATE123``), the number without leading zeros. Any other text comes back
    cleaned with ``True`` (``7575LIBREVILLE1895``) when it is made of letters, digits,
    hyphens and underscores, else stripped but as given (``True``); see :func:`parse_id`
    for callers that must refuse such text.
    """
    compact = clean_id_text(text)
    match = _ID.fullmatch(compact)
    if match:
        year, station, number = match.groups()
        return f"{year}{STATION_ALIASES.get(station, station)}{int(number)}", False
    if _ID_SHAPED.fullmatch(compact):
        return compact, True
    return text.strip(), True


def parse_id(text: str) -> tuple[str, bool]:
    """(id, malformed) as :func:`normalize_id` gives it, for text that can name a cable;
    raises ValueError (a sentence for the user) for text that cannot: empty, or holding
    characters other than letters, digits, hyphens and underscores once cleaned."""
    compact = clean_id_text(text)
    if not compact or not _ID_SHAPED.fullmatch(compact):
        raise ValueError(f"{text.strip()!r} is not a cable id")
    return normalize_id(compact)


def same_cable(first: str, second: str) -> bool:
    """Whether two ids as written name the same cable under :func:`normalize_id`."""
    return normalize_id(first)[0] == normalize_id(second)[0]


def id_sort_key(cable_id: str) -> tuple[int, str, int]:
    """Sort ids by year (19xx before 20xx), station, then number as a number.

    ``66BUENOSAIRES2481`` comes before ``08ASTANA611``, and ``08ASTANA99`` before
    ``08ASTANA611``. Ids that are not well formed under :func:`normalize_id` sort after
    all the others. ``cable_id`` is taken as stored (canonical): the key does not clean it.
    """
    match = _ID.fullmatch(cable_id)
    if not match:
        return (9999, cable_id, 0)
    year = int(match[1])
    return (1900 + year if year >= 50 else 2000 + year, match[2], int(match[3]))


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
