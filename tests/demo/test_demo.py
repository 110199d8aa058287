"""`make demo` end to end: the real emulator process, the real sign-in, the real watcher.

The demo runs in a child process exactly as `make demo` starts it (with --fast and a temp
folder), so what is checked is what a new user sees: the story's milestones, `followup
status`, the saved emulator state, and no emulator process left behind.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from followup.demo.cli import MARKER
from followup.demo.milestones import never_sent
from followup.demo.player import Observed

DEMO_TIMEOUT = 180  # seconds; the demo itself aims for well under 60


def demo_command(folder: Path) -> list[str]:
    return [sys.executable, "-m", "followup.demo", "--fast", "--port", "0", "--dir", str(folder)]


def demo_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "FOLLOWUP_HOME"}
    env["COLUMNS"] = "220"  # one line per narrated event, whatever the terminal
    return env


def emulator_pid(output: str) -> int:
    found = re.search(r"Started the Gmail emulator \(process (\d+)\)", output)
    assert found, output
    return int(found.group(1))


def gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def processes_using(folder: Path) -> list[int]:
    """Live processes started for this demo: named in their arguments or their FOLLOWUP_HOME."""
    found = []
    for proc in psutil.process_iter():
        try:
            args = " ".join(proc.cmdline())
            home = proc.environ().get("FOLLOWUP_HOME", "")
            if proc.status() != psutil.STATUS_ZOMBIE and (
                str(folder) in args or home.startswith(str(folder))
            ):
                found.append(proc.pid)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return found


def story_output(played: tuple[subprocess.CompletedProcess[str], Path]) -> str:
    """The demo's output, once it is known to have ended well (else show all of it)."""
    proc = played[0]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


