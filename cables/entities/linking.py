"""Linking the mentions of one cable into entities.

Mentions come from the prose scan and the cable's structure, each with a kind when a cue
settled it (person, place, group), or none when only the shape of the name is known. Linking:
- mentions whose variant keys agree (:func:`cables.names.variant_key`: kh/h, y/i, -ov/-ev)
  are one entity, so "Hobdabergenova" joins "Rayhan Khobdabergenova";
- a single word that is the surname (or the given name) of a person named in full joins that
  person ("Narymbetov" -> "Bahadyr Narymbetov"), and the first word of a group's name joins
  the group ("Bereke" -> "Bereke Public Association");
- an acronym joins the name it was defined after ("Hizb ut-Tahrir (HT)") or the group whose
  initials it spells ("UNSC" -> "United Nations Security Council");
- what is left without a kind joins an entity of the same key, else becomes a person when it
  is two or more name-like words or a surname the cables title elsewhere
  (:mod:`cables.entities.surnames`), a place when the gazetteer knows it, a group when it is
  a company's name in camel case, stands in a list beside a group ("the IDI and Mossad") or
  recurs three times or more, and is dropped otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache

from cables.entities.casing import (
    begins_a_title,
    english_words,
    is_capitalised_plural,
    is_common_word,
    is_country_like,
    is_demonym,
    is_everyday_word,
    usual_form,
)
from cables.entities.cues import (
    ARABIC_ARTICLES,
    COMPANY_LAST_WORDS,
    FEATURE_LAST_WORDS,
    JARGON,
    NAME_PARTICLES,
    ORG_WORDS,
    PARTY_WORDS,
    PREPOSITIONS,
    ROLES,
    STANDALONE_ORGS,
    TITLES,
)
from cables.entities.gazetteer import is_place, place_names
from cables.entities.known_groups import is_known_group
from cables.entities.surnames import is_known_surname
from cables.model import Entities, Entity
from cables.names import variant_key, variant_keys

PERSON, PLACE, GROUP, ACRONYM = "person", "place", "group", "acronym"
# A single capitalised word with no cue, this many times in a cable: people are introduced by
# their full name and a role, so a bare name repeated through a cable is a group's (a company,
# a party) more often than a person's.
FREQUENT = 3


class Mention:
    """One mention: the text as written, its case-restored spelling, where, and its kind.

    ``kind`` is None when no cue settled it; ``core`` is the name without a place word
    ("Anbar" for "Anbar province") when that differs; ``expansion``, for an acronym defined
    in parentheses, its name; ``paragraphs`` every paragraph of the same mention and
    ``count`` how many times it occurs (set by :func:`link`); ``weak``: no evidence of a
    name but its capitals (a run of an ALL-CAPS text); ``partner``: the mention just
    before, when "and" or a comma join them.

    A plain class with its own ``__init__``, not a dataclass: compiled by mypyc, the
    dataclass's generated ``__init__`` stays interpreted Python, and an extractor makes
    about fifty mentions a cable.
    """

    __slots__ = (
        "core",
        "count",
        "expansion",
        "form",
        "kind",
        "paragraph",
        "paragraphs",
        "partner",
        "spelling",
        "weak",
    )

    def __init__(
        self,
        form: str,
        spelling: str,
        paragraph: int,
        kind: str | None,
        core: str | None = None,
        expansion: str | None = None,
        paragraphs: set[int] | None = None,
        count: int = 1,
        weak: bool = False,
        partner: Mention | None = None,
    ) -> None:
        self.form = form
        self.spelling = spelling
        self.paragraph = paragraph
        self.kind = kind
        self.core = core
        self.expansion = expansion
        self.paragraphs = paragraphs
        self.count = count
        self.weak = weak
        self.partner = partner

    def __repr__(self) -> str:
        return f"Mention({self.form!r}, {self.spelling!r}, {self.paragraph}, {self.kind!r})"


class _Entity:
    """An entity being built: its kind, variant key, forms (and their spellings), paragraphs."""

    __slots__ = ("forms", "key", "kind", "paragraphs", "spellings")

    def __init__(self, kind: str, key: str, first: Mention | None = None) -> None:
        self.kind = kind
        self.key = key
        if first is None:
            self.spellings: list[str] = []
            self.forms: list[str] = []
            self.paragraphs: set[int] = set()
        else:  # the entity's first mention (link gave it its own set of paragraphs)
            self.spellings = [first.spelling]
            self.forms = [first.form]
            self.paragraphs = first.paragraphs or {first.paragraph}

    def add(self, mention: Mention) -> None:
        if mention.form not in self.forms:
            self.forms.append(mention.form)
            self.spellings.append(mention.spelling)
        if mention.paragraphs:
            self.paragraphs |= mention.paragraphs
        else:
            self.paragraphs.add(mention.paragraph)

    def entity(self) -> Entity:
        if len(self.forms) == 1:
            return Entity(self.spellings[0], tuple(self.forms), tuple(sorted(self.paragraphs)))
        best = max(
            range(len(self.forms)), key=lambda i: (self.forms[i].count(" "), len(self.forms[i]), -i)
        )
        forms = [self.forms[best], *(f for i, f in enumerate(self.forms) if i != best)]
        return Entity(self.spellings[best], tuple(forms), tuple(sorted(self.paragraphs)))


# Countries that cables name by an abbreviation as often as by their name.
_COUNTRY_ABBREVIATIONS = {
    "United States": ("US", "U.S.", "USA", "U.S.A."),
    "United Kingdom": ("UK", "U.K."),
    "United Arab Emirates": ("UAE", "U.A.E."),
    "North Korea": ("DPRK",),
    "South Korea": ("ROK",),
    "China": ("PRC",),
    "Soviet Union": ("USSR",),
    "Saudi Arabia": ("KSA",),
}


@cache
def _country_abbreviations() -> dict[str, str]:
    """The variant key of each abbreviation above -> its country's."""
    keys: dict[str, str] = {}
    for country, abbreviations in _COUNTRY_ABBREVIATIONS.items():
        country_key = variant_keys([country])[0]
        keys.update(dict.fromkeys(variant_keys(list(abbreviations)), country_key))
    return keys


