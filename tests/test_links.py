"""Links to a cable or a paragraph: every shape readers paste gives the same id and number."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cables.ids import normalize_id
from cables.links import format_cable_link, parse_cable_link


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08ASTANA611", ("08ASTANA611", None)),
        ("08ASTANA611¶5", ("08ASTANA611", 5)),
        ("08ASTANA611 ¶ 5", ("08ASTANA611", 5)),
        ("08ASTANA611#5", ("08ASTANA611", 5)),
        ("08ASTANA611#par5", ("08ASTANA611", 5)),
        ("08ASTANA611#PAR12", ("08ASTANA611", 12)),
        ("  08astana611  ", ("08ASTANA611", None)),
        ("08ASTANA0611", ("08ASTANA611", None)),
        ("07 Tashkent 877", ("07TASHKENT877", None)),
        ("04RIODEJANEIRO128¶0", ("04RIODEJANEIRO128", 0)),
        ("7575LIBREVILLE1895", ("7575LIBREVILLE1895", None)),
        ("https://wikileaks.org/cable/2008/03/08ASTANA611.html#par5", ("08ASTANA611", 5)),
        ("http://www.wikileaks.org/cable/2008/03/08ASTANA611.html", ("08ASTANA611", None)),
    ],
)
def test_every_shape_of_link_names_the_same_cable_and_paragraph(
    text: str, expected: tuple[str, int | None]
) -> None:
    assert parse_cable_link(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "¶5", "#par5", "08ASTANA611#parx", "08 ASTANA/611"])
def test_text_that_names_no_cable_is_refused_with_a_sentence(text: str) -> None:
    with pytest.raises(ValueError, match=r"\S"):
        parse_cable_link(text)


def test_a_formatted_link_reads_back() -> None:
    assert format_cable_link("08ASTANA611", 5) == "08ASTANA611¶5"
    assert format_cable_link("08ASTANA611") == "08ASTANA611"
    assert parse_cable_link(format_cable_link("08ASTANA611", 5)) == ("08ASTANA611", 5)


@given(
    year=st.integers(0, 99),
    station=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=14),
    number=st.integers(1, 99999),
    paragraph=st.one_of(st.none(), st.integers(0, 999)),
    form=st.sampled_from(["¶{}", "#{}", "#par{}"]),
)
def test_any_canonical_link_round_trips(
    year: int, station: str, number: int, paragraph: int | None, form: str
) -> None:
    cable_id = f"{year:02d}{station}{number}"
    text = cable_id if paragraph is None else cable_id + form.format(paragraph)
    assert parse_cable_link(text) == (normalize_id(cable_id)[0], paragraph)


@given(st.text(max_size=40))
def test_arbitrary_text_gives_an_id_or_a_value_error(text: str) -> None:
    try:
        cable_id, paragraph = parse_cable_link(text)
    except ValueError:
        return
    assert cable_id and cable_id == cable_id.upper() and " " not in cable_id
    assert paragraph is None or paragraph >= 0
