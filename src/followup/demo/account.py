"""The demo user's followup home: a config pointing at the emulator, and a real sign-in.

The sign-in is `followup connect --no-browser` in a child process, exactly as a user on a
headless machine runs it: it prints Google's (here the emulator's) consent address and waits
on its loopback port. The demo plays the browser by opening that address; the emulator's
``--auto-approve`` answers with the redirect carrying the code, which reaches `connect`'s
one-shot server. Nothing in the OAuth flow is skipped or faked.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from followup.demo.errors import DemoError
from followup.paths import Paths
from gmail_emulator.auth import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

CONNECT_TIMEOUT_SECONDS = 60


@dataclass(frozen=True, slots=True)
class DemoAccount:
    """Who the demo user is and where their followup home lives."""

    email: str
    name: str
    timezone: str
    home: Path  # FOLLOWUP_HOME

    @property
    def paths(self) -> Paths:
        return Paths(self.home / "config", self.home / "data", self.home / "logs")

    def env(self) -> dict[str, str]:
        """The environment of every `followup` command the demo runs (and the user may run)."""
        return {
            **os.environ,
            "FOLLOWUP_HOME": str(self.home),
            "OAUTHLIB_INSECURE_TRANSPORT": "1",  # the emulator speaks http on 127.0.0.1
            "PYTHONUNBUFFERED": "1",
        }


def write_setup(account: DemoAccount, url: str) -> None:
    """The OAuth client file and config.toml, as docs/cli.md tells a user to write them."""
    paths = account.paths
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    client = {
        "installed": {
            "client_id": DEMO_CLIENT_ID,
            "client_secret": DEMO_CLIENT_SECRET,
            "auth_uri": f"{url}/o/oauth2/auth",
            "token_uri": f"{url}/token",
            "redirect_uris": ["http://localhost"],
        }
    }
    paths.client_secrets_file.write_text(json.dumps(client, indent=2) + "\n", encoding="utf-8")
    paths.config_file.write_text(
        "# Written by `make demo`: this account lives in the local Gmail emulator.\n"
        "[account]\n"
        f'email = "{account.email}"\n'
        f'api_endpoint = "{url}/"\n'
        f'auth_uri = "{url}/o/oauth2/auth"\n'
        f'token_uri = "{url}/token"\n\n'
        "[user]\n"
        f'name = "{account.name}"\n'
        f'timezone = "{account.timezone}"\n',
        encoding="utf-8",
    )


def connect(account: DemoAccount) -> str:
    """Run the real `followup connect --no-browser` and approve it; returns its last line."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "followup", "connect", "--no-browser", "--timeout", "60"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=account.env(),
    )
    try:
        auth_url = _read_auth_url(proc)
        # The "browser": with --auto-approve the consent page redirects at once to
        # connect's loopback server, which answers with its success page.
        with urllib.request.urlopen(auth_url, timeout=30) as page:  # noqa: S310 - loopback
            landing = page.read().decode("utf-8", "replace")
        out, err = proc.communicate(timeout=CONNECT_TIMEOUT_SECONDS)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if proc.returncode != 0 or "connected" not in landing:
        raise DemoError(f"`followup connect` failed (exit {proc.returncode}):\n{out}{err}")
    lines = [line for line in out.splitlines() if line.startswith("Connected as")]
    if not lines:
        raise DemoError(f"`followup connect` did not report the account:\n{out}{err}")
    return lines[0]


def _read_auth_url(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    for line in proc.stdout:
        if "/o/oauth2/auth?" in line:
            return line.strip()
    err = proc.stderr.read() if proc.stderr else ""
    raise DemoError(f"`followup connect` printed no consent address:\n{err}")


def run_followup(account: DemoAccount, *args: str) -> subprocess.CompletedProcess[str]:
    """A `followup` command in a child process, in the demo's home, output captured (piped,
    the CLI's tables are laid out wide and uncut: what the demo's checks read)."""
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "followup", *args],
        capture_output=True,
        text=True,
        env=account.env(),
        timeout=120,
        check=False,
    )


def show_followup(account: DemoAccount, *args: str, width: int = 100) -> tuple[int, str]:
    """A `followup` command in a child process, in the demo's home, on a pseudo-terminal.

    A terminal, because that is where a user runs it: rich then lays its table out for
    ``width`` columns (piped, the CLI picks a wide fixed width so that nothing is cut, which
    would wrap badly on the screen). Returns the exit status and the output, colours and all
    (``rich.text.Text.from_ansi`` turns them back into styles).
    """
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, width, 0, 0))
    try:
        proc = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            [sys.executable, "-m", "followup", *args],
            stdin=subprocess.DEVNULL,
            stdout=slave,
            stderr=slave,
            env={**account.env(), "COLUMNS": str(width), "TERM": "xterm-256color"},
        )
    finally:
        os.close(slave)
    chunks: list[bytes] = []
    try:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal (Linux's end of file)
                break
            if not data:
                break
            chunks.append(data)
        code = proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return code, b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")
