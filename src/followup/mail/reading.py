"""read_mail: parse, classify and extract in one call that never raises."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any

from followup.mail.classify import MAX_SCORED_CHARS, Verdict, classify
from followup.mail.corrections import Corrections
from followup.mail.employer import company_from_domain, find_company, find_role
from followup.mail.model import MailKind, MailReading, ParsedMail
from followup.mail.parse import parse_gmail_payload, parse_message
from followup.mail.reply_dates import (
    find_back_on,
    find_decision_by,
    find_respond_by,
    kind_wants_respond_by,
)
from followup.mail.signals import read_signals
from followup.mail.slots import interview_fields

log = logging.getLogger(__name__)


_FORWARD = re.compile(r"^\s*(?:fwd?|fw|tr|wg|rv|i|enc|doorst|pd)\s*:", re.I)


def read_mail(
    raw: bytes, *, user_addresses: Sequence[str] = (), corrections: Corrections | None = None
) -> MailReading:
    """Read one raw RFC 5322 message. Never raises: broken input gives kind "other", 0."""
    return read_parsed(parse_message(raw), user_addresses=user_addresses, corrections=corrections)


def read_gmail_payload(
    payload: Mapping[str, Any],
    *,
    user_addresses: Sequence[str] = (),
    corrections: Corrections | None = None,
) -> MailReading:
    """read_mail for Gmail's ``format=full`` payload object."""
    return read_parsed(
        parse_gmail_payload(payload), user_addresses=user_addresses, corrections=corrections
    )


def read_parsed(
    mail: ParsedMail, *, user_addresses: Sequence[str] = (), corrections: Corrections | None = None
) -> MailReading:
    if mail.unparseable is not None:
        log.warning("unparseable message", extra={"reason": mail.unparseable})
        return MailReading(
            kind=MailKind.OTHER,
            confidence=0.0,
            reasons=(f"unparseable: {mail.unparseable}",),
            unparseable=mail.unparseable,
        )
    try:
        return _read(mail, user_addresses, corrections)
    except Exception as exc:  # a bug in a rule must cost one reading, not the sync loop
        log.warning(
            "reading failed", extra={"error": type(exc).__name__, "message_id": mail.message_id}
        )
        return MailReading(
            kind=MailKind.OTHER,
            confidence=0.0,
            reasons=(f"unparseable: reader failed ({type(exc).__name__})",),
            message_id=mail.message_id,
            subject=mail.subject,
            from_addr=mail.from_addr,
            date=mail.date,
            unparseable=f"reader failed: {type(exc).__name__}",
        )


def _read(
    mail: ParsedMail, user_addresses: Sequence[str], corrections: Corrections | None
) -> MailReading:
    signals = read_signals(mail)
    users = frozenset(address.strip().lower() for address in user_addresses)
    from_user = mail.from_addr in users
    correction = corrections.lookup(mail.from_addr, mail.subject) if corrections else None
    if correction is not None:
        verdict = Verdict(
            correction.kind,
            1.0,
            (f"user correction for {correction.sender} '{correction.subject}'",),
        )
    elif from_user:
        # The user's own mail is their follow-up whatever its words say ("I understand if you
        # have chosen someone else" is not a rejection). Not classifying it also halves the
        # reading cost of a poll, since every draft the user sends comes back as their mail.
        verdict = Verdict(MailKind.OTHER, 1.0, ("your own mail: counts as your follow-up",))
    else:
        verdict = classify(mail, signals)
    kind = verdict.kind
    text = mail.new_text[:MAX_SCORED_CHARS]
    interview_at = interview_end = None
    if kind is MailKind.INTERVIEW_INVITE:
        interview_at, interview_end = interview_fields(mail)
    respond_by = None
    if kind_wants_respond_by(kind) and mail.date is not None:
        find = find_decision_by if kind is MailKind.INTERVIEW_INVITE else find_respond_by
        respond_by = find(text, mail.date)
        if respond_by is None and _FORWARD.match(mail.subject):
            # "Lena - see Rachel's note below": the forwarded note holds the promise
            respond_by = find(mail.text[:MAX_SCORED_CHARS], mail.date)
    back_on = None
    if kind is MailKind.AUTO_REPLY and mail.date is not None:
        back_on = find_back_on(text, mail.date)
    bounced: tuple[str, ...] = ()
    company: str | None = None
    if kind is MailKind.BOUNCE:
        bounced = mail.dsn_recipients or _bounced_from_text(mail, users)
        company = company_from_domain(bounced[0]) if bounced else None
    elif from_user or kind is not MailKind.OTHER or not signals.free_mail_sender:
        company = find_company(mail, text)  # the user's mail may name the employer it answers
    calendar = mail.calendar
    return MailReading(
        kind=kind,
        confidence=verdict.confidence,
        reasons=verdict.reasons,
        company=company,
        role=find_role(mail.subject, text),
        interview_at=interview_at,
        interview_end=interview_end,
        respond_by=respond_by,
        back_on=back_on,
        calendar_method=calendar.method if calendar else None,
        calendar_sequence=calendar.sequence if calendar else None,
        calendar_uid=calendar.uid if calendar else None,
        message_id=mail.message_id,
        in_reply_to=mail.in_reply_to,
        references=mail.references,
        subject=mail.subject,
        from_addr=mail.from_addr,
        from_name=mail.from_name,
        from_user=from_user,
        to=mail.to,
        cc=mail.cc,
        reply_to=mail.reply_to,
        date=mail.date,
        is_automated=bool(signals.auto_headers) or signals.auto_subject or signals.mailer_daemon,
        is_no_reply_sender=signals.no_reply_sender or signals.mailer_daemon,
        bounced_recipients=bounced,
        new_text=mail.new_text,
        attachments=mail.attachments,
    )


_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _bounced_from_text(mail: ParsedMail, users: frozenset[str]) -> tuple[str, ...]:
    """Addresses a bounce without a DSN part names, other than the user's and the mailer's."""
    own = {mail.from_addr, *mail.to, *users}
    found = (a.lower().rstrip(".") for a in _ADDRESS.findall(mail.text))
    return tuple(dict.fromkeys(a for a in found if a not in own))
