"""The installed package, its extractor and its reading of a cable's body compiled by mypyc
at install (setup.py), parses what the checkout's Python source parses.

The README's test command installs the package (``pip install '.[test]'``) and then runs
the tests from the checkout, so every other test exercises the Python source; the
``cables`` command a reader runs is the installed package, whose compiled modules are
built when a C compiler was at hand. These tests run the installed package in a process
that does not see the checkout (``python -I`` from another folder) and compare.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from cables.errors import ParseError
from cables.jsonform import cable_to_json
from cables.model import Cable
from cables.sources import iter_cables

from .conftest import PROJECT
from .store_support import make_csv

#: Every cable of the corpus, each as one line: its whole JSON form (fields, paragraphs,
#: references, entities).
_FORMS = """
import sys, orjson
from cables.errors import ParseError
from cables.jsonform import cable_to_json
from cables.sources import iter_cables
for cable in iter_cables([sys.argv[1]]):
    if not isinstance(cable, ParseError):
        print(orjson.dumps(cable_to_json(cable), option=orjson.OPT_SORT_KEYS).decode())
"""

_WHERE = """
import cables.entities.extract as extract, cables.names as names
import cables.body.paragraphs as paragraphs
print(extract.__file__)
print(names.__file__)
print(paragraphs.__file__)
"""


def _installed(tmp_path: Path, script: str, *args: str) -> str:
    """What ``script`` prints when it imports the installed package (not the checkout)."""
    result = subprocess.run(
        [sys.executable, "-I", "-c", script, *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        if "No module named 'cables'" in result.stderr:
            pytest.skip("the package is not installed (the README's command installs it)")
        pytest.fail(f"the installed package failed:\n{result.stderr[-2000:]}")
    return result.stdout


def _cables(folder: Path) -> list[Cable]:
    return [c for c in iter_cables([str(folder)]) if not isinstance(c, ParseError)]


def _difference(installed: str, here: str) -> str:
    """A cable's id and the fields of its JSON form that differ between two lines."""
    one, other = orjson.loads(installed), orjson.loads(here)
    fields = sorted(k for k in one.keys() | other.keys() if one.get(k) != other.get(k))
    return f"{other.get('id')}: {', '.join(fields)}"


def _compare(tmp_path: Path, source: Path) -> None:
    installed = _installed(tmp_path, _FORMS, str(source)).splitlines()
    here = [
        orjson.dumps(form, option=orjson.OPT_SORT_KEYS).decode()
        for form in map(cable_to_json, _cables(source))
    ]
    assert len(here) > 100
    differing = [_difference(a, b) for a, b in zip(installed, here, strict=False) if a != b]
    assert len(installed) == len(here)
    assert not differing, (
        "the installed package parses otherwise than the checkout (reinstall it after a "
        f"change: pip install .): {differing[:3]}"
    )


def test_the_installed_package_parses_what_the_source_parses_on_every_real_cable(
    corpus: Path, tmp_path: Path
) -> None:
    """Same header fields, paragraphs, references and entities (forms and paragraphs),
    cable by cable, in every source format: compiling changes the speed, never the
    result."""
    _compare(tmp_path, corpus)


def test_the_installed_package_parses_what_the_source_parses_in_made_up_text(
    tmp_path: Path,
) -> None:
    """The same on 400 synthetic cables (made-up names, capitals at random: the runs real
    cables seldom give), the corpus the import's benchmark reads."""
    _compare(tmp_path, make_csv(tmp_path / "made-up.csv", 400, seed=7))


@pytest.mark.skipif(
    shutil.which("cc") is None and shutil.which("gcc") is None, reason="no C compiler here"
)
def test_where_a_compiler_is_at_hand_the_install_compiled_extractor_and_body(
    tmp_path: Path,
) -> None:
    """The README's install compiles the extractor and the reading of the body (the
    import's speed depends on them); without a compiler it installs as pure Python, which
    this test then does not ask."""
    files = _installed(tmp_path, _WHERE).split()
    if all(Path(f).resolve().is_relative_to(PROJECT) for f in files):
        pytest.skip("the package is installed from the checkout itself (editable)")
    assert all(f.endswith(".so") or f.endswith(".pyd") for f in files), files
