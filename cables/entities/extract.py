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
from functools import lru_cache
from typing import NamedTuple

from cables.entities.casing import (
    casing_dictionary,
    is_all_caps,
    is_common_word,
    is_demonym,
    restore_case,
)
from cables.entities.cues import (
    ADVERBS,
    APPOSITION,
    CALENDAR_WORDS,
    CONNECTORS,
    JARGON,
    OFFICE_WORDS,
    ORG_AFTER,
    ORG_WORDS,
    PERSON_AFTER,
    PLACE_AFTER,
    ROLES,
    SPEECH_VERBS,
    STANDALONE_ORGS,
    TITLES,
)
from cables.entities.gazetteer import find_places, is_place, place_names
from cables.entities.linking import ACRONYM, GROUP, PERSON, PLACE, Mention, link
from cables.entities.structure import addressees, clean_name, is_header_line
from cables.model import Cable, Entities

# A capitalised word: "Narymbetov", "Roed-Larsen", "U.S.", "O'Brien"; an Arabic article or a
# particle may be joined to it inside a name ("Nahr al-Barid", "Hizb ut-Tahrir").
_WORD = r"[A-Z]\w*(?:['’](?:[A-Z]|[a-z]{2})\w*)?(?:\.[A-Z]\w*)*(?:(?<=\.[A-Z])\.)?(?:-\w+)*"
_PREFIX = r"(?:(?:al|el|ut|ul|bin|ibn|ad|as|ash|ar|an|az)-)?"
_PARTICLE = (
    r"(?:of|for|the|and|de|del|da|di|du|la|le|al|el|bin|ibn|bint|von|van|der|den|zu|ut|ul|y)"
)
# Between words: spaces, after an initial or a short title its period ("Robert A. Pollard").
_GAP = (
    r"(?:(?<=\b[A-Z])\.|(?<=\b(?:Mr|Dr|Ms|St|Lt))\.|"
    r"(?<=\b(?:Mrs|Gen|Col|Sen|Rep|Gov|Amb|Maj|Adm|Sgt))\.)?[ \t]+"
)
CHUNK = re.compile(rf"{_WORD}(?:{_GAP}(?:{_PARTICLE}[ \t]+)*{_PREFIX}{_WORD})*")
TOKEN = re.compile(rf"{_PREFIX}{_WORD}|\b{_PARTICLE}\b")
ACRONYM_WORD = re.compile(r"^(?:[A-Z][A-Z0-9&]{1,7}|(?:[A-Z]\.){2,})$")
DEFINITION = re.compile(r"\s*\(([A-Z][A-Za-z0-9&./-]{1,9})\)")
NEXT_WORDS = re.compile(r"(?:['’]s\b)?\s+([a-z]+)(?:\s+([a-z]+))?")
_OPENERS = tuple('.!?:;"“([-*')


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


