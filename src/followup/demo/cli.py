"""``python -m followup.demo`` (``make demo``): set everything up, play the story, clean up.

The order is what a new user would do by hand: start the emulator, write the config, run
`followup connect`, let the watcher run, then `followup status`. The emulator child process
is stopped in a ``finally`` (also on Ctrl-C), after which its state file is what the user
can start again and explore; the commands to do so are printed last.
"""

from __future__ import annotations

import re
import shutil
import stat
import sys
import tomllib
from importlib import resources
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from followup.demo.account import (
    DemoAccount,
    connect,
    run_followup,
    show_followup,
    write_setup,
)
from followup.demo.emulator_process import EmulatorProcess, choose_port
from followup.demo.errors import DemoError
from followup.demo.milestones import Milestone, check_milestones, never_sent, story_milestones
from followup.demo.narration import Narrator
from followup.demo.noise import NOISE
from followup.errors import ConfigError, FollowupError
from followup.simulate.scenario import Scenario
from gmail_emulator.testing import AdminError

MARKER = ".followup-demo"  # only a folder holding this is ever deleted by a re-run
DEFAULT_PACE = 0.5
EXIT_INTERRUPTED = 130


def load_story(path: Path | None = None) -> Scenario:
    """The story (the shipped story.toml unless ``path``), checked by the simulator's loader."""
    from followup.simulate.loader import load_scenario, parse_scenario

    if path is not None:
        return load_scenario(path)
    text = resources.files("followup.demo").joinpath("story.toml").read_text(encoding="utf-8")
    return parse_scenario(tomllib.loads(text), source="story.toml")


# What the demo and `make emulator` (same state file) leave in the folder.
DEMO_FILES = re.compile(r"(\.followup-demo|emulator-state\.json|\.emulator-state\.json\..*\.tmp)$")


def fresh_folder(folder: Path) -> None:
    """Start from a clean slate, but never delete a folder the demo did not make: one holding
    the demo's marker, or only the emulator's state file (`make emulator` writes it there)."""
    if folder.exists():
        ours = (folder / MARKER).exists() or all(
            DEMO_FILES.fullmatch(entry.name) for entry in folder.iterdir()
        )
        if not ours:
            raise DemoError(f"{folder} exists and was not made by the demo; choose another --dir")
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / MARKER).write_text("made by `make demo`; deleted by the next run\n")


@click.command()
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(".demo"),
    show_default=True,
    help="Where the emulator state and the demo's FOLLOWUP_HOME go (emptied first).",
)
@click.option(
    "--pace",
    type=click.FloatRange(min=0),
    default=DEFAULT_PACE,
    show_default=True,
    help="Seconds to linger on each line that matters, so a person can follow.",
)
@click.option("--fast", is_flag=True, help="No lingering at all (same as --pace 0).")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8765,
    show_default=True,
    help="Emulator port; another free one is used when it is taken.",
)
@click.option(
    "--story",
    "story_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Play a variant of the shipped story.toml (same thread names; the milestones "
    "are checked against them).",
)
def main(folder: Path, pace: float, fast: bool, port: int, story_file: Path | None) -> None:
    """Play three weeks of a job search against a local Gmail emulator, in under a minute.

    \b
    Example:
      make demo
      python -m followup.demo --fast --dir /tmp/followup-demo
    """
    console = Console(highlight=False)
    folder = folder.resolve()
    try:
        fresh_folder(folder)
        story = load_story(story_file)
    except (DemoError, ConfigError) as exc:
        console.print(Text(f"demo: {exc}", style="bold red"))
        sys.exit(2)
    user = story.user
    account = DemoAccount(user.email, user.name, user.timezone, folder / "home")
    narrator = Narrator(console, story.clock.start, pace=0.0 if fast else pace)
    emulator = EmulatorProcess(
        port=choose_port(port),
        state_file=folder / "emulator-state.json",
        auto_approve=user.email,
        log_file=folder / "emulator.log",
    )
    milestones: list[Milestone] = []
    code = 1
    try:
        milestones = _play(story, account, emulator, narrator)
        code = 0 if all(m.evidence for m in milestones) else 1
    except KeyboardInterrupt:
        console.print(Text("\nInterrupted: stopping the emulator.", style="bold yellow"))
        code = EXIT_INTERRUPTED
    except (DemoError, FollowupError, AdminError) as exc:
        text = exc.explain() if isinstance(exc, FollowupError) else str(exc)
        console.print(Text(f"\nThe demo stopped: {text}", style="bold red"))
    finally:
        emulator.stop()
    _summary(console, milestones, code)
    if (folder / "emulator-state.json").exists():
        _explore(console, emulator, account, folder)
    sys.exit(code)


