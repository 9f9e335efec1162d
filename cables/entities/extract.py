"""The extractor: the people, places and groups of one cable, in one pass over its text.

For each paragraph (ALL-CAPS lines first given back their usual case, see
:mod:`cables.entities.casing`), one compiled pattern finds the runs of capitalised words
("Bahadyr Narymbetov", "Spiritual Association of Muslims of Kazakhstan", "HT"); one
Aho-Corasick pass finds the gazetteer's places (:mod:`cables.entities.gazetteer`). Each run is
classified by its cues (:mod:`cables.entities.cues`): an organisation word makes a group, a
title or a speech verb a person, the gazetteer a place, an acronym in parentheses defines
itself. The cable's structure adds the signer, the classified-by officer and the addressee
lines (:mod:`cables.entities.structure`); :func:`cables.entities.linking.link` joins the
mentions into entities.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import cache, lru_cache
from typing import NamedTuple

from cables.entities.casing import (
    begins_a_title,
    casing_dictionary,
    is_all_caps,
    is_common_word,
    is_country_like,
    is_demonym,
    is_everyday_word,
    is_unknown_word,
    restore_case,
)
from cables.entities.cues import (
    ADVERBS,
    ARABIC_ARTICLES,
    CALENDAR_WORDS,
    COMMON_GROUP_LAST_WORDS,
    COMPANY_LAST_WORDS,
    CONNECTORS,
    DEPARTMENT_WORDS,
    FEATURE_LAST_WORDS,
    GROUP_AFTER,
    GROUP_BEFORE_ROLES,
    GROUP_FIRST_WORDS,
    JARGON,
    NAME_PARTICLES,
    OFFICE_WORDS,
    ORG_AFTER,
    ORG_AFTER_PLURAL,
    ORG_BEFORE,
    ORG_NOUNS,
    ORG_SUFFIXES,
    ORG_WORDS,
    ORG_WORDS_FIRST,
    PERSON_AFTER,
    PLACE_AFTER,
    PREPOSITIONS,
    ROLES,
    SEPARATORS,
    SPEECH_VERBS,
    STANDALONE_ORGS,
    TITLES,
)
from cables.entities.gazetteer import (
    find_places,
    has_place,
    is_place,
    may_hold_place,
    place_names,
)
from cables.entities.known_groups import arabic_group_words
from cables.entities.linking import (
    ACRONYM,
    GROUP,
    PERSON,
    PLACE,
    Mention,
    link,
    names_a_people,
    names_a_place_by_name,
    names_no_group,
    spelled_initials,
)
from cables.entities.structure import (
    addressee_lines_joined,
    addressees,
    clean_name,
    is_header_line,
)
from cables.model import Cable, Entities

# A capitalised word: "Narymbetov", "Roed-Larsen", "U.S.", "O'Brien"; an Arabic article or a
# particle may be joined to it inside a name ("Nahr al-Barid", "Hizb ut-Tahrir"). A hyphen
# before a lower-case word of three letters or more ends the name ("Anatolia-wide",
# "ZANU-PF-led"), one before a short particle does not ("Lashkar-e-Taiba", "Jamaat-ud-Dawa"),
# nor one between syllables of a Korean given name ("Kim Il-sung", "Kim Young-choon": a
# capitalised syllable of five letters at most, then one of at most five that is no English
# word of compounds: not "Kabul-area", "Hamas-run").
_SYLLABLE_BEFORE = "(?:" + "|".join(rf"(?<=\b[A-Z][a-z]{{{n}}}-)" for n in range(1, 5)) + ")"
_SUFFIX_WORDS = (
    r"(?:led|run|wide|based|born|era|type|like|only|made|style|owned|held|free|sized|area|zone"
    r"|side|level|wing|rich|poor|heavy|ready|proof|bound|scale|class)"
)
# The capitalised word, its capital apart (CHUNK begins with the capital):
_WORD_REST = (
    r"\w*(?:['’](?:[A-Z]|[a-z]{2}|(?![sdmt]\b)[a-z]\b)\w*)?"
    r"(?:\.[A-Z]\w*)*(?:(?<=\.[A-Z])\.)?"
    rf"(?:-(?:(?![a-z]{{3,}}\b)|{_SYLLABLE_BEFORE}(?=[a-z]{{2,5}}\b)(?!{_SUFFIX_WORDS}\b))\w+)*"
)
_WORD = f"[A-Z]{_WORD_REST}"
_PREFIX = r"(?:(?:al|el|ut|ul|bin|ibn|ad|as|ash|ar|an|az)-)?"
_PARTICLE = (
    r"(?:of|for|the|and|de|del|da|di|du|la|le|al|el|bin|ibn|bint|von|van|der|den|zu|ut|ul|y"
    r"|do|dos|das)"  # Portuguese: "Rio Grande do Sul" (in lower case only: "DOS" is State)
)
# Between words: spaces, after an initial or a short title its period ("Robert A. Pollard").
_GAP = (
    r"(?:(?<=\b[A-Z])\.|(?<=\b(?:Mr|Dr|Ms|St|Lt|Ch))\.|"
    r"(?<=\b(?:Mrs|Gen|Col|Sen|Rep|Gov|Amb|Maj|Adm|Sgt))\.)?[ \t]+"
)
# A run of capitalised words, not inside a word. The capital comes first and the letter
# before it is checked after it (a 2-character look-behind): a pattern that begins with a
# set of characters lets the regular expression engine skip to the next capital, where a
# look-behind first made it try the whole pattern at every position of the text (the
# search took 30% longer on 2,000 synthetic cables; the same runs found).
CHUNK = re.compile(
    rf"[A-Z](?<![A-Za-z][A-Z]){_WORD_REST}(?:{_GAP}(?:{_PARTICLE}[ \t]+)*{_PREFIX}{_WORD})*"
)
TOKEN = re.compile(rf"{_PREFIX}{_WORD}|\b{_PARTICLE}\b")
# A plain word: capitalised ("Narymbetov") or in capitals ("NATO"), letters only.
_PLAIN_WORD = r"[A-Z](?:[a-z]+|[A-Z]+)"
# A run whose tokens are its words: plain words and particles, one space apart.
_SIMPLE_RUN = re.compile(rf"{_PLAIN_WORD}(?: (?:{_PLAIN_WORD}|{_PARTICLE}))*")
# "NATO", "U.S.", and the "Government of X" style "GoS", "MoC".
ACRONYM_WORD = re.compile(r"^(?:[A-Z][a-z]?[A-Z][A-Z0-9&]{0,6}|(?:[A-Z]\.){2,})$")
# "(DOE)" after a name, or after its possessive as pages garble it ("Energy,s (DOE)")
DEFINITION = re.compile(r"(?:[,'’]s)?\s*\(([A-Z][A-Za-z0-9&./-]{1,9})\)")
NEXT_WORDS = re.compile(r"(?:['’]s\b)?\s+([a-z]+)(?:\s+([a-z]+))?")
_PORTUGUESE_PARTICLES = frozenset(("do", "dos", "das"))
# Organisation words that, after a place's name, name a region of it ("Irrawaddy Division").
_REGION_WORDS = frozenset(("division",))
_APOSTROPHE_WORD = re.compile(r"[A-Z]\w*['’][a-z]\w*")
_OPENERS = tuple('.!?:;"“([-*')
_OPENERS_OR_MARKING = (*_OPENERS, ")")  # "(S//NF) This network"


def _opens_sentence(before: str, openers: tuple[str, ...] = _OPENERS) -> bool:
    """Whether a name whose text just before is ``before`` (a few characters) opens a
    sentence: nothing but spaces there, or a mark that ends or opens one."""
    stripped = before.rstrip()
    return not stripped or stripped.endswith(openers)


def _skipped_words() -> frozenset[str]:
    """Single words never a name by themselves: common words, calendar words, jargon."""
    words = {w for w in casing_dictionary().values() if w.islower()}
    words -= TITLES | ORG_WORDS | STANDALONE_ORGS
    return frozenset(words | CALENDAR_WORDS | JARGON | CONNECTORS)


_SKIP = _skipped_words()


def _clean(form: str) -> str:
    """A form with any control or format character removed (untrusted text)."""
    if form.isascii() and form.isprintable():
        return form
    return "".join(ch for ch in form if unicodedata.category(ch)[0] not in "CZ" or ch == " ")


class _Part(NamedTuple):
    """One classified part of a run of capitals, offsets relative to the run."""

    start: int
    end: int
    kind: str | None
    core_end: int | None = None  # "Anbar Province": where the place's own name ends
    short: bool = False  # one or two words: a place word after it may make it a place


_CAPS_WORD = re.compile(r"[A-Z]{3}")
_LOWER_START = re.compile(r"(?:^| )[a-z]")
#: Title words that describe an office and never stand right before a person's name, or
#: name a post by its city ("CG Sao Paulo"): a place's name after them is the place's.
_OFFICE_ONLY = (OFFICE_WORDS - {"general", "chief", "head"}) | {"cg", "congen", "amconsul"}
_LONGEST_RUN = 24  # words; no name is longer, and longer runs are cut into windows


class _Analyser:
    """The parts of one run of capitalised words, from the run alone (no context).

    The result depends only on the run's text and whether it starts a sentence, so it is
    remembered (:func:`_analyse_remembered`): names repeat within a cable and across the corpus.
    """

    def __init__(self, text: str, sentence_start: bool) -> None:
        self.text = text
        self.sentence_start = sentence_start
        self.parts: list[_Part] = []
        self.places = dict(find_places(text))
        if _CAPS_WORD.search(text):  # "CANADA" kept in capitals by the casing dictionary
            for start, end in find_places(text.title()):
                self.places.setdefault(start, end)
        if "'" in text or "’" in text:  # "Sana'a": the gazetteer's spans stop at "'"
            for word in _APOSTROPHE_WORD.finditer(text):
                if is_place(word.group()):
                    self.places[word.start()] = word.end()

    def tokens(self) -> list[tuple[int, int]]:
        """The run's words (particles included), multi-word places made one token."""
        text = self.text
        if _SIMPLE_RUN.fullmatch(text):  # its words are its tokens
            tokens = []
            start = 0
            for word in text.split(" "):
                end = start + len(word)
                tokens.append((start, end))
                start = end + 1
        else:
            tokens = [m.span() for m in TOKEN.finditer(text)]
        places = self.places
        if not places or len(tokens) < 2:
            return tokens
        merged: list[tuple[int, int]] = []
        i = 0
        while i < len(tokens):
            start, end = tokens[i]
            place_end = places.get(start)
            j = i
            if place_end is not None and place_end > end:
                while j + 1 < len(tokens) and tokens[j + 1][1] <= place_end:
                    j += 1
                if tokens[j][1] != place_end:
                    j = i
            merged.append((start, tokens[j][1]))
            i = j + 1
        return merged

    def chunk(self, tokens: list[tuple[int, int]], at_start: bool) -> None:
        """Drop a sentence's first common word; split off organisations; classify the rest
        (a loop, not recursion, by windows of at most ``_LONGEST_RUN`` words: untrusted
        text may hold thousands of "X and Y")."""
        for offset in range(0, len(tokens), _LONGEST_RUN):
            window = tokens[offset : offset + _LONGEST_RUN]
            at_start = at_start and offset == 0
            while window:
                window = self.chunk_once(window, at_start)
                at_start = False

    def chunk_once(self, tokens: list[tuple[int, int]], at_start: bool) -> list[tuple[int, int]]:
        """One organisation or name run of ``tokens``; the tokens left after it."""
        text = self.text
        words = [text[s:e] for s, e in tokens]
        lowers = [w.lower().rstrip(".") for w in words]
        first = 0
        # Before an organisation word, capitalised common words belong to its name ("The Wall
        # Street Journal"): only a sentence's first word is dropped for being one.
        hyphened = any("-" in w for w in lowers)
        names_org = (
            not ORG_WORDS.isdisjoint(lowers)
            # a company's word counts as one at the end of the run ("Pinya Manufacturing")
            or lowers[-1] in COMPANY_LAST_WORDS
            or (hyphened and any(map(_is_org_word, lowers)))
        )
        while first < len(words) and (
            (
                lowers[first] in CONNECTORS
                # "Le Monde", "La Prensa", "El Pais": a capitalised article begins the name
                # (not "Al", nor "El" before a word no Spanish: "Jaled El Masri", "Masri")
                and not (
                    first + 1 < len(words) and begins_a_title(f"{words[first]} {words[first + 1]}")
                )
            )
            or lowers[first] in JARGON
            or lowers[first] in CALENDAR_WORDS
            or (
                (
                    (first == 0 and at_start)
                    # after "The", a capital is the name's, as after "the" ("The Sons of
                    # Iraq", "the Sons of Iraq")
                    or (first > 0 and not names_org and lowers[first - 1] != "the")
                )
                and is_common_word(words[first])
                and lowers[first] not in TITLES
                and lowers[first] not in ORG_WORDS
                and lowers[first] not in CONNECTORS  # those above: "and Le Figaro"
            )
        ):
            first += 1
        if first:
            if at_start and lowers[first - 1] == "the":
                self.sentence_start = False  # what follows "The" is named as after "the"
            tokens, words, lowers = tokens[first:], words[first:], lowers[first:]
            if not tokens:
                return []
        if lowers[0] in CONNECTORS:
            # the loop above keeps a connecting word first only as a title's article: the
            # title's words are its own, common or not ("El Tiempo", "El Universal"), up to
            # a connecting word ("El Tiempo and El Universal")
            end = next((i for i in range(2, len(words)) if lowers[i] in CONNECTORS), len(words))
            self.parts.append(_Part(tokens[0][0], tokens[end - 1][1], None, short=end <= 2))
            return tokens[end:]
        if not (at_start and self.sentence_start) and self.common_words_name(words, lowers):
            self.parts.append(_Part(tokens[0][0], tokens[-1][1], GROUP))
            return []
        if len(tokens) > 1 and self.places.get(tokens[0][0]) == tokens[-1][1]:
            self.segment(tokens, words, lowers)
            return []
        is_org_word = _is_org_word if hyphened else ORG_WORDS.__contains__
        org_at = next(
            (i for i, w in enumerate(lowers) if is_org_word(w) and words[i][0].isupper()), None
        )
        if org_at is None and lowers[-1] in COMPANY_LAST_WORDS and words[-1][0].isupper():
            org_at = len(words) - 1
        if len(words) == 1 and _names_first_hyphened(lowers[0]):
            self.parts.append(_Part(tokens[0][0], tokens[0][1], GROUP))  # "Hizb-ut-Tahrir"
            return []
        if org_at is None or (len(words) == 1 and lowers[0] not in STANDALONE_ORGS):
            self.segments(tokens, words, lowers)
            return []
        begin = org_at
        while (
            begin > 0
            and lowers[begin - 1] not in CONNECTORS
            and (lowers[begin - 1] not in TITLES or lowers[begin - 1] in DEPARTMENT_WORDS)
            # "the Spanish Guardia Civil": an English demonym before a name in its own
            # language is no part of it
            and not (lowers[org_at] in ORG_WORDS_FIRST and _demonym(words[begin - 1]))
        ):
            begin -= 1
        if begin > 0:
            self.segments(tokens[:begin], words[:begin], lowers[:begin])
        post_end = None  # where the city of a post's name ends ("Embassy Riyadh")
        if lowers[org_at] in _POST_WORDS and org_at + 1 < len(words):
            post_end = self.places.get(tokens[org_at + 1][0])
        stop = next(
            (
                i
                for i in range(org_at + 1, len(words))
                if (lowers[i] == "and" and not _and_in_the_name(words, lowers, org_at, i))
                or (post_end is not None and tokens[i][0] > post_end)
                # "Office of Drug Control Policy John Walters": a person's name after it
                or _person_after_name(words, lowers, i)
                or (lowers[i] in TITLES and lowers[i] not in OFFICE_WORDS)
                # "Army Chief of Staff Krga": a title phrase ends the organisation's name
                # (not a department's word: "Union of Defense of Dufu")
                or (
                    lowers[i] in TITLES
                    and lowers[i] not in DEPARTMENT_WORDS
                    and i + 1 < len(words)
                    and lowers[i + 1] == "of"
                )
                # "Board of Directors Dmitriy Medvedev": a name after a plural title
                or (
                    lowers[i - 1][:-1] in TITLES
                    and lowers[i - 1].endswith("s")
                    and lowers[i] not in CONNECTORS
                )
                # "Commerce Ministry Mohammad Hakimi": a name right after the organisation word
                # (but "Embassy Riyadh" is the post's name)
                or (
                    lowers[i - 1] in ORG_WORDS
                    and lowers[i - 1] not in ORG_WORDS_FIRST
                    and lowers[i] not in CONNECTORS
                    and lowers[i] not in ORG_WORDS
                    and lowers[i] not in OFFICE_WORDS
                    and (lowers[i - 1] not in _POST_WORDS or tokens[i][0] not in self.places)
                )
            ),
            len(words),
        )
        end = stop
        # what stands before a title is the title's ("Ministry Deputy Minister", "Party
        # Foreign Minister"), but a department's word after "of" is the organisation's
        # ("Ministry of Foreign Affairs Deputy Minister")
        while end - 1 > org_at and (
            lowers[end - 1] in CONNECTORS
            or (
                stop < len(words)
                and lowers[end - 1] in OFFICE_WORDS
                and (lowers[end - 1] not in DEPARTMENT_WORDS or lowers[end - 2] in ORG_WORDS)
            )
        ):
            end -= 1
        if (
            lowers[org_at] in _REGION_WORDS
            and org_at > begin
            and self.places.get(tokens[begin][0]) == tokens[org_at - 1][1]
            and not is_country_like(self.text[tokens[begin][0] : tokens[org_at - 1][1]])
        ):
            # "Irrawaddy Division", "Malakand Division": a region of a country
            self.parts.append(_Part(tokens[begin][0], tokens[org_at][1], PLACE))
        elif (
            end - begin > 1
            or lowers[begin] in STANDALONE_ORGS
            or _names_first_hyphened(lowers[begin])  # "Hizb-ut-Tahrir and ..."
        ):
            self.parts.append(_Part(tokens[begin][0], tokens[end - 1][1], GROUP))
        if stop < len(words):
            rest = stop + 1 if lowers[stop] == "and" else stop
            return tokens[rest:]
        return []

    def common_words_name(self, words: list[str], lowers: list[str]) -> bool:
        """Two or more common words capitalised inside a sentence make a group's name when
        its last word names a body of people ("Metal Workers", "Special Operations") or its
        first its members ("Sons of Iraq"); other such names are topics and headings."""
        if not lowers or lowers[0] in CONNECTORS or not is_common_word(words[0]):
            return False  # the first word is always one of the common words asked for below
        content = [i for i, w in enumerate(lowers) if w not in CONNECTORS]
        if len(content) < 2 or content[0] != 0 or lowers[-1] in CONNECTORS:
            return False
        last = content[-1]
        if lowers[last - 1] == "of" and last > 1:
            content = content[:-1]  # "Sons of Iraq": any name after "of"
        return (
            len(content) >= 1
            and (
                lowers[last] in COMMON_GROUP_LAST_WORDS
                or lowers[last] in COMPANY_LAST_WORDS
                or (lowers[0] in GROUP_FIRST_WORDS and lowers[1] in _GROUP_FIRST_BEFORE)
                or not _NAMED_BODY.isdisjoint(lowers)
            )
            and all(
                is_common_word(words[i])
                and lowers[i] not in TITLES
                and lowers[i] not in CALENDAR_WORDS
                and lowers[i] not in JARGON
                for i in content
            )
            and (len(content) >= 2 or lowers[last - 1] == "of")
        )

    def segments(self, tokens: list[tuple[int, int]], words: list[str], lowers: list[str]) -> None:
        """Split at connecting words and common words; classify each part."""
        start = 0  # of the words between two separators
        # after a title, common words are its office: "Undersecretary of State for Arms
        # Control and International Security Ellen Tauscher" names no group
        titled = lowers[0] in TITLES
        for stop in [*(i for i, lower in enumerate(lowers) if lower in SEPARATORS), len(lowers)]:
            if (
                stop - start >= 2
                and not titled
                and (start > 0 or not self.sentence_start)
                and self.common_words_name(words[start:stop], lowers[start:stop])
            ):
                self.parts.append(_Part(tokens[start][0], tokens[stop - 1][1], GROUP))
                lowers[start:stop] = ["of"] * (stop - start)  # taken: the loop below skips them
            start = stop + 1
        part: list[int] = []
        cue_words = _CUE_WORDS
        for i, lower in enumerate(lowers):
            if lower not in cue_words and not words[i].endswith("."):
                part.append(i)  # a neutral word (below, the last branch)
            elif lower in NAME_PARTICLES and (part or words[i][0].isupper()):
                part.append(i)
            elif part and words[i] in _PORTUGUESE_PARTICLES:
                part.append(i)  # "Rio Grande do Sul"
            elif part and lower in FEATURE_LAST_WORDS:
                part.append(i)  # "Friendship Bridge", "Sheba'a Farms": a common word ends it
            elif _cuts(words[i], lower) and not (i and _named_after_title(words, lowers, i)):
                if part:
                    self.segment(
                        [tokens[j] for j in part],
                        [words[j] for j in part],
                        [lowers[j] for j in part],
                    )
                part = []
            else:
                part.append(i)
        if part:
            self.segment(
                [tokens[j] for j in part], [words[j] for j in part], [lowers[j] for j in part]
            )

    def segment(self, tokens: list[tuple[int, int]], words: list[str], lowers: list[str]) -> None:
        """Classify one run of name words by titles, the gazetteer and acronym shape."""
        while lowers and lowers[-1] in NAME_PARTICLES:
            tokens, words, lowers = tokens[:-1], words[:-1], lowers[:-1]
        if not tokens:
            return
        titles = [i for i, w in enumerate(lowers) if w in TITLES]
        if titles and titles[0] > 0:
            self.segment(tokens[: titles[0]], words[: titles[0]], lowers[: titles[0]])
        if titles:
            first = titles[-1] + 1
            # "DG ISI Pasha": an organisation's acronym between the title and the name
            while (
                first < len(words) - 1
                and ACRONYM_WORD.match(words[first])
                and words[first].isupper()
                and "." not in words[first]
                and not words[-1].isupper()
            ):
                self.parts.append(_Part(tokens[first][0], tokens[first][1], ACRONYM))
                first += 1
            if first < len(words):
                name_start = tokens[first][0]
                # A place's name after a title is a person's ("Director Hayden", "Judge
                # Moreno"), but not after a word that only describes an office ("Vice
                # Canada", "Foreign Ministers of Canada": see _OFFICE_ONLY)
                place = self.places.get(name_start) == tokens[-1][1]
                kind = (
                    PLACE
                    if place
                    # or is of two words: people are rarely named like "Sao Paulo"
                    and (
                        lowers[titles[-1]] in _OFFICE_ONLY
                        or " " in self.text[name_start : tokens[-1][1]]
                    )
                    else PERSON
                )
                self.parts.append(_Part(name_start, tokens[-1][1], kind))
            return
        start, end = tokens[0][0], tokens[-1][1]
        if lowers[0] in STANDALONE_ORGS:  # "the Treasury", "Treasury David Rundell"
            if len(words) == 1:
                self.parts.append(_Part(start, end, GROUP))
                return
            if (
                words[1][0].isupper()  # not "Majlis al-Shura"
                and not is_common_word(words[1])
                and lowers[1] not in _CUE_WORDS
            ):
                self.parts.append(_Part(start, tokens[0][1], GROUP))
                self.segment(tokens[1:], words[1:], lowers[1:])
                return
        place_end = self.places.get(start)
        if len(words) == 1 and "-" in words[0]:
            head = words[0].split("-", 1)[0]
            if words[0][len(head) + 1 : len(head) + 2].islower() and ACRONYM_WORD.match(head):
                self.parts.append(_Part(start, start + len(head), ACRONYM))  # "MTCR-controlled"
                return
            places = _hyphened_places(words[0])
            if places:  # "the Afghanistan-Iran-Somalia-Yemen pipeline", "UAE-Oman border"
                self.parts.extend(_Part(start + s, start + e, PLACE) for s, e in places)
                return
            if _faction_acronym(words[0]):
                self.parts.append(_Part(start, end, ACRONYM))  # "PML-N", "ZANU-PF", "MNF-I"
                return
        if len(words) == 1 and lowers[0].endswith(ORG_SUFFIXES) and lowers[0] not in ORG_SUFFIXES:
            self.parts.append(_Part(start, end, GROUP))  # "Citigroup", "Sberbank"
            return
        if (
            len(words) == 1
            and ACRONYM_WORD.match(words[0])
            and (place_end != end or (len(words[0]) <= 4 and words[0] not in place_names()))
        ):
            self.parts.append(_Part(start, end, ACRONYM))
        elif place_end is not None and place_end >= end:
            self.parts.append(_Part(start, end, PLACE))
        elif (
            place_end is not None
            and all(_place_token(self.places, s, e) for s, e in tokens)
            and any(is_country_like(word) for word in words)
            and not any(" " in word and _LOWER_START.search(word) for word in words)
        ):
            # places side by side: "U.S. Iran policy", "Baku Iran" (but "Gloria Polanco")
            self.parts.extend(_Part(s, self.places[s], PLACE) for s, _ in tokens)
        elif place_end is not None and len(words) > 1 and lowers[-1] in PLACE_AFTER:
            self.parts.append(_Part(start, end, PLACE, core_end=place_end))
        else:
            self.parts.append(_Part(start, end, None, short=len(words) <= 2))


