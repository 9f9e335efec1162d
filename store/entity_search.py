"""Search keys of the entity index (built at import) and the ranked search over them.

Keys, computed once when the index is compacted (:func:`build_search_keys`) and stored in
it, all over the words of the entities' forms folded to lower-case ASCII
(:func:`cables.names.tokens`):

- ``words``: every distinct word, sorted (prefix ranges by bisection), and for each the
  entities holding it (``word_start``/``word_entities``, a CSR layout of uint32 arrays),
  each word's entities most cited first (a common word's first few are its best);
- ``trigrams``: each character trigram's words (substrings, and typos beyond the keys);
- ``variant``: the hash of each word's :func:`cables.names.word_key` (transliteration
  variants: "khobdabergenowa" finds "khobdabergenova"), and of its skeleton, the key without
  vowels (vowel typos: "narymbatov");
- ``top``: for each prefix of one to three letters, the 100 entities with the most cables
  that hold a word starting with it (a one-letter query never walks a tenth of the index);
- ``word_lines`` and ``folded_lines``: where each word of ``words`` and each entity's entry
  of the index's ``folded`` column starts in its section (newline-separated texts), so that
  a reader maps them (:func:`map_sections`) instead of splitting them into strings (an
  index written without them still loads: the starts are then found once, at load).

A loaded index maps its file: the arrays are views of the mapped pages (shared between
every process that reads the store, read from disk as they are touched), the texts are
read one at a time; what is held in memory is a few megabytes (the kinds, the words).

A query gathers at most a few hundred candidates from these (a multi-word query from its
rarest word, the others looked for in the candidates' names), then ranks them in tiers:
exact name or form, prefix, word start, substring, then edit-distance and transliteration
matches (rapidfuzz on the candidates only, never a scan of every name). Within a tier, the
entity in more cables comes first (fuzzy matches: the closer spelling first).
"""

from __future__ import annotations

import heapq
import sys
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, islice
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
#: Entities looked at for a multi-word query (its rarest word's, most cited first).
_DRIVER_ENTITIES = 500
#: Entities each other word of a multi-word query adds (most cited first).
_OTHER_WORD_ENTITIES = 100
#: Holders looked at at most for one query word (when a kind filters most of them out).
_MAX_SCANNED = 20000


def _hash(text: str) -> int:
    return zlib.crc32(text.encode())


def skeleton(key: str) -> str:
    """A word key without its vowels but the first letter ("hobdabergenova" -> "hbdbrgnv")."""
    return key[:1] + key[1:].translate(_VOWELS)


def _trigrams(word: str) -> set[str]:
    return {word[i : i + 3] for i in range(len(word) - 2)}


def build_search_keys(folded: list[str], counts: Sequence[int]) -> dict[str, Any]:
    """The stored search keys of entities whose folded forms (joined by FORM_SEPARATOR) and
    cable counts are given, entity i at position i: :func:`entity_search_keys`, then
    :func:`word_search_keys` (two halves that two processes may build at once)."""
    keys = entity_search_keys(folded, counts)
    keys.update(word_search_keys(distinct_words(folded)))
    return keys


def distinct_words(folded: list[str]) -> list[str]:
    """Every distinct word of the entities' folded forms, sorted."""
    # FORM_SEPARATOR is whitespace to str.split: one split gives every form's words.
    return sorted({word for forms in folded for word in forms.split()})


