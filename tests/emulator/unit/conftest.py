"""Fixtures for the backend's unit tests: a fresh backend on a frozen clock, no HTTP."""

from __future__ import annotations

import pytest
from backend_support import ME, START, Api

from gmail_emulator.backend import Backend
from gmail_emulator.clock import Clock


@pytest.fixture
def clock() -> Clock:
    return Clock(START, frozen=True)


@pytest.fixture
def backend(clock: Clock) -> Backend:
    b = Backend(clock)
    b.create_mailbox(ME)
    return b


@pytest.fixture
def api(backend: Backend) -> Api:
    return Api(backend)
