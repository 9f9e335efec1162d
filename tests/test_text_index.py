"""The full-text index of a store (store/text_index.py, text_search.py, snippets.py):
search on real cables, ranking, snippets, and how the index follows the store's commits."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store.errors import StoreError
from store.importer import import_sources
from store.layout import read_manifest
from store.records import make_record
from store.store import CableStore
from store.text_index import MANIFEST_KEY, TEXT_DIR, word_analyzer
from store.text_query import QueryError
from store.writer import StoreWriter
from tests.store_support import PROJECT, build_store, make_cable, make_csv


@pytest.fixture(scope="module")
def real_store(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> CableStore:
    """A store of every real cable in tests/corpus."""
    directory = tmp_path_factory.mktemp("text") / "store"
    import_sources(directory, [str(corpus)], workers=0)
    return CableStore.open(directory)


def _ids(store: CableStore, query: str, **options: object) -> list[str]:
    return [hit.id for hit in store.text().search(query, limit=100, **options).hits()]  # type: ignore[arg-type]


def test_a_word_finds_the_cables_that_hold_it_case_insensitively(real_store: CableStore) -> None:
    assert _ids(real_store, "Khobdabergenova") == ["08ASTANA611"]
    assert _ids(real_store, "KHOBDABERGENOVA") == ["08ASTANA611"]


def test_an_exact_phrase_needs_its_words_in_order(real_store: CableStore) -> None:
    phrase = set(_ids(real_store, '"human rights"'))
    reversed_words = set(_ids(real_store, '"rights human"'))
    assert "08ASTANA611" in phrase
    assert reversed_words < phrase or not reversed_words


def test_and_or_not_and_minus_combine_as_expected(real_store: CableStore) -> None:
    spain = set(_ids(real_store, "guantanamo"))
    detainees = set(_ids(real_store, "detainees"))
    assert set(_ids(real_store, "guantanamo AND detainees")) == spain & detainees
    assert set(_ids(real_store, "guantanamo OR detainees")) == spain | detainees
    assert set(_ids(real_store, "guantanamo NOT detainees")) == spain - detainees
    assert set(_ids(real_store, "guantanamo -detainees")) == spain - detainees
    assert spain & detainees and spain | detainees


def test_prefix_and_fuzzy_words_find_other_spellings(real_store: CableStore) -> None:
    assert "08ASTANA611" in _ids(real_store, "narymb*")
    # The seed spells the lawyer both Khobdabergenova and Hobdabergenova.
    assert "08ASTANA611" in _ids(real_store, "hobdabergenov~1")
    assert _ids(real_store, "hobdabergenov") == []


def test_fields_search_only_their_own_header_value(real_store: CableStore) -> None:
    astana = _ids(real_store, "origin:astana")
    assert "08ASTANA611" in astana
    assert all("Astana" in (real_store.get_cable(i).origin or "") for i in astana)  # type: ignore[union-attr]
    # the seed's text names Kazakhstan, its origin does not
    assert "08ASTANA611" in _ids(real_store, "kazakhstan")
    assert _ids(real_store, "origin:kazakhstan") == []
    assert _ids(real_store, "id:08astana611") == ["08ASTANA611"]
    tagged = _ids(real_store, "tag:PHUM")
    assert tagged and all("PHUM" in real_store.get_cable(i).tags for i in tagged)  # type: ignore[union-attr]
    secret = _ids(real_store, "class:secret")
    for cable_id in secret:
        assert "SECRET" in (real_store.get_cable(cable_id).classification or "")  # type: ignore[union-attr]
    assert "08ASTANA611" not in secret  # UNCLASSIFIED//FOR OFFICIAL USE ONLY


def test_a_year_range_keeps_only_cables_created_in_it(real_store: CableStore) -> None:
    found = _ids(real_store, "year:2008..2009")
    assert found
    for cable_id in found:
        created = real_store.get_cable(cable_id).created  # type: ignore[union-attr]
        assert created is not None and created[:4] in ("2008", "2009")
    assert set(_ids(real_store, "year:1972")) == {
        "72TEHRAN1164",
        "72TEHRAN1381",
        "72TEHRAN4789",
        "72TEHRAN5055",
    }


def test_a_cable_whose_subject_holds_the_words_ranks_above_one_mentioning_them_once(
    real_store: CableStore,
) -> None:
    analyzer = word_analyzer()
    hits = real_store.text().search("corruption", limit=100).hits()
    order = [hit.id for hit in hits]
    in_subject = [h.id for h in hits if "corruption" in analyzer.analyze(h.subject or "")]
    mentioned_once = []
    for hit in hits:
        cable = real_store.get_cable(hit.id)
        assert cable is not None
        words = [w for p in cable.paragraphs for w in analyzer.analyze(p.text)]
        if words.count("corruption") == 1 and hit.id not in in_subject:
            mentioned_once.append(hit.id)
    assert "73TEHRAN8233" in in_subject and mentioned_once
    assert all(
        order.index(subject) < order.index(other)
        for subject in in_subject
        for other in mentioned_once
    )


def test_sorting_by_date_puts_the_newest_cable_first(real_store: CableStore) -> None:
    hits = real_store.text().search("iran", sort="date", limit=100).hits()
    dates = [hit.created for hit in hits]
    assert len(dates) > 3 and dates == sorted(dates, reverse=True)
    assert all(hit.score is None for hit in hits)


def test_each_hit_has_a_snippet_per_matching_paragraph_with_the_words_highlighted(
    real_store: CableStore,
) -> None:
    hit = real_store.text().search("Khobdabergenova", limit=1).hit(0)
    cable = real_store.get_cable(hit.id)
    assert cable is not None
    matching = [p.number for p in cable.paragraphs if "obdabergenova" in p.text]
    assert hit.first_paragraph == 6
    assert [p.number for p in hit.paragraphs] == [
        p.number for p in cable.paragraphs if "Khobdabergenova" in p.text
    ]
    assert set(p.number for p in hit.paragraphs) <= set(matching)
    for snippet in hit.paragraphs:
        assert "\n" not in snippet.text and len(snippet.text) < 300
        assert snippet.highlights
        for start, end in snippet.highlights:
            assert snippet.text[start:end] == "Khobdabergenova"
    fuzzy = real_store.text().search("hobdabergenova~1", limit=1).hit(0)
    assert {p.number for p in fuzzy.paragraphs} == set(matching)


def test_a_search_of_only_fields_gives_hits_without_snippets(real_store: CableStore) -> None:
    hit = real_store.text().search("origin:astana", limit=1).hit(0)
    assert hit.id == "08ASTANA611" and hit.paragraphs == ()


def test_a_malformed_query_raises_one_line(real_store: CableStore) -> None:
    with pytest.raises(QueryError, match="column 1"):
        real_store.text().search('"open phrase')
    with pytest.raises(QueryError, match="no word"):
        real_store.text().search("¶ ¶")


def test_ascii_folding_finds_accented_words_from_plain_ones_and_back(tmp_path: Path) -> None:
    cables = [make_cable(1, text="Talks in São Paulo."), make_cable(2, text="Sao Paulo again.")]
    store = CableStore.open(build_store(tmp_path / "s", cables))
    assert sorted(_ids(store, '"Sao Paulo"')) == ["08TEST1", "08TEST2"]
    assert sorted(_ids(store, "São")) == ["08TEST1", "08TEST2"]
    hit = store.text().search("sao", limit=10).hits()
    snippet = next(h for h in hit if h.id == "08TEST1").paragraphs[0]
    start, end = snippet.highlights[0]
    assert snippet.text[start:end] == "São"


def test_entity_names_are_searchable_by_kind(tmp_path: Path) -> None:
    store = CableStore.open(build_store(tmp_path / "s", [make_cable(3)]))
    assert _ids(store, "person:khobdabergenova") == ["08TEST3"]
    assert _ids(store, 'person:"rayhan khobdabergenova"') == ["08TEST3"]
    assert _ids(store, "place:khobdabergenova") == []


def test_a_replaced_cable_shows_once_and_a_reader_keeps_its_snapshot(tmp_path: Path) -> None:
    directory = build_store(tmp_path / "s", [make_cable(0), make_cable(1, text="old words")])
    before = CableStore.open(directory)
    with StoreWriter(directory) as writer:
        writer.add(make_record(make_cable(1, text="new words")))
        writer.add(make_record(make_cable(2, text="new words")))
    after = CableStore.open(directory)
    assert _ids(after, "words") == ["08TEST1", "08TEST2"] or sorted(_ids(after, "words")) == [
        "08TEST1",
        "08TEST2",
    ]
    assert _ids(after, "old") == []
    assert after.text().search("words").total == 2
    # The reader opened before the import searches its own generation only.
    assert _ids(before, "words") == ["08TEST1"]
    assert _ids(before, "new") == []
    assert _ids(before, "old") == ["08TEST1"]


def test_a_re_import_changes_neither_the_text_index_nor_the_manifest(
    tmp_path: Path, corpus: Path
) -> None:
    directory = tmp_path / "s"
    import_sources(directory, [str(corpus / "old-format")], workers=0)
    files = {p.name: p.read_bytes() for p in (directory / TEXT_DIR).iterdir()}
    manifest = read_manifest(directory)
    report = import_sources(directory, [str(corpus / "old-format")], workers=0, rescan=True)
    assert not report.changed
    assert {p.name: p.read_bytes() for p in (directory / TEXT_DIR).iterdir()} == files
    assert read_manifest(directory).extra == manifest.extra


def test_the_manifest_names_the_text_index_state_it_belongs_to(tmp_path: Path) -> None:
    directory = build_store(tmp_path / "s", [make_cable(n) for n in range(5)], segment_size=2)
    state = read_manifest(directory).extra[MANIFEST_KEY]
    assert state["path"] == TEXT_DIR and state["rows"] == 5 and state["opstamp"] > 0


def test_a_store_made_before_the_text_index_gets_one_at_the_next_import(tmp_path: Path) -> None:
    directory = build_store(tmp_path / "s", [make_cable(n) for n in range(3)])
    # What an older version left: no text folder, no state in the manifest.
    manifest = read_manifest(directory)
    from dataclasses import replace

    from store.layout import write_manifest

    write_manifest(directory, replace(manifest, extra={}))
    for child in (directory / TEXT_DIR).iterdir():
        child.unlink()
    (directory / TEXT_DIR).rmdir()
    with pytest.raises(StoreError, match=r"no full-text index yet.*cables import"):
        CableStore.open(directory).text()
    with StoreWriter(directory):
        pass
    assert sorted(_ids(CableStore.open(directory), "paragraph")) == [
        "08TEST0",
        "08TEST1",
        "08TEST2",
    ]


def test_an_empty_store_searches_nothing_without_error(tmp_path: Path) -> None:
    directory = tmp_path / "s"
    with StoreWriter(directory):
        pass
    assert CableStore.open(directory).text().search("anything").total == 0


IMPORT_SCRIPT = """
import sys
from pathlib import Path
from store.importer import import_sources
import_sources(Path(sys.argv[1]), [sys.argv[2]], workers=1, segment_size=50, commit_interval=0)
"""


def _generation(directory: Path) -> int:
    try:
        return read_manifest(directory).generation
    except StoreError:
        return 0


def _assert_text_matches_cables(store: CableStore) -> None:
    ids = store.ids()
    text = store.text()
    assert text.search("year:1900..2100", limit=len(ids) + 10).total == len(ids)
    found = {hit.id for hit in text.search("year:1900..2100", limit=len(ids) + 10).hits()}
    assert found == set(ids)


def test_kill_9_during_an_import_leaves_a_text_index_that_matches_the_cables(
    tmp_path: Path,
) -> None:
    source = make_csv(tmp_path / "cables.csv", 900)
    directory = tmp_path / "store"
    process = subprocess.Popen(
        [sys.executable, "-c", IMPORT_SCRIPT, str(directory), str(source)],
        cwd=PROJECT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while _generation(directory) < 2 and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    killed = CableStore.open(directory)
    assert 0 < killed.count < 900
    _assert_text_matches_cables(killed)

    import_sources(directory, [str(source)], workers=0)
    final = CableStore.open(directory)
    assert final.count > killed.count
    _assert_text_matches_cables(final)
    # The documents the killed writer left beyond its last commit are gone, not doubled.
    assert final.text().documents == read_manifest(directory).rows


HOLD_TANTIVY_LOCK = """
import sys, time
from pathlib import Path
from store.text_index import open_index
writer = open_index(Path(sys.argv[1])).writer(heap_size=15_000_000, num_threads=1)
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


