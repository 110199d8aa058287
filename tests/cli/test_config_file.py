"""The config file: defaults without a file, values from it, and errors that name the key."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from followup.config import Config, load_config, settings
from followup.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_gives_every_default(tmp_path: Path) -> None:
    config = load_config(tmp_path / "absent.toml")
    assert config == Config()
    assert all(setting.is_default for setting in settings(config))


def test_values_in_the_file_override_the_defaults(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[account]
email = "ada@example.com"
api_endpoint = "http://127.0.0.1:8765/"
client_file = "~/creds.json"
[labels]
ready = "Jobs/Ready"
[watch]
poll_minutes = 2
[user]
name = "Ada"
timezone = "Europe/Paris"
days_off = [2026-12-24, "2026-12-31", "Fri"]
[policy]
max_check_ins = 3
""",
    )
    config = load_config(path)
    assert config.account.email == "ada@example.com"
    assert config.account.client_file == Path("~/creds.json").expanduser()
    assert config.labels.ready == "Jobs/Ready"
    assert config.labels.waiting == "Follow-up/Waiting"
    assert config.watch.poll_minutes == 2.0
    assert config.user.days_off == (date(2026, 12, 24), date(2026, 12, 31), "friday")
    policy = config.policy()
    assert policy.max_check_ins == 3
    assert policy.timezone == "Europe/Paris"
    assert policy.days_off_weekdays == (4,)
    assert not policy.is_business_day(date(2026, 12, 24))
    assert config.policy_table == {"max_check_ins": 3}
    changed = {s.key for s in settings(config) if not s.is_default}
    assert "labels.ready" in changed
    assert "labels.waiting" not in changed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[labels]\nredy = 'x'\n", "[labels] has no setting 'redy'"),
        ("[lables]\n", "unknown table [lables]"),
        ("[watch]\npoll_minutes = 'often'\n", "[watch] poll_minutes must be a positive number"),
        ("[watch]\npoll_minutes = -1\n", "must be a positive number"),
        ("[watch]\nfirst_sync_days = 1.5\n", "must be a whole number"),
        ("[drafts]\nstar = 'yes'\n", "[drafts] star must be true or false"),
        ("[user]\ntimezone = 'Mars/Olympus'\n", "'Mars/Olympus' is not a known time zone"),
        ("[user]\ndays_off = ['soon']\n", "'soon' is neither a date"),
        ("[policy]\nmax_checkins = 3\n", "[policy] unknown key 'max_checkins'"),
        ("[policy]\nthank_you = 'no'\n", "[policy] thank_you must be true or false"),
        ("labels = 3\n", "[labels] must be a table"),
        ("[watch\n", "not valid TOML"),
    ],
)
def test_a_bad_value_is_refused_with_the_file_and_key(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert expected in str(caught.value)
    assert str(path) in str(caught.value)
