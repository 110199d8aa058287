"""RFC 5322 bytes to Gmail's JSON views (payload tree, snippet, headers, attachments).

Messages are stored as the raw bytes the client gave; every view is derived from them, so MIME
structure round-trips exactly. Parsing uses the stdlib ``email`` package with the ``compat32``
policy because it never raises on malformed input (it records defects instead) and is faster
than the modern policy; anything it still manages to trip on falls back to "one text/plain
part", so a malformed message is served, never turned into a crash.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import html
import re
from dataclasses import dataclass
from email import message_from_bytes
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import compat32
from html.parser import HTMLParser
from typing import Any

SNIPPET_CHARS = 200  # Gmail's snippets are about this long (observed, not documented)

_HEADER_PARSER = BytesHeaderParser(policy=compat32)
_FOLD = re.compile(r"\r?\n(?=[ \t])")


# --- base64url ---------------------------------------------------------------------------


def b64url_nopad(data: bytes) -> str:
    """body.data and attachment data: base64url without '=' padding, as Gmail sends them."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_padded(data: bytes) -> str:
    """format=raw: Gmail pads this one."""
    return base64.urlsafe_b64encode(data).decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Decode base64url sent by a client, padded or not; standard base64 is accepted too.

    Raises ValueError for text that is not base64 at all.
    """
    cleaned = "".join(text.split())
    cleaned = cleaned.replace("+", "-").replace("/", "_")
    cleaned += "=" * (-len(cleaned) % 4)
    try:
        return base64.urlsafe_b64decode(cleaned.encode("ascii"))
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise ValueError("not base64url") from exc


# --- headers ------------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """Make text safe for JSON/UTF-8: 8-bit bytes smuggled in as surrogates become UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogateescape")
        return raw.decode("utf-8", "replace")
    return text


def decode_header_value(value: object) -> str:
    """Unfold and decode RFC 2047 encoded-words, as Gmail's payload headers show them."""
    text = clean_text(str(value))
    text = _FOLD.sub("", text)
    if "=?" in text:
        with contextlib.suppress(
            ValueError, LookupError, UnicodeError, AssertionError, binascii.Error
        ):
            text = str(make_header(decode_header(text)))
    return clean_text(text)


def header_block(raw: bytes) -> list[tuple[str, str]]:
    """All top-level headers, in order, decoded; cheap because the body is not parsed."""
    block = raw[: _split(raw)[0]]
    fields = _plain_headers(block)
    if fields is not None:
        return [(k, decode_header_value(v)) for k, v in fields]
    try:
        msg = _HEADER_PARSER.parsebytes(block)
        return [(clean_text(k), decode_header_value(v)) for k, v in msg.items()]
    except Exception:  # the parser promises not to raise; this is the last line of defence
        return []


def _split(raw: bytes) -> tuple[int, int]:
    """Where the header block ends (after its last newline) and where the body starts."""
    crlf = raw.find(b"\r\n\r\n")
    lf = raw.find(b"\n\n")
    if crlf >= 0 and (lf < 0 or crlf < lf):
        return crlf + 2, crlf + 4
    if lf >= 0:
        return lf + 1, lf + 2
    return len(raw), len(raw)


# --- the payload tree ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Parsed:
    """Everything derived from a message's bytes that the API serves or searches.

    ``payload`` is shared by every response built from this cache entry: callers must not
    mutate it.
    """

    payload: dict[str, Any]
    snippet: str
    text: str  # body text (plain, or HTML stripped) for bare-word search
    has_attachment: bool
    filenames: tuple[str, ...]


def parse(raw: bytes, *, fast: bool = True) -> Parsed:
    """Build Gmail's view of one message; never raises.

    ``fast=False`` forces the stdlib parser for every message; tests use it to check that the
    fast path gives the same answer.
    """
    try:
        msg = (_single_part(raw) if fast else None) or message_from_bytes(raw, policy=compat32)
        walker = _Walker()
        payload = walker.part(msg, "")
    except Exception:  # a last line of defence: serve the bytes as one text part
        return _fallback(raw)
    text = walker.best_text()
    return Parsed(
        payload=payload,
        snippet=make_snippet(text),
        text=text,
        has_attachment=bool(walker.attachments),
        filenames=tuple(walker.filenames),
    )


