"""People, places and groups named in a cable: extraction and within-cable linking.

One concept a module: :mod:`.casing` (case of ALL-CAPS text), :mod:`.gazetteer` (places),
:mod:`.cues` (titles, organisation words, verbs), :mod:`.structure` (addressee lines, signer,
classified-by), :mod:`.linking` (mentions into entities), :mod:`.extract` (the extractor).
"""

from cables.entities.extract import extract_entities

__all__ = ["extract_entities"]
