"""Searching the full-text index of one store snapshot: query translation, ranking, hits.

:func:`translate` turns the syntax tree of :mod:`store.text_query` into a tantivy query:
a word without a field searches the text, the subject (weighted :data:`SUBJECT_BOOST`
times, so a cable about the words ranks above one that mentions them once) and the id;
words are cut by the index's analyzer (``U.S.`` becomes the phrase ``u s``). Results are
ranked by BM25 or by date, restricted to the snapshot's rows (see :mod:`store.text_index`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import tantivy

from store.errors import StoreError
from store.snippets import ParagraphMatcher, ParagraphSnippet, Span
from store.text_index import (
    CODE_FIELDS,
    SCHEMA,
    code_analyzer,
    open_index,
    rows_up_to,
    word_analyzer,
)
from store.text_query import And, Node, Not, Or, Phrase, QueryError, Range, Word, parse_query

Sort = Literal["relevance", "date"]
SUBJECT_BOOST = 3.0
#: The default fields of a word without a field, with their weights.
DEFAULT_FIELDS = (("body", 1.0), ("subject", SUBJECT_BOOST))

_WORDS = word_analyzer()
_CODES = code_analyzer()
_Occur = tantivy.Occur


def translate(node: Node) -> tantivy.Query:
    """The tantivy query of a syntax tree; QueryError if it searches nothing (words the
    analyzer drops entirely, such as ``¶``)."""
    query = _translate(node)
    if query is None:
        raise QueryError("the query holds no word to search for (only punctuation)")
    return query


def _translate(node: Node) -> tantivy.Query | None:
    if isinstance(node, Word):
        return _word(node)
    if isinstance(node, Phrase):
        return _phrase(node)
    if isinstance(node, Range):
        return _range(node)
    if isinstance(node, Not):
        inner = _translate(node.item)
        if inner is None:
            return None
        return tantivy.Query.boolean_query(
            [(_Occur.Must, tantivy.Query.all_query()), (_Occur.MustNot, inner)]
        )
    if isinstance(node, And):
        must: list[tantivy.Query] = []
        must_not: list[tantivy.Query] = []
        for item in node.items:
            if isinstance(item, Not):
                inner = _translate(item.item)
                if inner is not None:
                    must_not.append(inner)
            else:
                query = _translate(item)
                if query is not None:
                    must.append(query)
        if not must and not must_not:
            return None
        if not must:
            must.append(tantivy.Query.all_query())
        clauses = [(_Occur.Must, q) for q in must] + [(_Occur.MustNot, q) for q in must_not]
        return tantivy.Query.boolean_query(clauses)
    if isinstance(node, Or):
        queries = [q for q in (_translate(item) for item in node.items) if q is not None]
        if not queries:
            return None
        return tantivy.Query.boolean_query([(_Occur.Should, q) for q in queries])
    raise TypeError(f"not a query node: {node!r}")  # pragma: no cover


def _fields(field: str | None) -> tuple[tuple[str, float], ...]:
    return DEFAULT_FIELDS if field is None else ((field, 1.0),)


def _either(queries: list[tantivy.Query]) -> tantivy.Query | None:
    if not queries:
        return None
    if len(queries) == 1:
        return queries[0]
    return tantivy.Query.boolean_query([(_Occur.Should, q) for q in queries])


def _boost(query: tantivy.Query, weight: float) -> tantivy.Query:
    return query if weight == 1.0 else tantivy.Query.boost_query(query, weight)


def _word(word: Word) -> tantivy.Query | None:
    queries = []
    for field, weight in _fields(word.field):
        query = _word_in(field, word)
        if query is not None:
            queries.append(_boost(query, weight))
    if queries and word.field is None and not word.prefix and not word.fuzzy:
        tokens = _CODES.analyze(word.text)  # a cable id typed as a word finds the cable
        if tokens:
            queries.append(tantivy.Query.term_query(SCHEMA, "id", tokens[0]))
    return _either(queries)


def _word_in(field: str, word: Word) -> tantivy.Query | None:
    if field in CODE_FIELDS:
        tokens = _CODES.analyze(word.text)
        if not tokens:
            return None
        if word.prefix:
            return tantivy.Query.regex_query(SCHEMA, field, _regex_escape(tokens[0]) + ".*")
        if word.fuzzy:
            return tantivy.Query.fuzzy_term_query(SCHEMA, field, tokens[0], distance=word.fuzzy)
        return tantivy.Query.term_query(SCHEMA, field, tokens[0])
    tokens = _WORDS.analyze(word.text)
    if not tokens:
        return None
    if len(tokens) > 1:
        if word.prefix:
            return tantivy.Query.phrase_prefix_query(SCHEMA, field, tokens)
        return tantivy.Query.phrase_query(SCHEMA, field, tokens)
    if word.prefix:
        return tantivy.Query.regex_query(SCHEMA, field, _regex_escape(tokens[0]) + ".*")
    if word.fuzzy:
        return tantivy.Query.fuzzy_term_query(
            SCHEMA, field, tokens[0], distance=word.fuzzy, transposition_cost_one=True
        )
    return tantivy.Query.term_query(SCHEMA, field, tokens[0])


def _phrase(phrase: Phrase) -> tantivy.Query | None:
    queries = []
    for field, weight in _fields(phrase.field):
        analyzer = _CODES if field in CODE_FIELDS else _WORDS
        tokens = analyzer.analyze(phrase.text)
        if not tokens:
            continue
        if len(tokens) == 1:
            query = tantivy.Query.term_query(SCHEMA, field, tokens[0])
        else:
            query = tantivy.Query.phrase_query(SCHEMA, field, tokens)
        queries.append(_boost(query, weight))
    return _either(queries)


def _range(node: Range) -> tantivy.Query:
    if node.field == "year":
        low = int(node.low) if node.low else 0
        high = int(node.high) if node.high else 9999
    else:
        low = int(node.low.replace("-", "").ljust(12, "0")) if node.low else 0
        high = int(node.high.replace("-", "").ljust(12, "9")) if node.high else 10**12 - 1
    return tantivy.Query.range_query(
        SCHEMA, node.field, tantivy.FieldType.Unsigned, lower_bound=low, upper_bound=high
    )


def _regex_escape(text: str) -> str:
    return "".join("\\" + ch if not ch.isalnum() else ch for ch in text)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching cable: its header fields, score (BM25; None when sorted by date) and
    a snippet of each paragraph that holds a searched word."""

    id: str
    created: str | None
    origin: str | None
    classification: str | None
    subject: str | None
    score: float | None
    paragraphs: tuple[ParagraphSnippet, ...]

    @property
    def first_paragraph(self) -> int | None:
        """The number of the first matching paragraph (None when no word is in the text)."""
        return self.paragraphs[0].number if self.paragraphs else None


