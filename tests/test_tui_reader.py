"""The reader cites the paragraph on screen: status line, ``y``, ``Y``, ``[``/``]`` and the palette.

Driven by Pilot over the real seed cable (08ASTANA611, parsed from tests/corpus). What the
reader is reading is read back from the screen itself: the paragraph whose text is on the top
line of the text pane (the rule of the reader, see ``tui.presentation.reading_position``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from textual.pilot import Pilot

from cables.model import Cable
from cables.sources import iter_cables
from tests.conftest import SEED
from tests.test_tui_app import wait_for_cable
from tests.tui_fakes import FakeStore, sample_cables
from tui.app import CablesApp
from tui.screens.reader import ReaderScreen
from tui.widgets.paragraph_view import ParagraphView
from tui.widgets.safe_text import clean
from tui.widgets.status_line import StatusLine

TEXT_COLUMN = 8  # six cells of gutter label, a space, a space of margin
SIZES = [(80, 24), (120, 40)]


def real_seed() -> Cable:
    """08ASTANA611 as the parser reads it from the blog copy in tests/corpus (¶0 to ¶17)."""
    (cable,) = list(iter_cables([str(SEED)]))
    assert isinstance(cable, Cable)
    return cable


SEED_CABLE = real_seed()
LAST = SEED_CABLE.paragraphs[-1].number


def _words(text: str) -> str:
    return " ".join(clean(text).split())


def paragraph_holding(line: str) -> int:
    """The number of the one paragraph of the seed whose text holds this (long) screen line."""
    holders = [p.number for p in SEED_CABLE.paragraphs if _words(line) in _words(p.text)]
    assert len(holders) == 1, f"{line!r} is in paragraphs {holders}"
    return holders[0]


def screen_lines(view: ParagraphView) -> list[tuple[str, str]]:
    """(gutter, text) of every line of the pane, top to bottom, stripped."""
    rows = [view.render_line(y).text for y in range(view.size.height)]
    return [(row[:TEXT_COLUMN].strip(), row[TEXT_COLUMN:].strip()) for row in rows]


def text_lines_on_screen(view: ParagraphView) -> list[str]:
    """The text column of every line of the pane, top to bottom ("" for blank lines)."""
    return [text for _, text in screen_lines(view)]


def paragraph_of_each_line(view: ParagraphView) -> list[int | None]:
    """The paragraph number each line of the pane shows (None for a blank line).

    Read from the screen: a paragraph's first line has "¶N" in the gutter, a blank line ends
    it; lines above the first label belong to the paragraph before it (told by their text
    when no label is on screen). Every attribution is checked against the cable's text.
    """
    lines = screen_lines(view)
    labels = [(y, int(gutter[1:])) for y, (gutter, _) in enumerate(lines) if gutter[:1] == "¶"]
    if labels:
        first_y, first_number = labels[0]
        number: int | None = first_number - 1
    else:
        first_y, number = len(lines), paragraph_holding(max((t for _, t in lines), key=len))
    numbers: list[int | None] = []
    for y, (gutter, text) in enumerate(lines):
        if gutter[:1] == "¶":
            number = int(gutter[1:])
        if not text:
            numbers.append(None)
            if y >= first_y:
                number = None
            continue
        assert number is not None, (y, lines)
        paragraph = SEED_CABLE.paragraph(number)
        assert paragraph is not None and _words(text) in _words(paragraph.text), (number, text)
        numbers.append(number)
    return numbers


def paragraphs_on_screen(view: ParagraphView) -> set[int]:
    """The numbers of the paragraphs with at least one line of text in the pane."""
    return {number for number in paragraph_of_each_line(view) if number is not None}


def paragraph_on_top_line(view: ParagraphView) -> int:
    """The paragraph whose text is on the top line (the next one when the top line is blank)."""
    return next(number for number in paragraph_of_each_line(view) if number is not None)


def status(pilot: Pilot) -> str:
    """What the reader's status line says."""
    return pilot.app.screen.query_one(StatusLine).info


def cited_in_status(pilot: Pilot) -> int:
    """The paragraph number the status line shows ("¶5 of 17")."""
    found = re.search(r"¶(\d+) of (\d+)", status(pilot))
    assert found, status(pilot)
    assert int(found.group(2)) == LAST
    return int(found.group(1))