def spelled_initials(name: str) -> set[str]:
    """The initials of a name, in capitals: its capitalised words' first letters ("NATO
    Parliamentary Assembly" -> "NPA"), with an acronym inside it kept whole ("AK Party" ->
    "AKP", "U.S. Government" -> "USG"), and with its small words too but "and" and "the"
    ("Government of Yemen" -> "GOY", written "GoY"; "Ministry of Energy and Economy" ->
    "MOEE")."""
    every = name.replace("-", " ").replace(".", "").split()
    if "'" in name or "’" in name:  # "Cote d'Ivoire": "CI"
        every = [w[2:] if w[:1] in "dl" and w[1:2] in _ELISION and len(w) > 2 else w for w in every]
    # capitalised words, and the Arabic article ("al-Qa'ida in the Arabian Peninsula")
    words = [w for w in every if w and (w[0].isupper() or w in ARABIC_ARTICLES)]
    return {
        "".join(w[0] for w in words).upper(),
        "".join(w if len(w) > 1 and w.isupper() and w.isalpha() else w[:1] for w in words).upper(),
        "".join(w[0] for w in every if w and w not in _NOT_INITIALS).upper(),
    }


_ELISION = frozenset("'’")
# Small words an acronym leaves out even when it keeps "of" ("GoY", "MOEE").
_NOT_INITIALS = frozenset(("and", "the", "&"))


class _Linker:
    def __init__(self, keys: dict[str, str]) -> None:
        self.kinds: dict[str, list[_Entity]] = {PERSON: [], PLACE: [], GROUP: []}
        self.by_key: dict[tuple[str, str], _Entity] = {}
        self.keys = keys  # the variant key of every name of the mentions

    def entity(self, kind: str, key: str) -> _Entity:
        found = self.by_key.get((kind, key))
        if found is None:
            found = _Entity(kind, key)
            self.by_key[(kind, key)] = found
            self.kinds[kind].append(found)
        return found

    def add(self, kind: str, mention: Mention, key: str | None = None) -> None:
        """Add ``mention`` to the entity of ``kind`` and its key (``key``, when given, is the
        variant key of its spelling: the caller knew it). A country's abbreviation joins
        the country ("U.S." and "US" the United States); a treaty, a meeting or a document
        is no group (:func:`names_no_body`)."""
        if kind == GROUP and (
            names_no_body(mention.core or mention.spelling) or _faith_or_direction(mention.form)
        ):
            return  # a treaty; a faith or a compass word ("Shi'a supporters")
        if not key or mention.core is not None:
            key = self.keys[mention.core or mention.spelling]
        if kind == PLACE:
            key = _country_abbreviations().get(key, key)
        if key:
            found = self.by_key.get((kind, key))
            if found is None:
                found = _Entity(kind, key, mention)
                self.by_key[(kind, key)] = found
                self.kinds[kind].append(found)
            else:
                found.add(mention)

    def of_kind(self, kind: str) -> list[_Entity]:
        return self.kinds[kind]

    def join(self, shorter: _Entity, longer: _Entity, keep_forms: bool = True) -> None:
        """Make ``shorter`` part of ``longer`` (of one kind): its paragraphs, and its forms
        unless ``keep_forms`` is False; its key then leads to ``longer``."""
        if keep_forms:
            for form, spelling in zip(shorter.forms, shorter.spellings, strict=True):
                if form not in longer.forms:
                    longer.forms.append(form)
                    longer.spellings.append(spelling)
        longer.paragraphs |= shorter.paragraphs
        self.kinds[shorter.kind].remove(shorter)
        self.by_key[(shorter.kind, shorter.key)] = longer


