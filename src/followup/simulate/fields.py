"""Typed reading of one TOML table that records problems instead of raising.

Scenario authors fix a file faster when they see every mistake at once, each with its
place ("events[3].from") and what would be accepted; so readers here never raise, they add
a problem and return a default, and the loader raises once at the end.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo


@dataclass
class Problems:
    items: list[str] = field(default_factory=list)

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")


def suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


class Table:
    """One TOML table being read: typed getters that record problems instead of raising."""

    def __init__(
        self, data: Mapping[str, Any], where: str, problems: Problems, allowed: frozenset[str]
    ) -> None:
        self.data = data
        self.where = where
        self.problems = problems
        for key in data:
            if key not in allowed:
                problems.add(
                    f"{where}.{key}",
                    f"unknown key{suggest(key, allowed)}; "
                    f"allowed here: {', '.join(sorted(allowed))}",
                )

    def has(self, key: str) -> bool:
        return key in self.data

    def _bad(self, key: str, expected: str) -> None:
        value = self.data[key]
        self.problems.add(f"{self.where}.{key}", f"expected {expected}, got {value!r}")

    def text(self, key: str, *, required: bool = False, default: str | None = None) -> str | None:
        if key not in self.data:
            if required:
                self.problems.add(f"{self.where}.{key}", "missing (required)")
            return default
        value = self.data[key]
        if not isinstance(value, str) or (required and not value.strip()):
            self._bad(key, "a non-empty string")
            return default
        return value

    def whole(
        self, key: str, *, default: int | None = None, low: int = 0, high: int = 10**6
    ) -> int | None:
        if key not in self.data:
            return default
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self._bad(key, f"a whole number from {low} to {high}")
            return default
        return value

    def number(self, key: str, *, default: float, low: float, high: float) -> float:
        if key not in self.data:
            return default
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int | float) or not low < value <= high:
            self._bad(key, f"a number above {low} and at most {high}")
            return default
        return float(value)

    def flag(self, key: str, *, default: bool) -> bool:
        if key not in self.data:
            return default
        value = self.data[key]
        if not isinstance(value, bool):
            self._bad(key, "true or false")
            return default
        return value

    def a_date(self, key: str) -> date | None:
        if key not in self.data:
            return None
        value = self.data[key]
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self._bad(key, "a date like 2026-03-13")
        return None

    def a_time(self, key: str) -> time | None:
        if key not in self.data:
            return None
        value = self.data[key]
        if isinstance(value, time):
            return value
        if isinstance(value, str):
            try:
                return time.fromisoformat(value)
            except ValueError:
                pass
        self._bad(key, 'a time of day like "14:30"')
        return None

    def moment(self, key: str, zone: ZoneInfo) -> datetime | None:
        """A datetime; without an offset it is wall time in the user's timezone."""
        if key not in self.data:
            return None
        value = self.data[key]
        parsed: datetime | None = None
        if isinstance(value, datetime):
            parsed = value
        elif isinstance(value, str):
            try:
                parsed = datetime.fromisoformat(value)
            except ValueError:
                parsed = None
        if parsed is None:
            self._bad(key, 'a date and time like "2026-03-02 09:00" (user\'s timezone)')
            return None
        return parsed.replace(tzinfo=zone) if parsed.tzinfo is None else parsed.astimezone(zone)


def table_at(
    raw: Mapping[str, Any], key: str, problems: Problems, *, required: bool
) -> dict[str, Any]:
    value = raw.get(key)
    if value is None:
        if required:
            problems.add(f"[{key}]", "missing table (required)")
        return {}
    if not isinstance(value, dict):
        problems.add(f"[{key}]", f"expected a table, got {type(value).__name__}")
        return {}
    return value


def array_at(
    raw: Mapping[str, Any], key: str, where: str, problems: Problems
) -> list[dict[str, Any]]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        problems.add(where, f"expected an array of tables ([[{where}]]), got {value!r}")
        return []
    return value