async def copied(pilot: Pilot, key: str) -> str:
    """What ``key`` puts on the app's clipboard."""
    pilot.app.copy_to_clipboard("")
    await pilot.press(key)
    await pilot.pause()
    return pilot.app.clipboard


async def assert_cites(pilot: Pilot, view: ParagraphView, number: int) -> None:
    """Status, ``y`` and ``Y`` all name paragraph ``number``, and it is on screen."""
    assert number in paragraphs_on_screen(view), (number, text_lines_on_screen(view))
    assert cited_in_status(pilot) == number
    assert await copied(pilot, "y") == f"08ASTANA611¶{number}"
    paragraph = SEED_CABLE.paragraph(number)
    assert paragraph is not None
    assert await copied(pilot, "Y") == f"{clean(paragraph.text)}\n(08ASTANA611¶{number})"


async def open_seed_at_3(pilot: Pilot) -> ParagraphView:
    """The reader on the real seed, opened at ¶3 as ``cables browse 08ASTANA611¶3`` does."""
    view = await wait_for_cable(pilot)
    await pilot.pause()
    return view


def seed_app(paragraph: int | None = 3) -> CablesApp:
    """The browser over the real seed (and the fake cables it links to), opened at ``¶3``."""
    cables = [SEED_CABLE, *(c for c in sample_cables() if c.id != "08ASTANA611")]
    return CablesApp(FakeStore(cables), start=("08ASTANA611", paragraph))


async def test_opening_at_paragraph_3_cites_paragraph_3() -> None:
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_seed_at_3(pilot)
        await assert_cites(pilot, view, 3)
        assert "¶3 of 17" in status(pilot)


SCROLLS: list[Sequence[str]] = [
    ["j"],
    ["j"] * 6,
    ["space"],
    ["space", "space"],
    ["ctrl+d"],
    ["ctrl+d", "ctrl+d", "ctrl+d"],
    ["space", "k", "k"],
    ["ctrl+d", "ctrl+u"],
]
# Every scroll at 80x24; the single keys at 120x40 too (the suite stays quick).
SCROLL_CASES = [
    pytest.param(keys, size, id=f"{'+'.join(keys)}-{size[0]}x{size[1]}")
    for keys in SCROLLS
    for size in SIZES
    if size == (80, 24) or len(keys) == 1
]


@pytest.mark.parametrize(("keys", "size"), SCROLL_CASES)
async def test_after_scrolling_the_paragraph_on_the_top_line_is_cited(
    keys: Sequence[str], size: tuple[int, int]
) -> None:
    app = seed_app()
    async with app.run_test(size=size) as pilot:
        view = await open_seed_at_3(pilot)
        await pilot.press(*keys)
        await pilot.pause()
        reading = paragraph_on_top_line(view)
        if 3 not in paragraphs_on_screen(view):  # the paragraph opened at has scrolled away
            assert reading > 3
        else:
            reading = 3  # the paragraph jumped to stays current while it is on screen
        await assert_cites(pilot, view, reading)
        # [ and ] step from the paragraph being read, not from the one opened at.
        await pilot.press("right_square_bracket")
        await pilot.pause()
        await assert_cites(pilot, view, reading + 1)
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        await assert_cites(pilot, view, reading - 1)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_at_the_bottom_the_last_paragraph_is_cited(size: tuple[int, int]) -> None:
    app = seed_app()
    async with app.run_test(size=size) as pilot:
        view = await open_seed_at_3(pilot)
        await pilot.press("G")
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y > 0
        if size == (120, 40):  # ¶17 cannot reach the top line (at 80x24 it fills the pane)
            assert paragraph_on_top_line(view) < LAST
        await assert_cites(pilot, view, LAST)
        assert "¶17 of 17 · 100%" in status(pilot)
        await pilot.press("right_square_bracket")  # there is no ¶18: ¶17 stays
        await pilot.pause()
        await assert_cites(pilot, view, LAST)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        await assert_cites(pilot, view, LAST - 1)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        await assert_cites(pilot, view, LAST - 2)
        await pilot.press("k")  # one line up from the bottom: back to the top-line rule
        await pilot.pause()
        await assert_cites(pilot, view, LAST - 2)
        await pilot.press("g")
        await pilot.pause()
        assert view.scroll_y == 0
        assert "¶" not in status(pilot)  # the top line is ¶0, the text before ¶1
        assert await copied(pilot, "y") == "08ASTANA611"  # ¶0 (the header) cites the cable


