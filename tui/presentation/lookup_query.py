"""fzf's query habits for the lookup: ``'exact``, ``^prefix``, ``suffix$``, ``!not``.

A query is split on spaces into terms. A plain term is searched loosely (the entity index's
ranking: prefixes, typos, transliterations); the others are conditions a name must meet:

- ``'word``   the name holds ``word`` as it is typed (a substring, not a typo of it);
- ``^word``   the name starts with ``word``;
- ``word$``   the name ends with ``word``;
- ``!word``   the name does not hold ``word`` (``!^word`` and ``!word$`` too).

Conditions compare folded text (lower-case ASCII, :func:`cables.names.fold`) and hold when the
canonical name or any of its forms meets them. Pure Python: no Textual here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from cables.names import fold

__all__ = ["LookupQuery", "Term", "TermKind", "parse_query"]


class TermKind(Enum):
    """How a term of the query must match."""

    FUZZY = "fuzzy"
    EXACT = "exact"
    PREFIX = "prefix"
    SUFFIX = "suffix"


@dataclass(frozen=True, slots=True)
class Term:
    """One term: its folded text, how it matches, and whether it is negated (``!``)."""

    text: str
    kind: TermKind
    negated: bool = False

    def holds_for(self, folded_name: str) -> bool:
        """Whether this term (ignoring negation) matches one folded name."""
        if self.kind is TermKind.PREFIX:
            return folded_name.startswith(self.text)
        if self.kind is TermKind.SUFFIX:
            return folded_name.endswith(self.text)
        return self.text in folded_name


@dataclass(frozen=True, slots=True)
class LookupQuery:
    """A parsed query: the terms, and what to ask the entity index."""

    raw: str
    terms: tuple[Term, ...]

    @property
    def search_text(self) -> str:
        """The words handed to the index's ranking (every term that is not negated)."""
        return " ".join(t.text for t in self.terms if not t.negated)

    @property
    def conditions(self) -> tuple[Term, ...]:
        """The terms that filter the index's candidates (all but the plain ones)."""
        return tuple(t for t in self.terms if t.negated or t.kind is not TermKind.FUZZY)

    @property
    def highlight_words(self) -> tuple[str, ...]:
        """The words to highlight in a matching name."""
        return tuple(t.text for t in self.terms if not t.negated)

    def accepts(self, names: Iterable[str]) -> bool:
        """Whether an entity with these names (canonical name and forms) meets every
        condition: a positive one by at least one name, a negated one by none."""
        folded = [fold(name) for name in names]
        for term in self.conditions:
            held = any(term.holds_for(name) for name in folded)
            if held == term.negated:
                return False
        return True


def _term(token: str) -> Term | None:
    negated = token.startswith("!")
    if negated:
        token = token[1:]
    kind = TermKind.FUZZY
    if token.startswith("'"):
        kind, token = TermKind.EXACT, token[1:]
    elif token.startswith("^"):
        kind, token = TermKind.PREFIX, token[1:]
    elif token.endswith("$"):
        kind, token = TermKind.SUFFIX, token[:-1]
    if negated and kind is TermKind.FUZZY:
        kind = TermKind.EXACT  # fzf: "!word" excludes names holding the word exactly
    text = fold(token).strip()
    if not text:
        return None
    return Term(text, kind, negated)


def parse_query(raw: str) -> LookupQuery:
    """The terms of ``raw`` (empty terms such as a lone ``^`` or ``!`` are dropped)."""
    terms = tuple(term for token in raw.split() if (term := _term(token)) is not None)
    return LookupQuery(raw, terms)