def link(mentions: list[Mention]) -> Entities:
    """The entities of one cable from its mentions, each kind by the first paragraph that
    names them."""
    unique: dict[tuple[str, str | None, str | None, str | None], Mention] = {}
    for mention in mentions:
        identity = (mention.form, mention.kind, mention.core, mention.expansion)
        first = unique.get(identity)
        if first is None:
            unique[identity] = mention
            mention.paragraphs = {mention.paragraph}
        else:
            first.paragraphs.add(mention.paragraph)  # type: ignore[union-attr]
            first.count += 1
    linker = _Linker(_keys(unique.values()))
    key_of = linker.keys.__getitem__  # the variant key of a name
    singles: list[Mention] = []
    acronyms: list[Mention] = []
    unknown_multi: list[Mention] = []
    add = linker.add
    by_key = linker.by_key
    # The surnames of people named in full: a single word that is one of them and that the
    # gazetteer or a cue calls a place is the person ("Ruben Flores", then "Flores told us").
    # A full name without a cue counts when it may be a person's ("Fidel Castro", then
    # "Castro's illness").
    full_names = {
        key_of(m.spelling).rpartition(" ")[2]
        for m in unique.values()
        if m.kind == PERSON and " " in m.spelling
    }
    uncued_names: dict[str, str] | None = None  # made when first needed
    for mention in unique.values():
        kind = mention.kind
        if kind == PLACE and " " not in mention.spelling:
            if uncued_names is None:  # last word as written -> the name
                uncued_names = {
                    m.spelling.rpartition(" ")[2]: m.spelling
                    for m in unique.values()
                    if m.kind is None and " " in m.spelling and not m.weak
                }
            if _surname_of_a_full_name(mention.spelling, key_of, full_names, uncued_names):
                singles.append(mention)
            else:
                add(kind, mention)
        elif kind in (PLACE, GROUP):
            add(kind, mention)
        elif kind == ACRONYM:
            acronyms.append(mention)
        else:
            word_count = len(mention.spelling.split())
            if kind == PERSON and word_count > 1:
                if _acronym_then_place(mention.spelling):
                    mention.kind = None
                    unknown_multi.append(mention)
                elif _acronym_then_name(mention.spelling):  # "MEP Catherine Trautmann said"
                    head, name = _cut(mention, mention.spelling.find(" "))
                    head.kind = ACRONYM  # a title's
                    _add_head_and_name(linker, head, name, singles, cued=True)
                elif _party_name(mention.spelling):  # "many Liberal Democrats, is"
                    add(GROUP, mention)
                elif not names_a_people(mention.spelling):
                    add(PERSON, mention)
            elif word_count == 1:
                singles.append(mention)
            else:
                unknown_multi.append(mention)
    # the acronyms the cable uses: a name without a cue that they abbreviate is a body's
    # ("United Nations" and "UN" are one group; no person's initials are an acronym)
    abbreviated = {a.form.upper() for a in acronyms if len(a.form) > 2 and "." not in a.form}
    expanded = {a.expansion for a in acronyms if a.expansion}
    for mention in unknown_multi:
        spelling = mention.spelling
        key = key_of(spelling)
        if (GROUP, key) in by_key:
            add(GROUP, mention, key)
            continue
        if (PLACE, key) in by_key:
            add(PLACE, mention, key)
            continue
        if (PERSON, key) in by_key:
            add(PERSON, mention, key)
            continue
        verdict = _uncued_verdict(spelling, mention.weak)
        if verdict == _KNOWN_GROUP:
            add(GROUP, mention, key)  # "Lashkar-e-Taiba", "Inter-Services Intelligence"
        elif spelling in expanded:  # "Hizb ut-Tahrir (HT)", "Tri-Border Area (TBA)"
            if _persons_initials(spelling):
                add(PERSON, mention, key)  # "the Fernando Henrique Cardoso (FHC) administration"
            else:
                add(PLACE if names_a_place_by_name(spelling) else GROUP, mention, key)
        elif verdict == _PLACE_NAME:
            add(PLACE, mention, key)
        elif verdict <= _GROUP_NAME or (
            abbreviated
            and _spelled_out(spelling)
            and not spelled_initials(spelling).isdisjoint(abbreviated)
        ):
            add(GROUP, mention, key)
        elif verdict == _PLACE_THEN_NAME:
            head, name = _cut(mention, _long_place_length(spelling))
            _add_head_and_name(linker, head, name, singles)
        elif verdict == _PERSON_NAME:
            add(PERSON, mention, key)
        elif verdict == _PEOPLE_THEN_PLACE:
            _, place = _cut(mention, spelling.find(" "))
            add(PLACE, place, linker.keys.setdefault(place.spelling, variant_key(place.spelling)))
        elif verdict == _HEAD_THEN_NAME:
            # "Germany Richard Burt", "U.S. Zardari": a country, then a name; "MOI Atmar": an
            # acronym, then a name
            head, name = _cut(mention, _head_length(spelling))
            if not _names_a_country(head.spelling):
                head.kind = ACRONYM
            _add_head_and_name(linker, head, name, singles)
    # a place only a preposition made ("confidence in Dilma Rousseff") is the person the
    # cable names the same elsewhere
    for place_entity in list(linker.of_kind(PLACE)):
        person = by_key.get((PERSON, place_entity.key))
        if person is not None and person.key == place_entity.key and " " in place_entity.key:
            linker.join(place_entity, person)
    _join_shorter_names(linker)
    people = linker.of_kind(PERSON)
    surnames: dict[str, _Entity] = {}
    given: dict[str, _Entity] = {}
    for person in people:
        words = person.key.split()
        # "Cho Myung-rok": no "ROK" is his (a given name's last syllable is no surname),
        # but "Larsen" is Terje Roed-Larsen
        if not _LOWER_SYLLABLE.search(person.spellings[0]):
            surnames.setdefault(words[-1], person)
            last = person.spellings[0].rpartition(" ")[2]
            if "-" in last and len(words) > 2:  # "Mohammad Al-Sabban", then "Al-Sabban said"
                surnames.setdefault(variant_key(last), person)
        if len(words) > 1:
            given.setdefault(words[0], person)
    following = {id(m.partner): m for m in mentions if m.partner is not None}
    groups = linker.of_kind(GROUP)
    group_heads = {g.key.split()[0]: g for g in groups if " " in g.key}
    frequent: list[Mention] = []  # single words made groups for recurring without a cue
    # acronyms written as words that the cable defines ("... Trade Unions (Cosatu)")
    worded = {a.form for a in acronyms if a.expansion and not a.form.isupper()}
    for mention in singles:
        key = key_of(mention.spelling)
        if not key:
            continue
        if _CLUB.fullmatch(mention.spelling):  # "the G-20 met": a club of countries
            add(GROUP, mention, key)
        elif mention.form in worded:  # then "Cosatu" alone
            mention.kind = ACRONYM
            acronyms.append(mention)
        elif (
            mention.kind in (None, PERSON)
            and not mention.weak
            and mention.spelling.lower() in PARTY_WORDS
        ):
            # "the Labour government", "the Conservatives"
            if key in group_heads:
                group_heads[key].add(mention)  # "the Labour Party", then "Labour"
            else:
                add(GROUP, mention, key)
        elif key in surnames and mention.kind in (None, PERSON, PLACE):
            surnames[key].add(mention)
        elif mention.kind == PERSON and not mention.weak and is_known_group(mention.spelling):
            add(GROUP, mention, key)  # "told Secretary Rice that Hamas, "with some pressure""
        elif mention.kind == PLACE:
            add(PLACE, mention, key)
        elif mention.kind == PERSON and key in given:  # "Abdulaziz bin Salman", "Abdulaziz said"
            given[key].add(mention)
        elif mention.kind == PERSON:
            _add_surname(linker, surnames, mention, key)
        elif key in given:
            given[key].add(mention)
        elif (GROUP, key) in by_key:
            add(GROUP, mention, key)
        elif key in group_heads and not is_place(mention.spelling):
            group_heads[key].add(mention)
        elif mention.kind is None and not mention.weak and is_known_group(mention.spelling):
            add(GROUP, mention, key)  # "a complement to al-Qaida"
        elif mention.kind is None and not mention.weak and is_known_surname(mention.spelling):
            _add_surname(linker, surnames, mention, key)  # "meetings with Medvedev and Putin"
        elif is_place(mention.spelling):
            add(PLACE, mention, key)
        elif mention.kind is None and not mention.weak and _surname_by_ending(mention.spelling):
            _add_surname(linker, surnames, mention, key)  # "Kulakhmetov tried to call Chochiev"
        elif mention.kind is None and _company_word(mention.form):
            add(GROUP, mention, key)
        elif (
            mention.kind is None
            and not mention.weak
            and _group_in_list(mention, following)
            and not is_everyday_word(mention.form)
            and mention.form.lower().rstrip(".") not in _COMPANY_ABBREVIATIONS
            and not is_demonym(mention.form)
            and not names_no_group(mention.form)
        ):
            add(GROUP, mention, key)  # "the IDI and Mossad"
        elif mention.count >= FREQUENT and not mention.weak and not names_no_group(mention.form):
            add(GROUP, mention, key)
            frequent.append(mention)
    # A word that recurs without a cue is a person's surname when a cue elsewhere in the
    # cable calls it a person's, even after it ("Sarkozy", then "French President Sarkozy").
    for mention in frequent:
        key = key_of(mention.spelling)
        group, person = by_key.get((GROUP, key)), surnames.get(key)
        if group is not None and person is not None and group.kind == GROUP:
            linker.join(group, person)
    # A group of one word that is the surname of a person the cable names is his: "a
    # potential Abdullah coalition" (Abdullah Abdullah), "the Hariri bloc" (Saad Hariri),
    # "Karzai spokesman Waheed Omar" (President Karzai)
    for group in list(linker.of_kind(GROUP)):
        person = surnames.get(group.key)
        if (
            " " not in group.key
            and person is not None
            and not is_place(person.spellings[0].partition(" ")[0])  # not "Quetta Taliban"
        ):
            linker.join(group, person)
    if acronyms:
        _link_acronyms(linker, acronyms)
    _join_shorter_names(linker, GROUP)
    _join_group_heads(linker)
    _join_abbreviated_groups(linker)
    _join_inverted_groups(linker)
    return Entities(
        people=_in_order(linker.of_kind(PERSON)),
        places=_in_order(linker.of_kind(PLACE)),
        groups=_in_order(linker.of_kind(GROUP)),
    )


