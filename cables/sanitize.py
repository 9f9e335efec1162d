"""Neutralise control characters in untrusted cable text.

Cable text reaches a terminal: ESC starts escape sequences (retitle the window, write the
clipboard), C1 controls act as ESC in some terminals, CR and backspace overwrite what is
shown, bidi overrides reorder it. :func:`clean_text` keeps newline and tab, turns CR and
the Unicode line separators into newlines, shows C0 controls and DEL as their Unicode
"control picture" (ESC becomes ␛), shows C1 controls as U+FFFD, and removes bidi controls.
"""

from __future__ import annotations

import re

# Everything that needs work; text without any of these is returned as is (the fast path).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in range(0x20):
        if code not in (0x09, 0x0A):
            table[code] = chr(0x2400 + code)  # ␀ .. ␟, e.g. ESC -> ␛
    table[0x0D] = "\n"
    table[0x7F] = "\u2421"  # ␡
    for code in range(0x80, 0xA0):
        table[code] = "\ufffd"
    for code in (0x061C, 0x200E, 0x200F, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[code] = None
    table[0x2028] = "\n"
    table[0x2029] = "\n"
    return table


_TABLE = _build_table()


def clean_text(text: str) -> str:
    """``text`` with every control character but newline and tab made harmless.

    CR LF and lone CR become a newline; other C0 controls and DEL become visible control
    pictures; C1 controls become U+FFFD; bidi overrides, isolates and marks are removed.
    Idempotent, and free for text that holds none of them.
    """
    if not _UNSAFE.search(text):
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return text.translate(_TABLE)


_LINE_BREAKS = str.maketrans({"\n": "\u2424", "\t": " "})  # newline shown as ␤


def clean_line(text: object) -> str:
    """``text`` (a file name, a csv field, a path, a message) made safe to print as one
    terminal line: :func:`clean_text`, then newlines shown as ␤ and tabs as spaces."""
    return clean_text(str(text)).translate(_LINE_BREAKS)