def _hyphened_places(word: str) -> list[tuple[int, int]]:
    """The spans of a hyphen-joined word's parts when every part is a place's name (and one
    is written like a country's), else none."""
    spans = []
    start = 0
    for part in word.split("-"):
        if not is_place(part):
            return []
        spans.append((start, start + len(part)))
        start += len(part) + 1
    if len(spans) < 2 or not any(is_country_like(word[s:e]) for s, e in spans):
        return []
    return spans


def _place_token(places: dict[int, int], start: int, end: int) -> bool:
    """Whether the token at start..end is a place's name (its final period aside: "U.S.")."""
    place_end = places.get(start)
    return place_end is not None and end - 1 <= place_end <= end


# An acronym and, hyphened to it, a letter or two: a party's faction ("PML-N", "MDC-T"), a
# front ("ZANU-PF"), a command and its country ("MNF-I", "CSTC-A").
_FACTION_ACRONYM = re.compile(r"([A-Z]{3,6})-([A-Z]{1,2})")
# Bodies of two letters that a hyphen joins to another as partners ("NATO-EU", "UN-AU").
_BODIES_OF_TWO_LETTERS = frozenset(("EU", "UN", "AU"))


def _faction_acronym(word: str) -> bool:
    """Whether ``word`` is an acronym with a letter or two hyphened to it ("PML-N",
    "ZANU-PF"), not two places or bodies side by side ("US-UK", "NATO-EU"), nor an English
    word in capitals ("WALK-IN", "SCUD-D")."""
    match = _FACTION_ACRONYM.fullmatch(word)
    return (
        match is not None
        and match.group(2) not in _BODIES_OF_TWO_LETTERS
        and not is_everyday_word(match.group(1))
        and not is_place(match.group(1))
        and not is_place(match.group(2))
    )


