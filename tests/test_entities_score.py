"""The gold scoring of benchmarks/score_entities.py on the hand-made cables of tests/corpus."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from tests.conftest import PROJECT


def _scorer():
    path = PROJECT / "benchmarks" / "score_entities.py"
    spec = importlib.util.spec_from_file_location("score_entities", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


# The targets: recall >= 0.85 and precision >= 0.80 for each kind.
FLOORS = {
    "people": (0.85, 0.80),
    "places": (0.85, 0.80),
    "groups": (0.85, 0.80),
}


def test_the_extractor_reaches_the_recall_and_precision_targets_on_the_gold_cables(
    corpus: Path,
) -> None:
    scorer = _scorer()
    scores = scorer.score(corpus, corpus / "gold" / "entities.json")
    for kind, (recall, precision) in FLOORS.items():
        assert scores[kind].gold > 100
        assert scores[kind].recall >= recall, (kind, scores[kind].recall)
        assert scores[kind].precision >= precision, (kind, scores[kind].precision)


def test_a_predicted_entity_matches_gold_by_any_form_ignoring_case_and_spacing() -> None:
    from cables.model import Entity

    scorer = _scorer()
    into = scorer.KindScore()
    gold = [
        {"name": "Rayhan Khobdabergenova", "forms": ["Rayhan Khobdabergenova", "Hobdabergenova"]}
    ]
    predicted = [Entity("X", ("HOBDABERGENOVA",)), Entity("Nobody", ("Nobody",))]
    scorer.score_cable(predicted, gold, into, "08ASTANA611")
    assert (into.gold_matched, into.gold, into.predicted_matched, into.predicted) == (1, 1, 1, 2)
    assert into.recall == 1.0 and into.precision == 0.5