class SearchResults:
    """The cables one query matched, best (or newest) first; details load on demand.

    ``len()`` is the number of hits held (at most the limit asked); ``total`` counts every
    matching cable (in a snapshot where some cable was replaced, old versions beyond the
    hits fetched may still be counted: then it is an upper bound). ``hit(i)`` fetches the
    stored fields and snippets of hit ``i`` (cached, thread-safe), so a list shows
    thousands of hits while reading only what it draws.
    """

    def __init__(
        self,
        query: Node,
        searcher: tantivy.Searcher,
        addresses: list[tuple[float | None, tantivy.DocAddress]],
        total: int,
    ) -> None:
        self.query = query
        self.total = total
        self.searcher = searcher
        self._addresses = addresses
        self._matcher = ParagraphMatcher(query, _WORDS)
        self._hits: dict[int, SearchHit] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._addresses)

    def highlighter(self) -> Callable[[str], list[Span]]:
        """A function giving the spans of every searched word in a text (as the snippets
        highlight them: phrases, prefixes, fuzzy spellings; no word under a NOT, none of
        a field other than the text): for a reader showing a whole cable. Its own matcher,
        so it may run in another thread than the hits."""
        return ParagraphMatcher(self.query, _WORDS).highlights

    def hit(self, index: int) -> SearchHit:
        """Hit ``index`` with its snippets (IndexError past the end)."""
        with self._lock:
            cached = self._hits.get(index)
            if cached is not None:
                return cached
            score, address = self._addresses[index]
            doc = self.searcher.doc(address).to_dict()
            found = _hit_from_doc(doc, score, self._matcher)
            self._hits[index] = found
            return found

    def hits(self, start: int = 0, stop: int | None = None) -> list[SearchHit]:
        """Hits ``start`` to ``stop`` (all by default)."""
        stop = len(self) if stop is None else min(stop, len(self))
        return [self.hit(i) for i in range(start, stop)]


