"""What the core keeps of a mail, and small facts derived from one.

Split from the rules so that :mod:`followup.core.rules` reads as the policy alone.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta

from followup.core.events import MailSeen
from followup.core.model import Application, Contact, InterviewRound, Kind, MessageRecord
from followup.core.policy import Policy

# Addresses nobody reads: never a draft recipient, even when the classifier missed it.
NO_REPLY = re.compile(r"(no-?reply|do-?not-?reply|mailer-daemon|postmaster)", re.IGNORECASE)


def starts_application(mail: MailSeen) -> bool:
    """Mail that opens an application when none matches: invitations, receipts, named employers."""
    if mail.from_user or (mail.calendar_method or "").upper() == "CANCEL":
        return False
    if mail.kind in (Kind.INTERVIEW_INVITE, Kind.APPLICATION_ACK):
        return True
    return mail.kind is Kind.EMPLOYER_REPLY and bool(mail.company)


def interview_end(start: datetime, end: datetime | None, policy: Policy) -> datetime:
    """The calendar's end when it has one, else the policy's default length (issue 5)."""
    if end is not None and end > start:
        return end
    return start + timedelta(minutes=policy.default_interview_minutes)


def replace_round(
    app: Application, old: InterviewRound, new: InterviewRound
) -> tuple[InterviewRound, ...]:
    return tuple(new if r == old else r for r in app.rounds)


def record_mail(app: Application, mail: MailSeen) -> Application:
    """Remember the mail, its thread and its sender (employer contacts only)."""
    sender = mail.sender.strip().lower()
    record = MessageRecord(
        message_id=mail.message_id,
        thread_id=mail.thread_id,
        at=mail.at,
        kind=mail.kind,
        from_user=mail.from_user,
        sender=sender,
        sender_name=mail.sender_name,
        subject=mail.subject,
        rfc822_message_id=mail.rfc822_message_id,
        references=mail.references,
        is_no_reply=mail.is_no_reply_sender,
        to=tuple(a.lower() for a in mail.to),
        respond_by=mail.respond_by,
        back_on=mail.back_on,
    )
    # Mail can arrive out of order; keep the record sorted so "last in thread" means last.
    messages = tuple(sorted((*app.messages, record), key=lambda m: (m.at, m.message_id)))
    threads = (
        app.thread_ids if mail.thread_id in app.thread_ids else (*app.thread_ids, mail.thread_id)
    )
    contacts = app.contacts
    if not mail.from_user and mail.kind not in (Kind.BOUNCE, Kind.AUTO_REPLY) and sender:
        no_reply = mail.is_no_reply_sender or bool(NO_REPLY.search(sender))
        contacts = upsert_contact(
            contacts, Contact(sender, mail.sender_name, mail.at, no_reply=no_reply)
        )
        if mail.reply_to and mail.reply_to.lower() != sender and not NO_REPLY.search(mail.reply_to):
            contacts = upsert_contact(
                contacts, Contact(mail.reply_to.strip().lower(), None, mail.at)
            )
    return replace(
        app,
        messages=messages,
        thread_ids=threads,
        contacts=contacts,
        company=app.company or mail.company,
        role=app.role or mail.role,
    )


def upsert_contact(contacts: tuple[Contact, ...], new: Contact) -> tuple[Contact, ...]:
    for i, old in enumerate(contacts):
        if old.address == new.address:
            merged = replace(
                old,
                name=old.name or new.name,
                last_seen=max(old.last_seen, new.last_seen),
                no_reply=old.no_reply and new.no_reply,
            )
            return (*contacts[:i], merged, *contacts[i + 1 :])
    return (*contacts, new)


def mail_from_record(record: MessageRecord, at: datetime) -> MailSeen:
    """A corrected message re-read as of the correction (fields the record lacks stay empty)."""
    return MailSeen(
        message_id=record.message_id,
        thread_id=record.thread_id,
        at=at,
        kind=record.kind,
        confidence=1.0,
        from_user=record.from_user,
        sender=record.sender,
        sender_name=record.sender_name,
        to=record.to,
        cc=(),
        reply_to=None,
        subject=record.subject,
        rfc822_message_id=record.rfc822_message_id,
        references=record.references,
        company=None,
        role=None,
        interview_at=None,
        interview_end=None,
        respond_by=record.respond_by,
        back_on=record.back_on,
        is_no_reply_sender=record.is_no_reply,
        bounced_recipients=(),
        calendar_method=None,
        reasons=("corrected by the user",),
    )
