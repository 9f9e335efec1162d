"""``cables search`` as a user runs it: plain text and JSON, exit codes, malformed queries,
untrusted text, no Textual."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cables.model import Cable, Paragraph
from store.importer import import_sources
from tests.store_support import PROJECT, build_store, run_cli
from tui.commands.search import TEXT_SNIPPETS


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> str:
    directory = tmp_path_factory.mktemp("cli") / "store"
    import_sources(directory, [str(corpus)], workers=0)
    return str(directory)


def test_plain_text_gives_the_header_the_subject_and_numbered_snippets(store_dir: str) -> None:
    result = run_cli("--store", store_dir, "search", "corruption shah")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("73TEHRAN8233  1973-")
    assert lines[1] == "  SHAH ON CORRUPTION"
    assert any(line.startswith("  ¶") and "*" in line for line in lines[2:5])
    assert lines[-1].endswith("best first")


def test_json_gives_one_object_per_cable_with_paragraph_snippets(store_dir: str) -> None:
    result = run_cli("--store", store_dir, "search", "Khobdabergenova", "--json")
    assert result.returncode == 0
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objects) == 1
    hit = objects[0]
    assert set(hit) >= {"id", "created", "origin", "classification", "subject", "score"}
    assert hit["id"] == "08ASTANA611" and hit["origin"] == "Embassy Astana"
    assert isinstance(hit["score"], float)
    assert [p["number"] for p in hit["paragraphs"]] == [6]
    first = hit["paragraphs"][0]
    start, end = first["highlights"][0]
    assert first["snippet"][start:end] == "Khobdabergenova"


def test_paragraphs_past_the_shown_snippets_are_counted_in_one_closing_line(
    store_dir: str,
) -> None:
    """A cable matching in more paragraphs than the text shows ends with how many more,
    the noun agreeing with the count."""
    found = run_cli("--store", store_dir, "search", "Shymkent", "--json", "--limit", "1")
    matching = len(json.loads(found.stdout.splitlines()[0])["paragraphs"])
    assert matching > TEXT_SNIPPETS + 1  # the seed cable names the city in many paragraphs
    lines = run_cli("--store", store_dir, "search", "Shymkent", "--limit", "1").stdout.splitlines()
    assert sum(line.startswith("  ¶") for line in lines) == TEXT_SNIPPETS
    assert f"  (and {matching - TEXT_SNIPPETS} more paragraphs)" in lines


def test_sort_by_date_and_limit_are_honoured(store_dir: str) -> None:
    result = run_cli(
        "--store", store_dir, "search", "iran", "--sort", "date", "--limit", "3", "--json"
    )
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(hits) == 3
    assert [h["created"] for h in hits] == sorted((h["created"] for h in hits), reverse=True)
    assert all(h["score"] is None for h in hits)


def test_a_malformed_query_prints_one_plain_line_and_exits_2(store_dir: str) -> None:
    result = run_cli("--store", store_dir, "search", "tashkent AND (uzbek")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "cables: malformed query at column 14: this ( is never closed"
    ]


def test_no_match_prints_one_plain_line_and_exits_1(store_dir: str) -> None:
    result = run_cli("--store", store_dir, "search", "zzyzxqq", "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1


def test_control_characters_of_a_cable_never_reach_the_terminal(tmp_path: Path) -> None:
    hostile = Cable(
        id="09EVIL1",
        subject="\x1b]0;pwned\x07 subject",
        paragraphs=(Paragraph(1, "C", "evil \x1b]52;c;aGk=\x07 words \x9b here"),),
    )
    build_store(tmp_path / "s", [hostile])
    for extra in ([], ["--json"]):
        result = run_cli("--store", str(tmp_path / "s"), "search", "evil", *extra)
        assert result.returncode == 0
        for control in ("\x1b", "\x9b", "\x07"):
            assert control not in result.stdout


def test_search_on_a_folder_without_a_store_exits_2(tmp_path: Path) -> None:
    result = run_cli("--store", str(tmp_path / "none"), "search", "word")
    assert result.returncode == 2
    assert "no store" in result.stderr and "Traceback" not in result.stderr


def test_search_never_imports_textual(store_dir: str) -> None:
    code = (
        "import sys; from tui.cli import main\n"
        f"main(['--store', {store_dir!r}, 'search', 'iran'])\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True)
    assert result.returncode == 0, result.stderr.decode()
