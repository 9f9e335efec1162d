"""Search keys of the entity index (built at import) and the ranked search over them.

Keys, computed once when the index is compacted (:func:`build_search_keys`) and stored in
it, all over the words of the entities' forms folded to lower-case ASCII
(:func:`cables.names.tokens`):

- ``words``: every distinct word, sorted (prefix ranges by bisection), and for each the
  entities holding it (``word_start``/``word_entities``, a CSR layout of uint32 arrays);
- ``trigrams``: each character trigram's words (substrings, and typos beyond the keys);
- ``variant``: the hash of each word's :func:`cables.names.word_key` (transliteration
  variants: "khobdabergenowa" finds "khobdabergenova"), and of its skeleton, the key without
  vowels (vowel typos: "narymbatov");
- ``top``: for each prefix of one to three letters, the 100 entities with the most cables
  that hold a word starting with it (a one-letter query never walks a tenth of the index).

A query gathers at most a few hundred candidates from these, then ranks them in tiers:
exact name or form, prefix, word start, substring, then edit-distance and transliteration
matches (rapidfuzz on the candidates only, never a scan of every name). Within a tier, the
entity in more cables comes first (fuzzy matches: the closer spelling first).
"""

from __future__ import annotations

import heapq
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from cables.names import tokens, word_key

FORM_SEPARATOR = "\x1f"
TOP_PER_PREFIX = 100
#: Longest query accepted (characters); a name is far shorter.
MAX_QUERY_LENGTH = 200
#: Candidates ranked at most (more if a larger ``limit`` asks, up to _PER_WORD_ENTITIES).
MAX_CANDIDATES = 150
_PER_WORD_ENTITIES = 600
_RANKED_FORMS = 8
_MAX_PREFIX_WORDS = 300
_MAX_TRIGRAM_POSTINGS = 20000
_FUZZY_WORDS = 150
_VOWELS = str.maketrans("", "", "aeiou")

TIER_EXACT, TIER_PREFIX, TIER_WORD_START, TIER_SUBSTRING, TIER_FUZZY = 5, 4, 3, 2, 1
# How well a stored word matches a query word, to choose candidates (higher is better; a
# fuzzy word adds its similarity, 0 to 1).
_WORD_EXACT, _WORD_PREFIX, _WORD_SUBSTRING, _WORD_VARIANT, _WORD_FUZZY = 9.0, 8.0, 6.0, 5.0, 3.0
_FUZZY_KEPT = 60


def _hash(text: str) -> int:
    return zlib.crc32(text.encode())


def skeleton(key: str) -> str:
    """A word key without its vowels but the first letter ("hobdabergenova" -> "hbdbrgnv")."""
    return key[:1] + key[1:].translate(_VOWELS)


def _trigrams(word: str) -> set[str]:
    return {word[i : i + 3] for i in range(len(word) - 2)}


def build_search_keys(folded: list[str], counts: list[int]) -> dict[str, Any]:
    """The stored search keys of entities whose folded forms (joined by FORM_SEPARATOR) and
    cable counts are given, entity i at position i."""
    word_entities: dict[str, list[int]] = {}
    entity_words: list[list[str]] = []
    for entity, packed in enumerate(folded):
        words = sorted({w for form in packed.split(FORM_SEPARATOR) for w in form.split()})
        entity_words.append(words)
        for word in words:
            holders = word_entities.get(word)
            if holders is None:
                word_entities[word] = [entity]
            else:
                holders.append(entity)
    words = sorted(word_entities)
    starts = [0]
    flat: list[int] = []
    for word in words:
        flat.extend(word_entities[word])
        starts.append(len(flat))
    del word_entities
    trigram_words: dict[str, list[int]] = {}
    variants: list[tuple[int, int]] = []
    skeletons: list[tuple[int, int]] = []
    for position, word in enumerate(words):
        for trigram in _trigrams(word):
            trigram_words.setdefault(trigram, []).append(position)
        key = word_key(word)
        variants.append((_hash(key), position))
        skeletons.append((_hash(skeleton(key)), position))
    variants.sort()
    skeletons.sort()
    trigrams = sorted(trigram_words)
    tri_starts = [0]
    tri_flat: list[int] = []
    for trigram in trigrams:
        tri_flat.extend(trigram_words[trigram])
        tri_starts.append(len(tri_flat))
    top: dict[str, list[int]] = {}
    for entity in sorted(range(len(folded)), key=lambda e: (-counts[e], e)):
        prefixes = {w[:n] for w in entity_words[entity] for n in (1, 2, 3) if len(w) >= n}
        for prefix in prefixes:
            chosen = top.setdefault(prefix, [])
            if len(chosen) < TOP_PER_PREFIX:
                chosen.append(entity)
    prefixes = sorted(top)
    top_start = [0]
    top_flat: list[int] = []
    for prefix in prefixes:
        top_flat.extend(top[prefix])
        top_start.append(len(top_flat))
    return {
        "words": words,
        "word_start": array("I", starts),
        "word_entities": array("I", flat),
        "trigrams": trigrams,
        "trigram_start": array("I", tri_starts),
        "trigram_words": array("I", tri_flat),
        "variant_hash": array("I", (h for h, _ in variants)),
        "variant_word": array("I", (w for _, w in variants)),
        "skeleton_hash": array("I", (h for h, _ in skeletons)),
        "skeleton_word": array("I", (w for _, w in skeletons)),
        "top_prefixes": prefixes,
        "top_start": array("I", top_start),
        "top_entities": array("I", top_flat),
    }


