"""The values the mail reading layer hands out: frozen, fully typed, no behaviour.

Everything here is plain data so that the sync service can store it, compare it and print it
without knowing how it was derived (issue 4).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import NamedTuple


class MailKind(StrEnum):
    """The kinds of ../shared/corpus/README.md, exactly; their string values are the labels."""

    INTERVIEW_INVITE = "interview_invite"
    REJECTION = "rejection"
    OFFER = "offer"
    EMPLOYER_REPLY = "employer_reply"
    AUTO_REPLY = "auto_reply"
    BOUNCE = "bounce"
    APPLICATION_ACK = "application_ack"
    OTHER = "other"


class Attachment(NamedTuple):
    """A named part the reader did not treat as body text (PDF offer letters, .ics files).

    A NamedTuple so callers may read it as the plain (filename, mime type, size) triple.
    """

    filename: str
    mime_type: str
    size: int


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """The first VEVENT of a calendar part; times are aware (floating ones get the Date offset)."""

    method: str | None
    uid: str | None
    sequence: int | None
    summary: str
    description: str
    start: datetime | None
    end: datetime | None
    status: str | None


@dataclass(frozen=True, slots=True)
class ParsedMail:
    """A normalised view of one message, whatever shape it arrived in (RFC 5322 or Gmail JSON)."""

    subject: str = ""
    from_addr: str = ""
    from_name: str = ""
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    reply_to: tuple[str, ...] = ()
    date: datetime | None = None
    message_id: str = ""
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    headers: tuple[tuple[str, str], ...] = ()
    content_type: str = "text/plain"
    text: str = ""
    """The whole body as text (plain part preferred, else HTML turned to text)."""
    new_text: str = ""
    """Only what the sender wrote in this message: quotes, forwards and signature removed."""
    calendar: CalendarEvent | None = None
    attachments: tuple[Attachment, ...] = ()
    is_delivery_report: bool = False
    dsn_recipients: tuple[str, ...] = ()
    """Final-Recipient addresses of a message/delivery-status part whose Action is failed."""
    unparseable: str | None = None

    def header(self, name: str) -> str:
        """The first value of header ``name`` (case-insensitive), or "" when absent."""
        wanted = name.lower()
        for key, value in self.headers:
            if key.lower() == wanted:
                return value
        return ""


@dataclass(frozen=True, slots=True)
class MailReading:
    """What one message means for a job search, with the reasons that led there."""

    kind: MailKind
    confidence: float
    reasons: tuple[str, ...]
    company: str | None = None
    role: str | None = None
    interview_at: datetime | None = None
    interview_end: datetime | None = None
    respond_by: date | None = None
    back_on: date | None = None
    calendar_method: str | None = None
    calendar_sequence: int | None = None
    calendar_uid: str | None = None
    message_id: str = ""
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    subject: str = ""
    from_addr: str = ""
    from_name: str = ""
    from_user: bool = False
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    reply_to: tuple[str, ...] = ()
    date: datetime | None = None
    is_automated: bool = False
    is_no_reply_sender: bool = False
    bounced_recipients: tuple[str, ...] = ()
    new_text: str = ""
    attachments: tuple[Attachment, ...] = field(default=())
    unparseable: str | None = None
