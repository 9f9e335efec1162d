"""The store keeps cables whole: what is written is read back equal, in order, with the
catalog, the reverse references and the counts that go with it."""

from __future__ import annotations

from pathlib import Path

from cables.jsonform import cable_to_json
from store.layout import SCHEMA_VERSION
from store.records import make_record
from store.store import CableStore
from store.writer import StoreWriter
from tests.store_support import build_store, make_cable, without_catalog_file


def test_every_field_of_a_cable_survives_the_round_trip(tmp_path: Path) -> None:
    cables = [make_cable(n) for n in range(5)]
    store = CableStore.open(build_store(tmp_path / "s", cables))
    for cable in cables:
        assert store.get_cable(cable.id) == cable


def test_get_cable_of_an_unknown_id_is_none(tmp_path: Path) -> None:
    store = CableStore.open(build_store(tmp_path / "s", [make_cable(1)]))
    assert store.get_cable("99NOWHERE1") is None


def test_cables_are_split_into_segments_of_the_segment_size(tmp_path: Path) -> None:
    cables = [make_cable(n) for n in range(23)]
    directory = build_store(tmp_path / "s", cables, segment_size=5)
    store = CableStore.open(directory)
    assert store.manifest.segments == 5
    assert len(list((directory / "segments").glob("*-bodies.json"))) == 5
    assert [store.get_cable(c.id) for c in cables] == cables


def test_catalog_lists_every_cable_in_store_order_and_reports_progress(tmp_path: Path) -> None:
    cables = [make_cable(n) for n in range(12)]
    # A store without a catalog file: the catalog is built from its segments, with progress.
    directory = without_catalog_file(build_store(tmp_path / "s", cables, segment_size=5))
    store = CableStore.open(directory)
    calls: list[tuple[int, int]] = []
    catalog = store.load_catalog(lambda done, total: calls.append((done, total)))
    assert catalog.ids == [c.id for c in cables]
    row = catalog.row(catalog.index_of("08TEST4") or 0)
    assert (row.created, row.origin, row.classification, row.subject) == (
        cables[4].created,
        cables[4].origin,
        cables[4].classification,
        cables[4].subject,
    )
    assert calls == [(5, 12), (10, 12), (12, 12)]


def test_count_and_schema_come_from_the_manifest(tmp_path: Path) -> None:
    store = CableStore.open(build_store(tmp_path / "s", [make_cable(n) for n in range(7)]))
    assert store.count == 7
    assert store.schema_version == SCHEMA_VERSION
    assert store.directory == tmp_path / "s"


def test_references_to_lists_the_stored_cables_that_cite_one(tmp_path: Path) -> None:
    cables = [
        make_cable(1),
        make_cable(2, references=("08TEST1",)),
        make_cable(3, references=("08TEST1", "08TEST2")),
        make_cable(4, references=("99ELSEWHERE7",)),
    ]
    store = CableStore.open(build_store(tmp_path / "s", cables))
    assert store.references_to("08TEST1") == ["08TEST2", "08TEST3"]
    assert store.references_to("08TEST2") == ["08TEST3"]
    assert store.references_to("99ELSEWHERE7") == ["08TEST4"]  # cited but not stored
    assert store.references_to("08TEST4") == []


def test_a_replaced_cable_reads_as_its_new_version_and_counts_once(tmp_path: Path) -> None:
    directory = build_store(tmp_path / "s", [make_cable(1, references=("08TEST9",)), make_cable(2)])
    newer = make_cable(1, text="Corrected.", references=("08TEST2",))
    with StoreWriter(directory) as writer:
        assert writer.add(make_record(newer)) == "replaced"
    store = CableStore.open(directory)
    assert store.count == 2
    assert store.get_cable("08TEST1") == newer
    assert store.references_to("08TEST2") == ["08TEST1"]
    assert store.references_to("08TEST9") == []
    assert store.load_catalog().ids == ["08TEST1", "08TEST2"]


def test_the_same_id_twice_in_one_import_keeps_the_first(tmp_path: Path) -> None:
    first, second = make_cable(1), make_cable(1, text="Other.")
    with StoreWriter(tmp_path / "s") as writer:
        outcomes = [writer.add(make_record(first)), writer.add(make_record(second))]
    assert outcomes == ["added", "duplicate"]
    assert CableStore.open(tmp_path / "s").get_cable("08TEST1") == first


def test_body_files_hold_the_cables_json_form_in_tinydb_tables(tmp_path: Path) -> None:
    from tinydb import TinyDB

    from store.storage import OrjsonStorage

    cable = make_cable(3)
    directory = build_store(tmp_path / "s", [cable])
    db = TinyDB(directory / "segments" / "000001-bodies.json", storage=OrjsonStorage)
    assert db.table("bodies").get(doc_id=1) == cable_to_json(cable)


def test_open_reads_no_segment_until_a_cable_is_asked_for(tmp_path: Path) -> None:
    directory = build_store(tmp_path / "s", [make_cable(n) for n in range(3)])
    for path in (directory / "segments").iterdir():
        path.write_bytes(b"{broken")
    store = CableStore.open(directory)  # the manifest alone: no error yet
    assert store.count == 3


def test_cables_read_from_many_threads_while_the_catalog_loads_are_all_right(
    tmp_path: Path,
) -> None:
    import threading

    cables = [make_cable(n, references=(f"08TEST{n // 3}",)) for n in range(60)]
    store = CableStore.open(build_store(tmp_path / "s", cables, segment_size=4))
    wrong: list[str] = []

    def read(offset: int) -> None:
        for cable in cables[offset::3] * 3:
            if store.get_cable(cable.id) != cable:
                wrong.append(cable.id)
            if cable.id not in store.references_to(f"08TEST{int(cable.id[6:]) // 3}"):
                wrong.append(f"refs of {cable.id}")

    threads = [threading.Thread(target=read, args=(n,)) for n in range(3)]
    threads.append(threading.Thread(target=store.load_catalog))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []
