"""Clocks: where the shell reads "now" (the core never does).

``SystemClock`` for real use; ``FixedClock`` for tests and the demo, moved by hand so a
month of follow-ups runs in a second.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta


class SystemClock:
    """The machine's clock, in UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class FixedClock:
    """A clock that only moves when told to. Not thread-safe."""

    current: datetime

    def now(self) -> datetime:
        return self.current

    def advance(self, by: timedelta) -> datetime:
        self.current += by
        return self.current

    def set(self, when: datetime) -> None:
        self.current = when
