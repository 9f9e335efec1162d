"""The full-text query language of ``cables search``, parsed into a small syntax tree.

Pure Python (no search engine here): :func:`parse_query` turns a line such as
``"human rights" tag:PHUM -Tashkent year:2008..2009 narymbet*`` into nodes that
:mod:`store.text_search` translates for the index and :mod:`store.snippets` uses to
highlight the words a cable matched.

Syntax:

- words: every word must match (``AND`` between words is implied);
- ``"exact phrase"``;
- ``a OR b``, ``a AND b``, ``NOT a`` or ``-a`` (operators in capitals), ``( ... )``;
- ``word*`` (prefix, at least two letters before the star), ``word~`` or ``word~2``
  (fuzzy: at most one or two edits);
- fields: ``tag:PTER``, ``origin:astana``, ``class:secret``, ``subject:...``,
  ``id:08ASTANA611``, ``person:...``, ``place:...``, ``group:...``, ``body:...``,
  ``year:2008``, ``year:2008..2009`` (``2008..`` and ``..2009`` too), ``date:2008-03``,
  ``date:2008-03-01..2008-06-30``.

A malformed query raises :class:`QueryError`, whose message is one line saying where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Field names a query may use, and the index field each one searches.
FIELD_ALIASES: dict[str, str] = {
    "tag": "tag",
    "tags": "tag",
    "origin": "origin",
    "from": "origin",
    "class": "class",
    "classification": "class",
    "subject": "subject",
    "id": "id",
    "person": "person",
    "people": "person",
    "place": "place",
    "group": "group",
    "body": "body",
    "text": "body",
    "year": "year",
    "date": "date",
}
#: Fields whose values are numbers or dates (ranges allowed), not words.
RANGE_FIELDS = frozenset({"year", "date"})
MAX_FUZZY = 2
MIN_PREFIX = 2


class QueryError(ValueError):
    """A malformed query: ``str(error)`` is one plain line saying what and where
    (``column`` is 1-based, or None when the whole query is at fault)."""

    def __init__(self, reason: str, column: int | None = None) -> None:
        self.reason = reason
        self.column = column
        where = f" at column {column}" if column is not None else ""
        super().__init__(f"malformed query{where}: {reason}")


@dataclass(frozen=True, slots=True)
class Word:
    """One word as typed; ``field`` None searches the default fields (text and subject).

    ``prefix`` for ``word*``; ``fuzzy`` the edits allowed for ``word~N`` (0: exact).
    """

    text: str
    field: str | None = None
    prefix: bool = False
    fuzzy: int = 0


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words that must appear together and in this order (``"..."``)."""

    text: str
    field: str | None = None


@dataclass(frozen=True, slots=True)
class Range:
    """``year:`` or ``date:`` between two bounds (inclusive; None is open).

    Bounds are normalised: years as ``YYYY``, dates as ``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``.
    """

    field: str
    low: str | None
    high: str | None


@dataclass(frozen=True, slots=True)
class And:
    """Every item must match."""

    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    """At least one item must match."""

    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    """The item must not match."""

    item: Node


Node = Word | Phrase | Range | And | Or | Not

_OPERATORS = {"AND", "OR", "NOT"}
_FIELD = re.compile(r"([A-Za-z]+):(.*)", re.S)
_WORD_END = re.compile(r"[\s()\"]")
_YEAR = re.compile(r"\d{4}")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "(", ")", "AND", "OR", "NOT", "TERM"
    column: int
    node: Node | None = None


def parse_query(text: str) -> Node:
    """The syntax tree of a query line; raises QueryError if it is malformed or empty."""
    tokens = _tokenize(text)
    if not tokens:
        raise QueryError("the query is empty: type words to search for")
    parser = _Parser(tokens)
    node = parser.parse_or()
    if parser.position < len(tokens):
        token = tokens[parser.position]
        if token.kind == ")":
            raise QueryError("this ) closes no (", token.column)
        raise QueryError(f"unexpected {token.kind}", token.column)  # pragma: no cover
    return node


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        column = i + 1
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append(_Token(char, column))
            i += 1
        elif char == '"':
            end = text.find('"', i + 1)
            if end < 0:
                raise QueryError('this " opens a phrase that is never closed', column)
            tokens.append(_Token("TERM", column, _phrase(text[i + 1 : end], None, column)))
            i = end + 1
        elif char in "-+" and i + 1 < n and not text[i + 1].isspace() and text[i + 1] not in ")":
            if char == "-":
                tokens.append(_Token("NOT", column))
            i += 1
        else:
            match = _WORD_END.search(text, i)
            end = match.start() if match else n
            chunk = text[i:end]
            if chunk in _OPERATORS:
                tokens.append(_Token(chunk, column))
                i = end
                continue
            field_match = _FIELD.fullmatch(chunk)
            if field_match and field_match.group(1).lower() not in FIELD_ALIASES:
                known = ", ".join(sorted(set(FIELD_ALIASES.values())))
                raise QueryError(f"unknown field {field_match.group(1)}: (fields: {known})", column)
            if field_match:
                field = FIELD_ALIASES[field_match.group(1).lower()]
                value = field_match.group(2)
                if not value and end < n and text[end] == '"':
                    close = text.find('"', end + 1)
                    if close < 0:
                        raise QueryError('this " opens a phrase that is never closed', end + 1)
                    node = _field_phrase(field, text[end + 1 : close], column)
                    tokens.append(_Token("TERM", column, node))
                    i = close + 1
                    continue
                if not value:
                    raise QueryError(f"the field {field_match.group(1)}: needs a value", column)
                tokens.append(_Token("TERM", column, _field_value(field, value, column)))
            else:
                tokens.append(_Token("TERM", column, _word(chunk, None, column)))
            i = end
    return tokens


