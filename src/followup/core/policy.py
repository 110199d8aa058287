"""The follow-up policy: every timing knob, its default, and the seed it comes from.

The seeds are the career advice in ``shared/seeds/``:
  000 "Ask James Caan" (thank straight away; follow up once their timeline has passed)
  001 "How to Follow Up After the Interview" (7 days, then 7 more, then stop and move on)
  002 "What should I do following my job interview?" (thank soon; ask when to expect a reply)
  003 "Follow-up when Looking for a Job" (respect a named date; know when to give up)
  004 "3 Tips on Following Up" (thank within 24 h; check in after their time-frame; move on)

``Policy.from_mapping`` reads the ``[policy]`` table of the user's TOML config and
refuses unknown keys and wrong types with a message naming the key.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class PolicyError(ValueError):
    """Raised when a [policy] table holds an unknown key or a value of the wrong type."""


@dataclass(frozen=True, slots=True)
class Policy:
    """When to draft, how often, and when to stop. Defaults are the issue's, from the seeds."""

    # The user's zone: "next business day" and the check-in hour are local.
    timezone: str = "UTC"
    # Weekdays (0 = Monday) that are never business days. Issue 5: weekends move check-ins.
    weekend: tuple[int, ...] = (5, 6)
    # Extra days off: dates, and weekdays the user never sends on (e.g. a 4-day week).
    days_off: tuple[date, ...] = ()
    days_off_weekdays: tuple[int, ...] = ()
    # Interview length when only the start is known (no calendar invite). Issue 5.
    default_interview_minutes: int = 60
    # Thank-you note at the interview's end. Seeds 000 ("straight away"), 004 ("within 24
    # hours"), 002, 003. Weekends do not delay it.
    thank_you: bool = True
    # First check-in this many days after the interview. Seed 001 ("seven days after the
    # interview... not one day earlier and not one day later"); seed 003 ("a week").
    first_check_in_days: int = 7
    # Further check-ins this many days after the previous one was sent. Seed 001 ("follow up
    # again in another seven days").
    check_in_interval_days: int = 7
    # At most this many check-ins in all. Seed 001 ("if they haven't decided by then, don't
    # follow up again"); seed 004 ("know when to move on").
    max_check_ins: int = 2
    # Let go this many days after the last check-in when nobody answered. Seed 001 ("assume
    # you didn't get it and look for other opportunities").
    let_go_after_days: int = 7
    # An out-of-office reply without a return date postpones the follow-up this many days.
    out_of_office_postpone_days: int = 7
    # Optional "keep me in mind" note after a rejection; off by default (issue 5). Seed 003
    # ("send a thank you note for every hiring process... regardless of the outcome").
    closing_note: bool = False
    # Date-based follow-ups (7 days on, the day after a named date) fall due at this local hour.
    check_in_hour: int = 9

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def is_business_day(self, day: date) -> bool:
        wd = day.weekday()
        return (
            wd not in self.weekend and wd not in self.days_off_weekdays and day not in self.days_off
        )

    @classmethod
    def from_mapping(cls, table: Mapping[str, Any]) -> Policy:
        """Build a Policy from a TOML ``[policy]`` table; missing keys keep their defaults."""
        known = {f.name for f in dataclasses.fields(cls)}
        # TOML spells these as lists of day names and dates; see docs/tracker.md.
        known |= {"weekend", "days_off"}
        values: dict[str, Any] = {}
        for key, raw in table.items():
            if key not in known or key == "days_off_weekdays":
                raise PolicyError(
                    f"[policy] unknown key {key!r}; known: {', '.join(sorted(known))}"
                )
            if key == "timezone":
                values[key] = _timezone(raw)
            elif key == "weekend":
                values[key] = tuple(_weekday(key, v) for v in _list(key, raw))
            elif key == "days_off":
                dates, weekdays = [], []
                for v in _list(key, raw):
                    if isinstance(v, date) or (isinstance(v, str) and v[:1].isdigit()):
                        dates.append(_date(key, v))
                    else:
                        weekdays.append(_weekday(key, v))
                values["days_off"] = tuple(sorted(dates))
                values["days_off_weekdays"] = tuple(weekdays)
            elif key in ("thank_you", "closing_note"):
                if not isinstance(raw, bool):
                    raise PolicyError(f"[policy] {key} must be true or false, got {raw!r}")
                values[key] = raw
            else:
                values[key] = _count(key, raw)
        policy = cls(**values)
        if not 0 <= policy.check_in_hour <= 23:
            raise PolicyError("[policy] check_in_hour must be between 0 and 23")
        if policy.default_interview_minutes < 1:
            raise PolicyError("[policy] default_interview_minutes must be at least 1")
        if len(set(policy.weekend) | set(policy.days_off_weekdays)) >= 7:
            raise PolicyError("[policy] weekend and days_off leave no business day in the week")
        return policy


def _list(key: str, raw: Any) -> list[Any]:
    if not isinstance(raw, list):
        raise PolicyError(f"[policy] {key} must be a list, got {raw!r}")
    return raw


def _count(key: str, raw: Any) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
        raise PolicyError(f"[policy] {key} must be a whole number >= 0, got {raw!r}")
    return raw


def _timezone(raw: Any) -> str:
    if not isinstance(raw, str):
        raise PolicyError(
            f"[policy] timezone must be a string such as 'Europe/London', got {raw!r}"
        )
    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError):
        raise PolicyError(f"[policy] timezone {raw!r} is not a known IANA zone") from None
    return raw


def _weekday(key: str, raw: Any) -> int:
    if isinstance(raw, str):
        name = raw.strip().lower()
        for i, day in enumerate(WEEKDAYS):
            if len(name) >= 3 and day.startswith(name):
                return i
    raise PolicyError(f"[policy] {key}: {raw!r} is not a weekday name")


def _date(key: str, raw: Any) -> date:
    if isinstance(raw, datetime):  # TOML 2026-12-24T00:00:00 is a datetime, meant as a day
        return raw.date()
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        raise PolicyError(f"[policy] {key}: {raw!r} is not a date (YYYY-MM-DD)") from None
