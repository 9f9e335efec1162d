"""What the entity tests ask of the extractor: the entities of a real page of
``tests/corpus``, or of a paragraph written in a test, and the forms of one kind."""

from __future__ import annotations

from pathlib import Path

from cables.entities import extract_entities
from cables.model import Cable, Entities, Paragraph
from cables.sources import iter_cables

# A one-sentence paragraph whose words are mostly capitalised reads as a heading: a
# sentence before the one tested keeps the paragraph prose, as in a cable.
PROSE_BEFORE = "We met him on Monday. "


def extract_page(path: Path) -> Entities:
    """The entities of the one cable of the page at ``path``."""
    (cable,) = [c for c in iter_cables([str(path)]) if isinstance(c, Cable)]
    return extract_entities(cable)


def extract_text(text: str, prose: bool = False) -> Entities:
    """The entities of a cable of one paragraph, ``text`` (after :data:`PROSE_BEFORE` when
    ``prose``)."""
    paragraph = Paragraph(1, None, PROSE_BEFORE + text if prose else text)
    return extract_entities(Cable(id="09TEST1", paragraphs=(paragraph,)))


def forms_of(entities: Entities, kind: str) -> set[str]:
    """Every form of the entities of ``kind`` ("people", "places", "groups")."""
    return {form for entity in getattr(entities, kind) for form in entity.forms}
