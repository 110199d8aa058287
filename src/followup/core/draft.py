"""A composed reply and its RFC 5322 form.

Every header value here may come from received mail (names, subjects, message
ids), so each is stripped of CR/LF and control characters and set through the
``email`` header API; the body text never reaches a header.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from email import charset as email_charset
from email.header import Header
from email.headerregistry import Address
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from email.utils import formataddr
from functools import lru_cache
from typing import cast

FOLLOWUP_ID_HEADER = "X-Followup-Id"  # the outbox key: find our own drafts again

# Quoted-printable keeps the raw draft readable; base64 (the utf-8 default) would not be.
_UTF8_QP = email_charset.Charset("utf-8")
_UTF8_QP.body_encoding = email_charset.QP
_CRLF = compat32.clone(linesep="\r\n")

_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_MSGID = re.compile(r"<[^<>\s]+>")


def clean_header(value: str) -> str:
    """One line of header text: control characters (CR, LF, NUL...) become a space."""
    return " ".join(_CONTROL.sub(" ", value).split())


def clean_msgid(value: str) -> str | None:
    """A single ``<id@host>`` token, or None when nothing usable is there."""
    found = _MSGID.search(clean_header(value))
    if found:
        return found.group(0)
    bare = clean_header(value).strip("<>")
    if bare and " " not in bare and "<" not in bare and ">" not in bare:
        return f"<{bare}>"
    return None


def _address(name: str | None, addr: str) -> Address:
    addr = clean_header(addr).replace(" ", "")
    display = clean_header(name or "")
    try:
        return Address(display_name=display, addr_spec=addr)
    except (ValueError, IndexError):
        pass
    # Old-style local parts ("a.", "a..b") are real but not dot-atoms: quote them.
    username, at, domain = addr.rpartition("@")
    if not at or not username or not domain:
        raise ValueError(f"unusable address {addr!r}")
    try:
        return Address(display_name=display, username=username, domain=domain)
    except (ValueError, IndexError):
        raise ValueError(f"unusable address {addr!r}") from None


@lru_cache(maxsize=4096)
def mailbox(name: str | None, addr: str) -> str:
    """``Name <addr>`` with the name RFC 2047-encoded; ValueError for an unusable address.

    Parsed once by the strict header registry (cached: it is the slow part of
    composing), then written by ``formataddr``.
    """
    parsed = _address(name, addr)
    return formataddr((parsed.display_name, parsed.addr_spec), charset="utf-8")


def _header_text(value: str) -> str:
    """ASCII as is; anything else as a Header, which the generator RFC 2047-encodes and folds."""
    if value.isascii():
        return value
    # compat32 messages take Header objects; typeshed only admits str here.
    return cast(str, Header(value, "utf-8", header_name="Subject"))


@dataclass(frozen=True, slots=True)
class ComposedDraft:
    """A reply ready for Gmail: addressed, threaded, in plain text and simple HTML."""

    to: str
    to_name: str | None
    from_address: str
    from_name: str | None
    subject: str
    in_reply_to: str | None
    references: tuple[str, ...]
    text: str
    html: str

    def to_message(self, intent_key: str) -> Message:
        """The MIME message. Built with the compat32 classes: the modern API is ~10x slower."""
        boundary = "==followup-" + hashlib.sha256(intent_key.encode()).hexdigest()[:24]
        # A boundary derived from the key keeps the bytes identical across replays.
        msg = MIMEMultipart("alternative", boundary=boundary)
        msg["From"] = mailbox(self.from_name, self.from_address)
        msg["To"] = mailbox(self.to_name, self.to)
        msg["Subject"] = _header_text(clean_header(self.subject) or "Follow-up")
        in_reply_to = clean_msgid(self.in_reply_to) if self.in_reply_to else None
        if in_reply_to:
            msg["In-Reply-To"] = in_reply_to
        refs = [r for r in (clean_msgid(x) for x in self.references) if r]
        if refs:
            msg["References"] = " ".join(refs)
        msg[FOLLOWUP_ID_HEADER] = clean_header(intent_key)
        msg.attach(MIMEText(self.text, "plain", _UTF8_QP))  # type: ignore[arg-type]
        msg.attach(MIMEText(self.html, "html", _UTF8_QP))  # type: ignore[arg-type]
        return msg

    def to_bytes(self, intent_key: str) -> bytes:
        """RFC 5322 bytes (CRLF line ends) with the X-Followup-Id header set to intent_key."""
        return as_rfc5322(self.to_message(intent_key))


def as_rfc5322(msg: Message) -> bytes:
    """A message from :meth:`ComposedDraft.to_message` as bytes, CRLF line ends."""
    return msg.as_bytes(policy=_CRLF)
