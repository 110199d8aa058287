"""Realistic RFC 5322 mail for scenario events, built with ``email.message``.

The simulator must exercise the real classifier, so the mail reads like the corpus in
/work/shared/corpus: a human's plain text with a quoted history, ATS mail from no-reply
senders, calendar invites with a ``text/calendar`` part (times in UTC, as Google sends
them), out-of-office replies with ``Auto-Submitted``, and multipart/report bounces.
Dates in the text are written out in full ("Friday, 13 March 2026") so that what the
scenario means is what the classifier reads, whatever the day the mail is sent.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email import message_from_bytes
from email import policy as email_policy
from email.message import EmailMessage
from email.utils import format_datetime

from followup.simulate.scenario import Contact, Event, EventType, Scenario

SUBJECTS = {
    EventType.INVITE: "Interview invitation: {role} at {company}",
    EventType.SCHEDULING: "Directions for your visit to {company}",
    EventType.REPLY: "Your application at {company}",
    EventType.OUT_OF_OFFICE: "Automatic reply: out of office",
    EventType.REJECTION: "Your application for {role}",
    EventType.OFFER: "Offer of employment: {role}",
    EventType.ACK: "We received your application for {role}",
    EventType.USER_MAIL: "Application for {role}",
}


@dataclass(frozen=True, slots=True)
class ThreadRef:
    """What a reply needs to join a thread: its subject and the Message-IDs so far."""

    subject: str
    message_ids: tuple[str, ...]
    last_text: str = ""
    last_sender: str = ""
    last_at: datetime | None = None


def message_id_for(scenario: Scenario, event: Event, domain: str) -> str:
    """A stable Message-ID, so the same scenario always produces the same mail."""
    digest = hashlib.sha256(f"{scenario.name}/{event.index}".encode()).hexdigest()[:20]
    return f"<{digest}@{domain}>"


def long_date(day: date) -> str:
    return f"{day:%A}, {day.day} {day:%B %Y}"


def _clock_time(moment: datetime) -> str:
    return f"{moment:%H:%M} ({moment:%Z}, UTC{moment:%z})"


def _reply_subject(subject: str) -> str:
    return subject if subject.lower().startswith("re:") else f"Re: {subject}"


def _quote(thread: ThreadRef | None) -> str:
    if thread is None or not thread.last_text or thread.last_at is None:
        return ""
    quoted = "\n".join(f"> {line}" if line else ">" for line in thread.last_text.splitlines())
    when = f"{thread.last_at:%a, %b} {thread.last_at.day}, {thread.last_at:%Y at %H:%M}"
    return f"\n\nOn {when} {thread.last_sender} wrote:\n{quoted}\n"


def build_mail(
    scenario: Scenario,
    event: Event,
    *,
    thread: ThreadRef | None,
    role: str,
) -> EmailMessage:
    """The message that ``event`` puts in the mailbox (incoming mail or the user's own)."""
    user = scenario.user
    contact = _contact_for(scenario, event)
    when = event.at
    msg = EmailMessage()
    if event.type is EventType.USER_MAIL:
        msg["From"] = f"{user.name} <{user.email}>"
        msg["To"] = contact.address
        domain = user.email.rpartition("@")[2]
    elif event.type is EventType.BOUNCE:
        domain = user.email.rpartition("@")[2]
        msg["From"] = f"Mail Delivery Subsystem <mailer-daemon@mail.{domain}>"
        msg["To"] = f"{user.name} <{user.email}>"
    else:
        msg["From"] = contact.address
        msg["To"] = f"{user.name} <{user.email}>"
        domain = contact.domain
    fields = {"role": role, "company": contact.company}
    if event.subject:
        subject = event.subject
    elif event.type is EventType.BOUNCE:
        subject = "Delivery Status Notification (Failure)"
    elif thread is not None:
        subject = _reply_subject(thread.subject)  # auto-replies too, as Gmail's vacation one
    else:
        subject = SUBJECTS[event.type].format(**fields)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = message_id_for(scenario, event, domain)
    if thread is not None and thread.message_ids and event.type is not EventType.BOUNCE:
        msg["In-Reply-To"] = thread.message_ids[-1]
        msg["References"] = " ".join(thread.message_ids)
    if event.type in {EventType.OUT_OF_OFFICE, EventType.BOUNCE}:
        msg["Auto-Submitted"] = "auto-replied"

    if event.type is EventType.BOUNCE:
        return _bounce(scenario, contact, thread, when, msg)
    body = _body(scenario, event, contact, role) + _quote(thread)
    msg.set_content(body)
    if event.type is EventType.INVITE and event.calendar and event.interview_at is not None:
        _attach_calendar(msg, scenario, event, contact, role)
    return msg


def _contact_for(scenario: Scenario, event: Event) -> Contact:
    key = event.to if event.type is EventType.USER_MAIL else event.sender
    if event.type is EventType.BOUNCE:
        key = event.bounced
    assert key is not None, f"{event.label} names no contact (the loader checks this)"
    return scenario.contacts[key]


def _signature(contact: Contact) -> str:
    if contact.ats:
        return f"The {contact.company} Talent Acquisition Team"
    name = contact.name or contact.company
    title = "Recruiter" if contact.recruiter else "Hiring team"
    return f"{name}\n{title}, {contact.company}"


def _body(scenario: Scenario, event: Event, contact: Contact, role: str) -> str:
    if event.body and event.type not in {EventType.INVITE, EventType.REPLY}:
        return event.body
    user = scenario.user
    hello = f"Hi {user.first_name},"
    sign = _signature(contact)
    match event.type:
        case EventType.INVITE:
            return _invite_text(event, contact, role, hello, sign)
        case EventType.SCHEDULING:
            return (
                f"{hello}\n\nAhead of your interview: our office is at 12 Harbour Street, "
                "third floor. Please bring a photo ID for reception; visitor parking is at the "
                f"back of the building.\n\nSee you soon,\n{sign}\n"
            )
        case EventType.REPLY:
            return _reply_text(event, hello, sign)
        case EventType.OUT_OF_OFFICE:
            name = contact.name or contact.company
            if event.back_on is not None:
                return (
                    f"Thank you for your message. I am out of the office with limited access "
                    f"to email and will be back on {long_date(event.back_on)}. I will respond "
                    f"to your message when I return.\n\n{name}\n"
                )
            return (
                "Thank you for your email. I am currently out of the office with limited "
                f"access to email. I will reply as soon as I can.\n\n{name}\n"
            )
        case EventType.REJECTION:
            return (
                f"{hello}\n\nThank you for the time you spent with us on the {role} role. "
                "After careful consideration we have decided not to move forward with your "
                "application. We appreciate your interest and wish you every success in your "
                f"search.\n\nKind regards,\n{sign}\n"
            )
        case EventType.OFFER:
            return (
                f"{hello}\n\nI'm delighted to let you know that we would like to offer you the "
                f"position of {role} at {contact.company}. Your offer letter is attached "
                f"to this email; do call me with any questions.\n\nCongratulations!\n{sign}\n"
            )
        case EventType.ACK:
            return (
                f"{hello}\n\nThank you for applying for the {role} position at "
                f"{contact.company}. We have received your application and our team will "
                f"review it. If your profile matches, a recruiter will contact you.\n\n{sign}\n"
                "Please do not reply to this automated message.\n"
            )
        case EventType.USER_MAIL:
            name = contact.name.split()[0] if contact.name else "there"
            text = event.body or (
                f"I'm writing to follow up on the {role} position. I remain very interested "
                "and would be glad to hear of any update."
            )
            return f"Hi {name},\n\n{text}\n\nBest regards,\n{user.name}\n"
        case _:
            raise ValueError(f"{event.label}: no mail for this event type")


def _invite_text(event: Event, contact: Contact, role: str, hello: str, sign: str) -> str:
    start = event.interview_at
    assert start is not None, f"{event.label}: an invite needs an interview time (loader)"
    local = start.astimezone(start.tzinfo)
    end = local + timedelta(minutes=event.interview_minutes)
    extra = f"\n\n{event.body}" if event.body else ""
    return (
        f"{hello}\n\nThank you for your application for the {role} position at "
        f"{contact.company}. We would like to invite you to an interview on "
        f"{long_date(local.date())} at {_clock_time(local)}, until {end:%H:%M}. "
        f"The interview will be held on video: meet.example.com/{event.index:03d}-interview."
        f"{extra}\n\nPlease let me know if this time does not suit you.\n\nBest wishes,\n{sign}\n"
    )


def _reply_text(event: Event, hello: str, sign: str) -> str:
    text = event.body or "Thank you for your note and your patience."
    if event.respond_by is not None:
        phrase = event.respond_by_text or f"by {long_date(event.respond_by)}"
        text += (
            f" The team is still meeting candidates and we will get back to you {phrase} "
            "with our decision."
        )
    elif not event.body:
        text += " We are still reviewing and will be in touch."
    return f"{hello}\n\n{text}\n\nBest,\n{sign}\n"


def _attach_calendar(
    msg: EmailMessage, scenario: Scenario, event: Event, contact: Contact, role: str
) -> None:
    start = event.interview_at
    assert start is not None
    end = start + timedelta(minutes=event.interview_minutes)

    def utc(moment: datetime) -> str:
        return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")

    uid = message_id_for(scenario, event, contact.domain).strip("<>").replace("@", ".ics@")
    user = scenario.user
    ics = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "PRODID:-//followup simulator//EN",
            "VERSION:2.0",
            "METHOD:REQUEST",
            "BEGIN:VEVENT",
            f"DTSTART:{utc(start)}",
            f"DTEND:{utc(end)}",
            f"DTSTAMP:{utc(event.at)}",
            f"ORGANIZER;CN={contact.name or contact.company}:mailto:{contact.email}",
            f"ATTENDEE;CN={user.name};RSVP=TRUE:mailto:{user.email}",
            f"UID:{uid}",
            f"SUMMARY:Interview: {role} - {user.name}",
            "STATUS:CONFIRMED",
            "SEQUENCE:0",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )
    msg.add_alternative(ics, subtype="calendar", params={"method": "REQUEST"})


