"""Quota units, the rate-limit answer, injected faults and dropped connections."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from googleapiclient.errors import HttpError

from gmail_emulator.quota import QuotaMeter
from gmail_emulator.testing import ServerHandle, gmail_service, serve_in_thread


@pytest.fixture
def server() -> Iterator[ServerHandle]:
    with serve_in_thread() as handle:
        yield handle


def _service(server: ServerHandle, email: str = "q@example.com") -> Any:
    grant = server.admin.create_mailbox(email)
    return gmail_service(server.url, grant["access_token"])


def _no_sleep(request: Any) -> Any:
    request._sleep = lambda seconds: None  # the client's documented hook (notes §6)
    return request


def test_units_follow_gmails_table_per_method(server: ServerHandle) -> None:
    service = _service(server)
    service.users().getProfile(userId="me").execute()
    service.users().messages().list(userId="me").execute()
    service.users().labels().list(userId="me").execute()
    usage = server.admin.quota("q@example.com")["q@example.com"]
    assert usage["units"] == 1 + 5 + 1
    assert usage["calls"] == 3
    assert usage["by_method"]["gmail.users.messages.list"] == {"calls": 1, "units": 5}


def test_admin_calls_do_not_count(server: ServerHandle) -> None:
    server.admin.create_mailbox("admin@example.com")
    server.admin.clock()
    assert server.admin.quota("admin@example.com")["admin@example.com"]["calls"] == 0


def test_call_log_records_method_and_status(server: ServerHandle) -> None:
    service = _service(server)
    service.users().getProfile(userId="me").execute()
    with pytest.raises(HttpError):
        service.users().messages().get(userId="me", id="ffffffffffffffff").execute()
    assert server.admin.calls("q@example.com") == [
        {"method": "gmail.users.getProfile", "status": 200},
        {"method": "gmail.users.messages.get", "status": 404},
    ]


def test_per_minute_limit_answers_403_user_rate_limit_exceeded() -> None:
    with serve_in_thread(per_minute_limit=12) as server:
        service = _service(server)
        service.users().messages().list(userId="me").execute()
        service.users().messages().list(userId="me").execute()
        with pytest.raises(HttpError) as caught:
            service.users().messages().list(userId="me").execute()
        assert caught.value.status_code == 403
        error = json.loads(caught.value.content)["error"]
        assert error["errors"][0]["reason"] == "userRateLimitExceeded"
        assert error["errors"][0]["domain"] == "usageLimits"
        server.admin.reset_quota()
        service.users().messages().list(userId="me").execute()


def test_rate_limit_can_answer_429_instead() -> None:
    with serve_in_thread(per_minute_limit=1, rate_limit_status=429) as server:
        service = _service(server)
        service.users().getProfile(userId="me").execute()
        with pytest.raises(HttpError) as caught:
            service.users().getProfile(userId="me").execute()
        assert caught.value.status_code == 429
        assert caught.value.resp["retry-after"] == "60"


def test_sliding_window_frees_units_after_a_minute() -> None:
    now = [0.0]
    meter = QuotaMeter(per_minute_limit=10, monotonic=lambda: now[0])
    assert meter.admit("u", "gmail.users.messages.get")
    assert meter.admit("u", "gmail.users.messages.get")
    assert not meter.admit("u", "gmail.users.messages.get")
    now[0] = 60.5
    assert meter.admit("u", "gmail.users.messages.get")
    assert meter.usage("u")["u"]["calls"] == 3


def test_scripted_429_is_retried_by_execute_num_retries(server: ServerHandle) -> None:
    service = _service(server)
    server.admin.faults([{"kind": "429", "method": "gmail.users.getProfile", "times": 2}])
    request = _no_sleep(service.users().getProfile(userId="me"))
    assert request.execute(num_retries=3)["emailAddress"] == "q@example.com"
    statuses = [c["status"] for c in server.admin.calls("q@example.com")]
    assert statuses == [429, 429, 200]


def test_scripted_fault_only_hits_its_method(server: ServerHandle) -> None:
    service = _service(server)
    server.admin.faults([{"kind": "503", "method": "gmail.users.messages.list"}])
    service.users().getProfile(userId="me").execute()
    with pytest.raises(HttpError) as caught:
        service.users().messages().list(userId="me").execute()
    assert caught.value.status_code == 503
    service.users().messages().list(userId="me").execute()


def test_500_fault_has_gmails_backend_error_body(server: ServerHandle) -> None:
    service = _service(server)
    server.admin.faults([{"kind": "500"}])
    with pytest.raises(HttpError) as caught:
        service.users().getProfile(userId="me").execute()
    assert caught.value.status_code == 500
    assert caught.value.error_details[0]["reason"] == "backendError"


def test_fault_rate_is_repeatable_with_a_seed(server: ServerHandle) -> None:
    service = _service(server)

    def outcomes() -> list[int]:
        server.admin.faults(rate=0.5, kinds=["500"], seed=7)
        got = []
        for _ in range(12):
            try:
                service.users().getProfile(userId="me").execute()
                got.append(200)
            except HttpError as exc:
                got.append(exc.status_code)
        return got

    first = outcomes()
    assert first == outcomes()
    assert 200 in first
    assert 500 in first
    server.admin.clear_faults()


def test_slow_fault_still_answers(server: ServerHandle) -> None:
    service = _service(server)
    server.admin.faults([{"kind": "slow", "delay_ms": 50}])
    assert service.users().getProfile(userId="me").execute()["emailAddress"]
    assert server.admin.calls("q@example.com")[-1]["status"] == 200


def test_dropped_connection_gets_no_answer(server: ServerHandle) -> None:
    token = server.admin.create_mailbox("drop@example.com")["access_token"]
    server.admin.faults([{"kind": "drop"}])
    parts = urlsplit(server.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request(
            "GET", "/gmail/v1/users/me/profile", headers={"Authorization": f"Bearer {token}"}
        )
        with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
            conn.getresponse()
    finally:
        conn.close()


def test_client_library_retries_a_dropped_connection(server: ServerHandle) -> None:
    service = _service(server)
    server.admin.faults([{"kind": "drop", "times": 2}])
    request = _no_sleep(service.users().getProfile(userId="me"))
    assert request.execute(num_retries=3)["emailAddress"] == "q@example.com"


def test_bad_fault_plan_is_a_400(server: ServerHandle) -> None:
    from gmail_emulator.testing import AdminError

    with pytest.raises(AdminError) as caught:
        server.admin.faults([{"kind": "meteor"}])
    assert caught.value.status == 400