# What the name alone tells of a run of words without a cue (see _uncued_verdict), in the
# order the linker asks: a known group's, a place's, a group's by its words, a place then a
# name, a person's, a people's then a place, a head then a name; or nothing.
(
    _KNOWN_GROUP,
    _PLACE_NAME,
    _GROUP_NAME,
    _PLACE_THEN_NAME,
    _PERSON_NAME,
    _PEOPLE_THEN_PLACE,
    _HEAD_THEN_NAME,
    _NOTHING,
) = range(8)


@lru_cache(maxsize=65536)
def _uncued_verdict(spelling: str, weak: bool) -> int:
    """What a run of words without a cue is by itself (``weak``: written in capitals in a
    cable not all in capitals): the first of the linker's questions on it that the name
    alone answers yes (remembered: names recur across cables). What the cable tells
    (names it already holds, acronyms it defines) the linker asks between them."""
    if not weak and is_known_group(spelling):
        return _KNOWN_GROUP
    if is_place(spelling) or _names_a_place(spelling):
        return _PLACE_NAME
    if (
        _plural_body(spelling)  # "U.S. Marshals"
        # "Pinya Manufacturing Co. Ltd.", "the CSU Bundestag group", "Liberal Democrats"
        or spelling[spelling.rfind(" ") + 1 :].lower() in _GROUP_LAST_WORDS
        or _party_name(spelling)
        # "Le Monde", "La Prensa", "El Pais": a person is named so by a cue
        or begins_a_title(spelling)
        # "Pakistan Muslim League-Nawaz"
        or (
            "-" in spelling and not _ORG_WORD_SET.isdisjoint(_HYPHENED_WORD.split(spelling.lower()))
        )
    ):
        return _GROUP_NAME
    if _long_place_length(spelling):
        return _PLACE_THEN_NAME  # "South Waziristan Maulvi Nazir"
    if not weak and _may_be_a_person(spelling):
        return _PERSON_NAME
    if _demonym_then_place(spelling):
        return _PEOPLE_THEN_PLACE
    if _head_length(spelling):
        return _HEAD_THEN_NAME
    return _NOTHING


# A person's name by its shape: a patronymic particle between names ("Mohammed bin Zayed",
# "Abdullah bin Abdulaziz al-Saud"), or a Korean name, a short surname and a given name of
# two syllables hyphened, the second in lower case ("Kim Jong-il", "Lee Myung-bak").
_PATRONYMIC = re.compile(r"[A-Z]\w+ (?:bin|ibn|bint|ben) [A-Z]")
_KOREAN_NAME = re.compile(r"[A-Z][a-z]{1,4} [A-Z][a-z]{1,5}-[a-z]{2,5}")


def _persons_initials(name: str) -> bool:
    """Whether a name an acronym of its initials abbreviates is a person's ("Fernando
    Henrique Cardoso (FHC)", "Mohammed bin Zayed (MbZ)", "Kim Jong-il (KJI)"): its last
    word is a known surname, or its shape is a person's name's."""
    return (
        is_known_surname(name.rpartition(" ")[2])
        or _PATRONYMIC.search(name) is not None
        or _KOREAN_NAME.fullmatch(name) is not None
    )


def _add_surname(linker: _Linker, surnames: dict[str, _Entity], mention: Mention, key: str) -> None:
    """Record a person named by one word (of variant key ``key``), the surname that later
    mentions of it join (``surnames``)."""
    person = linker.entity(PERSON, key)
    person.add(mention)
    surnames.setdefault(key, person)


def _in_order(entities: list[_Entity]) -> tuple[Entity, ...]:
    """The entities by the first paragraph that names them (those the linker made later,
    from names without a cue, take their place among the others)."""
    return tuple(e.entity() for e in sorted(entities, key=_first_paragraph))


def _first_paragraph(entity: _Entity) -> int:
    return min(entity.paragraphs, default=0)


def _surname_of_a_full_name(
    word: str, key_of: Callable[[str], str], cued: set[str], uncued: dict[str, str]
) -> bool:
    """Whether ``word`` ends a person's full name in the cable: one a cue called a
    person's (``cued``: the variant keys of their last words) or one without a cue that may
    be a person's and is no place (``uncued``: last word as written -> the name)."""
    if key_of(word) in cued:
        return True
    name = uncued.get(word)
    return (
        name is not None
        and not is_place(name)
        and not _names_a_place(name)
        and _may_be_a_person(name)
    )


# Last words of names that name no body of people: treaties, laws, meetings, documents.
_NO_BODY_ENDINGS = frozenset(
    (
        *("treaty", "agreement", "accord", "accords", "convention", "protocol", "act", "law"),
        *("declaration", "charter", "resolution", "initiative", "conference", "summit"),
        *("meeting", "talks", "process", "dialogue", "plan", "strategy", "roadmap"),
        *("report", "operation", "program", "training", "exercise", "exercises", "order"),
        *("ordinance", "decree", "bill", "amendment", "reactor", "estimate", "war"),
        # programmes, policies, documents, weapons and sites named by common words
        *("scheme", "parole", "policy", "partnership", "account", "preferences", "framework"),
        *("directive", "list", "letter", "memorandum", "proposal", "assistance", "concept"),
        *("statement", "communique", "code", "assessment", "infrastructure", "edge"),
        *("articles", "weapons", "munitions", "uranium", "disposal", "storage", "complex"),
    )
)
_AGENCY_PROGRAM_FIRST = frozenset(("united", "un", "u.n.", "world"))
_NO_BODY_LINKS = frozenset(("of", "on", "for", "against"))
_HYPHENED_WORD = re.compile(r"[ -]")
_ORG_WORD_SET = frozenset(ORG_WORDS)


