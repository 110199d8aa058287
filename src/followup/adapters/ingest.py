"""From Gmail messages to the core's MailSeen events: which mail to fetch, and how to map it.

The first sync must not fetch the whole mailbox: Gmail's search (``q``) cuts it to mail
that can matter to a job search, then a metadata pass drops bulk mail before anything is
downloaded in full. Both filters err on the side of keeping: a newsletter read by the
classifier costs 5 units; a lost employer reply costs a job.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from followup.core.events import MailSeen
from followup.core.model import Kind
from followup.mail.model import MailReading
from followup.ports import MessageData

# Words job mail carries in its subject or body: invitations, acknowledgements, replies,
# rejections, offers, plus the auto-replies and bounces that answer the user's own mail.
JOB_TERMS: tuple[str, ...] = (
    "interview",
    "interviewing",
    "application",
    "applied",
    "candidate",
    "candidacy",
    "position",
    "role",
    "recruiter",
    "recruiting",
    "hiring",
    "offer",
    "opportunity",
    '"next steps"',
    '"your time"',
    "availability",
    "invitation",
    '"out of office"',
    '"automatic reply"',
    "undeliverable",
    '"delivery status notification"',
)

# Subjects that keep a message even when its headers say bulk mail.
_STRONG = re.compile(
    r"\b(interview\w*|application|applied|candida\w*|offer|position|next steps|"
    r"automatic reply|out of office|undeliver\w*|delivery status)\b",
    re.IGNORECASE,
)
_BULK_PRECEDENCE = frozenset({"bulk", "list", "junk"})
SKIP_LABELS = frozenset({"DRAFT", "SPAM", "TRASH", "CHAT"})


def candidate_query(days: int, terms: Iterable[str] = JOB_TERMS) -> str:
    """The first sync's ``q``: recent, not chat or promotions/social/forums, and either
    job words or the user's own sent mail (their follow-ups count too)."""
    words = " OR ".join(terms)
    return (
        f"newer_than:{days}d -in:chats -category:promotions -category:social "
        f"-category:forums ({words} OR in:sent)"
    )


def is_candidate(meta: MessageData, known_threads: Collection[str] = ()) -> bool:
    """After the metadata pass: is this worth a full download and a classifier read?"""
    if SKIP_LABELS.intersection(meta.label_ids):
        return False
    if meta.thread_id in known_threads or "SENT" in meta.label_ids:
        return True
    bulk = bool(meta.headers.get("list-unsubscribe")) or (
        meta.headers.get("precedence", "").strip().lower() in _BULK_PRECEDENCE
    )
    return not bulk or bool(_STRONG.search(meta.headers.get("subject", "")))


def to_mail_seen(
    msg: MessageData,
    reading: MailReading,
    *,
    user_addresses: Collection[str] = (),
    kind: str | None = None,
) -> MailSeen:
    """Map the classifier's reading onto the core's event; ``kind`` is a user correction."""
    sender = reading.from_addr.strip().lower()
    users = {a.lower() for a in user_addresses}
    from_user = reading.from_user or "SENT" in msg.label_ids or (bool(sender) and sender in users)
    references = tuple(reading.references)
    if reading.in_reply_to and reading.in_reply_to not in references:
        references = (*references, reading.in_reply_to)
    return MailSeen(
        message_id=msg.id,
        thread_id=msg.thread_id,
        at=msg.internal_date,
        kind=Kind(kind or reading.kind.value),
        confidence=1.0 if kind else reading.confidence,
        from_user=from_user,
        sender=sender,
        sender_name=reading.from_name or None,
        to=tuple(a.lower() for a in reading.to),
        cc=tuple(a.lower() for a in reading.cc),
        reply_to=reading.reply_to[0].lower() if reading.reply_to else None,
        subject=reading.subject,
        rfc822_message_id=reading.message_id or None,
        references=references,
        company=reading.company,
        role=reading.role,
        interview_at=reading.interview_at,
        interview_end=reading.interview_end,
        respond_by=reading.respond_by,
        back_on=reading.back_on,
        is_no_reply_sender=reading.is_no_reply_sender,
        bounced_recipients=tuple(reading.bounced_recipients),
        calendar_method=reading.calendar_method,
        reasons=tuple(reading.reasons) + (("corrected by the user",) if kind else ()),
    )
