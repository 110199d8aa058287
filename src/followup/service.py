"""The sync service: read Gmail -> ask the core -> carry out its effects (shell, core, shell).

One poll is: history since the stored cursor (one call when nothing happened), fetch the new
mail, read it, feed it to the core in date order, and commit the applications, the event
log, the draft intents, the queued effects and the new cursor in ONE transaction. Only then
are the effects carried out (:mod:`followup.adapters.outbox`), each forgotten once done. A
crash before the commit replays the same history next time (the core is deterministic, so
the same intent keys come out); a crash after it finds the effects still queued.

The service reads ``now`` from an injected Clock, once per poll, so the simulator and the
demo drive it with the emulator's clock.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal

from followup.adapters.crashpoints import crash_point
from followup.adapters.ingest import candidate_query, is_candidate, to_mail_seen
from followup.adapters.labels import DEFAULT_LABEL_NAMES, LabelKeeper
from followup.adapters.outbox import Applied, InboxSettings, Outbox, encode_effect, intent_entry
from followup.core.compose import UserProfile
from followup.core.effects import CreateDraft
from followup.core.engine import Outcome, handle
from followup.core.events import (
    ClockTick,
    DraftDeleted,
    DraftOutcome,
    Event,
    MailSeen,
    ManualApplication,
    Reclassified,
    UserCommand,
)
from followup.core.matching import ApplicationBook
from followup.core.model import Application, LabelRole
from followup.core.policy import Policy
from followup.errors import HistoryExpired, NotFound
from followup.mail.model import MailReading
from followup.ports import (
    Clock,
    EventRecord,
    HistoryDelta,
    Mailbox,
    MessageData,
    OutboxEntry,
    ProcessedMessage,
    Store,
)

log = logging.getLogger(__name__)

LAST_POLL_META = "last_poll_at"  # ISO time of the last successful poll (read by doctor)

# Batches of the first sync: metadata is small, raw mail is not; these bound memory.
METADATA_CHUNK = 500
RAW_CHUNK = 100
# A DraftOutcome fed back may queue more effects; this bounds that loop (it ends in one).
MAX_FEEDBACK_ROUNDS = 5


Engine = Callable[[Mapping[str, Application], Event, Policy, UserProfile, datetime], Outcome]
"""The core's ``handle``; injectable so the service can be tested with any engine."""
Reader = Callable[[bytes], MailReading]


@dataclass(frozen=True)
class SyncSettings:
    """Knobs of the sync; ``bootstrap`` fills them from the user's config."""

    labels: dict[LabelRole, str] = field(default_factory=lambda: dict(DEFAULT_LABEL_NAMES))
    inbox: InboxSettings = field(default_factory=InboxSettings)
    first_sync_days: int = 60
    query: str | None = None  # None: candidate_query(first_sync_days)
    user_addresses: tuple[str, ...] = ()
    progress: bool | None = None  # None: a progress bar only when stderr is a terminal


@dataclass
class PollReport:
    """What one poll, tick or command did, and what it cost."""

    mode: Literal["idle", "incremental", "first_sync", "resync", "tick", "command"]
    messages_fetched: int = 0
    events: int = 0
    skipped: int = 0
    malformed: int = 0
    drafts_created: int = 0
    drafts_discarded: int = 0
    drafts_kept: int = 0
    drafts_deleted_by_user: int = 0
    threads_labelled: int = 0
    flags: int = 0
    calls: int = 0
    units: int = 0
    notes: list[str] = field(default_factory=list)

    def absorb(self, applied: Applied) -> None:
        self.drafts_created += applied.drafts_created
        self.drafts_discarded += applied.drafts_discarded
        self.drafts_kept += applied.drafts_kept
        self.threads_labelled += applied.threads_labelled
        self.flags += applied.flags