# A small word in lower case that runs of capitals do not cross, inside a place's name, and
# the capitalised words after it ("Dar es Salaam", "Cote d'Ivoire"): the words and elided
# articles, and what a run's end must start with for the pattern to be tried.
_PLACE_SMALL_WORDS = ("es", "du", "des", "dos", "das", "e")
_ELIDED_ARTICLES = ("d'", "l'", "d’", "l’")
_LINK_STARTS = (*(f" {word} " for word in _PLACE_SMALL_WORDS), *(f" {e}" for e in _ELIDED_ARTICLES))
_LOWER_LINK = re.compile(
    rf" (?:(?:{'|'.join(_PLACE_SMALL_WORDS)}) |{'|'.join(_ELIDED_ARTICLES)})"
    r"([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)"
)


def _place_across(text: str, base: int, tail: re.Match[str]) -> int:
    """Where a place's name that a run ending at ``tail.start()`` and the words of ``tail``
    make together ends (0 if none): the run's last word or two, the small word, one or two
    words after it."""
    run_words = text[base : tail.start()].rsplit(" ", 2)
    after = tail.group(1)
    ends = [tail.start(1) + len(after)]
    if " " in after:
        ends.insert(0, tail.start(1) + after.index(" "))
    for count in (1, 2):
        if count > len(run_words):
            break
        start = tail.start() - len(" ".join(run_words[-count:]))
        for end in reversed(ends):
            if is_place(text[start:end].replace("’", "'")):
                return end
    return 0


def _names_first_hyphened(lower: str) -> bool:
    """Whether a word in lower case is a name of one hyphened word that an organisation
    word put first begins ("hizb-ut-tahrir", "jamaat-ud-dawa")."""
    head, hyphen, _ = lower.partition("-")
    return bool(hyphen) and head in ORG_WORDS_FIRST


def _is_org_word(lower: str) -> bool:
    """Whether a word in lower case is an organisation word, or one hyphened to a name
    ("Pakistan Muslim League-Nawaz")."""
    if lower in ORG_WORDS:
        return True
    head, hyphen, _ = lower.partition("-")
    return bool(hyphen) and len(head) > 3 and head in ORG_WORDS  # not "Co-Chairman"


@lru_cache(maxsize=16384)
def _cuts(word: str, lower: str) -> bool:
    """Whether a cue word (``word``, ``lower`` its lower case or "of" when taken) cuts a run
    of name words in two: a connecting word, a calendar word, jargon, or a common word or a
    people's name that is no title (remembered: cue words are few and recur). "US" in
    capitals is the country, not the pronoun."""
    return word != "US" and (
        lower in SEPARATORS
        or lower in NAME_PARTICLES
        or lower in CALENDAR_WORDS
        or lower in JARGON
        or (
            lower not in TITLES
            and lower not in STANDALONE_ORGS  # "the Diet" (Japan's)
            and (is_common_word(word) or _demonym(word))
        )
    )


def _person_after_name(words: list[str], lowers: list[str], at: int) -> bool:
    """Whether two name words (neither a common word nor a cue) begin at ``at``, after an
    organisation's name that ends with a common word: a person's name ("Office of Drug
    Control Policy John Walters"; not "National Research Council")."""
    # (Only what a neutral word's stand-in keeps is asked of the name's words: see
    # _analyse_remembered. A neutral word is no common word and no cue.)
    return (
        at + 1 < len(words)
        and lowers[at - 1] not in CONNECTORS
        and (is_common_word(words[at - 1]) or lowers[at - 1] in TITLES)  # "Cabinet Chief"
        and _name_word_at(words, lowers, at)
        and _name_word_at(words, lowers, at + 1)
        and ORG_WORDS.isdisjoint(lowers[at:])
    )


def _and_in_the_name(words: list[str], lowers: list[str], org_at: int, at: int) -> bool:
    """Whether "and" at ``at`` joins two common words inside the name of the organisation
    whose word is at ``org_at``, after its "of" ("Ministry of Maritime Affairs and
    Fisheries", "Ministry of Labor and Social Protection"), up to the end of the run."""
    rest = lowers[at + 1 :]
    return (
        "of" in lowers[org_at:at]
        and 0 < len(rest) <= 2
        and all(is_common_word(word) for word in words[at + 1 :])
        and not any(word in TITLES or word in ORG_WORDS or word in CONNECTORS for word in rest)
    )


def _common_words_spell(before: str, acronym: str) -> bool:
    """Whether the last words of ``before``, in lower case, spell ``acronym`` ("metric
    tons" MT, "search and rescue" SAR, "memorandum of understanding" MOU)."""
    words = before.split()
    letters = acronym.replace(".", "").upper()
    for count in range(1, min(len(words), len(letters) + 3) + 1):
        tail = words[-count:]
        if not all(word.islower() for word in tail):
            return False
        if "".join(w[0] for w in tail).upper() == letters:
            return True
        if "".join(w[0] for w in tail if w not in _SMALL_WORDS).upper() == letters:
            return True
    return False


_GROUP_FIRST_BEFORE = frozenset(("of", "for", "without", "against"))
# Words of a name that make it an organisation's wherever they stand in it ("Peace Jirga",
# "Planning and Budget Organization", "House of Commons").
_NAMED_BODY = ORG_WORDS | STANDALONE_ORGS | frozenset(("house", "commons", "lords"))
_SMALL_WORDS = frozenset(("and", "the", "of", "for", "in", "on", "to", "a"))


