"""The query language of `cables search`: what each piece of syntax parses to, and the one
plain line a malformed query gets (store/text_query.py, pure Python)."""

from __future__ import annotations

import pytest

from store.text_query import (
    And,
    Not,
    Or,
    Phrase,
    QueryError,
    Range,
    Word,
    parse_query,
    positive_terms,
)


def test_words_side_by_side_must_all_match() -> None:
    assert parse_query("human rights") == And((Word("human"), Word("rights")))


def test_a_quoted_phrase_is_one_phrase_with_its_spaces_normalised() -> None:
    assert parse_query('"human   rights" bureau') == And((Phrase("human rights"), Word("bureau")))


def test_or_binds_looser_than_and_and_parentheses_group() -> None:
    assert parse_query("a b OR c") == Or((And((Word("a"), Word("b"))), Word("c")))
    assert parse_query("a (b OR c)") == And((Word("a"), Or((Word("b"), Word("c")))))
    assert parse_query("a AND b") == And((Word("a"), Word("b")))


def test_not_and_a_leading_minus_both_negate_but_a_minus_inside_a_word_does_not() -> None:
    assert parse_query("tashkent NOT uzbek") == And((Word("tashkent"), Not(Word("uzbek"))))
    assert parse_query("tashkent -uzbek") == And((Word("tashkent"), Not(Word("uzbek"))))
    assert parse_query("PT-Sao") == Word("PT-Sao")


def test_prefix_and_fuzzy_suffixes_are_read() -> None:
    assert parse_query("narymb*") == Word("narymb", prefix=True)
    assert parse_query("hobdabergenova~1") == Word("hobdabergenova", fuzzy=1)
    assert parse_query("hobdabergenova~") == Word("hobdabergenova", fuzzy=1)
    assert parse_query("khobdabergenova~2") == Word("khobdabergenova", fuzzy=2)


def test_fields_name_what_they_search_with_aliases() -> None:
    assert parse_query("tag:PTER") == Word("PTER", "tag")
    assert parse_query("classification:secret") == Word("secret", "class")
    assert parse_query('origin:"embassy astana"') == Phrase("embassy astana", "origin")
    assert parse_query("person:narymbetov") == Word("narymbetov", "person")


def test_year_and_date_take_values_and_ranges_open_on_either_side() -> None:
    assert parse_query("year:2008") == Range("year", "2008", "2008")
    assert parse_query("year:2008..2009") == Range("year", "2008", "2009")
    assert parse_query("year:..2009") == Range("year", None, "2009")
    assert parse_query("date:2008-03..2008-06-30") == Range("date", "2008-03", "2008-06-30")


def test_positive_terms_leave_out_what_is_negated() -> None:
    node = parse_query('human -rights ("civil society" OR NOT ngo) tag:PHUM')
    assert positive_terms(node) == [Word("human"), Phrase("civil society"), Word("PHUM", "tag")]


@pytest.mark.parametrize(
    ("query", "column", "words"),
    [
        ('"human rights', 1, "never closed"),
        ("(a OR b", 1, "never closed"),
        ("a b)", 4, "closes no ("),
        ("a AND", 3, "AND needs a word after it"),
        ("OR a", 1, "OR needs a word before it"),
        ("a OR OR b", 3, "OR needs a word after it"),
        ("colour:red", 1, "unknown field colour:"),
        ("tag:", 1, "needs a value"),
        ("year:08", 1, "not a year"),
        ("year:2009..2008", 1, "ends before it starts"),
        ("date:2008-13", 1, "not a date"),
        ("a*b", 2, "may only end a word"),
        ("n*", 1, "at least 2 characters"),
        ("word~3", 5, "number of edits"),
        ("()", 1, "hold nothing"),
        ('""', 1, "phrase is empty"),
    ],
)
def test_a_malformed_query_says_in_one_line_where_it_is_wrong(
    query: str, column: int, words: str
) -> None:
    with pytest.raises(QueryError) as raised:
        parse_query(query)
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith(f"malformed query at column {column}: ")
    assert words in message


def test_an_empty_query_is_refused() -> None:
    with pytest.raises(QueryError, match="empty"):
        parse_query("   ")
