"""Resumable upload sessions (``uploadType=resumable``).

The client first sends the metadata and gets a session URI in ``Location``, then
PUTs the bytes in one or more ``Content-Range`` chunks; 308 means "send more",
and the final chunk gets the method's normal answer. Sessions live in memory
only: a restarted emulator forgets unfinished uploads, as a client must expect.
"""

from __future__ import annotations

import re
import secrets
import threading
from dataclasses import dataclass, field
from typing import Any

_RANGE = re.compile(r"bytes\s+(?:(\d+)-(\d+)|\*)/(\d+|\*)")
MAX_SESSIONS = 1000


@dataclass
class UploadSession:
    method: str
    path: str
    query: dict[str, list[str]]
    metadata: dict[str, Any]
    authorization: str | None
    data: bytearray = field(default_factory=bytearray)


@dataclass(frozen=True, slots=True)
class Chunk:
    """What a PUT said about itself: its offset and the total size, when known."""

    start: int | None
    total: int | None


def parse_content_range(header: str | None, body_size: int) -> Chunk | None:
    """``bytes a-b/total``, ``bytes */total`` (a status query) or no header (the whole
    upload in one piece). None when malformed."""
    if header is None:
        return Chunk(0, body_size)
    found = _RANGE.fullmatch(header.strip())
    if not found:
        return None
    start = int(found.group(1)) if found.group(1) is not None else None
    total = int(found.group(3)) if found.group(3) != "*" else None
    return Chunk(start, total)


class UploadSessions:
    """Open sessions by id; thread-safe. The oldest is dropped past MAX_SESSIONS."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sessions: dict[str, UploadSession] = {}

    def open(self, session: UploadSession) -> str:
        upload_id = secrets.token_urlsafe(18)
        with self._lock:
            if len(self._sessions) >= MAX_SESSIONS:
                del self._sessions[next(iter(self._sessions))]
            self._sessions[upload_id] = session
        return upload_id

    def get(self, upload_id: str) -> UploadSession | None:
        with self._lock:
            return self._sessions.get(upload_id)

    def close(self, upload_id: str) -> None:
        with self._lock:
            self._sessions.pop(upload_id, None)
