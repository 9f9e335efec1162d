"""Giving words in ALL-CAPS text back their usual case.

A tenth of the corpus (all of 1966-1975) is written in capitals, where capitalisation says
nothing about names. :func:`restore_case` rewrites such a line word by word with the spelling
each word usually has in the mixed-case cables (``cables/data/casing.txt.gz``, built by
``scripts/make_casing.py``): "GENERAL AZIMI, MINISTER OF WAR" -> "General Azimi, Minister of
war". A word the dictionary does not know is taken for a name ("Toufanian") when it is five
letters or more and for an acronym ("IIAF") when shorter. The result has the length of the
input, so offsets into it are offsets into the original.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from cables.data import list_entries
from cables.entities.cues import ARTICLES_OF_TITLES, TITLES
from cables.entities.gazetteer import is_place, place_names
from cables.names import fold

# A word in capitals, captured: splitting on it leaves the words at odd indexes. (Capitals
# and apostrophes, ending in a capital: written so, the pattern is found faster than as
# two alternatives.)
_CAPS_PIECES = re.compile(r"([A-Z][A-Z']*(?<=[A-Z]))")
_LONGEST_ACRONYM = 4
# An English word the casing dictionary lacks is a word, not a name or an acronym, from
# this length ("EARS", "NETS", "SPLINTER"; shorter ones are often acronyms: "IRA").
_SHORTEST_ENGLISH = 4


@cache
def casing_dictionary() -> dict[str, str]:
    """Lower-case word -> its usual spelling, loaded once from the package data."""
    return {word.lower(): word for word in list_entries("casing.txt.gz")}


@cache
def english_words() -> frozenset[str]:
    """English words (lower case) that the casing dictionary lacks, from the package data
    (``cables/data/english.txt.gz``, built by ``scripts/make_english.py``)."""
    return frozenset(list_entries("english.txt.gz"))


@cache
def _everyday_words() -> frozenset[str]:
    return frozenset(list_entries("everyday.txt.gz"))


def is_everyday_word(word: str) -> bool:
    """Whether ``word`` is everyday English, capitalised or not ("Army", "Studies"), from
    the package data (``cables/data/everyday.txt.gz``, built by ``scripts/make_english.py``);
    bodies' names are not ("Mossad", "Gazprom"). A hyphened word is when each of its
    pieces is ("Non-Proliferation")."""
    everyday = _everyday_words()
    return all(piece in everyday for piece in word.lower().split("-"))


@cache
def _spanish_words() -> frozenset[str]:
    return frozenset(list_entries("spanish.txt.gz"))


def begins_a_title(name: str) -> bool:
    """Whether ``name`` begins with the capitalised article of a newspaper's or a book's
    title: "Le Monde", "La Prensa", "Der Spiegel", and "El" before a frequent Spanish word
    (``cables/data/spanish.txt.gz``, built by ``scripts/make_spanish.py``): "El Pais", "El
    Mundo", "El Tiempo"; not "El Masri" or "El Baradei", Arabic surnames."""
    article, _, rest = name.partition(" ")
    if not rest or not article[:1].isupper() or not article[1:].islower():
        return False  # not "LE Staff" (locally employed staff)
    lower = article.lower()
    if lower in ARTICLES_OF_TITLES:
        return True
    return lower == "el" and fold(rest.partition(" ")[0]) in _spanish_words()


def is_unknown_word(word: str) -> bool:
    """Whether neither the casing dictionary nor the English words know ``word``: in a
    text in capitals, a name's word ("SIAPOUSHI") more often than not."""
    lower = word.lower()
    return lower not in casing_dictionary() and lower not in english_words()


_LOWER_RUN = re.compile(r"[a-z]{3}")
_UPPER_RUN = re.compile(r"[A-Z]{2}")


def is_all_caps(text: str) -> bool:
    """Whether ``text`` is written in capitals: no run of three lower-case letters ("IRAN's"
    and "GOI-controlled" are not enough to make it mixed case) and some capitals."""
    return _LOWER_RUN.search(text) is None and _UPPER_RUN.search(text) is not None


#: In :func:`_caps_spellings`, an English word the cables never showed.
_ENGLISH = ""


@cache
def _caps_spellings() -> dict[str, str]:
    """A word in capitals -> its usual spelling, when that has the word's length; an English
    word the casing dictionary lacks -> ``_ENGLISH``, from the shortest taken for a word (one
    table, so that a word costs one look-up)."""
    spellings = dict.fromkeys(
        (word.upper() for word in english_words() if len(word) >= _SHORTEST_ENGLISH), _ENGLISH
    )
    spellings.update(
        (word.upper(), usual)
        for word, usual in casing_dictionary().items()
        if word.isascii() and len(usual) == len(word)
    )
    return spellings


