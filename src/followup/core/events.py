"""Inputs to the core: what the shell has observed.

Plain frozen data, no behaviour. Times are aware UTC datetimes. The service maps
the classifier's output onto :class:`MailSeen`; the core never imports the
classifier or Gmail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from followup.core.model import Kind

__all__ = [
    "ClockTick",
    "DraftDeleted",
    "DraftOutcome",
    "Event",
    "Kind",
    "MailSeen",
    "ManualApplication",
    "Reclassified",
    "UserCommand",
]


@dataclass(frozen=True, slots=True)
class MailSeen:
    """A mail in the mailbox, received or sent by the user (``from_user``)."""

    message_id: str  # Gmail message id; re-delivery of the same id is a no-op
    thread_id: str
    at: datetime  # arrival (internalDate), aware UTC
    kind: Kind
    confidence: float
    from_user: bool  # the job seeker's own mail: counts as a follow-up, never an employer reply
    sender: str  # bare address, lower case
    sender_name: str | None
    to: tuple[str, ...]
    cc: tuple[str, ...]
    reply_to: str | None
    subject: str
    rfc822_message_id: str | None  # the Message-ID header, with angle brackets
    references: tuple[str, ...]
    company: str | None
    role: str | None
    interview_at: datetime | None
    interview_end: datetime | None  # from a calendar invite; None -> default length
    respond_by: date | None  # date the employer said they would get back by
    back_on: date | None  # out-of-office return date
    is_no_reply_sender: bool  # ATS / do-not-reply address: linked, never a draft recipient
    bounced_recipients: tuple[str, ...]
    calendar_method: str | None  # "REQUEST" / "CANCEL" from a text/calendar part
    reasons: tuple[str, ...] = ()  # the classifier's explanation, kept for the timeline


@dataclass(frozen=True, slots=True)
class ClockTick:
    """Time has reached ``at``: fire every follow-up that is due by then."""

    at: datetime


@dataclass(frozen=True, slots=True)
class DraftDeleted:
    """The user deleted one of our drafts without sending it: that step is skipped."""

    intent_key: str
    at: datetime


@dataclass(frozen=True, slots=True)
class DraftOutcome:
    """What became of a DiscardDraft: the user had edited it, so it was kept (and reported)."""

    intent_key: str
    at: datetime
    kept_edited: bool


@dataclass(frozen=True, slots=True)
class UserCommand:
    application_id: str
    action: Literal["pause", "resume", "close"]
    at: datetime
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ManualApplication:
    """``followup add``: an application the mailbox does not show (a phone screen, a fair)."""

    company: str
    contact: str | None
    role: str | None
    interview_at: datetime | None
    thread_id: str | None
    at: datetime
    contact_name: str | None = None


@dataclass(frozen=True, slots=True)
class Reclassified:
    """``followup correct``: the user says a seen message is of another kind."""

    message_id: str
    kind: Kind
    at: datetime


Event = (
    MailSeen
    | ClockTick
    | DraftDeleted
    | DraftOutcome
    | UserCommand
    | ManualApplication
    | Reclassified
)
