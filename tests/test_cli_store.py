"""``cables import``, ``show`` and ``stats`` as a user runs them: output, exit codes, no
tracebacks, and no Textual."""

from __future__ import annotations

import errno
import gzip
import io
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from cables.jsonform import cable_to_json
from cables.model import Cable, Paragraph
from store.importer import ImportReport, ImportStatus
from store.records import make_record
from store.sample import SAMPLE_COMMAND, ensure_default_store
from store.store import CableStore
from store.writer import StoreWriter
from tests.store_support import build_store, make_cable, run_cli
from tui import cli
from tui.commands.importing import PlainProgress, plain_line, summary


def test_import_prints_a_summary_and_a_re_import_says_already_in_the_store(
    tmp_path: Path, corpus: Path
) -> None:
    store = str(tmp_path / "s")
    first = run_cli("--store", store, "import", str(corpus / "old-format"))
    again = run_cli("import", "--store", store, str(corpus / "old-format"))
    assert first.returncode == 0 and again.returncode == 0
    assert first.stdout.splitlines()[0] == (
        "imported 10 cables from 10 sources: 10 added, 0 unchanged, 0 replaced, 0 failed"
    )
    assert again.stdout.splitlines()[0] == (
        "imported 10 cables from 10 sources: 0 added, 10 unchanged, 0 replaced, 0 failed "
        "(already in the store)"
    )


def test_import_of_a_missing_file_says_so_in_one_line_and_exits_1(tmp_path: Path) -> None:
    result = run_cli("--store", str(tmp_path / "s"), "import", str(tmp_path / "nope.csv"))
    assert result.returncode == 1
    missing = tmp_path / "nope.csv"
    assert result.stderr.splitlines() == [f"cables: {missing}: no such file or folder"]