def test_a_writer_waits_for_tantivys_lock_that_a_dying_process_still_holds(
    tmp_path: Path,
) -> None:
    # After a kill -9 of an import, its text-index process may hold tantivy's lock for a
    # moment while it ends: the next import waits for it rather than failing.
    directory = build_store(tmp_path / "s", [make_cable(n) for n in range(3)])
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_TANTIVY_LOCK, str(directory / TEXT_DIR), "0.5"],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with StoreWriter(directory) as writer:
        writer.add(make_record(make_cable(3)))
    assert holder.wait(timeout=30) == 0
    assert len(_ids(CableStore.open(directory), "paragraph")) == 4


def test_a_searcher_opened_before_an_import_keeps_working_while_tantivy_merges(
    tmp_path: Path,
) -> None:
    directory = build_store(tmp_path / "s", [make_cable(n) for n in range(4)], segment_size=2)
    reader = CableStore.open(directory)
    before = sorted(_ids(reader, "paragraph"))
    # Many small commits: tantivy merges its segments and deletes the merged files.
    with StoreWriter(directory, segment_size=2, commit_interval=0) as writer:
        for n in range(4, 44):
            writer.add(make_record(make_cable(n)))
    assert sorted(_ids(reader, "paragraph")) == before == [f"08TEST{n}" for n in range(4)]
    hit = reader.text().search("paragraph", limit=1).hit(0)
    assert hit.paragraphs and hit.paragraphs[0].number == 1
    assert len(_ids(CableStore.open(directory), "paragraph")) == 44


@pytest.mark.parametrize(
    "query",
    [
        "embassy",
        "minister OR government",
        '"human rights"',
        '"prime minist*"',
        "sec* -foo",
        "governmnet~1 ambassador",
        "tag:PREL president~2",
    ],
)
def test_the_fast_ascii_highlighting_marks_exactly_the_tokens_the_analyzer_path_marks(
    real_store: CableStore, query: str
) -> None:
    from store.snippets import ParagraphMatcher
    from store.text_query import parse_query

    matcher = ParagraphMatcher(parse_query(query), word_analyzer())
    compared = 0
    for cable_id in real_store.ids():
        cable = real_store.get_cable(cable_id)
        assert cable is not None
        for paragraph in cable.paragraphs:
            text = paragraph.text
            if not text.isascii() or not matcher._may_match(text):
                continue
            assert matcher._ascii_highlights(text) == matcher._token_highlights(text)
            compared += 1
    assert compared > 0
