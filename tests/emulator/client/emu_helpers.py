"""Small builders shared by the client tests."""

from __future__ import annotations

import base64
from email.message import EmailMessage


def rfc822(
    *,
    sender: str = "recruiter@acme.example",
    to: str = "me@example.com",
    subject: str = "Interview next week",
    body: str = "Hello, can we talk on Tuesday?",
    extra: dict[str, str] | None = None,
    attachment: bytes | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    for name, value in (extra or {}).items():
        msg[name] = value
    msg.set_content(body)
    if attachment is not None:
        msg.add_attachment(attachment, maintype="application", subtype="pdf", filename="resume.pdf")
    return msg.as_bytes()


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def header(message: dict[str, object], name: str) -> str | None:
    payload = message["payload"]
    assert isinstance(payload, dict)
    for item in payload["headers"]:
        if item["name"].lower() == name.lower():
            return str(item["value"])
    return None
