"""Quota units, the per-user rate limit and the call log.

Units follow Gmail's per-method table (QUOTA, GMAIL_API_NOTES §7). The optional
per-user per-minute limit is measured on REAL monotonic time, not the emulator
clock: a rate limit is about how fast a client really calls, and a simulation
that jumps the emulator clock by days must not reset (or trip) it. Tests that
need a fresh window call ``reset()`` (``POST /_emulator/quota/reset``).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# Gmail's quota units per method (QUOTA); methods not listed cost DEFAULT_UNITS.
UNITS: dict[str, int] = {
    "gmail.users.getProfile": 1,
    "gmail.users.watch": 100,
    "gmail.users.stop": 50,
    "gmail.users.labels.list": 1,
    "gmail.users.labels.get": 1,
    "gmail.users.labels.create": 5,
    "gmail.users.labels.update": 5,
    "gmail.users.labels.patch": 5,
    "gmail.users.labels.delete": 5,
    "gmail.users.history.list": 2,
    "gmail.users.messages.list": 5,
    "gmail.users.messages.get": 5,
    "gmail.users.messages.modify": 5,
    "gmail.users.messages.trash": 5,
    "gmail.users.messages.untrash": 5,
    "gmail.users.messages.delete": 10,
    "gmail.users.messages.batchModify": 50,
    "gmail.users.messages.batchDelete": 50,
    "gmail.users.messages.insert": 25,
    "gmail.users.messages.import": 25,
    "gmail.users.messages.send": 100,
    "gmail.users.messages.attachments.get": 5,
    "gmail.users.threads.list": 10,
    "gmail.users.threads.get": 10,
    "gmail.users.threads.modify": 10,
    "gmail.users.threads.trash": 10,
    "gmail.users.threads.untrash": 10,
    "gmail.users.threads.delete": 20,
    "gmail.users.drafts.list": 5,
    "gmail.users.drafts.get": 5,
    "gmail.users.drafts.create": 10,
    "gmail.users.drafts.update": 15,
    "gmail.users.drafts.delete": 10,
    "gmail.users.drafts.send": 100,
}
DEFAULT_UNITS = 5
WINDOW_SECONDS = 60.0
# The call log keeps the most recent calls per user; by_method counts never forget.
CALL_LOG_LIMIT = 200_000


def units_for(method_id: str) -> int:
    return UNITS.get(method_id, DEFAULT_UNITS)


@dataclass(slots=True)
class _Usage:
    units: int = 0
    calls: int = 0
    by_method: dict[str, list[int]] = field(default_factory=dict)  # id -> [calls, units]
    window: deque[tuple[float, int]] = field(default_factory=deque)
    window_units: int = 0
    log: deque[tuple[str, int]] = field(default_factory=lambda: deque(maxlen=CALL_LOG_LIMIT))


class QuotaMeter:
    """Per-user usage, limit checks and call log; thread-safe.

    ``per_minute_limit`` (units per user per sliding minute, None = unlimited) mirrors
    Gmail's "15,000 units per user per minute"; set it low in tests to trip it.
    """

    def __init__(
        self,
        *,
        per_minute_limit: int | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_minute_limit = per_minute_limit
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._users: dict[str, _Usage] = {}

    def admit(self, user: str, method_id: str) -> bool:
        """Charge the call's units, or return False (and charge nothing) when the call
        would take the user over the per-minute limit."""
        units = units_for(method_id)
        with self._lock:
            usage = self._users.setdefault(user, _Usage())
            if self.per_minute_limit is not None:
                now = self._monotonic()
                while usage.window and usage.window[0][0] <= now - WINDOW_SECONDS:
                    usage.window_units -= usage.window.popleft()[1]
                if usage.window_units + units > self.per_minute_limit:
                    return False
                usage.window.append((now, units))
                usage.window_units += units
            usage.units += units
            usage.calls += 1
            counts = usage.by_method.setdefault(method_id, [0, 0])
            counts[0] += 1
            counts[1] += units
        return True

    def record(self, user: str, method_id: str, status: int) -> None:
        """Append to the user's call log (every call, charged or refused)."""
        with self._lock:
            usage = self._users.setdefault(user, _Usage())
            usage.log.append((method_id, status))

    def usage(self, user: str | None = None) -> dict[str, Any]:
        """``{email: {"units", "calls", "by_method": {id: {"calls", "units"}}}}``."""
        with self._lock:
            users = [user] if user is not None else sorted(self._users)
            out: dict[str, Any] = {}
            for name in users:
                usage = self._users.get(name, _Usage())
                out[name] = {
                    "units": usage.units,
                    "calls": usage.calls,
                    "by_method": {
                        k: {"calls": v[0], "units": v[1]}
                        for k, v in sorted(usage.by_method.items())
                    },
                }
            return out

    def calls(self, user: str) -> list[dict[str, Any]]:
        with self._lock:
            usage = self._users.get(user)
            entries = list(usage.log) if usage else []
        return [{"method": method, "status": status} for method, status in entries]

    def reset(self) -> None:
        """Forget usage, windows and call logs of every user."""
        with self._lock:
            self._users.clear()