class Service:
    """Drives the core from a mailbox and a store. Not thread-safe: one job at a time."""

    def __init__(
        self,
        mailbox: Mailbox,
        store: Store,
        policy: Policy,
        profile: UserProfile,
        settings: SyncSettings,
        clock: Clock,
        *,
        reader: Reader,
        engine: Engine | None = None,
    ) -> None:
        self.mailbox = mailbox
        self.store = store
        self.policy = policy
        self.profile = profile
        self.settings = settings
        self.clock = clock
        self._reader = reader
        self._engine: Engine = engine or handle
        self.labels = LabelKeeper(mailbox, store, settings.labels)
        self.outbox = Outbox(mailbox, store, self.labels, settings.inbox)
        self._started = False
        self._cache: tuple[int, ApplicationBook] | None = None

    # -- public API -------------------------------------------------------------------------

    def poll_once(self) -> PollReport:
        """One incremental poll (or the first sync when there is no cursor yet)."""
        calls, units = self.mailbox.stats.total_calls, self.mailbox.stats.units
        now = self.clock.now()
        cursor = self.store.get_cursor()
        if cursor is None:
            report = self._full_sync(now, mode="first_sync")
        else:
            self._start(now)
            try:
                delta = self.mailbox.history_since(cursor)
            except HistoryExpired:
                log.warning("sync.history_expired cursor=%s action=full_resync", cursor)
                report = self._full_sync(now, mode="resync")
            else:
                report = self._incremental(delta, cursor, now)
        self._drain(now, report)
        self._mark_polled(now)
        return self._costed(report, calls, units)

    def first_sync(self) -> PollReport:
        """The first run: record historyId, then read the candidate mail of the window."""
        calls, units = self.mailbox.stats.total_calls, self.mailbox.stats.units
        now = self.clock.now()
        report = self._full_sync(now, mode="first_sync")
        self._drain(now, report)
        self._mark_polled(now)
        return self._costed(report, calls, units)

    def _mark_polled(self, now: datetime) -> None:
        """Remember when Gmail was last read in full, so `followup doctor` can tell a stale
        cursor (a watcher that stopped) from a healthy one. Local write only: no Gmail call."""
        self.store.set_meta(LAST_POLL_META, now.isoformat())

    def tick(self) -> PollReport:
        """Clock-driven transitions (thank-you at the interview's end, check-ins, let go)."""
        calls, units = self.mailbox.stats.total_calls, self.mailbox.stats.units
        now = self.clock.now()
        self._start(now)
        report = PollReport(mode="tick")
        self._commit([ClockTick(at=now)], [], None, now, report)
        self._drain(now, report)
        return self._costed(report, calls, units)

    def apply(self, event: UserCommand | ManualApplication | Reclassified) -> PollReport:
        """A user command from the CLI, applied like any event and carried out at once."""
        calls, units = self.mailbox.stats.total_calls, self.mailbox.stats.units
        now = self.clock.now()
        self._start(now)
        report = PollReport(mode="command")
        self._commit([event], [], None, now, report)
        self._drain(now, report)
        return self._costed(report, calls, units)

    def thread_mail(self, thread_id: str) -> tuple[MessageData, ...]:
        """A thread's messages with their raw bytes, in Gmail's thread order; empty when the
        thread is gone. `followup add --thread` reads the employer's details from these and
        hands the same messages to :meth:`adopt_thread`, so the thread is downloaded once."""
        refs = self.mailbox.thread_messages(thread_id)
        fetched = self.mailbox.get_messages([m.id for m in refs], fmt="raw") if refs else {}
        return tuple(fetched[m.id] for m in refs if m.id in fetched)

    def adopt_thread(
        self, manual: ManualApplication, messages: Sequence[MessageData] | None = None
    ) -> PollReport:
        """Track a thread the watcher did not pick up, as if it had tracked it from the start.

        The application is created, then every message of the thread is replayed in date
        order, all in ONE commit: a rejection, an offer, an employer's reply or the user's
        own thank-you already in the thread counts, so no stale draft is made. Mail the
        watcher recorded as skipped is read again; drafts, spam and trash are left out as in
        a poll, and a message another application owns is never taken from it.

        The entry's ``at`` is moved back to the thread's first message (never later than
        given): the application must exist before its first mail is replayed, or that mail
        would open an application of its own, and clock steps (the thank-you at the
        interview's end) must fall between the mails as they did. The same thread always
        gives the same ``at``, hence the same application id: adopting it twice adds nothing.
        """
        thread_id = manual.thread_id
        if thread_id is None:
            raise ValueError("adopt_thread needs a ManualApplication with a thread_id")
        calls, units = self.mailbox.stats.total_calls, self.mailbox.stats.units
        now = self.clock.now()
        self._start(now)
        report = PollReport(mode="command")
        owner = next((a for a in self._applications().values() if thread_id in a.thread_ids), None)
        if owner is not None:
            report.notes.append(f"{owner.id}: thread {thread_id} is already tracked here")
            return self._costed(report, calls, units)
        if messages is None:
            messages = self.thread_mail(thread_id)
        mine = [m for m in messages if m.thread_id == thread_id]
        for msg in [m for m in mine if self._owned_elsewhere(m)]:
            report.notes.append(f"{msg.id}: belongs to another application; left there")
            mine.remove(msg)
        report.messages_fetched = len(mine)
        events, records = self._read_all(mine, report)
        first = min((e.at for e in events), default=manual.at)
        entry = replace(manual, at=min(manual.at, first))
        # The entry goes first: the commit's sort is stable, so it stays before a mail of
        # the same instant.
        self._commit([entry, *events], records, None, now, report)
        self._drain(now, report)
        return self._costed(report, calls, units)

    def _owned_elsewhere(self, msg: MessageData) -> bool:
        record = self.store.get_message(msg.id)
        return record is not None and record.application_id is not None

    # -- polls ------------------------------------------------------------------------------

    def _start(self, now: datetime) -> None:
        """Once per process: settle draft intents a crash left in doubt."""
        if not self._started:
            self.outbox.reconcile(now)
            self._started = True

    def _incremental(self, delta: HistoryDelta, cursor: str, now: datetime) -> PollReport:
        if delta.empty:
            if delta.history_id != cursor:
                self.store.set_cursor(delta.history_id)
            return PollReport(mode="idle")
        report = PollReport(mode="incremental")
        wanted = list(dict.fromkeys(_interesting(delta)))
        seen = self.store.seen_message_ids(wanted)
        drafts_by_message = self.store.outbox_for_messages(
            [*wanted, *(ref.id for ref in delta.deleted)]
        )
        # Our own drafts show up as new messages; only fetch one once it has been sent.
        sent = _sent_ids(delta)
        fetch = [m for m in wanted if m not in seen and (m not in drafts_by_message or m in sent)]
        fetched = self.mailbox.get_messages(fetch, fmt="raw") if fetch else {}
        report.messages_fetched = len(fetched)
        crash_point("poll.after_fetch")
        events, records = self._read_all(fetched.values(), report)
        outbox_updates: list[tuple[str, str, str | None]] = []
        for message_id, msg in fetched.items():
            row = drafts_by_message.get(message_id)
            if row is not None and "DRAFT" not in msg.label_ids:
                outbox_updates.append((row.intent_key, "gone", None))  # sent as it was
        sent_threads = {e.thread_id for e in events if isinstance(e, MailSeen) and e.from_user}
        vanished = [drafts_by_message[r.id] for r in delta.deleted if r.id in drafts_by_message]
        current = self._current_drafts(vanished)
        for row in vanished:
            self._draft_message_deleted(row, current, sent_threads, events, outbox_updates, now)
        report.drafts_deleted_by_user = sum(isinstance(e, DraftDeleted) for e in events)
        self._commit(events, records, delta.history_id, now, report, outbox_updates)
        return report

    def _current_drafts(self, rows: Sequence[OutboxEntry]) -> dict[str, str]:
        """Draft id -> its message id now, for the drafts of ``rows`` that still exist.

        One drafts.get answers for one draft; for several, one drafts.list (same 5 units,
        500 drafts a page) answers for all: a user who sent five of our drafts since the
        last poll costs 5 units, not 25.
        """
        ids = [row.draft_id for row in rows if row.draft_id is not None]
        if len(ids) > 1:
            return {d.id: d.message_id for d in self.mailbox.list_drafts() if d.id in ids}
        current: dict[str, str] = {}
        for draft_id in ids:
            with suppress(NotFound):
                current[draft_id] = self.mailbox.get_draft(draft_id).message_id
        return current

    def _draft_message_deleted(
        self,
        row: OutboxEntry,
        current: Mapping[str, str],
        sent_threads: set[str],
        events: list[Event],
        updates: list[tuple[str, str, str | None]],
        now: datetime,
    ) -> None:
        """Our draft's message went away: edited (new message), sent, or deleted by the user."""
        assert row.draft_id is not None
        message_id = current.get(row.draft_id)
        if message_id is None:
            updates.append((row.intent_key, "gone", None))
            if row.thread_id not in sent_threads:
                events.append(DraftDeleted(intent_key=row.intent_key, at=now))
                log.info("sync.draft_deleted_by_user intent=%s", row.intent_key)
            return
        updates.append((row.intent_key, "created", message_id))  # edited in Gmail

    def _full_sync(self, now: datetime, *, mode: Literal["first_sync", "resync"]) -> PollReport:
        report = PollReport(mode=mode)
        self._start(now)
        profile = self.mailbox.profile()  # BEFORE listing: nothing between is lost
        if profile.email:
            self.store.set_meta("account_email", profile.email)
        query = self.settings.query or candidate_query(self.settings.first_sync_days)
        refs = list(self.mailbox.list_messages(query))
        seen = self.store.seen_message_ids(r.id for r in refs)
        unseen = [r.id for r in refs if r.id not in seen]
        known_threads = {t for app in self._applications().values() for t in app.thread_ids}
        candidates: list[str] = []
        records: list[ProcessedMessage] = []
        with self._progress("Checking mail headers", len(unseen)) as advance:
            for chunk in _chunks(unseen, METADATA_CHUNK):
                metas = self.mailbox.get_messages(chunk, fmt="metadata")
                for meta in metas.values():
                    if is_candidate(meta, known_threads):
                        candidates.append(meta.id)
                    elif not {"DRAFT", "SPAM", "TRASH"}.intersection(meta.label_ids):
                        records.append(_skipped(meta, "bulk mail"))
                advance(len(chunk))
        report.skipped += len(records)
        events: list[Event] = []
        with self._progress("Reading job mail", len(candidates)) as advance:
            for chunk in _chunks(candidates, RAW_CHUNK):
                fetched = self.mailbox.get_messages(chunk, fmt="raw")
                report.messages_fetched += len(fetched)
                more_events, more_records = self._read_all(fetched.values(), report)
                events.extend(more_events)
                records.extend(more_records)
                advance(len(chunk))
        updates: list[tuple[str, str, str | None]] = []
        if mode == "resync":
            self._missed_draft_changes(events, updates, now)
        self._commit(events, records, profile.history_id, now, report, updates)
        return report

    def _missed_draft_changes(
        self, events: list[Event], updates: list[tuple[str, str, str | None]], now: datetime
    ) -> None:
        """After a lost cursor, find drafts the user deleted while we could not see history."""
        rows = self.store.outbox("created")
        if not rows:
            return
        present = {d.id for d in self.mailbox.list_drafts()}
        sent_threads = {e.thread_id for e in events if isinstance(e, MailSeen) and e.from_user}
        for row in rows:
            if row.draft_id in present:
                continue
            updates.append((row.intent_key, "gone", None))
            user_sent = row.thread_id in sent_threads or any(
                m.from_user and m.thread_id == row.thread_id and m.at >= (row.created_at or now)
                for m in self.store.messages_for(row.application_id)
            )
            if not user_sent:
                events.append(DraftDeleted(intent_key=row.intent_key, at=now))

    # -- reading ----------------------------------------------------------------------------

    def _read_all(
        self, messages: Iterable[MessageData], report: PollReport
    ) -> tuple[list[Event], list[ProcessedMessage]]:
        """Classify fetched mail; drafts, spam and trash are left alone, bad mail is logged."""
        corrections = None
        events: list[Event] = []
        records: list[ProcessedMessage] = []
        users = self._user_addresses()
        for msg in messages:
            if {"DRAFT", "SPAM", "TRASH", "CHAT"}.intersection(msg.label_ids) or msg.raw is None:
                continue
            reading: MailReading | None = None
            try:
                reading = self._reader(msg.raw)
            except Exception as exc:  # the reader must never stop a poll
                error = type(exc).__name__
            else:
                error = reading.unparseable or ""
            if reading is None or reading.unparseable:
                # Log ids and the error type only: never a body or a subject.
                log.warning("sync.malformed_message id=%s error=%s", msg.id, error)
                records.append(_skipped(msg, f"unreadable: {error}", status="malformed"))
                report.malformed += 1
                continue
            if corrections is None:
                corrections = self.store.corrections()
            corrected = corrections.get(msg.id)
            event = to_mail_seen(
                msg,
                reading,
                user_addresses=users,
                kind=corrected.kind if corrected else None,
            )
            events.append(event)
            records.append(
                ProcessedMessage(
                    message_id=msg.id,
                    thread_id=msg.thread_id,
                    at=msg.internal_date,
                    kind=str(event.kind),
                    status="ingested",
                    from_user=event.from_user,
                    company=event.company,
                    subject=event.subject[:200],
                    sender=event.sender,
                    reasons=event.reasons,
                )
            )
        return events, records

    def _user_addresses(self) -> tuple[str, ...]:
        account = self.store.get_meta("account_email")
        return (*self.settings.user_addresses, *((account,) if account else ()))

    # -- the one transaction ----------------------------------------------------------------

    def _commit(
        self,
        events: Sequence[Event],
        records: Sequence[ProcessedMessage],
        cursor: str | None,
        now: datetime,
        report: PollReport,
        outbox_updates: Sequence[tuple[str, str, str | None]] = (),
    ) -> None:
        """Feed events in date order and commit everything they caused, with the cursor."""
        ordered = sorted(events, key=_event_time)
        try:
            self._commit_in_order(ordered, records, cursor, now, report, outbox_updates)
        except BaseException:
            # The in-memory book was updated as events were handled; after a rollback only
            # the store is right, so read it again next time.
            self._cache = None
            raise
        crash_point("poll.after_commit")

    def _commit_in_order(
        self,
        ordered: Sequence[Event],
        records: Sequence[ProcessedMessage],
        cursor: str | None,
        now: datetime,
        report: PollReport,
        outbox_updates: Sequence[tuple[str, str, str | None]],
    ) -> None:
        with self.store.transaction():
            apps = self._applications()
            changed: set[str] = set()
            queued: list[tuple[str, str]] = []
            logged: list[tuple[Event, tuple[str, ...]]] = []
            for event in ordered:
                outcome = self._engine(apps, event, self.policy, self.profile, now)
                new_ids = [key for key in outcome.applications if key not in apps]
                apps.update(outcome.applications)
                changed.update(outcome.applications)
                for effect in outcome.effects:
                    if isinstance(effect, CreateDraft):
                        self.store.put_outbox(intent_entry(effect, now))
                    queued.append(encode_effect(effect))
                report.notes.extend(str(note) for note in outcome.notes)
                touched = tuple(
                    dict.fromkeys([e.application_id for e in outcome.effects] + new_ids)
                )
                if isinstance(event, ClockTick) and not outcome.effects:
                    continue
                logged.append((event, touched))
            report.events += len(ordered)
            owners = {m.message_id: key for key in changed for m in apps[key].messages}
            for event, touched in logged:
                for entry in _event_records(event, touched, owners, self.store):
                    self.store.record_event(entry)
            if changed:
                self.store.save_applications(apps[key] for key in sorted(changed))
            version = self.store.applications_version()
            for record in records:
                self.store.record_message(_owned(record, owners.get(record.message_id)))
            for key, state, message_id in outbox_updates:
                if state == "created":
                    self.store.update_outbox(
                        key, state="created", draft_message_id=message_id, at=now
                    )
                else:
                    self.store.update_outbox(key, state="gone", at=now)
            self.store.queue_effects(_coalesce_labels(queued))
            crash_point("poll.before_commit")
            if cursor is not None:
                self.store.set_cursor(cursor)
        self._cache = (version, apps)

    def _applications(self) -> ApplicationBook:
        """All applications, decoded from the store only when another writer changed them.

        Decoding every application's JSON on every poll and tick is what a poll spends
        most of its time on with hundreds of applications. The book's indexes make
        matching a mail independent of how many applications there are.
        """
        version = self.store.applications_version()
        if self._cache is None or self._cache[0] != version:
            self._cache = (
                version,
                ApplicationBook({a.id: a for a in self.store.load_applications()}),
            )
        return self._cache[1]

    def _drain(self, now: datetime, report: PollReport) -> None:
        """Carry out queued effects; feed what they report (kept drafts) back to the core."""
        for _ in range(MAX_FEEDBACK_ROUNDS):
            if not self.store.pending_effects():
                return
            applied = self.outbox.apply_pending(now)
            report.absorb(applied)
            if not applied.events:
                return
            self._commit(applied.events, [], None, now, report)

    # -- helpers ----------------------------------------------------------------------------

    def _costed(self, report: PollReport, calls: int, units: int) -> PollReport:
        report.calls = self.mailbox.stats.total_calls - calls
        report.units = self.mailbox.stats.units - units
        log.info(
            "sync.done mode=%s events=%d drafts_created=%d calls=%d units=%d",
            report.mode,
            report.events,
            report.drafts_created,
            report.calls,
            report.units,
        )
        return report

    def _progress(self, label: str, total: int) -> AbstractContextManager[Callable[[int], None]]:
        show = self.settings.progress
        if show is None:
            show = sys.stderr.isatty()
        if not show or total == 0:
            return nullcontext(lambda _n: None)
        return _rich_progress(label, total)