def names_no_body(name: str) -> bool:
    """Whether ``name`` names a treaty, a law, a meeting or a document rather than an
    organisation: its last word says so, or its first before "of", "on" or "for", and none
    is an organisation word ("Nuclear Nonproliferation Treaty", "Review Conference",
    "Declaration of Principles"; not "Organization of the Islamic Conference")."""
    first = name.find(" ")
    if first < 0 or (
        name[name.rfind(" ") + 1 :].lower() not in _NO_BODY_ENDINGS
        and name[:first].lower() not in _NO_BODY_ENDINGS
    ):
        return False  # the common case, told from the first and last words alone
    words = name.lower().split()
    if not _ORG_WORD_SET.isdisjoint(words):
        return False
    if words[-1] == "program" and words[0] in _AGENCY_PROGRAM_FIRST:
        return False  # the UN's agencies in US spelling ("World Food Program", "UNDP")
    return (
        words[-1] in _NO_BODY_ENDINGS
        or (words[0] in _NO_BODY_ENDINGS and words[1] in _NO_BODY_LINKS)  # "Declaration of"
        or words[0] == "operation"  # "Operation Enduring Freedom"
    )


def _join_shorter_names(linker: _Linker, kind: str = PERSON) -> None:
    """Join an entity named by two words or more to the one of its kind whose fuller name
    ends with them: "Perez Roque" to "Felipe Perez Roque", "Air Force" to "Israeli Air
    Force" (a group's fuller name adding no preposition: not "Assistance to Frontier
    Corps"). A person's fuller name that only adds office codes in capitals before a name
    ("WRA Katherine Baker", from "PM/WRA Katherine Baker") is that name, and its form is
    dropped."""
    entities = linker.of_kind(kind)
    named = {entity.key for entity in entities if " " in entity.key}
    if len(named) < 2:
        return
    endings: dict[str, list[_Entity]] = {}  # names that end longer ones -> those
    for entity in entities:
        key = entity.key
        at = key.find(" ")
        while at != -1:
            ending = key[at + 1 :]
            if " " not in ending:
                break
            if ending in named:
                endings.setdefault(ending, []).append(entity)
            at = key.find(" ", at + 1)
    if not endings:
        return
    for shorter in [entity for entity in entities if entity.key in endings]:
        fuller = endings[shorter.key]
        if len(fuller) != 1 or fuller[0] not in entities or shorter not in entities:
            continue  # two fuller names end so, or one was joined to another already
        longer = fuller[0]
        if kind != PERSON:
            extra = longer.key[: -len(shorter.key)].split()
            if PREPOSITIONS.isdisjoint(extra):
                linker.join(shorter, longer)  # not "ASSISTANCE TO FRONTIER CORPS"
            continue
        added = [form.rsplit(" ", shorter.key.count(" ") + 1)[0] for form in longer.forms]
        if all(_office_codes(words) for words in added):
            linker.join(longer, shorter, keep_forms=False)
        else:
            linker.join(shorter, longer)


# Words after a group's name that say what kind of body it is, not a body within it
# ("Likud Party", "Xinhua News Agency"; not "Cabinet Office", "FARC Secretariat").
_KIND_WORDS = frozenset(
    (
        *("party", "movement", "organization", "organisation", "church", "newspaper"),
        *("daily", "weekly", "company", "corporation", "news", "agency", "department"),
        *("network", "militia", "front", "ministry"),
    )
)


def _join_group_heads(linker: _Linker) -> None:
    """Join a group named by one word to the one longer group of the cable that adds only
    words of what kind of body it is: "Xinhua" to "Xinhua News Agency", "Likud" to "Likud
    Party" (not "Gazprom" to "Gazprom Neft", another company, nor "NATO" to "NATO
    Command")."""
    groups = linker.of_kind(GROUP)
    heads = {
        spelling: group for group in groups if " " not in group.key for spelling in group.spellings
    }
    if not heads:
        return
    fuller: dict[int, tuple[_Entity, list[_Entity]]] = {}
    for group in groups:
        first, _, rest = group.spellings[0].partition(" ")
        head = heads.get(first)
        if head is not None and rest and all(word in _KIND_WORDS for word in rest.lower().split()):
            fuller.setdefault(id(head), (head, []))[1].append(group)
    for head, longer in fuller.values():
        if len(longer) == 1:
            linker.join(head, longer[0])


def _join_abbreviated_groups(linker: _Linker) -> None:
    """Join a group's name of two words or more to the longer one it abbreviates word by
    word, or writes in the singular: "Lib Dems" and "Liberal Democrat" to "Liberal
    Democrats"."""
    by_start: dict[str, list[_Entity]] = {}  # by the first three letters of their names
    for group in linker.of_kind(GROUP):
        if " " in group.key:
            by_start.setdefault(group.key[:3], []).append(group)
    joined: set[int] = set()
    for groups in by_start.values():
        if len(groups) > 1:
            groups.sort(key=lambda g: len(g.key), reverse=True)
            _join_abbreviated(linker, groups, joined)


def _join_abbreviated(linker: _Linker, groups: list[_Entity], joined: set[int]) -> None:
    """:func:`_join_abbreviated_groups` among ``groups`` (longest name first); ``joined``
    holds those joined to another already."""
    for shorter in reversed(groups):  # the shortest first
        words = [w.removesuffix("s") for w in shorter.key.split()]
        for longer in groups:
            if (
                len(longer.key) <= len(shorter.key)
                or not longer.key.startswith(words[0])
                or id(longer) in joined
            ):
                continue
            full = longer.key.split()
            if len(full) == len(words) and all(
                len(word) >= 3 and whole.startswith(word)
                for word, whole in zip(words, full, strict=True)
            ):
                linker.join(shorter, longer)
                joined.add(id(shorter))
                break


def _join_inverted_groups(linker: _Linker) -> None:
    """Join a group's name that ends with an organisation word to the one fuller name of the
    cable that puts that word before a preposition and every other word after it: "Human
    Rights Bureau" to "Kazakhstan International Bureau for Human Rights", "Foreign Ministry"
    to "Ministry of Foreign Affairs" (not "Central Committee" to "Central Election
    Committee": nothing is inverted there)."""
    groups = linker.of_kind(GROUP)
    if len(groups) < 2:
        return
    # the word before a fuller name's first preposition -> (the words after it, the group)
    inverted: dict[str, list[tuple[set[str], _Entity]]] = {}
    for group in groups:
        words = group.key.split()
        for at in range(1, len(words) - 1):
            if words[at] in PREPOSITIONS:
                inverted.setdefault(words[at - 1], []).append((set(words[at + 1 :]), group))
                break
    if not inverted:
        return
    for shorter in list(groups):
        words = shorter.key.split()
        last = shorter.spellings[0].rpartition(" ")[2].lower()
        if len(words) < 2 or last not in _ORG_WORD_SET or not PREPOSITIONS.isdisjoint(words):
            continue
        fuller = [
            group
            for after, group in inverted.get(words[-1], ())
            if group is not shorter and after.issuperset(words[:-1])
        ]
        if len(fuller) == 1 and fuller[0] in groups and shorter in groups:
            linker.join(shorter, fuller[0])


