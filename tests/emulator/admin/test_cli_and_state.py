"""The emulator as a process: start-up line, signals, and the --state file."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner

from gmail_emulator import persist
from gmail_emulator.app import Emulator
from gmail_emulator.testing import AdminClient, gmail_service

RAW = b"From: hr@acme.example\r\nTo: me@example.com\r\nSubject: Offer\r\n\r\nWelcome\r\n"


@contextmanager
def _process(*args: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "gmail_emulator", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("Gmail emulator listening on http://127.0.0.1:"), first
        yield proc, first.split()[-1]
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)


def _stop(proc: subprocess.Popen[str], sig: int = signal.SIGTERM) -> int:
    proc.send_signal(sig)
    return proc.wait(timeout=10)


def test_prints_url_and_exits_cleanly_on_sigint() -> None:
    with _process() as (proc, url):
        assert AdminClient(url).health()["status"] == "ok"
        assert _stop(proc, signal.SIGINT) == 0


def test_mailbox_flag_creates_mailbox_and_prints_a_token() -> None:
    with _process("--mailbox", "me@example.com") as (proc, url):
        assert proc.stdout is not None
        proc.stdout.readline()  # admin hint
        line = proc.stdout.readline()
        token = line.split("access_token=")[1].strip()
        service = gmail_service(url, token)
        assert service.users().getProfile(userId="me").execute()["emailAddress"] == (
            "me@example.com"
        )
        assert _stop(proc) == 0


def test_state_file_survives_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "emulator.json"
    with _process("--state", str(state)) as (proc, url):
        admin = AdminClient(url)
        grant = admin.create_mailbox("me@example.com")
        ids = admin.deliver("me@example.com", RAW)
        assert _stop(proc) == 0
    assert json.loads(state.read_text())["version"] == 1
    with _process("--state", str(state)) as (proc, url):
        service = gmail_service(url, grant["access_token"])
        got = service.users().messages().get(userId="me", id=ids["id"]).execute()
        assert got["threadId"] == ids["threadId"]
        assert _stop(proc) == 0


def test_corrupt_state_file_is_refused_with_a_message(tmp_path: Path) -> None:
    state = tmp_path / "bad.json"
    state.write_text("[1, 2]")
    result = subprocess.run(
        [sys.executable, "-m", "gmail_emulator", "--port", "0", "--state", str(state)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert "cannot load" in result.stderr


def test_autosaver_writes_only_after_a_change(tmp_path: Path) -> None:
    emulator = Emulator()
    path = tmp_path / "state.json"
    saver = persist.Autosaver(emulator, path, interval_s=3600)
    assert saver.save_if_changed() is False
    assert not path.exists()
    emulator.backend.create_mailbox("me@example.com")
    emulator.touch()
    assert saver.save_if_changed() is True
    restored = Emulator()
    restored.restore(persist.load(path) or {})
    assert restored.backend.mailboxes() == ["me@example.com"]
    assert not list(tmp_path.glob(".*.tmp"))


def test_followup_emulator_command_documents_its_options() -> None:
    from followup.cli import main

    result = CliRunner().invoke(main, ["emulator", "--help"])
    assert result.exit_code == 0
    for option in ("--port", "--state", "--auto-approve", "--mailbox", "--host"):
        assert option in result.output
