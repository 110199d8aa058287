"""Every command explains itself with an example; exit codes follow CLI conventions."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from followup.cli import COMMANDS, SUMMARIES, main
from followup.paths import Paths

MINE = [
    "connect",
    "doctor",
    "config",
    "status",
    "show",
    "add",
    "pause",
    "resume",
    "close",
    "correct",
]


def all_commands(names: list[str]) -> list[list[str]]:
    """These commands and their subcommands, as argument paths."""
    found: list[list[str]] = []
    ctx = click.Context(main)
    for name in names:
        command = main.get_command(ctx, name)
        if command is None:
            continue
        found.append([name])
        if isinstance(command, click.Group):
            found.extend([name, sub] for sub in command.list_commands(ctx))
    return found


def test_my_commands_are_all_registered() -> None:
    assert set(MINE) <= set(COMMANDS)
    assert {tuple(path) for path in all_commands(MINE)} >= {(name,) for name in MINE}


@pytest.mark.parametrize("path", all_commands(list(COMMANDS)), ids=" ".join)
def test_help_of_every_command_has_an_example(
    home: Paths, runner: CliRunner, path: list[str]
) -> None:
    result = runner.invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output
    assert "followup " in result.output.split("Example", 1)[1]


def test_main_help_has_an_example(home: Paths, runner: CliRunner) -> None:
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["no-such-command"],
        ["show"],
        ["correct", "0123456789abcdef"],
        ["correct", "0123456789abcdef", "--kind", "nonsense"],
        ["add", "--interview", "next tuesday", "--company", "Acme"],
        ["connect", "--port", "70000"],
        ["pause"],
    ],
    ids=" ".join,
)
def test_usage_errors_exit_2(home: Paths, runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(main, args)
    assert result.exit_code == 2, result.output


def test_a_failure_exits_1_with_the_fix_and_no_traceback(home: Paths, runner: CliRunner) -> None:
    result = runner.invoke(main, ["connect", "--check"])
    assert result.exit_code == 1
    assert "not connected to Gmail yet" in result.output
    assert "followup connect" in result.output
    assert "Traceback" not in result.output


def test_the_command_list_is_summarised_without_importing_every_command() -> None:
    # `followup --help` lists SUMMARIES; every command must have one, and every command
    # module must still load and carry its own help.
    assert set(SUMMARIES) == set(COMMANDS)
    ctx = click.Context(main)
    for name in COMMANDS:
        command = main.get_command(ctx, name)
        assert command is not None, name
        assert command.help, name