def _rich_progress(label: str, total: int) -> AbstractContextManager[Callable[[int], None]]:
    from rich.progress import Progress  # imported only when a bar is shown

    @contextmanager
    def bar() -> Iterator[Callable[[int], None]]:
        with Progress(transient=True) as progress:
            task = progress.add_task(label, total=total)
            yield lambda n: progress.advance(task, n)

    return bar()


def _coalesce_labels(queued: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Only a thread's last label move in one commit matters: drop the ones it overrides.

    A first sync replays weeks of events, and each step re-labels the threads; carried out
    one by one that is 10 units per thread per step for nothing.
    """
    claimed: set[str] = set()
    kept: list[tuple[str, str]] = []
    for kind, payload in reversed(queued):
        if kind == "label":
            data = json.loads(payload)
            threads = [t for t in data["thread_ids"] if t not in claimed]
            claimed.update(threads)
            if not threads:
                continue
            data["thread_ids"] = threads
            payload = json.dumps(data)
        kept.append((kind, payload))
    kept.reverse()
    return kept


def _interesting(delta: HistoryDelta) -> Iterator[str]:
    """Messages worth a look: new ones, ones just sent, ones taken out of spam or trash."""
    for ref in delta.added:
        yield ref.id
    yield from _sent_ids(delta)
    for change in delta.labels_removed:
        if {"SPAM", "TRASH"}.intersection(change.label_ids):
            yield change.message.id


def _sent_ids(delta: HistoryDelta) -> set[str]:
    """Messages that became sent mail in place (a draft sent keeping its message id)."""
    sent = {c.message.id for c in delta.labels_added if "SENT" in c.label_ids}
    sent.update(c.message.id for c in delta.labels_removed if "DRAFT" in c.label_ids)
    return sent


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _skipped(
    msg: MessageData, reason: str, *, status: Literal["skipped", "malformed"] = "skipped"
) -> ProcessedMessage:
    return ProcessedMessage(
        message_id=msg.id,
        thread_id=msg.thread_id,
        at=msg.internal_date,
        kind="other",
        status=status,
        reasons=(reason,),
    )


def _owned(record: ProcessedMessage, app_id: str | None) -> ProcessedMessage:
    if app_id is None:
        return record
    return replace(record, application_id=app_id)


def _event_time(event: Event) -> datetime:
    return event.at


def _event_records(
    event: Event, touched: tuple[str, ...], owners: dict[str, str], store: Store
) -> list[EventRecord]:
    """Event log entries (one per application concerned); keys make replays no-ops."""
    if isinstance(event, MailSeen):
        who = "you" if event.from_user else (event.sender or "unknown sender")
        app_id = owners.get(event.message_id) or (touched[0] if touched else None)
        return [
            EventRecord(
                key=f"mail:{event.message_id}",
                at=event.at,
                kind=f"mail.{event.kind}",
                application_id=app_id,
                summary=f"{event.kind} from {who}",
            )
        ]
    if isinstance(event, ClockTick):
        return [
            EventRecord(
                key=f"tick:{event.at.isoformat()}:{app_id}",
                at=event.at,
                kind="clock",
                application_id=app_id,
                summary="follow-up step due",
            )
            for app_id in touched
        ]
    if isinstance(event, DraftDeleted | DraftOutcome):
        row = store.get_outbox(event.intent_key)
        deleted = isinstance(event, DraftDeleted)
        return [
            EventRecord(
                key=f"draft-{'deleted' if deleted else 'kept'}:{event.intent_key}",
                at=event.at,
                kind="draft.deleted_by_user" if deleted else "draft.kept_edited",
                application_id=row.application_id if row else None,
                summary="you deleted the draft: step skipped"
                if deleted
                else "your edited draft was kept",
            )
        ]
    if isinstance(event, UserCommand):
        return [
            EventRecord(
                key=f"cmd:{event.application_id}:{event.action}:{event.at.isoformat()}",
                at=event.at,
                kind=f"user.{event.action}",
                application_id=event.application_id,
                summary=event.note or event.action,
            )
        ]
    if isinstance(event, ManualApplication):
        return [
            EventRecord(
                key=f"add:{event.company}:{event.at.isoformat()}",
                at=event.at,
                kind="user.add",
                application_id=touched[0] if touched else None,
                summary=f"added {event.company}",
            )
        ]
    return [
        EventRecord(
            key=f"correct:{event.message_id}:{event.at.isoformat()}",
            at=event.at,
            kind="user.correct",
            application_id=owners.get(event.message_id),
            summary=f"marked as {event.kind}",
        )
    ]


__all__ = ["Engine", "PollReport", "Reader", "Service", "SyncSettings"]
