"""Turn a raw RFC 5322 message, or Gmail's ``format=full`` JSON, into a ParsedMail.

Both shapes are first flattened into the same list of leaf parts, so everything after that
(body choice, calendar, attachments, delivery reports) is written once.
"""

from __future__ import annotations

import base64
import binascii
import email
import email.header
import email.message
import email.utils
import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.policy import compat32
from typing import Any

from followup.mail.calendar import parse_calendar
from followup.mail.model import Attachment, CalendarEvent, ParsedMail
from followup.mail.text import decode_bytes, html_to_text, new_text_of, normalise_lines

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Leaf:
    """One non-multipart part, in a shape shared by both input formats."""

    content_type: str
    charset: str | None
    filename: str
    is_attachment: bool
    payload: bytes
    size: int
    forwarded: bool
    """Inside an attached message/rfc822 (a forward or a bounce's returned copy)."""


def parse_message(raw: bytes) -> ParsedMail:
    """Parse raw message bytes; never raises (a failure is reported in ``unparseable``)."""
    if not isinstance(raw, bytes | bytearray) or not raw.strip():
        return ParsedMail(unparseable="empty input")
    try:
        message = email.message_from_bytes(bytes(raw), policy=compat32)
        headers = tuple((str(k), _decode_header(v)) for k, v in message.items())
        if not headers:
            return ParsedMail(unparseable="no RFC 5322 header fields found")
        leaves = list(_walk_message(message, forwarded=False))
        return _build(headers, leaves)
    except Exception as exc:  # the stdlib parser has many failure types on hostile input
        log.warning("message unparseable", extra={"error": type(exc).__name__})
        return ParsedMail(unparseable=f"parser failed: {type(exc).__name__}")


def parse_gmail_payload(payload: Mapping[str, Any]) -> ParsedMail:
    """Parse the ``payload`` object of a Gmail ``users.messages.get`` (format=full) answer.

    Bodies are base64url without padding; parts that only carry an ``attachmentId`` are
    listed as attachments with their size but no content, as the API left them out.
    """
    try:
        raw_headers = payload.get("headers") or []
        headers = tuple(
            (str(h.get("name", "")), _decode_header(str(h.get("value", ""))))
            for h in raw_headers
            if isinstance(h, Mapping)
        )
        if not headers:
            return ParsedMail(unparseable="payload has no headers")
        leaves = list(_walk_payload(payload, forwarded=False))
        return _build(headers, leaves)
    except Exception as exc:
        log.warning("gmail payload unparseable", extra={"error": type(exc).__name__})
        return ParsedMail(unparseable=f"payload unreadable: {type(exc).__name__}")


# --- walking ----------------------------------------------------------------------------


def _walk_message(part: email.message.Message, *, forwarded: bool) -> Iterator[_Leaf]:
    content_type = part.get_content_type().lower()
    payload = part.get_payload()
    if content_type == "message/delivery-status":
        text = (
            "\n".join(str(block) for block in payload)
            if isinstance(payload, list)
            else str(payload)
        )
        data = text.encode("utf-8", errors="replace")
        yield _Leaf(content_type, "utf-8", "", False, data, len(data), forwarded)
        return
    if content_type.startswith("message/") and part.is_multipart():
        for sub in payload if isinstance(payload, list) else []:
            if isinstance(sub, email.message.Message):
                yield from _walk_message(sub, forwarded=True)
        return
    if part.is_multipart():
        for sub in payload if isinstance(payload, list) else []:
            if isinstance(sub, email.message.Message):
                yield from _walk_message(sub, forwarded=forwarded)
        return
    decoded: object = part.get_payload(decode=True)
    data = decoded if isinstance(decoded, bytes) else str(payload).encode("utf-8", "replace")
    filename = _decode_header(part.get_filename() or part.get_param("name") or "")
    disposition = (part.get("Content-Disposition") or "").split(";")[0].strip().lower()
    charset = part.get_content_charset()
    yield _Leaf(
        content_type,
        charset,
        str(filename),
        disposition == "attachment" or bool(filename),
        data,
        len(data),
        forwarded,
    )


def _walk_payload(part: Mapping[str, Any], *, forwarded: bool) -> Iterator[_Leaf]:
    mime = str(part.get("mimeType") or "text/plain").lower()
    subparts = part.get("parts") or []
    if subparts:
        inner = forwarded or mime == "message/rfc822"
        for sub in subparts:
            if isinstance(sub, Mapping):
                yield from _walk_payload(sub, forwarded=inner)
        return
    body = part.get("body") or {}
    data = _b64url(str(body.get("data") or "")) if isinstance(body, Mapping) else b""
    size = int(body.get("size") or len(data)) if isinstance(body, Mapping) else len(data)
    headers = {
        str(h.get("name", "")).lower(): str(h.get("value", ""))
        for h in part.get("headers") or []
        if isinstance(h, Mapping)
    }
    charset_match = re.search(r'charset="?([^";\s]+)', headers.get("content-type", ""), re.I)
    filename = str(part.get("filename") or "")
    disposition = headers.get("content-disposition", "").split(";")[0].strip().lower()
    yield _Leaf(
        mime,
        charset_match.group(1) if charset_match else None,
        filename,
        disposition == "attachment" or bool(filename),
        data,
        size,
        forwarded,
    )


