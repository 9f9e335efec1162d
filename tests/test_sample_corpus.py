"""The sample corpus shipped in the package: real cables, parsed by today's parser."""

from __future__ import annotations

from importlib import resources

from cables.model import Cable
from cables.sources import iter_cables
from tests.conftest import SEED

SAMPLE = resources.files("cables.data") / "sample.jsonl.gz"


def _sample_cables() -> list[Cable]:
    with resources.as_file(SAMPLE) as path:
        items = list(iter_cables([str(path)]))
    assert all(isinstance(item, Cable) for item in items), items
    return items  # type: ignore[return-value]


def test_sample_holds_the_seed_and_twenty_to_fifty_real_cables() -> None:
    cables = _sample_cables()
    ids = [cable.id for cable in cables]
    assert 20 <= len(cables) <= 50
    assert len(set(ids)) == len(ids)
    assert "08ASTANA611" in ids


def test_sample_matches_what_the_parser_makes_of_the_seed_today() -> None:
    # Fails when the parser changed and the sample was not rebuilt:
    # run `python scripts/make_sample.py`.
    (fresh,) = iter_cables([str(SEED)])
    shipped = next(cable for cable in _sample_cables() if cable.id == "08ASTANA611")
    assert shipped == fresh


def test_sample_cables_cite_each_other_so_references_lead_somewhere() -> None:
    cables = _sample_cables()
    ids = {cable.id for cable in cables}
    linked = [c.id for c in cables if any(ref in ids for ref in c.references)]
    assert len(linked) >= 10
