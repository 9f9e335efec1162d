"""The layers of DESIGN.md: cables/ knows neither TinyDB nor Textual; store/ knows no Textual;
the commands that do not open the browser start without Textual.

Checked twice: statically, by the import-linter contracts of pyproject.toml (every import of
the project's own packages, ``tui`` above ``store`` above ``cables``), and at run time, by
importing each package in a fresh Python and looking at ``sys.modules``.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

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


def _lint_imports(config: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter's contracts of ``config`` over the project, in a fresh Python."""
    code = (
        "import sys\n"
        "from importlinter.cli import lint_imports\n"
        "sys.exit(lint_imports(config_filename=sys.argv[1], no_cache=True, no_logo=True))"
    )
    return subprocess.run(
        [sys.executable, "-c", code, str(config)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
    )


def test_the_import_contracts_of_pyproject_are_kept() -> None:
    result = _lint_imports(PROJECT / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "kept, 0 broken" in result.stdout


def test_the_import_contracts_see_the_imports_between_the_packages(tmp_path: Path) -> None:
    # The layers upside down must break: the linter really reads the project's imports.
    config = tmp_path / "upside_down.toml"
    config.write_text(
        '[tool.importlinter]\nroot_packages = ["cables", "store", "tui"]\n\n'
        "[[tool.importlinter.contracts]]\n"
        'name = "upside down"\ntype = "layers"\nlayers = ["cables", "store", "tui"]\n'
    )
    result = _lint_imports(config)
    assert result.returncode != 0
    assert "store.records -> cables.model" in result.stdout


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
