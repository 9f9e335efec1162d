"""Many readers over SSH (issue 14): N concurrent sessions on the full store during an import.

usage: python benchmarks/bench_ssh.py [--sessions 20] [--store /tmp/serve-store-full]
                                      [--csv CABLES.CSV] [--extra 20000] [--stagger 1.0]

1. builds the store from the full synthetic csv once (``cables import``), if the folder
   holds none (``--csv``, else the benchmarks' own full corpus);
2. makes ``--extra`` new synthetic cables (a fresh seed each run) and starts importing them
   into the same store;
3. starts an OpenSSH server on 127.0.0.1 set up as README.md's "Serving a corpus" says
   (tests/ssh_support.py) and ``--sessions`` ssh clients, each under its own
   pseudo-terminal (100x30), as a reader would: one every ``--stagger`` seconds, as readers
   arrive, every earlier session staying open (``--stagger 0`` starts them all in the same
   instant: a stress test, where 2 cores must start 20 Python processes at once);
4. per session: the time from starting ``ssh`` to the first cable row on its screen, and,
   once every list is loaded and a cable opened, the memory of its own: PSS (proportional
   set size, from /proc/PID/smaps_rollup, pages shared between sessions split among them),
   with its anonymous / file-backed parts;
5. every session quits with ``q``: exit status 0, no error on screen.

Targets: under 1 s to the first row and under 150 MB PSS per session. Results go to stdout
and, with the machine and date, to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import (
    FULL_SIZE,
    MAKE_CORPUS,
    PROJECT,
    RESULTS,
    PtyProcess,
    corpus,
    machine,
    memory_of,
)

sys.path.insert(0, str(PROJECT))

from tests.ssh_support import SshServer, cables_bin_dir

FIRST_ROW = re.compile(rb"\b\d\d[A-Z]{3,}\d+\b")  # a cable id: only rows show them
LOADED = re.compile(rb"[\d,]+ cables")
TROUBLE = (b"Traceback", b"damaged", b"cannot open the store", b"could not be read")
MB = 1_000_000


def _session(command: list[str]) -> PtyProcess:
    """One ssh client under a 100x30 pseudo-terminal, watched for the first cable row and
    the loaded list (on the screen's text: colour changes may split them)."""
    return PtyProcess(command, watch={"first_row": FIRST_ROW, "loaded": LOADED}, plain=True)


def troubles(session: PtyProcess) -> list[str]:
    """Error words seen on a session's screen."""
    data = session.text()
    return [word.decode() for word in TROUBLE if word in data]


def browser_pids(store: Path) -> list[int]:
    """The ``cables browse --read-only`` processes reading ``store``."""
    pids = []
    wanted = f"browse\0--read-only\0--store\0{store}\0".encode()
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if wanted in cmdline.read_bytes():
                pids.append(int(cmdline.parent.name))
        except OSError:
            continue
    return pids


# Run in a fresh process: the anonymous memory (Pss_Anon) each part of a session adds.
_BREAKDOWN = """
import json, sys
from pathlib import Path
def anon():
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss_Anon:"):
            return int(line.split()[1]) * 1024
steps, last = [], anon()
def step(what):
    global last
    now = anon(); steps.append([what, now - last]); last = now
step("python itself")
import tui.app, store.store
step("importing Textual and the app's modules")
from store.store import CableStore
from tui.presentation.catalog_order import CatalogArranger, SortKey
cable_store = CableStore.open(Path(sys.argv[1]), read_only=True)
step("opening the store (manifest, generation files)")
catalog = cable_store.load_catalog()
step("the catalog (one row per cable)")
view = CatalogArranger(catalog).arrange(SortKey.DATE)
step("the list's sort order")
cable_id = catalog.ids[view.order[len(view) - 1]]  # the newest cable, as the bench opens
cable_store.get_cable(cable_id)
step("reading one cable (id index, one body segment)")
cable_store.references_to(cable_id)
step("cited-by lookup (reverse references)")
print(json.dumps(steps))
"""


def memory_breakdown(store: Path) -> list[tuple[str, str]]:
    """What each part of a session adds to its anonymous memory, measured in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-c", _BREAKDOWN, str(store)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["no message"])[-1]
        return [("breakdown", f"failed: {last}")]
    return [(what, f"{size / MB:+.0f} MB") for what, size in json.loads(result.stdout)]


def ensure_account(user: str) -> None:
    """Make the readers' account as an administrator would (``useradd -m``: a home and the
    system's default shell files), unless it exists."""
    if subprocess.run(["id", user], capture_output=True).returncode != 0:
        # "*": no password, yet not locked (sshd refuses a locked account's keys).
        subprocess.run(["useradd", "-m", "-s", "/bin/bash", "-p", "*", user], check=True)


def build_store(store: Path, csv: Path) -> None:
    """Import ``csv`` into ``store`` unless it holds a store already."""
    if (store / "manifest.json").exists():
        print(f"store: {store} (already built)", file=sys.stderr)
        return
    print(f"store: importing {csv} into {store} ...", file=sys.stderr)
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "tui.cli", "import", "--store", str(store), str(csv)],
        cwd=PROJECT,
        check=True,
    )
    print(f"store: built in {time.monotonic() - started:.0f} s", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--store", type=Path, default=Path("/tmp/serve-store-full"))
    parser.add_argument("--csv", type=Path, default=None, help="default: the synthetic full corpus")
    parser.add_argument("--extra", type=int, default=20_000, help="cables imported meanwhile")
    parser.add_argument(
        "--stagger", type=float, default=1.0, help="seconds between two sessions' starts"
    )
    parser.add_argument(
        "--user",
        default=None,
        help="log the readers in as this account, as README's Match User block does (made "
        "with useradd if missing; needs root); default: the current account",
    )
    args = parser.parse_args()

    csv = args.csv if args.csv is not None else corpus(FULL_SIZE)
    build_store(args.store, csv)
    count_before = subprocess.run(
        [sys.executable, "-m", "tui.cli", "stats", "--store", str(args.store)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    cables_before = re.search(r"cables:\s+([\d,]+)", count_before).group(1)

    extra = Path(f"/tmp/serve-bench-extra-{os.getpid()}.csv")
    seed = str(int(time.time()))
    subprocess.run(
        [sys.executable, str(MAKE_CORPUS), str(args.extra), str(extra), "--seed", seed],
        check=True,
        capture_output=True,
    )
    sessions: list[PtyProcess] = []
    if args.user:
        ensure_account(args.user)
    with SshServer(args.store, max_sessions=args.sessions + 5, user=args.user) as server:
        quiet = _session(server.ssh_command())  # the baseline: one reader, no import
        quiet.wait_for("first_row", 120)
        quiet.wait_for("loaded", 120)
        quiet.send("q")
        quiet.process.wait(timeout=60)
        importing = subprocess.Popen(
            [sys.executable, "-m", "tui.cli", "import", "--store", str(args.store), str(extra)],
            cwd=PROJECT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(0.5)  # the importer holds the lock and parses
        command = server.ssh_command()
        for number in range(args.sessions):
            if number and args.stagger:
                time.sleep(args.stagger)
            sessions.append(_session(command))
        import_running_at_start = importing.poll() is None
        for session in sessions:
            session.wait_for("first_row", 120)
        for session in sessions:
            session.wait_for("loaded", 120)
        for session in sessions:
            session.send("G")
        time.sleep(1)
        for session in sessions:
            session.send("\r")  # open the newest cable
        time.sleep(5)
        pids = browser_pids(args.store)
        memories = [memory_of(pid) for pid in pids]
        import_running_at_measure = importing.poll() is None
        for session in sessions:
            session.send("q")
        statuses = []
        for session in sessions:
            try:
                statuses.append(session.process.wait(timeout=60))
            except subprocess.TimeoutExpired:
                session.process.kill()
                statuses.append(-9)
        out, err = importing.communicate(timeout=3600)
    extra.unlink(missing_ok=True)

    first_rows = [s.seen["first_row"] for s in sessions if "first_row" in s.seen]
    loaded = [s.seen["loaded"] for s in sessions if "loaded" in s.seen]
    pss = [m["Pss"] / MB for m in memories]
    pss_anon = [m.get("Pss_Anon", 0) / MB for m in memories]
    pss_file = [m.get("Pss_File", 0) / MB for m in memories]
    rss = [m["Rss"] / MB for m in memories]
    failures = [
        f"session {n}: exit {status}, {', '.join(troubles(s)) or 'no error text'}"
        for n, (s, status) in enumerate(zip(sessions, statuses, strict=True))
        if status != 0 or troubles(s)
    ]

    def spread(values: list[float], unit: str, digits: int = 2) -> str:
        if not values:
            return "none"
        return (
            f"median {statistics.median(values):.{digits}f} {unit}, "
            f"max {max(values):.{digits}f} {unit} (n={len(values)})"
        )

    rows = [
        (
            "sessions",
            f"{args.sessions} ssh clients, "
            + (f"one every {args.stagger:g} s, all open" if args.stagger else "started at once"),
            "",
        ),
        ("store", f"{args.store}, {cables_before} cables before the import", ""),
        (
            "import meanwhile",
            f"{args.extra:,} new cables; running when the sessions started: "
            f"{import_running_at_start}, when memory was measured: {import_running_at_measure}; "
            f"exit {importing.returncode}: {' '.join((out.strip() or err.strip()).split())}",
            "",
        ),
        ("ssh to first cable row", spread(first_rows, "s"), "< 1 s"),
        (
            "  each session, in the order they started",
            ", ".join(f"{t:.2f}" for t in first_rows),
            "",
        ),
        (
            "  baseline: one session before the import, alone",
            f"{quiet.seen.get('first_row', float('nan')):.2f} s",
            "",
        ),
        ("ssh to list loaded (count shown)", spread(loaded, "s"), ""),
        (
            "  baseline: one session before the import, alone",
            f"{quiet.seen.get('loaded', float('nan')):.2f} s",
            "",
        ),
        ("PSS per session (list loaded, a cable open)", spread(pss, "MB", 0), "< 150 MB"),
        ("  of which anonymous (Python heap)", spread(pss_anon, "MB", 0), ""),
        ("  of which file-backed (code, mapped files)", spread(pss_file, "MB", 0), ""),
        ("RSS per session", spread(rss, "MB", 0), ""),
        ("sessions that failed", "; ".join(failures) or "none", "none"),
    ]
    rows += [(f"anonymous memory: {what}", size, "") for what, size in memory_breakdown(args.store)]
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"\n## Many readers over SSH (issue 14): {stamp}\n",
        f"Machine: {machine()}. Command: `python benchmarks/bench_ssh.py "
        f"--sessions {args.sessions} --store {args.store} --extra {args.extra} "
        f"--stagger {args.stagger:g}" + (f" --user {args.user}" if args.user else "") + "`. "
        "Each session: README's sshd "
        "Match block, `ssh -t` under a 100x30 pty, first row timed from starting ssh; "
        f"readers log in as {args.user or 'the current account (' + getpass.getuser() + ')'} "
        f"and run {cables_bin_dir() / 'cables'} (Python {platform.python_version()}).\n",
        "| measure | result | target |",
        "| --- | --- | --- |",
        *(f"| {what} | {value} | {target} |" for what, value, target in rows),
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    with RESULTS.open("a", encoding="utf-8") as results:
        results.write(text)
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