def _b64url(data: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    except (binascii.Error, ValueError):
        return b""


# --- building -----------------------------------------------------------------------------


def _build(headers: tuple[tuple[str, str], ...], leaves: Sequence[_Leaf]) -> ParsedMail:
    def first(name: str) -> str:
        wanted = name.lower()
        return next((v for k, v in headers if k.lower() == wanted), "")

    date = _parse_date(first("Date"))
    from_name, from_addr = _one_address(first("From"))
    content_type = first("Content-Type").split(";")[0].strip().lower() or "text/plain"

    plain = next(
        (
            x
            for x in leaves
            if x.content_type == "text/plain" and not x.is_attachment and not x.forwarded
        ),
        None,
    )
    html = next(
        (
            x
            for x in leaves
            if x.content_type == "text/html" and not x.is_attachment and not x.forwarded
        ),
        None,
    )
    if plain is not None and plain.payload.strip():
        text = normalise_lines(decode_bytes(plain.payload, plain.charset))
        new_text = new_text_of(text)
    elif html is not None:
        text, unquoted = html_to_text(decode_bytes(html.payload, html.charset))
        new_text = new_text_of(unquoted)
    else:
        text = new_text = ""
    if not new_text:
        # A forward with no note of its own: the forwarded text is all there is to read.
        forwarded = next(
            (x for x in leaves if x.content_type == "text/plain" and x.forwarded), None
        )
        if forwarded is not None and not text:
            text = normalise_lines(decode_bytes(forwarded.payload, forwarded.charset))
        new_text = text

    calendar: CalendarEvent | None = None
    attachments: list[Attachment] = []
    report_text = ""
    for leaf in leaves:
        is_calendar = leaf.content_type in ("text/calendar", "application/ics") or (
            leaf.filename.lower().endswith(".ics")
        )
        if is_calendar and calendar is None and not leaf.forwarded and leaf.payload:
            calendar = parse_calendar(leaf.payload, fallback_tz=date.tzinfo if date else None)
        if leaf.content_type == "message/delivery-status":
            report_text += decode_bytes(leaf.payload, leaf.charset) + "\n"
        elif leaf.is_attachment and not leaf.forwarded:
            attachments.append(Attachment(leaf.filename, leaf.content_type, leaf.size))

    is_report = bool(report_text) or (
        content_type == "multipart/report" and "delivery-status" in first("Content-Type").lower()
    )
    return ParsedMail(
        subject=_one_line(first("Subject")),
        from_addr=from_addr,
        from_name=from_name,
        to=_addresses(headers, "To"),
        cc=_addresses(headers, "Cc"),
        reply_to=_addresses(headers, "Reply-To"),
        date=date,
        message_id=first("Message-ID").strip(),
        in_reply_to=first("In-Reply-To").strip(),
        references=tuple(re.findall(r"<[^<>\s]+>", first("References"))),
        headers=headers,
        content_type=content_type,
        text=text,
        new_text=new_text,
        calendar=calendar,
        attachments=tuple(attachments),
        is_delivery_report=is_report,
        dsn_recipients=_failed_recipients(report_text),
    )


_FINAL_RECIPIENT = re.compile(
    r"^(?:final|original)-recipient:\s*(?:[\w.-]+;)?\s*<?([^\s<>;]+@[^\s<>;]+)>?", re.I | re.M
)
_ACTION = re.compile(r"^action:\s*(\w+)", re.I | re.M)


def _failed_recipients(report: str) -> tuple[str, ...]:
    """Recipients of per-recipient DSN blocks whose Action is failed (or unstated)."""
    found: list[str] = []
    for block in re.split(r"\n\s*\n", report):
        action = _ACTION.search(block)
        if action and action.group(1).lower() not in ("failed", "failure"):
            continue
        for match in _FINAL_RECIPIENT.finditer(block):
            address = match.group(1).strip().lower()
            if address not in found:
                found.append(address)
    return tuple(found)


# Undecodable header bytes survive parsing as lone surrogates (surrogateescape); a regex finds
# them ten times faster than a per-character scan, which cost a tenth of a message's reading.
_SURROGATES = re.compile("[\udc80-\udcff]")


def _decode_header(value: object) -> str:
    """Decode RFC 2047 words; undecodable bytes become windows-1252 rather than an error."""
    if isinstance(value, email.header.Header):
        # Raw 8-bit header bytes (RFC 6532 UTF-8, or a legacy charset) arrive as a Header of
        # "unknown-8bit" chunks; str() would turn each byte into U+FFFD.
        return _header_text(value)
    text = str(value)
    if _SURROGATES.search(text):
        text = decode_bytes(text.encode("utf-8", errors="surrogateescape"), None)
    if "=?" not in text:
        return text
    try:
        return str(email.header.make_header(email.header.decode_header(text)))
    except Exception:  # malformed encoded-words or unknown charsets: keep the raw text
        return text


def _header_text(header: email.header.Header) -> str:
    parts: list[str] = []
    for chunk, charset in email.header.decode_header(header):
        if isinstance(chunk, bytes):
            known = charset if charset and charset != "unknown-8bit" else None
            parts.append(decode_bytes(chunk, known))
        else:
            parts.append(chunk)
    return _decode_header(" ".join(p.strip() for p in parts if p.strip()))


def _one_line(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def _one_address(value: str) -> tuple[str, str]:
    pairs = email.utils.getaddresses([value]) if value else []
    for name, address in pairs:
        if address:
            return _one_line(name).strip("'\" "), address.strip().lower()
    return _one_line(value), ""


def _addresses(headers: tuple[tuple[str, str], ...], name: str) -> tuple[str, ...]:
    values = [v for k, v in headers if k.lower() == name.lower()]
    if not values:
        return ()
    try:
        pairs = email.utils.getaddresses(values)
    except Exception:  # getaddresses is strict about some malformed groups
        return ()
    return tuple(a.strip().lower() for _, a in pairs if a and "@" in a)


def _parse_date(value: str) -> datetime | None:
    if not value.strip():
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)  # RFC 5322 "-0000": time is UTC, zone unknown
    return parsed