def _phrase(text: str, field: str | None, column: int) -> Phrase:
    if not text.strip():
        raise QueryError("the phrase is empty", column)
    return Phrase(" ".join(text.split()), field)


def _field_phrase(field: str, text: str, column: int) -> Node:
    if field in RANGE_FIELDS:
        return _range(field, text.strip(), column)
    return _phrase(text, field, column)


def _field_value(field: str, value: str, column: int) -> Node:
    if field in RANGE_FIELDS:
        return _range(field, value, column)
    return _word(value, field, column)


def _word(chunk: str, field: str | None, column: int) -> Word:
    """A word with its ``*`` or ``~N`` suffix read and checked."""
    text, fuzzy, prefix = chunk, 0, False
    tilde = chunk.find("~")
    if tilde >= 0:
        text, distance = chunk[:tilde], chunk[tilde + 1 :]
        if distance == "":
            fuzzy = 1
        elif distance.isdigit() and 0 <= int(distance) <= MAX_FUZZY:
            fuzzy = int(distance)
        else:
            raise QueryError(
                f"{chunk}: after ~ comes the number of edits allowed, 1 or {MAX_FUZZY}",
                column + tilde,
            )
        if not text:
            raise QueryError("~ must follow a word, as in tashkent~1", column)
    if "*" in text:
        star = text.find("*")
        if star != len(text) - 1:
            raise QueryError(f"{chunk}: * may only end a word, as in narym*", column + star)
        if fuzzy:
            raise QueryError(f"{chunk}: a word cannot be both a prefix (*) and fuzzy (~)", column)
        text, prefix = text[:-1], True
        if len(text) < MIN_PREFIX:
            raise QueryError(
                f"{chunk}: a prefix needs at least {MIN_PREFIX} characters before *", column
            )
    return Word(text, field, prefix, fuzzy)


def _range(field: str, value: str, column: int) -> Range:
    """``year:`` / ``date:`` values: one value, or ``low..high`` with either side open."""
    pattern = _YEAR if field == "year" else _DATE
    example = "2008 or 2008..2009" if field == "year" else "2008-03, 2008-03-21 or 2008..2009-06"
    low, sep, high = value.partition("..")
    if not sep:
        high = low
    bounds: list[str | None] = []
    for bound in (low, high):
        bound = bound.strip()
        if not bound:
            bounds.append(None)
        elif pattern.fullmatch(bound) and _valid_date(bound):
            bounds.append(bound)
        else:
            raise QueryError(f"{field}:{value} is not a {field} such as {example}", column)
    if bounds[0] is None and bounds[1] is None:
        raise QueryError(f"{field}:{value} is not a {field} such as {example}", column)
    if bounds[0] is not None and bounds[1] is not None and _key(bounds[0]) > _key(bounds[1]):
        raise QueryError(f"{field}:{value}: the range ends before it starts", column)
    return Range(field, bounds[0], bounds[1])


def _valid_date(value: str) -> bool:
    parts = value.split("-")
    if len(parts) > 1 and not 1 <= int(parts[1]) <= 12:
        return False
    return not (len(parts) > 2 and not 1 <= int(parts[2]) <= 31)


def _key(value: str) -> str:
    return value.replace("-", "")


class _Parser:
    """Recursive descent over the tokens: OR binds loosest, then AND (said or implied),
    then NOT / ``-``."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.position = 0

    def _peek(self) -> _Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def parse_or(self) -> Node:
        items = [self.parse_and()]
        while (token := self._peek()) is not None and token.kind == "OR":
            self.position += 1
            self._expect_operand(token)
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_and(self) -> Node:
        items = [self.parse_unary()]
        while (token := self._peek()) is not None and token.kind not in (")", "OR"):
            if token.kind == "AND":
                self.position += 1
                self._expect_operand(token)
            items.append(self.parse_unary())
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_unary(self) -> Node:
        token = self._peek()
        if token is None:  # pragma: no cover - callers check first
            raise QueryError("the query ends where a word was expected")
        if token.kind == "NOT":
            self.position += 1
            self._expect_operand(token)
            return Not(self.parse_unary())
        return self.parse_primary()

    def parse_primary(self) -> Node:
        token = self._peek()
        assert token is not None
        if token.kind == "(":
            self.position += 1
            inner = self._peek()
            if inner is None:
                raise QueryError("this ( is never closed", token.column)
            if inner.kind == ")":
                raise QueryError("the parentheses hold nothing", token.column)
            node = self.parse_or()
            close = self._peek()
            if close is None or close.kind != ")":
                raise QueryError("this ( is never closed", token.column)
            self.position += 1
            return node
        if token.kind == "TERM":
            self.position += 1
            assert token.node is not None
            return token.node
        if token.kind == ")":
            raise QueryError("this ) closes no (", token.column)
        raise QueryError(f"{token.kind} needs a word before it", token.column)

    def _expect_operand(self, operator: _Token) -> None:
        following = self._peek()
        if following is None or following.kind in (")", "AND", "OR"):
            raise QueryError(f"{operator.kind} needs a word after it", operator.column)


def positive_terms(node: Node) -> list[Word | Phrase]:
    """The words and phrases a matching cable may contain (those not under a NOT), in
    query order: what snippets highlight."""
    found: list[Word | Phrase] = []

    def walk(item: Node, negated: bool) -> None:
        if isinstance(item, Word | Phrase):
            if not negated:
                found.append(item)
        elif isinstance(item, And | Or):
            for child in item.items:
                walk(child, negated)
        elif isinstance(item, Not):
            walk(item.item, not negated)

    walk(node, False)
    return found