def _play(
    story: Scenario, account: DemoAccount, emulator: EmulatorProcess, say: Narrator
) -> list[Milestone]:
    from followup.config import load_config
    from followup.demo.player import Player
    from followup.logging_setup import setup_logging
    from gmail_emulator.testing import AdminClient

    say.title("followup demo: three weeks of a job search, in Gmail")
    say.console.print(
        f"{story.user.name} has interviews coming up. followup watches their Gmail and leaves "
        "well-timed follow-up DRAFTS in the right threads; it never sends anything. A local "
        "Gmail emulator stands in for Google, and its clock runs three weeks in a minute.\n"
    )
    url = emulator.start()
    say.step(f"Started the Gmail emulator (process {emulator.pid}) at {url}")
    say.detail(" ".join(emulator.command[2:]))
    # The emulator's clock starts when the inbox's oldest mail arrived, before the story.
    AdminClient(url).set_clock(
        min([story.clock.start, *(m.moment(story.clock.start) for m in NOISE)])
    )
    write_setup(account, url)
    setup_logging(account.paths)  # followup's log goes to the demo home, not the screen
    say.step(f"Wrote followup's config for {account.email} in {account.paths.config_file}")
    connected = connect(account)
    mode = stat.S_IMODE(account.paths.token_file.stat().st_mode)
    if mode != 0o600:
        raise DemoError(f"the token file has mode {mode:o}, not 600")
    say.step(
        "Signed in with the real OAuth flow (`followup connect --no-browser`; the emulator "
        "approves the consent page)"
    )
    say.detail(f"{connected.split('. Token')[0]}; token saved readable only by its owner (0600)")
    say.step(
        "Running the watcher: one poll every 6 simulated hours while mail arrives. "
        "Times are Sam's (Europe/London)."
    )

    milestones = story_milestones(load_config(account.paths.config_file).labels)
    player = Player(story, url, account, say, lambda p, at: check_milestones(milestones, p, at))
    observed = player.play()

    say.console.print()
    say.step(
        f"Three weeks watched: {observed.polls} polls, {observed.service_calls} Gmail API calls "
        f"and {observed.service_units} quota units by followup (an idle poll is one call)"
    )
    calls = player.admin.calls(account.email)
    sends = never_sent(observed, calls)
    milestones.append(Milestone("never_sends", "followup never sent mail", lambda _p: sends))
    milestones[-1].evidence = sends
    say.step("The story's end: `followup status --all`, the real command")
    # Shown as on a terminal of this width; checked on the uncut piped output.
    _, output = show_followup(account, "status", "--all", width=say.console.width)
    say.console.print(Text.from_ansi(output.rstrip()), soft_wrap=True)
    status = run_followup(account, "status", "--all")
    companies = {app.company for app in observed.applications.values() if app.company}
    shows_all = status.returncode == 0 and all(c in status.stdout for c in companies)
    evidence = f"exit 0, lists {len(companies)} applications" if shows_all else None
    if status.returncode != 0:
        say.console.print(Text(status.stdout + status.stderr, style="red"))
    milestone = Milestone("status", "`followup status` lists every application", lambda _p: None)
    milestone.evidence = evidence
    milestones.append(milestone)
    return milestones


def _summary(console: Console, milestones: list[Milestone], code: int) -> None:
    if not milestones:
        return
    table = Table(title="What the demo checked", title_justify="left", show_header=False)
    table.add_column("ok")
    table.add_column("milestone")
    table.add_column("evidence", style="dim")
    for m in milestones:
        mark = Text("✔", style="green") if m.evidence else Text("✘", style="bold red")
        table.add_row(mark, m.title, m.evidence or "did not happen")
    console.print()
    console.print(table)
    verdict = "The whole story happened." if code == 0 else "The story did NOT happen as told."
    console.print(Text(verdict, style="bold green" if code == 0 else "bold red"))


def _explore(
    console: Console, emulator: EmulatorProcess, account: DemoAccount, folder: Path
) -> None:
    """How to start the emulator on the saved state and look around with the CLI."""
    exe = Path(sys.executable).with_name("followup")
    followup = _short(exe) if exe.exists() else f"{_short(Path(sys.executable))} -m followup"
    state = _short(emulator.state_file)
    make_hint = (
        " (or: make emulator)"
        if emulator.port == 8765
        and emulator.state_file == Path(".demo/emulator-state.json").resolve()
        else ""
    )
    url = emulator.url or f"http://127.0.0.1:{emulator.port}"
    lines = [
        "",
        f"The emulator stopped; its mailbox is saved in {state}.",
        f"To look around, start it again{make_hint}:",
        f"  {followup} emulator --port {emulator.port} --state {state}",
        "and in another terminal:",
        f"  export FOLLOWUP_HOME={account.home}",
        f"  {followup} status --all",
        f"  {followup} show okapi      (its timeline, and why each mail was read so)",
        f"  {followup} doctor",
        f"  curl -s {url}/_emulator/clock",
        f"`make demo` again starts from a clean slate ({_short(folder)} is emptied first).",
    ]
    # soft_wrap: a command broken over two lines cannot be copied and pasted.
    console.print("\n".join(lines), soft_wrap=True)


def _short(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
