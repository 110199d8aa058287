"""The user's TOML configuration file: what it may hold, its defaults, and clear errors.

Every setting has a default, so followup works with no file at all; the file only holds what
the user changed. Unknown keys are refused rather than ignored, because a misspelt key that is
silently dropped is a rule the user believes in and followup does not follow. The ``[policy]``
table belongs to the core (``Policy.from_mapping``); this module only carries it there.
"""

from __future__ import annotations

import dataclasses
import tomllib
import types
import typing
import zoneinfo
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from followup.core.policy import WEEKDAYS, Policy
from followup.errors import ConfigError


@dataclass(frozen=True, slots=True)
class AccountConfig:
    """Which Gmail account, which OAuth client, and (for the emulator) which endpoints."""

    email: str = ""
    client_file: Path | None = None
    # Point these at the emulator (e.g. "http://127.0.0.1:8765/") to run without Google.
    api_endpoint: str = ""
    auth_uri: str = ""
    token_uri: str = ""


@dataclass(frozen=True, slots=True)
class LabelsConfig:
    """The Gmail labels followup creates and moves threads between (issue 7)."""

    ready: str = "Follow-up/Ready"
    waiting: str = "Follow-up/Waiting"
    closed: str = "Follow-up/Closed"


@dataclass(frozen=True, slots=True)
class WatchConfig:
    """How often `followup watch` polls, and how far back the first sync looks."""

    poll_minutes: float = 5.0
    jitter_seconds: int = 30
    first_sync_days: int = 60


@dataclass(frozen=True, slots=True)
class DraftsConfig:
    """How a ready draft is brought to the user's attention in Gmail."""

    bring_to_inbox: bool = True
    star: bool = False
    mark_important: bool = False


@dataclass(frozen=True, slots=True)
class UserConfig:
    """Who signs the drafts, their time zone, and which days are not business days for them.

    timezone and days_off feed the policy (business days, the check-in hour); they sit here
    because they describe the user, not a rule.
    """

    name: str = ""
    timezone: str = "UTC"
    # Dates (2026-12-24) and weekday names ("friday") on which no check-in falls due.
    days_off: tuple[date | str, ...] = ()


@dataclass(frozen=True, slots=True)
class Config:
    """The effective configuration: the file's values over the defaults."""

    path: Path | None = None
    account: AccountConfig = field(default_factory=AccountConfig)
    labels: LabelsConfig = field(default_factory=LabelsConfig)
    watch: WatchConfig = field(default_factory=WatchConfig)
    drafts: DraftsConfig = field(default_factory=DraftsConfig)
    user: UserConfig = field(default_factory=UserConfig)
    # Raw [policy] table, validated by the core's Policy.from_mapping.
    policy_table: Mapping[str, Any] = field(default_factory=dict)

    def policy(self) -> Policy:
        """The follow-up policy: the core's defaults, then [user] timezone and days off, then
        the ``[policy]`` table."""
        table: dict[str, Any] = {"timezone": self.user.timezone}
        if self.user.days_off:
            table["days_off"] = list(self.user.days_off)
        table.update(self.policy_table)
        try:
            return Policy.from_mapping(table)
        except ConfigError:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"{_where(self.path)}{exc}") from exc


_SECTIONS: dict[str, type[Any]] = {
    "account": AccountConfig,
    "labels": LabelsConfig,
    "watch": WatchConfig,
    "drafts": DraftsConfig,
    "user": UserConfig,
}


def load_config(path: Path) -> Config:
    """Read the config file; a missing file means every default.

    Raises ConfigError naming the file, table and key for a syntax error, an unknown key or
    a value of the wrong type, so the user can fix it without reading code.
    """
    if not path.exists():
        return Config(path=None)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc
    return parse_config(data, path=path)


