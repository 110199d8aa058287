"""The batch endpoint as BatchHttpRequest uses it, and its raw wire format."""

from __future__ import annotations

import http.client
import json
from typing import Any
from urllib.parse import urlsplit

from emu_helpers import rfc822
from googleapiclient.errors import HttpError

from gmail_emulator.batch import parse_batch
from gmail_emulator.testing import batch_request, emulator_service


def _collect() -> tuple[dict[str, Any], Any]:
    results: dict[str, Any] = {}

    def callback(request_id: str, response: Any, exception: Exception | None) -> None:
        results[request_id] = exception if exception is not None else response

    return results, callback


def test_batch_of_gets_answers_each_part_with_mixed_success(mailbox: Any) -> None:
    ids = [mailbox.admin.deliver(mailbox.email, rfc822(subject=f"b{n}"))["id"] for n in range(3)]
    results, callback = _collect()
    batch = batch_request(mailbox.url, callback)
    messages = mailbox.service.users().messages()
    for mid in [*ids, "0000000000000bad"]:
        batch.add(messages.get(userId="me", id=mid, format="minimal"), request_id=mid)
    batch.execute()
    for mid in ids:
        assert results[mid]["id"] == mid
    failed = results["0000000000000bad"]
    assert isinstance(failed, HttpError)
    assert failed.status_code == 404
    quota = mailbox.admin.quota(mailbox.email)[mailbox.email]
    assert quota["by_method"]["gmail.users.messages.get"] == {"calls": 4, "units": 20}


def test_batch_part_with_a_bad_token_gets_its_own_401(mailbox: Any) -> None:
    body = (
        "--XYZ\nContent-Type: application/http\nContent-ID: <a + 1>\n\n"
        f"GET /gmail/v1/users/me/profile HTTP/1.1\nAuthorization: Bearer {mailbox.access_token}\n\n"
        "--XYZ\nContent-Type: application/http\nContent-ID: <a + 2>\n\n"
        "GET /gmail/v1/users/me/profile HTTP/1.1\nAuthorization: Bearer ya29.wrong\n\n"
        "--XYZ--"
    ).encode()
    status, answer, _ = _post(
        mailbox.url, "/batch", body, {"Content-Type": "multipart/mixed; boundary=XYZ"}
    )
    assert status == 200
    first, second = answer.split(b"Content-ID: <response-a + ")[1:3]
    assert b"HTTP/1.1 200 OK" in first
    assert b"HTTP/1.1 401 Unauthorized" in second
    assert b'"reason":"authError"' in second


def test_new_batch_http_request_works_with_the_emulator_discovery_document(mailbox: Any) -> None:
    service = emulator_service(mailbox.url, mailbox.access_token)
    results, callback = _collect()
    batch = service.new_batch_http_request(callback=callback)
    batch.add(service.users().getProfile(userId="me"), request_id="p")
    batch.add(service.users().labels().list(userId="me"), request_id="l")
    batch.execute()
    assert results["p"]["emailAddress"] == mailbox.email
    assert any(label["id"] == "INBOX" for label in results["l"]["labels"])


def _post(url: str, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes, Any]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("POST", path, body=body, headers=headers)
        resp = conn.getresponse()
        return resp.status, resp.read(), resp
    finally:
        conn.close()


def _batch_body(n: int, token: str, newline: str) -> bytes:
    lines: list[str] = []
    for i in range(n):
        lines += [
            "--XYZ",
            "Content-Type: application/http",
            f"Content-ID: <item + {i}>",
            "",
            "GET /gmail/v1/users/me/profile HTTP/1.1",
            f"Authorization: Bearer {token}",
            "",
            "",
        ]
    lines.append("--XYZ--")
    return newline.join(lines).encode()


def test_batch_accepts_crlf_and_lf_and_answers_with_response_ids(mailbox: Any) -> None:
    for newline in ("\n", "\r\n"):
        status, body, resp = _post(
            mailbox.url,
            "/batch",
            _batch_body(2, mailbox.access_token, newline),
            {"Content-Type": "multipart/mixed; boundary=XYZ"},
        )
        assert status == 200
        content_type = resp.getheader("Content-Type")
        assert content_type.startswith("multipart/mixed; boundary=")
        assert b"Content-ID: <response-item + 0>" in body
        assert b"Content-ID: <response-item + 1>" in body
        inner = body.split(b"\r\n\r\n", 2)[1]
        assert inner.startswith(b"HTTP/1.1 200 OK")


def test_batch_over_100_parts_is_refused_like_gmail(mailbox: Any) -> None:
    status, body, _ = _post(
        mailbox.url,
        "/batch/gmail/v1",
        _batch_body(101, mailbox.access_token, "\n"),
        {"Content-Type": "multipart/mixed; boundary=XYZ"},
    )
    assert status == 400
    error = json.loads(body)["error"]
    assert error["message"] == "Inner request count exceeds the limit. Received: 101, Limit: 100"


def test_parse_batch_reads_inner_headers_and_body() -> None:
    body = (
        b"--B\nContent-Type: application/http\nContent-ID: <a + 1>\n\n"
        b"POST /gmail/v1/users/me/labels HTTP/1.1\nContent-Type: application/json\n\n"
        b'{"name": "x"}\n--B--'
    )
    [part] = parse_batch(body, 'multipart/mixed; boundary="B"')
    assert part.content_id == "<a + 1>"
    assert part.method == "POST"
    assert part.target == "/gmail/v1/users/me/labels"
    assert part.headers["content-type"] == "application/json"
    assert part.body == b'{"name": "x"}'


def test_batch_part_may_use_an_absolute_uri(mailbox: Any) -> None:
    body = (
        "--XYZ\nContent-Type: application/http\nContent-ID: <a + 1>\n\n"
        f"GET {mailbox.url}/gmail/v1/users/me/profile?alt=json HTTP/1.1\n"
        f"Authorization: Bearer {mailbox.access_token}\n\n--XYZ--"
    ).encode()
    status, answer, _ = _post(
        mailbox.url, "/batch", body, {"Content-Type": "multipart/mixed; boundary=XYZ"}
    )
    assert status == 200
    assert b"HTTP/1.1 200 OK" in answer
    assert mailbox.email.encode() in answer
