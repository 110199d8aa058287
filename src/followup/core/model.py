"""The tracker's data: applications and what they are made of.

Every type is a frozen dataclass so the core can hand out values without copies
and a transition is visibly a new value. ``Application.to_dict``/``from_dict``
give the JSON form the store persists.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from followup.core import serialize


class Kind(StrEnum):
    """What a mail is. Same values as the corpus kinds; the core does not import the classifier."""

    INTERVIEW_INVITE = "interview_invite"
    REJECTION = "rejection"
    OFFER = "offer"
    EMPLOYER_REPLY = "employer_reply"
    AUTO_REPLY = "auto_reply"
    BOUNCE = "bounce"
    APPLICATION_ACK = "application_ack"
    OTHER = "other"


class State(StrEnum):
    """Where an application stands, named for what the job seeker sees."""

    APPLIED = "applied"  # known, no interview yet
    INVITED = "invited"  # invited, no time fixed (scheduling link, cancelled slot)
    INTERVIEW_SCHEDULED = "interview_scheduled"  # an interview with a time is ahead
    INTERVIEWED = "interviewed"  # the interview is over; the thank-you is the open step
    WAITING = "waiting"  # nothing for the user to do; the next check-in is scheduled
    FOLLOW_UP_DUE = "follow_up_due"  # a check-in draft is ready for the user
    PAUSED = "paused"  # employer replied, or the user paused it
    CLOSED = "closed"  # terminal; see CloseReason


class CloseReason(StrEnum):
    OFFER = "offer"
    REJECTION = "rejection"
    LET_GO = "let_go"  # no answer a week after the last check-in
    USER = "user"


class DraftStep(StrEnum):
    THANK_YOU = "thank_you"
    CHECK_IN = "check_in"
    CLOSING_NOTE = "closing_note"


class ActionKind(StrEnum):
    """What the clock will do next for an application."""

    THANK_YOU = "thank_you"  # at the interview's end
    CHECK_IN = "check_in"
    LET_GO = "let_go"


class LabelRole(StrEnum):
    """The Gmail label the shell keeps on an application's threads."""

    READY = "ready"  # a draft is waiting for the user
    WAITING = "waiting"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Contact:
    """An employer-side address. No-reply (ATS) addresses are kept but never drafted to."""

    address: str
    name: str | None
    last_seen: datetime
    no_reply: bool = False
    bounced: bool = False


@dataclass(frozen=True, slots=True)
class InterviewRound:
    number: int
    start: datetime | None  # None: invited, time not fixed yet
    end: datetime | None
    source: str  # "calendar", "text" or "user"
    message_id: str | None
    thread_id: str | None
    cancelled: bool = False


@dataclass(frozen=True, slots=True)
class MessageRecord:
    """What the core keeps of a seen mail: enough to thread a reply and to re-read it."""

    message_id: str
    thread_id: str
    at: datetime
    kind: Kind
    from_user: bool
    sender: str
    sender_name: str | None
    subject: str
    rfc822_message_id: str | None
    references: tuple[str, ...]
    is_no_reply: bool
    to: tuple[str, ...] = ()
    respond_by: date | None = None
    back_on: date | None = None


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One transition. ``cause`` is a message id, ``"clock"`` or ``"user"``."""

    at: datetime
    cause: str
    trigger: str
    from_state: State
    to_state: State
    note: str = ""


@dataclass(frozen=True, slots=True)
class PendingDraft:
    """The one draft of ours that may exist for an application (never two)."""

    intent_key: str
    step: DraftStep
    check_in: int  # 1-based check-in number; 0 for other steps
    due: datetime
    created_at: datetime
    to: str
    thread_id: str | None


@dataclass(frozen=True, slots=True)
class NextAction:
    kind: ActionKind
    due: datetime
    check_in: int = 0  # which check-in, for CHECK_IN


@dataclass(frozen=True, slots=True)
class Application:
    """One job application as the tracker follows it."""

    id: str
    created_at: datetime
    company: str | None
    role: str | None
    state: State
    contacts: tuple[Contact, ...] = ()
    thread_ids: tuple[str, ...] = ()
    rounds: tuple[InterviewRound, ...] = ()
    messages: tuple[MessageRecord, ...] = ()
    history: tuple[HistoryEntry, ...] = ()
    pending: PendingDraft | None = None
    next_action: NextAction | None = None
    check_ins_done: int = 0  # check-ins sent or skipped in the current round
    respond_by: date | None = None
    last_user_mail_at: datetime | None = None
    draft_seq: int = 0  # drafts planned so far; makes every intent_key unique
    flags: tuple[str, ...] = ()
    paused_reason: str | None = None
    paused_from: State | None = None
    closed_reason: CloseReason | None = None

    @property
    def current_round(self) -> InterviewRound | None:
        live = [r for r in self.rounds if not r.cancelled]
        return live[-1] if live else None

    @property
    def round_number(self) -> int:
        return len(self.rounds)

    def human_contacts(self) -> tuple[Contact, ...]:
        return tuple(c for c in self.contacts if not c.no_reply and not c.bounced)

    def seen(self, message_id: str) -> bool:
        return any(m.message_id == message_id for m in self.messages)

    def to_dict(self) -> dict[str, Any]:
        return serialize.dump_object(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Application:
        return serialize.load(cls, data)


def application_id(seed: str) -> str:
    """A stable id from the first thread (or manual entry), so a replay names apps alike."""
    return "app-" + hashlib.sha256(seed.encode()).hexdigest()[:10]