_HEADER_START = re.compile(r"[\041-\071\073-\176]+:")
_ODD_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)")


def _single_part(raw: bytes) -> Message | None:
    """The fast path for the common message: plain ASCII headers and a one-part body.

    It builds the same Message the stdlib parser would (header values split and stripped as
    ``compat32`` does, the body as the payload) without running the line-by-line feed parser
    over the body. Anything unusual (multipart, message/*, 8-bit or malformed headers) returns
    None and takes the full parser.
    """
    header_end, body_start = _split(raw)
    fields = _plain_headers(raw[:header_end])
    if fields is None:
        return None
    msg = Message()
    for name, value in fields:
        msg[name] = value
    if msg.get_content_maintype() in ("multipart", "message"):
        return None
    msg.set_payload(raw[body_start:].decode("ascii", "surrogateescape"))
    return msg


def _plain_headers(block: bytes) -> list[tuple[str, str]] | None:
    """Split a well-formed ASCII header block exactly as ``compat32`` does, or return None."""
    if not block.isascii():
        return None
    text = block.decode("ascii")
    if _ODD_CONTROLS.search(text):
        return None
    sources: list[list[str]] = []
    for line in text.splitlines(keepends=True):
        if line[0] in " \t":
            if not sources:
                return None
            sources[-1].append(line)
        elif line.startswith("From ") or not _HEADER_START.match(line):
            return None
        else:
            sources.append([line])
    fields = []
    for source in sources:
        name, value = source[0].split(":", 1)
        fields.append((name, (value.lstrip(" \t") + "".join(source[1:])).rstrip("\r\n")))
    return fields


def attachment_data(raw: bytes, part_id: str) -> bytes | None:
    """The decoded bytes of the part with this partId, or None when there is no such part."""
    try:
        msg = message_from_bytes(raw, policy=compat32)
        part = _find_part(msg, part_id)
        return None if part is None else _leaf_bytes(part)
    except Exception:
        return None


def _find_part(msg: Message, part_id: str) -> Message | None:
    if part_id == "":
        return msg
    node = msg
    for step in part_id.split("."):
        if not step.isdigit() or not _is_container(node):
            return None
        children = _children(node)
        index = int(step)
        if index >= len(children):
            return None
        node = children[index]
    return node


def _is_container(part: Message) -> bool:
    return part.is_multipart() and part.get_content_maintype() == "multipart"


def _children(part: Message) -> list[Message]:
    payload = part.get_payload()
    if isinstance(payload, list):
        return [p for p in payload if isinstance(p, Message)]
    return []


def _leaf_bytes(part: Message) -> bytes:
    if part.is_multipart():  # message/rfc822 and friends: serve the enclosed message whole
        inner = part.get_payload()
        if isinstance(inner, list):
            return b"".join(_as_bytes(p) for p in inner if isinstance(p, Message))
        return b""
    data = part.get_payload(decode=True)
    if isinstance(data, bytes):
        return data
    return b""


def _as_bytes(part: Message) -> bytes:
    try:
        return part.as_bytes(policy=compat32)
    except Exception:
        return clean_text(part.as_string()).encode("utf-8", "replace")


