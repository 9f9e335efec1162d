"""Column widths of the cable list and of its header row, shared so that both line up."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ListColumns"]


@dataclass(frozen=True, slots=True)
class ListColumns:
    """Cell widths of one row: a classification letter, id, date, origin and subject.

    Each column but the subject is followed by one space; the subject takes what is left.
    """

    id: int
    date: int
    origin: int
    subject: int

    MARK = 3  # the classification: S, C, U, with N for NOFORN (S/N) or TS

    @classmethod
    def for_width(cls, width: int, id_width: int = 17) -> ListColumns:
        """The columns for a list ``width`` cells wide, with ids up to ``id_width`` cells.

        Below 100 cells the date loses its time and the origin is kept short, so that at 80
        cells about 30 cells of subject remain.
        """
        id_width = max(11, min(id_width, 24))
        date = 16 if width >= 110 else 10
        if width >= 150:
            origin = 30
        elif width >= 100:
            origin = 24
        else:
            origin = 16
        used = 1 + cls.MARK + 1 + id_width + 1 + date + 1 + origin + 1
        return cls(id_width, date, origin, max(0, width - used))
