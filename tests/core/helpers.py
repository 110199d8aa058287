"""Builders for core tests: mail events with sensible defaults, and a tiny tracker driver."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from followup.core.compose import UserProfile
from followup.core.effects import CreateDraft, DiscardDraft, Effect, Flag
from followup.core.engine import Outcome, handle
from followup.core.events import ClockTick, Event, Kind, MailSeen
from followup.core.matching import ApplicationBook
from followup.core.model import Application
from followup.core.policy import Policy

# Monday 5 January 2026; the interview is on Tuesday the 6th at 15:00 UTC.
MONDAY = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
INTERVIEW = datetime(2026, 1, 6, 15, 0, tzinfo=UTC)
USER = "sam@gmail.com"
PROFILE = UserProfile(address=USER, name="Sam Doe")


def at(day: int, hour: int = 9, minute: int = 0, month: int = 1) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def mail(
    mid: str,
    when: datetime,
    kind: Kind = Kind.EMPLOYER_REPLY,
    *,
    thread: str = "t1",
    sender: str = "ann@acme.example",
    sender_name: str | None = "Ann Smith",
    from_user: bool = False,
    to: tuple[str, ...] | None = None,
    subject: str = "Interview for Engineer",
    company: str | None = "Acme",
    role: str | None = "Engineer",
    interview_at: datetime | None = None,
    interview_end: datetime | None = None,
    respond_by: date | None = None,
    back_on: date | None = None,
    no_reply: bool = False,
    bounced: tuple[str, ...] = (),
    calendar: str | None = None,
    reply_to: str | None = None,
    references: tuple[str, ...] = (),
) -> MailSeen:
    if from_user:
        sender, sender_name = USER, "Sam Doe"
    return MailSeen(
        message_id=mid,
        thread_id=thread,
        at=when,
        kind=kind,
        confidence=0.9,
        from_user=from_user,
        sender=sender,
        sender_name=sender_name,
        to=to if to is not None else (("ann@acme.example",) if from_user else (USER,)),
        cc=(),
        reply_to=reply_to,
        subject=subject,
        rfc822_message_id=f"<{mid}@mail.example>",
        references=references,
        company=company,
        role=role,
        interview_at=interview_at,
        interview_end=interview_end,
        respond_by=respond_by,
        back_on=back_on,
        is_no_reply_sender=no_reply,
        bounced_recipients=bounced,
        calendar_method=calendar,
    )


def invite(mid: str = "m1", when: datetime = MONDAY, **kw: Any) -> MailSeen:
    kw.setdefault("interview_at", INTERVIEW)
    return mail(mid, when, Kind.INTERVIEW_INVITE, **kw)


@dataclass
class Tracker:
    """Feeds events through ``handle`` and keeps what came out, as the service would."""

    policy: Policy = field(default_factory=Policy)
    profile: UserProfile = PROFILE
    apps: ApplicationBook = field(default_factory=ApplicationBook)
    effects: list[Effect] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def feed(self, event: Event, now: datetime | None = None) -> Outcome:
        when = now or event.at
        out = handle(self.apps, event, self.policy, self.profile, when)
        self.apps.update(out.applications)
        self.effects.extend(out.effects)
        self.notes.extend(out.notes)
        return out

    def tick(self, when: datetime) -> Outcome:
        return self.feed(ClockTick(when))

    def run_days(self, start: datetime, days: int) -> None:
        for d in range(days + 1):
            self.tick(start + timedelta(days=d))

    @property
    def app(self) -> Application:
        assert len(self.apps) == 1, sorted(self.apps)
        return next(iter(self.apps.values()))

    def drafts(self) -> list[CreateDraft]:
        return [e for e in self.effects if isinstance(e, CreateDraft)]

    def discards(self) -> list[DiscardDraft]:
        return [e for e in self.effects if isinstance(e, DiscardDraft)]

    def flags(self) -> list[Flag]:
        return [e for e in self.effects if isinstance(e, Flag)]


def drafts_in(out: Outcome) -> list[CreateDraft]:
    return [e for e in out.effects if isinstance(e, CreateDraft)]
