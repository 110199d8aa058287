"""Business days and due times, in the user's local zone.

Check-ins are about days ("follow up on the 13th", seed 001), so every date-based
due time is the policy's ``check_in_hour`` on a local business day. Only the
thank-you is tied to a clock time: the interview's end.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from followup.core.policy import Policy

_MAX_SCAN = 400  # a year of days off is a broken config; Policy.from_mapping forbids 7/7


def local_date(at: datetime, policy: Policy) -> date:
    return at.astimezone(policy.zone).date()


def business_day_on_or_after(day: date, policy: Policy) -> date:
    for _ in range(_MAX_SCAN):
        if policy.is_business_day(day):
            return day
        day += timedelta(days=1)
    raise ValueError("no business day within a year; check weekend and days_off")


def business_day_after(day: date, policy: Policy) -> date:
    return business_day_on_or_after(day + timedelta(days=1), policy)


def due_on(day: date, policy: Policy) -> datetime:
    """The moment a follow-up for ``day`` falls due: check_in_hour local, moved off days off."""
    day = business_day_on_or_after(day, policy)
    local = datetime.combine(day, time(policy.check_in_hour), tzinfo=policy.zone)
    return local.astimezone(UTC)


def days_after(at: datetime, days: int, policy: Policy) -> datetime:
    """Due ``days`` calendar days after ``at`` (a local date), on a business day."""
    return due_on(local_date(at, policy) + timedelta(days=days), policy)


def day_after_named_date(named: date, policy: Policy) -> datetime:
    """The employer said "by <named>": due the next business day after it (seeds 000, 003)."""
    return due_on(business_day_after(named, policy), policy)


def first_check_in(interview_start: datetime, respond_by: date | None, policy: Policy) -> datetime:
    """Seven days after the interview, or the next business day after a named date."""
    if respond_by is not None:
        return day_after_named_date(respond_by, policy)
    return days_after(interview_start, policy.first_check_in_days, policy)


def let_go_at(last_check_in: datetime, policy: Policy) -> datetime:
    """Not a mail, so not moved off weekends: the day a week after the last check-in."""
    day = local_date(last_check_in, policy) + timedelta(days=policy.let_go_after_days)
    return datetime.combine(day, time(policy.check_in_hour), tzinfo=policy.zone).astimezone(UTC)


def postponed_by_out_of_office(
    current: datetime, auto_reply_at: datetime, back_on: date | None, policy: Policy
) -> datetime:
    """Next business day after the return date, else 7 days on; never earlier than before."""
    if back_on is not None:
        proposed = day_after_named_date(back_on, policy)
    else:
        proposed = days_after(auto_reply_at, policy.out_of_office_postpone_days, policy)
    return max(current, proposed)
