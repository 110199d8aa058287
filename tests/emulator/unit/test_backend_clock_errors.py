"""The settable clock and the Gmail-shaped error body."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from gmail_emulator.clock import Clock
from gmail_emulator.errors import ApiError, bad_request, conflict, not_found

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def test_a_frozen_clock_moves_only_when_told() -> None:
    clock = Clock(T0, frozen=True)
    assert clock.now() == T0
    clock.advance(timedelta(days=3))
    assert clock.now() == T0 + timedelta(days=3)
    clock.set(T0)
    assert clock.now_ms() == int(T0.timestamp() * 1000)


def test_a_running_clock_starts_where_it_is_set() -> None:
    clock = Clock(T0)
    assert T0 <= clock.now() < T0 + timedelta(minutes=1)
    clock.advance(timedelta(days=7))
    assert clock.now() >= T0 + timedelta(days=7)


def test_the_clock_refuses_naive_datetimes_and_going_backwards() -> None:
    with pytest.raises(ValueError, match="timezone"):
        Clock(datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="forward"):
        Clock(T0).advance(timedelta(seconds=-1))


def test_not_found_body_is_exactly_gmails() -> None:
    assert not_found().body() == {
        "error": {
            "code": 404,
            "message": "Requested entity was not found.",
            "errors": [
                {
                    "message": "Requested entity was not found.",
                    "domain": "global",
                    "reason": "notFound",
                }
            ],
            "status": "NOT_FOUND",
        }
    }


def test_error_helpers_set_code_reason_and_status() -> None:
    assert (bad_request("x").code, bad_request("x").reason) == (400, "invalidArgument")
    assert (conflict("x").code, conflict("x").status) == (409, "ABORTED")


def test_location_fields_appear_only_when_given() -> None:
    err = ApiError(
        401,
        "Invalid Credentials",
        reason="authError",
        status="UNAUTHENTICATED",
        location="Authorization",
        location_type="header",
    )
    detail = err.body()["error"]["errors"][0]  # type: ignore[index]
    assert detail["location"] == "Authorization"
    assert detail["locationType"] == "header"
    assert "location" not in bad_request("x").body()["error"]["errors"][0]  # type: ignore[index]
