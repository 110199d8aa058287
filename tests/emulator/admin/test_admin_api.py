"""The /_emulator/ admin API over plain HTTP."""

from __future__ import annotations

import base64
import http.client
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest

from gmail_emulator.app import Emulator
from gmail_emulator.testing import AdminError, ServerHandle, gmail_service, serve_in_thread
from gmail_emulator.wire import Request

RAW = b"From: hr@acme.example\r\nTo: me@example.com\r\nSubject: Offer\r\n\r\nWelcome aboard\r\n"


@pytest.fixture
def server() -> Iterator[ServerHandle]:
    with serve_in_thread() as handle:
        yield handle


def _http(
    url: str,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, Any]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        data = resp.read()
        return resp.status, json.loads(data) if data else None
    finally:
        conn.close()


def test_health_reports_ok(server: ServerHandle) -> None:
    assert _http(server.url, "GET", "/_emulator/health") == (200, {"status": "ok", "mailboxes": 0})


def test_create_mailbox_mints_modify_tokens_by_default(server: ServerHandle) -> None:
    status, grant = _http(
        server.url, "POST", "/_emulator/mailboxes", json.dumps({"email": "Me@Example.com"}).encode()
    )
    assert status == 200
    assert grant["email"] == "me@example.com"
    assert grant["scope"] == "https://www.googleapis.com/auth/gmail.modify"
    assert grant["expires_in"] == 3600
    assert grant["token_type"] == "Bearer"
    assert grant["refresh_token"]
    assert _http(server.url, "GET", "/_emulator/mailboxes")[1] == {"mailboxes": ["me@example.com"]}


def test_mint_token_for_unknown_mailbox_is_404(server: ServerHandle) -> None:
    with pytest.raises(AdminError) as caught:
        server.admin.mint_token("ghost@example.com")
    assert caught.value.status == 404


def test_deliver_raw_bytes_and_json_forms(server: ServerHandle) -> None:
    grant = server.admin.create_mailbox("me@example.com")
    first = server.admin.deliver("me@example.com", RAW)
    status, second = _http(
        server.url,
        "POST",
        "/_emulator/mailboxes/me@example.com/deliver",
        json.dumps(
            {"raw": base64.urlsafe_b64encode(RAW).decode().rstrip("="), "labelIds": ["INBOX"]}
        ).encode(),
        {"Content-Type": "application/json"},
    )
    assert status == 200
    assert first["id"] != second["id"]
    service = gmail_service(server.url, grant["access_token"])
    got = service.users().messages().get(userId="me", id=second["id"], format="minimal").execute()
    assert got["labelIds"] == ["INBOX"]


def test_deliver_to_unknown_mailbox_is_404(server: ServerHandle) -> None:
    status, body = _http(server.url, "POST", "/_emulator/mailboxes/nobody@x.example/deliver", RAW)
    assert status == 404
    assert body["error"]["errors"][0]["reason"] == "notFound"


def test_clock_can_be_set_and_advanced(server: ServerHandle) -> None:
    start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    assert server.admin.set_clock(start) >= start
    moved = server.admin.advance_clock(timedelta(days=3))
    assert moved - start >= timedelta(days=3)
    status, body = _http(server.url, "GET", "/_emulator/clock")
    assert status == 200
    assert body["epoch_ms"] >= int((start + timedelta(days=3)).timestamp() * 1000)


def test_clock_rejects_naive_times(server: ServerHandle) -> None:
    status, body = _http(
        server.url, "POST", "/_emulator/clock", json.dumps({"set": "2026-01-05T09:00:00"}).encode()
    )
    assert status == 400
    assert "timezone" in body["error"]["message"]


def test_quota_reset_and_calls_log(server: ServerHandle) -> None:
    grant = server.admin.create_mailbox("me@example.com")
    gmail_service(server.url, grant["access_token"]).users().getProfile(userId="me").execute()
    assert server.admin.quota()["me@example.com"]["units"] == 1
    assert server.admin.calls("me@example.com") == [
        {"method": "gmail.users.getProfile", "status": 200}
    ]
    server.admin.reset_quota()
    assert server.admin.quota("me@example.com")["me@example.com"]["units"] == 0