def parse_config(data: Mapping[str, Any], *, path: Path | None = None) -> Config:
    """Build a Config from an already-parsed TOML document (see load_config)."""
    unknown = sorted(set(data) - set(_SECTIONS) - {"policy"})
    if unknown:
        known = ", ".join(f"[{name}]" for name in [*_SECTIONS, "policy"])
        raise ConfigError(f"{_where(path)}unknown table [{unknown[0]}]; known tables: {known}")
    sections: dict[str, Any] = {}
    for name, cls in _SECTIONS.items():
        table = data.get(name, {})
        if not isinstance(table, Mapping):
            raise ConfigError(f"{_where(path)}[{name}] must be a table, not a single value")
        sections[name] = _build_section(cls, name, table, path)
    policy_table = data.get("policy", {})
    if not isinstance(policy_table, Mapping):
        raise ConfigError(f"{_where(path)}[policy] must be a table, not a single value")
    _check_timezone(sections["user"].timezone, path)
    config = Config(path=path, policy_table=dict(policy_table), **sections)
    config.policy()  # refuse a bad [policy] table now, not at the first poll
    return config


@dataclass(frozen=True, slots=True)
class Setting:
    """One effective value, for `followup config`: where it came from and its default."""

    key: str
    value: Any
    default: Any

    @property
    def is_default(self) -> bool:
        return bool(self.value == self.default)


def settings(config: Config) -> Iterator[Setting]:
    """Every effective setting outside [policy], as ``section.key`` with its default."""
    for name, cls in _SECTIONS.items():
        current = getattr(config, name)
        default = cls()
        for f in dataclasses.fields(cls):
            yield Setting(f"{name}.{f.name}", getattr(current, f.name), getattr(default, f.name))


def policy_settings(config: Config) -> Iterator[Setting]:
    """The effective [policy] values next to the core's defaults (time zone and days off are
    shown under [user], where the user sets them)."""
    effective = config.policy()
    default = Policy()
    for f in dataclasses.fields(effective):
        if f.name in _SHOWN_UNDER_USER:
            continue
        value, default_value = getattr(effective, f.name), getattr(default, f.name)
        if f.name == "weekend":
            value = tuple(WEEKDAYS[day] for day in value)
            default_value = tuple(WEEKDAYS[day] for day in default_value)
        yield Setting(f"policy.{f.name}", value, default_value)


_SHOWN_UNDER_USER = frozenset({"timezone", "days_off", "days_off_weekdays"})


def _where(path: Path | None) -> str:
    return f"{path}: " if path is not None else ""


def _build_section(cls: type[Any], name: str, table: Mapping[str, Any], path: Path | None) -> Any:
    hints = typing.get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    values: dict[str, Any] = {}
    for key, raw in table.items():
        if key not in hints:
            raise ConfigError(
                f"{_where(path)}[{name}] has no setting {key!r}; known: {', '.join(names)}"
            )
        values[key] = _convert(raw, hints[key], f"{_where(path)}[{name}] {key}")
    return cls(**values)


def _convert(raw: Any, hint: Any, where: str) -> Any:
    """Check one TOML value against the field's type; TOML already gives us native types."""
    origin = typing.get_origin(hint)
    if origin is types.UnionType:  # only ``Path | None`` is used; TOML has no null
        (hint,) = (arg for arg in typing.get_args(hint) if arg is not type(None))
        origin = typing.get_origin(hint)
    if hint is Path:
        if not isinstance(raw, str) or not raw:
            raise ConfigError(f"{where} must be a file path in quotes")
        return Path(raw).expanduser()
    if hint is bool:
        if not isinstance(raw, bool):
            raise ConfigError(f"{where} must be true or false, not {raw!r}")
        return raw
    if hint is int or hint is float:
        if isinstance(raw, bool) or not isinstance(raw, int | float) or raw <= 0:
            raise ConfigError(f"{where} must be a positive number, not {raw!r}")
        if hint is int and not isinstance(raw, int):
            raise ConfigError(f"{where} must be a whole number, not {raw!r}")
        return hint(raw)
    if hint is str:
        if not isinstance(raw, str):
            raise ConfigError(f"{where} must be text in quotes, not {raw!r}")
        return raw
    if origin is tuple:  # days off: TOML dates (2026-12-24), "YYYY-MM-DD" or weekday names
        if not isinstance(raw, list):
            raise ConfigError(f'{where} must be a list, e.g. [2026-12-24, "friday"]')
        return tuple(_to_day_off(item, where) for item in raw)
    raise TypeError(f"no converter for {hint!r}")  # a new field type needs a converter


