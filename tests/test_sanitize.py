"""Control characters in untrusted cable text are made harmless."""

from __future__ import annotations

from cables.sanitize import clean_text
from cables.sources import SourceUnit, parse_unit


def test_plain_text_with_newlines_and_tabs_is_unchanged() -> None:
    text = "1. (C) Summary:\tthe text\nEND SUMMARY é ¶ “quotes”"
    assert clean_text(text) is text


def test_escape_sequences_become_visible_and_inert() -> None:
    cleaned = clean_text("a\x1b]0;owned\x07b\x1b]52;c;ZXZpbA==\x07")
    assert "\x1b" not in cleaned and "\x07" not in cleaned
    assert cleaned == "a␛]0;owned␇b␛]52;c;ZXZpbA==␇"


def test_c1_del_and_bidi_controls_are_neutralised() -> None:
    cleaned = clean_text("x\x9b31my\x7fz\u202eevil\u2066i\u2069")
    assert cleaned == "x\ufffd31my\u2421zevili"


def test_carriage_returns_become_newlines() -> None:
    assert clean_text("one\r\ntwo\rthree") == "one\ntwo\nthree"


def test_parser_cleans_every_text_field_of_a_cable() -> None:
    body = (
        "SECRET\x1b[2J\n\nTAGS: PREL\x1b\nSUBJECT: EVIL\x1b]0;title\x07 SUBJECT\n\n"
        "1. (C) Text with \x9b and \u202e inside.\nSMITH\x1b"
    )
    fields = (
        "1",
        "1/2/2009 3:04",
        "09PARIS1",
        "Embassy\x1b Paris",
        "SECRET\x07",
        "",
        "P 021504Z JAN 09\nFM AMEMBASSY PARIS\x1b",
        body,
    )
    cable = parse_unit(SourceUnit("x.csv", "row 1", "csv", fields))
    texts = [
        cable.origin,
        cable.classification,
        cable.subject,
        *cable.tags,
        *(p.text for p in cable.paragraphs),
        cable.routing.from_ if cable.routing else "",
    ]
    for text in texts:
        assert text is not None
        assert not any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in text)
        assert "\u202e" not in text
