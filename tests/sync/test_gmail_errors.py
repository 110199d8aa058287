"""The Gmail adapter's error table (one test per row), retries, and the 401 path."""

from __future__ import annotations

import json
from typing import Any

import httplib2
import pytest
from googleapiclient.errors import HttpError

from followup.adapters.gmail import decode_b64url, map_http_error
from followup.adapters.ratelimit import Backoff
from followup.errors import (
    AuthExpired,
    BadRequest,
    Conflict,
    Forbidden,
    MailboxError,
    MailboxUnavailable,
    NotFound,
    RateLimited,
)

from .conftest import World, connect


def _http_error(status: int, reason: str = "", headers: dict[str, str] | None = None) -> HttpError:
    resp = httplib2.Response({"status": str(status), **(headers or {})})
    body = {"error": {"code": status, "message": "m", "errors": [{"reason": reason}]}}
    return HttpError(resp, json.dumps(body).encode(), uri="http://x/gmail/v1/users/me/profile")


@pytest.mark.parametrize(
    ("status", "reason", "expected"),
    [
        (429, "rateLimitExceeded", RateLimited),
        (403, "userRateLimitExceeded", RateLimited),
        (403, "rateLimitExceeded", RateLimited),
        (403, "dailyLimitExceeded", RateLimited),
        (403, "insufficientPermissions", Forbidden),
        (401, "authError", AuthExpired),
        (404, "notFound", NotFound),
        (409, "aborted", Conflict),
        (400, "invalidArgument", BadRequest),
        (500, "backendError", MailboxUnavailable),
        (503, "backendError", MailboxUnavailable),
        (418, "", MailboxError),
    ],
)
def test_each_http_status_maps_to_its_error(
    status: int, reason: str, expected: type[MailboxError]
) -> None:
    err = map_http_error(_http_error(status, reason))
    assert type(err) is expected
    assert err.hint


def test_retry_after_header_is_kept_on_rate_limits() -> None:
    err = map_http_error(_http_error(429, "rateLimitExceeded", {"retry-after": "7"}))
    assert isinstance(err, RateLimited)
    assert err.retry_after == 7.0


def test_daily_limit_is_not_retried_but_says_when_to_come_back() -> None:
    err = map_http_error(_http_error(403, "dailyLimitExceeded"))
    assert isinstance(err, RateLimited)
    assert not err.retryable
    assert "tomorrow" in err.hint


def test_base64url_without_padding_decodes() -> None:
    assert decode_b64url("aGk") == b"hi"


def test_transient_errors_are_retried_honouring_retry_after(world: World) -> None:
    waits: list[float] = []
    gmail = connect(world.mailbox, sleep=waits.append, backoff=Backoff())
    world.admin.faults(
        [
            {"kind": "429", "method": "gmail.users.getProfile", "retry_after": 3},
            {"kind": "503", "method": "gmail.users.getProfile"},
        ]
    )
    try:
        assert gmail.profile().email == world.mailbox.email
    finally:
        world.admin.clear_faults()
    assert gmail.stats.calls["getProfile"] == 3
    assert waits[0] >= 3.0


def test_batch_parts_that_fail_transiently_are_fetched_again(world: World) -> None:
    ids = [world.deliver(b"Subject: hello %d\r\n\r\nbody\r\n" % n)["id"] for n in range(5)]
    world.admin.faults(rate=0.5, kinds=["429", "500"], seed=3)
    try:
        got = connect(world.mailbox).get_messages(ids, fmt="metadata")
    finally:
        world.admin.clear_faults()
    assert sorted(got) == sorted(ids)


def test_expired_access_token_is_refreshed_once_and_the_call_succeeds(world: World) -> None:
    gmail = connect(world.mailbox)
    world.admin.revoke(world.mailbox.access_token)  # the refresh token still works
    assert gmail.profile().email == world.mailbox.email


def test_vanished_messages_are_left_out_of_a_batch(world: World) -> None:
    kept = world.deliver(b"Subject: a\r\n\r\nbody\r\n")["id"]
    got: dict[str, Any] = connect(world.mailbox).get_messages([kept, "ffff0000ffff0000"], fmt="raw")
    assert list(got) == [kept]


def test_a_dropped_connection_is_retried(world: World) -> None:
    gmail = connect(world.mailbox)
    # httplib2 itself resends once after a dropped connection; the third drop is ours.
    world.admin.faults([{"kind": "drop", "method": "gmail.users.getProfile", "times": 3}])
    try:
        assert gmail.profile().email == world.mailbox.email
    finally:
        world.admin.clear_faults()
    assert gmail.stats.retries >= 1
