"""``cables serve``: its defaults, the session it runs per tab, and its errors."""

from __future__ import annotations

import shlex
import socket
from pathlib import Path

from store.sample import ensure_default_store
from tests.store_support import run_cli
from tui.cli import build_parser
from tui.commands.serve import public_url, session_command


def test_serve_listens_on_loopback_port_8000_unless_told_otherwise() -> None:
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.public_url) == ("127.0.0.1", 8000, None)
    args = build_parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "8080"])
    assert (args.host, args.port) == ("0.0.0.0", 8080)


def test_each_browser_tab_runs_a_read_only_browser_on_the_store(tmp_path: Path) -> None:
    store = tmp_path / "a store with spaces"
    words = shlex.split(session_command(store))
    assert words[0] == "exec"
    assert words[words.index("browse") :] == ["browse", "--read-only", "--store", str(store)]


def test_public_url_brackets_ipv6_addresses() -> None:
    assert public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert public_url("::1", 8000) == "http://[::1]:8000"


def test_serve_on_a_port_in_use_says_so_in_one_line(tmp_path: Path) -> None:
    store = tmp_path / "store"
    ensure_default_store(store)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--store", str(store), "--port", str(port))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"cables: cannot serve on 127.0.0.1:{port}" in result.stderr


def test_serve_on_a_folder_that_is_not_a_store_says_so_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "letter.txt").write_text("not a store", encoding="utf-8")
    result = run_cli("serve", "--store", str(folder), "--port", "1")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("cables: ")
