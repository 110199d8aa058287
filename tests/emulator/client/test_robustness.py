"""Whatever arrives, the emulator answers in Gmail's shape and keeps serving."""

from __future__ import annotations

import http.client
import json
import socket
import threading
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from emu_helpers import rfc822
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gmail_emulator.app import Emulator
from gmail_emulator.batch import BatchFormatError, parse_batch
from gmail_emulator.testing import ServerHandle
from gmail_emulator.wire import Request, parse_query

_EMULATOR = Emulator()
_EMULATOR.backend.create_mailbox("fuzz@example.com")
_TOKEN = _EMULATOR.tokens.issue("fuzz@example.com", "https://mail.google.com/").access_token

_SEGMENTS = st.sampled_from(
    ["gmail", "v1", "users", "me", "messages", "threads", "drafts", "labels", "history",
     "attachments", "send", "import", "batchModify", "modify", "x", "%zz", "", "upload", "batch"]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    method=st.sampled_from(["GET", "POST", "PUT", "PATCH", "DELETE"]),
    segments=st.lists(_SEGMENTS, max_size=8),
    query=st.text(max_size=40),
    body=st.binary(max_size=200),
    content_type=st.sampled_from(
        ["application/json", "multipart/related; boundary=b", "message/rfc822", ""]
    ),
)
def test_any_request_gets_a_well_formed_answer(
    method: str, segments: list[str], query: str, body: bytes, content_type: str
) -> None:
    target = "/" + "/".join(segments) + ("?" + query if query else "")
    request = Request.build(
        method,
        target,
        {"Authorization": f"Bearer {_TOKEN}", "Content-Type": content_type},
        body,
    )
    response = _EMULATOR.handle(request, "http://127.0.0.1:1")
    assert 200 <= response.status < 600
    if response.status >= 400 and (response.header("Content-Type") or "").startswith(
        "application/json"
    ):
        error = json.loads(response.body)["error"]
        assert error["code"] == response.status
    assert b"Traceback" not in response.body


@settings(max_examples=150, deadline=None)
@given(body=st.binary(max_size=400), boundary=st.text(min_size=1, max_size=10))
def test_batch_parser_is_total(body: bytes, boundary: str) -> None:
    try:
        parts = parse_batch(body, f'multipart/mixed; boundary="{boundary}"')
    except BatchFormatError:
        return
    assert all(part.method for part in parts)


def test_concurrent_keep_alive_clients_all_get_answers(mailbox: Any) -> None:
    ids = [mailbox.admin.deliver(mailbox.email, rfc822(subject=f"c{n}"))["id"] for n in range(5)]
    parts = urlsplit(mailbox.url)
    failures: list[str] = []

    def client() -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        try:
            for n in range(40):
                conn.request(
                    "GET",
                    f"/gmail/v1/users/me/messages/{ids[n % 5]}",
                    headers={"Authorization": f"Bearer {mailbox.access_token}"},
                )
                resp = conn.getresponse()
                if resp.status != 200 or json.loads(resp.read())["id"] != ids[n % 5]:
                    failures.append(f"status {resp.status}")
        finally:
            conn.close()

    threads = [threading.Thread(target=client) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_garbage_on_the_socket_gets_400_and_server_survives(emulator: ServerHandle) -> None:
    parts = urlsplit(emulator.url)
    assert parts.hostname is not None
    assert parts.port is not None
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(b"this is not http\r\n\r\n")
        answer = sock.recv(1024)
    assert answer.startswith(b"HTTP/1.1 400")
    assert emulator.admin.health()["status"] == "ok"


@settings(max_examples=200, deadline=None)
@given(pairs=st.lists(st.tuples(st.text(min_size=1, max_size=8), st.text(max_size=12)), max_size=6))
def test_query_parsing_matches_the_stdlib(pairs: list[tuple[str, str]]) -> None:
    query = urlencode(pairs)
    assert parse_query(query) == parse_qs(query, keep_blank_values=True)