def _named_after_title(words: list[str], lowers: list[str], i: int) -> bool:
    """Whether a common word right after a title is a name's: after a title that addresses
    a person ("Secretary-General Ban", "Secretary-General Ban Ki-moon"), or a short one
    before a name's word after any title ("Senior General Than Shwe"); not an office's word
    ("Foreign Policy", "General Staff"), a role, a plural, a month or jargon."""
    lower = lowers[i]
    return (
        lowers[i - 1] in TITLES
        and (
            lowers[i - 1] not in OFFICE_WORDS
            # a short word that is no preposition ("Than", "Win", "Law"): not "Policy"
            or (
                len(lower) <= 4
                and lower not in PREPOSITIONS
                and _name_word_at(words, lowers, i + 1)
            )
        )
        and words[i][0].isupper()
        and lower not in CONNECTORS
        and lower not in CALENDAR_WORDS
        and lower not in JARGON
        and lower not in ROLES
        and lower not in TITLES
        and lower not in _TITLE_QUALIFIERS
        and not (len(lower) > 3 and lower[-1] == "s" and is_common_word(_singular(lower)))
    )


def _name_word_at(words: list[str], lowers: list[str], i: int) -> bool:
    """Whether the word at ``i`` is a name's: capitalised, no common word and no cue (what a
    neutral word's stand-in keeps, see _analyse_remembered)."""
    return (
        i < len(words)
        and words[i][:1].isupper()
        and lowers[i] not in _CUE_WORDS
        and not is_common_word(words[i])
    )


# Words after a title that are its own ("President Elect").
_TITLE_QUALIFIERS = frozenset(("elect", "designate", "emeritus", "ad", "interim"))


def _singular(plural: str) -> str:
    """A plural's singular, roughly ("activities" -> "activity", "delegates" -> "delegate")."""
    return plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]


def _qualifies_as_a_people(word: str) -> bool:
    """Whether a word before "government", "regime" or "administration" names a people, a
    faith or a doctrine rather than a leader ("the Ukrainian government", "the Uruguayan
    government", "an Islamist regime", "the Shia militias", "the Socialist administration";
    not "the Obama administration"): a demonym, a place's name and a people's ending, or a
    place's name in -e with -ian ("Ukrainian")."""
    return (
        is_demonym(word)
        or names_a_people(word)
        or names_no_group(word)
        or (word.endswith("ian") and is_place(word[:-3] + "e"))
    )


def _demonym(word: str) -> bool:
    """A people or faith word that is not itself a place ("Kazakhs", not "France")."""
    return is_demonym(word) and not is_place(word)


def _cue_words() -> frozenset[str]:
    """Lower-case words that may change how a run is cut or classified: the cue and furniture
    words, the common words and the peoples' names (a run holding none of them, and no
    place, is one name without a kind: see :func:`_analyse`)."""
    known = casing_dictionary()
    words = {w for w in known if is_common_word(w) or is_demonym(w)}
    return frozenset(
        words
        | CONNECTORS
        | NAME_PARTICLES
        | JARGON
        | CALENDAR_WORDS
        | TITLES
        | OFFICE_WORDS
        | ORG_WORDS
        | STANDALONE_ORGS
    )


_CUE_WORDS = _cue_words()
# A run of plain capitalised words (or words in capitals), one space apart: the shape most
# names have, and lines in capitals once their case is restored.
# Runs of more words than this are analysed as they are: their shapes hardly ever recur.
_LONGEST_SHAPE = 11
_PLAIN_RUN = re.compile(rf"{_PLAIN_WORD}(?: {_PLAIN_WORD})*")


# A capitalised word that is neither a cue nor a common word nor a people's name (see
# :func:`_neutral_word`): the analyser treats every such word alike.
_NAME_WORD = re.compile(r"[A-Z][a-z]+")
_CAPS_NAME = re.compile(r"[A-Z][A-Z]+")
# Stand-ins for neutral words: no place and no known word begins with "qx".
_STAND_IN_NAME, _STAND_IN_CAPS = "Qx", "QX"


@cache
def _stand_ins_safe() -> bool:
    """Whether no place name and no dictionary word has a word beginning with "qx" (so a
    stand-in neither makes a place nor is a cue)."""
    stand_in = re.compile(r"(?i)\bqx")
    return not any(stand_in.search(name) for name in place_names()) and not any(
        word.startswith("qx") for word in casing_dictionary()
    )


def _stand_in(word: str) -> str | None:
    """The stand-in for ``word`` when it is neutral: a plain capitalised word ("Qx"), or a
    word in capitals of acronym shape that is no place ("QX"), that is no cue, no common word,
    no people's name and no company name; None for any other word."""
    lower = word.lower()
    if lower in _CUE_WORDS or lower.endswith(ORG_SUFFIXES):
        return None
    if _NAME_WORD.fullmatch(word):
        return _STAND_IN_NAME
    if _CAPS_NAME.fullmatch(word) and ACRONYM_WORD.match(word) and word not in place_names():
        return _STAND_IN_CAPS
    return None


def _moved(
    parts: tuple[_Part, ...], words: list[str], shape: list[str]
) -> tuple[_Part, ...] | None:
    """``parts`` found in the words ``shape`` (joined by spaces), moved to the same words
    with the stand-ins replaced by ``words``; None if a part does not begin and end at word
    boundaries of a stand-in."""
    shape_starts: list[int] = []
    starts: list[int] = []
    shape_at = at = 0
    for word, shaped in zip(words, shape, strict=True):
        shape_starts.append(shape_at)
        starts.append(at)
        shape_at += len(shaped) + 1
        at += len(word) + 1

    def move(offset: int) -> int | None:
        i = bisect_right(shape_starts, offset) - 1
        delta = offset - shape_starts[i]
        if shape[i] is words[i] or delta == 0:
            return starts[i] + delta
        return starts[i] + len(words[i]) if delta == len(shape[i]) else None

    moved: list[_Part] = []
    for part in parts:
        start, end = move(part.start), move(part.end)
        core_end = None if part.core_end is None else move(part.core_end)
        if start is None or end is None or (part.core_end is not None and core_end is None):
            return None
        moved.append(_Part(start, end, part.kind, core_end, part.short))
    return tuple(moved)


def _has_place(run: str, plain: bool = False) -> bool:
    """Whether the gazetteer finds a place in ``run`` (as written, or in title case when it
    holds capitals), as the analyser would look for one; ``plain``: ASCII letters and spaces
    only."""
    return has_place(run, plain) or (
        _CAPS_WORD.search(run) is not None and has_place(run.title(), plain)
    )


# The last word of a run when it is an acronym in the plural after a capitalised word:
# "Karzai MPs", "Zapatero MODs", "USAID FSNs" name people by their post, and the name before
# is no part of it ("Association of NGOs", after a particle, is a group's whole name).
_PLURAL_ACRONYM_END = re.compile(r"[ \t]+[A-Z]{2,6}s$")


def _without_plural_acronym(run: str) -> str:
    """``run`` without a last word that is an acronym in the plural after a capitalised
    word (see :data:`_PLURAL_ACRONYM_END`)."""
    if not (run.endswith("s") and run[-2:-1].isupper()):
        return run  # the common case, told from the last two letters
    end = _PLURAL_ACRONYM_END.search(run)
    if end is None:
        return run
    head = run[: end.start()]
    return head if head.rsplit(None, 1)[-1][:1].isupper() else run


def _analyse(run: str, sentence_start: bool) -> tuple[_Part, ...]:
    """The parts of a run of capitalised words (see :class:`_Analyser`).

    The commonest shape, a few plain capitalised words none of which is a cue, a common
    word, a people's name or a place ("Bahadyr Narymbetov"), is one part without a kind:
    that is what the analyser finds for it, known here without building its word lists (and
    sooner than a cache would find it). Other runs are remembered
    (:func:`_analyse_remembered`).
    """
    if _PLAIN_RUN.fullmatch(run):
        lowered = run.lower().split(" ")
        count = len(lowered)
        if (
            _CUE_WORDS.isdisjoint(lowered)
            # one word: an acronym or a company name ("Sberbank") is told by its shape;
            # a last window of one word likewise
            and (
                count % _LONGEST_RUN != 1
                or (count == 1 and run[1].islower() and not run.endswith(ORG_SUFFIXES))
            )
            and (not may_hold_place(lowered) or not _has_place(run, plain=True))
        ):
            return _windows(run, count)
    return _analyse_remembered(run, sentence_start)


@lru_cache(maxsize=65536)
def _analyse_remembered(run: str, sentence_start: bool) -> tuple[_Part, ...]:
    """The parts of a run of capitalised words, remembered: names repeat within a cable and
    across the corpus.

    Runs without a place are analysed in their shape: each neutral word (a plain
    capitalised word that is no cue, no common word, no people's name) stands in as "Qxx..."
    of its length, so "Ministry of Justice of Kijedopov" and "... of Rabotadov" are analysed
    once, and the parts' offsets hold for both.
    """
    words = run.split(" ")
    if len(words) > _LONGEST_SHAPE:
        return _analysed(run, sentence_start)  # a unique shape: not worth remembering
    stand_ins = [_stand_in(word) for word in words]
    if "El " in run:  # the word after "El" tells a title from a surname ("El Pais", "El Masri")
        for i in range(len(words) - 1):
            if words[i] == "El":
                stand_ins[i + 1] = None
    if any(stand_ins) and _stand_ins_safe() and not _has_place(run):
        shape = [
            word if stand_in is None else stand_in
            for word, stand_in in zip(words, stand_ins, strict=True)
        ]
        moved = _moved(_analyse_shape(" ".join(shape), sentence_start), words, shape)
        if moved is not None:
            return moved
    return _analyse_shape(run, sentence_start)


def _windows(run: str, count: int) -> tuple[_Part, ...]:
    """The parts of a run of ``count`` neutral words: one kindless part a window of at most
    ``_LONGEST_RUN`` words (see :meth:`_Analyser.chunk`)."""
    if count <= _LONGEST_RUN:
        return _one_window(len(run), count <= 2)
    parts = []
    start = 0
    words = run.split(" ")
    for offset in range(0, count, _LONGEST_RUN):
        window = words[offset : offset + _LONGEST_RUN]
        end = start + sum(map(len, window)) + len(window) - 1
        parts.append(_Part(start, end, None, short=len(window) <= 2))
        start = end + 1
    return tuple(parts)


@lru_cache(maxsize=1024)
def _one_window(length: int, short: bool) -> tuple[_Part, ...]:
    """The one kindless part of a run of neutral words ``length`` characters long (shared:
    parts are immutable)."""
    return (_Part(0, length, None, short=short),)


@lru_cache(maxsize=4096)
def _analyse_shape(run: str, sentence_start: bool) -> tuple[_Part, ...]:
    """The parts the analyser finds in ``run`` (remembered: a shape recurs)."""
    return _analysed(run, sentence_start)


def _analysed(run: str, sentence_start: bool) -> tuple[_Part, ...]:
    """The parts the analyser finds in ``run``; a regnal number at its end stays with the
    name before it ("Mohammed VI", "King Abdullah II")."""
    analyser = _Analyser(run, sentence_start)
    analyser.chunk(analyser.tokens(), sentence_start)
    parts = analyser.parts
    if parts and run[-1] in "IVX" and (numeral := _REGNAL_NUMBER.search(run)) is not None:
        last = parts[-1]
        if last.end == numeral.start() - 1 and last.kind in (None, PERSON):
            parts[-1] = _Part(last.start, len(run), last.kind, last.core_end, last.short)
    return tuple(parts)


