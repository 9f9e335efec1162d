"""The whole sample corpus folder goes through the parser cleanly."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from cables.errors import ParseError
from cables.model import Cable
from cables.sources import iter_cables

_MARKER = re.compile(r"\d{8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?>")
_ENTITY = re.compile(r"&(?:#x?[0-9a-fA-F]+|[a-zA-Z]{2,8});")
_CHROME = (
    "Currently released so far",
    "Browse latest releases",
    "Understanding cables",
    "Discussing cables",
    "#cablegate",
    "Leave a Reply",
    "Post a comment",
    "WordPress",
)


def test_every_cable_of_the_corpus_folder_parses_cleanly(corpus: Path) -> None:
    with open(corpus / "csv" / "cables_sample.csv", newline="", encoding="utf-8") as rows:
        csv_ids = [row[2] for row in csv.reader(rows, escapechar="\\")]
    items = list(iter_cables([str(corpus)]))
    errors = [item for item in items if isinstance(item, ParseError)]
    assert errors == []
    cables = [item for item in items if isinstance(item, Cable)]
    names = sorted(p.name.split(".")[0] for p in corpus.rglob("*") if p.suffix in (".html", ".txt"))
    assert len(names) >= 50  # every page and text file gives exactly one cable
    assert len(cables) == len(names) + len(csv_ids)
    assert sorted(c.id for c in cables) == sorted(names + csv_ids)
    for cable in cables:
        numbers = [p.number for p in cable.paragraphs]
        assert numbers == sorted(set(numbers)), cable.id
        assert any(n > 0 for n in numbers) or cable.id in {
            "09DUSHANBE575",
            "09SAOPAULO487",
            "10MADRID49",
        }, cable.id  # extracts without ¶1
        for para in cable.paragraphs:
            assert not _MARKER.search(para.text), (cable.id, para.number)
            assert not _TAG.search(para.text), (cable.id, para.number)
            assert not _ENTITY.search(para.text), (cable.id, para.number)
            assert "¶" not in para.text, (cable.id, para.number)
            for chrome in _CHROME:
                assert chrome not in para.text, (cable.id, para.number, chrome)


@pytest.mark.parametrize(
    ("folder", "cable_id", "inline"),
    [("wikileaks-html", "07SANTIAGO983", (2, 4, 6, 9)), ("review", "09STATE82013", (2, 3))],
)
def test_paragraphs_a_page_ran_into_the_one_before_are_found(
    corpus: Path, folder: str, cable_id: str, inline: tuple[int, ...]
) -> None:
    # "...perspective is causing considerable unease between the two. 2. (C) German
    # officials were more cautious": no line of its own, but the next number and a marking
    # after a sentence's end, where the numbering jumps.
    (cable,) = iter_cables([str(corpus / folder / f"{cable_id}.html")])
    assert isinstance(cable, Cable)
    numbers = [p.number for p in cable.paragraphs]
    assert numbers == list(range(numbers[-1] + 1))
    by_number = {p.number: p for p in cable.paragraphs}
    for number in inline:
        assert by_number[number].marking is not None
        assert not re.search(rf"\b{number}\. \(", by_number[number - 1].text)
