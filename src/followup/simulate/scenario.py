"""The scenario model: what happens in a simulated job search, and what must come of it.

A scenario is data only (frozen dataclasses); ``loader.py`` builds it from TOML and checks
it, ``runner.py`` plays it. Every time is resolved at load time to an aware datetime in the
user's timezone, so the runner never parses anything and a scenario that loads can be played.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo


class EventType(StrEnum):
    """What a timed event is. Incoming mail, the user's own mail, or a user action."""

    # mail the employer, its ATS or a recruiter sends to the user
    INVITE = "invite"
    SCHEDULING = "scheduling"
    REPLY = "reply"
    OUT_OF_OFFICE = "out_of_office"
    REJECTION = "rejection"
    OFFER = "offer"
    BOUNCE = "bounce"
    ACK = "ack"
    # mail the user writes themselves
    USER_MAIL = "user_mail"
    # what the user does with a draft followup made
    SEND_DRAFT = "send_draft"
    EDIT_DRAFT = "edit_draft"
    DELETE_DRAFT = "delete_draft"
    # what the user asks of followup on the command line
    PAUSE = "pause"
    RESUME = "resume"
    CLOSE = "close"


INCOMING = frozenset(
    {
        EventType.INVITE,
        EventType.SCHEDULING,
        EventType.REPLY,
        EventType.OUT_OF_OFFICE,
        EventType.REJECTION,
        EventType.OFFER,
        EventType.BOUNCE,
        EventType.ACK,
    }
)
DRAFT_ACTIONS = frozenset({EventType.SEND_DRAFT, EventType.EDIT_DRAFT, EventType.DELETE_DRAFT})
CLI_ACTIONS = frozenset({EventType.PAUSE, EventType.RESUME, EventType.CLOSE})


DRAFT_KINDS = ("thank_you", "check_in_1", "check_in_2", "closing_note")
"""The drafts followup makes: the core's draft step, with the check-in's number. With a
higher ``max_check_ins`` in the policy, ``check_in_3`` and on exist too."""
CHECK_IN_KIND = re.compile(r"check_in_[1-9][0-9]*")


def is_draft_kind(kind: str) -> bool:
    return kind in DRAFT_KINDS or CHECK_IN_KIND.fullmatch(kind) is not None


class AppState(StrEnum):
    """An application's state; the same names as the core's ``State``."""

    APPLIED = "applied"
    INVITED = "invited"
    INTERVIEW_SCHEDULED = "interview_scheduled"
    INTERVIEWED = "interviewed"
    WAITING = "waiting"
    FOLLOW_UP_DUE = "follow_up_due"
    PAUSED = "paused"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Contact:
    """Someone at (or for) an employer. ``ats`` marks a no-reply applicant-tracking sender."""

    key: str
    email: str
    company: str
    name: str = ""
    ats: bool = False
    recruiter: bool = False

    @property
    def address(self) -> str:
        return f"{self.name} <{self.email}>" if self.name else self.email

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2]


@dataclass(frozen=True, slots=True)
class User:
    email: str
    name: str
    timezone: str
    days_off: tuple[date, ...] = ()

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name else ""


@dataclass(frozen=True, slots=True)
class Clock:
    """Simulated time: from ``start`` for ``days`` days, polling every ``poll_every``."""

    start: datetime
    days: int
    poll_every: timedelta

    @property
    def end(self) -> datetime:
        return self.start + timedelta(days=self.days)

    def day_of(self, moment: datetime) -> int:
        """Day offset of ``moment`` from the start date, on the calendar of the start's zone."""
        local = moment.astimezone(self.start.tzinfo)
        return (local.date() - self.start.date()).days

    def date_of_day(self, day: int) -> date:
        return self.start.date() + timedelta(days=day)


@dataclass(frozen=True, slots=True)
class Event:
    """One timed thing that happens. Which optional fields apply depends on ``type``.

    ``id`` names the event so that later events and expectations can refer to its thread;
    ``thread`` is the id of an earlier event whose thread this one continues.
    """

    index: int
    type: EventType
    at: datetime
    id: str | None = None
    sender: str | None = None  # contact key (incoming mail)
    to: str | None = None  # contact key (user mail)
    thread: str | None = None
    role: str | None = None
    subject: str | None = None
    body: str | None = None
    interview_at: datetime | None = None
    interview_minutes: int = 60
    calendar: bool = True
    respond_by: date | None = None
    respond_by_text: str | None = None
    back_on: date | None = None
    bounced: str | None = None  # contact key whose address bounced

    @property
    def label(self) -> str:
        name = f" {self.id}" if self.id else ""
        return f"events[{self.index}] ({self.type.value}{name})"


@dataclass(frozen=True, slots=True)
class DraftExpectation:
    """A draft that must appear (or, with ``absent``, must not) in a thread."""

    index: int
    thread: str
    kind: str | None  # one of DRAFT_KINDS or check_in_<n>; None: any kind
    day: int | None = None
    to: str | None = None
    absent: bool = False
    remains: bool | None = None  # True: still in Drafts at the end; False: gone by then

    @property
    def label(self) -> str:
        what = "no_drafts" if self.absent else "drafts"
        return f"expect.{what}[{self.index}]"

    def describe(self) -> str:
        kind = self.kind or "any"
        if self.absent:
            return f"no {kind} draft in thread '{self.thread}'"
        when = f" on day {self.day}" if self.day is not None else ""
        to = f" to {self.to}" if self.to else ""
        end = {None: "", True: ", still there at the end", False: ", gone by the end"}
        return f"{kind} draft in thread '{self.thread}'{when}{to}{end[self.remains]}"


@dataclass(frozen=True, slots=True)
class ApplicationExpectation:
    """The final state (and flags) of the application that owns ``thread``."""

    index: int
    thread: str
    state: AppState | None = None
    closed_because: str | None = None
    flags: tuple[str, ...] = ()  # each must occur (case-insensitively) in one of its flags
    flagged: bool | None = None  # True: at least one flag; False: none

    @property
    def label(self) -> str:
        return f"expect.applications[{self.index}]"

    def describe(self) -> str:
        parts = [f"application of '{self.thread}'"]
        if self.state:
            parts.append(f"is {self.state.value}")
        if self.closed_because:
            parts.append(f"({self.closed_because})")
        if self.flags:
            parts.append(f"flagged {', '.join(self.flags)}")
        if self.flagged is not None:
            parts.append("flagged" if self.flagged else "not flagged")
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Expectations:
    drafts: tuple[DraftExpectation, ...] = ()
    no_drafts: tuple[DraftExpectation, ...] = ()
    applications: tuple[ApplicationExpectation, ...] = ()
    only_listed_drafts: bool = True


@dataclass(frozen=True, slots=True)
class Scenario:
    name: str
    description: str
    seed: str
    user: User
    clock: Clock
    contacts: dict[str, Contact]
    events: tuple[Event, ...]
    expect: Expectations = field(default_factory=Expectations)
    policy: dict[str, Any] = field(default_factory=dict)
    source: str = ""

    def event(self, event_id: str) -> Event:
        for event in self.events:
            if event.id == event_id:
                return event
        raise KeyError(event_id)