def _office_codes(words: str) -> bool:
    """Whether ``words`` are office codes in capitals ("WRA", "PM/WRA"), no name's words."""
    return all(word.isupper() and len(word) <= 6 for word in words.replace("/", " ").split())


# First words of a place's name: a compass word before a place ("Eastern Sudan"), or a
# feature of the land in Arabic and Hebrew names ("Tel Afar", "Wadi Halfa", "Bir Lahlu").
_COMPASS_WORDS = frozenset(
    (
        *("north", "south", "east", "west"),
        *("eastern", "western", "northern", "southern", "central", "upper", "lower", "greater"),
    )
)
_FEATURE_WORDS = frozenset(
    (
        *("tel", "tell", "wadi", "jebel", "jabal", "jabel", "bir", "ras", "ain", "lake", "lago"),
        *("mount", "cape", "rio", "foz", "sierra", "laguna", "isla", "ilha", "monte", "cerro"),
        *("river", "bay", "mt", "lac", "shatt", "bahr", "kuh", "dasht"),
    )
)
_DEMONYM_SUFFIXES = ("n", "an", "ese", "i", "ern")  # ... "Middle Eastern"


def _names_a_place(name: str) -> bool:
    """Whether a run of words without a cue names a place the gazetteer lacks: a compass
    word before a place ("Eastern Sudan"), a feature word first ("Tel Afar") or a feature
    of the land last ("Mackenzie River")."""
    first, _, rest = name.partition(" ")
    lower = first.lower()
    return (
        lower in _FEATURE_WORDS
        or (lower in _COMPASS_WORDS and is_place(rest))
        or (
            name[name.rfind(" ") + 1 :].lower() in FEATURE_LAST_WORDS
            and " in " not in name  # "al-Qaeda in the Arabian Peninsula"
        )
    )


#: The heads of a state's long name ("Republic of Korea", "Kingdom of Saudi Arabia").
_STATE_WORDS = frozenset(("republic", "kingdom", "state", "sultanate", "emirate", "principality"))


def names_a_place_by_name(name: str) -> bool:
    """Whether a name is a place's by itself: the gazetteer knows it, its words say so
    (:func:`_names_a_place`), or it is a state's long name ("Republic of Korea",
    "Democratic Republic of the Congo"). It tells what a name an acronym defines is, when
    no other cue does."""
    if is_place(name) or _names_a_place(name):
        return True
    head, of, place = name.partition(" of ")
    return (
        bool(of)
        and head.rpartition(" ")[2].lower() in _STATE_WORDS
        and is_place(place.removeprefix("the "))
    )


def _may_be_a_person(name: str) -> bool:
    """Whether a run of words without a cue may be a person's name: not a people's name
    made of a place's ("Sri Lankan", "South African"), nor a treaty's ("Kyoto Protocol"),
    nor a ship's ("MV Faina"), nor one holding a country's name ("Unhappy China"), nor an
    acronym before a place ("AKP Istanbul", "USAID Washington")."""
    if names_a_people(name):
        return False
    first = name.partition(" ")[0]
    if name[name.rfind(" ") + 1 :].lower() in _NO_BODY_ENDINGS and names_no_body(name):
        return False
    if first.upper() in _SHIP_PREFIXES:
        return False
    # a country's name is nobody's: "Unhappy China" (a book), "Indonesia Fawthrop"; nor a
    # people's: "UK Muslims"
    words = name.split(" ")
    if not place_names().isdisjoint(words) and any(map(_names_a_country, words)):
        return False
    if is_demonym(words[-1]) or (words[-1][-1] == "s" and is_demonym(words[-1][:-1])):
        return False  # "UK Muslims", "the Gulf Arabs"
    return not (_acronym_then_place(name) or _acronym_then_name(name) or _demonym_then_place(name))


def _acronym_then_place(name: str) -> bool:
    """Whether a name is an acronym then a place, a post's office ("AKP Istanbul", "USAID
    Washington", "EAC Sana'a met"), not a person's name."""
    first, _, rest = name.partition(" ")
    return (
        first.isupper()
        and not rest.isupper()  # "PAM DURHAM" in an addressee line is a person
        and _PLURAL_ACRONYM.fullmatch(first + "s") is not None
        and is_place(rest)
    )


def _spelled_out(name: str) -> bool:
    """Whether a name may be what an acronym abbreviates: three words or more, none a
    particle of a person's name ("bin") nor an abbreviation ("U.S. Gulf")."""
    words = name.split()
    return len(words) >= 3 and all(
        word.lower() not in NAME_PARTICLES and not word.isupper() and not word.endswith(".")
        for word in words
    )


@lru_cache(maxsize=4096)
def _names_a_country(word: str) -> bool:
    """Whether one word is a place's name written like a country's (remembered: few
    words are places)."""
    return word in place_names() and is_country_like(word)


def _add_head_and_name(
    linker: _Linker, head: Mention, name: Mention, singles: list[Mention], cued: bool = False
) -> None:
    """Record a mention cut in two: its head a place (or, an acronym, a title's: dropped,
    and the name after it a person's), then the name: the person named so already, a
    single word left to join a full name (``singles``), or a person's name (``cued``: a
    cue called the whole a person's, so the name is one even when it may not look it)."""
    for part in (head, name):
        linker.keys.setdefault(part.spelling, variant_key(part.spelling))
    if head.kind is None:
        linker.add(PLACE, head)
    else:  # an acronym before a name is most often a title's: "NSA Hadley"
        name.kind = PERSON
    name_key = linker.keys[name.spelling]
    if (PERSON, name_key) in linker.by_key:
        linker.add(PERSON, name, name_key)
    elif " " not in name.spelling:
        singles.append(name)  # a surname, joined later to its full name
    elif cued or (not name.weak and _may_be_a_person(name.spelling)):
        linker.add(PERSON, name, name_key)


def _head_length(name: str) -> int:
    """The length of the head of a name without a cue that is a country's name ("Germany
    Richard Burt", "U.S. Zardari") or an acronym ("MOI Atmar's dismissal"), then other
    words; 0 for any other name."""
    first, _, rest = name.partition(" ")
    if rest and (_names_a_country(first) or _acronym_then_name(name)):
        return len(first)
    return 0


#: Endings of Slavic, Georgian, Armenian, Romanian and Turkish surnames.
_SURNAME_ENDINGS = (
    *("ov", "ova", "ev", "eva", "enko", "sky", "ski", "skiy", "vich", "shvili", "dze"),
    *("yan", "escu", "oglu"),
)


