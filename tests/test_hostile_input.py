"""Hostile and broken input, met through the command line: names that hold escape sequences,
a gzip bomb of one enormous line, bad bytes at the top of a cables.csv, unreadable folders,
a stray quote, a symbolic link loop. Each gives one clean line naming what and where, the
rest goes through, and memory stays bounded."""

from __future__ import annotations

import fcntl
import gzip
import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from tests.store_support import PROJECT, run_cli

EVIL = "evil\x1b]0;pwned\x07\x1b[2J"
SHOWN = "evil␛]0;pwned␇␛[2J"

ROW = (
    '"{n}","3/21/2008 5:37","08ASTANA{n}","Embassy Astana","SECRET","",'
    '"R 210537Z MAR 08","{body}"\n'
)
BODY = "SECRET ASTANA {n}\n\n1. (S) Text of cable {n}.\n\n2. (C) Second paragraph of {n}.\nSMITH"


def row(n: int, body: str = BODY) -> str:
    """One cables.csv record (several lines: its body holds newlines)."""
    return ROW.format(n=n, body=body.format(n=n))


def run_patched(patch: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``cables ARGS`` in a subprocess that first runs ``patch`` (to simulate what root,
    who runs these tests, never meets: unreadable folders, a full disk)."""
    script = f"{patch}\nimport sys\nfrom tui.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=120,
    )


# -- names from outside reach the terminal cleaned ---------------------------------------


def test_an_escape_sequence_in_a_file_name_is_shown_not_obeyed_by_parse_and_import(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"{EVIL}.html").write_text("nothing cable-like here")
    (folder / f"{EVIL}.csv").write_text(row(1))
    store = tmp_path / "s"
    for result in (
        run_cli("parse", str(folder)),
        run_cli("--store", str(store), "import", str(folder)),
    ):
        assert result.returncode == 1
        assert "\x1b" not in result.stderr and "\x07" not in result.stderr
        assert "\x1b" not in result.stdout
        assert f"{SHOWN}.html: not a cable" in result.stderr


def test_an_escape_sequence_in_the_store_path_is_shown_not_obeyed(tmp_path: Path) -> None:
    source = tmp_path / "c.csv"
    source.write_text(row(1))
    store = tmp_path / f"store{EVIL}"
    imported = run_cli("--store", str(store), "import", str(source))
    assert imported.returncode == 0
    stats = run_cli("--store", str(store), "stats")
    missing = run_cli("--store", str(store / "no"), "stats")
    for result in (imported, stats, missing):
        assert "\x1b" not in result.stdout + result.stderr
    assert f"store{SHOWN}" in stats.stdout and f"store{SHOWN}" in missing.stderr


def test_the_lock_files_command_line_is_cleaned_in_the_busy_message(tmp_path: Path) -> None:
    store = tmp_path / "s"
    source = tmp_path / "c.csv"
    source.write_text(row(1))
    assert run_cli("--store", str(store), "import", str(source)).returncode == 0
    holder = {"pid": 4242, "host": "h\x1b[31m", "command": f"cables import {EVIL}", "started": "x"}
    fd = os.open(store / "lock", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder).encode(), 0)
        result = run_cli("--store", str(store), "import", str(source))
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    assert result.returncode == 2
    assert "\x1b" not in result.stderr
    assert f"`cables import {SHOWN}` (pid 4242 on h␛[31m" in result.stderr


def test_an_escape_sequence_in_a_file_name_does_not_reach_the_progress_bar_terminal(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"{EVIL}.html").write_text("nothing cable-like here")
    (folder / "good.csv").write_text(row(1))
    primary, secondary = pty.openpty()
    env = dict(os.environ, COLUMNS="100", TERM="xterm")
    env.pop("CABLES_STORE", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "--store", str(tmp_path / "s"), "import", str(folder)],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=secondary,
    )
    os.close(secondary)
    shown = b""
    while True:
        ready, _, _ = select.select([primary], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        shown += chunk
    os.close(primary)
    assert process.wait(timeout=60) == 1
    assert SHOWN.encode() in shown
    assert b"\x1b]0;pwned" not in shown and b"\x07" not in shown


# -- memory stays bounded ----------------------------------------------------------------

_PEAK = """
import resource, sys
from tui.cli import main
code = main(sys.argv[1:])
print(f"peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB", file=sys.stderr)
sys.exit(code)
"""
BOMB_MB = 200


def _bomb(path: Path, prefix: bytes, suffix: bytes) -> Path:
    """A gzip of one line of BOMB_MB megabytes (a few hundred KB packed)."""
    block = b"a" * (1 << 20)
    with gzip.open(path, "wb", compresslevel=1) as packed:
        packed.write(prefix)
        for _ in range(BOMB_MB):
            packed.write(block)
        packed.write(suffix)
    return path


def _peak_mb(*args: str) -> tuple[int, subprocess.CompletedProcess[str]]:
    env = dict(os.environ, CABLES_IMPORT_WORKERS="0")
    result = subprocess.run(
        [sys.executable, "-c", _PEAK, *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    peak = next(line for line in result.stderr.splitlines() if line.startswith("peak "))
    return int(peak.split()[1]), result


def test_a_json_lines_gzip_bomb_of_one_line_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    prefix, suffix = b'{"id": "08ASTANA1", "subject": "', b'"}\n'
    bomb = _bomb(tmp_path / "bomb.jsonl.gz", prefix, suffix)
    with gzip.open(bomb, "ab") as more:
        more.write(b'{"id": "08ASTANA2", "paragraphs": []}\n')
    peak, result = _peak_mb("--store", str(tmp_path / "s"), "import", str(bomb))
    assert peak < 500, peak
    assert result.returncode == 1
    size = (len(prefix) + BOMB_MB * 2**20 + len(suffix)) / 1e6
    assert f"cables: {bomb}, line 1: line over 20 MB ({size:.1f} MB), skipped" in result.stderr
    assert "1 added" in result.stdout  # the line after it still goes through


def test_a_csv_gzip_bomb_of_one_line_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    prefix = b'"1","3/21/2008 5:37","08ASTANA1","Embassy Astana","SECRET","","R","'
    bomb = _bomb(tmp_path / "bomb.csv.gz", prefix, b'"\n' + row(2).encode())
    peak, result = _peak_mb("parse", str(bomb))
    assert peak < 500, peak
    assert result.returncode == 1
    assert f"{bomb}, row 1 (line 1): record over 16 MB" in result.stderr
    assert result.stdout.startswith("08ASTANA2\t")


# -- bad bytes decide per record ---------------------------------------------------------


def test_a_nul_and_escape_characters_at_the_top_of_a_csv_cost_nothing_but_their_cleaning(
    tmp_path: Path,
) -> None:
    source = tmp_path / "cables.csv"
    source.write_text(
        row(1, "SECRET\n\n1. (S) A NUL \x00 here.\nSMITH")
        + row(2, "SECRET\n\n1. (S) Escapes " + "\x1b" * 300 + " here.\nSMITH")
        + "".join(row(n) for n in range(3, 6)),
        encoding="utf-8",
    )
    store = tmp_path / "s"
    result = run_cli("--store", str(store), "import", str(source))
    assert result.returncode == 0, result.stderr
    assert "5 added" in result.stdout
    shown = run_cli("--store", str(store), "show", "08ASTANA2")
    assert "\x1b" not in shown.stdout and "␛" * 300 in shown.stdout
    nul = run_cli("--store", str(store), "show", "08ASTANA1")
    assert "A NUL ␀ here." in nul.stdout


def test_a_file_that_is_mostly_not_text_is_still_refused(tmp_path: Path) -> None:
    junk = tmp_path / "cables.csv"
    junk.write_bytes(row(1).encode() + bytes(range(256)) * 40)
    result = run_cli("parse", str(junk))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"cables: {junk}: binary data, not a cable"]


# -- unreadable folders are named --------------------------------------------------------

_UNREADABLE = """
import errno, os
real_scandir = os.scandir
def scandir(path="."):
    if os.path.basename(os.fspath(path)).startswith("locked"):
        raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
    return real_scandir(path)
os.scandir = scandir
"""


def test_each_unreadable_subfolder_is_named_and_the_exit_code_is_1(tmp_path: Path) -> None:
    top = tmp_path / "cables"
    for name in ("a", "locked1", "locked2"):
        (top / name).mkdir(parents=True)
        (top / name / "c.csv").write_text(row(len(name)))
    result = run_patched(_UNREADABLE, "--store", str(tmp_path / "s"), "import", str(top))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"cables: {top / 'locked1'}: cannot read this folder: Permission denied",
        f"cables: {top / 'locked2'}: cannot read this folder: Permission denied",
    ]
    assert "1 added" in result.stdout


def test_an_unreadable_top_folder_is_named_as_unreadable_not_empty(tmp_path: Path) -> None:
    top = tmp_path / "locked"
    top.mkdir()
    (top / "c.csv").write_text(row(1))
    result = run_patched(_UNREADABLE, "parse", str(top))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"cables: {top}: cannot read this folder: Permission denied"
    ]


def test_an_unreadable_file_in_a_folder_is_named_whatever_its_extension(tmp_path: Path) -> None:
    top = tmp_path / "in"
    top.mkdir()
    (top / "cable.dat").write_text(row(1))
    patch = """
import builtins, errno
real_open = builtins.open
def guarded(file, *args, **kwargs):
    if str(file).endswith("cable.dat"):
        raise PermissionError(errno.EACCES, "Permission denied", str(file))
    return real_open(file, *args, **kwargs)
builtins.open = guarded
"""
    result = run_patched(patch, "parse", str(top))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"cables: {top / 'cable.dat'}: cannot read: Permission denied"
    ]


# -- a stray quote costs one record at most ----------------------------------------------


def _nine_paragraphs(n: int, middle: str = "") -> str:
    paras = "\n\n".join(
        f"{i}. (C) Paragraph {i} of {n}.{middle if i == 2 else ''}" for i in range(1, 10)
    )
    return f"SECRET ASTANA {n}\n\n{paras}\nSMITH"


def test_a_stray_quote_in_a_body_keeps_the_whole_cable_and_every_row_after_it(
    tmp_path: Path,
) -> None:
    source = tmp_path / "cables.csv"
    stray = _nine_paragraphs(2, ' He said "no.')  # an unescaped quote, never closed
    source.write_text(
        row(1, _nine_paragraphs(1))
        + row(2, stray)
        + "".join(row(n, _nine_paragraphs(n)) for n in range(3, 6)),
        encoding="utf-8",
    )
    result = run_cli("parse", str(source), "--json")
    assert result.returncode == 0, result.stderr
    cables = [json.loads(line) for line in result.stdout.splitlines()]
    assert [c["id"] for c in cables] == [f"08ASTANA{n}" for n in range(1, 6)]
    assert [len([p for p in c["paragraphs"] if p["number"]]) for c in cables] == [9] * 5
    assert 'He said "no.' in cables[1]["paragraphs"][2]["text"]


def test_a_record_that_would_swallow_the_next_ones_is_cut_at_the_next_real_record(
    tmp_path: Path,
) -> None:
    source = tmp_path / "cables.csv"
    # A body ending in a backslash escapes its closing quote: the csv module reads on,
    # through the next records, until some quote closes the field.
    source.write_text(
        row(1) + row(2, "SECRET\n\n1. (S) Path C:\\TEMP\\") + "".join(row(n) for n in range(3, 7)),
        encoding="utf-8",
    )
    result = run_cli("parse", str(source))
    assert result.returncode == 0, result.stderr
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == [
        f"08ASTANA{n}" for n in range(1, 7)
    ]


def test_a_broken_record_is_reported_once_with_its_true_row_and_line(tmp_path: Path) -> None:
    source = tmp_path / "cables.csv"
    broken = '"3","3/21/2008 5:37","08ASTANA3","Embassy Astana","SECRET\n1. (S) "cut" here\n'
    text = row(1) + row(2) + broken + row(4) + row(5)
    source.write_text(text, encoding="utf-8")
    line = text.splitlines().index(broken.splitlines()[0]) + 1
    result = run_cli("parse", str(source))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"cables: {source}, row 3 (line {line}): expected 8 columns, found 5"
    ]
    assert [out.split("\t")[0] for out in result.stdout.splitlines()] == [
        "08ASTANA1",
        "08ASTANA2",
        "08ASTANA4",
        "08ASTANA5",
    ]


# -- links and sizes, said as they are ---------------------------------------------------


def test_a_symbolic_link_loop_is_named_as_one(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    os.symlink(loop, loop)
    broken = tmp_path / "broken"
    os.symlink(tmp_path / "gone.csv", broken)
    result = run_cli("parse", str(loop), str(broken))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"cables: {loop}: a symbolic link that loops back on itself (it leads to no file)",
        f"cables: {broken}: a broken symbolic link (its target "
        f"'{tmp_path / 'gone.csv'}' does not exist)",
    ]


def test_a_refused_gzip_page_reports_its_true_sizes(tmp_path: Path) -> None:
    page = tmp_path / "page.html.gz"
    with gzip.open(page, "wb", compresslevel=1) as packed:
        packed.write(b"<html><body><pre>" + b"x" * (30 * 1024 * 1024) + b"</pre></body></html>")
    packed_mb = page.stat().st_size / 1e6
    result = run_cli("parse", str(page))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"cables: {page}: too large for one cable (a {packed_mb:.1f} MB gzip file that unpacks "
        "to over 20 MB; at most 20 MB)"
    ]


@pytest.mark.parametrize("size_mb", [21])
def test_a_refused_plain_page_reports_its_size(tmp_path: Path, size_mb: int) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(b"<html><body><pre>" + b"x" * (size_mb * 1024 * 1024))
    result = run_cli("parse", str(page))
    assert f"too large for one cable ({page.stat().st_size / 1e6:.1f} MB" in result.stderr
