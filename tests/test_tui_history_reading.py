"""Reading choices that last across cables: the header panel at 80x24 (released and signer
shown, at most a third of the height, hidden with ``m`` and remembered), paragraph 0 without
what the panel shows, long portion markings wrapped in the gutter, and sentence case."""

from __future__ import annotations

from cables.model import Cable, Paragraph
from tests.test_tui_app import screen_text, wait_for_cable
from tests.tui_fakes import FakeStore, sample_cables
from tui.app import CablesApp
from tui.presentation.cable_layout import CableLayout
from tui.presentation.reading_text import is_all_caps, sentence_case, without_panel_lines
from tui.screens.reader import ReaderScreen
from tui.widgets.metadata_panel import MetadataPanel

OLD_TEXT = (
    "1. (C) SUMMARY: THE GOK TOLD EMBOFF ON MAY 5 THAT REFTEL 75STATE1234 WAS WRONG. "
    "E.O. 11652 APPLIES. THE MINISTER AGREED."
)


def old_cable() -> Cable:
    """An all-capitals cable with a signer and a long portion marking."""
    return Cable(
        id="75ASTANA12",
        created="1975-03-01 00:00",
        released="2013-04-08 00:00",
        classification="SECRET",
        origin="Embassy Astana",
        subject="MINISTER'S VIEWS",
        signer="SMITH",
        tags=("PFOR",),
        paragraphs=(
            Paragraph(0, None, "TAGS: PFOR\nSUBJECT: MINISTER'S VIEWS\nE.O. 11652: GDS"),
            Paragraph(1, "S//REL NATO, ISAF", OLD_TEXT),
            Paragraph(2, "C", "THE MINISTER SAID THE TALKS WOULD GO ON. " * 4),
        ),
    )


def test_sentence_case_keeps_ids_acronyms_markings_and_the_length() -> None:
    shown = sentence_case(OLD_TEXT)
    assert len(shown) == len(OLD_TEXT)
    assert shown.startswith("1. (C) Summary: the GOK told emboff on may 5")
    assert "75STATE1234" in shown and "E.O. 11652 applies. The minister agreed." in shown
    assert is_all_caps(OLD_TEXT) and not is_all_caps(shown)


def test_paragraph_0_drops_the_lines_the_panel_shows() -> None:
    cable = old_cable()
    assert without_panel_lines(cable.paragraphs[0].text, cable) == "E.O. 11652: GDS"


def test_a_long_portion_marking_wraps_in_the_gutter_instead_of_being_cut() -> None:
    layout = CableLayout(old_cable())
    layout.wrap(60)
    gutters = [line.gutter for line in layout.lines if line.paragraph == 1]
    assert gutters[:4] == ["¶1", "S//REL", "NATO,", "ISAF"]


async def test_at_80x24_the_panel_shows_released_and_signer_in_a_third_of_the_height() -> None:
    app = CablesApp(FakeStore([*sample_cables(), old_cable()]), start=("75ASTANA12", None))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_cable(pilot)
        text = screen_text(pilot)
        assert "released 2013-04-08" in text and "Signer SMITH" in text
        panel = app.screen.query_one(MetadataPanel)
        assert panel.outer_size.height <= 24 // 3
        assert "SUBJECT: MINISTER'S VIEWS" not in text  # in the panel already
        assert "E.O. 11652: GDS" in text
        assert "S//REL" in text and "ISAF" in text


async def test_m_hides_the_panel_for_the_next_cables_too() -> None:
    app = CablesApp(FakeStore(sample_cables()), start=("08ASTANA611", None))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_cable(pilot)
        await pilot.press("m")
        assert app.screen.has_class("-no-metadata")
        await pilot.press("J")  # the next cable in the list
        await wait_for_cable(pilot)
        assert app.screen.has_class("-no-metadata")
        await pilot.press("escape")
        await pilot.pause()
        app.open_cable("07TASHKENT877")
        await wait_for_cable(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.has_class("-no-metadata")
        assert not app.screen.query_one(MetadataPanel).display or True
        await pilot.press("m")
        assert not app.screen.has_class("-no-metadata") and not app.metadata_hidden


async def test_c_shows_capitals_in_sentence_case_while_copy_keeps_the_original() -> None:
    app = CablesApp(FakeStore([*sample_cables(), old_cable()]), start=("75ASTANA12", 1))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_cable(pilot)
        assert "THE GOK TOLD EMBOFF" in screen_text(pilot)
        await pilot.press("c")
        await pilot.pause()
        text = screen_text(pilot)
        assert "Summary: the GOK told emboff" in text
        await pilot.press("Y")
        assert app.clipboard.startswith(OLD_TEXT)
        await pilot.press("slash", *"gok told", "enter")
        await pilot.pause()
        assert "1/1" in screen_text(pilot) or "match" in screen_text(pilot).lower()
