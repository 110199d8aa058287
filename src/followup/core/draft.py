"""A composed reply and its RFC 5322 form.

Every header value here may come from received mail (names, subjects, message
ids), so each is stripped of CR/LF and control characters and set through the
``email`` header API; the body text never reaches a header.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP

FOLLOWUP_ID_HEADER = "X-Followup-Id"  # the outbox key: find our own drafts again

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

    def to_message(self, intent_key: str) -> EmailMessage:
        msg = EmailMessage(policy=SMTP)
        msg["From"] = _address(self.from_name, self.from_address)
        msg["To"] = _address(self.to_name, self.to)
        msg["Subject"] = clean_header(self.subject) or "Follow-up"
        in_reply_to = clean_msgid(self.in_reply_to) if self.in_reply_to else None
        if in_reply_to:
            msg["In-Reply-To"] = in_reply_to
        refs = [r for r in (clean_msgid(x) for x in self.references) if r]
        if refs:
            msg["References"] = " ".join(refs)
        msg[FOLLOWUP_ID_HEADER] = clean_header(intent_key)
        msg.set_content(self.text)
        msg.add_alternative(self.html, subtype="html")
        # A boundary derived from the key keeps the bytes identical across replays.
        msg.set_boundary("==followup-" + hashlib.sha256(intent_key.encode()).hexdigest()[:24])
        return msg

    def to_bytes(self, intent_key: str) -> bytes:
        """RFC 5322 bytes (CRLF line ends) with the X-Followup-Id header set to intent_key."""
        return self.to_message(intent_key).as_bytes()
