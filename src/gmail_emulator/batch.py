"""The batch endpoint's wire format: multipart/mixed of application/http parts.

The client library sends LF-only line endings and parses our answer with the
email package, but then splits each inner response at ``\\r\\n\\r\\n`` (notes §8),
so we read either ending and always write CRLF.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from http import HTTPStatus

from gmail_emulator.wire import Response

# BATCH: "You're limited to 100 calls in a single batch request."
MAX_PARTS = 100

_BOUNDARY = re.compile(r'boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))', re.IGNORECASE)


class BatchFormatError(ValueError):
    """Raised when a batch body cannot be parsed."""


@dataclass(frozen=True, slots=True)
class BatchPart:
    """One inner request of a batch."""

    content_id: str | None
    method: str
    target: str
    headers: dict[str, str]
    body: bytes


def boundary_of(content_type: str) -> str | None:
    found = _BOUNDARY.search(content_type)
    if not found:
        return None
    return found.group(1) or found.group(2)


def split_multipart(body: bytes, boundary: str) -> list[bytes]:
    """The parts between ``--boundary`` lines (preamble and epilogue dropped)."""
    delimiter = b"--" + boundary.encode("latin-1", "replace")  # headers arrive as latin-1
    chunks = body.split(delimiter)
    parts: list[bytes] = []
    for chunk in chunks[1:]:
        if chunk.startswith(b"--"):
            break
        _, newline, rest = chunk.partition(b"\n")  # the rest of the delimiter line
        if not newline:
            continue
        if rest.endswith(b"\r\n"):
            rest = rest[:-2]
        elif rest.endswith(b"\n"):
            rest = rest[:-1]
        parts.append(rest)
    return parts


def split_head(data: bytes) -> tuple[dict[str, str], bytes]:
    """Headers (lower-cased names) and body of a MIME entity, CRLF or LF."""
    if data.startswith(b"\r\n"):
        return {}, data[2:]
    if data.startswith(b"\n"):
        return {}, data[1:]
    ends = [(i, len(sep)) for sep in (b"\r\n\r\n", b"\n\n") if (i := data.find(sep)) >= 0]
    if ends:
        index, size = min(ends)
        head, body = data[:index], data[index + size :]
    else:
        head, body = data, b""
    headers: dict[str, str] = {}
    last: str | None = None
    for raw_line in head.decode("latin-1").splitlines():
        if raw_line[:1] in (" ", "\t") and last is not None:
            headers[last] += " " + raw_line.strip()
            continue
        name, colon, value = raw_line.partition(":")
        if not colon:
            continue
        last = name.strip().lower()
        headers[last] = value.strip()
    return headers, body


def parse_batch(body: bytes, content_type: str) -> list[BatchPart]:
    """The inner requests; raises BatchFormatError for anything unparseable."""
    if not content_type.lower().startswith("multipart/"):
        raise BatchFormatError("Batch requests must be multipart/mixed.")
    boundary = boundary_of(content_type)
    if boundary is None:
        raise BatchFormatError("Missing multipart boundary.")
    parts: list[BatchPart] = []
    for raw in split_multipart(body, boundary):
        outer, inner = split_head(raw)
        line, _, rest = inner.lstrip(b"\r\n").partition(b"\n")
        pieces = line.decode("latin-1").strip().split()
        if len(pieces) < 2:
            raise BatchFormatError("Invalid inner request line.")
        headers, inner_body = split_head(rest)
        parts.append(
            BatchPart(
                content_id=outer.get("content-id"),
                method=pieces[0].upper(),
                target=pieces[1],
                headers=headers,
                body=inner_body,
            )
        )
    return parts


def response_id(content_id: str | None) -> str | None:
    """``<abc + 1>`` -> ``<response-abc + 1>``, the form the client library splits."""
    if content_id is None:
        return None
    return "<response-" + content_id.strip().strip("<>") + ">"


def render_batch(answers: Sequence[tuple[str | None, Response]]) -> tuple[bytes, str]:
    """The multipart/mixed body and its Content-Type."""
    boundary = "batch_" + secrets.token_hex(12)
    out = bytearray()
    for content_id, response in answers:
        out += f"--{boundary}\r\nContent-Type: application/http\r\n".encode()
        rid = response_id(content_id)
        if rid is not None:
            out += f"Content-ID: {rid}\r\n".encode()
        out += b"\r\n"
        reason = _reason(response.status)
        out += f"HTTP/1.1 {response.status} {reason}\r\n".encode()
        for name, value in response.headers:
            out += f"{name}: {value}\r\n".encode()
        out += f"Content-Length: {len(response.body)}\r\n\r\n".encode()
        out += response.body + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/mixed; boundary={boundary}"


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"