def entity_search_keys(folded: list[str], counts: Sequence[int]) -> dict[str, Any]:
    """The keys that lead from words to entities: each word's entities and each prefix's
    top entities, most cited first, and where each word and entry starts in its section."""
    word_entities: dict[str, list[int]] = {}
    top: dict[str, list[int]] = {}
    # Entities in more cables first: each word's holders, and each prefix's top entities,
    # are stored in this order, so the first few of a common word are its most cited
    # entities. (A stable sort in reverse keeps entities of one count in ascending order.)
    by_count = array("I", sorted(range(len(folded)), key=counts.__getitem__, reverse=True))
    for entity in by_count:
        words = set(folded[entity].split())
        for word in words:
            holders = word_entities.get(word)
            if holders is None:
                word_entities[word] = [entity]
            else:
                holders.append(entity)
        # A word shorter than 3 letters gives itself as its longer "prefixes": no new ones.
        for prefix in {p for w in words for p in (w[:1], w[:2], w[:3])}:
            chosen = top.get(prefix)
            if chosen is None:
                top[prefix] = [entity]
            elif len(chosen) < TOP_PER_PREFIX:
                chosen.append(entity)
    words = sorted(word_entities)  # the same as distinct_words(folded)
    word_start, flat = _rows_in_one_array(word_entities[word] for word in words)
    del word_entities
    prefixes = sorted(top)
    top_start, top_flat = _rows_in_one_array(top[prefix] for prefix in prefixes)
    del top
    return {
        "word_lines": line_starts_of(words),
        "folded_lines": line_starts_of(folded),
        "words": words,
        "word_start": word_start,
        "word_entities": flat,
        "top_prefixes": prefixes,
        "top_start": top_start,
        "top_entities": top_flat,
    }


def _rows_in_one_array(rows: Iterable[Iterable[int]]) -> tuple[array[int], array[int]]:
    """Rows of numbers as one array and where each row starts in it (then its end): uint32
    arrays, not lists of ints (4 bytes an item, not 8 and an object)."""
    starts = array("I", (0,))
    flat = array("I")
    for row in rows:
        flat.extend(row)
        starts.append(len(flat))
    return starts, flat


def word_search_keys(words: list[str]) -> dict[str, Any]:
    """The keys that lead from a query word to stored words (``words``: sorted, distinct):
    each trigram's words, and the hashes of each word's variant key and skeleton."""
    trigram_words: dict[str, array[int]] = {}
    # Hashes in arrays, then the words in the order of their hashes (a stable sort: words
    # of one hash in ascending order): a tenth of the memory of (hash, word) pairs.
    variant_hashes = array("I")
    skeleton_hashes = array("I")
    for position, word in enumerate(words):
        for trigram in _trigrams(word):
            holding = trigram_words.get(trigram)
            if holding is None:
                trigram_words[trigram] = array("I", (position,))
            else:
                holding.append(position)
        key = word_key(word)
        variant_hashes.append(_hash(key))
        skeleton_hashes.append(_hash(skeleton(key)))
    variant_words = array("I", sorted(range(len(words)), key=variant_hashes.__getitem__))
    skeleton_words = array("I", sorted(range(len(words)), key=skeleton_hashes.__getitem__))
    trigrams = sorted(trigram_words)
    tri_starts, tri_flat = _rows_in_one_array(trigram_words[trigram] for trigram in trigrams)
    del trigram_words
    return {
        "trigrams": trigrams,
        "trigram_start": tri_starts,
        "trigram_words": tri_flat,
        "variant_hash": array("I", (variant_hashes[w] for w in variant_words)),
        "variant_word": variant_words,
        "skeleton_hash": array("I", (skeleton_hashes[w] for w in skeleton_words)),
        "skeleton_word": skeleton_words,
    }


def _starts_array(values: list[int]) -> array[int]:
    return array("I" if not values or values[-1] < 1 << 32 else "Q", values)


def line_starts_of(texts: list[str]) -> array[int]:
    """Where each text starts once they are joined by newlines and encoded (UTF-8), and
    one past the end: ``len(texts) + 1`` offsets (text i is bytes starts[i]:starts[i+1]-1)."""
    return _starts_array([0, *accumulate(len(t.encode()) + 1 for t in texts)])


def line_starts(data: memoryview | bytes) -> array[int]:
    """:func:`line_starts_of` for texts already joined (a section of an index written before
    the starts were stored), read a megabyte at a time."""
    if not len(data):
        return array("I", [0])
    starts = [0]
    chunk_size = 1 << 20
    for position in range(0, len(data), chunk_size):
        pieces = bytes(data[position : position + chunk_size]).split(b"\n")
        at = position
        for piece in pieces[:-1]:
            at += len(piece) + 1
            starts.append(at)
    starts.append(len(data) + 1)
    return _starts_array(starts)