@pytest.fixture(scope="module")
def played(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """One full demo run, shared by the tests that read its output (it takes seconds)."""
    folder = tmp_path_factory.mktemp("demo") / "demo"
    folder.mkdir()
    (folder / MARKER).write_text("from an earlier run\n")
    (folder / "stale.txt").write_text("left over from an earlier run\n")
    proc = subprocess.run(
        demo_command(folder),
        capture_output=True,
        text=True,
        env=demo_env(),
        timeout=DEMO_TIMEOUT,
        check=False,
    )
    return proc, folder


@pytest.mark.slow  # the whole demo in a child process (seconds)
def test_demo_tells_the_whole_story_and_exits_zero(
    played: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    proc, _ = played
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    for milestone in (
        "a thank-you draft after the interview",
        "a check-in a week after the interview",
        "an employer's reply pauses the application, draft tidied",
        "an out-of-office reply postpones the check-in",
        "a rejection closes the application",
        "followup never sent mail",
        "`followup status` lists every application",
    ):
        assert f"Checked in Gmail — {milestone}" in out or f"✔ │ {milestone}" in out, milestone
    assert "✘" not in out
    assert "The whole story happened." in out


@pytest.mark.slow  # the whole demo in a child process (seconds)
def test_demo_milestones_happen_on_the_days_the_policy_says(
    played: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    out = story_output(played)
    # Seed 001: the check-in a week after Wednesday's interview; seed 003: the out-of-office
    # return on Monday 16 March moves Friday's check-in to the next business day.
    assert "appeared Wed 11 Mar, 7 days after the interview" in out
    assert "the check-in planned for Fri 13 Mar appeared Tue 17 Mar" in out
    assert "followup removes its unsent first check-in from the Okapi Logistics thread" in out
    assert "followup removes its unsent first check-in from the Quillpoint thread" in out


@pytest.mark.slow  # the whole demo in a child process (seconds)
def test_demo_ends_with_the_real_status_table(
    played: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    out = story_output(played)
    table = out.split("`followup status --all`, the real command", 1)[1]
    assert "paused (employer replied)" in table
    assert "closed (rejection)" in table
    for company in ("Brightloom", "Okapi Logistics", "Quillpoint", "Fernhill Games", "Tessellate"):
        assert company in table
    assert "draft ready" in table  # the next step Sam has in Gmail


@pytest.mark.slow  # the whole demo in a child process (seconds)
def test_demo_leaves_no_process_and_keeps_the_emulator_state(
    played: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    proc, folder = played
    assert gone(emulator_pid(proc.stdout))
    # Neither the emulator nor `followup connect` nor `followup status` outlives the demo.
    assert processes_using(folder) == []
    state = json.loads((folder / "emulator-state.json").read_text(encoding="utf-8"))
    assert "sam.rivera@example.net" in json.dumps(state)
    assert not (folder / "stale.txt").exists()  # a re-run starts from a clean slate
    token = folder / "home" / "data" / "token.json"
    assert token.stat().st_mode & 0o777 == 0o600
    assert f"export FOLLOWUP_HOME={folder / 'home'}" in proc.stdout
    assert f"--state {folder / 'emulator-state.json'}" in proc.stdout


@pytest.mark.slow  # the whole demo in a child process (seconds)
def test_ctrl_c_stops_the_demo_and_its_emulator(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        demo_command(tmp_path / "demo"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=demo_env(),
    )
    assert proc.stdout is not None
    seen = ""
    for line in proc.stdout:
        seen += line
        if "Started the Gmail emulator" in line:
            break
    pid = emulator_pid(seen)
    proc.send_signal(signal.SIGINT)
    rest, _ = proc.communicate(timeout=60)
    assert proc.returncode == 130, seen + rest
    assert "Interrupted" in rest
    deadline = time.monotonic() + 10
    while not gone(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert gone(pid)


def test_demo_refuses_to_empty_a_folder_it_did_not_make(tmp_path: Path) -> None:
    (tmp_path / "precious.txt").write_text("not the demo's\n")
    proc = subprocess.run(
        demo_command(tmp_path),
        capture_output=True,
        text=True,
        env=demo_env(),
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert (tmp_path / "precious.txt").exists()
    assert "was not made by the demo" in proc.stdout


def test_a_folder_holding_only_an_emulator_state_is_the_demos_to_empty(tmp_path: Path) -> None:
    from followup.demo.cli import fresh_folder

    folder = tmp_path / ".demo"
    folder.mkdir()
    (folder / "emulator-state.json").write_text("{}")  # left by `make emulator`
    fresh_folder(folder)
    assert sorted(p.name for p in folder.iterdir()) == [MARKER]


def test_a_send_followup_did_not_account_for_fails_the_never_sends_check() -> None:
    observed = Observed(user_sends=1)
    calls: list[dict[str, object]] = [
        {"method": "gmail.users.drafts.send", "status": 200},
        {"method": "gmail.users.messages.send", "status": 200},
        {"method": "gmail.users.drafts.create", "status": 200},
    ]
    assert never_sent(observed, calls) is None
    assert never_sent(observed, calls[:1]) is not None


def test_the_emulator_port_falls_back_only_when_something_listens_on_it() -> None:
    import socket

    from followup.demo.emulator_process import choose_port

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        port = listener.getsockname()[1]
        listener.listen()
        assert choose_port(port) != port
    assert choose_port(port) == port


@pytest.mark.slow  # the whole demo in a child process (seconds)
def test_demo_fails_when_the_story_does_not_happen(tmp_path: Path) -> None:
    from importlib import resources

    text = resources.files("followup.demo").joinpath("story.toml").read_text(encoding="utf-8")
    # Without Priya's reply nothing pauses Okapi Logistics: that milestone cannot hold.
    reply = re.compile(r'\[\[events\]\]\ntype = "reply"\n(?:[^\n]+\n)+\n')
    assert len(reply.findall(text)) == 1
    story = tmp_path / "story.toml"
    story.write_text(reply.sub("", text), encoding="utf-8")
    proc = subprocess.run(
        [*demo_command(tmp_path / "demo"), "--story", str(story)],
        capture_output=True,
        text=True,
        env=demo_env(),
        timeout=DEMO_TIMEOUT,
        check=False,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "✘ │ an employer's reply pauses the application" in proc.stdout
    assert "✔ │ a rejection closes the application" in proc.stdout
    assert "The story did NOT happen as told." in proc.stdout
    assert gone(emulator_pid(proc.stdout))
