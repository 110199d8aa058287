"""What a run produced: the drafts seen, the timeline, the applications and the costs.

Plain data, so that expectations, printers and benchmarks read a run without the runner.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from followup.core.model import Application
from followup.simulate.scenario import Scenario


@dataclass
class SeenDraft:
    """One draft of ours as the mailbox showed it over the run."""

    draft_id: str
    thread_id: str
    kind: str
    to: str
    first_at: datetime
    first_day: int
    gone_at: datetime | None = None
    intent_key: str = ""


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    at: datetime
    day: int
    actor: str
    text: str
    style: str = ""


@dataclass(frozen=True, slots=True)
class Check:
    """One verdict: an expectation of the scenario, or an invariant of every run."""

    label: str
    description: str
    passed: bool
    detail: str = ""


@dataclass
class RunResult:
    """What happened in one run; ``checks`` is filled by ``expectations.check``."""

    scenario: Scenario
    timeline: list[TimelineEntry]
    drafts: list[SeenDraft]
    applications: list[Application]
    threads: dict[str, str]  # scenario event id -> Gmail thread id
    service_calls: int = 0
    service_units: int = 0
    mailbox_calls: int = 0
    mailbox_units: int = 0
    user_sends: int = 0
    sends_in_log: int = 0
    polls: int = 0
    complete: bool = True  # False: stopped early at ``reached`` (a benchmark's time budget)
    reached: datetime | None = None
    service_seconds: float = 0.0  # wall time spent in Service.poll_once + tick
    error: str | None = None  # what stopped the run early (``keep_errors``)
    checks: list[Check] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(check.passed for check in self.checks)
