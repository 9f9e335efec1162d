#!/usr/bin/env python3
"""Score the entity extractor against hand-made gold lists (tests/corpus/gold/entities.json).

A predicted entity matches a gold entity of the same kind when one of its forms equals one of
the gold forms, ignoring case and spacing. Precision is the share of predicted entities that
match a gold one; recall the share of gold entities matched by a predicted one; both are
counted over all the gold cables together, for each kind.

usage: python benchmarks/score_entities.py [--corpus DIR] [--gold FILE] [--show] [--append]
    --show      list each cable's misses and false entities
    --append    append the table to benchmarks/RESULTS.md (with the date and the machine)
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from cables.entities import extract_entities  # noqa: E402
from cables.model import Cable, Entity  # noqa: E402
from cables.sources import iter_cables  # noqa: E402

KINDS = ("people", "places", "groups")


@dataclass
class KindScore:
    """Counts for one kind of entity."""

    predicted: int = 0
    predicted_matched: int = 0
    gold: int = 0
    gold_matched: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Share of predicted entities that match a gold one."""
        return self.predicted_matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Share of gold entities matched by a predicted one."""
        return self.gold_matched / self.gold if self.gold else 0.0


def _key(form: str) -> str:
    return "".join(form.lower().split())


def _keys(forms: list[str] | tuple[str, ...]) -> set[str]:
    return {_key(f) for f in forms}


def score_cable(predicted: list[Entity], gold: list[dict], into: KindScore, cable_id: str) -> None:
    """Add one cable's counts for one kind."""
    gold_keys = [_keys(g["forms"]) | {_key(g["name"])} for g in gold]
    pred_keys = [_keys(p.forms) | {_key(p.name)} for p in predicted]
    into.gold += len(gold)
    into.predicted += len(predicted)
    for g, keys in zip(gold, gold_keys, strict=True):
        if any(keys & p for p in pred_keys):
            into.gold_matched += 1
        else:
            into.misses.append(f"{cable_id}: {g['name']}")
    for p, keys in zip(predicted, pred_keys, strict=True):
        if any(keys & g for g in gold_keys):
            into.predicted_matched += 1
        else:
            into.false.append(f"{cable_id}: {' / '.join(p.forms)}")


def load_cables(corpus: Path, wanted: set[str]) -> dict[str, Cable]:
    """The cables of the corpus folder whose ids are wanted (first copy of each)."""
    found: dict[str, Cable] = {}
    for item in iter_cables([str(corpus)]):
        if isinstance(item, Cable) and item.id in wanted:
            found.setdefault(item.id, item)
    return found


def score(corpus: Path, gold_path: Path) -> dict[str, KindScore]:
    """Per-kind scores of the extractor on the gold cables found in ``corpus``."""
    gold = json.loads(gold_path.read_text())
    cables = load_cables(corpus, set(gold))
    scores = {kind: KindScore() for kind in KINDS}
    for cable_id, gold_entities in sorted(gold.items()):
        cable = cables.get(cable_id)
        entities = extract_entities(cable) if cable else None
        for kind in KINDS:
            predicted = list(getattr(entities, kind)) if entities else []
            score_cable(predicted, gold_entities.get(kind, []), scores[kind], cable_id)
    return scores


def table(scores: dict[str, KindScore]) -> str:
    """The scores as a Markdown table."""
    lines = [
        "| kind | gold | predicted | recall | precision | F1 |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for kind, s in scores.items():
        f1 = 2 * s.precision * s.recall / (s.precision + s.recall) if s.precision + s.recall else 0
        lines.append(
            f"| {kind} | {s.gold} | {s.predicted} | {s.recall:.3f} | {s.precision:.3f} | {f1:.3f} |"
        )
    return "\n".join(lines)


def main() -> int:
    """Score, print, optionally append to RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(PROJECT / "tests" / "corpus"))
    parser.add_argument("--gold", default=None)
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--append", action="store_true")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    gold = Path(args.gold) if args.gold else corpus / "gold" / "entities.json"
    scores = score(corpus, gold)
    if args.show:
        for kind, s in scores.items():
            print(f"## {kind}: missed")
            print("\n".join(s.misses))
            print(f"## {kind}: false")
            print("\n".join(s.false))
    print(table(scores))
    if args.append:
        from benchmarks.common import RESULTS, machine

        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
        with RESULTS.open("a") as out:
            out.write(
                f"\n## Entity extraction quality, {stamp}\n\n{machine()}\n\n"
                f"`python benchmarks/score_entities.py`: the {len(json.loads(gold.read_text()))}"
                " hand-made gold cables of tests/corpus/gold (a predicted entity matches a gold"
                " one of its kind when they share a form, ignoring case and spacing).\n\n"
                f"{table(scores)}\n"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