class _Analyser:
    """The parts of one run of capitalised words, from the run alone (no context).

    The result depends only on the run's text and whether it starts a sentence, so it is
    remembered (:func:`_analyse`): names repeat within a cable and across the corpus.
    """

    def __init__(self, text: str, sentence_start: bool) -> None:
        self.text = text
        self.sentence_start = sentence_start
        self.parts: list[_Part] = []
        self.places = dict(find_places(text))

    def tokens(self) -> list[tuple[int, int]]:
        """The run's words (particles included), multi-word places made one token."""
        tokens = [m.span() for m in TOKEN.finditer(self.text)]
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
        """Drop a sentence's first common word; split off organisations; classify the rest."""
        text = self.text
        words = [text[s:e] for s, e in tokens]
        lowers = [w.lower().rstrip(".") for w in words]
        first = 0
        while first < len(words) and (
            lowers[first] in CONNECTORS
            or lowers[first] in JARGON
            or lowers[first] in CALENDAR_WORDS
            or (
                (first > 0 or at_start)
                and is_common_word(words[first])
                and lowers[first] not in TITLES
                and lowers[first] not in ORG_WORDS
            )
        ):
            first += 1
        if first:
            tokens, words, lowers = tokens[first:], words[first:], lowers[first:]
            if not tokens:
                return
        if len(tokens) > 1 and self.places.get(tokens[0][0]) == tokens[-1][1]:
            self.segment(tokens, words, lowers)
            return
        org_at = next(
            (i for i, w in enumerate(lowers) if w in ORG_WORDS and words[i][0].isupper()), None
        )
        if org_at is None or (len(words) == 1 and lowers[0] not in STANDALONE_ORGS):
            self.segments(tokens, words, lowers)
            return
        begin = org_at
        while begin > 0 and lowers[begin - 1] not in CONNECTORS and lowers[begin - 1] not in TITLES:
            begin -= 1
        if begin > 0:
            self.segments(tokens[:begin], words[:begin], lowers[:begin])
        stop = next(
            (
                i
                for i in range(org_at + 1, len(words))
                if lowers[i] == "and"
                or (lowers[i] in TITLES and lowers[i] not in OFFICE_WORDS and i + 1 < len(words))
            ),
            len(words),
        )
        end = stop
        while lowers[end - 1] in CONNECTORS:
            end -= 1
        self.parts.append(_Part(tokens[begin][0], tokens[end - 1][1], GROUP))
        if stop < len(words):
            rest = stop + 1 if lowers[stop] == "and" else stop
            if rest < len(words):
                self.chunk(tokens[rest:], False)

    def demonym(self, word: str) -> bool:
        """A people or faith word that is not itself a place ("Kazakhs", not "France")."""
        return is_demonym(word) and not is_place(word)

    def segments(self, tokens: list[tuple[int, int]], words: list[str], lowers: list[str]) -> None:
        """Split at connecting words and common words; classify each part."""
        part: list[int] = []
        for i, lower in enumerate(lowers):
            if (
                lower in CONNECTORS
                or lower in CALENDAR_WORDS
                or lower in JARGON
                or (lower not in TITLES and (is_common_word(words[i]) or self.demonym(words[i])))
            ):
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
        titles = [i for i, w in enumerate(lowers) if w in TITLES]
        if titles and titles[0] > 0:
            self.segment(tokens[: titles[0]], words[: titles[0]], lowers[: titles[0]])
        if titles:
            if titles[-1] < len(words) - 1:
                self.parts.append(_Part(tokens[titles[-1] + 1][0], tokens[-1][1], PERSON))
            return
        start, end = tokens[0][0], tokens[-1][1]
        place_end = self.places.get(start)
        if (
            len(words) == 1
            and ACRONYM_WORD.match(words[0])
            and (place_end != end or (len(words[0]) <= 4 and words[0] not in place_names()))
        ):
            self.parts.append(_Part(start, end, ACRONYM))
        elif place_end is not None and place_end >= end:
            self.parts.append(_Part(start, end, PLACE))
        elif place_end is not None and len(words) > 1 and lowers[-1] in PLACE_AFTER:
            self.parts.append(_Part(start, end, PLACE, core_end=place_end))
        elif place_end is not None and any(e == place_end for _, e in tokens):
            rest = next(i for i, (_, e) in enumerate(tokens) if e == place_end) + 1
            self.parts.append(_Part(start, place_end, PLACE))
            self.segment(tokens[rest:], words[rest:], lowers[rest:])
        else:
            self.parts.append(_Part(start, end, None, short=len(words) <= 2))


@lru_cache(maxsize=65536)
def _analyse(run: str, sentence_start: bool) -> tuple[_Part, ...]:
    """The parts of a run of capitalised words (remembered: see :class:`_Analyser`)."""
    analyser = _Analyser(run, sentence_start)
    analyser.chunk(analyser.tokens(), sentence_start)
    return tuple(analyser.parts)


