"""What the benchmarks share: where things are, the machine they ran on, the corpus."""

from __future__ import annotations

import fcntl
import os
import platform
import pty
import re
import select
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
MAKE_CORPUS = PROJECT / "benchmarks" / "make_corpus.py"
RESULTS = PROJECT / "benchmarks" / "RESULTS.md"
FULL_SIZE = 251_287


def machine() -> str:
    """CPU model, core count and RAM of this machine, in one line."""
    model = platform.processor() or "unknown cpu"
    ram = "unknown RAM"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 2**20:.1f} GiB RAM"
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, {ram}, Python {platform.python_version()}"


def memory_of(pid: int) -> dict[str, int]:
    """Rss, Pss and its parts (bytes) of a process, from /proc/PID/smaps_rollup (OSError if
    it is gone)."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        values[name] = int(value.split()[0]) * 1024
    return values


def corpus(n: int) -> Path:
    """The synthetic csv of ``n`` cables in the temp folder (never the repo), made if absent."""
    path = Path(tempfile.gettempdir()) / f"cables-bench-{n}.csv"
    if not path.exists():
        print(f"making {path} ...", file=sys.stderr)
        partial = path.with_suffix(".csv.tmp")
        subprocess.run([sys.executable, str(MAKE_CORPUS), str(n), str(partial)], check=True)
        partial.rename(path)
    return path


#: Terminal escape sequences (CSI, OSC, charset, any other ESC + one character).
ESCAPES = re.compile(
    rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|.)"
)


class PtyProcess:
    """A command under a pseudo-terminal of ``size`` (columns, lines), its output drained
    by a thread. ``seen[name]`` is when ``watch[name]`` first matched the output, in
    seconds since the start; ``plain`` matches the output's last 200 KB with the terminal's
    escape sequences taken out (for text that colour changes may split), otherwise the raw
    bytes around each read."""

    def __init__(
        self,
        command: list[str],
        *,
        env: dict[str, str] | None = None,
        size: tuple[int, int] = (100, 30),
        watch: dict[str, re.Pattern[bytes]] | None = None,
        plain: bool = False,
        cwd: Path | None = None,
    ) -> None:
        master, slave = pty.openpty()
        columns, lines = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self._watch = dict(watch or {})
        self._plain = plain
        self.seen: dict[str, float] = {}
        self.lock = threading.Lock()
        full_env = {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8", **(env or {})}
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            command,
            cwd=cwd,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=full_env,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if not ready:
                if self.process.poll() is not None:
                    return
                continue
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            now = time.perf_counter()
            with self.lock:
                tail = len(self.output)
                self.output += data
                if self._plain:
                    text, start = ESCAPES.sub(b"", bytes(self.output[-200_000:])), 0
                else:
                    # A little before the new bytes: a match may straddle two reads.
                    text, start = self.output, max(0, tail - 64)
            for name, pattern in list(self._watch.items()):
                if pattern.search(text, start):
                    self.seen[name] = now - self.started
                    del self._watch[name]

    def send(self, keys: str) -> None:
        """Type these keys."""
        os.write(self.master, keys.encode())

    def wait_for(self, name: str, timeout: float) -> bool:
        """Wait until ``watch[name]`` has matched (False after ``timeout`` seconds)."""
        deadline = time.perf_counter() + timeout
        while name not in self.seen and time.perf_counter() < deadline:
            time.sleep(0.01)
        return name in self.seen

    def text(self) -> bytes:
        """Everything the command wrote so far."""
        with self.lock:
            return bytes(self.output)

    def wait(self, timeout: float = 30) -> float:
        """Wait for the command to exit; seconds since it was started."""
        self.process.wait(timeout=timeout)
        elapsed = time.perf_counter() - self.started
        self._reader.join(timeout=2)
        os.close(self.master)
        return elapsed
