"""Pure parts of the sync: limiter, back-off, draft fingerprint, candidate filter, lock."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest

from followup.adapters.ingest import candidate_query, is_candidate
from followup.adapters.lock import AccountLock
from followup.adapters.outbox import fingerprint
from followup.adapters.ratelimit import Backoff, QuotaLimiter, parse_retry_after
from followup.adapters.scheduler import Watcher
from followup.errors import AlreadyRunning, AuthExpired, MailboxUnavailable
from followup.ports import MessageData
from followup.service import _coalesce_labels

T0 = datetime(2026, 4, 6, 9, 0, tzinfo=UTC)


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_limiter_never_lets_a_sliding_minute_exceed_its_budget() -> None:
    t = FakeTime()
    limiter = QuotaLimiter(units_per_minute=100, safety=1.0, clock=t.clock, sleep=t.sleep)
    spent: list[tuple[float, int]] = []
    for _ in range(60):
        limiter.acquire(5)
        spent.append((t.now, 5))
        t.now += 0.5
    for start, _ in spent:
        window = sum(u for at, u in spent if start <= at < start + 60)
        assert window <= 100
    assert limiter.waited > 0


def test_limiter_lets_a_burst_through_at_once_when_the_minute_is_fresh() -> None:
    t = FakeTime()
    limiter = QuotaLimiter(units_per_minute=1000, safety=1.0, clock=t.clock, sleep=t.sleep)
    for _ in range(100):
        limiter.acquire(10)
    assert t.now == 0.0


def test_backoff_grows_exponentially_under_a_cap_and_honours_retry_after() -> None:
    top = Backoff(base=1.0, cap=8.0, rand=lambda: 1.0)
    assert [top.delay(n) for n in range(1, 6)] == [1.0, 2.0, 4.0, 8.0, 8.0]
    assert Backoff(rand=lambda: 0.0).delay(1, retry_after=5.0) == 5.0


def test_retry_after_accepts_seconds_and_ignores_garbage() -> None:
    assert parse_retry_after("12") == 12.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def _draft(text: str, subject: str = "Re: Interview") -> bytes:
    msg = EmailMessage()
    msg["To"] = "Dana <dana@x.com>"
    msg["Subject"] = subject
    msg.set_content(text)
    msg.add_alternative(f"<p>{text}</p>", subtype="html")
    return msg.as_bytes()


def test_fingerprint_ignores_transport_details_but_sees_any_edit() -> None:
    ours = _draft("Thank you for your time today.")
    reencoded = ours.replace(b"\n", b"\r\n")
    assert fingerprint(ours) == fingerprint(reencoded)
    assert fingerprint(ours) != fingerprint(_draft("Thank you for your time today!"))
    assert fingerprint(ours) != fingerprint(_draft("Thank you for your time today.", "Re: x"))


def _meta(labels: tuple[str, ...], **headers: str) -> MessageData:
    return MessageData(id="m", thread_id="t", label_ids=labels, internal_date=T0, headers=headers)


def test_candidate_filter_drops_bulk_mail_but_keeps_job_subjects_and_known_threads() -> None:
    bulk = {"list-unsubscribe": "<mailto:u@x>", "subject": "Weekly deals"}
    assert not is_candidate(_meta(("INBOX",), **bulk))
    assert is_candidate(_meta(("INBOX",), **{**bulk, "subject": "Your application"}))
    assert is_candidate(_meta(("INBOX",), **bulk), known_threads={"t"})
    assert is_candidate(_meta(("INBOX",), subject="lunch?"))
    assert not is_candidate(_meta(("DRAFT",), subject="Interview"))


def test_candidate_query_keeps_the_users_sent_mail_and_the_window() -> None:
    query = candidate_query(30)
    assert "newer_than:30d" in query
    assert "in:sent" in query
    assert "-category:promotions" in query


def test_only_the_last_label_move_of_a_thread_in_one_commit_is_kept() -> None:
    queued = [
        ("label", '{"application_id": "a", "thread_ids": ["t1", "t2"], "label": "waiting"}'),
        ("create", '{"intent_key": "k"}'),
        ("label", '{"application_id": "a", "thread_ids": ["t1"], "label": "ready"}'),
    ]
    kept = _coalesce_labels(queued)
    assert [k for k, _ in kept] == ["label", "create", "label"]
    assert '"t2"' in kept[0][1]
    assert '"t1"' not in kept[0][1]


def test_a_second_watcher_for_the_same_account_is_refused(tmp_path: Path) -> None:
    with AccountLock(tmp_path / "watch.lock"):
        with pytest.raises(AlreadyRunning) as caught:
            AccountLock(tmp_path / "watch.lock").acquire()
        assert "followup sync" in caught.value.hint
    AccountLock(tmp_path / "watch.lock").acquire()  # released: free again


class Flaky:
    """A stand-in service whose polls fail in turn with each kind of error."""

    def __init__(self) -> None:
        self.errors: list[Exception] = [
            MailboxUnavailable("down"),
            AuthExpired("revoked"),
            RuntimeError("bug"),
        ]

        self.store = self
        self.closed = 0

    def close(self) -> None:
        self.closed += 1

    def poll_once(self) -> None:
        if self.errors:
            raise self.errors.pop(0)


def test_watcher_survives_every_kind_of_failure_and_rebuilds_after_auth_errors() -> None:
    built: list[Flaky] = []

    def build() -> Flaky:
        built.append(Flaky() if not built else built[0])
        return built[-1]

    watcher = Watcher(build)  # type: ignore[arg-type]
    for _ in range(4):
        watcher.poll()
    assert (watcher.runs, watcher.failures) == (4, 3)
    assert len(built) == 2  # rebuilt once, after the AuthExpired
    assert built[0].closed == 1  # and the old store was closed


def test_scheduler_runs_one_job_at_a_time_coalesced_with_a_grace_time() -> None:
    from followup.adapters.scheduler import MISFIRE_GRACE_SECONDS, WatchSettings, make_scheduler

    scheduler = make_scheduler(Watcher(Flaky), WatchSettings(poll_minutes=5, jitter_seconds=30))  # type: ignore[arg-type]
    jobs = {job.id: job for job in scheduler.get_jobs()}
    assert set(jobs) == {"poll", "tick"}
    for job in jobs.values():
        assert job.coalesce is True
        assert job.max_instances == 1
        assert job.misfire_grace_time == MISFIRE_GRACE_SECONDS
    assert jobs["poll"].trigger.interval.total_seconds() == 300
    assert jobs["poll"].trigger.jitter == 30


def test_every_kind_the_classifier_reports_is_a_kind_the_core_knows() -> None:
    # The core keeps its own Kind so that it imports nothing from the reading layer; the
    # ingest adapter converts by value, so the two enums must name exactly the same kinds.
    from followup.core.events import Kind
    from followup.mail.model import MailKind

    assert {kind.value for kind in MailKind} == {kind.value for kind in Kind}
