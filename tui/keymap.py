"""The user's keymap: a TOML file that gives any binding, by its id, other keys.

The file is ``keymap.toml`` in the user's config folder (``~/.config/cables/keymap.toml`` on
Linux), or the file named by ``$CABLES_KEYMAP``::

    # binding id = "key" or "key1,key2"   (ids: press ? in the browser)
    [keys]
    "reader.copy_link" = "c"
    "app.quit" = "q,ctrl+q"

A file that cannot be read, an unknown id or a value that is not a key string gives one line
of problems for the user; every good entry still applies, and the app opens anyway.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cables.sanitize import clean_text

__all__ = ["KEYMAP_VAR", "Keymap", "default_keymap_path", "load_keymap"]

KEYMAP_VAR = "CABLES_KEYMAP"
# A key as Textual names it: "c", "ctrl+c", "question_mark", "f1", "alt+left", "ä", "Y".
_KEY = re.compile(r"^(?:(?:ctrl|alt|shift|super|meta|hyper)\+)*(?:[a-z0-9_]+|[^\s,+])$", re.I)


@dataclass(frozen=True)
class Keymap:
    """Binding id -> keys (as Textual's ``App.set_keymap`` takes them), and what was wrong."""

    keys: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    path: Path | None = None

    def problem_line(self) -> str | None:
        """One line for the user naming the file and every problem, or None."""
        if not self.problems:
            return None
        where = clean_text(str(self.path)) if self.path else "the keymap"
        return f"Keymap {where}: " + "; ".join(self.problems) + " (the rest applies)"


def default_keymap_path() -> Path:
    """``$CABLES_KEYMAP``, else ``keymap.toml`` in the user's config folder."""
    named = os.environ.get(KEYMAP_VAR)
    if named:
        return Path(named).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("cables", appauthor=False)) / "keymap.toml"


def _valid_keys(value: object) -> str | None:
    """The key string of a keymap value, or None when it is not one."""
    if not isinstance(value, str):
        return None
    keys = [key.strip() for key in value.split(",")]
    if not keys or not all(key and _KEY.match(key) for key in keys):
        return None
    return ",".join(keys)


def load_keymap(known_ids: Iterable[str], path: Path | None = None) -> Keymap:
    """The keymap in ``path`` (default: :func:`default_keymap_path`), checked against the
    binding ids the app has. A missing file is no keymap and no problem."""
    path = path or default_keymap_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Keymap(path=path)
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or type(error).__name__
        return Keymap(problems=(f"cannot be read ({reason})",), path=path)
    except tomllib.TOMLDecodeError as error:
        return Keymap(problems=(f"is not valid TOML ({clean_text(str(error))})",), path=path)
    table = data.get("keys", data)
    if not isinstance(table, dict):
        return Keymap(problems=("[keys] is not a table",), path=path)
    known = set(known_ids)
    keys: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, value in table.items():
        shown = clean_text(binding_id)[:60]
        if binding_id not in known:
            problems.append(f"no binding has the id {shown!r}")
            continue
        valid = _valid_keys(value)
        if valid is None:
            problems.append(f"{shown}: {clean_text(repr(value))[:40]} is not a key")
            continue
        keys[binding_id] = valid
    return Keymap(keys, tuple(problems), path)