def _first(doc: dict[str, list[object]], field: str) -> str | None:
    values = doc.get(field)
    if not values:
        return None
    value = values[0]
    return str(value) if value not in ("", None) else None


def _hit_from_doc(
    doc: dict[str, list[object]], score: float | None, matcher: ParagraphMatcher
) -> SearchHit:
    texts = [str(t) for t in doc.get("body", ())]
    numbers = [int(n) for n in doc.get("pnum", ())]  # type: ignore[call-overload]
    paragraphs = tuple(matcher.snippets(list(zip(numbers, texts, strict=False))))
    return SearchHit(
        id=str(doc["id"][0]),
        created=_first(doc, "created"),
        origin=_first(doc, "origin"),
        classification=_first(doc, "class"),
        subject=_first(doc, "subject"),
        score=score,
        paragraphs=paragraphs,
    )


class TextSearcher:
    """Full-text search over one store snapshot (see :meth:`store.store.CableStore.text`).

    ``segments`` and ``superseded`` come from the snapshot's manifest; ``live_rows``
    gives the rows of the snapshot's current cables, needed only when some cable was
    replaced (``superseded``), to drop hits on its old versions.
    """

    def __init__(
        self,
        path: Path,
        segments: int,
        superseded: bool,
        live_rows: Callable[[], set[int]],
    ) -> None:
        self.path = path
        self.segments = segments
        self.superseded = superseded
        self._live_rows = live_rows
        try:
            if path.exists():
                self._index = open_index(path)
            else:  # an empty store, before its first import: an empty index in memory
                self._index = tantivy.Index(SCHEMA)
            self._index.config_reader("manual")
            self.searcher = self._index.searcher()
        except ValueError as error:
            raise StoreError(f"cannot open the full-text index in {path}: {error}") from None
        self._snapshot = rows_up_to(SCHEMA, segments)

    @property
    def documents(self) -> int:
        """Documents in the index (every version of every cable, and none of another
        snapshot filtered out): for statistics."""
        return int(self.searcher.num_docs)

    def search(
        self, query: str | Node, *, sort: Sort = "relevance", limit: int = 20
    ) -> SearchResults:
        """The cables matching ``query`` (a line of the query language, or its syntax
        tree), at most ``limit``; QueryError if the line is malformed."""
        node = parse_query(query) if isinstance(query, str) else query
        matched = tantivy.Query.boolean_query(
            [(_Occur.Must, translate(node)), (_Occur.Must, self._const(self._snapshot))]
        )
        limit = max(0, limit)
        addresses: list[tuple[float | None, tantivy.DocAddress]] = []
        total = 0
        offset = 0
        live = self._live_rows() if self.superseded else None
        batch = max(limit, 10)
        while True:
            result = self._run(matched, sort, batch, offset)
            if offset == 0:
                total = int(result.count or 0)
            hits = result.hits
            if live is not None and hits:
                rows = self.searcher.fast_field_values("row", [a for _, a in hits])
                kept = [h for h, row in zip(hits, rows, strict=True) if row in live]
                if offset == 0:
                    total -= len(hits) - len(kept)
                hits_kept = kept
            else:
                hits_kept = hits
            for value, address in hits_kept:
                addresses.append((float(value) if sort == "relevance" else None, address))
            offset += len(hits)
            if live is None or len(addresses) >= limit or len(hits) < batch:
                break
            batch *= 2
        return SearchResults(node, self.searcher, addresses[:limit], max(total, len(addresses)))

    @staticmethod
    def _const(query: tantivy.Query) -> tantivy.Query:
        return tantivy.Query.const_score_query(query, 0.0)

    def _run(
        self, query: tantivy.Query, sort: Sort, limit: int, offset: int
    ) -> tantivy.SearchResult:
        if limit == 0:
            return self.searcher.search(query, limit=1, count=True)
        if sort == "date":
            return self.searcher.search(
                query,
                limit=limit,
                offset=offset,
                count=offset == 0,
                order_by_field="date",
                order=tantivy.Order.Desc,
            )
        return self.searcher.search(query, limit=limit, offset=offset, count=offset == 0)