def restore_case(text: str, unknown_are_names: bool = True) -> str:
    """``text`` (in capitals) with each word in its usual case; same length as ``text``.

    ``unknown_are_names=False`` is for a text that is no English (see
    :func:`cables.entities.extract.extract_entities`): there a word no dictionary knows is
    most likely a word of its language, and is put in lower case, not taken for a name or
    an acronym."""
    # A known word takes its usual spelling; an English word the cables never showed is in
    # lower case ("POLICE NETS"), but a title, a name after a title or a place ("PRINCESS",
    # "AMBASSADOR HELMS", "LIBREVILLE"); any other word is a name (capitalised) when longer
    # than an acronym, else kept (in a text in no English, a word: in lower case).
    pieces = _CAPS_PIECES.split(text)  # the words at odd indexes
    spellings = _caps_spellings()
    places = _places_of_words()
    named_to = 0  # a place's name of several words restored whole ends before this piece
    for i in range(1, len(pieces), 2):
        if i < named_to:
            continue
        word = pieces[i]
        seconds = places.get(word)
        if (
            seconds is not None
            and i + 2 < len(pieces)
            and pieces[i + 2] in seconds
            and (named_to := _place_named_at(pieces, i, seconds[pieces[i + 2]]))
        ):
            continue  # "NEW YORK", "HONG KONG", "DAR ES SALAAM": the gazetteer's spelling
        known = spellings.get(word)
        if word == "US":  # the country, in telegrams, but after a verb that takes an object
            pieces[i] = "us" if i > 1 and pieces[i - 2].upper() in _VERBS_BEFORE_US else "US"
        elif known:
            pieces[i] = known
        elif (known is None and not unknown_are_names) or (
            known is not None  # _ENGLISH
            and word.lower() not in TITLES
            and not (i > 1 and pieces[i - 1].isspace() and pieces[i - 2].lower() in TITLES)
            and not _hyphened_to_a_name(pieces, i)
            and not is_place(word)
        ):
            pieces[i] = word.lower()
        elif len(word) > _LONGEST_ACRONYM:
            pieces[i] = word.capitalize()
    return "".join(pieces)


@cache
def _places_of_words() -> dict[str, dict[str, tuple[tuple[str, ...], ...]]]:
    """The first two words in capitals of every place name of several words (words apart by
    one space, in ASCII) -> those names' words, longest first; not names of common words
    alone ("Port Said": "THE PORT SAID" is a port and a verb). By two words, as "SAN" or
    "NEW" begin hundreds of names."""
    names: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    for name in place_names():
        words = tuple(name.split(" "))
        if len(words) < 2 or not name.isascii() or "-" in name:
            continue
        if all(is_common_word(w) or not w[0].isupper() for w in words):
            continue
        names.setdefault(words[0].upper(), {}).setdefault(words[1].upper(), []).append(words)
    # longest first; of two spellings, the one with fewer capitals ("Dar es Salaam", not
    # "Dar Es Salaam"), then the first in order, whatever the order of the set
    return {
        first: {
            second: tuple(sorted(found, key=lambda w: (-len(w), sum(x[0].isupper() for x in w), w)))
            for second, found in seconds.items()
        }
        for first, seconds in names.items()
    }


def _place_named_at(pieces: list[str], i: int, names: tuple[tuple[str, ...], ...]) -> int:
    """If the words in capitals from ``pieces[i]`` on spell one of ``names`` (places' names
    of several words whose first two words are there, one space apart), write them as the
    name is written and return the index of the piece after it; else 0."""
    if pieces[i + 1] != " ":
        return 0
    for words in names:
        last = i + 2 * (len(words) - 1)
        if last < len(pieces) and all(
            pieces[i + 2 * k - 1] == " " and pieces[i + 2 * k] == words[k].upper()
            for k in range(2, len(words))
        ):
            for k, spelled in enumerate(words):
                pieces[i + 2 * k] = spelled
            return last + 1
    return 0


def _hyphened_to_a_name(pieces: list[str], i: int) -> bool:
    """Whether the word at ``pieces[i]`` is joined by a hyphen to a name's word: one the
    cables write capitalised or that no dictionary knows ("MCDONNELL-DOUGLAS", not
    "RUN-OF-THE-MILL")."""
    partners = []
    if i > 1 and pieces[i - 1] == "-":
        partners.append(pieces[i - 2])
    if i + 2 < len(pieces) and pieces[i + 1] == "-":
        partners.append(pieces[i + 2])
    return any(
        _capitalised(usual_form(partner)) or is_unknown_word(partner) for partner in partners
    )


# Verbs after which "US" in capitals is the pronoun ("LET US", "TOLD US", "ENABLE US").
_VERB_LIST = """LET TOLD TELL GAVE GIVE GIVEN ASKED ASK INFORMED INFORM ENABLE ENABLED ALLOW ALLOWED
    HELP HELPED SHOW SHOWED ASSURED ASSURE URGED URGE BRIEFED INVITED REMINDED JOIN JOINED
    CALLED CONTACTED APPROACHED LEAD LED SENT SEND WARNED THANKED"""
_VERBS_BEFORE_US = frozenset(_VERB_LIST.split())


def usual_form(word: str) -> str | None:
    """The usual spelling of ``word`` in mixed-case cables, or None if never seen."""
    return casing_dictionary().get(word.lower())


