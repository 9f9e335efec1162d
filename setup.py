"""The build: the entity extractor and the reading of a cable's body compiled with mypyc.

Why: the import of the full corpus spends most of its processor time in the parsing
workers, about three fifths of it in the extractor's pure Python and a quarter in parsing
the cable (see benchmarks/RESULTS.md). Compiled to C by mypyc, the extractor runs about
1.3 to 1.4 times as fast, with the same results (a test compares what the installed,
compiled package parses with what the checkout's source parses, on every real cable of
``tests/corpus``).

Compilation is optional, never a condition of installing: without mypy or a C compiler,
when compiling fails, or with ``CABLES_PURE_PYTHON=1`` in the environment, the package is
installed as pure Python, which behaves the same, only slower. Everything else about the
package is in ``pyproject.toml``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

#: Set to 1 to install without compiling anything.
PURE_PYTHON_VAR = "CABLES_PURE_PYTHON"
HERE = Path(__file__).parent


#: The modules compiled: the entity extractor and the name keys it links mentions by,
#: where the parsing workers spend about three fifths of their time, and the reading of a
#: cable's body (header fields, paragraphs, references), most of the parsing. The rest of
#: the domain package stays Python: the source formats and the other modules gained
#: nothing measurable compiled, and the model's classes cross between processes.
COMPILED = ("cables/entities", "cables/names.py", "cables/body")


def compiled_sources() -> list[str]:
    """The source files of :data:`COMPILED` (a package's modules, not its ``__init__``,
    which stays Python so that the package imports the same either way)."""
    sources: list[str] = []
    for name in COMPILED:
        path = HERE / name
        files = sorted(path.glob("*.py")) if path.is_dir() else [path]
        sources += [f.relative_to(HERE).as_posix() for f in files if f.name != "__init__.py"]
    return sources


def _say(message: str) -> None:
    print(f"cables build: {message}", file=sys.stderr)


def extensions() -> list[Any]:
    """The extension modules mypyc makes of :func:`compiled_sources` (none when it cannot
    be used: the install goes on as pure Python)."""
    if os.environ.get(PURE_PYTHON_VAR, "").strip() == "1":
        _say(f"{PURE_PYTHON_VAR}=1: installing pure Python")
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _say("mypyc is not available: installing pure Python")
        return []
    try:
        return list(mypycify(compiled_sources(), opt_level="3", verbose=False))
    except (Exception, SystemExit) as error:  # mypy reports type errors by exiting
        _say(f"mypyc cannot compile the extractor ({error}): installing pure Python")
        return []


class OptionalBuildExt(build_ext):
    """Builds the compiled modules, or, if any of them fails (no C compiler, a compiler
    error), removes whatever was built so the package stays whole as pure Python: a
    compiled module without the shared library mypyc puts beside it would not import."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # CCompilerError, CompileError, LinkError, OSError
            for extension in self.extensions:
                for path in (
                    Path(self.get_ext_fullpath(extension.name)),
                    Path(self.build_lib) / self.get_ext_filename(extension.name),
                ):
                    path.unlink(missing_ok=True)
            self.extensions = []
            _say(f"compiling failed ({error}): installing pure Python")


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