#: A regnal number ending a run of capitals (II to XXIII, not "I" alone nor "X").
_REGNAL_NUMBER = re.compile(r"(?<= )(?=[IVX]{2})X{0,2}(?:IX|IV|V?I{0,3})$")


def _defined_whole(
    parts: tuple[_Part, ...], run: str, definition: re.Match[str] | None
) -> tuple[_Part, ...]:
    """The parts of a run, its last two groups made one when an acronym in parentheses follows
    the run and only "and" parts them: "Directorate of Intelligence and Prevention Services
    (DISIP)" is one group."""
    if definition is None:
        return parts
    first, last = parts[-2], parts[-1]
    if (
        first.kind == GROUP
        and last.kind == GROUP
        and last.end == len(run)
        and run[first.end : last.start].strip().lower() == "and"
    ):
        return (*parts[:-2], last._replace(start=first.start))
    return parts


class _Scanner:
    """The mentions of one paragraph's text: each run analysed, then read in its context."""

    def __init__(
        self,
        text: str,
        original: str,
        paragraph: int,
        out: list[Mention],
        cable_in_capitals: bool = False,
    ) -> None:
        self.text = text
        self.original = original
        self.paragraph = paragraph
        self.out = out
        self.first = len(out)  # this paragraph's mentions are out[first:]
        self.starts: list[int] = []  # where each of them starts in the text
        self.last_end = -1  # where the last of them ends
        #: The last of them, when a comma alone joined it to the one before: a list if
        #: another name follows ("Navique, Vodacom, and SASOL"), else only a comma between
        #: two names ("As for Rafsanjani, MbZ said").
        self.comma_joined: Mention | None = None
        self.parenthesis = "(" in text  # no acronym can be defined in a text without one
        #: The whole cable is in capitals and in English: a run of unknown words there is a
        #: name (in a mixed-case cable's subject line, names are found in its text).
        self.cable_in_capitals = cable_in_capitals

    def mention(
        self,
        start: int,
        end: int,
        kind: str | None,
        core: str | None = None,
        expansion: str | None = None,
        weak: bool = False,
    ) -> None:
        text = self.text
        if (
            start > 2
            and text[start - 1] == "-"
            and text[start - 3 : start - 1] in ARABIC_ARTICLES
            and (start == 3 or not text[start - 4].isalpha())
        ):
            start -= 3  # "al-Qaida" whole (a run begins with a capital)
        if kind != GROUP and (
            (start >= 3 and text.startswith(_ARTICLES_APART, start - 3))
            or text.find("-", start, end) >= 0
        ):
            article = _ARTICLE_AND_WORD.search(text, max(0, start - 3), end)
            while article is not None:
                if article.group(1).lower().replace("’", "'") in arabic_group_words():
                    # "Al Qaeda", "al Qaeda", "Al Jazeera", "Asharq al-Awsat": a run begins
                    # with a capital and drops an article first, "Al" is also a given name
                    start, kind = min(start, article.start()), GROUP
                    break
                article = _ARTICLE_AND_WORD.search(text, article.end(), end)
        club = None  # "P5+1" for "P5-plus-1", "P5 plus one", "P5+1": one spelling
        if end - start <= _LONGEST_PLUS_HEAD and text.startswith(_PLUS_STARTS, end):
            plus = _PLUS_PARTNERS.match(text, end)
            if plus is not None and _PLUS_HEAD.fullmatch(text, start, end):
                # "the P5-plus-1", "P5+1", "EU3+3": one group of states
                partners = plus.group(1).lower()
                club = f"{text[start:end]}+{_NUMBER_WORDS.get(partners, partners)}"
                end = plus.end()
                kind = GROUP
        if kind in (None, PERSON) and _KOREAN_GIVEN_NAME.fullmatch(text, start, end):
            surname = _SHORT_WORD_BEFORE.search(text, max(0, start - 7), start)
            if surname is not None and surname.group(1).lower() not in _NO_KOREAN_SURNAME:
                # "Ban Ki-moon", "Moon Chung-in", "Park Geun-hye": a surname the analyser
                # took for an English word before a Korean given name
                start, kind = surname.start(1), PERSON
        form = self.original[start:end]
        if form.endswith(_DANGLING):
            return  # a piece of a longer name ("the State of the Union address")
        if (
            "-" in form
            and kind != GROUP
            and is_demonym(form[form.rfind("-") + 1 :])
            and form[form.rfind("-") - 2 : form.rfind("-")].lower() not in ARABIC_ARTICLES
        ):
            return  # an adjective: "U.S.-Afghan relations" (not "Shatt al-Arab")
        if kind == ACRONYM and self.text[start - 1 : start].isdigit():
            return  # "6PT": six-party talks
        if not (form.isascii() and form.isprintable()):
            form = _clean(form)
        if club is not None:
            spelling = club
        elif self.text is self.original:
            spelling = form
        else:
            spelling = self.text[start:end]
            if not (spelling.isascii() and spelling.isprintable()):
                spelling = _clean(spelling)
        if len(form) > 1:
            # every field by position (a keyword call costs twice as much)
            mention = Mention(form, spelling, self.paragraph, kind, core, expansion, None, 1, weak)
            joint = self.joint(start)
            if self.comma_joined is not None and joint is None:
                self.end_of_list()
            if joint is not None and len(self.out) > self.first:
                mention.partner = self.out[-1]  # "the IDI and Mossad"
                if joint in _COMMAS:
                    self.comma_joined = mention
            self.out.append(mention)
            self.starts.append(start)
            self.last_end = end

    def scan(self) -> None:
        """Find every run of capitals and turn its parts into mentions."""
        text = self.text
        skip = _SKIP
        joined_end = 0
        for match in CHUNK.finditer(text):
            run, base = _without_plural_acronym(match.group()), match.start()
            if base < joined_end:  # the end of a place's name joined to the run before
                rest = CHUNK.search(text, joined_end, match.end())
                if rest is None:
                    continue
                run, base = _without_plural_acronym(rest.group()), rest.start()
            if text.startswith(_LINK_STARTS, base + len(run)):
                tail = _LOWER_LINK.match(text, base + len(run))
                if tail is not None and (place_end := _place_across(text, base, tail)):
                    run, joined_end = text[base:place_end], place_end  # "Dar es Salaam"
            while True:  # once, or again for what follows a name after a slash title
                if run.lower() in skip and run != "US":  # "US" in capitals: the country
                    self.common_word(run, base)
                    break
                before = text[max(0, base - 4) : base]
                if before.endswith("/") and (name_end := self.after_slash_title(run, base)):
                    rest = CHUNK.search(text, name_end, base + len(run))
                    if rest is None:
                        break
                    run, base = rest.group(), rest.start()
                    continue
                sentence_start = _opens_sentence(before) or "\n" in before
                run_len = len(run)
                parts = _analyse(run, sentence_start)
                if not parts:
                    self.common_word(run, base)
                if self.parenthesis and len(parts) > 1:
                    parts = _defined_whole(parts, run, DEFINITION.match(text, base + run_len))
                for part in parts:
                    start, end = base + part.start, base + part.end
                    if part.end == run_len:
                        self.in_context(part, start, end)
                    elif part.kind is not None:
                        core = None if part.core_end is None else text[start : base + part.core_end]
                        self.mention(start, end, part.kind, core=core)
                    elif self.title_before(start):
                        self.mention(start, end, PERSON)
                    else:
                        self.mention(start, end, None, weak=self.in_capitals(start, end))
                break
        self.end_of_list()

    def common_word(self, run: str, base: int) -> None:
        """A capitalised common word inside a sentence before an organisation noun names
        a group ("the Conservative party", "neither the Labour nor Conservative parties")."""
        end = base + len(run)
        if base < 2 or " " in run or not self.text.startswith(" ", end):
            return
        if _opens_sentence(self.text[max(0, base - 4) : base], _OPENERS_OR_MARKING):
            return  # a sentence's first word ("(C) Formal coalition")
        after = NEXT_WORDS.match(self.text, end)
        if after is None or not self.names_a_group(after.group(1), base):
            return
        if is_demonym(run) or run.lower() in CALENDAR_WORDS or self.original[base:end].isupper():
            return  # a people's name ("Russian newspaper"), a month, capitals
        self.mention(base, end, GROUP)
        self.plural_noun_after(after.group(1))

    def leads(self, start: int, end: int) -> bool:
        """Whether the name at ``start:end``, before a leader's or founder's role, is a
        group's: no people's, faith's or common word, nor the end of a compound ("Likud
        leader", not "pan-Arabist leader"); not in capitals, whose case is guessed
        ("SUPREME LEADER KHAMENEI")."""
        name = self.text[start:end]
        return (
            self.text[start - 1 : start] != "-"
            and not (self.text is not self.original and self.original[start:end].isupper())
            and not is_common_word(name)
            and not is_demonym(name)
            and not names_no_group(name)
        )

    def names_a_group(self, next_word: str | None, start: int) -> bool:
        """Whether the organisation noun after a name makes it a group's: a singular one
        ("Nur Otan party"), a plural one after a list ("the Labour and Conservative
        parties")."""
        return next_word in ORG_AFTER or (
            next_word in ORG_AFTER_PLURAL and self.joint(start) is not None
        )

    def plural_noun_after(self, noun: str) -> None:
        """After a group named by a plural organisation noun after it, the name listed just
        before is a group's too ("the Labour and Conservative parties")."""
        if noun[-1] == "s" and self.out:
            partner = self.out[-1].partner
            if partner is not None and partner.kind is None:
                partner.kind = GROUP

    def after_slash_title(self, run: str, base: int) -> int:
        """A name after a title written with a slash ("S/E Mitchell", "U/S Burns"): the run
        starts with the letter after the slash; record the person and return where the
        name ends (0 if it was no such title)."""
        if base < 2 or not _SLASH_TITLE.match(self.text, base - 2):
            return 0
        name = _NAME_WORDS.match(run, run.find(" ") + 1)
        if name is None or is_common_word(name.group(1)):
            return 0
        words = name.group().split(" ")
        while len(words) > 1 and (words[-1].lower() in CALENDAR_WORDS or len(words[-1]) == 1):
            words.pop()  # "A/S Welch March 12", "A/S Craig Kelly D Staff"
        end = name.start() + len(" ".join(words))
        self.mention(base + name.start(), base + end, PERSON)
        return base + end

    def joint(self, start: int) -> str | None:
        """What joins the last mention to a name at ``start`` when it is a list's joint
        (", ", " and "...), else None."""
        if start - self.last_end > 10:  # the longest joint is ", and the "
            return None
        gap = self.text[self.last_end : start]
        return gap if gap in _COORDINATION else None

    def end_of_list(self) -> None:
        """No name follows the one a comma joined to the one before: unless that one was in
        a list already, the two are no list."""
        joined = self.comma_joined
        if joined is not None and joined.partner is not None and joined.partner.partner is None:
            joined.partner = None
        self.comma_joined = None

    def in_context(self, part: _Part, start: int, end: int) -> None:
        """Classify a part that ends its run by what follows it (and what precedes it)."""
        text = self.text
        kind = part.kind
        if kind != PLACE and text.startswith(",", end) and self.sentence_adverb(start, end):
            return  # "(NOTE: Interestingly, the Turkish Ambassador"
        if kind == ACRONYM:
            if not part.start and self.generic(start, end):
                return  # "open a second PRT"
            if self.parenthesis and (self.expanded(start, end) or self.spelled(start, end)):
                return
        if kind != ACRONYM and self.parenthesis:
            definition = DEFINITION.match(text, end)
            if definition is not None and self.definition(start, end, kind, definition):
                return
        if kind == PLACE and (self.org_noun_before(start) or _NEWS_AGENCY.match(text, end)):
            # "held by the group Hamas" (a town somewhere is called Hamas), "the Xinhua news
            # agency said" (a town is called Xinhua; "the Tehran daily Kayhan" is a place's)
            kind = GROUP
        if kind == PLACE or kind is None:
            after = NEXT_WORDS.match(text, end)
            next_word = after.group(1) if after else None
            if next_word in PLACE_AFTER and (kind == PLACE or part.short):
                self.mention(start, after.end(1), PLACE, core=text[start:end])  # type: ignore[union-attr]
                return
            if kind is None:
                owns = text[end : end + 1] in _APOSTROPHES  # "Kudrin's group": his
                if (
                    (
                        not owns
                        and (self.names_a_group(next_word, start) or next_word in GROUP_AFTER)
                        and not is_demonym(text[start:end])  # "Kosovar officials"
                    )
                    or self.org_noun_before(start)
                    or (owns and self.owns_a_person(end))
                    or (not owns and next_word in GROUP_BEFORE_ROLES and self.leads(start, end))
                ):
                    kind = GROUP
                elif (
                    next_word in PERSON_AFTER and not _qualifies_as_a_people(text[start:end])
                ) or self.title_before(start):
                    kind = PERSON
                else:
                    if text.startswith(",", end):
                        kind = self.apposition(end)
                    if kind is None and (next_word in SPEECH_VERBS or next_word in ADVERBS):
                        kind = self.speaks(start, after)
                        if kind == PERSON and (
                            self.text[max(0, start - 4) : start] in _THE
                            or (
                                (text.startswith("El ", start) or next_word in _PRESS_VERBS)
                                and begins_a_title(text[start:end])
                            )
                        ):
                            # "the French noted": no person takes an article; nor does "El
                            # Pais said" or "Le Figaro wrote" name one ("Le Pen said" does)
                            kind = None
                if kind == PERSON and self.no_person(start, end):
                    kind = None
                if kind is None and not part.start and self.located(start, end):
                    kind = PLACE
        elif (
            kind == PERSON
            and part.start
            and text[max(0, start - part.start - 4) : start - part.start] in _THE
            and is_place(text[start:end])
        ):
            kind = PLACE  # a title after "the" is a common noun: "told the Ambassador Sweden"
        elif (
            kind == PERSON
            and part.start
            and " " not in text[start:end]
            and is_common_word(text[start:end])
            and not self.original[start:end].isupper()
            and self.in_a_heading(start)
        ):
            kind = None  # a heading's words: "Minister Fired", "Karzai's Advisor Bubble"
        if kind is None and not part.start and _quoted(text, start, end):
            return  # a title in quotation marks: "The book "Unhappy China""
        core = None if part.core_end is None else text[start : start - part.start + part.core_end]
        written = self.original[start:end]
        in_capitals = kind is None and written.isupper()
        if in_capitals and self.cable_in_capitals and _unknown_words(written):
            self.mention(start, end, kind, core=core)
            if self.out and self.out[-1].form == written:  # in a name's case: "Iraj", not "IRAJ"
                self.out[-1].spelling = _LETTER_RUN.sub(_capitalised_word, written)
            return
        if kind is None and not in_capitals and self.place_then_name(start, end):
            return
        self.mention(start, end, kind, core=core, weak=in_capitals)

    def place_then_name(self, start: int, end: int) -> bool:
        """After an office's title ending with "of" or "to", a place then a person's given
        name and surname, told apart ("Mayor of Caracas Antonio Ledezma", "Ambassador to
        the Kyrgyz Republic Paul Brummell"): record both and say so."""
        text = self.text
        if not text.endswith(_OF_TO, 0, start) or not _OFFICE_OF.search(
            text, max(0, start - 30), start
        ):
            return False
        words = text[start:end].split(" ")
        for size in range(min(3, len(words) - 2), 0, -1):
            place, rest = " ".join(words[:size]), words[size:]
            if (
                is_place(place)
                and rest[0][1:].islower()
                and not any(map(is_place, rest))
                and not any(map(is_common_word, rest))
                and _CUE_WORDS.isdisjoint(word.lower() for word in rest)
            ):
                self.mention(start, start + len(place), PLACE)
                self.mention(start + len(place) + 1, end, None)
                return True
        return False

    def sentence_adverb(self, start: int, end: int) -> bool:
        """Whether a word that opens a sentence, a comma after it, is an English adverb
        ("Interestingly,", "Reportedly,")."""
        word = self.text[start:end]
        return (
            word.endswith("ly")
            and " " not in word
            and _opens_sentence(self.text[max(0, start - 4) : start])
            and is_everyday_word(word)
        )

    def located(self, start: int, end: int) -> bool:
        """Whether a name of two words or more follows a preposition of place, as places do
        and people do not ("operations in Malakand Division", "off Mina Az-Zour"; not "in
        Narymbetov's view"), in a text not in capitals."""
        text = self.text
        if not text.endswith(_PLACE_PREPOSITIONS, max(0, start - 12), start):
            return False
        if begins_a_title(text[start:end]):
            return False  # "in Le Figaro", "in Der Spiegel", "in El Pais": newspapers
        return (
            " " in text[start:end]
            and not text.startswith(_POSSESSIVES, end)
            and not _quoted(text, start, end)
            and not self.in_capitals(start, end)
        )

    def generic(self, start: int, end: int) -> bool:
        """Whether an acronym is a common noun here: after an article or a number, with no
        noun after it ("open a second PRT", "one POMLT.", "a PRT in Jawzjan"; but "a UN
        agency" names the UN)."""
        text = self.text
        before = text[max(0, start - 12) : start].split()
        if not before or (
            before[-1].lower() not in _GENERIC_BEFORE and not _NUMBER.fullmatch(before[-1])
        ):
            return False  # not "a PRT", "one POMLT", "20,000 MT of soy"
        if text.startswith(("-", "/"), end) or text[start:end] in place_names():
            return False  # "a DOD-funded", "a U.S. official"
        after = NEXT_WORDS.match(text, end)
        if after is not None:
            return after.group(1) in _NOT_A_NOUN
        return text[end : end + 1] in ("", ".", ";", ":", ")")  # not "a PMDB, PSB or..."

    def owns_a_person(self, end: int) -> bool:
        """Whether a person's full name follows the name's possessive, as a body's member
        ("Ekho Moskvy's Aleksey Venediktov", "Norilsk Nickel's Vladimir Potanin")."""
        match = _OWNS_A_PERSON.match(self.text, end)
        return (
            match is not None
            and _given_name(match.group(1))
            and not any(  # "Tuyakbay's National Social Democratic Party", "Jamiat Party"
                is_everyday_word(word) or word.lower() in ORG_WORDS for word in match.groups()
            )
        )

    def org_noun_before(self, start: int) -> bool:
        """Whether an organisation noun stands just before ("the newspaper Kommersant")."""
        text = self.text
        return text[start - 2 : start - 1].islower() and text.endswith(
            _ORG_NOUN_BEFORE, max(0, start - 16), start - 1
        )

    def no_person(self, start: int, end: int) -> bool:
        """Whether one word that a verb or a noun after it would make a person's name is
        none: an organisation word, a people's or a common noun's plural ("Embassy noted",
        "University administration", "French officials", "Delegates met")."""
        word = self.text[start:end]
        if " " in word:
            return False
        lower = word.lower()
        return (
            lower in ORG_WORDS
            or lower in STANDALONE_ORGS
            or is_demonym(word)
            or (lower[-1] == "s" and is_common_word(_singular(lower)))  # "Delegates met"
            or (lower[-1] == "s" and word[:-1].isupper() and lower[:-1] in TITLES)  # "MPs"
        )

    def in_capitals(self, start: int, end: int) -> bool:
        """Whether the words at start..end are written in capitals, where capitals are no
        evidence of a name (such a mention only joins an entity named elsewhere)."""
        return self.original[start:end].isupper()

    def in_a_heading(self, start: int) -> bool:
        """Whether the line holding ``start`` has no word in lower case: a section's heading
        ("Minister Fired"), not prose ("asked to demarche SYG Ban or Ambassador Kim")."""
        text = self.text
        line_end = text.find("\n", start)
        line = text[text.rfind("\n", 0, start) + 1 : line_end if line_end != -1 else len(text)]
        return _LOWER_WORD.search(line) is None

    def title_before(self, start: int) -> bool:
        """A title in lower case just before ("told imam Abdullah"); not in a text in
        capitals, where every word was capitalised ("LEGAL ADVISOR CONCEDES")."""
        if start < 3 or not self.text[start - 2].islower() or self.original[start - 2].isupper():
            return False
        words = self.text[max(0, start - 24) : start].split()
        if not words:
            return False
        word = words[-1].rstrip(".")
        return word.islower() and word in TITLES

    def speaks(self, start: int, after: re.Match[str] | None) -> str | None:
        """PERSON when a speech verb follows the name ("Narymbetov said"), unless the name
        is the object of a preposition ("the spokesman on Opel said")."""
        if not after or not after.group(1):
            return None
        verb = after.group(1)
        if verb in ADVERBS and after.group(2):
            verb = after.group(2)
        if verb not in SPEECH_VERBS:
            return None
        before = self.text[max(0, start - 12) : start].split()
        return None if before and before[-1] in PREPOSITIONS else PERSON

    def apposition(self, end: int) -> str | None:
        """The kind an apposition gives, by the head of its noun phrase: "X, director of"
        a person, "X, a pension institution" a group, "X, the ringleader of a group" none."""
        text = self.text
        if not text.startswith(",", end):
            return None
        raws = text[end + 1 : end + 60].split()[:6]
        words = [raw.strip(".,;:()\"'").lower() for raw in raws]
        if not words:
            return None
        if (
            words[0] in _COORDINATING
            or words[0] == "who"
            or (raws[0][:1].isupper() and words[0] not in _ARTICLES)
        ):
            # a relative clause: a role in it makes a person ("Dadis, who is still the leader
            # of Guinea"; not "the Chitral Scouts, who just completed training")
            # or a list, no apposition: "X, and Mladic son Darko Mladic", "NSA Jones, Leon,
            # and the Ambassador": a role among the next names makes X a person as they are
            return PERSON if not ROLES.isdisjoint(words[:5]) else None
        # the noun phrase up to a preposition, a relative word or a comma: "X, the Economic
        # Ministry State Secretary" a person, "X, a consumers group linked to" a group, "X,
        # the ringleader of a group" neither ("of" goes on only inside a capitalised name:
        # "a Council of Representatives member")
        phrase: list[str] = []
        for i, (raw, word) in enumerate(zip(raws, words, strict=True)):
            if (
                word in _RELATIVE_WORDS
                or word in _VERBS
                or (
                    word in PREPOSITIONS
                    and not (
                        word == "of"
                        and i
                        and raws[i - 1][:1].isupper()
                        and i + 1 < len(raws)
                        and raws[i + 1][:1].isupper()
                    )
                )
            ):
                break
            if word.endswith(_POSSESSIVE_ENDS):
                phrase = []  # "the Ministry of Defense's ... Assistant Head": its possessor
                continue
            phrase.append(word)
            if raw.endswith((",", ";")):
                break
        for word in reversed(phrase):  # its last role or organisation noun is its head
            if word in ROLES:
                return PERSON
            if word in ORG_NOUNS:
                return GROUP
        return None

    def expanded(self, start: int, end: int) -> bool:
        """An acronym then its name in parentheses ("the AOSIS (Alliance of Small Island
        States)"), whose initials it spells: record the acronym as defined by that name
        (the scan finds the name itself); True if it was so."""
        match = _EXPANSION_AFTER.match(self.text, end)
        if match is None:
            return False
        name = match.group(1)
        if self.text[start:end].replace(".", "").upper() not in spelled_initials(name):
            return False
        self.mention(start, end, ACRONYM, expansion=name)
        return True

    def spelled_before(self, start: int, end: int, acronym_start: int, acronym_end: int) -> bool:
        """Record the acronym at ``acronym_start`` as defined by the name that ends at
        ``end`` and takes in words before ``start`` (capitalised words and the small words
        between them: "Ministry of Industry and Trade (MIT)"), if such a name spells it,
        in place of the pieces of that name found before; True if one did."""
        text = self.text
        letters = text[acronym_start:acronym_end].replace(".", "").upper()
        words = _WORDS_BEFORE.match(text[max(0, start - 120) : start][::-1])
        if words is None:
            return False
        at = start
        for word in words.group().split(" ")[1:]:
            at -= len(word) + 1
            if not word.islower() and letters in spelled_initials(text[at:end]):
                break
        else:
            return False
        name = text[at:end]
        first, _, rest = name.lower().partition(" ")
        if (first[-1:] == "s" and (first[:-1] in ROLES or first[:-1] in TITLES)) or (
            (first in ROLES or first in TITLES)
            and "-" not in first  # "Director-General for Territorial Surveillance (DGST)"
            and rest.startswith(_OF_WORDS)
        ):
            return False  # "Members of Parliament (MPs)", "Chief of Mission (COM)": people
        while len(self.out) > self.first and self.starts[-1] >= at:
            self.out.pop()  # its pieces ("Organization for Security", "Europe (OSCE)")
            self.starts.pop()
        self.mention(at, end, PLACE if names_a_place_by_name(name) else GROUP)
        self.mention(acronym_start, acronym_end, ACRONYM, expansion=name)
        return True

    def spelled(self, start: int, end: int) -> bool:
        """An acronym in parentheses that no name just before defined (a common word ends
        that name: "Ministry of Industry and Trade (MIT)"): see :meth:`spelled_before`."""
        text = self.text
        if text[start - 1 : start] != "(" or not text.startswith(")", end):
            return False
        if len(self.out) > self.first and self.starts[-1] == start:
            return False  # :meth:`definition` recorded it with its name
        name_end = len(text[: start - 1].rstrip())
        if text.endswith(_POSSESSIVE_ENDS, 0, name_end):
            name_end -= 2  # "the World Food Program's (WFP) forecast": the name has no "'s"
        last_word = text.rfind(" ", 0, name_end) + 1
        if not text[last_word : last_word + 1].isupper():
            # "6,000 metric tons (MT)", "search and rescue (SAR)": a common noun's letters
            # (True: no mention); "the Movement for Democratic Change party (MDC)": no name
            return _common_words_spell(text[max(0, start - 80) : name_end], text[start:end])
        return last_word > 0 and self.spelled_before(last_word, name_end, start, end)

    def definition(self, start: int, end: int, kind: str | None, match: re.Match[str]) -> bool:
        """An acronym in parentheses after a name (``match``: :data:`DEFINITION` there):
        record both; True if one was there."""
        word = match.group(1)
        if not ACRONYM_WORD.match(word) and not (
            # an acronym written as a word: "Congress of South African Trade Unions (Cosatu)"
            len(word) >= 4
            and word.isalpha()
            and word.upper() in spelled_initials(self.text[start:end])
        ):
            return False
        letters = word.replace(".", "").upper()
        if (
            kind != PERSON
            and letters not in spelled_initials(self.text[start:end])
            and self.spelled_before(start, end, match.start(1), match.end(1))
        ):
            # "Organization for Security and Cooperation in Europe (OSCE)": the name the
            # acronym spells began before the last run
            return True
        initials = {w[0].upper() for w in re.split(r"[\s-]+", self.text[start:end]) if w}
        if (kind is None or kind == PERSON) and match.group(1)[0] not in initials:
            return False  # "Juergen Ruettgers (CDU)": a party after a name, not its acronym
        # a name of words without a cue is left to the linker, which makes it a group unless
        # the cable calls it a person's elsewhere ("Kim Jong-il's (KJI)")
        name_kind = kind or (None if " " in self.text[start:end] else GROUP)
        self.mention(start, end, name_kind)
        self.mention(match.start(1), match.end(1), ACRONYM, expansion=self.text[start:end])
        return True


