"""The seed cable, the blog copy of 08ASTANA611, parsed field by field (issue 2)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cables.model import Cable
from cables.sources import iter_cables


@pytest.fixture(scope="module")
def seed(corpus: Path) -> Cable:
    items = list(iter_cables([str(corpus / "blog" / "08ASTANA611.txt")]))
    assert len(items) == 1 and isinstance(items[0], Cable)
    return items[0]


def test_seed_header_values_come_from_the_flattened_table(seed: Cable) -> None:
    assert seed.id == "08ASTANA611"
    assert seed.created == "2008-03-21 05:37"
    assert seed.released == "2011-08-30 01:44"
    assert seed.classification == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert seed.origin == "Embassy Astana"
    assert seed.id_malformed is False


def test_seed_references_the_tashkent_cable(seed: Cable) -> None:
    assert seed.references == ("07TASHKENT877",)


def test_seed_paragraphs_one_to_seventeen_in_order_all_sbu(seed: Cable) -> None:
    numbered = [p for p in seed.paragraphs if p.number > 0]
    assert [p.number for p in numbered] == list(range(1, 18))
    assert {p.marking for p in numbered} == {"SBU"}


def test_seed_paragraph_five_is_whole_across_its_page_break(seed: Cable) -> None:
    five = seed.paragraph(5)
    assert five is not None
    assert "rent office space from Nur Otan." in five.text
    assert five.text.startswith("Narymbetov claimed that 10 political parties")
    assert five.text.endswith("followed by Ak Zhol with 3.98%. End Note.)")


def test_seed_has_no_page_marker_preamble_or_comment_form_in_any_paragraph(seed: Cable) -> None:
    for para in seed.paragraphs:
        assert not re.search(r"ASTANA 0+611", para.text)
        for junk in (
            "OF 004",
            "WikiLeaks",
            "Discussing cables",
            "Post a comment",
            "Leave a Reply",
            "WordPress",
            "bloggers like this",
            "Connecting to",
            "commenting using",
        ):
            assert junk not in para.text, (para.number, junk)
    last = seed.paragraph(17)
    assert last is not None and last.text.endswith("End Comment.")


def test_seed_routing_and_eo_line_are_read_and_kept_out_of_the_paragraphs(seed: Cable) -> None:
    assert seed.routing is not None
    assert seed.routing.precedence == "R"
    assert seed.routing.dtg == "210537Z MAR 08"
    assert seed.eo == "12958: N/A"
    zero = seed.paragraph(0)
    assert zero is not None and zero.text == "E.O. 12958: N/A\nREF: 07 Tashkent 877"


def test_seed_fields_it_does_not_have_stay_empty(seed: Cable) -> None:
    # The blog copy lost SUBJECT, TAGS, Classified By and the signature, and the summary marks.
    assert seed.subject is None
    assert seed.tags == ()
    assert seed.classified_by is None
    assert seed.signer is None
    assert seed.summary is None