class _Walker:
    """Walks a parsed message once, building the payload tree and collecting body text."""

    def __init__(self) -> None:
        self.plain: list[str] = []
        self.html: list[str] = []
        self.attachments = 0
        self.filenames: list[str] = []

    def part(self, msg: Message, part_id: str) -> dict[str, Any]:
        mime_type = _mime_type(msg)
        filename = _filename(msg) if _may_name_a_file(msg) else ""
        out: dict[str, Any] = {
            "partId": part_id,
            "mimeType": mime_type,
            "filename": filename,
        }
        headers = [{"name": clean_text(k), "value": decode_header_value(v)} for k, v in msg.items()]
        if headers:
            out["headers"] = headers
        if mime_type.startswith("multipart/") and msg.is_multipart():
            out["body"] = {"size": 0}
            children = _children(msg)
            if children:
                prefix = f"{part_id}." if part_id else ""
                out["parts"] = [self.part(c, f"{prefix}{i}") for i, c in enumerate(children)]
            return out
        data = _leaf_bytes(msg)
        if filename or _disposition(msg) == "attachment":
            self.attachments += 1
            if filename:
                self.filenames.append(filename.lower())
            body: dict[str, Any] = {"size": len(data)}
            if data:
                body = {"attachmentId": attachment_id_for(part_id), "size": len(data)}
            out["body"] = body
            return out
        if mime_type.startswith("text/"):
            # Gmail serves text bodies as UTF-8 whatever charset the part declares, and keeps
            # the declaring header as it was (seen in the wild, e.g. openclaw/gogcli#446).
            text = _decode_text(data, msg)
            data = text.encode("utf-8")
            if mime_type == "text/plain":
                self.plain.append(text)
            elif mime_type == "text/html":
                self.html.append(text)
        out["body"] = {"size": len(data), "data": b64url_nopad(data)} if data else {"size": 0}
        return out

    def best_text(self) -> str:
        if self.plain:
            return "\n".join(self.plain)
        return "\n".join(html_to_text(h) for h in self.html)


def attachment_id_for(part_id: str) -> str:
    """An opaque-looking id that still lets attachments.get find the part again."""
    token = b64url_nopad(f"part:{part_id}".encode())
    return f"ANGjdJ{token}"


def part_id_from_attachment_id(attachment_id: str) -> str | None:
    if not attachment_id.startswith("ANGjdJ"):
        return None
    try:
        decoded = b64url_decode(attachment_id[len("ANGjdJ") :]).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None
    return decoded[len("part:") :] if decoded.startswith("part:") else None


def _mime_type(msg: Message) -> str:
    try:
        return clean_text(msg.get_content_type())
    except Exception:
        return "text/plain"


def _filename(msg: Message) -> str:
    """The attachment name from Content-Disposition filename or Content-Type name."""
    try:
        name = msg.get_filename()
    except Exception:
        return ""
    return decode_header_value(name) if isinstance(name, str) else ""


def _may_name_a_file(msg: Message) -> bool:
    """Cheap pre-check: only these headers can carry a filename."""
    return "content-disposition" in msg or "name" in str(msg.get("content-type", "")).lower()


def _disposition(msg: Message) -> str:
    try:
        value = msg.get_content_disposition()
    except Exception:
        return ""
    return value or ""


def _decode_text(data: bytes, msg: Message) -> str:
    """Text of a part: its declared charset, else UTF-8, else Latin-1 (which cannot fail)."""
    try:
        charset = msg.get_content_charset()
    except Exception:
        charset = None
    if charset:
        try:
            return data.decode(charset, "replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head", "title"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "title") and self._skip:
            self._skip -= 1
        elif tag in ("p", "div", "br", "tr", "li", "h1", "h2", "h3"):
            self.chunks.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.chunks.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML body, entities decoded."""
    parser = _TextExtractor()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:
        return markup
    return " ".join(parser.chunks)


def make_snippet(text: str) -> str:
    """Gmail's snippet: the start of the body text, whitespace collapsed, HTML-escaped.

    Gmail escapes the snippet as HTML (an apostrophe comes back as ``&#39;``), which is why
    apps call ``html.unescape`` on it; we do the same so such apps see what they expect.
    """
    collapsed = " ".join(text[: SNIPPET_CHARS * 8].split())
    if len(collapsed) > SNIPPET_CHARS:
        cut = collapsed[:SNIPPET_CHARS]
        space = cut.rfind(" ")
        collapsed = cut[:space] if space > SNIPPET_CHARS // 2 else cut
    return html.escape(collapsed, quote=False).replace('"', "&quot;").replace("'", "&#39;")


def _fallback(raw: bytes) -> Parsed:
    text = raw.decode("utf-8", "replace")
    payload: dict[str, Any] = {
        "partId": "",
        "mimeType": "text/plain",
        "filename": "",
        "body": {"size": len(raw), "data": b64url_nopad(raw)} if raw else {"size": 0},
    }
    return Parsed(payload, make_snippet(text), text, False, ())
