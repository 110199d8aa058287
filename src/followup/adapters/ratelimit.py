"""Client-side quota limiter and retry backoff for the Gmail adapter.

Kept apart from ``gmail.py`` so both are plain, testable arithmetic with an injected
clock and sleep: tests run years of back-off without waiting a second.
"""

from __future__ import annotations

import random
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

# Gmail's per-user limit is 15,000 quota units per minute (QUOTA, see
# docs/sync.md). We stay at 90 % of it so that other clients of the same account
# (the user's phone, another tool) keep some room.
GMAIL_USER_UNITS_PER_MINUTE = 15_000
LIMITER_SAFETY = 0.9
WINDOW_SECONDS = 60.0


@dataclass
class QuotaLimiter:
    """Keeps the units spent in any sliding 60 s window under the per-user quota.

    A sliding window (not a token bucket) so that a burst of a first sync may use the whole
    minute's budget at once, yet no window ever exceeds it. Not thread-safe: one limiter per
    mailbox, used by one poll at a time (the scheduler runs jobs one at a time).
    """

    units_per_minute: int = GMAIL_USER_UNITS_PER_MINUTE
    safety: float = LIMITER_SAFETY
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _spent: deque[tuple[float, int]] = field(default_factory=deque, repr=False)
    _total: int = field(default=0, repr=False)
    waited: float = 0.0

    @property
    def budget(self) -> int:
        return max(1, int(self.units_per_minute * self.safety))

    def acquire(self, units: int) -> None:
        """Block until ``units`` more can be spent without exceeding the window's budget."""
        units = min(units, self.budget)
        while True:
            now = self.clock()
            self._expire(now)
            if self._total + units <= self.budget:
                self._spent.append((now, units))
                self._total += units
                return
            oldest = self._spent[0][0]
            delay = max(oldest + WINDOW_SECONDS - now, 0.001)
            self.waited += delay
            self.sleep(delay)

    def _expire(self, now: float) -> None:
        while self._spent and self._spent[0][0] <= now - WINDOW_SECONDS:
            _, units = self._spent.popleft()
            self._total -= units


@dataclass(frozen=True)
class Backoff:
    """Exponential back-off with full jitter, honouring the server's Retry-After.

    Full jitter (a random wait between 0 and the cap) spreads retries of many clients,
    as Gmail's error guide asks; Retry-After, when the server sends one, is a floor.
    """

    max_attempts: int = 6
    base: float = 1.0
    cap: float = 64.0
    rand: Callable[[], float] = random.random

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number ``attempt`` (1 = first retry)."""
        ceiling = min(self.cap, self.base * 2.0 ** (attempt - 1))
        wait = self.rand() * ceiling
        if retry_after is not None:
            wait = max(wait, min(retry_after, self.cap * 4))
        return wait


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds form; HTTP dates are rare here)."""
    if not value:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - time.time()
    return max(seconds, 0.0)
