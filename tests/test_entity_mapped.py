"""The loaded entity index maps its file: arrays are views of the mapped pages, names are
read one at a time (pread); an index written before the line starts were stored still loads; a
common word's entities are stored most cited first, so the few a search looks at are the
most cited, and a multi-word query is led by its rarest word."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from store import entity_lookup, entity_search
from store.entity_index import entity_files
from store.entity_lookup import EntityIndex
from store.entity_search import MappedTexts, ReadTexts, line_starts, line_starts_of
from store.layout import read_manifest
from store.store import CableStore
from tests.entity_support import entity_cable, write_cables

QUERIES = ("rayhan", "khobdabergenowa", "ast", "justice", "narymbetov erlan", "a", "zzqq")


def _store(directory: Path) -> Path:
    write_cables(
        directory,
        [
            entity_cable(1, people=(("Rayhan Khobdabergenova", ("Hobdabergenova",), (6,)),)),
            *[entity_cable(n, people=(("Erlan Narymbetov", (), (1,)),)) for n in range(2, 5)],
            *[entity_cable(n, places=(("Astana", (), (1,)),)) for n in range(5, 8)],
            entity_cable(8, groups=(("Ministry of Justice", (), (2,)),)),
            entity_cable(9, places=(("Zürich", (), (1,)),)),
        ],
    )
    return directory


def _found(index: EntityIndex) -> list[list[tuple[str, float]]]:
    return [[(h.entity.name, h.score) for h in index.find(q)] for q in QUERIES]


def test_texts_joined_by_newlines_give_the_starts_that_were_stored_across_chunks() -> None:
    texts = [f"name {n} zürich" if n % 7 else "" for n in range(80_000)]  # over 1 MB
    joined = "\n".join(texts).encode()
    assert len(joined) > 1 << 20
    stored = line_starts_of(texts)
    assert line_starts(joined) == stored
    mapped = MappedTexts(memoryview(joined), stored)
    assert len(mapped) == len(texts)
    assert [mapped[n] for n in (0, 6, 7, 79_999, -1)] == [texts[n] for n in (0, 6, 7, -1, -1)]


def test_a_loaded_index_maps_its_file_and_finds_what_a_wholly_read_index_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = _store(tmp_path)
    mapped = CableStore.open(directory).entity_index()
    assert isinstance(mapped._search.word_entities, memoryview)  # pages, not a copy
    assert isinstance(mapped._search.folded, ReadTexts)  # read one by one, not held
    assert mapped.load_seconds < 5
    monkeypatch.setattr(entity_lookup, "_mapped_columns", lambda *_args: None)
    read = CableStore.open(directory).entity_index()
    assert not isinstance(read._search.word_entities, memoryview)
    assert _found(mapped) == _found(read)
    assert _found(mapped)[0][0][0] == "Rayhan Khobdabergenova"
    assert mapped.postings(mapped.find("astana")[0].entity.id) == read.postings(
        read.find("astana")[0].entity.id
    )


def test_an_index_written_before_the_line_starts_were_stored_still_loads(tmp_path: Path) -> None:
    directory = _store(tmp_path)
    before = _found(CableStore.open(directory).entity_index())
    name = entity_files(read_manifest(directory)).index
    assert name is not None
    document = orjson.loads((directory / name).read_bytes())
    places = document["entity_index"]["1"]["sections"]
    assert places.pop("word_lines") and places.pop("folded_lines")
    (directory / name).write_bytes(orjson.dumps(document))
    assert _found(CableStore.open(directory).entity_index()) == before


def test_a_common_word_gives_its_most_cited_entities_when_few_are_looked_at(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parties = ["Green", "Labour", "Farmers", "Pirate", "Liberal", "Youth"]
    cables, number = [], 1
    for cited, party in enumerate(parties, start=1):
        for _ in range(cited):
            cables.append(entity_cable(number, groups=((f"{party} Party", (), (1,)),)))
            number += 1
    write_cables(tmp_path, cables)
    index = CableStore.open(tmp_path).entity_index()
    monkeypatch.setattr(entity_search, "_PER_WORD_ENTITIES", 3)
    assert [h.entity.name for h in index.find("party", limit=3)] == [
        "Youth Party",
        "Liberal Party",
        "Pirate Party",
    ]


def test_a_multi_word_query_is_led_by_its_rarest_word_whatever_the_common_ones_hold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    places = ["Astana", "Almaty", "Taraz", "Aktau", "Lypovets"]
    cables, number = [], 1
    for cited, place in enumerate(reversed(places), start=1):
        for _ in range(cited):
            name = f"Party of Justice of {place}"
            cables.append(entity_cable(number, groups=((name, (), (1,)),)))
            number += 1
    write_cables(tmp_path, cables)
    index = CableStore.open(tmp_path).entity_index()
    monkeypatch.setattr(entity_search, "_DRIVER_ENTITIES", 2)
    monkeypatch.setattr(entity_search, "_OTHER_WORD_ENTITIES", 2)
    hits = index.find("party justice lypovets", limit=3)
    assert hits[0].entity.name == "Party of Justice of Lypovets"  # the least cited
