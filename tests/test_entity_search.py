"""Ranking of ``find``: tiers (exact, prefix, word start, substring, fuzzy), ties by the
number of cables, multi-word queries in any order, spelling variants and typos."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.entity_lookup import EntityIndex
from store.entity_search import query_problem
from store.store import CableStore
from tests.entity_support import entity_cable, write_cables


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> EntityIndex:
    directory: Path = tmp_path_factory.mktemp("store")
    cables = [
        entity_cable(1, people=(("Rayhan Khobdabergenova", ("Hobdabergenova",), (6, 9)),)),
        entity_cable(2, people=(("Bahadyr Narymbetov", (), (3,)),)),
        *[entity_cable(n, people=(("Erlan Narymbetov", (), (1,)),)) for n in range(3, 6)],
        *[entity_cable(n, places=(("Astana", (), (1,)),)) for n in range(6, 10)],
        entity_cable(10, places=(("Astrakhan", (), (1,)),)),
        entity_cable(11, groups=(("Ministry of Justice", (), (2,)),)),
        entity_cable(12, people=(("Justin Castana", (), (2,)),)),
    ]
    write_cables(directory, cables)
    return CableStore.open(directory).entity_index()


def _names(index: EntityIndex, query: str, kind: str | None = None) -> list[str]:
    return [hit.entity.name for hit in index.find(query, kind=kind)]


def test_a_multi_word_query_ranks_the_person_with_every_word_above_a_namesake(
    index: EntityIndex,
) -> None:
    names = _names(index, "bahadyr narymbetov")
    assert names[0] == "Bahadyr Narymbetov"
    assert "Erlan Narymbetov" in names[1:]
    assert _names(index, "narymbetov bahadyr")[0] == "Bahadyr Narymbetov"


def test_within_a_tier_the_entity_in_more_cables_comes_first(index: EntityIndex) -> None:
    assert _names(index, "narymbetov")[:2] == ["Erlan Narymbetov", "Bahadyr Narymbetov"]


def test_prefix_beats_word_start_which_beats_substring(index: EntityIndex) -> None:
    names = _names(index, "ast")
    assert names[:2] == ["Astana", "Astrakhan"]  # prefixes, more cables first
    assert names.index("Justin Castana") > 1  # a substring only
    assert _names(index, "just") == ["Justin Castana", "Ministry of Justice"]


def test_an_exact_name_scores_100_and_a_prefix_less(index: EntityIndex) -> None:
    assert index.find("Astana")[0].score == 100.0
    assert 90 <= index.find("asta")[0].score < 100


def test_spelling_variants_and_typos_find_the_name(index: EntityIndex) -> None:
    for query in ("hobdaberg", "khobdabergenowa", "Khobdabergenova", "hobdabergenova"):
        assert _names(index, query)[0] == "Rayhan Khobdabergenova", query
    assert _names(index, "narymbatov")[0].endswith("Narymbetov")
    assert _names(index, "Хобдабергенова")[0] == "Rayhan Khobdabergenova"


def test_kind_restricts_the_hits(index: EntityIndex) -> None:
    assert _names(index, "ast", kind="person") == ["Justin Castana"]
    assert _names(index, "justice", kind="group") == ["Ministry of Justice"]


def test_a_query_without_a_match_finds_nothing(index: EntityIndex) -> None:
    assert index.find("qqqqzzz") == []
    assert index.find("!!!") == []


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("", "the query is empty"),
        ("   ", "the query is empty"),
        ("a" * 10_000, "the query is too long (10,000 characters; at most 200)"),
        ("ab\x1b]0;x\x07", "the query holds control characters"),
        ("---", "the query holds no letter or digit"),
        ("Astana", None),
    ],
)
def test_bad_queries_are_named_in_one_sentence(query: str, problem: str | None) -> None:
    assert query_problem(query) == problem


def test_a_very_long_query_given_to_find_returns_quickly_without_error(
    index: EntityIndex,
) -> None:
    assert isinstance(index.find("astana " * 2000), list)
