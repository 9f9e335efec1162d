"""A count and its noun, singular for one: "1 cable", "2 cables", "1,024 sources"."""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """``count`` (with thousands separators) and ``noun``, with an "s" unless it is one."""
    return f"{count:,} {noun}" + ("" if count == 1 else "s")
