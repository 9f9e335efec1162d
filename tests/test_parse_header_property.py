"""Property: header lines reordered, re-spaced and re-cased parse to the same fields.

The header blocks are copied from real cables (the E.O., TAGS, SUBJECT, REF and Classified
By lines of 09BRASILIA952, 08KUWAIT128, 10HARARE93 and 09LONDON2768, as their pages in
tests/corpus hold them). Hypothesis puts the blocks in any order, with any blank lines
between them, any indentation and spacing after the keyword, and the keyword in capitals,
title case or lower case; the tags, subject, references and Classified By person must come
out as they do from the blocks in their original order.
"""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from cables.body.fields import BodyFields, parse_body

# (cable, station, year, blocks): each block a list of (keyword, rest of line) lines; a
# keyword of "" marks a continuation line.
HEADERS = [
    (
        "09BRASILIA952",
        "BRASILIA",
        "09",
        [
            [("E.O.", " 12958: DECL: 07/31/2019 ")],
            [("TAG", " MASS, PREL, BR ")],
            [
                (
                    "SUBJECT",
                    ": BRAZIL,S AIR FORCE COMMANDER ASKS FOR STATE ASSURANCES ON TECH "
                    "TRANSFER BY AUGUST 6 ",
                )
            ],
            [("REF", ": BRASILIA 888 ")],
            [
                (
                    "Classified By",
                    ": DEPUTY CHIEF OF MISSION LISA KUBISKE, REASON 1.4 (b) and (d) ",
                )
            ],
        ],
    ),
    (
        "08KUWAIT128",
        "KUWAIT",
        "08",
        [
            [("E.O.", " 12958: DECL: 01/27/2018")],
            [("TAGS", ": EFIN KU KTFN PGOV PREL PTER")],
            [
                (
                    "SUBJECT",
                    ": TERROR FINANCE: DESIGNEES CONTINUE TO RANT WITH SOME SUPPORT FROM "
                    "PARLIAMENT",
                )
            ],
            [
                ("Ref", ": A. 06 KUWAIT 4637"),
                ("", "B. KUWAIT 79"),
                ("", "c. KUWAIT 90"),
                ("", "d. KUWAIT 97"),
                ("", "e. KUWAIT 98"),
                ("", "f. STATE 7443"),
            ],
            [("Classified By", ": CDA Alan Misenheimer for reasons 1.4 (b) and (d)")],
        ],
    ),
    (
        "10HARARE93",
        "HARARE",
        "10",
        [
            [("E.O.", " 12958: DECL: 2020/02/10 ")],
            [("TAGS", " PREL, PGOV, ZI ")],
            [
                ("SUBJECT", ": XXXXXXXXXXXX’s observations on the political landscape and "),
                ("", "U.S.-Zimbabwe relations"),
            ],
            [("REF", ": HARARE 87; HARARE 36")],
            [
                (
                    "CLASSIFIED BY",
                    ": Charles A. Ray, Ambassador, STATE, EXEC; REASON: 1.4(B), (D)",
                )
            ],
        ],
    ),
    (
        "09LONDON2768",
        "LONDON",
        "09",
        [
            [("E.O.", " 12958: DECL: 12/02/2019 ")],
            [
                ("TAGS", " PGOV, PREL, MOPS, MARR, AF, UK, PK, IR, IN, CH, RS, "),
                ("", "SA, NATO "),
            ],
            [
                ("SUBJECT", ": SHADOW DEFENSE MINISTER FOX PLEDGES CLOSE U.S.-UK "),
                ("", "COOPERATION IF TORIES GAIN POWER"),
            ],
            [("Classified By", ": Ambassador Louis Susman for reasons 1.4 b and d")],
        ],
    ),
]

_TAIL = "\n\n1. (C) The first paragraph of the cable.\n\n2. (C) The second.\n\nSMITH\n"


def _body(blocks: list[list[tuple[str, str]]], separators: list[str], styles: list) -> str:
    out: list[str] = []
    for number, block in enumerate(blocks):
        case, indent, spaces = styles[number % len(styles)]
        lines = []
        for keyword, rest in block:
            if not keyword:
                lines.append(" " * indent + rest)
                continue
            if keyword != "E.O.":
                keyword = {"upper": keyword.upper(), "title": keyword.title()}.get(
                    case, keyword.lower()
                )
            if rest.startswith(":"):
                rest = ":" + " " * spaces + rest[1:].lstrip()
            else:
                rest = " " * max(1, spaces) + rest.lstrip()
            lines.append(" " * indent + keyword + rest)
        out.append("\n".join(lines))
        out.append(separators[number % len(separators)])
    return "UNCLASSIFIED\n\n" + "".join(out) + _TAIL


def _fields(fields: BodyFields) -> tuple:
    return (fields.tags, fields.subject, fields.references, fields.classified_by)


_STYLE = st.tuples(
    st.sampled_from(["upper", "title", "lower", "as written"]),
    st.integers(0, 3),
    st.integers(0, 3),
)


@settings(max_examples=120, deadline=timedelta(seconds=2))
@given(
    header=st.sampled_from(HEADERS),
    order=st.randoms(use_true_random=False),
    separators=st.lists(st.sampled_from(["\n", "\n\n", "\n \n"]), min_size=1, max_size=5),
    styles=st.lists(_STYLE, min_size=1, max_size=5),
)
def test_reordered_respaced_and_recased_header_lines_parse_the_same(
    header: tuple, order, separators: list[str], styles: list
) -> None:
    cable_id, station, year, blocks = header
    original = parse_body(
        _body(blocks, ["\n\n"], [("as written", 0, 1)]), station=station, year=year
    )
    shuffled = list(blocks)
    order.shuffle(shuffled)
    mutated = parse_body(_body(shuffled, separators, styles), station=station, year=year)
    assert _fields(mutated) == _fields(original), cable_id


def test_the_original_blocks_parse_to_what_a_person_reads() -> None:
    """The baseline of the property is itself right (values read from the cables)."""
    expected = {
        "09BRASILIA952": (("MASS", "PREL", "BR"), ("09BRASILIA888",), "LISA KUBISKE"),
        "08KUWAIT128": (
            ("EFIN", "KU", "KTFN", "PGOV", "PREL", "PTER"),
            ("06KUWAIT4637", "08KUWAIT79", "08KUWAIT90", "08KUWAIT97", "08KUWAIT98", "08STATE7443"),
            "Alan Misenheimer",
        ),
        "10HARARE93": (("PREL", "PGOV", "ZI"), ("10HARARE87", "10HARARE36"), "Charles A. Ray"),
        "09LONDON2768": (
            (
                "PGOV",
                "PREL",
                "MOPS",
                "MARR",
                "AF",
                "UK",
                "PK",
                "IR",
                "IN",
                "CH",
                "RS",
                "SA",
                "NATO",
            ),
            (),
            "Louis Susman",
        ),
    }
    for cable_id, station, year, blocks in HEADERS:
        fields = parse_body(
            _body(blocks, ["\n\n"], [("as written", 0, 1)]), station=station, year=year
        )
        assert (fields.tags, fields.references, fields.classified_by) == expected[cable_id]
