"""The layers of DESIGN.md: cables/ knows neither TinyDB nor Textual; store/ knows no Textual;
the commands that do not open the browser start without Textual."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest

from tests.conftest import PROJECT


def _modules_loaded_by(code: str) -> set[str]:
    """The top-level module names in sys.modules after running ``code`` in a fresh Python."""
    report = "import sys, json\nprint(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    probe = f"{code}\n{report}"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=PROJECT, check=True
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def _all_modules(package: str) -> list[str]:
    path = PROJECT / package
    return [package] + [
        f"{package}.{info.name}"
        for info in pkgutil.walk_packages([str(path)])
        if not info.name.startswith("_")
    ]


def test_domain_layer_imports_neither_tinydb_nor_textual() -> None:
    code = "\n".join(f"import {name}" for name in _all_modules("cables"))
    loaded = _modules_loaded_by(code)
    assert "tinydb" not in loaded
    assert "textual" not in loaded


def test_store_layer_imports_no_textual() -> None:
    code = "\n".join(f"import {name}" for name in _all_modules("store"))
    loaded = _modules_loaded_by(code)
    assert "textual" not in loaded
    assert "tinydb" in loaded, "the store is meant to be built on TinyDB"


@pytest.mark.parametrize("command", ["parse", "importing", "show", "stats", "find"])
def test_commands_that_do_not_browse_start_without_textual(command: str) -> None:
    loaded = _modules_loaded_by(f"import tui.cli, tui.commands.{command}")
    assert "textual" not in loaded