class _LineTexts(Sequence[str]):
    """Newline-separated texts found by their starts (as :func:`line_starts` gives them),
    each read by ``_text(start, end)`` when asked."""

    __slots__ = ("starts",)

    def __init__(self, starts: Sequence[int]) -> None:
        self.starts = starts

    def _text(self, start: int, end: int) -> str:
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, index: int) -> str:  # type: ignore[override]
        if index < 0:
            index += len(self)
        starts = self.starts
        return self._text(starts[index], starts[index + 1] - 1)

    def __iter__(self) -> Iterator[str]:
        for index in range(len(self)):
            yield self[index]


class MappedTexts(_LineTexts):
    """Newline-separated texts in a buffer (mapped pages), read one at a time by position."""

    __slots__ = ("data",)

    def __init__(self, data: memoryview | bytes | str, starts: Sequence[int]) -> None:
        """``starts`` as :func:`line_starts` gives them; ``data`` bytes, or a str of ASCII
        (then slices are str already)."""
        super().__init__(starts)
        self.data = data

    def _text(self, start: int, end: int) -> str:
        text = self.data[start:end]
        return text if isinstance(text, str) else str(text, "utf-8")


class ReadTexts(_LineTexts):
    """Newline-separated texts of a file, each read when asked (``read(offset, length)``,
    a ``pread``): for texts read here and there, which mapped would each bring their
    neighbours' pages into the process (the kernel maps pages around each one touched)."""

    __slots__ = ("offset", "read")

    def __init__(
        self, read: Callable[[int, int], bytes], offset: int, starts: Sequence[int]
    ) -> None:
        """``offset``: where the texts start in the file; ``starts`` as :func:`line_starts`
        gives them."""
        super().__init__(starts)
        self.read = read
        self.offset = offset

    def _text(self, start: int, end: int) -> str:
        return str(self.read(self.offset + start, end - start), "utf-8")


def _mapped_array(data: memoryview, code: str, items: int) -> Sequence[int]:
    """A little-endian array section as a view of its pages (copied on a big-endian host)."""
    if sys.byteorder == "little":
        view = data.cast("B").cast(code)
    else:
        view = array(code, data.tobytes())  # type: ignore[assignment]
        view.byteswap()  # type: ignore[attr-defined]
    if len(view) != items:
        raise ValueError("an entity index section has the wrong length")
    return view


def map_sections(
    places: dict[str, list[Any]], buffer: memoryview, names: Sequence[str]
) -> dict[str, Any]:
    """Sections (as :func:`store.entity_index.write_sections` wrote them into the file now
    in ``buffer``) without reading them: arrays become views of the buffer, a list of texts
    a :class:`MappedTexts` (its starts stored in ``<name>_lines`` or found once), a text a
    str. ValueError if a section lies outside the buffer or has the wrong length."""
    mapped: dict[str, Any] = {}
    for name in names:
        offset, length, code, items = places[name]
        if offset < 0 or length < 0 or offset + length > len(buffer):
            raise ValueError(f"the entity index's {name} is cut short")
        data = buffer[offset : offset + length]
        if code == "t":
            mapped[name] = str(data, "utf-8")
        elif code == "s":
            if f"{name}_lines" in places:
                starts = map_sections(places, buffer, [f"{name}_lines"])[f"{name}_lines"]
            else:
                starts = line_starts(data)
            if not items:
                starts = array("I", [0])
            texts = MappedTexts(data, starts)
            if len(texts) != items:
                raise ValueError(f"the entity index's {name} has the wrong length")
            mapped[name] = texts
        else:
            mapped[name] = _mapped_array(data, code, items)
    return mapped