def _surname_by_ending(word: str) -> bool:
    """Whether a word without a cue is a surname by its ending ("Chochiev", "Popov",
    "Litvinenko"), and no English word, people's name or word the cables write in lower
    case (a place is asked before)."""
    if len(word) < 5 or not word.endswith(_SURNAME_ENDINGS) or not word[1:].islower():
        return False
    usual = usual_form(word)
    return (
        (usual is None or usual[0].isupper())
        and not is_everyday_word(word)
        and not is_demonym(word)
        and not names_a_people(word)  # "Uruguayan" (not an Armenian's -yan)
    )


#: Last words that make a name without a cue a group's: a company's ("Manufacturing"), a
#: body's that names one alone ("Bundestag").
_GROUP_LAST_WORDS = COMPANY_LAST_WORDS | STANDALONE_ORGS


#: Words that begin parties' names before a country's ("United Russia", "Our Ukraine").
_PARTY_ADJECTIVES = frozenset(
    ("united", "just", "fair", "free", "new", "our", "strong", "great", "whole", "civic")
)


def _party_name(name: str) -> bool:
    """Whether a name of words ends with a political tendency's ("Liberal Democrats",
    "the Lib Dems", "Sweden Democrats") or is one of a few words before a country's
    ("United Russia", "Our Ukraine", "Just Russia"): a party's."""
    first, _, last = name.rpartition(" ")
    return last.lower() in PARTY_WORDS or (
        first.lower() in _PARTY_ADJECTIVES and _names_a_country(last)
    )


@cache
def _multiword_place_heads() -> frozenset[str]:
    """The first word of every place name of two words or more in the gazetteer."""
    return frozenset(name.partition(" ")[0] for name in place_names() if " " in name)


def _long_place_length(name: str) -> int:
    """The length of the place's name of two or three words that begins a name without a
    cue, then a name ("South Waziristan Maulvi Nazir"); 0 for any other name. (A place's
    name of one word may be a given name: "Victoria Nuland".)"""
    words = name.split(" ")
    if words[0] not in _multiword_place_heads():
        return 0
    for size in (3, 2):
        if len(words) > size and words[size - 1][:1].isupper():
            place, rest = " ".join(words[:size]), words[size:]
            if not is_place(place):
                continue
            if (
                len(rest[0]) > 3  # not "Aung San Suu Kyi": syllables of one name
                and not is_place(" ".join(rest))
                and all(word[:1].isupper() and not is_common_word(word) for word in rest)
            ):
                return len(place)
            return 0
    return 0


#: Words after an acronym that make no person's name ("UNSC Coordinator").
_NO_NAME_AFTER_ACRONYM = ORG_WORDS | STANDALONE_ORGS | TITLES | ROLES


def _acronym_then_name(name: str) -> bool:
    """Whether a name is an acronym (three letters or more, no title word, no ship's
    prefix), then a person's name of one or two words in mixed case ("MOI Atmar", "AKP
    Erdogan")."""
    first, _, rest = name.partition(" ")
    if len(first) < 3 or not first.isupper():
        return False
    words = rest.split(" ")
    return (
        first.isalpha()
        and first.lower() not in TITLES
        and first not in _SHIP_PREFIXES  # "USS Howard"
        and len(words) <= 2
        and all(word[:1].isupper() and word[1:].islower() for word in words)
        and not is_place(rest)
        and not any(map(is_place, words))
        and not any(map(is_common_word, words))
        and not any(word.lower() in _NO_NAME_AFTER_ACRONYM for word in words)
        # one word: a name the mixed-case cables write, no English word ("FDP Economics")
        and (len(words) > 1 or (usual_form(rest) is not None and not is_everyday_word(rest)))
        and not any(map(is_demonym, words))
    )


def _demonym_then_place(name: str) -> bool:
    """Whether a name is a people's or a faith's word, then a place ("historically Catholic
    France"): the place, described."""
    first, _, rest = name.partition(" ")
    return bool(rest) and is_place(rest) and is_demonym(first)


def _cut(mention: Mention, at: int) -> tuple[Mention, Mention]:
    """A mention cut in two at a space (``at``: the first part's length), each part
    without a kind."""
    spelling = mention.spelling
    parts = []
    for start, end in ((0, at), (at + 1, len(spelling))):
        part = Mention(
            mention.form[start:end],
            spelling[start:end],
            mention.paragraph,
            None,
            paragraphs=set(mention.paragraphs or {mention.paragraph}),
            count=mention.count,
            weak=mention.weak,
        )
        parts.append(part)
    return parts[0], parts[1]


def _plural_body(name: str) -> bool:
    """Whether a run of words without a cue names a body by a plural common noun after
    common words, acronyms or places ("U.S. Marshals", "Royal Engineers"), which no person's
    name is ("Carla Hills": a given name before the plural)."""
    if name[-1] != "s":
        return False  # the common case
    words = name.split(" ")
    last = words[-1]
    if len(last) < 5 or last.endswith("ics") or not last[0].isupper():
        return False
    if not is_common_word(last[:-1]) and last.lower() not in english_words():
        return False
    return all(
        is_common_word(word)
        or is_everyday_word(word)
        or word.isupper()
        or word.endswith(".")
        or is_place(word)
        for word in words[:-1]
    )


def names_a_people(name: str) -> bool:
    """Whether ``name`` is the name of a people made of a place's ("Sri Lankan")."""
    last = name[name.rfind(" ") + 1 :]
    place_words = _place_last_words()
    for suffix in _DEMONYM_SUFFIXES:
        if (
            last.endswith(suffix)
            and len(last) - len(suffix) > 2  # not "Le Pen" (a town is called "Le Pe")
            and last[: -len(suffix)] in place_words
            and is_place(name[: -len(suffix)])
        ):
            return True
    return False


@cache
def _place_last_words() -> frozenset[str]:
    """The last word of every place name of the gazetteer (a quick test before is_place)."""
    return frozenset(name.rpartition(" ")[2] for name in place_names())


_DOCTRINE_ENDINGS = ("ism", "isms", "ist", "ists")
# ("the North", "the Gulf": a region named by a common word.)
_NO_GROUP_WORDS = _COMPASS_WORDS | frozenset(
    ("islam", "christianity", "gulf", "shia", "shiite", "shi", "sunni", "sufi", "hajj", "umrah")
)
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_LOWER_SYLLABLE = re.compile(r"-[a-z]+$")
# A club of states named by a letter and its number of members: G-8, G-20, P-5, P5.
_CLUB = re.compile(r"[GP]-?\d{1,2}")
# What a ship's name begins with: no person's ("MV Faina", "USS Cole").
_SHIP_PREFIXES = frozenset(("MV", "M/V", "MS", "SS", "USS", "HMS", "RV", "MT"))
# Letters then digits: a fiscal year, a flight, a model ("FY09", "TK1236", "F16").
# A number in Roman numerals of I, V and X ("Title XI", "Annex XIV").
_ROMAN_NUMBER = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
_CODE_WITH_NUMBER = re.compile(r"[A-Za-z]\d")


