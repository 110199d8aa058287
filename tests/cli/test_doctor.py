"""`followup doctor`: one line per check, each with a fix, exit 1 on any FAIL."""

from __future__ import annotations

import fcntl
import os
import socket
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from google.oauth2.credentials import Credentials

from followup import auth
from followup.cli import main
from followup.errors import FollowupError
from followup.paths import Paths


def lines_by_area(output: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in output.splitlines():
        parts = line.split(maxsplit=2)
        if len(parts) == 3 and parts[0] in {"OK", "WARN", "FAIL"}:
            found.setdefault(parts[1], line)
    return found


def test_a_fresh_install_fails_on_client_and_token_and_says_how_to_fix(
    home: Paths, runner: CliRunner
) -> None:
    result = runner.invoke(main, ["doctor"])
    assert result.exit_code == 1
    lines = lines_by_area(result.output)
    assert lines["config"].startswith("OK")
    assert lines["client"].startswith("FAIL")
    assert lines["token"].startswith("FAIL")
    assert lines["watcher"].startswith("WARN")
    assert "fix: `followup connect`" in result.output
    assert "Desktop OAuth client" in result.output


def test_a_bad_config_is_a_failing_line_not_a_crash(home: Paths, runner: CliRunner) -> None:
    home.config_dir.mkdir(parents=True)
    home.config_file.write_text("[drafts]\nstar = 'yes'\n")
    result = runner.invoke(main, ["doctor"])
    assert result.exit_code == 1
    line = lines_by_area(result.output)["config"]
    assert line.startswith("FAIL")
    assert "star must be true or false" in line
    assert "token" in lines_by_area(result.output)  # later checks still ran


def test_a_running_watcher_is_seen_through_its_lock(home: Paths, runner: CliRunner) -> None:
    home.data_dir.mkdir(parents=True)
    with open(home.lock_file, "w", encoding="utf-8") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        held.write(str(os.getpid()))
        held.flush()
        result = runner.invoke(main, ["doctor"])
    line = lines_by_area(result.output)["watcher"]
    assert line.startswith("OK")
    assert f"pid {os.getpid()}" in line


def test_a_stale_lock_file_means_the_watcher_is_not_running(home: Paths, runner: CliRunner) -> None:
    home.data_dir.mkdir(parents=True)
    home.lock_file.write_text("12345")
    result = runner.invoke(main, ["doctor"])
    assert lines_by_area(result.output)["watcher"].startswith("WARN")


def test_an_unreachable_sign_in_server_is_a_failing_line_not_a_traceback() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    creds = Credentials(
        token="expired-access",
        refresh_token="r",
        token_uri=f"http://127.0.0.1:{port}/token",
        client_id="c",
        client_secret="s",
        expiry=(datetime.now(UTC) - timedelta(hours=1)).replace(tzinfo=None),
    )
    with pytest.raises(FollowupError, match="cannot reach Gmail"):
        auth.gmail_get(creds, "profile", api_endpoint=f"http://127.0.0.1:{port}/")