#: The search sections :func:`build_search_keys` writes (and a loaded index maps).
SEARCH_SECTIONS = (
    "words",
    "word_start",
    "word_entities",
    "trigrams",
    "trigram_start",
    "trigram_words",
    "variant_hash",
    "variant_word",
    "skeleton_hash",
    "skeleton_word",
    "top_prefixes",
    "top_start",
    "top_entities",
)


def map_search_keys(places: dict[str, list[Any]], buffer: memoryview) -> dict[str, Any]:
    """The search keys of an index file mapped in ``buffer`` (see :func:`map_sections`),
    the words held as one str (a few megabytes, sliced per word)."""
    keys = map_sections(places, buffer, SEARCH_SECTIONS)
    words = keys["words"]
    assert isinstance(words, MappedTexts)
    text = str(words.data, "utf-8")
    # Held as one str, sliced per word: byte offsets are str offsets if it is ASCII.
    keys["words"] = MappedTexts(text, words.starts) if text.isascii() else list(words)
    return keys


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

    def __init__(
        self,
        kinds: str,
        folded: Sequence[str],
        counts: Sequence[int],
        keys: dict[str, Any],
    ) -> None:
        """``keys`` as :func:`build_search_keys` made them (lists of words, uint32 arrays),
        or as :func:`map_search_keys` maps them (texts and views)."""
        self.kinds = kinds
        self.folded = folded
        self.counts = counts
        self.words: Sequence[str] = keys["words"]
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

    def _word_candidates(self, qword: str) -> tuple[list[tuple[float, list[Sequence[int]]]], int]:
        """Entities holding words that match one query word: groups of (word tier, holder
        lists), best tier first, each holder list most cited first (entities from the
        per-prefix top lists when the prefix is too common to walk), and how many entities
        they hold in all (an estimate when a prefix is too common: every holder of it)."""
        words = self.words
        starts, holders = self.word_start, self.word_entities
        positions: list[tuple[float, list[int]]] = []
        groups: list[tuple[float, list[Sequence[int]]]] = []
        size = 0
        seen: set[int] = set()
        lo = bisect_left(words, qword)
        hi = bisect_left(words, qword + "\x7f", lo)
        if lo < hi and words[lo] == qword:
            positions.append((_WORD_EXACT, [lo]))
            seen.add(lo)
            lo += 1
        if hi - lo > _MAX_PREFIX_WORDS and len(qword) <= 3:
            top = self.top.get(qword, ())
            groups.append((_WORD_PREFIX, [top]))
            size += starts[hi] - starts[lo]
        else:
            prefixed = list(range(lo, min(hi, lo + _MAX_PREFIX_WORDS)))
            positions.append((_WORD_PREFIX, prefixed))
            seen.update(prefixed)
        if len(qword) >= 3:
            lists = self._trigram_postings(qword)
            if lists and len(lists[0]) <= _MAX_TRIGRAM_POSTINGS:
                matches = set(lists[0])
                for other in lists[1:4]:
                    if len(matches) < 64:
                        break
                    matches.intersection_update(other)
                inside = []
                for position in matches:
                    if position not in seen and qword in words[position]:
                        inside.append(position)
                        if len(inside) >= _MAX_PREFIX_WORDS:
                            break
                positions.append((_WORD_SUBSTRING, inside))
                seen.update(inside)
        key = word_key(qword)
        variants = [
            p
            for p in self._hash_lookup(self.variant_hash, self.variant_word, _hash(key))
            if p not in seen and word_key(words[p]) == key
        ]
        positions.append((_WORD_VARIANT, variants))
        seen.update(variants)
        if len(qword) >= 3:
            fuzzy = self._hash_lookup(self.skeleton_hash, self.skeleton_word, _hash(skeleton(key)))
            if len(qword) >= 4 and not seen:
                fuzzy += self._shared_trigram_words(qword)
            fuzzy = [p for p in dict.fromkeys(fuzzy) if p not in seen]
            if fuzzy:
                ratio = fuzz.ratio
                ranked = heapq.nlargest(_FUZZY_KEPT, ((ratio(qword, words[p]), p) for p in fuzzy))
                for score, position in ranked:
                    if score >= 50:
                        positions.append((_WORD_FUZZY + float(score) / 100, [position]))
        for tier, group in positions:
            if group:
                lists = [holders[starts[p] : starts[p + 1]] for p in group]
                size += sum(map(len, lists))
                groups.append((tier, lists))
        groups.sort(key=lambda group: -group[0])
        return groups, size

    def _shared_trigram_words(self, qword: str) -> list[int]:
        """Words sharing the most trigrams with a query word (for typos)."""
        counter: Counter[int] = Counter()
        for trigram in _trigrams(qword):
            span = self.trigrams.get(trigram)
            if span is not None and span[1] - span[0] <= _MAX_TRIGRAM_POSTINGS // 4:
                counter.update(self.trigram_words[span[0] : span[1]])
        return [position for position, _ in counter.most_common(_FUZZY_WORDS)]

    def _most_cited(
        self, groups: list[tuple[float, list[Sequence[int]]]], kind: str | None, wanted: int
    ) -> dict[int, float]:
        """At most ``wanted`` entities of these groups (of ``kind`` if given), each with its
        best word tier: the best tier first, and within it the most cited (holder lists are
        stored most cited first, so they are merged lazily; a bounded number looked at)."""
        best: dict[int, float] = {}
        kinds, counts = self.kinds, self.counts
        budget = _MAX_SCANNED
        for tier, lists in groups:
            if len(lists) == 1:
                stream: Iterator[int] = iter(lists[0])
            else:
                stream = heapq.merge(*lists, key=lambda e: -counts[e])
            for entity in islice(stream, budget):
                budget -= 1
                if entity in best or (kind is not None and kinds[entity] != kind):
                    continue
                best[entity] = tier
                if len(best) >= wanted:
                    return best
            if budget <= 0:
                break
        return best

    def _candidates(self, qwords: list[str], kind: str | None, cap: int) -> list[int]:
        """At most ``cap`` entities for the query words: those matching more words, in
        better tiers, in more cables, first. The rarest query word chooses the entities
        (a bounded number, most cited first); the other words are looked for in their
        names, never walked (a common word holds a third of the index)."""
        found = [self._word_candidates(qword) for qword in qwords]
        driver = min(range(len(qwords)), key=lambda i: found[i][1])
        wanted = _PER_WORD_ENTITIES if len(qwords) == 1 else _DRIVER_ENTITIES
        chosen = self._most_cited(found[driver][0], kind, wanted)
        counts = self.counts
        if len(qwords) == 1:
            pool = [(tier, counts[entity], entity) for entity, tier in chosen.items()]
        else:
            # Names holding only some of the words come too (a namesake): a few each.
            for index, (groups, _size) in enumerate(found):
                if index != driver:
                    for entity in self._most_cited(groups, kind, _OTHER_WORD_ENTITIES):
                        chosen.setdefault(entity, 0.0)
            folded = self.folded
            others = [(q, f" {q} ", f" {q}") for i, q in enumerate(qwords) if i != driver]
            dq = qwords[driver]
            dwhole, dstart = f" {dq} ", f" {dq}"
            pool = []
            for entity, tier in chosen.items():
                text = " " + folded[entity].replace(FORM_SEPARATOR, " ") + " "
                if tier:
                    matched, total = 1, tier
                elif dwhole in text:
                    matched, total = 1, _WORD_EXACT
                elif dstart in text:
                    matched, total = 1, _WORD_PREFIX
                else:
                    matched, total = 0, 0.0
                for qword, whole, start in others:
                    if whole in text:
                        matched, total = matched + 1, total + _WORD_EXACT
                    elif start in text:
                        matched, total = matched + 1, total + _WORD_PREFIX
                    elif qword in text:
                        matched, total = matched + 1, total + _WORD_SUBSTRING
                pool.append((matched, total, counts[entity], entity))  # type: ignore[arg-type]
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
