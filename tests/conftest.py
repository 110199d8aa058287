"""Shared fixtures: one Gmail emulator per test process, a fresh mailbox per test.

``emulator`` is session-scoped (with pytest-xdist, one server per worker), so
tests must not rely on an empty server: each test gets its own mailbox from
``mailbox`` instead. Tests that move the clock should only move it forward, and
must not ``reset()`` the shared server (use ``serve_in_thread()`` for that).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from gmail_emulator.testing import AdminClient, ServerHandle, gmail_service, serve_in_thread


@dataclass(frozen=True)
class Mailbox:
    """A fresh mailbox with tokens and a real Gmail client pointed at it."""

    email: str
    access_token: str
    refresh_token: str
    url: str
    admin: AdminClient
    service: Any  # googleapiclient Resource; refreshes its token on a 401 by itself


@pytest.fixture(scope="session")
def emulator() -> Iterator[ServerHandle]:
    with serve_in_thread() as handle:
        yield handle


@pytest.fixture(autouse=True)
def _shared_emulator_hygiene(request: pytest.FixtureRequest) -> Iterator[None]:
    """Faults and rate limits set on the shared server end with the test that set them."""
    yield
    if "emulator" in request.fixturenames:
        handle: ServerHandle = request.getfixturevalue("emulator")
        handle.emulator.faults.clear()
        handle.emulator.quota.per_minute_limit = None


@pytest.fixture
def mailbox(emulator: ServerHandle) -> Mailbox:
    email = f"user-{uuid.uuid4().hex[:12]}@example.com"
    grant = emulator.admin.create_mailbox(email)
    service = gmail_service(
        emulator.url, grant["access_token"], refresh_token=grant["refresh_token"]
    )
    return Mailbox(
        email=email,
        access_token=grant["access_token"],
        refresh_token=grant["refresh_token"],
        url=emulator.url,
        admin=emulator.admin,
        service=service,
    )
