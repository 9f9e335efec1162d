"""Text cut to a number of terminal cells, an ellipsis marking the cut.

Cells, not characters: a CJK character takes two cells, a combining mark none, so a name
cut by ``len`` could still overflow its column or leave it ragged.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

ELLIPSIS = "…"


def clip_cells(text: str, width: int) -> str:
    """``text`` if it fits in ``width`` cells, else its start and an ellipsis in that many
    (empty when not even the ellipsis fits)."""
    if cell_len(text) <= width:
        return text
    if width <= 0:
        return ""
    return set_cell_size(text, width - 1) + ELLIPSIS


def fit_cells(text: str, width: int) -> str:
    """``text`` cut (see :func:`clip_cells`) or padded to exactly ``width`` cells."""
    return set_cell_size(clip_cells(text, width), max(0, width))