def _to_day_off(item: Any, where: str) -> date | str:
    if isinstance(item, date) and not hasattr(item, "hour"):
        return item
    if isinstance(item, str):
        name = item.strip().lower()
        if len(name) >= 3 and any(day.startswith(name) for day in WEEKDAYS):
            return next(day for day in WEEKDAYS if day.startswith(name))
        try:
            return date.fromisoformat(item)
        except ValueError:
            pass
    raise ConfigError(f"{where}: {item!r} is neither a date like 2026-12-24 nor a weekday name")


def _check_timezone(name: str, path: Path | None) -> None:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(
            f"{_where(path)}[user] timezone {name!r} is not a known time zone; "
            "use a name like 'Europe/Paris' or 'America/New_York'"
        ) from exc


STARTER_CONFIG = """\
# followup configuration. Every setting below is commented out and shows its default:
# remove the leading '# ' to change one. `followup config` shows the effective values.

[account]
# The Gmail address you connect with (followup warns when the token is for another one).
# email = ""
# The OAuth client file from Google Cloud (default: credentials.json next to this file).
# client_file = "~/Downloads/client_secret.json"
# Only to use the local Gmail emulator instead of Google:
# api_endpoint = "http://127.0.0.1:8765/"
# auth_uri = "http://127.0.0.1:8765/o/oauth2/auth"
# token_uri = "http://127.0.0.1:8765/token"

[user]
# Your name, used to sign the drafts.
# name = ""
# Your time zone: "next business day" and the check-in hour are yours, not UTC.
# timezone = "UTC"
# Days you do not want a check-in to fall due: dates and weekday names.
# days_off = [2026-12-24, "friday"]

[labels]
# The Gmail labels followup creates and moves threads between.
# ready = "Follow-up/Ready"
# waiting = "Follow-up/Waiting"
# closed = "Follow-up/Closed"

[watch]
# How often `followup watch` looks for new mail (an idle check costs one Gmail call).
# poll_minutes = 5.0
# A random delay up to this many seconds spreads the polls.
# jitter_seconds = 30
# How far back the first sync reads mail.
# first_sync_days = 60

[drafts]
# Move a thread back to the Inbox when its draft is ready, so you find it at the top.
# bring_to_inbox = true
# Also star the thread, or mark it important.
# star = false
# mark_important = false

[policy]
# When drafts fall due. The defaults come from the career advice followup is built on.
# A thank-you draft at the end of each interview.
# thank_you = true
# The first check-in, this many days after the interview (or the next business day after
# the date the employer named).
# first_check_in_days = 7
# Further check-ins, this many days after the previous one was sent.
# check_in_interval_days = 7
# At most this many check-ins in all.
# max_check_ins = 2
# Let the application go this many days after the last check-in with no answer.
# let_go_after_days = 7
# An out-of-office reply without a return date postpones the follow-up this many days.
# out_of_office_postpone_days = 7
# A "keep me in mind" draft after a rejection.
# closing_note = false
# Interview length when only the start time is known.
# default_interview_minutes = 60
# Local hour at which date-based check-ins fall due.
# check_in_hour = 9
# Days that are never business days.
# weekend = ["saturday", "sunday"]
"""


def write_starter(path: Path, *, force: bool = False) -> None:
    """Write the commented starter file; refuses to overwrite the user's file unless forced."""
    if path.exists() and not force:
        raise ConfigError(f"{path} already exists", hint="Edit it, or pass --force to replace it.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(STARTER_CONFIG, encoding="utf-8")
