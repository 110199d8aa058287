"""`followup watch` and `followup sync` as real processes against the emulator."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from followup import auth

from .conftest import World, credentials

pytestmark = pytest.mark.slow  # real processes / a simulated month


def _home(world: World, tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "config.toml").write_text(
        f'[account]\nemail = "{world.mailbox.email}"\napi_endpoint = "{world.mailbox.url}/"\n'
        f'token_uri = "{world.mailbox.url}/token"\n',
        encoding="utf-8",
    )
    auth.save_token(credentials(world.mailbox), home / "data" / "token.json")
    return {**os.environ, "FOLLOWUP_HOME": str(home)}


def _followup(*args: str) -> list[str]:
    return [sys.executable, "-m", "followup", *args]


def test_sync_polls_once_and_reports_its_cost(world: World, tmp_path: Path) -> None:
    env = _home(world, tmp_path)
    done = subprocess.run(_followup("sync"), env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "first_sync" in done.stdout
    assert "never sends" not in done.stderr


def test_watch_stops_cleanly_on_sigterm_and_holds_the_account_lock(
    world: World, tmp_path: Path
) -> None:
    env = _home(world, tmp_path)
    watcher = subprocess.Popen(
        _followup("watch", "--interval", "0.1"),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and "getProfile" not in str(world.methods()):
            time.sleep(0.2)
        second = subprocess.run(
            _followup("sync"), env=env, capture_output=True, text=True, timeout=120
        )
        assert second.returncode != 0
        assert "already watching" in second.stderr
    finally:
        watcher.send_signal(signal.SIGTERM)
        out, err = watcher.communicate(timeout=60)
    assert watcher.returncode == 0, err
    assert "Watching Gmail" in out


def test_watch_without_a_sign_in_stops_at_once_naming_the_fix(tmp_path: Path) -> None:
    env = {**os.environ, "FOLLOWUP_HOME": str(tmp_path / "empty")}
    done = subprocess.run(_followup("watch"), env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "followup connect" in done.stderr
