"""``cables find`` as scripts and users run it: the table, JSON lines, ``--queries``, exit
codes, bad queries and untrusted names."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from rich.cells import cell_len

from tests.entity_support import entity_cable, write_cables
from tests.store_support import run_cli


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    directory: Path = tmp_path_factory.mktemp("store")
    cables = [
        entity_cable(
            1,
            people=(("Rayhan Khobdabergenova", ("Hobdabergenova",), (6, 9)),),
            created="2008-03-21 05:37",
        ),
        entity_cable(
            2, people=(("Raykhan Khobdabergenova", (), (2,)),), created="2009-01-01 10:00"
        ),
        entity_cable(3, places=(("Astana", (), (1,)),)),
        entity_cable(4, people=(("Evil \x1b]0;pwned\x07 Name", (), (1,)),)),
        entity_cable(
            5,
            groups=(
                ("Kazakhstan International Bureau for Human Rights", (), (2,)),
                ("Human Rights Bureau", (), (7,)),
            ),
        ),
        entity_cable(
            6,
            groups=(
                ("Communist Party of China 中国共产党", (), (3,)),
                ("Nur Otan Party", (), (4,)),
            ),
        ),
    ]
    write_cables(directory, cables)
    return str(directory)


def test_find_prints_a_table_of_name_kind_cables_and_forms(store: str) -> None:
    result = run_cli("find", "--store", store, "hobdaberg")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["NAME", "KIND", "CABLES", "FORMS"]
    # two spellings, one cable each: the longer is the canonical name
    assert lines[1].split()[:4] == ["Raykhan", "Khobdabergenova", "person", "2"]
    assert "Hobdabergenova" in lines[1]


def test_the_table_shows_a_long_name_whole_and_keeps_its_columns_aligned(store: str) -> None:
    result = run_cli("find", "--store", store, "bureau")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    long = "Kazakhstan International Bureau for Human Rights"  # 48 characters
    assert any(line.startswith(long + "  ") for line in lines[1:])
    assert any(line.startswith("Human Rights Bureau ") for line in lines[1:])
    assert {line.index("group") for line in lines[1:]} == {lines[0].index("KIND")}


def test_the_table_aligns_its_columns_in_terminal_cells_for_wide_characters(
    store: str,
) -> None:
    result = run_cli("find", "--store", store, "party")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    wide = next(line for line in lines if "中国共产党" in line)
    assert any(line.startswith("Nur Otan Party ") for line in lines)
    # each of the four CJK characters takes two cells: the kind starts in the same cell
    kind_cells = {cell_len(line[: line.index("group")]) for line in lines[1:]}
    assert kind_cells == {lines[0].index("KIND")}
    assert cell_len(wide[: wide.index("group")]) > len("Nur Otan Party  ")


def test_find_json_prints_one_entity_a_line_with_cables_newest_first(store: str) -> None:
    result = run_cli("find", "--store", store, "Hobdabergenova", "--json")
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    hit = orjson.loads(line)
    assert list(hit) == ["name", "kind", "forms", "score", "count", "cables"]
    assert hit["kind"] == "person"
    assert hit["count"] == 2
    assert hit["score"] == 100.0
    assert hit["cables"] == [
        {"id": "08TEST2", "paragraphs": [2]},
        {"id": "08TEST1", "paragraphs": [6, 9]},
    ]
    assert "Hobdabergenova" in hit["forms"]


def test_find_with_kind_and_limit(store: str) -> None:
    result = run_cli("find", "--store", store, "a", "--kind", "place", "--json", "--limit", "1")
    assert [orjson.loads(line)["name"] for line in result.stdout.splitlines()] == ["Astana"]


def test_find_queries_prints_one_line_per_query_with_its_time(store: str) -> None:
    result = run_cli(
        "find", "--store", store, "--queries", "-", "--json", stdin="astana\nzzzz\n\nhobdab\n"
    )
    lines = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["astana", "zzzz", "", "hobdab"]
    assert all(isinstance(line["took_ms"], float) for line in lines)
    assert lines[0]["hits"][0]["name"] == "Astana"
    assert lines[1]["hits"] == []
    assert lines[2]["error"] == "the query is empty"
    assert lines[3]["hits"][0]["count"] == 2
    assert result.stderr.strip() == "cables: stdin, line 3: the query is empty"
    assert result.returncode == 1


def test_find_queries_reads_a_file(store: str, tmp_path: Path) -> None:
    queries = tmp_path / "queries.txt"
    queries.write_text("astana\n", encoding="utf-8")
    result = run_cli("find", "--store", store, "--queries", str(queries), "--json")
    assert result.returncode == 0
    assert orjson.loads(result.stdout)["hits"][0]["name"] == "Astana"


def test_find_without_a_match_says_so_plainly_and_exits_1(store: str) -> None:
    result = run_cli("find", "--store", store, "qqqzzz")
    assert result.returncode == 1
    assert result.stdout.strip() == "cables: nothing matches 'qqqzzz'"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "cables: find: the query is empty"),
        ("a" * 10_000, "cables: find: the query is too long (10,000 characters; at most 200)"),
        ("ab\x1bc", "cables: find: the query holds control characters"),
    ],
)
def test_a_bad_query_gives_one_plain_line_and_exit_2(store: str, query: str, message: str) -> None:
    result = run_cli("find", "--store", store, query)
    assert result.returncode == 2
    assert result.stderr.strip() == message
    assert "Traceback" not in result.stderr


def test_names_with_control_characters_never_reach_the_terminal_raw(store: str) -> None:
    result = run_cli("find", "--store", store, "evil")
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "Evil" in result.stdout


def test_find_on_a_missing_store_names_it_in_one_line(tmp_path: Path) -> None:
    result = run_cli("find", "--store", str(tmp_path / "none"), "astana")
    assert result.returncode == 2
    assert result.stderr.startswith("cables: there is no store at")