def test_import_of_a_folder_with_nothing_importable_fails_without_traceback(
    tmp_path: Path,
) -> None:
    (tmp_path / "empty").mkdir()
    result = run_cli("--store", str(tmp_path / "s"), "import", str(tmp_path / "empty"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"cables: {tmp_path / 'empty'}: ")


def test_import_reads_stdin_and_uses_the_cables_store_variable(tmp_path: Path) -> None:
    line = orjson.dumps(cable_to_json(make_cable(4))).decode() + "\n"
    result = run_cli("import", "-", env={"CABLES_STORE": str(tmp_path / "env")}, stdin=line)
    assert result.returncode == 0, result.stderr
    assert CableStore.open(tmp_path / "env").get_cable("08TEST4") == make_cable(4)


def test_summary_counts_repeated_ids_and_plurals() -> None:
    report = ImportReport(added=1, duplicates=2, sources=1)
    assert summary(report) == (
        "imported 3 cables from 1 source: 1 added, 0 unchanged, 0 replaced, 0 failed, "
        "2 repeated ids ignored"
    )


def test_plain_progress_lines_give_counts_rate_bytes_and_time_left() -> None:
    status = ImportStatus(ImportReport(added=500), bytes_done=250_000_000, bytes_total=10**9)
    status.started -= 10
    line = plain_line(status)
    assert line.startswith("cables: importing: 500 cables (50/s)")
    assert "250.0 MB of 1.0 GB (25%)" in line and "about 30s left" in line


def test_plain_progress_writes_at_most_every_interval(tmp_path: Path) -> None:
    out = (tmp_path / "out").open("w")
    progress = PlainProgress(out, interval=0.0)
    progress(ImportStatus(ImportReport(added=1)))
    progress(ImportStatus(ImportReport(added=2)))
    out.close()
    assert len((tmp_path / "out").read_text().splitlines()) == 2


def test_show_prints_header_fields_and_numbered_paragraphs(tmp_path: Path) -> None:
    build_store(tmp_path / "s", [make_cable(1), make_cable(2, references=("08TEST1",))])
    result = run_cli("--store", str(tmp_path / "s"), "show", "08TEST1")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "08TEST1"
    assert "Origin:         Embassy Paris" in lines
    assert "Cited by:       08TEST2" in lines
    assert "¶1 (C)" in lines and "¶2 (SBU)" in lines
    assert "First paragraph of 1." in lines


def test_show_with_a_paragraph_prints_only_that_paragraph(tmp_path: Path) -> None:
    build_store(tmp_path / "s", [make_cable(1)])
    result = run_cli("--store", str(tmp_path / "s"), "show", "08TEST1#par2")
    assert "¶2 (SBU)" in result.stdout and "¶1" not in result.stdout


def test_show_makes_control_characters_harmless(tmp_path: Path) -> None:
    hostile = Cable(
        id="09EVIL1",
        subject="\x1b]0;pwned\x07",
        paragraphs=(Paragraph(1, "C", "red \x1b[31m here \x9b"),),
    )
    build_store(tmp_path / "s", [hostile])
    result = run_cli("--store", str(tmp_path / "s"), "show", "09EVIL1")
    assert result.returncode == 0
    for control in ("\x1b", "\x9b", "\x07"):
        assert control not in result.stdout


def test_show_json_prints_the_cables_json_object(tmp_path: Path) -> None:
    build_store(tmp_path / "s", [make_cable(1)])
    result = run_cli("--store", str(tmp_path / "s"), "show", "08TEST1", "--json")
    assert json.loads(result.stdout) == cable_to_json(make_cable(1))


def test_show_of_a_cable_not_in_the_store_says_so_and_exits_1(tmp_path: Path) -> None:
    build_store(tmp_path / "s", [make_cable(1)])
    result = run_cli("--store", str(tmp_path / "s"), "show", "99NOPE1")
    assert result.returncode == 1
    assert result.stderr == f"cables: the store at {tmp_path / 's'} holds no cable 99NOPE1\n"


def test_show_without_an_id_asks_for_one(tmp_path: Path) -> None:
    build_store(tmp_path / "s", [make_cable(1)])
    result = run_cli("--store", str(tmp_path / "s"), "show", " ")
    assert result.returncode == 2
    assert result.stderr == (
        "cables: show needs a cable id, such as 08ASTANA611 or 08ASTANA611¶5\n"
    )


def test_stats_prints_counts_size_and_schema_version(tmp_path: Path) -> None:
    build_store(tmp_path / "s", [make_cable(n) for n in range(6)])
    result = run_cli("--store", str(tmp_path / "s"), "stats")
    assert result.returncode == 0
    out = result.stdout
    assert "schema version:  1" in out and "cables:          6" in out
    assert "size on disk:" in out and "1 segment," in out
    assert "by year:\n  2008          6" in out
    assert "by classification:" in out and "  SECRET" in out
    assert "by origin:" in out and "  Embassy Astana          3" in out


def test_commands_on_a_folder_that_is_not_a_store_exit_2_with_one_sentence(
    tmp_path: Path,
) -> None:
    (tmp_path / "mine.txt").write_text("not cables")
    for command in (["stats"], ["show", "08TEST1"], ["import", str(tmp_path / "mine.txt")]):
        result = run_cli("--store", str(tmp_path), *command)
        assert result.returncode == 2, command
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert "is not a Cables store" in result.stderr


def test_store_commands_never_import_textual(tmp_path: Path) -> None:
    build_store(tmp_path / "s", [make_cable(1)])
    code = (
        "import sys; from tui.cli import main\n"
        f"for argv in (['--store', {str(tmp_path / 's')!r}, 'stats'],"
        f" ['--store', {str(tmp_path / 's')!r}, 'show', '08TEST1']):\n"
        "    main(argv)\n"
        "import tui.commands.importing, store.importer, store.sample\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    import subprocess
    import sys

    from tests.store_support import PROJECT

    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True)
    assert result.returncode == 0, result.stderr.decode()


def _sample_bytes(cables: list[Cable]) -> bytes:
    return gzip.compress(b"".join(orjson.dumps(cable_to_json(c)) + b"\n" for c in cables))


def test_the_default_store_is_built_from_the_sample_once(tmp_path: Path) -> None:
    data = _sample_bytes([make_cable(1), make_cable(2)])
    assert ensure_default_store(tmp_path / "s", data=data) is True
    assert ensure_default_store(tmp_path / "s", data=data) is False
    assert CableStore.open(tmp_path / "s").get_cable("08TEST2") == make_cable(2)


def test_the_sample_is_not_written_into_a_folder_of_other_files(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("x")
    assert ensure_default_store(tmp_path, data=_sample_bytes([make_cable(1)])) is False
    assert [p.name for p in tmp_path.iterdir()] == ["mine.txt"]


def test_the_browser_does_not_wait_for_a_first_import_to_finish(tmp_path: Path) -> None:
    # An import creating the store holds its lock for minutes: `cables` opens at once on what
    # it has committed, instead of waiting for the lock and then failing.
    with StoreWriter(tmp_path / "s", command="cables import cables.csv"):
        started = time.monotonic()
        assert ensure_default_store(tmp_path / "s", data=_sample_bytes([make_cable(1)])) is False
        assert time.monotonic() - started < 5
        assert CableStore.open(tmp_path / "s").count == 0


def test_a_sample_being_built_by_another_cables_is_waited_for(tmp_path: Path) -> None:
    data = _sample_bytes([make_cable(1)])
    builder = StoreWriter(tmp_path / "s", command=SAMPLE_COMMAND)
    builder.open()

    def finish() -> None:
        time.sleep(0.3)
        builder.add(make_record(make_cable(1), "sample"))
        builder.__exit__(None)

    thread = threading.Thread(target=finish)
    thread.start()
    try:
        assert ensure_default_store(tmp_path / "s", data=data) is False
    finally:
        thread.join()
    assert CableStore.open(tmp_path / "s").count == 1


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_ctrl_c_during_an_import_gives_the_terminal_its_cursor_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, progress: Callable[[ImportStatus], None], **kw: object) -> None:
        progress(ImportStatus(ImportReport(), bytes_total=1000))  # the bar is up
        raise KeyboardInterrupt

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr("tui.commands.importing.import_sources", interrupted)
    assert cli.main(["import", "--store", str(tmp_path / "s"), "x.csv"]) == 130
    output = terminal.getvalue()
    assert "\x1b[?25l" in output  # the bar hid the cursor
    assert output.rindex("\x1b[?25h") > output.rindex("\x1b[?25l")
    assert output.endswith("cables: interrupted\n")


def test_a_full_disk_during_an_import_is_one_line_and_keeps_the_last_commit(
    tmp_path: Path,
    corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store = build_store(tmp_path / "s", [make_cable(1)])
    write = os.write

    def full(fd: int, data: bytes) -> int:
        if len(data) > 10_000:  # a segment, not the lock file's few bytes
            raise OSError(errno.ENOSPC, "No space left on device")
        return write(fd, data)

    monkeypatch.setattr(os, "write", full)
    assert cli.main(["import", "--store", str(store), str(corpus / "old-format")]) == 2
    monkeypatch.setattr(os, "write", write)
    err = capsys.readouterr().err
    assert err == f"cables: cannot write to the store at {store}: No space left on device\n"
    assert not list(store.rglob("*.tmp"))  # the space a partial file took is given back
    assert CableStore.open(store).ids() == ["08TEST1"]


def test_the_progress_bar_starts_only_once_the_import_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The import forks its parsing workers before its first report: no bar thread may run
    # (and hold the console's lock) while they are forked.
    seen: list[int] = []

    def import_sources(
        *args: object, progress: Callable[[ImportStatus], None], **kw: object
    ) -> ImportReport:
        seen.append(threading.active_count())
        progress(ImportStatus(ImportReport(), bytes_total=1000))
        seen.append(threading.active_count())
        return ImportReport()

    monkeypatch.setattr(sys, "stderr", _Terminal())
    monkeypatch.setattr("tui.commands.importing.import_sources", import_sources)
    assert cli.main(["import", "--store", str(tmp_path / "s"), "x.csv"]) == 0
    assert seen[1] == seen[0] + 1
