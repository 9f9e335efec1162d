"""Shared test fixtures: where the real sample corpus lives."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
# Real cables in every source format, copied into the project (see tests/corpus/README.md).
CORPUS = PROJECT / "tests" / "corpus"
SEED = CORPUS / "blog" / "08ASTANA611.txt"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The folder of real cables in every source format."""
    if not CORPUS.is_dir():
        pytest.fail(f"the sample corpus is missing: expected it at {CORPUS}")
    return CORPUS
