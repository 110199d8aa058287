"""The shipped systemd unit and launchd plist parse and start `followup watch`."""

from __future__ import annotations

import configparser
import plistlib
from pathlib import Path

from followup.cli import COMMANDS

CONTRIB = Path(__file__).resolve().parents[2] / "contrib"


def test_systemd_user_unit_runs_the_watcher_and_restarts_on_failure() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    unit.read(CONTRIB / "systemd" / "followup.service", encoding="utf-8")
    service = unit["Service"]
    program, *args = service["ExecStart"].split()
    assert program.endswith("/followup")
    assert args == ["watch"]
    assert service["Restart"] == "on-failure"
    assert service["UMask"] == "0077"
    assert unit["Install"]["WantedBy"] == "default.target"  # a user unit, not a system one
    assert "watch" in COMMANDS


def test_launchd_plist_runs_the_watcher_and_keeps_files_private() -> None:
    with (CONTRIB / "launchd" / "com.followup.watch.plist").open("rb") as handle:
        plist = plistlib.load(handle)
    assert plist["Label"] == "com.followup.watch"
    assert plist["ProgramArguments"][-1] == "watch"
    assert plist["ProgramArguments"][0].endswith("/followup")
    assert plist["KeepAlive"] == {"SuccessfulExit": False}
    assert plist["Umask"] == 0o077
