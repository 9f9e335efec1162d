"""The one exception parsers raise for bad input."""

from __future__ import annotations


class ParseError(Exception):
    """A source that cannot be parsed: where (file, and row or line) and why, in one line.

    ``str(error)`` is the sentence printed on stderr, e.g.
    ``cables.csv, row 17: expected 8 columns, found 5``.
    """

    def __init__(self, source: str, reason: str, location: str | None = None) -> None:
        self.source = source
        self.reason = reason
        self.location = location
        where = f"{source}, {location}" if location else source
        super().__init__(f"{where}: {reason}")

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, str, str | None]]:
        """Pickle as the three constructor arguments, so errors cross process boundaries
        (the import's parsing workers return them as they are)."""
        return (type(self), (self.source, self.reason, self.location))
