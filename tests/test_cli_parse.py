"""``cables parse``: output, and bad input reported one line per source with exit code 1."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from tests.conftest import PROJECT
from tui.cli import main
from tui.commands import parse as parse_command


def test_parse_json_prints_one_object_per_cable(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(corpus / "blog" / "08ASTANA611.txt"), "--json"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    data = orjson.loads(out[0])
    assert data["id"] == "08ASTANA611"
    assert data["references"] == ["07TASHKENT877"]
    people = {e["name"]: e for e in data["entities"]["people"]}
    assert "Hobdabergenova" in people["Rayhan Khobdabergenova"]["forms"]
    assert [p["number"] for p in data["paragraphs"]] == list(range(0, 18))


def test_parse_without_json_prints_a_human_line(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(corpus / "old-format" / "72TEHRAN4789.html")]) == 0
    line = capsys.readouterr().out.strip()
    assert line.split("\t") == [
        "72TEHRAN4789",
        "1972-08-10 04:00",
        "Embassy Tehran",
        "5 paragraphs",
        "CONTINUING TERRORIST ACTIVITIES IN IRAN",
    ]


@pytest.mark.parametrize("pooled", [False, True], ids=["in-process", "worker-pool"])
def test_bad_sources_give_one_line_each_and_the_others_still_parse(
    corpus: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    pooled: bool,
) -> None:
    """The same lines, in input order, whether this process parses or a pool of workers
    does (a large input is handed to one after its first units)."""
    workers = ["--workers", "2"] if pooled else ["--workers", "0"]
    if pooled:
        monkeypatch.setattr(parse_command, "_IN_PROCESS_FIRST", 1)
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 40)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    page = (corpus / "wikileaks-html" / "04ANKARA7211.html").read_text(encoding="utf-8")
    truncated = tmp_path / "04ANKARA7211.html"
    truncated.write_text(page[: len(page) // 2], encoding="utf-8")
    rows = (corpus / "csv" / "cables_sample.csv").read_text(encoding="utf-8")
    bad_csv = tmp_path / "cables.csv"
    bad_csv.write_text(rows + '"3","1/1/2009 1:00","09PARIS1","Embassy Paris","SECRET"\n' + rows)
    line = tmp_path / "line.txt"
    line.write_text("x" * (50 * 1024 * 1024))
    seed = corpus / "blog" / "08ASTANA611.txt"
    paths = [junk, empty, truncated, bad_csv, line, tmp_path / "missing", seed]
    code = main(["parse", *map(str, paths), "--json", *workers])
    captured = capsys.readouterr()
    assert code == 1
    errors = captured.err.splitlines()
    assert errors == [
        f"cables: {junk}: binary data, not a cable",
        f"cables: {empty}: empty file",
        f"cables: {truncated}: truncated HTML page: it ends before </html>",
        f"cables: {bad_csv}, row 3 (line 157): expected 8 columns, found 5",
        f"cables: {line}: not a cable: no cable page, csv row, JSON line or cable text found",
        f"cables: {tmp_path / 'missing'}: no such file or folder",
    ]
    ids = [orjson.loads(out)["id"] for out in captured.out.splitlines()]
    assert ids == [
        "66BUENOSAIRES2481",
        "72TEHRAN1164",
        "66BUENOSAIRES2481",
        "72TEHRAN1164",
        "08ASTANA611",
    ]
    assert "Traceback" not in captured.err


def test_parse_json_round_trips_through_stdin(corpus: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    first = subprocess.run(
        [sys.executable, "-m", "tui.cli", "parse", str(corpus / "old-format"), "--json"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        check=True,
    )
    again = subprocess.run(
        [sys.executable, "-m", "tui.cli", "parse", "-", "--json"],
        cwd=PROJECT,
        env=env,
        input=first.stdout,
        capture_output=True,
        check=True,
    )
    assert again.stdout == first.stdout
    assert len(first.stdout.splitlines()) == 10


def test_parse_command_does_not_import_textual() -> None:
    code = (
        "import sys, tui.commands.parse, cables.sources; print('textual' in sys.modules, "
        "'tinydb' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False False"


def test_stdin_may_be_gzip_or_latin1(corpus: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    rows = (corpus / "csv" / "cables_sample.csv").read_bytes()
    packed = subprocess.run(
        [sys.executable, "-m", "tui.cli", "parse", "-"],
        cwd=PROJECT,
        env=env,
        input=gzip.compress(rows),
        capture_output=True,
    )
    assert packed.returncode == 0, packed.stderr
    assert [line.split(b"\t")[0] for line in packed.stdout.splitlines()] == [
        b"66BUENOSAIRES2481",
        b"72TEHRAN1164",
    ]
    seed = (corpus / "blog" / "08ASTANA611.txt").read_text(encoding="utf-8")
    latin = subprocess.run(
        [sys.executable, "-m", "tui.cli", "parse", "-", "--json"],
        cwd=PROJECT,
        env=env,
        input=seed.replace("Shymkent", "Chymkent à").encode("latin-1"),
        capture_output=True,
    )
    assert latin.returncode == 0, latin.stderr
    cable = orjson.loads(latin.stdout)
    assert "Chymkent à" in cable["paragraphs"][1]["text"]