def test_faults_can_be_read_and_cleared(server: ServerHandle) -> None:
    server.admin.faults([{"kind": "500", "times": 2}])
    status, plan = _http(server.url, "GET", "/_emulator/faults")
    assert status == 200
    assert len(plan["pending_script"]) == 2
    server.admin.clear_faults()
    assert _http(server.url, "GET", "/_emulator/faults")[1]["pending_script"] == []


def test_revoke_reports_unknown_tokens(server: ServerHandle) -> None:
    assert server.admin.revoke("ya29.nothing") is False


def test_snapshot_and_restore_round_trip(server: ServerHandle) -> None:
    grant = server.admin.create_mailbox("me@example.com")
    ids = server.admin.deliver("me@example.com", RAW)
    state = server.admin.snapshot()
    server.admin.reset()
    assert server.admin.health()["mailboxes"] == 0
    server.admin.restore(state)
    service = gmail_service(server.url, grant["access_token"])
    got = service.users().messages().get(userId="me", id=ids["id"], format="raw").execute()
    assert base64.urlsafe_b64decode(got["raw"]) == RAW


def test_restore_refuses_a_foreign_state(server: ServerHandle) -> None:
    with pytest.raises(AdminError) as caught:
        server.admin.restore({"version": 99})
    assert caught.value.status == 400


def test_reset_forgets_tokens(server: ServerHandle) -> None:
    grant = server.admin.create_mailbox("me@example.com")
    server.admin.reset()
    status, _ = _http(
        server.url,
        "GET",
        "/gmail/v1/users/me/profile",
        headers={"Authorization": f"Bearer {grant['access_token']}"},
    )
    assert status == 401


def test_unknown_admin_path_is_404(server: ServerHandle) -> None:
    assert _http(server.url, "GET", "/_emulator/nope")[0] == 404


def test_malformed_admin_json_is_400(server: ServerHandle) -> None:
    status, body = _http(server.url, "POST", "/_emulator/mailboxes", b"{oops")
    assert status == 400
    assert body["error"]["code"] == 400


def test_admin_api_answers_only_on_loopback() -> None:
    emulator = Emulator()
    remote = Request.build("GET", "/_emulator/health", client_host="192.0.2.7")
    local = Request.build("GET", "/_emulator/health", client_host="127.0.0.1")
    assert emulator.handle(remote, "http://x").status == 404
    assert emulator.handle(local, "http://x").status == 200


def test_discovery_document_points_at_the_emulator(server: ServerHandle) -> None:
    for path in ("/$discovery/rest?version=v1", "/discovery/v1/apis/gmail/v1/rest"):
        status, doc = _http(server.url, "GET", path)
        assert status == 200
        assert doc["rootUrl"] == server.url + "/"
        assert doc["batchPath"] == "batch/gmail/v1"


def test_deliver_with_no_labels_and_a_past_internal_date(server: ServerHandle) -> None:
    grant = server.admin.create_mailbox("me@example.com")
    when = datetime(2025, 12, 1, 12, 0, tzinfo=UTC)
    ids = server.admin.deliver("me@example.com", RAW, [], internal_date=when)
    service = gmail_service(server.url, grant["access_token"])
    got = service.users().messages().get(userId="me", id=ids["id"], format="minimal").execute()
    assert "labelIds" not in got or got["labelIds"] == []
    assert got["internalDate"] == str(int(when.timestamp() * 1000))


def test_rate_limit_can_be_switched_on_and_off(server: ServerHandle) -> None:
    grant = server.admin.create_mailbox("me@example.com")
    service = gmail_service(server.url, grant["access_token"])
    server.admin.set_rate_limit(1)
    service.users().getProfile(userId="me").execute()
    status, body = _http(
        server.url,
        "GET",
        "/gmail/v1/users/me/profile",
        headers={"Authorization": f"Bearer {grant['access_token']}"},
    )
    assert status == 403
    assert body["error"]["errors"][0]["reason"] == "userRateLimitExceeded"
    server.admin.set_rate_limit(None)
    service.users().getProfile(userId="me").execute()
