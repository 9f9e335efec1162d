"""The lookup's row list (FixedRows): rows drawn line by line, the cursor kept in view,
a click choosing the row under it, rows replaced without losing the cursor's place."""

from __future__ import annotations

from collections.abc import Hashable

from rich.text import Text
from textual.app import App, ComposeResult

from tui.widgets.fixed_rows import FixedRows


class _RowsApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.chosen: list[Hashable] = []

    def compose(self) -> ComposeResult:
        yield FixedRows(lambda name, _width: Text(f"row {name}"), id="rows")

    def on_fixed_rows_chosen(self, event: FixedRows.Chosen) -> None:
        self.chosen.append(event.key)


def _line(rows: FixedRows, y: int) -> str:
    return rows.render_line(y).text.rstrip()


async def test_rows_are_drawn_one_a_line_and_blank_below_the_last() -> None:
    app = _RowsApp()
    async with app.run_test(size=(30, 6)) as pilot:
        rows = app.query_one(FixedRows)
        rows.set_rows([(n, n) for n in range(3)])
        await pilot.pause()
        assert [_line(rows, y) for y in range(5)] == ["row 0", "row 1", "row 2", "", ""]
        assert rows.cursor == 0 and rows.cursor_key == 0


async def test_moving_the_cursor_past_the_bottom_scrolls_the_window_to_keep_it_in_view() -> None:
    app = _RowsApp()
    async with app.run_test(size=(30, 5)) as pilot:
        rows = app.query_one(FixedRows)
        rows.set_rows([(n, n) for n in range(100)])
        await pilot.pause()
        rows.move_cursor(12)
        assert rows.cursor == 12
        assert _line(rows, rows.size.height - 1) == "row 12"
        rows.move_cursor(-1000)
        assert rows.cursor == 0 and _line(rows, 0) == "row 0"
        rows.move_cursor(1000)
        assert rows.cursor == 99


async def test_new_rows_put_the_cursor_on_the_first_and_none_leave_no_cursor() -> None:
    app = _RowsApp()
    async with app.run_test(size=(30, 5)) as pilot:
        rows = app.query_one(FixedRows)
        rows.set_rows([(n, n) for n in range(10)])
        rows.move_cursor(3)
        rows.set_rows([("a", "a"), ("b", "b")])
        await pilot.pause()
        assert rows.cursor_key == "a" and _line(rows, 1) == "row b"
        rows.set_rows([])
        assert rows.cursor is None and rows.cursor_key is None and rows.row_count == 0


async def test_a_click_on_a_row_puts_the_cursor_there_and_chooses_it() -> None:
    app = _RowsApp()
    async with app.run_test(size=(30, 6)) as pilot:
        rows = app.query_one(FixedRows)
        rows.set_rows([(f"k{n}", n) for n in range(4)])
        await pilot.pause()
        await pilot.click(FixedRows, offset=(2, 2))
        await pilot.pause()
        assert app.chosen == ["k2"] and rows.cursor == 2
