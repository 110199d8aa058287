"""The ``followup`` command line.

Subcommands live in their own modules and are imported only when invoked, so
``followup --help`` stays fast and one broken adapter cannot take down the rest.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
from pathlib import Path
from typing import Any

import click

from followup.errors import FollowupError

# name -> "module:attribute". Each module owns one command (or group).
COMMANDS: dict[str, str] = {
    "emulator": "followup.cli.emulator_cmd:emulator",
    "classify": "followup.cli.classify_cmd:classify",
    "simulate": "followup.cli.simulate_cmd:simulate",
    "watch": "followup.cli.watch_cmd:watch",
    "sync": "followup.cli.watch_cmd:sync",
    "connect": "followup.cli.connect_cmd:connect",
    "status": "followup.cli.apps_cmd:status",
    "show": "followup.cli.apps_cmd:show",
    "add": "followup.cli.apps_cmd:add",
    "pause": "followup.cli.apps_cmd:pause",
    "resume": "followup.cli.apps_cmd:resume",
    "close": "followup.cli.apps_cmd:close",
    "correct": "followup.cli.apps_cmd:correct",
    "doctor": "followup.cli.doctor_cmd:doctor",
    "config": "followup.cli.config_cmd:config",
}


# name -> the one-line summary `followup --help` lists, so that listing imports no command
# module (importing them all cost most of a second). A test keeps these in step with the
# commands' own help.
SUMMARIES: dict[str, str] = {
    "emulator": "Run a local Gmail API emulator (no Google account needed).",
    "classify": "Read .eml files the way the watcher would (kind, fields, reasons).",
    "simulate": "Play job searches against the real engine and a Gmail emulator.",
    "watch": "Watch Gmail and create follow-up drafts when they are due.",
    "sync": "Poll Gmail once now and create any follow-up drafts that are due.",
    "connect": "Connect followup to your Gmail account (once).",
    "status": "List your applications: state, next step and its date, Gmail link.",
    "show": "Show one application's timeline, and why each mail was read so.",
    "add": "Track an application by hand, or from a Gmail thread.",
    "pause": "Pause an application: no drafts until you resume it.",
    "resume": "Resume a paused application.",
    "close": "Close an application for good.",
    "correct": "Correct a misread mail; remembered for mail like it.",
    "doctor": "Check config, sign-in, Gmail, labels, cursor and watcher, with fixes.",
    "config": "Show where the config lives and every effective setting.",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, SUMMARIES.get(name, "")) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self._available(name))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return None
            raise
        command = getattr(module, attr, None)
        return command if isinstance(command, click.Command) else None

    def invoke(self, ctx: click.Context) -> Any:
        """The one place where followup's errors become a message and exit status 1."""
        try:
            return super().invoke(ctx)
        except FollowupError as exc:
            logging.getLogger("followup.cli").error("command_failed error=%s", type(exc).__name__)
            raise click.ClickException(exc.explain()) from exc

    @staticmethod
    def _available(name: str) -> bool:
        module_name = COMMANDS[name].split(":")[0]
        return importlib.util.find_spec(module_name) is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="followup")
@click.option("-v", "--verbose", count=True, help="Show the log on stderr too (-vv: debug detail).")
@click.option(
    "--home",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="FOLLOWUP_HOME",
    help="Keep config, data and logs below this folder (one folder per account). "
    "[env: FOLLOWUP_HOME]",
)
def main(verbose: int, home: Path | None) -> None:
    """Watch Gmail for interviews and draft follow-ups at the right time.

    followup creates drafts and labels; it never sends mail.

    \b
    Example:
      followup connect
      followup watch
      followup --home ~/followup-test -v status
    """
    from followup.logging_setup import setup_logging
    from followup.paths import default_paths

    if home is not None:
        # Every later default_paths() call, in any module, then sees the same folder.
        os.environ["FOLLOWUP_HOME"] = str(home.expanduser())
    setup_logging(default_paths(), verbose=verbose)
