"""The emulator's settable clock, so simulated weeks pass in seconds.

Everything time-dependent in the backend (internalDate defaults, Date headers, relative search
operators, history retention) reads this clock, never the system time directly.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta


class Clock:
    """A thread-safe clock that runs with real time from a settable offset.

    ``set`` jumps to a moment and ``advance`` moves forward; between those calls time keeps
    flowing at the real rate, so tests that need a frozen clock should ``freeze()`` it.
    """

    def __init__(self, start: datetime | None = None, *, frozen: bool = False) -> None:
        self._lock = threading.Lock()
        self._frozen = frozen
        base = _aware(start) if start is not None else datetime.now(UTC)
        self._base = base
        self._real_at_base = datetime.now(UTC)

    def now(self) -> datetime:
        with self._lock:
            if self._frozen:
                return self._base
            return self._base + (datetime.now(UTC) - self._real_at_base)

    def now_ms(self) -> int:
        return int(self.now().timestamp() * 1000)

    def set(self, when: datetime) -> None:
        with self._lock:
            self._base = _aware(when)
            self._real_at_base = datetime.now(UTC)

    def advance(self, by: timedelta) -> None:
        if by < timedelta(0):
            raise ValueError("the clock only moves forward")
        with self._lock:
            elapsed = timedelta(0) if self._frozen else datetime.now(UTC) - self._real_at_base
            self._base = self._base + elapsed + by
            self._real_at_base = datetime.now(UTC)

    def freeze(self) -> None:
        """Stop real time flowing, so repeated reads give the same instant."""
        with self._lock:
            if not self._frozen:
                self._base = self._base + (datetime.now(UTC) - self._real_at_base)
                self._frozen = True

    @property
    def frozen(self) -> bool:
        return self._frozen


def _aware(when: datetime) -> datetime:
    if when.tzinfo is None:
        raise ValueError("the clock needs a timezone-aware datetime")
    return when.astimezone(UTC)