def _group_in_list(mention: Mention, following: dict[int, Mention]) -> bool:
    """Whether the nearest name a cue settled in the list ``mention`` is part of is a
    group's ("the IDI and Mossad"); ``following`` maps each mention to the one after it in
    a list. Only a group's: lists mix places and bodies ("Israel and Hamas"), and people
    and their offices ("Claudio Lilienfeld, Treasury Deputy Assistant Secretary")."""
    before, after = mention.partner, following.get(id(mention))
    for _ in range(6):
        for neighbour in (before, after):
            if neighbour is None:
                continue
            kind = neighbour.kind
            if kind == ACRONYM:
                return neighbour.form not in place_names()
            if kind is not None:
                return kind == GROUP
            if _company_word(neighbour.form) or (
                not neighbour.weak and is_known_group(neighbour.spelling)
            ):
                return True  # "Navique, Vodacom", "Fatah and Hamas"
        before = before.partner if before is not None else None
        after = following.get(id(after)) if after is not None else None
        if before is None and after is None:
            break
    return False


# What follows a company's name after a comma ("Shandong Guoda Gold Company, Ltd.").
_COMPANY_ABBREVIATIONS = frozenset(
    ("ltd", "inc", "llc", "plc", "corp", "co", "gmbh", "sa", "ag", "jsc", "ojsc", "cjsc", "bv")
)
_CAMEL_PART = re.compile(r"[A-Z][a-z]+")
_CAMEL_CASE = re.compile(r"(?:[A-Z][a-z]{2,}){2,4}")
# Name prefixes written with a capital after them ("McCain", "DeLay", "MacArthur").
_CAMEL_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz")


def _company_word(word: str) -> bool:
    """Whether a word written in camel case is a company's or an agency's name
    ("ExxonMobil", "RosUkrEnergo", "KazMunaiGas"), not the cables' abbreviations ("PolOff",
    "FonMin", "PermReps", "PolCounselor": short pieces, or a title's) nor a surname
    ("McCain")."""
    if _CAMEL_CASE.fullmatch(word) is None or word.startswith(_CAMEL_NAME_PREFIXES):
        return False
    parts = _CAMEL_PART.findall(word)
    return (
        max(len(part) for part in parts) >= 5
        and word.lower() not in TITLES
        and word.lower() not in JARGON
        and all(part.lower() not in TITLES for part in parts)
    )


def _faith_or_direction(word: str) -> bool:
    """Whether a word is a faith's, its branch's or a compass word ("Shi'a", "West")."""
    return word.lower().replace("'", "").replace("’", "") in _NO_GROUP_WORDS


def names_no_group(word: str) -> bool:
    """Whether a capitalised word that recurs without a cue is no group's name: a doctrine or
    its followers ("Islamist"), a compass word ("Western"), a faith, a plural of capitals
    ("MPs", "NGOs") or of a people ("Tamils"), a people's name made of a place's ("Omani")."""
    lower = word.lower()
    return (
        lower.endswith(_DOCTRINE_ENDINGS)
        or _faith_or_direction(word)
        or _PLURAL_ACRONYM.fullmatch(word) is not None
        or is_capitalised_plural(word)
        or names_a_people(word)  # "Omani"
    )


def _keys(mentions: Iterable[Mention]) -> dict[str, str]:
    """The variant key of every name of ``mentions`` (spellings, cores, expansions), all
    computed at once (:func:`cables.names.variant_keys`)."""
    names: dict[str, None] = {}
    for mention in mentions:
        names[mention.spelling] = None
        if mention.core is not None:
            names[mention.core] = None
        if mention.expansion is not None:
            names[mention.expansion] = None
    return dict(zip(names, variant_keys(list(names)), strict=True))


def _link_acronyms(linker: _Linker, acronyms: list[Mention]) -> None:
    key_of = linker.keys.__getitem__  # the variant key of a name
    defined: dict[str, _Entity | None] = {}  # None: the acronym of no body
    for mention in acronyms:
        if mention.expansion:
            kind = PLACE if names_a_place_by_name(mention.expansion) else GROUP
            for candidate in (GROUP, PLACE, PERSON):
                found = linker.by_key.get((candidate, key_of(mention.expansion)))
                if found is not None:
                    break
            else:
                if names_no_body(mention.expansion):
                    defined[mention.form.upper()] = None  # "Mutual Assistance Agreement (CMAA)"
                    continue
                found = linker.entity(kind, key_of(mention.expansion))
            defined[mention.form.upper()] = found
    initials: dict[str, _Entity] = {}
    for group in linker.of_kind(GROUP):
        for spelling in group.spellings:
            if " " in spelling:
                for letters in spelled_initials(spelling):
                    initials.setdefault(letters, group)
    surnames = {p.key.split()[-1]: p for p in linker.of_kind(PERSON)}
    for mention in acronyms:
        upper = mention.form.upper()
        if upper in defined and defined[upper] is None:
            continue
        plain = mention.spelling.replace(".", "")  # "U.N." is "UN"
        key = key_of(mention.spelling) if plain == mention.spelling else variant_key(plain)
        target = (
            defined.get(upper)
            or surnames.get(key)
            or linker.by_key.get((GROUP, key))
            or linker.by_key.get((PLACE, key))
            or initials.get(upper.replace(".", ""))
        )
        if target is not None:
            target.add(mention)
        elif mention.form in place_names():
            linker.add(PLACE, mention)
        elif not _CODE_WITH_NUMBER.search(mention.form) and not _ROMAN_NUMBER.fullmatch(
            mention.form
        ):  # "FY09", "TK1236", "Chapter XI": no body
            linker.add(GROUP, mention, key)
    for kind in (GROUP, PLACE):  # a definition whose acronym went to a name named before
        linker.kinds[kind] = [entity for entity in linker.kinds[kind] if entity.forms]
    # "Abdullah bin Zayed (ABZ)", then "Foreign Minister ABZ": the title made a person of
    # it; "Federally Administered Tribal Areas (FATA)", then "FATA": the gazetteer a place
    for kind in (PERSON, PLACE):
        for entity in list(linker.of_kind(kind)):
            target = defined.get(entity.forms[0])
            if (
                len(entity.forms) == 1
                and target is not None
                and target.kind == kind
                and target is not entity
            ):
                linker.join(entity, target)
