"""Sources: content detection, folders, the streamed csv, JSON Lines, gzip and stdin."""

from __future__ import annotations

import gzip
import io
import pickle
from pathlib import Path

import orjson
import pytest

from cables.errors import ParseError
from cables.formats.detect import sniff
from cables.jsonform import cable_to_json
from cables.model import Cable
from cables.sources import SourceUnit, iter_cables, iter_units, parse_unit

ROW = (
    '"{n}","3/21/2008 5:37","08ASTANA{n}","Embassy Astana","SECRET","",'
    '"R 210537Z MAR 08","{body}"\n'
)


def _row(n: int, body: str = 'SECRET ASTANA {n}\n\n1. (S) Text of \\"{n}\\".\nSMITH') -> str:
    return ROW.format(n=n, body=body.format(n=n))


def test_formats_are_detected_from_content_not_the_name(corpus: Path, tmp_path: Path) -> None:
    page = (corpus / "wikileaks-html" / "05CAIRO5924.html").read_text(encoding="utf-8")
    disguised = tmp_path / "cable.dat"
    disguised.write_text(page, encoding="utf-8")
    units = list(iter_units([str(disguised)]))
    assert [u.format for u in units if isinstance(u, SourceUnit)] == ["html"]
    assert sniff(_row(1)) == "csv"
    assert sniff('{"id": "08ASTANA611", "created": null}') == "jsonl"
    assert sniff("hello world, nothing cable-like here") is None


def test_csv_is_streamed_and_a_bad_row_does_not_stop_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "cables.csv"
    path.write_text(_row(1) + '"2","3/21/2008 5:37","08ASTANA2","x","y"\n' + _row(3), "utf-8")
    items = list(iter_cables([str(path)]))
    assert isinstance(items[0], Cable) and items[0].id == "08ASTANA1"
    assert isinstance(items[1], ParseError)
    assert str(items[1]) == f"{path}, row 2 (line 5): expected 8 columns, found 5"
    assert isinstance(items[2], Cable) and items[2].id == "08ASTANA3"
    para = items[2].paragraph(1)
    assert para is not None and para.text == 'Text of "3". SMITH'
    assert items[2].released is None


