"""`followup config`: location, effective values with defaults, the starter file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from followup.cli import main
from followup.config import STARTER_CONFIG, Config, parse_config, settings
from followup.paths import Paths


def test_config_shows_where_it_lives_and_marks_changed_values(
    home: Paths, runner: CliRunner
) -> None:
    home.config_dir.mkdir(parents=True)
    home.config_file.write_text('[labels]\nready = "Jobs/Ready"\n[policy]\nmax_check_ins = 3\n')
    result = runner.invoke(main, ["config"])
    assert result.exit_code == 0, result.output
    assert str(home.config_file) in result.output
    lines = {line.split()[0]: line.split() for line in result.output.splitlines() if line}
    assert lines["labels.ready"][1:] == ["*", "Jobs/Ready", "Follow-up/Ready"]
    assert lines["labels.waiting"][1:] == ["Follow-up/Waiting", "Follow-up/Waiting"]
    assert lines["policy.max_check_ins"][1:] == ["*", "3", "2"]
    assert lines["policy.weekend"][1:] == ["[saturday,", "sunday]", "[saturday,", "sunday]"]


def test_config_without_a_file_says_how_to_create_one(home: Paths, runner: CliRunner) -> None:
    result = runner.invoke(main, ["config"])
    assert result.exit_code == 0
    assert "followup config init" in result.output


def test_a_broken_config_file_fails_with_the_key_and_status_1(
    home: Paths, runner: CliRunner
) -> None:
    home.config_dir.mkdir(parents=True)
    home.config_file.write_text("[watch]\npoll_minutes = 'often'\n")
    result = runner.invoke(main, ["config"])
    assert result.exit_code == 1
    assert "[watch] poll_minutes must be a positive number" in result.output


def test_config_init_writes_a_starter_that_means_the_defaults(
    home: Paths, runner: CliRunner
) -> None:
    result = runner.invoke(main, ["config", "init"])
    assert result.exit_code == 0, result.output
    assert home.config_file.read_text() == STARTER_CONFIG
    again = runner.invoke(main, ["config", "init"])
    assert again.exit_code == 1
    assert "already exists" in again.output
    assert runner.invoke(main, ["config", "init", "--force"]).exit_code == 0


def test_starter_file_documents_every_setting() -> None:
    uncommented = "\n".join(
        line.removeprefix("# ")
        for line in STARTER_CONFIG.splitlines()
        if " = " in line or line.startswith("[")
    )

    config = parse_config(tomllib.loads(uncommented))
    documented = {s.key for s in settings(config)}
    assert documented == {s.key for s in settings(Config())}
    policy_keys = set(tomllib.loads(uncommented)["policy"])
    assert {"thank_you", "first_check_in_days", "max_check_ins", "weekend"} <= policy_keys


def test_home_option_moves_every_folder_below_it(
    home: Paths, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOLLOWUP_HOME", str(home.config_dir.parent))  # restored after the test
    other = tmp_path / "second-account"
    result = runner.invoke(main, ["--home", str(other), "config", "path"])
    assert result.exit_code == 0
    assert result.output.strip() == str(other / "config" / "config.toml")
