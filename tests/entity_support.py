"""Helpers for the entity index tests: cables with hand-set entities, stores of them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from cables.model import Cable, Entities, Entity
from store.records import make_record
from store.store import CableStore
from store.writer import StoreWriter
from tests.store_support import make_cable

Spec = tuple[str, tuple[str, ...], tuple[int, ...]]


def entity_cable(
    number: int,
    people: tuple[Spec, ...] = (),
    places: tuple[Spec, ...] = (),
    groups: tuple[Spec, ...] = (),
    created: str | None = None,
) -> Cable:
    """``08TEST<number>`` naming these (name, forms, paragraphs) entities."""
    cable = make_cable(number)
    return replace(
        cable,
        created=created or cable.created,
        entities=Entities(
            people=tuple(Entity(*spec) for spec in people),
            places=tuple(Entity(*spec) for spec in places),
            groups=tuple(Entity(*spec) for spec in groups),
        ),
    )


def write_cables(directory: Path, cables: list[Cable], **options: Any) -> None:
    """One writer session adding these cables (segments of 2 cables unless told)."""
    options.setdefault("segment_size", 2)
    with StoreWriter(directory, **options) as writer:
        for cable in cables:
            writer.add(make_record(cable))


def index_view(directory: Path) -> list[tuple[Any, ...]]:
    """Everything the entity index of a store says, entity by entity, comparable."""
    index = CableStore.open(directory).entity_index()
    view = []
    for entity_id in range(len(index)):
        entity = index.entity(entity_id)
        postings = tuple(index.postings(entity_id))
        view.append((entity.name, entity.kind, entity.forms, entity.count, postings))
    return sorted(view)
