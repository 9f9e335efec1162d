"""Property: the parser returns a Cable or raises ParseError, nothing else, and quickly."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cables.errors import ParseError
from cables.model import Cable
from cables.sources import SourceUnit, parse_unit
from tests.conftest import CORPUS

_SAMPLES = [
    ("html", (CORPUS / "wikileaks-html" / "04ANKARA7211.html").read_text(encoding="utf-8")),
    ("html", (CORPUS / "old-format" / "7575LIBREVILLE1895.html").read_text(encoding="utf-8")),
    ("text", (CORPUS / "blog" / "08ASTANA611.txt").read_text(encoding="utf-8")),
]
_TIME_LIMIT = 2.0  # seconds per input; real pages take a few milliseconds


def _check(unit: SourceUnit) -> None:
    start = time.perf_counter()
    try:
        result = parse_unit(unit)
    except ParseError:
        pass
    else:
        assert isinstance(result, Cable)
    assert time.perf_counter() - start < _TIME_LIMIT


_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=3000)
_LINEY = st.lists(
    st.sampled_from(
        [
            "1. (C) ",
            "REF: ",
            "A. 05 PARIS 5459",
            "SUBJECT: ",
            "TAGS: ",
            "\n",
            " ",
            "END SUMMARY",
            "SUMMARY: ",
            "ASTANA 00000611  002.2 OF 004",
            "¶",
            "<pre>",
            "</pre>",
            "&#x000A;",
            "Classified By: ",
            "SMITH",
            "-----",
            "AND 2764",
            "\x1b]0;x\x07",
            "Reference ID Created Released Classification Origin\n",
            "08ASTANA611 2008-03-21 05:37 2011-08-30 01:44 SECRET Embassy Astana\n",
        ]
    ),
    max_size=200,
).map("".join)


@settings(
    max_examples=150, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow]
)
@given(kind=st.sampled_from(["html", "text", "jsonl"]), text=st.one_of(_TEXT, _LINEY))
def test_random_text_gives_a_cable_or_a_parse_error(kind: str, text: str) -> None:
    _check(SourceUnit("random", None, kind, text))


@settings(
    max_examples=60, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow]
)
@given(fields=st.lists(st.one_of(_TEXT, _LINEY), min_size=0, max_size=10).map(tuple))
def test_random_csv_records_give_a_cable_or_a_parse_error(fields: tuple[str, ...]) -> None:
    _check(SourceUnit("random.csv", "row 1", "csv", fields))


@settings(
    max_examples=80, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow]
)
@given(
    sample=st.sampled_from(_SAMPLES),
    cuts=st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1), _LINEY), min_size=1, max_size=6),
)
def test_mutated_real_cables_give_a_cable_or_a_parse_error(
    sample: tuple[str, str], cuts: list[tuple[float, float, str]]
) -> None:
    kind, text = sample
    for start, length, insert in cuts:
        at = int(start * len(text))
        text = text[:at] + insert + text[at + int(length * 200) :]
    _check(SourceUnit("mutated", None, kind, text))


def test_the_corpus_samples_are_present() -> None:
    assert all(text for _, text in _SAMPLES) and Path(CORPUS).is_dir()
