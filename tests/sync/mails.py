"""Job-search mail for the sync tests, built with the stdlib (a calendar part fixes times)."""

from __future__ import annotations

from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

USER = "sam@example.com"


def invite(
    *,
    sent: datetime,
    interview: datetime,
    company: str = "Northwind Robotics",
    contact: str = "dana.lee@northwind-robotics.com",
    name: str = "Dana Lee",
    role: str = "Backend Engineer",
    to: str = USER,
) -> bytes:
    """An interview invitation from a human recruiter, with a calendar invite."""
    msg = EmailMessage()
    msg["From"] = f"{name} <{contact}>"
    msg["To"] = to
    msg["Subject"] = f"Interview invitation: {role} at {company}"
    msg["Date"] = format_datetime(sent)
    msg["Message-ID"] = make_msgid(domain=contact.split("@")[1])
    end = interview + timedelta(hours=1)
    msg.set_content(
        f"Hi Sam,\n\nThank you for applying for the {role} position at {company}. "
        f"We would like to invite you to an interview on {interview:%A, %B %d, %Y at %H:%M} UTC "
        "over video. The calendar invitation is attached.\n\nBest regards,\n"
        f"{name}\nTalent Acquisition, {company}\n"
    )
    ics = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nMETHOD:REQUEST\r\n"
        "BEGIN:VEVENT\r\n"
        f"UID:{interview:%Y%m%dT%H%M}-{contact}\r\n"
        f"DTSTAMP:{sent:%Y%m%dT%H%M%SZ}\r\n"
        f"DTSTART:{interview:%Y%m%dT%H%M%SZ}\r\n"
        f"DTEND:{end:%Y%m%dT%H%M%SZ}\r\n"
        f"SUMMARY:Interview: {role} at {company}\r\n"
        f"ORGANIZER;CN={name}:mailto:{contact}\r\n"
        f"ATTENDEE:mailto:{to}\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    msg.add_alternative(ics, subtype="calendar", params={"method": "REQUEST"})
    return msg.as_bytes()


def reply(
    original: bytes,
    *,
    sent: datetime,
    text: str,
    sender: str = "Dana Lee <dana.lee@northwind-robotics.com>",
    to: str = USER,
) -> bytes:
    """A reply in the thread of ``original`` (In-Reply-To, References, Re: subject)."""
    from email import message_from_bytes
    from email.policy import default

    parent = message_from_bytes(original, policy=default)
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    subject = str(parent["Subject"])
    msg["Subject"] = subject if subject.lower().startswith("re:") else f"Re: {subject}"
    msg["Date"] = format_datetime(sent)
    msg["Message-ID"] = make_msgid(domain="example.org")
    msg["In-Reply-To"] = str(parent["Message-ID"])
    msg["References"] = str(parent["Message-ID"])
    msg.set_content(text)
    return msg.as_bytes()


def newsletter(*, sent: datetime, n: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Deals Weekly <news@deals.example>"
    msg["To"] = USER
    msg["Subject"] = f"This week's deals #{n}"
    msg["Date"] = format_datetime(sent)
    msg["Message-ID"] = make_msgid(domain="deals.example")
    msg["List-Unsubscribe"] = "<mailto:unsubscribe@deals.example>"
    msg.set_content("Big savings on garden furniture this week only.")
    return msg.as_bytes()