# A group of states named by an acronym and the partners it adds: "P5-plus-1", "P5+1",
# "P5 plus one", "EU3+3", "ASEAN+3".
_PLUS_STARTS = ("-plus-", "-Plus-", "+", " plus ", " Plus ")
_PLUS_PARTNERS = re.compile(
    r"(?:-[Pp]lus-|\+| [Pp]lus )(\d{1,2}|one|two|three|One|Two|Three)(?![\w+])"
)
_PLUS_HEAD = re.compile(r"[A-Z][A-Z0-9-]{0,5}")
_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3"}
_LONGEST_PLUS_HEAD = 6
# An Arabic article, hyphened or apart, and the word after it ("al-Jazeera", "Al Qaeda").
# (The article's letter first lets the engine skip to it.)
_ARTICLE_AND_WORD = re.compile(r"[AaEe](?<![\w'’-][AaEe])(?:l|L)[- ]([A-Za-z][\w'’]*)")
# An article apart just before a name, which the run of capitals left out ("Al Qaeda").
_ARTICLES_APART = tuple(
    f"{spelling} "
    for article in sorted(ARABIC_ARTICLES)
    for spelling in (article, article.capitalize(), article.upper())
)
# What a newspaper does that a person seldom does, after its name.
_PRESS_VERBS = frozenset(("reported", "wrote", "published", "carried", "quoted", "headlined"))
_COORDINATING = frozenset(("and", "or", "nor", "but"))
_RELATIVE_WORDS = frozenset(("that", "which", "who", "whom", "whose", "where", "when"))
_ARTICLES = frozenset(("the", "a", "an"))
# Verbs that end a noun phrase ("Unlike Putin, the President-elect has no network").
_VERBS = frozenset(
    (
        *("is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could"),
        *("may", "might", "should", "must", "does", "did", "said", "says", "told"),
    )
)
_OF_WORDS = ("of ", "for ", "in ")
# What joins the names of a list ("the IDI and Mossad", "Navique, Vodacom, and SASOL").
_COORDINATION = frozenset(
    (", ", " and ", ", and ", " and the ", ", the ", " or ", ", or ", " nor ", " nor the ")
)
_APOSTROPHES = frozenset("'’")
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z]{2,}")
# The subject line of a cable's header, and the lines that end its wrapping.
_SUBJECT_LINE = re.compile(r"\s*SUBJ(?:ECT)?\b")
_AFTER_SUBJECT = re.compile(r"\s*(?:REF|REFS|REFTEL|Ref|Classified|CLASSIFIED|[A-Z]\.\s|\d)")
# A Korean given name (two syllables hyphened, the second in lower case) and the short
# capitalised word just before it, its surname unless a title or a small word.
_KOREAN_GIVEN_NAME = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{2,5}")
_SHORT_WORD_BEFORE = re.compile(r"(?<![\w.'’-])([A-Z][a-z]{1,4}) $")
_NO_KOREAN_SURNAME = TITLES | CONNECTORS | _ARTICLES | frozenset(("he", "she", "in", "on", "as"))
# A news agency's or service's noun after its name, no name after it ("Xinhua News Agency").
_NEWS_AGENCY = re.compile(r"(?:['’]s)?\s+[Nn]ews\s+(?:[Aa]gency|[Ss]ervice)\b(?!\s+[A-Z])")
# An organisation noun as the word before a name ends ("the newspaper Kommersant").
_ORG_NOUN_BEFORE = tuple(f"{space}{noun}" for noun in ORG_BEFORE for space in " \n")
# A possessive, then a given name and a surname.
_OWNS_A_PERSON = re.compile(r"['’]s ([A-Z][a-z]+) ([A-Z][a-z]+)")
# A title of two letters with a slash, then a name: "S/E Mitchell", "U/S Burns", "A/S Hill".
_SLASH_TITLE = re.compile(r"(?<![A-Za-z/])(?:U/S|S/E|A/S|D/S|S/P) [A-Z][a-z]")
# Capitalised words one space apart (the first word is the regular expression's group 1).
_NAME_WORDS = re.compile(r"([A-Z][\w'’.-]*)(?: [A-Z][\w'’.-]*)*")
_COMMAS = frozenset((", ", ", the "))
# The end of a piece of a name, never of a whole one.
_DANGLING = tuple(f" {word}" for word in SEPARATORS)
# Organisation words that a city's name follows to name a post ("Embassy Riyadh", "ConGen
# Istanbul").
_POST_WORDS = frozenset(("embassy", "consulate", "congen", "mission"))
# Up to ten words before a name, read backwards ("Ministry of Industry and " reversed):
# capitalised words and the small words of organisations' names.
_WORDS_BEFORE = re.compile(
    r"(?: (?:[\w'’.-]*[A-Z][\w'’.-]*|fo|dna|eht|no|ni|ta|rof|&|ed|sed|ud|al|el)(?![\w'’.-]))+"
)
# A name in parentheses after an acronym: capitalised words, with small words between.
_EXPANSION_AFTER = re.compile(r"\s*\(([A-Z][\w.'’-]*(?:[ ][\w.'’&-]+){1,9})\)")
_THE = ("the ", "The ")
# Prepositions before a place, rarely before a person ("in", not "with" or "to").
#: An office's title that a place completes, just before the place ("Mayor of ",
#: "Ambassador to the ").
_OFFICE_OF = re.compile(r"[A-Z][a-z]+ (?:of|to|to the) $")
#: How a text must end for :data:`_OFFICE_OF` to match at its end (a cheaper test first).
_OF_TO = (" of ", " to ", " the ")
_PLACE_PREPOSITIONS = tuple(
    f"{space}{word} "
    for word in ("in", "at", "near", "off", "outside", "inside", "across", "throughout", "around")
    for space in " \n"
)
_POSSESSIVES = ("'", "’", ",s")  # "Narymbetov's", "Jones' view", "Narymbetov,s"
_POSSESSIVE_ENDS = ("'s", "’s", ",s")  # a possessive at a name's end
# Words before an acronym used as a common noun ("a PRT", "one POMLT", "each NGO").
_NUMBER = re.compile(r"\d[\d,.]*")
_GENERIC_BEFORE = frozenset(
    ("a", "an", "one", "two", "three", "four", "another", "each", "every", "any", "second")
)
# Words after it that are no noun it qualifies (prepositions, conjunctions, verbs).
_NOT_A_NOUN = PREPOSITIONS | frozenset(
    ("and", "or", "that", "which", "who", "is", "was", "will", "would", "has", "had", "as")
)
_OPENING_QUOTES = frozenset('"“')
_CLOSING_QUOTES = frozenset('"”')


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is all a quotation holds ("Unhappy China," or "...")."""
    if start == 0 or text[start - 1] not in _OPENING_QUOTES:
        return False
    after = text[end : end + 2]
    return after[:1] in _CLOSING_QUOTES or (after[:1] in ",." and after[1:] in _CLOSING_QUOTES)


_PROSE_WORDS = re.compile(r"\b[a-z]{4}.*?\b[a-z]{4}")
_TITLE_WORD = re.compile(r"\b[A-Z][a-z]+\b")


def _is_heading(line: str) -> bool:
    """A line in title case ("While Despair Permeates Opel Executives"): three or more
    capitalised words of four letters or more, two of them common words, and at most one
    such word in lower case ("Reacts with Anger")."""
    if _PROSE_WORDS.search(line):
        return False
    long = [w for w in _TITLE_WORD.findall(line) if len(w) >= 4]
    return len(long) >= 3 and sum(1 for w in long if is_common_word(w)) >= 2


def _lower_common(match: re.Match[str]) -> str:
    word = match.group()
    return word.lower() if is_common_word(word) else word


def _restore_line(line: str, unknown_are_names: bool) -> str:
    if is_all_caps(line):
        return restore_case(line, unknown_are_names)
    if _is_heading(line):
        return _TITLE_WORD.sub(_lower_common, line)
    return line


def _restored(text: str, unknown_are_names: bool = True) -> str:
    """``text`` with its ALL-CAPS and title-case lines given back their usual case (same
    length); ``unknown_are_names``: see :func:`cables.entities.casing.restore_case`."""
    if "\n" not in text:
        return _restore_line(text, unknown_are_names)
    restored = "\n".join(_restore_line(line, unknown_are_names) for line in text.split("\n"))
    return text if restored == text else restored


# Some posts' pages (Harare's, among others) show every apostrophe and quotation mark as a
# "Q": "MugabeQs efforts", "doesnQt", "his QGreen BombersQ". A cable with a few of those
# is read with them given back (same length), so that "MugabeQs" is Mugabe.
# (Starting with the letter lets the regular expression engine skip to each "Q": 40 times
# faster over a cable without them than a look-behind first.)
_Q_APOSTROPHE = re.compile(r"Q(?<=[a-z]Q)(?=(?:s|t|ll|re|ve|m|d)\b)")
_Q_QUOTE = re.compile(r"(?<![A-Za-z])Q(?=[A-Z][a-z])|(?<=[a-z])Q(?![A-Za-z])")
_Q_GARBLED_AT_LEAST = 3


def _q_garbled(cable: Cable) -> bool:
    found = 0
    for para in cable.paragraphs:
        found += len(_Q_APOSTROPHE.findall(para.text))
        if found >= _Q_GARBLED_AT_LEAST:
            return True
    return False


_LETTER_RUN = re.compile(r"[A-Za-z]+")
# A text in capitals has few lower-case letters (an archive's stamp line, at most)...
_MOST_LOWER_IN_CAPITALS = 0.1
# ...and a text in English has most of its words in the dictionaries: a run of unknown
# words says "a name" only there (real cables in capitals: 0.75 to 0.99 of their first
# words are known; the synthetic corpus's made-up words: 0.04 to 0.36, median 0.17)...
_LEAST_KNOWN_WORDS = 0.6
# ...while a text with few known words is in no English: there an unknown word is a word.
# Between the two (an English text opening on a list of names, perhaps), unknown words are
# read as in a mixed-case cable's line in capitals.
_MOST_KNOWN_WORDS_IN_NO_ENGLISH = 0.4
_ENOUGH_TEXT = 2000  # characters: the first ones tell the case...
_LANGUAGE_SAMPLE = 600  # ...and the first of those, the language
_LOWER_LETTERS = bytes(range(ord("a"), ord("z") + 1))
_UPPER_LETTERS = bytes(range(ord("A"), ord("Z") + 1))


#: How a cable's text is written (:func:`_writing`): in mixed case; in capitals and in
#: English, where a run of words no dictionary knows is a name's (see
#: :func:`_unknown_words`); in capitals and in no English (a foreign text, or made-up
#: words), where such a word is most likely a word of its language; in capitals, the
#: language unsure.
_MIXED_CASE, _ENGLISH_CAPITALS = "mixed case", "English capitals"
_OTHER_CAPITALS, _UNSURE_CAPITALS = "capitals in no English", "capitals, language unsure"


def _writing(cable: Cable) -> str:
    """How the cable's text (its numbered paragraphs) is written: one of ``_MIXED_CASE``,
    ``_ENGLISH_CAPITALS``, ``_OTHER_CAPITALS``, ``_UNSURE_CAPITALS``."""
    parts: list[str] = []
    size = 0
    for paragraph in cable.paragraphs:  # the first paragraphs' text tells
        if paragraph.number > 0 and size < _ENOUGH_TEXT:
            parts.append(paragraph.text)
            size += len(paragraph.text)
    text = "\n".join(parts)[:_ENOUGH_TEXT]
    letters = text.encode("ascii", "ignore")  # counted by bytes.translate: microseconds
    lower = len(letters) - len(letters.translate(None, _LOWER_LETTERS))
    upper = len(letters) - len(letters.translate(None, _UPPER_LETTERS))
    if not upper or lower > _MOST_LOWER_IN_CAPITALS * (lower + upper):
        return _MIXED_CASE
    words = _LETTER_RUN.findall(text, 0, _LANGUAGE_SAMPLE)
    known = sum(1 for word in words if not is_unknown_word(word))
    if known >= _LEAST_KNOWN_WORDS * len(words):
        return _ENGLISH_CAPITALS
    if known < _MOST_KNOWN_WORDS_IN_NO_ENGLISH * len(words):
        return _OTHER_CAPITALS
    return _UNSURE_CAPITALS


def _q_restored(text: str) -> str:
    return _Q_QUOTE.sub('"', _Q_APOSTROPHE.sub("'", text))


_NAME_WORD_IN_CAPITALS = re.compile(r"[A-Z]+(?:[-'][A-Z]+)*")


def _capitalised_word(match: re.Match[str]) -> str:
    return match.group().capitalize()


def _unknown_words(run: str) -> bool:
    """Whether a run in capitals is two to four words of a person's name: words that
    neither the cables nor English know, or before the last such given names the cables
    write capitalised ("MORTEZA SIAPOUSHI", "RAHMATOLLAH IRAJ JAMSHIDI", "ABBAS ALI SAMAKAR").
    Evidence enough in a text in capitals, where a run holding a common word ("SEMANTIC
    NICETY", "LEGAL ADVISOR CONCEDES") or only known names ("UNITED STATES") is not."""
    words = run.split()
    return (
        2 <= len(words) <= 4
        and all(_NAME_WORD_IN_CAPITALS.fullmatch(word) for word in words)
        and is_unknown_word(words[-1])
        and all(is_unknown_word(word) or _given_name(word) for word in words[:-1])
    )


def _given_name(word: str) -> bool:
    """Whether the cables write ``word`` capitalised and it is no cue, people or place
    ("Hassan", "Ali")."""
    usual = casing_dictionary().get(word.lower())
    return (
        usual is not None
        and usual[:1].isupper()
        and not usual.isupper()
        and word.lower() not in _CUE_WORDS
        and not is_place(word)
    )


def _name_case(name: str) -> str:
    """A person's name given in capitals by the cable's structure, in its usual case, each
    word capitalised even when it is also a common word ("PROSPER" is "Prosper")."""
    return " ".join(w if w[:1].isupper() else w.capitalize() for w in restore_case(name).split(" "))


# A line of TAGS codes alone, as a TAGS line wraps.
_CODES_LINE = re.compile(r"^\s*[A-Z]{2,5}(?:[ ,]+[A-Z]{2,5})*[ ,]*$")
# What the published cables put for a name they withhold ("a businessman XXXXXXXXXXXX").
_REDACTED = re.compile(r"X{3,}")


def _lowered(match: re.Match[str]) -> str:
    return match.group().lower()


def extract_entities(cable: Cable) -> Entities:
    """The people, places and groups of ``cable``, with their forms and paragraphs."""
    mentions: list[Mention] = []
    last = cable.paragraphs[-1].number if cable.paragraphs else 0
    if name := clean_name(cable.classified_by):
        mentions.append(Mention(name, name, 0, PERSON))
    garbled = _q_garbled(cable)
    writing = _writing(cable)
    in_capitals = writing == _ENGLISH_CAPITALS
    unknown_are_names = writing != _OTHER_CAPITALS
    for para in cable.paragraphs:
        text = _q_restored(para.text) if garbled else para.text
        if para.number == 0:
            kept = []
            in_tags = in_subject = False
            for line in addressee_lines_joined(text.split("\n")):
                # a TAGS line wraps onto lines of codes alone ("TAGS: ... LE SA", "QA, AE")
                in_tags = (
                    in_tags and _CODES_LINE.match(line) is not None and " FOR " not in line
                ) or line.lstrip().startswith("TAGS")
                if in_tags or is_header_line(line):
                    kept.append(" " * len(line))
                    in_subject = False
                    continue
                # a subject wraps onto lines of its own words ("DETAINEES FOR RESETTLEMENT"),
                # no addressee lines, until a reference, a header line or an empty line
                in_subject = (
                    in_subject and line.strip() != "" and _AFTER_SUBJECT.match(line) is None
                ) or _SUBJECT_LINE.match(line) is not None
                if in_subject:
                    kept.append(line)
                    continue
                named = addressees(line)
                if named.offices or named.people or named.places:
                    for office in named.offices:
                        kind = GROUP if "/" in office else ACRONYM
                        mentions.append(Mention(office, office, 0, kind))
                    for place in named.places:
                        mentions.append(Mention(place, restore_case(place), 0, PLACE))
                    for person in named.people:
                        mentions.append(Mention(person, _name_case(person), 0, PERSON))
                    kept.append(" " * len(line))
                    continue
                kept.append(line)
            text = "\n".join(kept)
        if "XXX" in text:  # a redacted name is no part of a name around it
            text = _REDACTED.sub(_lowered, text)
        restored = _restored(text, unknown_are_names)
        _Scanner(restored, text, para.number, mentions, in_capitals).scan()
    if name := clean_name(cable.signer):
        mentions.append(Mention(name, _name_case(name) if name.isupper() else name, last, PERSON))
    return link(mentions)
