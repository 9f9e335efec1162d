"""Which paragraphs of a cable a query matched, and a short highlighted excerpt of each.

The words are found again in the paragraph text, cut into tokens by the index's own
analyzer (so ``Sao`` finds ``São`` here as in the index): a plain word matches its token,
``word*`` any token it begins, ``word~N`` any token within N edits (transpositions count
one, as in tantivy), a phrase its tokens in a row. Only words searched in the text
(no field, or ``body:``) and not under a NOT are highlighted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import tantivy
from rapidfuzz.distance import OSA
from rapidfuzz.process import extract

from cables.sanitize import clean_text
from store.text_index import word_analyzer
from store.text_query import Node, Phrase, Word, positive_terms

#: Characters of a snippet around its first highlighted word.
SNIPPET_WIDTH = 220
#: Characters shown before the first highlighted word.
SNIPPET_LEAD = 60
ELLIPSIS = "…"

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class ParagraphSnippet:
    """An excerpt of one matching paragraph: its number, the excerpt (one line, cleaned of
    control characters) and the spans of the highlighted words in it (start, end)."""

    number: int
    text: str
    highlights: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class _Pattern:
    """One searched word or phrase as tokens; ``prefix`` applies to the last token."""

    tokens: tuple[str, ...]
    prefix: bool = False
    fuzzy: int = 0


#: A token of the index's word analyzer: a run of letters and digits (its offsets here).
_TOKEN = re.compile(r"[^\W_]+")
#: Tokens longer than this (in UTF-8 bytes) are dropped by the analyzer.
_LONGEST = 40


class ParagraphMatcher:
    """Finds the words of one query in paragraph texts (build once per query).

    Tokens are cut with a regular expression equal to the analyzer's tokenizer (runs of
    letters and digits), lower-cased, and folded to ASCII by the analyzer itself when
    they are not ASCII; a paragraph is tokenized only if a cheap substring test says it
    may hold a searched word (for fuzzy words: a test of its distinct words).
    """

    def __init__(self, query: Node, analyzer: tantivy.TextAnalyzer | None = None) -> None:
        self._analyzer = analyzer or word_analyzer()
        self._patterns: list[_Pattern] = []
        for term in positive_terms(query):
            if term.field not in (None, "body"):
                continue
            tokens = tuple(self._analyzer.analyze(term.text))
            if not tokens:
                continue
            if isinstance(term, Phrase):
                self._patterns.append(_Pattern(tokens))
            elif isinstance(term, Word):
                fuzzy = term.fuzzy if len(tokens) == 1 else 0
                self._patterns.append(_Pattern(tokens, term.prefix, fuzzy))
        self._single = {p.tokens[0] for p in self._patterns if len(p.tokens) == 1 and _plain(p)}
        self._needles = [p.tokens[0] for p in self._patterns if not p.fuzzy]
        self._prefixes = tuple(
            p.tokens[0] for p in self._patterns if len(p.tokens) == 1 and p.prefix
        )
        self._phrases = [p for p in self._patterns if len(p.tokens) > 1]
        self._fuzzy = [p for p in self._patterns if p.fuzzy]
        self._fuzzy_known: set[str] = set()  # words already measured against fuzzy words
        self._fuzzy_near: set[str] = set()  # those within reach of one of them
        self._ascii_finder = _ascii_finder(self._patterns)

    @property
    def empty(self) -> bool:
        """True if the query searches no words of the text (only fields such as tag:)."""
        return not self._patterns

    def _may_match(self, text: str, needles: list[str] | None = None) -> bool:
        """A cheap test: False only if ``text`` surely holds no searched word. ``needles``
        are the substrings to look for (default: those of the words, plus, for fuzzy
        words, the words of ``text`` near one of them)."""
        if not text.isascii():
            return True
        lowered = text.lower()
        if needles is not None:
            return any(needle in lowered for needle in needles)
        if self._fuzzy:  # measured even when a needle is there: highlighting needs them
            words = _words_of(lowered)
            self._measure(words)
            if not words.isdisjoint(self._fuzzy_near):
                return True
        return any(needle in lowered for needle in self._needles)

    def _measure(self, words: set[str]) -> None:
        """Sort words not seen yet into near / not near the fuzzy words (in one C call per
        fuzzy word: rapidfuzz's extract)."""
        new = list(words - self._fuzzy_known)
        if not new:
            return
        self._fuzzy_known.update(new)
        for pattern in self._fuzzy:
            near = extract(
                pattern.tokens[0], new, scorer=OSA.distance, score_cutoff=pattern.fuzzy, limit=None
            )
            self._fuzzy_near.update(word for word, _distance, _index in near)

    def _tokens(self, text: str) -> list[tuple[str, int, int]]:
        """(folded token, start, end) of every token of ``text``, as the analyzer cuts."""
        found = []
        analyze = self._analyzer.analyze
        for match in _TOKEN.finditer(text):
            word = match.group()
            if word.isascii():
                if len(word) > _LONGEST:
                    continue
                folded = word.lower()
            else:
                if len(word.encode()) > _LONGEST:
                    continue
                parts = analyze(word)
                if not parts:
                    continue
                folded = "".join(parts)
            found.append((folded, match.start(), match.end()))
        return found

    def highlights(self, text: str, needles: list[str] | None = None) -> list[Span]:
        """The spans (start, end) of every matched word in ``text``, in order (``needles``:
        see :meth:`_may_match`)."""
        if not self._patterns or not self._may_match(text, needles):
            return []
        if text.isascii() and self._ascii_finder is not None:
            return self._ascii_highlights(text)
        return self._token_highlights(text)

    def _ascii_highlights(self, text: str) -> list[Span]:
        """:meth:`highlights` of an ASCII text by one regular expression (in C) rather than
        token by token: for ASCII, lower case is the whole folding, and a token is a run
        of letters and digits, so a searched word is a match not touching another one."""
        finder = self._ascii_finder
        assert finder is not None
        spans: set[Span] = set()
        near = self._fuzzy_near
        for match in finder.finditer(text):
            if match.lastgroup == "word":
                spans.add(match.span())
            elif match.lastgroup == "phrase":
                base = match.start()
                spans.update(
                    (base + t.start(), base + t.end()) for t in _TOKEN.finditer(match.group())
                )
            elif match.group().lower() in near:  # a token, kept only if near a fuzzy word
                spans.add(match.span())
        return sorted(spans)

    def _token_highlights(self, text: str) -> list[Span]:
        tokens = self._tokens(text)
        spans: set[Span] = set()
        single, prefixes, near = self._single, self._prefixes, self._fuzzy_near
        for word, start, end in tokens:
            if word in single or word in near or (prefixes and word.startswith(prefixes)):
                spans.add((start, end))
        if self._phrases:
            words = [token[0] for token in tokens]
            for pattern in self._phrases:
                size = len(pattern.tokens)
                first = pattern.tokens[0]
                for index in range(len(words) - size + 1):
                    if words[index] != first:
                        continue
                    if all(self._token_matches(pattern, k, words[index + k]) for k in range(size)):
                        spans.update(tokens[index + k][1:] for k in range(size))
        return sorted(spans)

    def _token_matches(self, pattern: _Pattern, k: int, word: str) -> bool:
        wanted = pattern.tokens[k]
        if k == len(pattern.tokens) - 1 and pattern.prefix:
            return word.startswith(wanted)
        if pattern.fuzzy:
            if word not in self._fuzzy_known:
                self._measure({word})
            return (
                word in self._fuzzy_near
                and OSA.distance(word, wanted, score_cutoff=pattern.fuzzy) <= pattern.fuzzy
            )
        return word == wanted

    def snippets(self, paragraphs: list[tuple[int, str]]) -> list[ParagraphSnippet]:
        """A snippet of every paragraph (number, text) holding a searched word."""
        if not self._patterns:
            return []
        needles = self._needles
        if self._fuzzy:  # the words of the whole cable measured at once, not per paragraph
            texts = (raw if raw.isascii() else clean_text(raw) for _, raw in paragraphs)
            words = _words_of("\n".join(texts).lower())
            self._measure(words)
            needles = needles + sorted(words & self._fuzzy_near)
        found = []
        for number, raw in paragraphs:
            # tested before cleaning: cleaning ASCII text only turns controls into pictures
            # and CR LF into LF, so it cannot make a searched word appear
            if not self._may_match(raw, needles):
                continue
            text = clean_text(raw)
            spans = self.highlights(text, needles)
            if spans:
                found.append(make_snippet(number, text, spans))
        return found


#: ASCII characters that are not letters or digits, made spaces: cutting an ASCII text
#: into tokens by ``translate`` and ``split``, three times faster than a regular expression.
_ASCII_SEPARATORS = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})


