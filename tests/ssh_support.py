"""A throwaway OpenSSH server on 127.0.0.1 that serves Cables as the README says.

:class:`SshServer` generates a host key and a user key in a private folder, writes an
``sshd_config`` there (listening on a free loopback port, key login for the current user
only, ``UsePAM no``) and appends the ``Match`` block of README.md's "Serving a corpus"
section, word for word but for the user name and the store folder. :func:`readme_commands`
reads that section, so that the README and the tests cannot drift apart.
"""

from __future__ import annotations

import getpass
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["README", "ReadmeServing", "SshServer", "SshUnavailable", "readme_serving"]

PROJECT = Path(__file__).resolve().parents[1]
README = PROJECT / "README.md"
SECTION = "## Serving a corpus"
README_STORE = "/srv/cables"
README_USER = "reader"
README_HOST = "cables.example.org"
SSHD = Path("/usr/sbin/sshd")


class SshUnavailable(Exception):
    """OpenSSH's server or client is missing or cannot start here (the reason says which)."""


@dataclass(frozen=True)
class ReadmeServing:
    """What README.md's "Serving a corpus" section tells an administrator and a reader."""

    match_block: str  # the sshd_config Match block
    ssh_command: list[str]  # the reader's one-line ssh command
    serve_command: list[str]  # the `cables serve` line


def readme_serving(readme: Path = README) -> ReadmeServing:
    """The ``Match`` block and the commands of the README's "Serving a corpus" section."""
    text = readme.read_text(encoding="utf-8")
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    section = text[start : end if end >= 0 else None]
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", section, flags=re.S | re.M)
    match_block = next(block for block in blocks if block.startswith("Match "))
    ssh_line = next(block.strip() for block in blocks if block.startswith("ssh "))
    serve_line = next(block.strip() for block in blocks if block.startswith("cables serve"))
    return ReadmeServing(match_block, shlex.split(ssh_line), shlex.split(serve_line))


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def cables_bin_dir() -> Path:
    """The folder of the installed ``cables`` script (the test's virtual environment)."""
    beside = Path(sys.executable).parent
    if (beside / "cables").exists():
        return beside
    found = shutil.which("cables")
    if found is None:
        raise SshUnavailable("the `cables` command is not installed (pip install -e .)")
    return Path(found).parent


class SshServer:
    """sshd on a free loopback port whose readers get ``cables browse --read-only``.

    ``with SshServer(store) as server:`` starts it (raises :class:`SshUnavailable` when it
    cannot); :meth:`ssh_command` is the README's reader command aimed at it.
    """

    def __init__(self, store: Path, *, max_sessions: int = 10, user: str | None = None) -> None:
        """``user``: the account readers log in as (default: the current one; another needs
        this process to run as root, as sshd does)."""
        self.store = store
        self.user = user or getpass.getuser()
        self.folder = Path(tempfile.mkdtemp(prefix="cables-sshd-"))
        self.host_key = self.folder / "host_key"
        self.user_key = self.folder / "user_key"
        self.authorized_keys = self.folder / "authorized_keys"
        self.config = self.folder / "sshd_config"
        self.log = self.folder / "sshd.log"
        self.port = free_port()
        self.max_sessions = max_sessions
        self.process: subprocess.Popen[bytes] | None = None
        self.serving = readme_serving()

    # -- setting up ----------------------------------------------------------------------

    def match_block(self) -> str:
        """The README's Match block for this user and store."""
        block = self.serving.match_block
        block = block.replace(f"Match User {README_USER}", f"Match User {self.user}")
        return block.replace(README_STORE, shlex.quote(str(self.store)))

    def _write_config(self) -> None:
        bin_dir = cables_bin_dir()
        root_login = "prohibit-password" if os.geteuid() == 0 else "no"
        lines = [
            f"Port {self.port}",
            "ListenAddress 127.0.0.1",
            f"HostKey {self.host_key}",
            f"PidFile {self.folder / 'sshd.pid'}",
            f"AuthorizedKeysFile {self.authorized_keys}",
            f"AllowUsers {self.user}",
            f"PermitRootLogin {root_login}",
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "UsePAM no",
            "StrictModes no",
            "PrintMotd no",
            "PrintLastLog no",
            f"MaxSessions {self.max_sessions}",
            f"MaxStartups {self.max_sessions * 3}",
            "LogLevel ERROR",
            # Where the test's `cables` is installed; a server has it on the default PATH.
            f"SetEnv PATH={bin_dir}:/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8",
            "",
            self.match_block(),
        ]
        self.config.write_text("\n".join(lines), encoding="utf-8")

    def _keygen(self, path: Path) -> None:
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "cables-test", "-f", str(path)],
            check=True,
            capture_output=True,
            timeout=30,
        )

    def start(self) -> SshServer:
        """Generate keys, write the config, start sshd and wait until it accepts connections."""
        if not SSHD.exists():
            raise SshUnavailable(f"OpenSSH's server is not installed ({SSHD} is missing)")
        if shutil.which("ssh") is None or shutil.which("ssh-keygen") is None:
            raise SshUnavailable("OpenSSH's client (ssh, ssh-keygen) is not installed")
        self._keygen(self.host_key)
        self._keygen(self.user_key)
        shutil.copy(self.user_key.with_suffix(".pub"), self.authorized_keys)
        if self.user != getpass.getuser():
            # sshd reads the keys with the reader's rights: let them read the file.
            self.folder.chmod(0o755)
            self.authorized_keys.chmod(0o644)
        self._write_config()
        if os.geteuid() == 0:
            # sshd's privilege separation folder, made by the service unit on a normal system.
            Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
        check = subprocess.run(
            [str(SSHD), "-t", "-f", str(self.config)], capture_output=True, text=True, timeout=30
        )
        if check.returncode != 0:
            raise SshUnavailable(f"sshd rejects the test configuration: {check.stderr.strip()}")
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [str(SSHD), "-D", "-e", "-f", str(self.config)],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        deadline = time.monotonic() + 10
        while True:
            if self.process.poll() is not None:
                raise SshUnavailable(f"sshd exited at once: {self.log.read_text().strip()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                if time.monotonic() > deadline:
                    raise SshUnavailable("sshd did not listen within 10 s") from None
                time.sleep(0.05)

    # -- connecting ----------------------------------------------------------------------

    def ssh_command(self) -> list[str]:
        """The README's reader command, aimed at this server with the test's key."""
        command = list(self.serving.ssh_command)
        destination = f"{README_USER}@{README_HOST}"
        where = command.index(destination)
        options = [
            "-F",
            "/dev/null",
            "-p",
            str(self.port),
            "-i",
            str(self.user_key),
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "BatchMode=yes",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
        ]
        return [*command[:where], *options, f"{self.user}@127.0.0.1", *command[where + 1 :]]

    def stop(self) -> None:
        """Stop sshd (open sessions end with it) and remove its folder."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> SshServer:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
