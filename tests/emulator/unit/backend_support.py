"""Helpers for the backend's unit tests: call the backend as the server does, build mail."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from gmail_emulator.backend import Backend

ME = "me@example.com"
START = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)


class Api:
    """Calls the backend the way the server does, with short keyword syntax for params."""

    def __init__(self, backend: Backend, user: str = ME) -> None:
        self.backend = backend
        self.user = user

    def __call__(self, method: str, body: Any = None, **params: Any) -> Any:
        wire: dict[str, Sequence[str]] = {"userId": ["me"]}
        for name, value in params.items():
            if isinstance(value, list | tuple):
                wire[name] = [str(v) for v in value]
            elif isinstance(value, bool):
                wire[name] = ["true" if value else "false"]
            else:
                wire[name] = [str(value)]
        return self.backend.call(self.user, f"gmail.users.{method}", wire, body)


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def mail(
    subject: str = "Interview at Acme",
    *,
    sender: str = "Ann Lee <ann@acme.example>",
    to: str = ME,
    body: str = "Hello, thanks for applying.",
    message_id: str | None = None,
    in_reply_to: str | None = None,
    date: str | None = "Mon, 02 Mar 2026 09:00:00 +0000",
    extra: Sequence[str] = (),
) -> bytes:
    """A small well-formed text/plain message."""
    lines = [f"From: {sender}", f"To: {to}", f"Subject: {subject}"]
    if date:
        lines.append(f"Date: {date}")
    if message_id:
        lines.append(f"Message-ID: {message_id}")
    if in_reply_to:
        lines += [f"In-Reply-To: {in_reply_to}", f"References: {in_reply_to}"]
    lines += list(extra)
    lines += ["Content-Type: text/plain; charset=utf-8", "", body, ""]
    return "\r\n".join(lines).encode("utf-8")