class _Scanner:
    """The mentions of one paragraph's text: each run analysed, then read in its context."""

    def __init__(self, text: str, original: str, paragraph: int, out: list[Mention]) -> None:
        self.text = text
        self.original = original
        self.paragraph = paragraph
        self.out = out

    def mention(self, start: int, end: int, kind: str | None, **extra: str | bool | None) -> None:
        form = _clean(self.original[start:end])
        spelling = _clean(self.text[start:end])
        if len(form) > 1:
            self.out.append(Mention(form, spelling, self.paragraph, kind, **extra))  # type: ignore[arg-type]

    def scan(self) -> None:
        """Find every run of capitals and turn its parts into mentions."""
        text = self.text
        skip = _SKIP
        for match in CHUNK.finditer(text):
            run = match.group()
            if run.lower() in skip:
                continue
            base = match.start()
            before = text[max(0, base - 4) : base]
            stripped = before.rstrip()
            sentence_start = not stripped or stripped.endswith(_OPENERS) or "\n" in before
            run_len = len(run)
            for part in _analyse(run, sentence_start):
                start, end = base + part.start, base + part.end
                if part.end == run_len:
                    self.in_context(part, start, end)
                elif part.kind is not None:
                    core = None if part.core_end is None else text[start : base + part.core_end]
                    self.mention(start, end, part.kind, core=core)
                elif self.title_before(start):
                    self.mention(start, end, PERSON)
                else:
                    self.mention(start, end, None, weak=self.caps_run(start, end))

    def in_context(self, part: _Part, start: int, end: int) -> None:
        """Classify a part that ends its run by what follows it (and what precedes it)."""
        text = self.text
        kind = part.kind
        if kind != PERSON and kind != ACRONYM and self.definition(start, end, kind):
            return
        if kind == PLACE or kind is None:
            after = NEXT_WORDS.match(text, end)
            next_word = after.group(1) if after else None
            if next_word in PLACE_AFTER and (kind == PLACE or part.short):
                self.mention(start, after.end(1), PLACE, core=text[start:end])  # type: ignore[union-attr]
                return
            if kind is None:
                if next_word in ORG_AFTER:
                    kind = GROUP
                elif (
                    next_word in PERSON_AFTER
                    or self.title_before(start)
                    or self.speaks_or_has_role(end, after)
                ):
                    kind = PERSON
        core = None if part.core_end is None else text[start : start - part.start + part.core_end]
        self.mention(start, end, kind, core=core, weak=kind is None and self.caps_run(start, end))

    def caps_run(self, start: int, end: int) -> bool:
        """Whether the words at start..end are several and written in capitals (weak)."""
        form = self.original[start:end]
        return " " in form and form.isupper()

    def title_before(self, start: int) -> bool:
        """A title in lower case just before ("told imam Abdullah")."""
        words = self.text[max(0, start - 24) : start].split()
        if not words:
            return False
        word = words[-1].rstrip(".")
        return word.islower() and word in TITLES

    def speaks_or_has_role(self, end: int, after: re.Match[str] | None) -> bool:
        """A speech verb after the name, or a role in apposition ("X, director of")."""
        if after and after.group(1):
            verb = after.group(1)
            if verb in ADVERBS and after.group(2):
                verb = after.group(2)
            if verb in SPEECH_VERBS:
                return True
        if self.text.startswith(",", end):
            apposition = APPOSITION.match(self.text, end)
            return bool(apposition and apposition.group(1).lower() in ROLES)
        return False

    def definition(self, start: int, end: int, kind: str | None) -> bool:
        """An acronym in parentheses after a name: record both; True if one was there."""
        match = DEFINITION.match(self.text, end)
        if not match or not ACRONYM_WORD.match(match.group(1)):
            return False
        self.mention(start, end, kind or GROUP)
        self.mention(match.start(1), match.end(1), ACRONYM, expansion=self.text[start:end])
        return True


def _restored(text: str) -> str:
    """``text`` with its ALL-CAPS lines given back their usual case (same length)."""
    if "\n" not in text:
        return restore_case(text) if is_all_caps(text) else text
    lines = text.split("\n")
    changed = False
    for i, line in enumerate(lines):
        if is_all_caps(line):
            lines[i] = restore_case(line)
            changed = True
    return "\n".join(lines) if changed else text


def extract_entities(cable: Cable) -> Entities:
    """The people, places and groups of ``cable``, with their forms and paragraphs."""
    mentions: list[Mention] = []
    last = cable.paragraphs[-1].number if cable.paragraphs else 0
    if name := clean_name(cable.classified_by):
        mentions.append(Mention(name, name, 0, PERSON))
    for para in cable.paragraphs:
        text = para.text
        if para.number == 0:
            kept = []
            for line in text.split("\n"):
                if is_header_line(line):
                    kept.append(" " * len(line))
                    continue
                named = addressees(line)
                if named.offices or named.people or named.places:
                    for office in named.offices:
                        kind = GROUP if "/" in office else ACRONYM
                        mentions.append(Mention(office, office, 0, kind))
                    for place in named.places:
                        mentions.append(Mention(place, restore_case(place), 0, PLACE))
                    for person in named.people:
                        mentions.append(Mention(person, restore_case(person), 0, PERSON))
                    kept.append(" " * len(line))
                    continue
                kept.append(line)
            text = "\n".join(kept)
        _Scanner(_restored(text), text, para.number, mentions).scan()
    if name := clean_name(cable.signer):
        mentions.append(Mention(name, restore_case(name) if name.isupper() else name, last, PERSON))
    return link(mentions)
