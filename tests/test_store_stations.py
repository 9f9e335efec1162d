"""References resolved against the stations of the whole store during an import (issue 11):
a station misspelt a letter away from an origin the store holds resolves to it, and only
then; real cables of tests/corpus, one with its REF line rewritten to hold the typo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cables import ids
from store.importer import import_sources
from store.stations import store_station_resolver
from store.store import CableStore

CITED = "08ASTANA611"
CITING = "04MADRID1731"


@pytest.fixture
def astana_unknown_to_the_parser(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """ASTANA taken out of the parser's own list: a station only a store can know."""
    known = ids.KNOWN_STATIONS - {"ASTANA"}
    monkeypatch.setattr(ids, "KNOWN_STATIONS", known)
    with ids.using_stations(ids.StationResolver(known)):
        yield


def _citing_with_a_typo(corpus: Path, folder: Path) -> Path:
    page = (corpus / "wikileaks-html" / f"{CITING}.html").read_text(encoding="utf-8")
    assert "REF: STATE 89241" in page
    folder.mkdir()
    path = folder / f"{CITING}.html"
    path.write_text(page.replace("REF: STATE 89241", "REF: 08 ASTANNA 611"), encoding="utf-8")
    return path


def _references(directory: Path) -> tuple[str, ...]:
    cable = CableStore.open(directory).get_cable(CITING)
    assert cable is not None
    return cable.references


@pytest.mark.usefixtures("astana_unknown_to_the_parser")
@pytest.mark.parametrize("workers", [0, 1], ids=["in-process", "forked-workers"])
def test_a_misspelt_station_resolves_to_an_origin_the_store_holds(
    tmp_path: Path, corpus: Path, workers: int
) -> None:
    citing = _citing_with_a_typo(corpus, tmp_path / "citing")
    directory = tmp_path / "store"
    import_sources(directory, [str(corpus / "blog" / f"{CITED}.txt")], workers=0)
    import_sources(directory, [str(citing)], workers=workers)
    assert CITED in _references(directory)


@pytest.mark.usefixtures("astana_unknown_to_the_parser")
def test_a_misspelt_station_stays_unresolved_when_the_store_lacks_that_origin(
    tmp_path: Path, corpus: Path
) -> None:
    citing = _citing_with_a_typo(corpus, tmp_path / "citing")
    directory = tmp_path / "store"
    import_sources(directory, [str(corpus / "wikileaks-html" / "05CAIRO5924.html")], workers=0)
    import_sources(directory, [str(citing)], workers=0)
    assert CITED not in _references(directory)


def test_the_store_resolver_knows_every_stored_station_and_the_parser_list(
    tmp_path: Path, corpus: Path
) -> None:
    directory = tmp_path / "store"
    assert store_station_resolver(directory).known == ids.KNOWN_STATIONS  # no store yet
    import_sources(directory, [str(corpus / "old-format")], workers=0)
    resolver = store_station_resolver(directory)
    assert {"TEHRAN", "LIBREVILLE"} <= resolver.known
    assert resolver.resolve("TEHRANN") == "TEHRAN"
    assert resolver.resolve("SECSTATE") == "STATE"  # a true alias, from the fixed table


def test_the_parser_resolver_is_restored_after_an_import(tmp_path: Path, corpus: Path) -> None:
    before = ids.parser_stations()
    import_sources(tmp_path / "store", [str(corpus / "old-format")], workers=0)
    assert ids.parser_stations() is before