def query_problem(query: str) -> str | None:
    """Why a query cannot be searched (a sentence), or None if it can."""
    if not query.strip():
        return "the query is empty"
    if any(ord(c) < 32 or 127 <= ord(c) < 160 for c in query):
        return "the query holds control characters"
    if len(query) > MAX_QUERY_LENGTH:
        return f"the query is too long ({len(query):,} characters; at most {MAX_QUERY_LENGTH})"
    if not tokens(query):
        return "the query holds no letter or digit"
    return None


@dataclass(frozen=True, slots=True)
class Match:
    """A ranked candidate: the entity (its position in the index), its tier and score."""

    entity: int
    tier: int
    score: float


class EntitySearch:
    """The in-memory search structures of a loaded index, and :meth:`search`."""

    def __init__(self, kinds: str, folded: list[str], counts: array[int], keys: dict[str, Any]):
        """``keys`` as :func:`build_search_keys` made them (lists of words, uint32 arrays)."""
        self.kinds = kinds
        self.folded = folded
        self.counts = counts
        self.words: list[str] = keys["words"]
        self.word_start = keys["word_start"]
        self.word_entities = keys["word_entities"]
        trigram_start = keys["trigram_start"]
        self.trigrams = {
            t: (trigram_start[i], trigram_start[i + 1]) for i, t in enumerate(keys["trigrams"])
        }
        self.trigram_words = keys["trigram_words"]
        self.variant_hash = keys["variant_hash"]
        self.variant_word = keys["variant_word"]
        self.skeleton_hash = keys["skeleton_hash"]
        self.skeleton_word = keys["skeleton_word"]
        top_start, top_entities = keys["top_start"], keys["top_entities"]
        self.top = {
            prefix: top_entities[top_start[i] : top_start[i + 1]]
            for i, prefix in enumerate(keys["top_prefixes"])
        }

    # -- candidates ----------------------------------------------------------------------

    def _hash_lookup(self, hashes: array[int], targets: array[int], value: int) -> list[int]:
        lo = bisect_left(hashes, value)
        hi = bisect_right(hashes, value, lo)
        return list(targets[lo : min(hi, lo + _FUZZY_WORDS)])

    def _trigram_postings(self, word: str) -> list[array[int]] | None:
        """Each trigram's words, shortest first (None if one trigram is unknown)."""
        lists = []
        for trigram in _trigrams(word):
            span = self.trigrams.get(trigram)
            if span is None:
                return None
            lists.append(self.trigram_words[span[0] : span[1]])
        return sorted(lists, key=len)

    def _word_candidates(self, qword: str) -> tuple[list[tuple[float, list[int]]], list[int]]:
        """Words matching one query word, best first ((word tier, word positions) groups),
        and entities from the per-prefix top lists when the prefix is too common to walk."""
        words = self.words
        groups: list[tuple[float, list[int]]] = []
        extra: list[int] = []
        seen: set[int] = set()
        lo = bisect_left(words, qword)
        hi = bisect_left(words, qword + "\x7f", lo)
        if lo < hi and words[lo] == qword:
            groups.append((_WORD_EXACT, [lo]))
            seen.add(lo)
            lo += 1
        if hi - lo > _MAX_PREFIX_WORDS and len(qword) <= 3:
            extra = list(self.top.get(qword, ()))
        else:
            prefixed = list(range(lo, min(hi, lo + _MAX_PREFIX_WORDS)))
            groups.append((_WORD_PREFIX, prefixed))
            seen.update(prefixed)
        if len(qword) >= 3:
            lists = self._trigram_postings(qword)
            if lists and len(lists[0]) <= _MAX_TRIGRAM_POSTINGS:
                matches = set(lists[0])
                for other in lists[1:4]:
                    if len(matches) < 64:
                        break
                    matches.intersection_update(other)
                inside = [p for p in matches if p not in seen and qword in words[p]]
                groups.append((_WORD_SUBSTRING, inside[:_MAX_PREFIX_WORDS]))
                seen.update(inside)
        key = word_key(qword)
        variants = [
            p
            for p in self._hash_lookup(self.variant_hash, self.variant_word, _hash(key))
            if p not in seen and word_key(words[p]) == key
        ]
        groups.append((_WORD_VARIANT, variants))
        seen.update(variants)
        if len(qword) < 3:
            return groups, extra
        fuzzy = self._hash_lookup(self.skeleton_hash, self.skeleton_word, _hash(skeleton(key)))
        if len(qword) >= 4 and not seen:
            fuzzy += self._shared_trigram_words(qword)
        fuzzy = [p for p in dict.fromkeys(fuzzy) if p not in seen]
        if fuzzy:
            ratio = fuzz.ratio
            ranked = heapq.nlargest(_FUZZY_KEPT, ((ratio(qword, words[p]), p) for p in fuzzy))
            for score, position in ranked:
                if score >= 50:
                    groups.append((_WORD_FUZZY + float(score) / 100, [position]))
        return groups, extra

    def _shared_trigram_words(self, qword: str) -> list[int]:
        """Words sharing the most trigrams with a query word (for typos)."""
        counter: Counter[int] = Counter()
        for trigram in _trigrams(qword):
            span = self.trigrams.get(trigram)
            if span is not None and span[1] - span[0] <= _MAX_TRIGRAM_POSTINGS // 4:
                counter.update(self.trigram_words[span[0] : span[1]])
        return [position for position, _ in counter.most_common(_FUZZY_WORDS)]

    def _candidates(self, qwords: list[str], kind: str | None, cap: int) -> list[int]:
        """At most ``cap`` entities for the query words: those matching more words, in
        better tiers, in more cables, first."""
        per_entity: dict[int, list[float]] = {}
        starts, holders = self.word_start, self.word_entities
        kinds = self.kinds
        for index, qword in enumerate(qwords):
            best: dict[int, float] = {}
            groups, extra = self._word_candidates(qword)
            for tier, positions in groups:
                if len(best) >= _PER_WORD_ENTITIES:
                    break
                for position in positions:
                    for entity in holders[starts[position] : starts[position + 1]]:
                        if entity not in best and (kind is None or kinds[entity] == kind):
                            best[entity] = tier
                    if len(best) >= _PER_WORD_ENTITIES:
                        break
            for entity in extra:
                if kind is None or kinds[entity] == kind:
                    best.setdefault(entity, _WORD_PREFIX)
            for entity, tier in best.items():
                tiers = per_entity.get(entity)
                if tiers is None:
                    tiers = per_entity[entity] = [0.0] * len(qwords)
                tiers[index] = tier
        counts = self.counts
        if len(qwords) == 1:
            pool = [(tiers[0], counts[entity], entity) for entity, tiers in per_entity.items()]
        else:
            pool = [
                (len(qwords) - tiers.count(0), sum(tiers), counts[entity], entity)
                for entity, tiers in per_entity.items()
            ]
        if len(pool) > cap:
            pool = heapq.nlargest(cap, pool)
        return [item[-1] for item in pool]

    # -- ranking -------------------------------------------------------------------------

    def search(self, query: str, kind: str | None = None, limit: int = 20) -> list[Match]:
        """The best ``limit`` entities for a query, best first (``kind``: a kind code)."""
        qwords = tokens(query)[:12]
        if not qwords or limit <= 0:
            return []
        qtext = " ".join(qwords)
        qsorted = sorted(qwords)
        qkeys = {word_key(w) for w in qwords}
        matches = []
        cap = min(max(MAX_CANDIDATES, limit), _PER_WORD_ENTITIES)
        for entity in self._candidates(qwords, kind, cap):
            tier, score = self._rank(entity, qtext, qwords, qsorted, qkeys)
            if tier:
                matches.append(Match(entity, tier, score))
        counts = self.counts
        matches.sort(
            key=lambda m: (
                -m.tier,
                -counts[m.entity] if m.tier > TIER_FUZZY else -round(m.score),
                -m.score if m.tier > TIER_FUZZY else -counts[m.entity],
                m.entity,
            )
        )
        return matches[:limit]

    def _rank(
        self, entity: int, qtext: str, qwords: list[str], qsorted: list[str], qkeys: set[str]
    ) -> tuple[int, float]:
        forms = self.folded[entity].split(FORM_SEPARATOR, _RANKED_FORMS)[:_RANKED_FORMS]
        best_tier, best_form = 0, ""
        several = len(qwords) > 1
        for form in forms:
            if form == qtext or (several and sorted(form.split()) == qsorted):
                return TIER_EXACT, 100.0
            if form.startswith(qtext):
                tier = TIER_PREFIX
            elif all(form.startswith(w) or f" {w}" in form for w in qwords):
                tier = TIER_WORD_START
            elif qtext in form:
                tier = TIER_SUBSTRING
            else:
                tier = TIER_FUZZY
            if tier > best_tier or (tier == best_tier and len(form) < len(best_form)):
                best_tier, best_form = tier, form
        if best_tier > TIER_FUZZY:
            base = {TIER_PREFIX: 90.0, TIER_WORD_START: 80.0, TIER_SUBSTRING: 70.0}[best_tier]
            return best_tier, round(base + fuzz.ratio(qtext, best_form) * 0.099, 1)
        ratio = 0.0
        for form in forms:
            ratio = max(ratio, fuzz.ratio(qtext, form))
            if several:
                ratio = max(ratio, fuzz.token_sort_ratio(qtext, form))
            if ratio < 98:
                fkeys = {word_key(w) for w in form.split()}
                if qkeys == fkeys:
                    ratio = 98.0  # a spelling variant of the whole form
                elif qkeys <= fkeys:
                    ratio = max(ratio, 85.0)  # a variant of some of its words
        if ratio < 60:
            return 0, 0.0
        return TIER_FUZZY, round(ratio * 0.69, 1)
