"""Which paragraphs of a cable a query matched, and a short highlighted excerpt of each.

The words are found again in the paragraph text, cut into tokens by the index's own
analyzer (so ``Sao`` finds ``São`` here as in the index): a plain word matches its token,
``word*`` any token it begins, ``word~N`` any token within N edits (transpositions count
one, as in tantivy), a phrase its tokens in a row. Only words searched in the text
(no field, or ``body:``) and not under a NOT are highlighted.
"""

from __future__ import annotations

from dataclasses import dataclass

import tantivy
from rapidfuzz.distance import OSA

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


class ParagraphMatcher:
    """Finds the words of one query in paragraph texts (build once per query)."""

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

    @property
    def empty(self) -> bool:
        """True if the query searches no words of the text (only fields such as tag:)."""
        return not self._patterns

    def highlights(self, text: str) -> list[Span]:
        """The spans (start, end) of every matched word in ``text``, in order."""
        if not self._patterns:
            return []
        tokens = self._analyzer.pre_tokenize(text).tokens
        words = [token.text for token in tokens]
        spans: set[Span] = set()
        for index, word in enumerate(words):
            if word in self._single:
                spans.add((tokens[index].char_offset_from, tokens[index].char_offset_to))
        for pattern in self._patterns:
            if len(pattern.tokens) == 1 and _plain(pattern):
                continue
            size = len(pattern.tokens)
            for index in range(len(words) - size + 1):
                if all(_token_matches(pattern, k, words[index + k]) for k in range(size)):
                    for k in range(size):
                        token = tokens[index + k]
                        spans.add((token.char_offset_from, token.char_offset_to))
        return sorted(spans)

    def snippets(self, paragraphs: list[tuple[int, str]]) -> list[ParagraphSnippet]:
        """A snippet of every paragraph (number, text) holding a searched word."""
        found = []
        for number, raw in paragraphs:
            text = clean_text(raw)
            spans = self.highlights(text)
            if spans:
                found.append(make_snippet(number, text, spans))
        return found


def _plain(pattern: _Pattern) -> bool:
    return not pattern.prefix and not pattern.fuzzy


def _token_matches(pattern: _Pattern, k: int, word: str) -> bool:
    wanted = pattern.tokens[k]
    last = k == len(pattern.tokens) - 1
    if last and pattern.prefix:
        return word.startswith(wanted)
    if pattern.fuzzy:
        return OSA.distance(word, wanted, score_cutoff=pattern.fuzzy) <= pattern.fuzzy
    return word == wanted


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
