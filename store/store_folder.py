"""Where the store lives: ``--store DIR``, else ``$CABLES_STORE``, else the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "CABLES_STORE"


def default_store_dir() -> Path:
    """The store in the user's data directory (e.g. ``~/.local/share/cables/store``)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("cables", appauthor=False)) / "store"


def resolve_store_dir(option: str | None) -> Path:
    """The store folder: the ``--store`` option, else ``$CABLES_STORE``, else the default."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return default_store_dir()
