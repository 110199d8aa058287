"""The mail reading layer: pure functions from message bytes to a MailReading (issue 4).

No Gmail calls, no file access, no clock: relative dates resolve against the Date header.
"""

from followup.mail.corrections import Correction, Corrections, normalise_subject
from followup.mail.model import Attachment, CalendarEvent, MailKind, MailReading, ParsedMail
from followup.mail.parse import parse_gmail_payload, parse_message
from followup.mail.reading import read_gmail_payload, read_mail, read_parsed

__all__ = [
    "Attachment",
    "CalendarEvent",
    "Correction",
    "Corrections",
    "MailKind",
    "MailReading",
    "ParsedMail",
    "normalise_subject",
    "parse_gmail_payload",
    "parse_message",
    "read_gmail_payload",
    "read_mail",
    "read_parsed",
]
