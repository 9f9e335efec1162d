"""The reader's pure parts: a cable's laid-out lines, its search, and which paragraph is current.

Run on the real seed cable (08ASTANA611 from tests/corpus) without Textual.
"""

from __future__ import annotations

import subprocess
import sys
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from cables.model import Cable, Paragraph
from cables.sources import iter_cables
from tests.conftest import PROJECT, SEED
from tui.presentation.cable_layout import BLANK, CableLayout
from tui.presentation.reading_position import ReadingPosition, current_paragraph
from tui.presentation.text_search import TextSearch


def _seed() -> Cable:
    (cable,) = list(iter_cables([str(SEED)]))
    assert isinstance(cable, Cable)
    return cable


SEED_CABLE = _seed()


def _layout(width: int = 60) -> CableLayout:
    layout = CableLayout(SEED_CABLE)
    layout.wrap(width)
    return layout


def test_every_line_belongs_to_one_paragraph_and_blanks_separate_them() -> None:
    layout = _layout()
    for position in range(len(layout.texts)):
        first, last = layout.first_line(position), layout.last_line(position)
        assert all(layout.paragraph_at(y) == position for y in range(first, last + 1))
        if position:
            assert layout.paragraph_at(first - 1) == BLANK
            assert layout.last_line(position - 1) == first - 2
    assert layout.last_line(len(layout.texts) - 1) == len(layout) - 1
    assert layout.paragraph_at(len(layout)) == BLANK
    assert layout.paragraph_count == 17


def test_the_gutter_shows_the_number_then_the_marking() -> None:
    layout = _layout()
    position = layout.position_of(5)
    assert position == 5
    first = layout.first_line(position)
    assert (layout.lines[first].gutter, layout.lines[first].gutter_kind) == ("¶5", "number")
    assert (layout.lines[first + 1].gutter, layout.lines[first + 1].gutter_kind) == (
        "SBU",
        "marking",
    )
    assert layout.lines[layout.first_line(0)].gutter == ""  # ¶0 has no number


def test_wrapping_again_at_the_same_width_does_nothing() -> None:
    layout = _layout(60)
    assert not layout.wrap(60)
    narrow = len(layout)
    assert layout.wrap(40) and len(layout) > narrow


def test_an_offset_is_found_on_the_line_that_shows_it() -> None:
    layout = _layout()
    text = layout.texts[5]
    offset = text.index("Nur Otan")
    line = layout.lines[layout.line_of_offset(5, offset)]
    assert line.paragraph == 5 and line.start <= offset < line.end
    assert "Nur Otan"[:3] in text[line.start : line.end]


def test_a_paragraph_is_visible_when_any_of_its_lines_is_on_screen() -> None:
    layout = _layout()
    first, last = layout.first_line(3), layout.last_line(3)
    assert layout.is_visible(3, first, 1)
    assert layout.is_visible(3, last, 1)
    assert layout.is_visible(3, first - 5, 6)
    assert not layout.is_visible(3, first - 5, 5)
    assert not layout.is_visible(3, last + 1, 10)
    assert not layout.is_visible(99, 0, 1000)


def test_the_paragraph_jumped_to_stays_current_while_on_screen() -> None:
    layout = _layout()
    first = layout.first_line(3)
    top = first - 1  # the blank line above ¶3, as a ¶N link opens it
    assert current_paragraph(layout, top, 10, jumped_to=3, at_bottom=False) == 3
    # Scrolled so ¶3 is still at the bottom of the screen: still ¶3.
    assert current_paragraph(layout, first - 9, 10, jumped_to=3, at_bottom=False) == 3
    # Scrolled past it: the paragraph on the top line.
    below = layout.last_line(3) + 1
    assert current_paragraph(layout, below, 10, jumped_to=3, at_bottom=False) == 4


def test_the_top_line_decides_and_a_blank_top_line_means_the_paragraph_below() -> None:
    layout = _layout()
    inside = layout.first_line(6) + 2
    assert current_paragraph(layout, inside, 10, jumped_to=None, at_bottom=False) == 6
    blank = layout.first_line(7) - 1
    assert current_paragraph(layout, blank, 10, jumped_to=None, at_bottom=False) == 7


