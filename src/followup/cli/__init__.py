"""The ``followup`` command line.

Subcommands live in their own modules and are imported only when invoked, so
``followup --help`` stays fast and one broken adapter cannot take down the rest.
"""

from __future__ import annotations

import importlib
import importlib.util

import click

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


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

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

    @staticmethod
    def _available(name: str) -> bool:
        module_name = COMMANDS[name].split(":")[0]
        return importlib.util.find_spec(module_name) is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="followup")
def main() -> None:
    """Watch Gmail for interviews and draft follow-ups at the right time.

    followup creates drafts and labels; it never sends mail.

    \b
    Example:
      followup connect
      followup watch
    """