def _bounce(
    scenario: Scenario,
    contact: Contact,
    thread: ThreadRef | None,
    when: datetime,
    headers: EmailMessage,
) -> EmailMessage:
    """A multipart/report DSN naming the failed address and echoing the original headers.

    Written out as text and parsed, because ``email`` cannot build a message/delivery-status
    part from scratch (its payload is a list of header blocks).
    """
    user = scenario.user
    mta = f"mail.{user.email.rpartition('@')[2]}"
    boundary = "bounce-" + hashlib.sha256(str(headers["Message-ID"]).encode()).hexdigest()[:16]
    subject = thread.subject if thread else "Follow-up"
    original_id = thread.message_ids[-1] if thread and thread.message_ids else "<unknown@x>"
    diagnostic = "550 5.1.1 The email account that you tried to reach does not exist."
    head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    text = (
        f"{head}MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/report; report-type="delivery-status"; boundary="{boundary}"\r\n'
        f"\r\nThis is a MIME-encapsulated message.\r\n--{boundary}\r\n"
        'Content-Type: text/plain; charset="us-ascii"\r\n\r\n'
        f"** Address not found **\r\n\r\nYour message wasn't delivered to {contact.email} "
        "because the address couldn't be found, or is unable to receive mail.\r\n\r\n"
        f"The response from the remote server was:\r\n{diagnostic}\r\n"
        f"--{boundary}\r\nContent-Type: message/delivery-status\r\n\r\n"
        f"Reporting-MTA: dns; {mta}\r\n\r\n"
        f"Final-Recipient: rfc822; {contact.email}\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        f"Diagnostic-Code: smtp; {diagnostic}\r\n\r\n"
        f'--{boundary}\r\nContent-Type: text/rfc822-headers; charset="us-ascii"\r\n\r\n'
        f"From: {user.name} <{user.email}>\r\nTo: {contact.address}\r\n"
        f"Subject: {subject}\r\nDate: {format_datetime(when - timedelta(minutes=1))}\r\n"
        f"Message-ID: {original_id}\r\n\r\n--{boundary}--\r\n"
    )
    msg = message_from_bytes(text.encode("utf-8"), policy=email_policy.default)
    assert isinstance(msg, EmailMessage)
    return msg
