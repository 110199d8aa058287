"""read_mail is total: any bytes give a reading, never an exception (issue 4, "never crashes")."""

from __future__ import annotations

import base64
import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.mail import MailKind, MailReading, parse_gmail_payload, read_mail


def _cpython_email_data() -> Path | None:
    """Lib/test/test_email/data from this interpreter, or from the base one behind the venv."""
    spec = importlib.util.find_spec("test.test_email")
    if spec is not None and spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations))) / "data"
        if folder.is_dir():
            return folder
    base = (
        Path(sys.base_prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}"
    )
    folder = base / "test" / "test_email" / "data"
    return folder if folder.is_dir() else None


DATA = _cpython_email_data()


def _assert_sane(reading: MailReading) -> None:
    assert isinstance(reading.kind, MailKind)
    assert 0.0 <= reading.confidence <= 1.0
    assert reading.reasons
    if reading.unparseable is not None:
        assert reading.kind is MailKind.OTHER
        assert reading.confidence == 0.0


@pytest.mark.skipif(DATA is None, reason="CPython's test_email data is not installed here")
def test_every_cpython_email_test_message_gets_a_reading() -> None:
    assert DATA is not None
    files = sorted(p for p in DATA.iterdir() if p.is_file())
    assert files
    for path in files:
        _assert_sane(read_mail(path.read_bytes()))


HEADER_NAMES = st.sampled_from(
    ["From", "To", "Subject", "Date", "Content-Type", "Content-Transfer-Encoding",
     "Auto-Submitted", "MIME-Version", "References", "Message-ID", "X-Autoreply"]
)  # fmt: skip
HEADER_VALUES = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            'multipart/mixed; boundary="b"',
            "multipart/report; report-type=delivery-status",
            "text/calendar; method=REQUEST",
            "text/html; charset=utf-16",
            "text/plain; charset=no-such-charset",
            "base64",
            "quoted-printable",
            "=?utf-8?b?////?=",
            "Mon, 99 Foo 2026 99:99:99 +9999",
            "<a@b> <<<",
        ]
    ),
)
BODIES = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.just(b"--b\r\nContent-Type: text/calendar\r\n\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"),
)


@st.composite
def messages(draw: st.DrawFn) -> bytes:
    headers = draw(st.lists(st.tuples(HEADER_NAMES, HEADER_VALUES), max_size=8))
    head = "".join(f"{name}: {value}\r\n" for name, value in headers)
    return head.encode("utf-8", "surrogatepass") + b"\r\n" + draw(BODIES)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messages())
def test_malformed_messages_never_raise(raw: bytes) -> None:
    _assert_sane(read_mail(raw))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_never_raise(raw: bytes) -> None:
    _assert_sane(read_mail(raw))


def test_input_without_any_header_is_unparseable_with_a_reason() -> None:
    reading = read_mail(b"\x00\x01\x02 no headers here at all\n")
    assert reading.kind is MailKind.OTHER
    assert reading.confidence == 0.0
    assert reading.unparseable


@settings(max_examples=60, deadline=None)
@given(
    st.recursive(
        st.dictionaries(
            st.sampled_from(["mimeType", "headers", "body", "parts", "filename"]),
            st.one_of(st.text(max_size=20), st.integers(), st.none()),
            max_size=5,
        ),
        lambda children: st.dictionaries(st.just("parts"), st.lists(children, max_size=3)),
        max_leaves=8,
    )
)
def test_malformed_gmail_payloads_never_raise(payload: dict[str, object]) -> None:
    parsed = parse_gmail_payload(payload)
    assert parsed.unparseable is not None or parsed.subject is not None


def test_gmail_payload_base64url_without_padding_is_decoded() -> None:
    body = "Unfortunately we have decided not to move forward with your application."
    data = base64.urlsafe_b64encode(body.encode()).decode().rstrip("=")
    payload = {
        "mimeType": "multipart/mixed",
        "headers": [
            {"name": "From", "value": "Ana <ana@orbital.example>"},
            {"name": "Subject", "value": "Your application"},
            {"name": "Date", "value": "Tue, 03 Mar 2026 10:00:00 +0100"},
        ],
        "body": {"size": 0},
        "parts": [
            {"mimeType": "text/plain", "headers": [], "body": {"size": len(body), "data": data}},
            {
                "mimeType": "application/pdf",
                "filename": "cv.pdf",
                "headers": [],
                "body": {"size": 1234, "attachmentId": "ANGjdJ8"},
            },
        ],
    }
    parsed = parse_gmail_payload(payload)
    assert parsed.text == body
    assert parsed.from_addr == "ana@orbital.example"
    assert [(a.filename, a.mime_type, a.size) for a in parsed.attachments] == [
        ("cv.pdf", "application/pdf", 1234)
    ]


def test_deeply_nested_html_is_read_without_recursion_errors() -> None:
    raw = b"From: a@b.example\r\nSubject: x\r\nContent-Type: text/html\r\n\r\n" + b"<div>" * 20000
    reading = read_mail(raw)
    assert reading.unparseable is None
    assert reading.kind is MailKind.OTHER


def test_attachments_read_as_filename_type_size_triples() -> None:
    raw = (
        b"From: a@b.example\r\nSubject: offer\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\n"
        b"see attached\r\n--b\r\nContent-Type: application/pdf\r\n"
        b'Content-Disposition: attachment; filename="offer.pdf"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--b--\r\n"
    )
    (filename, mime_type, size), *_ = read_mail(raw).attachments
    assert (filename, mime_type, size) == ("offer.pdf", "application/pdf", 5)
