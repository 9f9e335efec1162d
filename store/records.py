"""A cable made ready for the store: its catalog document, its body bytes, a content hash.

This runs in the import's worker processes (beside parsing), so the main process that
writes the store only moves bytes: serialising, hashing, the full-text document and the
entity keys are spread over every core.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import orjson

from cables.jsonform import cable_to_json
from cables.model import Cable
from store.catalog import CatalogRow
from store.entity_index import Mention, prepare_mentions
from store.text_index import document_fields


@dataclass(frozen=True, slots=True)
class Record:
    """One cable as the store keeps it.

    ``body`` is the orjson of the cable's full JSON form (:func:`cables.jsonform.cable_to_json`);
    ``digest`` is a hash of it (equal digests: an unchanged cable); ``catalog`` is the small
    document of the catalog (header fields, counts, references, digest).
    ``source`` names where it came from (a path, or None).

    What the writer does with the body, made beside it (in the workers) so that the writer
    never decodes it: ``text`` is the cable's full-text document but its place
    (:func:`store.text_index.document_fields`), ``mentions_row`` its row of its segment's
    mentions file and ``mentions`` its entities as the entity index sets them aside
    (:func:`store.entity_index.prepare_mentions`). None: the writer derives them from
    ``body``.
    """

    id: str
    digest: str
    catalog: dict[str, Any]
    body: bytes
    source: str | None = None
    text: str | None = None
    mentions_row: bytes | None = None
    mentions: list[Mention] | None = None


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
    form = cable_to_json(cable)
    body = orjson.dumps(form)
    digest = hashlib.blake2b(body, digest_size=12).hexdigest()
    row, mentions = prepare_mentions(form)
    catalog = catalog_doc(cable, digest)
    return Record(cable.id, digest, catalog, body, source, document_fields(form), row, mentions)
