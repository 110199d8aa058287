"""Failures on demand: scripted ones first, then a seeded random rate.

A scripted list makes a test exact ("the next messages.get gets a 429"); a rate
with a seed makes a soak test repeatable. Error bodies are Gmail's (ERR).
"""

from __future__ import annotations

import random
import threading
from collections import deque
from dataclasses import dataclass
from typing import Any

from gmail_emulator.wire import Response, gmail_error

KINDS = ("429", "500", "503", "403", "slow", "drop")
DEFAULT_DELAY_MS = 1000
DEFAULT_RETRY_AFTER = 1


@dataclass(frozen=True, slots=True)
class Fault:
    """One injected failure. ``slow`` answers normally after ``delay_ms``; ``drop``
    closes the connection without an answer; the others answer with that status."""

    kind: str
    method: str | None = None
    delay_ms: int = DEFAULT_DELAY_MS
    retry_after: int = DEFAULT_RETRY_AFTER

    @classmethod
    def from_json(cls, item: dict[str, Any], defaults: dict[str, Any] | None = None) -> Fault:
        merged = {**(defaults or {}), **item}
        kind = str(merged.get("kind", ""))
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; expected one of {', '.join(KINDS)}")
        method = merged.get("method")
        return cls(
            kind=kind,
            method=str(method) if method else None,
            delay_ms=int(merged.get("delay_ms", DEFAULT_DELAY_MS)),
            retry_after=int(merged.get("retry_after", DEFAULT_RETRY_AFTER)),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "method": self.method,
            "delay_ms": self.delay_ms,
            "retry_after": self.retry_after,
        }

    def response(self) -> Response:
        """The error answer for this fault (not used for ``slow``)."""
        if self.kind == "drop":
            return Response(0, drop=True)
        if self.kind == "429":
            return gmail_error(
                429,
                "Too many concurrent requests for user.",
                reason="rateLimitExceeded",
                status="RESOURCE_EXHAUSTED",
                domain="usageLimits",
                headers=[("Retry-After", str(self.retry_after))],
            )
        if self.kind == "403":
            return gmail_error(
                403,
                "User Rate Limit Exceeded",
                reason="userRateLimitExceeded",
                status="PERMISSION_DENIED",
                domain="usageLimits",
            )
        if self.kind == "503":
            return gmail_error(
                503,
                "The service is currently unavailable.",
                reason="backendError",
                status="UNAVAILABLE",
            )
        return gmail_error(500, "Backend Error", reason="backendError", status="INTERNAL")


class FaultPlan:
    """The current fault configuration; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._script: deque[Fault] = deque()
        self._rate = 0.0
        self._random_kinds: tuple[Fault, ...] = ()
        self._random_method: str | None = None
        self._rng = random.Random(0)  # noqa: S311 - repeatable faults, not secrets
        self._config: dict[str, Any] = {}

    def configure(self, config: dict[str, Any]) -> None:
        """Replace the plan. ``{"script": [{"kind", "method"?, "delay_ms"?, "retry_after"?,
        "times"?}], "rate"?, "kinds"?, "method"?, "seed"?, "delay_ms"?, "retry_after"?}``.
        Raises ValueError on a malformed plan."""
        defaults: dict[str, Any] = {
            k: config[k] for k in ("delay_ms", "retry_after") if k in config
        }
        script: list[Fault] = []
        for item in config.get("script", []):
            if not isinstance(item, dict):
                raise ValueError("script entries must be objects")
            times = int(item.get("times", 1))
            script.extend([Fault.from_json(item, defaults)] * times)
        rate = float(config.get("rate", 0.0))
        if not 0.0 <= rate <= 1.0:
            raise ValueError("rate must be between 0 and 1")
        kinds = config.get("kinds", ["500"] if rate else [])
        random_kinds = tuple(Fault.from_json({"kind": k}, defaults) for k in kinds)
        if rate and not random_kinds:
            raise ValueError("a rate needs at least one kind")
        method = config.get("method")
        with self._lock:
            self._script = deque(script)
            self._rate = rate
            self._random_kinds = random_kinds
            self._random_method = str(method) if method else None
            self._rng = random.Random(config.get("seed", 0))  # noqa: S311 - see above
            self._config = dict(config)

    def clear(self) -> None:
        self.configure({})

    def next_fault(self, method_id: str) -> Fault | None:
        """The fault this call suffers, if any; consumes a matching scripted entry."""
        with self._lock:
            for index, fault in enumerate(self._script):
                if fault.method is None or fault.method == method_id:
                    del self._script[index]
                    return fault
            in_scope = self._random_method in (None, method_id)
            if self._rate and in_scope and self._rng.random() < self._rate:
                return self._rng.choice(self._random_kinds)
        return None

    def describe(self) -> dict[str, Any]:
        with self._lock:
            return {
                "config": self._config,
                "pending_script": [f.to_json() for f in self._script],
            }