def test_csv_field_over_the_size_limit_is_one_error_and_reading_resumes(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    huge = "x" * (17 * 1024 * 1024)
    path.write_text(_row(1) + _row(2, huge) + _row(3), "utf-8")
    items = list(iter_cables([str(path)]))
    assert [type(i).__name__ for i in items] == ["Cable", "ParseError", "Cable"]
    assert "row 2 (line 5)" in str(items[1]) and "over 16 MB" in str(items[1])


def test_parse_json_output_reads_back_as_the_same_cables(corpus: Path, tmp_path: Path) -> None:
    cables = [c for c in iter_cables([str(corpus / "wikileaks-html")]) if isinstance(c, Cable)]
    lines = b"".join(orjson.dumps(cable_to_json(c)) + b"\n" for c in cables[:20])
    plain = tmp_path / "out.jsonl"
    plain.write_bytes(lines)
    packed = tmp_path / "sample.jsonl.gz"
    packed.write_bytes(gzip.compress(lines))
    assert list(iter_cables([str(plain)])) == cables[:20]
    assert list(iter_cables([str(packed)])) == cables[:20]


def test_stdin_is_a_source_and_is_streamed() -> None:
    stream = io.StringIO(_row(1) + _row(2))
    items = list(iter_cables(["-"], stdin=stream))
    assert [c.id for c in items if isinstance(c, Cable)] == ["08ASTANA1", "08ASTANA2"]


def test_missing_paths_and_empty_folders_are_errors_not_exceptions(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.md").write_text("nothing to see")
    items = list(iter_units([str(tmp_path / "nope"), str(tmp_path / "empty")]))
    assert [str(i) for i in items] == [
        f"{tmp_path / 'nope'}: no such file or folder",
        f"{tmp_path / 'empty'}: no cable files found in this folder",
    ]


def test_units_are_picklable_for_a_process_pool(corpus: Path) -> None:
    units = [u for u in iter_units([str(corpus / "csv")]) if isinstance(u, SourceUnit)]
    assert units and pickle.loads(pickle.dumps(units)) == units
    assert parse_unit(pickle.loads(pickle.dumps(units[0]))).id == "66BUENOSAIRES2481"


def test_parse_unit_refuses_a_unit_of_the_wrong_shape() -> None:
    for unit in (
        SourceUnit("x", None, "csv", "text"),
        SourceUnit("x", None, "pdf", "text"),
        SourceUnit("x", "row 1", "csv", ("1", "2")),
    ):
        try:
            parse_unit(unit)
        except ParseError as error:
            assert str(error).startswith("x")
        else:
            raise AssertionError("a ParseError was expected")


def test_html_without_site_chrome_and_a_bare_pre_extract_parse(
    corpus: Path, tmp_path: Path
) -> None:
    page = (corpus / "wikileaks-html" / "08LONDON2651.html").read_text(encoding="utf-8")
    start, end = page.index("<table class='cable'>"), page.rindex("</pre></code>") + 13
    bare = tmp_path / "fragment.html"
    bare.write_text(page[start:end], encoding="utf-8")
    body_only = tmp_path / "08LONDON2651.htm"
    body_only.write_text(page[page.rindex("<code><pre>") : end], encoding="utf-8")
    full, fragment, body = (
        next(iter_cables([str(p)]))
        for p in (corpus / "wikileaks-html" / "08LONDON2651.html", bare, body_only)
    )
    assert isinstance(full, Cable) and fragment == full
    assert isinstance(body, Cable) and body.id == "08LONDON2651"
    assert body.created is None and body.routing is None
    assert body.paragraphs == full.paragraphs and body.subject == full.subject


def test_labelled_text_copy_parses(tmp_path: Path) -> None:
    path = tmp_path / "copy.txt"
    path.write_text(
        "Reference ID: 09BERLIN1360\nCreated: 2009-10-30 16:04\nClassification: SECRET\n"
        "Origin: Embassy Berlin\n\nSUBJECT: A TEST\nRef: Berlin 1337, Berlin 1340\n\n"
        "1. (S) One.\n2. (S) Two.\nMURPHY\n",
        encoding="utf-8",
    )
    cable = next(iter_cables([str(path)]))
    assert isinstance(cable, Cable)
    assert (cable.id, cable.created, cable.classification) == (
        "09BERLIN1360",
        "2009-10-30 16:04",
        "SECRET",
    )
    assert cable.references == ("09BERLIN1337", "09BERLIN1340")
    assert [p.number for p in cable.paragraphs] == [0, 1, 2]
    assert cable.signer == "MURPHY"


def test_a_latin1_copy_keeps_its_accents_and_paragraph_signs(corpus: Path, tmp_path: Path) -> None:
    page = (corpus / "wikileaks-html" / "04MADRID1731.html").read_text(encoding="utf-8")
    latin = tmp_path / "04MADRID1731.html"
    latin.write_bytes(
        page.replace("BERNARDINO&#x000A;LEON", "BERNARDINO&#x000A;LEÓN").encode("latin-1")
    )
    (cable,) = iter_cables([str(latin)])
    assert isinstance(cable, Cable)
    # The page's ¶ signs are the byte 0xB6 in Latin-1: its nine paragraphs are still found.
    assert [p.number for p in cable.paragraphs if p.number] == list(range(1, 10))
    assert cable.subject == "DCM'S MEETING WITH MFA STATE SECRETARY BERNARDINO LEÓN"


def test_a_csv_with_a_header_row_is_read_as_csv(tmp_path: Path) -> None:
    header = '"row","created","id","origin","classification","refs","header","body"\n'
    table = tmp_path / "with_header.csv"
    table.write_text(header + _row(1) + _row(2), encoding="utf-8")
    items = list(iter_units([str(table)]))
    assert [(u.location, u.format) for u in items if isinstance(u, SourceUnit)] == [
        ("row 1", "csv"),
        ("row 2", "csv"),
    ]
    cables = list(iter_cables([str(table)]))
    assert all(isinstance(c, Cable) for c in cables), cables
    assert [c.id for c in cables if isinstance(c, Cable)] == ["08ASTANA1", "08ASTANA2"]


def test_csv_records_are_found_whatever_the_block_boundaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cables.formats.csv_release as csv_release

    text = "".join(_row(n) for n in range(1, 30))
    expected = list(csv_release.iter_rows(io.StringIO(text, newline="").read, "x"))
    assert [item[0] for item in expected] == [f"row {n}" for n in range(1, 30)]
    for block in (1, 7, 64, 333):
        monkeypatch.setattr(csv_release, "_BLOCK", block)
        assert list(csv_release.iter_rows(io.StringIO(text, newline="").read, "x")) == expected


def test_a_csv_record_over_the_limit_is_skipped_without_losing_its_neighbours(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import cables.formats.csv_release as csv_release

    monkeypatch.setattr(csv_release, "MAX_RECORD", 500)
    monkeypatch.setattr(csv_release, "_BLOCK", 100)
    text = _row(1) + _row(2, "x\n" * 2000) + _row(3)
    items = list(csv_release.iter_rows(io.StringIO(text, newline="").read, "x"))
    assert [i[0] if isinstance(i, tuple) else i.location for i in items] == [
        "row 1",
        "row 2 (line 5)",
        "row 3",
    ]
    assert isinstance(items[1], ParseError) and "skipped" in items[1].reason