def is_common_word(word: str) -> bool:
    """Whether ``word`` is usually written in lower case (a word, not a name)."""
    known = casing_dictionary().get(word.lower())
    return known is not None and known.islower()


_DEMONYM_ENDINGS = ("an", "i", "kh", "ek", "ic")
# Names of peoples with no demonym's ending (a closed class).
_IRREGULAR_DEMONYMS = frozenset(
    (
        *("french", "dutch", "czech", "swiss", "greek", "thai", "welsh", "kyrgyz", "tajik"),
        *("turkmen", "pashtun", "baloch", "tatar", "kurd", "druze", "bedouin", "uighur"),
        *("uyghur", "sikh", "saudi", "emirati", "somali", "azeri", "sunni", "arab", "muslim"),
        *("catholic", "jewish", "jew", "hindu", "buddhist", "protestant", "shiite", "alawite"),
        *("serb", "croat", "bosniak", "slovak", "dane", "finn", "scot", "swede", "turk"),
        *("kosovar", "magyar", "sindhi", "pole", "argentine", "filipino"),
    )
)
# The peoples in -ish (a closed class: "Fneish" and "Jaish" are names).
_DEMONYMS_IN_ISH = frozenset(
    (
        *("british", "english", "irish", "scottish", "spanish", "turkish", "kurdish"),
        *("swedish", "danish", "polish", "finnish", "flemish", "moorish", "cornish"),
    )
)


@lru_cache(maxsize=65536)
def is_demonym(word: str) -> bool:
    """Whether ``word`` names a people or a faith ("Kazakh(s)", "Christian(s)", "Chinese").

    It must be capitalised in the dictionary and either end in -ese ("Senegalese"), be one
    of the few in -ish ("Turkish") or of a few irregular ones ("French", "Swiss"), or end
    like a demonym (-an, -kh, -ek, -ic, or -i after a place's name: "Iraqi") in five letters
    or more, be no place's name, and have its plural capitalised too, as names of persons
    rarely do, or be a place's name in -ia that the cables write and -n ("Serbian"); never
    an acronym.
    """
    known = casing_dictionary()
    lower = word.lower()
    singular = lower[:-1] if lower.endswith("s") else lower
    irregular = lower in _IRREGULAR_DEMONYMS or singular in _IRREGULAR_DEMONYMS
    if irregular and word[1:].islower():
        return True  # "Swiss", "Arabs"; "Kosovar", which the casing dictionary lacks
    usual = known.get(lower)
    if not _capitalised(usual) or usual.isupper():  # type: ignore[union-attr]
        return False  # an acronym is none ("CSIS", "CSI" and "CSIs" are capitalised)
    if lower.endswith("ese") or lower in _DEMONYMS_IN_ISH:
        return True
    if irregular:  # in capitals: "DUTCH", "SWISS"
        return True
    usual_singular = known.get(singular)
    if (
        len(singular) < 5  # "Khan", "Evans"
        or not singular.endswith(_DEMONYM_ENDINGS)
        or not _capitalised(usual_singular)
    ):
        return False
    if singular[-1] == "i" and not is_place(usual_singular[:-1]):  # type: ignore[index]
        return False  # "Iraqi(s)", not "Haqqani(s)" or "Hariri(s)"
    if is_place(usual_singular):  # type: ignore[arg-type]
        return False  # "Waziristan"
    if _capitalised(known.get(singular + "s")):
        return True
    # "Serbian": a place the cables name, and -n ("Serbia"), even when no plural is known
    # (not "Sebastian": the cables never name Sebastia); or the place in -e, -ian
    if not singular.endswith("ian"):
        return False
    # "Ukrainian": a place in -e ("Ukraine")
    return any(
        _capitalised(known.get(place)) and is_place(known[place])
        for place in (singular[:-1], singular[:-3] + "e")
    )


def is_country_like(name: str) -> bool:
    """Whether a place's name is written like a country's: an abbreviation ("U.S.", "UK"),
    or a name whose people the cables name ("Iran": "Iranian"; no "Glorian")."""
    if name.isupper() or name.endswith("."):
        return True
    stem = name[:-1] if name[-1] in "aeiouy" else name
    return any(
        is_demonym(form)
        for form in (
            stem,
            name + "n",
            name + "i",
            name + "ian",
            stem + "an",
            stem + "ese",
            stem + "ian",
        )
    )


def is_capitalised_plural(word: str) -> bool:
    """Whether ``word`` is the plural of a word the dictionary knows capitalised, the plural
    capitalised too ("Tamils", "Kurds", "Sunnis"): members of a people or a faith, not the
    name of one group."""
    lower = word.lower()
    if len(lower) < 4 or not lower.endswith("s"):
        return False
    known = casing_dictionary()
    return _capitalised(known.get(lower)) and _capitalised(known.get(lower[:-1]))


def _capitalised(form: str | None) -> bool:
    return bool(form) and form[0].isupper()  # type: ignore[index]
