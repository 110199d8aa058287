"""`followup config`: where the config file lives and the effective values; `config init`."""

from __future__ import annotations

from datetime import date
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from followup.config import load_config, policy_settings, settings, write_starter
from followup.paths import default_paths


@click.group(invoke_without_command=True)
@click.pass_context
def config(ctx: click.Context) -> None:
    """Show where the config file lives and every effective setting with its default.

    Settings you changed are marked with *. Edit the file to change them.

    \b
    Examples:
      followup config
      followup config init
      followup --home ~/other-account config
    """
    if ctx.invoked_subcommand is not None:
        return
    paths = default_paths()
    cfg = load_config(paths.config_file)
    console = wide_console()
    state = "" if cfg.path is not None else "  (not created yet: `followup config init`)"
    console.print(f"config file: {paths.config_file}{state}", highlight=False)
    console.print(f"data folder: {paths.data_dir}", highlight=False)
    console.print(f"log file:    {paths.log_file}", highlight=False)
    table = Table("setting", "value", "default", box=None, pad_edge=False)
    for setting in [*settings(cfg), *policy_settings(cfg)]:
        marker = "" if setting.is_default else " *"
        cells = (setting.key + marker, _show(setting.value), _show(setting.default))
        table.add_row(*(Text(cell) for cell in cells))  # Text: "[a, b]" is not markup
    console.print(table)


@config.command()
@click.option("--force", is_flag=True, help="Replace an existing config file.")
def init(force: bool) -> None:
    """Write a commented starter config file (every setting at its default).

    \b
    Example:
      followup config init && $EDITOR "$(followup config path)"
    """
    path = default_paths().config_file
    write_starter(path, force=force)
    click.echo(f"Wrote {path}; every setting in it is commented out at its default.")


@config.command()
def path() -> None:
    """Print the config file's path (for scripts and editors).

    \b
    Example:
      $EDITOR "$(followup config path)"
    """
    click.echo(default_paths().config_file)


def wide_console() -> Console:
    """A console that never wraps table rows when piped: scripts read one row per line."""
    console = Console()
    return console if console.is_terminal else Console(width=200)


def _show(value: Any) -> str:
    if value is None or value == "":
        return '""' if value == "" else "-"
    if isinstance(value, tuple):
        return "[" + ", ".join(_show(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
