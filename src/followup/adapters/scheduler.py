"""`followup watch`: APScheduler 3.x runs the poll and the tick until SIGINT/SIGTERM.

Job settings and why:

- one worker thread: the service (httplib2, one SQLite connection) is not thread-safe, and
  a poll and a tick must never interleave;
- ``coalesce=True`` + ``max_instances=1``: after a laptop sleep, the missed polls run once,
  not ten times;
- ``misfire_grace_time``: a poll that is late by less than this still runs;
- ``jitter`` on the poll: many users' watchers do not hit Gmail on the same second.

A failing job never stops the watcher: errors are logged with what to do, and an expired
sign-in rebuilds the service at the next run (the user may have run `followup connect`).
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from types import FrameType
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.blocking import BlockingScheduler

from followup.errors import AuthExpired, FollowupError
from followup.service import PollReport, Service

log = logging.getLogger(__name__)

MISFIRE_GRACE_SECONDS = 120


@dataclass(frozen=True)
class WatchSettings:
    poll_minutes: float = 5.0
    jitter_seconds: int = 30
    tick_minutes: float = 1.0


class Watcher:
    """Owns the service (rebuilt after an auth failure) and runs jobs that never raise."""

    def __init__(self, build: Callable[[], Service], *, service: Service | None = None) -> None:
        self._build = build
        self._service = service
        self.runs = 0
        self.failures = 0

    def service(self) -> Service:
        if self._service is None:
            self._service = self._build()
        return self._service

    def poll(self) -> PollReport | None:
        return self._run("poll", lambda s: s.poll_once())

    def tick(self) -> PollReport | None:
        return self._run("tick", lambda s: s.tick())

    def _run(self, job: str, call: Callable[[Service], PollReport]) -> PollReport | None:
        self.runs += 1
        try:
            return call(self.service())
        except AuthExpired as exc:
            self.failures += 1
            if self._service is not None:
                self._service.store.close()
            self._service = None  # rebuild from the token file next time
            log.error("watch.auth_failed job=%s error=%s hint=%r", job, exc, exc.hint)
        except FollowupError as exc:
            self.failures += 1
            log.warning("watch.job_failed job=%s error=%s hint=%r", job, exc, exc.hint)
        except Exception:  # the watcher must outlive any bug in one poll
            self.failures += 1
            log.exception("watch.job_crashed job=%s hint='please report this with the log'", job)
        return None


def make_scheduler(watcher: Watcher, settings: WatchSettings) -> BlockingScheduler:
    scheduler = BlockingScheduler(
        executors={"default": ThreadPoolExecutor(max_workers=1)}, timezone=UTC
    )
    every_job = {
        "coalesce": True,
        "max_instances": 1,
        "misfire_grace_time": MISFIRE_GRACE_SECONDS,
    }
    scheduler.add_job(
        watcher.poll,
        "interval",
        minutes=settings.poll_minutes,
        jitter=settings.jitter_seconds,
        id="poll",
        next_run_time=datetime.now(UTC),
        **every_job,
    )
    scheduler.add_job(
        watcher.tick, "interval", minutes=settings.tick_minutes, id="tick", **every_job
    )
    return scheduler


def run_watch(watcher: Watcher, settings: WatchSettings) -> None:
    """Block until SIGINT or SIGTERM, then let the running job finish and return."""
    scheduler = make_scheduler(watcher, settings)
    stopping = threading.Event()

    def stop(signum: int, _frame: FrameType | None) -> None:
        if not stopping.is_set():
            stopping.set()
            log.info("watch.stopping signal=%s", signal.Signals(signum).name)
            scheduler.shutdown(wait=False)

    previous: dict[signal.Signals, Any] = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        previous[sig] = signal.signal(sig, stop)
    try:
        log.info("watch.started poll_minutes=%s", settings.poll_minutes)
        scheduler.start()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        log.info("watch.stopped runs=%d failures=%d", watcher.runs, watcher.failures)
