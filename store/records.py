"""A cable made ready for the store: its catalog document, its body bytes, a content hash.

This runs in the import's worker processes (beside parsing), so the main process that
writes the store only moves bytes: serialising and hashing are spread over every core.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import orjson

from cables.jsonform import cable_to_json
from cables.model import Cable
from store.catalog import CatalogRow


@dataclass(frozen=True, slots=True)
class Record:
    """One cable as the store keeps it.

    ``body`` is the orjson of the cable's full JSON form (:func:`cables.jsonform.cable_to_json`);
    ``digest`` is a hash of it (equal digests: an unchanged cable); ``catalog`` is the small
    document of the catalog (header fields, counts, references, digest).
    ``source`` names where it came from (a path, or None).
    """

    id: str
    digest: str
    catalog: dict[str, Any]
    body: bytes
    source: str | None = None


def catalog_doc(cable: Cable, digest: str) -> dict[str, Any]:
    """The catalog document of a cable: its :class:`~store.catalog.CatalogRow` (what lists,
    filters and stats need) and what re-imports need (references, digest, counts)."""
    entities = cable.entities
    return {
        **CatalogRow.of_cable(cable).to_doc(),
        "released": cable.released,
        "tags": list(cable.tags),
        "references": list(cable.references),
        "paragraphs": len(cable.paragraphs),
        "entities": len(entities.people) + len(entities.places) + len(entities.groups),
        "id_malformed": cable.id_malformed,
        "digest": digest,
    }


def make_record(cable: Cable, source: str | None = None) -> Record:
    """The store record of a cable."""
    body = orjson.dumps(cable_to_json(cable))
    digest = hashlib.blake2b(body, digest_size=12).hexdigest()
    return Record(cable.id, digest, catalog_doc(cable, digest), body, source)
