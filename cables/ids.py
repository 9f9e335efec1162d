"""Cable reference ids: the canonical form and station names.

Canonical id: two-digit year, the station in capitals without spaces, the serial number
without leading zeros: ``07TASHKENT877``, ``04RIODEJANEIRO128``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
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

# Stations of US posts as they appear in cable ids: the stations the parser knows by itself.
# (The store knows more: every origin it holds; see StationResolver.)
_KNOWN_STATIONS_TEXT = """
ABIDJAN ABUDHABI ABUJA ACCRA ADANA ADDISABABA ALEXANDRIA ALGIERS ALMATY AMMAN AMSTERDAM
ANKARA ANTANANARIVO APIA ASHGABAT ASMARA ASTANA ASUNCION ATHENS AUCKLAND BAGHDAD BAKU
BAMAKO BANDARSERIBEGAWAN BANGKOK BANGUI BANJUL BARCELONA BASRAH BASRA BEIJING BEIRUT
BELFAST BELGRADE BELMOPAN BERLIN BERN BISHKEK BOGOTA BONN BRASILIA BRATISLAVA
BRAZZAVILLE BRIDGETOWN BRUSSELS BUCHAREST BUDAPEST BUENOSAIRES BUJUMBURA CAIRO CALCUTTA
CANBERRA CAPETOWN CARACAS CASABLANCA CHENGDU CHENNAI CHIANGMAI CHISINAU CIUDADJUAREZ
COLOMBO CONAKRY COPENHAGEN COTONOU CURACAO DAKAR DAMASCUS DARESSALAAM DHAHRAN DHAKA DILI
DJIBOUTI DOHA DUBLIN DURBAN DUSHANBE DUSSELDORF FLORENCE FRANKFURT FREETOWN FUKUOKA
GABORONE GENEVA GEORGETOWN GUADALAJARA GUANGZHOU GUATEMALA GUAYAQUIL HALIFAX HAMBURG
HAMILTON HANOI HARARE HAVANA HELSINKI HERMOSILLO HILLAH HOCHIMINHCITY HONGKONG HYDERABAD
ISLAMABAD ISTANBUL IZMIR JAKARTA JEDDAH JERUSALEM JOHANNESBURG KABUL KAMPALA KARACHI
KATHMANDU KHARTOUM KIGALI KINGSTON KINSHASA KIRKUK KOLKATA KOLONIA KOROR KRAKOW
KUALALUMPUR KUWAIT KYIV LAGOS LAHORE LAPAZ LEIPZIG LIBREVILLE LILONGWE LIMA LISBON
LJUBLJANA LOME LONDON LUANDA LUSAKA LUXEMBOURG MADRID MAJURO MALABO MANAGUA MANAMA
MANILA MAPUTO MARSEILLE MASERU MATAMOROS MBABANE MELBOURNE MERIDA MEXICO MILAN MINSK
MONROVIA MONTERREY MONTEVIDEO MONTREAL MOSCOW MOSUL MUMBAI MUNICH MUSCAT NAGOYA NAHA
NAIROBI NAPLES NASSAU NDJAMENA NEWDELHI NIAMEY NICOSIA NOUAKCHOTT NUEVOLAREDO OSAKAKOBE
OSLO OTTAWA OUAGADOUGOU PANAMA PARAMARIBO PARIS PERTH PESHAWAR PHNOMPENH PODGORICA
PONTADELGADA PORTAUPRINCE PORTLOUIS PORTMORESBY PORTOFSPAIN PRAGUE PRAIA PRETORIA
PRISTINA QUEBEC QUITO RABAT RANGOON RECIFE REYKJAVIK RIGA RIODEJANEIRO RIYADH ROME
RPODUBAI SANAA SANJOSE SANSALVADOR SANTIAGO SANTODOMINGO SAOPAULO SAPPORO SARAJEVO SEOUL
SHANGHAI SHENYANG SINGAPORE SKOPJE SOFIA STATE STOCKHOLM STPETERSBURG STRASBOURG
SURABAYA SUVA SYDNEY TAIPEI TALLINN TASHKENT TBILISI TEGUCIGALPA TEHRAN TELAVIV THEHAGUE
TIJUANA TIRANA TOKYO TORONTO TRIPOLI TUNIS ULAANBAATAR UNVIEVIENNA USEUBRUSSELS USNATO
USOSCE USUNNEWYORK USUNROME VALLETTA VANCOUVER VATICAN VIENNA VIENTIANE VILNIUS
VLADIVOSTOK WARSAW WELLINGTON WINDHOEK YAOUNDE YEKATERINBURG YEREVAN ZAGREB
"""
KNOWN_STATIONS: frozenset[str] = frozenset(_KNOWN_STATIONS_TEXT.split())

_NOT_LETTER = re.compile(r"[^A-Z]")
_ID = re.compile(r"(\d{2})([A-Z]+)(\d{1,7})")
# What a malformed id may hold: letters, digits, hyphens and underscores ("7575LIBREVILLE1895").
_ID_SHAPED = re.compile(r"[0-9A-Z][0-9A-Z_-]*")
# A file named after its cable: "08ASTANA611.txt", "7575LIBREVILLE1895.html".
_FILE_ID = re.compile(r"\d{2}[A-Z]{3,}\d{1,7}|\d{4}[A-Z]{3,}\d{1,7}")
# Code points that show nothing: the format characters (zero-width space, joiners, bidi
# marks, soft hyphen, word joiner, BOM), fillers, variation selectors, C0 and C1 controls
# but the white space ones (tab, newline, vertical tab, form feed, carriage return).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


def visible_text(text: str) -> str:
    """``text`` NFKC-normalised (full-width letters and digits become ASCII) with its
    invisible code points removed (zero-width spaces and joiners, bidi marks, soft hyphens,
    fillers, variation selectors, controls but white space); ASCII text comes back as is
    unless it holds controls."""
    if text.isascii() and (text.isprintable() or not _INVISIBLE.search(text)):
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


def _within_one_edit(written: str, station: str) -> bool:
    """Whether one substitution, insertion, deletion or swap of neighbours turns ``written``
    into ``station``."""
    if written == station:
        return True
    lw, ls = len(written), len(station)
    if abs(lw - ls) > 1:
        return False
    start = 0
    while start < min(lw, ls) and written[start] == station[start]:
        start += 1
    if lw == ls:
        if written[start + 1 :] == station[start + 1 :]:
            return True
        return (
            start + 1 < lw
            and written[start] == station[start + 1]
            and written[start + 1] == station[start]
            and written[start + 2 :] == station[start + 2 :]
        )
    if lw > ls:
        return written[start + 1 :] == station[start:]
    return written[start:] == station[start + 1 :]


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(letter in letters for letter in short)


class StationResolver:
    """Resolves a station as written in a reference against a set of known stations.

    ``resolve("Rio de Jan")`` gives ``RIODEJANEIRO`` when that station is known: the written
    form is compared (letters only, capitals) exactly, through :data:`STATION_ALIASES`
    (true aliases only: ``SECSTATE`` is ``STATE``), as a short form of five letters or more
    (a unique known station that starts with it, or that it abbreviates keeping the first
    four letters: ``USUNNY``), and as a typo one letter away from a unique known station
    (five letters or more). None when nothing fits: ``MILA`` is not taken for ``MILAN``.
    Pure: the store can build one over every origin and station it holds; the parser uses
    :data:`KNOWN_STATIONS` and the cable's own station.
    """

    __slots__ = ("_by_prefix", "_cache", "_deletes", "known")

    _MIN_SHORT = 5
    _MIN_TYPO = 5
    _CACHE_SIZE = 20_000

    def __init__(self, known: Iterable[str]) -> None:
        self.known: frozenset[str] = frozenset(
            station for station in (normalize_station(k) for k in known) if station
        )
        self._by_prefix: dict[str, list[str]] = {}
        self._deletes: dict[str, set[str]] = {}
        for station in self.known:
            self._by_prefix.setdefault(station[:3], []).append(station)
            for variant in (
                station,
                *(station[:i] + station[i + 1 :] for i in range(len(station))),
            ):
                self._deletes.setdefault(variant, set()).add(station)
        self._cache: dict[tuple[str, str | None, bool], str | None] = {}

    def resolve(self, written: str, extra: str | None = None, *, typos: bool = True) -> str | None:
        """The known station ``written`` names, or None; ``extra`` (such as the citing
        cable's own station) counts as known too; ``typos=False`` accepts only exact
        spellings, aliases and short forms."""
        key = _NOT_LETTER.sub("", clean_id_text(written))
        if not key:
            return None
        cached = (key, extra, typos)
        if cached in self._cache:
            return self._cache[cached]
        found = self._resolve(key, extra, typos)
        if len(self._cache) >= self._CACHE_SIZE:
            self._cache.clear()
        self._cache[cached] = found
        return found

    def _resolve(self, key: str, extra: str | None, typos: bool) -> str | None:
        alias = STATION_ALIASES.get(key)
        if alias is not None:
            return alias
        if key in self.known or key == extra:
            return key
        if len(key) < self._MIN_SHORT:
            return None
        pool = list(self._by_prefix.get(key[:3], ()))
        if extra and extra[:3] == key[:3] and extra not in self.known:
            pool.append(extra)
        short = {s for s in pool if s.startswith(key)}
        if not short:
            short = {
                s
                for s in pool
                if s[:4] == key[:4] and 2 * len(key) >= len(s) and _is_subsequence(key, s)
            }
        if len(short) == 1:
            return short.pop()
        if short or not typos or len(key) < self._MIN_TYPO:
            return None
        near = set(self._deletes.get(key, ()))
        for i in range(len(key)):
            near |= self._deletes.get(key[:i] + key[i + 1 :], set())
        if extra and _within_one_edit(key, extra):
            near.add(extra)
        near = {s for s in near if len(s) >= self._MIN_TYPO and _within_one_edit(key, s)}
        return near.pop() if len(near) == 1 else None

    def resolve_exact(self, written: str, extra: str | None = None) -> str | None:
        """The known station ``written`` is exactly (or through an alias), else None."""
        key = _NOT_LETTER.sub("", clean_id_text(written))
        alias = STATION_ALIASES.get(key)
        if alias is not None:
            return alias
        return key if key and (key in self.known or key == extra) else None


PARSER_STATIONS = StationResolver(KNOWN_STATIONS)
"""The resolver over the stations the parser knows by itself."""

_stations_in_use: StationResolver = PARSER_STATIONS


def stations_of_ids(ids: Iterable[str]) -> set[str]:
    """The stations of well-formed cable ids (``08ASTANA611`` gives ``ASTANA``): the
    origins a store holds, as references spell them."""
    found: set[str] = set()
    for cable_id in ids:
        match = _ID.fullmatch(cable_id)
        if match:
            found.add(match.group(2))
    return found


def corpus_station_resolver(ids: Iterable[str]) -> StationResolver:
    """A resolver over the stations of ``ids`` (every cable of a store, say) and those the
    parser knows by itself: a reference's station misspelt a letter away from one of them,
    or shortened, resolves to it; :data:`STATION_ALIASES` keeps only true aliases."""
    return StationResolver(KNOWN_STATIONS | stations_of_ids(ids))


def parser_stations() -> StationResolver:
    """The resolver the parser uses when none is passed: :data:`PARSER_STATIONS`, or the
    one :func:`using_stations` set for a while (an import, over the store's stations)."""
    return _stations_in_use


@contextmanager
def using_stations(resolver: StationResolver) -> Iterator[StationResolver]:
    """Within the block, the parser resolves reference stations with ``resolver`` (in this
    process and in the processes it forks meanwhile, such as an import's parsing workers).
    Process-wide: meant for the importing process, not for threads parsing other corpora."""
    global _stations_in_use
    previous = _stations_in_use
    _stations_in_use = resolver
    try:
        yield resolver
    finally:
        _stations_in_use = previous