def test_at_the_bottom_the_last_paragraph_is_current_unless_one_was_jumped_to() -> None:
    layout = _layout()
    height = 20
    top = len(layout) - height
    last = len(layout.texts) - 1
    assert layout.paragraph_at(top) != last  # ¶17 does not reach the top line
    assert current_paragraph(layout, top, height, jumped_to=None, at_bottom=True) == last
    on_screen = layout.paragraph_at(len(layout) - height + 1)
    assert current_paragraph(layout, top, height, jumped_to=on_screen, at_bottom=True) == (
        on_screen
    )


@cache
def _layout_at(width: int) -> CableLayout:
    """The seed laid out at ``width``, made once per width (the examples only read it)."""
    return _layout(width)


@settings(deadline=None)  # the machine is shared; the first example at a width lays it out
@given(
    width=st.integers(10, 100),
    top=st.integers(0, 400),
    height=st.integers(1, 60),
    jumped_to=st.none() | st.integers(0, 17),
)
def test_the_current_paragraph_is_always_on_screen(
    width: int, top: int, height: int, jumped_to: int | None
) -> None:
    layout = _layout_at(width)
    top = min(top, max(0, len(layout) - height))  # as far as a view scrolls
    at_bottom = len(layout) > height and top == len(layout) - height
    current = current_paragraph(layout, top, height, jumped_to=jumped_to, at_bottom=at_bottom)
    if current is None:  # only a blank line between paragraphs is on screen
        assert all(layout.paragraph_at(y) == BLANK for y in range(top, top + height))
    else:
        assert layout.is_visible(current, top, height)


def test_search_is_case_insensitive_and_steps_round_the_ends() -> None:
    layout = _layout()
    search = TextSearch(layout.texts, "  shymkent ")
    assert search.query == "shymkent"
    assert [m.paragraph for m in search.matches] == [1, 2, 2, 2, 2, 11, 12, 12, 17, 17]
    assert search.number is None
    assert search.step(-1) == search.matches[-1] and search.number == 10
    assert search.step(1) == search.matches[0] and search.number == 1
    assert [i for i, _ in search.in_paragraph(12)] == [6, 7]
    assert search.in_paragraph(3) == []
    assert len(TextSearch(layout.texts, "   ")) == 0


def test_the_status_and_the_link_name_the_current_paragraph() -> None:
    position = ReadingPosition(
        "08ASTANA611",
        current=5,
        top=4,
        paragraph_count=17,
        fraction=0.4,
        search="Nur Otan",
        match=2,
        match_count=3,
    )
    assert position.status() == "08ASTANA611 · ¶5 of 17 · 40% · “Nur Otan” 2/3"
    assert position.link() == "08ASTANA611¶5"
    header = ReadingPosition("08ASTANA611", current=0, top=0, paragraph_count=17)
    assert header.link() == "08ASTANA611" and header.cited is None
    assert header.status() == "08ASTANA611"
    assert ReadingPosition().link() is None and ReadingPosition().status() == ""


def test_a_searched_control_character_is_shown_harmless() -> None:
    position = ReadingPosition("08ASTANA611", search="\x1b]0;x\x07", match_count=0)
    assert "\x1b" not in position.status() and "0 found" in position.status()


def test_a_cable_without_paragraphs_has_no_current_paragraph() -> None:
    cable = Cable(id="09EMPTY1", paragraphs=(Paragraph(1, None, ""),))
    layout = CableLayout(cable)
    layout.wrap(40)
    assert current_paragraph(layout, 0, 10, jumped_to=None, at_bottom=False) == 0
    empty = CableLayout(Cable(id="09EMPTY2", paragraphs=()))
    empty.wrap(40)
    assert current_paragraph(empty, 0, 10, jumped_to=None, at_bottom=False) is None


def test_the_reader_presentation_modules_import_no_textual() -> None:
    code = (
        "import sys, tui.presentation.cable_layout, tui.presentation.reading_position, "
        "tui.presentation.text_search, tui.presentation.wrapping\n"
        "print('textual' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT, check=True
    )
    assert result.stdout.strip() == "False"
