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

from cables.entities.casing import casing_dictionary, is_all_caps, is_common_word, restore_case
from cables.entities.cues import (
    ADVERBS,
    APPOSITION,
    CALENDAR_WORDS,
    CONNECTORS,
    JARGON,
    OFFICE_WORDS,
    ORG_AFTER,
    ORG_WORDS,
    PLACE_AFTER,
    ROLES,
    SPEECH_VERBS,
    STANDALONE_ORGS,
    TITLES,
)
from cables.entities.gazetteer import find_places, place_names
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
NEXT_WORDS = re.compile(r"['’]s\b|\s+([a-z]+)(?:\s+([a-z]+))?")
PREVIOUS_WORD = re.compile(r"([A-Za-z]+)\.?\s*$")
SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“(\[\n]|--)\s*$")


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


class _Scanner:
    """The mentions of one paragraph's text."""

    def __init__(self, text: str, original: str, paragraph: int, out: list[Mention]) -> None:
        self.text = text
        self.original = original
        self.paragraph = paragraph
        self.out = out
        self.places = {start: end for start, end in find_places(text)}

    def mention(self, start: int, end: int, kind: str | None, **extra: str | None) -> None:
        form = _clean(self.original[start:end])
        spelling = _clean(self.text[start:end])
        if form and len(form) > 1:
            self.out.append(Mention(form, spelling, self.paragraph, kind, **extra))  # type: ignore[arg-type]

    def scan(self) -> None:
        text = self.text
        skip = _SKIP
        for match in CHUNK.finditer(text):
            if match.group().lower() in skip:
                continue
            tokens = [
                (m.start() + match.start(), m.end() + match.start())
                for m in TOKEN.finditer(match.group())
            ]
            self.chunk(tokens, match.start())

    def merge_places(self, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Tokens with each multi-word place name made one token ("New York")."""
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

    # --- one run of capitalised words -------------------------------------------------
    def chunk(self, tokens: list[tuple[int, int]], chunk_start: int) -> None:
        text = self.text
        tokens = self.merge_places(tokens)
        words = [text[s:e] for s, e in tokens]
        lowers = [w.lower().rstrip(".") for w in words]
        # a sentence's first word is capitalised whatever it is
        first = 0
        while first < len(words) and (
            lowers[first] in CONNECTORS
            or lowers[first] in JARGON
            or lowers[first] in CALENDAR_WORDS
            or (
                is_common_word(words[first])
                and lowers[first] not in TITLES
                and lowers[first] not in ORG_WORDS
                and (first > 0 or SENTENCE_START.search(text, 0, chunk_start) is not None)
            )
        ):
            first += 1
        if first:
            tokens, words, lowers = tokens[first:], words[first:], lowers[first:]
            if not tokens:
                return
            # the rest may hold more words to drop (a common word in the middle splits it)
        if len(tokens) > 1 and self.places.get(tokens[0][0]) == tokens[-1][1]:
            self.segment(tokens, words, lowers)
            return
        org_at = next(
            (i for i, w in enumerate(lowers) if w in ORG_WORDS and words[i][0].isupper()), None
        )
        if org_at is not None and (len(words) > 1 or lowers[0] in STANDALONE_ORGS):
            begin = org_at
            while (
                begin > 0
                and lowers[begin - 1] not in CONNECTORS
                and lowers[begin - 1] not in TITLES
            ):
                begin -= 1
            if begin > 0:
                self.segments(tokens[:begin], words[:begin], lowers[:begin])
            stop = next(
                (
                    i
                    for i in range(org_at + 1, len(words))
                    if lowers[i] == "and"
                    or (
                        lowers[i] in TITLES and lowers[i] not in OFFICE_WORDS and i + 1 < len(words)
                    )
                ),
                len(words),
            )
            end = stop
            while lowers[end - 1] in CONNECTORS:
                end -= 1
            start = tokens[begin][0]
            self.mention(start, tokens[end - 1][1], GROUP)
            self.definition(tokens[end - 1][1], GROUP, start)
            if stop < len(words):
                rest = stop + 1 if lowers[stop] == "and" else stop
                if rest < len(words):
                    self.chunk(tokens[rest:], tokens[rest][0])
            return
        self.segments(tokens, words, lowers)

    def segments(self, tokens: list[tuple[int, int]], words: list[str], lowers: list[str]) -> None:
        """Split at connecting words and drop common words; classify each part."""
        part: list[int] = []
        for i, lower in enumerate(lowers):
            if (
                lower in CONNECTORS
                or lower in CALENDAR_WORDS
                or lower in JARGON
                or (is_common_word(words[i]) and lower not in TITLES)
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
        """Classify one run of name words."""
        text = self.text
        titles = [i for i, w in enumerate(lowers) if w in TITLES]
        if titles and titles[0] > 0:
            self.segment(tokens[: titles[0]], words[: titles[0]], lowers[: titles[0]])
        last_title = titles[-1] if titles else -1
        if last_title >= 0:
            if last_title == len(words) - 1:
                return
            tokens, words = tokens[last_title + 1 :], words[last_title + 1 :]
            start, end = tokens[0][0], tokens[-1][1]
            self.mention(start, end, PERSON)
            return
        start, end = tokens[0][0], tokens[-1][1]
        place_end = self.places.get(start)
        if (
            len(words) == 1
            and ACRONYM_WORD.match(words[0])
            and (place_end != end or (len(words[0]) <= 4 and words[0] not in place_names()))
        ):
            expansion = None
            self.mention(start, end, ACRONYM, expansion=expansion)
            return
        after = NEXT_WORDS.match(text, end)
        next_word = after.group(1) if after and after.group(1) else None
        if place_end is not None and place_end >= end:
            if next_word in PLACE_AFTER:
                self.mention(start, after.end(1), PLACE, core=text[start:end])
            else:
                self.mention(start, end, PLACE)
            self.definition(end, PLACE, start)
            return
        if place_end is not None and len(words) > 1 and words[-1].lower() in PLACE_AFTER:
            self.mention(start, end, PLACE, core=text[start:place_end])
            return
        if next_word in ORG_AFTER:
            self.mention(start, end, GROUP)
            return
        if next_word in PLACE_AFTER and len(words) <= 2:
            self.mention(start, after.end(1), PLACE, core=text[start:end])
            return
        if self.definition(end, None, start):
            return
        kind = PERSON if self.person_cue(start, end, after) else None
        self.mention(start, end, kind)

    def person_cue(self, start: int, end: int, after: re.Match[str] | None) -> bool:
        """A title before, a role in apposition or a speech verb after."""
        text = self.text
        before = PREVIOUS_WORD.search(text, max(0, start - 30), start)
        if before and before.group(1).lower() in TITLES and before.group(1)[0].islower():
            return True
        if after and after.group(1):
            verb = after.group(1)
            if verb in ADVERBS and after.group(2):
                verb = after.group(2)
            if verb in SPEECH_VERBS:
                return True
        apposition = APPOSITION.match(text, end)
        return bool(apposition and apposition.group(1).lower() in ROLES)

    def definition(self, end: int, kind: str | None, start: int) -> bool:
        """An acronym in parentheses after a name: record both; True if one was there."""
        match = DEFINITION.match(self.text, end)
        if not match or not ACRONYM_WORD.match(match.group(1)):
            return False
        name = self.text[start:end]
        if kind is None:
            self.mention(start, end, GROUP)
        self.mention(match.start(1), match.end(1), ACRONYM, expansion=name)
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
                offices, people = addressees(line)
                if offices or people:
                    for office in offices:
                        mentions.append(
                            Mention(office, office, 0, ACRONYM if "/" not in office else GROUP)
                        )
                    for person in people:
                        mentions.append(Mention(person, restore_case(person), 0, PERSON))
                    kept.append(" " * len(line))
                    continue
                kept.append(line)
            text = "\n".join(kept)
        _Scanner(_restored(text), text, para.number, mentions).scan()
    if name := clean_name(cable.signer):
        mentions.append(Mention(name, restore_case(name) if name.isupper() else name, last, PERSON))
    return link(mentions)
