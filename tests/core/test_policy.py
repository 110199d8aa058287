"""The [policy] table: defaults from the seeds, validation, days off, the user's zone."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from followup.core import schedule
from followup.core.policy import Policy, PolicyError


def test_defaults_are_the_issues_numbers() -> None:
    p = Policy()
    assert (p.first_check_in_days, p.check_in_interval_days, p.max_check_ins) == (7, 7, 2)
    assert (p.let_go_after_days, p.out_of_office_postpone_days) == (7, 7)
    assert p.thank_you is True
    assert p.closing_note is False
    assert p.default_interview_minutes == 60
    assert p.weekend == (5, 6)


def test_an_empty_table_gives_the_defaults() -> None:
    assert Policy.from_mapping({}) == Policy()


def test_keys_override_their_defaults() -> None:
    p = Policy.from_mapping(
        {
            "max_check_ins": 3,
            "closing_note": True,
            "timezone": "Europe/Berlin",
            "weekend": ["fri", "sat"],
        }
    )
    assert p.max_check_ins == 3
    assert p.closing_note is True
    assert p.timezone == "Europe/Berlin"
    assert p.weekend == (4, 5)


def test_unknown_key_is_refused_naming_it() -> None:
    with pytest.raises(PolicyError, match="unknown key 'max_checkins'"):
        Policy.from_mapping({"max_checkins": 3})


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"max_check_ins": "2"}, "max_check_ins must be a whole number"),
        ({"max_check_ins": True}, "max_check_ins must be a whole number"),
        ({"first_check_in_days": -1}, "first_check_in_days must be a whole number"),
        ({"thank_you": "yes"}, "thank_you must be true or false"),
        ({"timezone": "Mars/Olympus"}, "not a known IANA zone"),
        ({"days_off": "friday"}, "days_off must be a list"),
        ({"days_off": ["someday"]}, "not a weekday name"),
        ({"days_off": ["2026-13-40"]}, "not a date"),
        ({"check_in_hour": 25}, "between 0 and 23"),
        ({"weekend": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]}, "no business day"),
    ],
)
def test_wrong_values_are_refused_with_a_clear_message(
    table: dict[str, object], message: str
) -> None:
    with pytest.raises(PolicyError, match=message):
        Policy.from_mapping(table)


def test_days_off_accept_dates_iso_strings_and_weekday_names() -> None:
    p = Policy.from_mapping({"days_off": [date(2026, 12, 25), "2026-12-24", "Friday"]})
    assert p.days_off == (date(2026, 12, 24), date(2026, 12, 25))
    assert p.days_off_weekdays == (4,)
    assert not p.is_business_day(date(2026, 12, 24))
    assert not p.is_business_day(date(2026, 1, 9))  # a Friday
    assert p.is_business_day(date(2026, 1, 8))


def test_next_business_day_is_counted_in_the_users_zone() -> None:
    p = Policy(timezone="Pacific/Auckland")
    # Friday 23:30 UTC is already Saturday in Auckland: 7 days on is a Saturday there too.
    friday_late = datetime(2026, 1, 9, 23, 30, tzinfo=UTC)
    due = schedule.days_after(friday_late, 7, p)
    local = due.astimezone(p.zone)
    assert local.date() == date(2026, 1, 19)  # Monday in Auckland
    assert local.hour == p.check_in_hour


def test_due_after_a_named_date_skips_the_weekend() -> None:
    p = Policy()
    assert schedule.day_after_named_date(date(2026, 1, 9), p) == datetime(
        2026, 1, 12, 9, tzinfo=UTC
    )