async def test_a_blank_line_at_the_top_cites_the_paragraph_below_it() -> None:
    app = seed_app(paragraph=None)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await wait_for_cable(pilot)
        lines: list[str] = []
        for _ in range(60):  # scroll until the top line is a blank between paragraphs
            await pilot.press("j")
            await pilot.pause()
            lines = text_lines_on_screen(view)
            if not lines[0] and lines[1]:
                break
        assert not lines[0] and lines[1]
        await assert_cites(pilot, view, paragraph_of_each_line(view)[1] or -1)


def _match_paragraphs(word: str) -> list[int]:
    """The paragraph of each occurrence of ``word`` in the seed, in reading order."""
    pattern = re.compile(re.escape(word), re.IGNORECASE)
    return [p.number for p in SEED_CABLE.paragraphs for _ in pattern.finditer(clean(p.text))]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_a_search_match_cites_the_paragraph_it_is_in(size: tuple[int, int]) -> None:
    app = seed_app()
    hits = _match_paragraphs("Shymkent")
    async with app.run_test(size=size) as pilot:
        view = await open_seed_at_3(pilot)
        await pilot.press("slash", *"Shymkent", "enter")
        await pilot.pause()
        for _ in range(4):
            found = re.search(r"“Shymkent” (\d+)/(\d+)", status(pilot))
            assert found, status(pilot)
            index, count = int(found.group(1)), int(found.group(2))
            assert count == len(hits)
            await assert_cites(pilot, view, hits[index - 1])
            await pilot.press("n")
            await pilot.pause()
        await pilot.press("N", "N")
        await pilot.pause()
        found = re.search(r"“Shymkent” (\d+)/", status(pilot))
        assert found
        at_match = hits[int(found.group(1)) - 1]
        await assert_cites(pilot, view, at_match)
        await pilot.press("right_square_bracket")  # [ and ] step from the match's paragraph
        await pilot.pause()
        await assert_cites(pilot, view, at_match + 1)
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        await assert_cites(pilot, view, at_match - 1)


async def test_the_first_search_match_is_searched_from_the_paragraph_on_screen() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_seed_at_3(pilot)
        await pilot.press("G", "slash", *"Shymkent", "enter")
        await pilot.pause()
        assert "“Shymkent” 9/10" in status(pilot)  # ¶17 holds the last two
        await assert_cites(pilot, view, LAST)


async def test_the_palette_copies_the_link_to_the_paragraph_on_screen() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_seed_at_3(pilot)
        await pilot.press("G")
        await pilot.pause()
        app.copy_to_clipboard("")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"copy link")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.clipboard == "08ASTANA611¶17"
        assert isinstance(app.screen, ReaderScreen)
        assert view.position.current == LAST


async def test_going_back_returns_to_the_paragraph_that_was_cited() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_seed_at_3(pilot)
        await pilot.press("ctrl+d", "ctrl+d")
        await pilot.pause()
        before = cited_in_status(pilot)
        await pilot.press("l", "enter")  # follow the first link, 07TASHKENT877
        for _ in range(50):
            await pilot.pause(0.02)
            if view.cable is not None and view.cable.id == "07TASHKENT877":
                break
        await pilot.press("backspace")
        for _ in range(50):
            await pilot.pause(0.02)
            if view.cable is not None and view.cable.id == "08ASTANA611":
                break
        await pilot.pause()
        await assert_cites(pilot, view, before)


async def test_going_back_makes_the_paragraph_jumped_to_current_again() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_seed_at_3(pilot)
        await pilot.press("right_square_bracket", "k", "k", "k")  # ¶4, then ¶3's end above it
        await pilot.pause()
        assert paragraph_on_top_line(view) == 3
        await assert_cites(pilot, view, 4)
        await pilot.press("l", "enter")
        for _ in range(50):
            await pilot.pause(0.02)
            if view.cable is not None and view.cable.id == "07TASHKENT877":
                break
        await pilot.press("backspace")
        for _ in range(50):
            await pilot.pause(0.02)
            if view.cable is not None and view.cable.id == "08ASTANA611":
                break
        await pilot.pause()
        assert paragraph_on_top_line(view) == 3
        await assert_cites(pilot, view, 4)
