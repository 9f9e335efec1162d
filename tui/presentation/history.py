"""The places read in this session, newest last: what the history list shows.

Pure Python. The reader adds a visit each time it opens a cable; the history screen lists
them newest first. A cable read again moves to the top instead of being listed twice.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Visit", "VisitLog"]


@dataclass(frozen=True, slots=True)
class Visit:
    """One cable opened in the reader (at ``paragraph``, when one was asked for)."""

    cable_id: str
    paragraph: int | None = None


class VisitLog:
    """The cables opened in this session, each once, bounded to ``limit`` entries."""

    def __init__(self, limit: int = 500) -> None:
        self.limit = limit
        self._visits: list[Visit] = []

    def add(self, cable_id: str, paragraph: int | None = None) -> None:
        """Remember that ``cable_id`` was opened (moving it to the newest place)."""
        self._visits = [visit for visit in self._visits if visit.cable_id != cable_id]
        self._visits.append(Visit(cable_id, paragraph))
        del self._visits[: -self.limit]

    def newest_first(self) -> list[Visit]:
        """Every visit, the most recent first."""
        return list(reversed(self._visits))

    def __len__(self) -> int:
        return len(self._visits)
