"""Errors of the store, each a plain sentence for the user (and the command that fixes it)."""

from __future__ import annotations


class StoreError(Exception):
    """A store that cannot be used: missing, foreign, damaged, or of another schema version.

    ``str(error)`` is one sentence for the user, naming the folder and, where one exists, the
    command that fixes it.
    """


class StoreLockedError(StoreError):
    """Another writer (an import) holds the store's lock; the message names it (pid, command)."""