def _words_of(text: str) -> set[str]:
    """The distinct tokens of ``text`` (not folded: give it lower-cased)."""
    if text.isascii():
        return set(text.translate(_ASCII_SEPARATORS).split())
    return set(_TOKEN.findall(text))


#: A word's edges: not next to another letter or digit (a token boundary).
_BEFORE = r"(?<![^\W_])"
_AFTER = r"(?![^\W_])"


def _ascii_finder(patterns: list[_Pattern]) -> re.Pattern[str] | None:
    """One case-insensitive expression finding every pattern in an ASCII text: group
    ``word`` a plain or prefix word, ``phrase`` a phrase (its tokens found again inside),
    ``token`` any token when fuzzy words are searched (checked against the near words).
    None when some searched token is not ASCII (then the text cannot hold it)."""
    words: list[str] = []
    phrases: list[str] = []
    fuzzy = False
    for pattern in patterns:
        if not all(token.isascii() for token in pattern.tokens):
            return None
        if pattern.fuzzy:
            fuzzy = True
            continue
        parts = [re.escape(token) for token in pattern.tokens]
        if pattern.prefix:
            parts[-1] += r"[^\W_]*"
        if len(parts) == 1:
            words.append(parts[0])
        else:
            phrases.append(r"[\W_]+".join(parts))
    groups = []
    if phrases:
        groups.append(f"(?P<phrase>{_BEFORE}(?:{'|'.join(phrases)}){_AFTER})")
    if words:
        groups.append(f"(?P<word>{_BEFORE}(?:{'|'.join(words)}){_AFTER})")
    if fuzzy:
        groups.append(r"(?P<token>[^\W_]+)")
    if not groups:
        return None
    return re.compile("|".join(groups), re.IGNORECASE)


def _plain(pattern: _Pattern) -> bool:
    return not pattern.prefix and not pattern.fuzzy


def make_snippet(number: int, text: str, spans: list[Span]) -> ParagraphSnippet:
    """An excerpt of ``text`` of about SNIPPET_WIDTH characters from a little before the
    first span, cut at spaces, on one line, with ``…`` where text was left out."""
    first = spans[0][0]
    start = 0
    if first > SNIPPET_LEAD:
        start = text.rfind(" ", 0, first - SNIPPET_LEAD) + 1
        if first - start > SNIPPET_LEAD * 2:
            start = first - SNIPPET_LEAD
    end = len(text)
    if end - start > SNIPPET_WIDTH:
        cut = text.find(" ", start + SNIPPET_WIDTH)
        end = cut if 0 <= cut < start + SNIPPET_WIDTH + 40 else start + SNIPPET_WIDTH
        end = max(end, spans[0][1])
    excerpt = " ".join(text[start:end].replace("\t", " ").split("\n"))
    lead = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(text) else ""
    shift = len(lead) - start
    kept = tuple((s + shift, e + shift) for s, e in spans if s >= start and e <= end)
    return ParagraphSnippet(number, lead + excerpt + tail, kept)
