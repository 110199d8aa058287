"""Ports: the Protocols the service is written against, and the plain data they carry.

The service, the CLI and the simulator depend on these, never on Gmail or SQLite. A later
multi-user mode can put a PostgreSQL :class:`Store` behind the same Protocol without
touching its callers. The mailbox port has ways to create and delete drafts and no way to
send: "never sends" is structural.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol

from followup.core.model import Application

# -- mailbox data --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MessageRef:
    id: str
    thread_id: str


@dataclass(frozen=True, slots=True)
class MessageData:
    """A fetched message: labels and headers always, the raw RFC 5322 bytes when asked."""

    id: str
    thread_id: str
    label_ids: tuple[str, ...]
    internal_date: datetime
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names
    raw: bytes | None = None


@dataclass(frozen=True, slots=True)
class LabelChange:
    message: MessageRef
    label_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HistoryDelta:
    """Everything that changed since a cursor, and the cursor to store afterwards."""

    history_id: str
    added: tuple[MessageRef, ...] = ()
    deleted: tuple[MessageRef, ...] = ()
    labels_added: tuple[LabelChange, ...] = ()
    labels_removed: tuple[LabelChange, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.deleted or self.labels_added or self.labels_removed)


@dataclass(frozen=True, slots=True)
class Draft:
    id: str
    message_id: str
    thread_id: str
    raw: bytes | None = None
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Label:
    id: str
    name: str
    type: str = "user"


@dataclass(frozen=True, slots=True)
class Profile:
    email: str
    history_id: str


@dataclass
class CallStats:
    """Calls and quota units a mailbox spent, per method (PollReport and the bench read it)."""

    calls: dict[str, int] = field(default_factory=dict)
    units_by_method: dict[str, int] = field(default_factory=dict)
    retries: int = 0

    def record(self, method: str, units: int, count: int = 1) -> None:
        self.calls[method] = self.calls.get(method, 0) + count
        self.units_by_method[method] = self.units_by_method.get(method, 0) + units * count

    @property
    def total_calls(self) -> int:
        return sum(self.calls.values())

    @property
    def units(self) -> int:
        return sum(self.units_by_method.values())


class Mailbox(Protocol):
    """What the service needs from a mailbox. There is deliberately no send."""

    stats: CallStats

    def profile(self) -> Profile: ...
    def list_messages(
        self, query: str, *, include_spam_trash: bool = False
    ) -> Iterator[MessageRef]: ...
    def get_messages(
        self,
        ids: Iterable[str],
        *,
        fmt: Literal["metadata", "raw", "minimal"],
        headers: Sequence[str] = ...,
    ) -> dict[str, MessageData]: ...
    def history_since(self, start_history_id: str) -> HistoryDelta: ...
    def thread_messages(self, thread_id: str) -> tuple[MessageData, ...]: ...
    def list_drafts(self, query: str | None = None) -> list[Draft]: ...
    def get_draft(self, draft_id: str) -> Draft: ...
    def get_drafts(self, draft_ids: Iterable[str]) -> dict[str, Draft]: ...
    def create_draft(self, raw: bytes, *, thread_id: str | None) -> Draft: ...
    def delete_draft(self, draft_id: str) -> bool: ...
    def list_labels(self) -> list[Label]: ...
    def create_label(self, name: str) -> Label: ...
    def modify_thread(
        self, thread_id: str, *, add: Sequence[str] = (), remove: Sequence[str] = ()
    ) -> None: ...


class Clock(Protocol):
    """Where "now" comes from: the system clock, or the emulator's in simulations."""

    def now(self) -> datetime: ...


# -- store data ----------------------------------------------------------------------------

OutboxState = Literal[
    "intended", "creating", "created", "deleted", "kept", "cancelled", "gone", "failed"
]
"""intended: stored, no create call yet. creating: a create call may have happened (a crash
here is resolved by reconciling with drafts.list). created: draft id known. deleted: we
removed our unedited draft. kept: the user had edited it, we left it. cancelled: discarded
before it was ever created. gone: the user deleted or sent it. failed: Gmail refused the
draft for good (a 400/403); a note says why."""


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    intent_key: str
    application_id: str
    step: str
    thread_id: str | None
    state: OutboxState
    raw: bytes
    content_hash: str
    draft_id: str | None = None
    draft_message_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class ProcessedMessage:
    """What we did with one Gmail message: for idempotency and for `followup show`."""

    message_id: str
    thread_id: str
    at: datetime
    kind: str
    status: Literal["ingested", "skipped", "malformed"]
    from_user: bool = False
    company: str | None = None
    subject: str = ""
    sender: str = ""
    reasons: tuple[str, ...] = ()
    application_id: str | None = None


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One entry of the event log; ``key`` makes recording it idempotent."""

    key: str
    at: datetime
    kind: str
    application_id: str | None
    summary: str
    seq: int = 0


@dataclass(frozen=True, slots=True)
class Note:
    """Something to tell the user (a flag, a kept edited draft, a skipped message)."""

    at: datetime
    application_id: str | None
    kind: str
    text: str
    id: int = 0
    key: str | None = None  # when set, recording the same note twice keeps one


@dataclass(frozen=True, slots=True)
class Correction:
    """`followup correct`: the user's verdict on a message, applied on every re-read."""

    message_id: str
    kind: str
    at: datetime
    company: str | None = None


class Store(Protocol):
    """Durable state. Writes made inside ``transaction()`` commit together or not at all."""

    def transaction(self) -> AbstractContextManager[None]: ...
    def close(self) -> None: ...

    # cursor and small settings
    def get_cursor(self) -> str | None: ...
    def set_cursor(self, history_id: str) -> None: ...
    def get_meta(self, key: str) -> str | None: ...
    def set_meta(self, key: str, value: str) -> None: ...

    # applications
    def load_applications(self) -> list[Application]: ...
    def applications_version(self) -> int: ...
    def save_applications(self, apps: Iterable[Application]) -> None: ...
    def get_application(self, app_id: str) -> Application | None: ...
    def find_applications(self, text: str) -> list[Application]: ...

    # messages and events
    def seen_message_ids(self, ids: Iterable[str]) -> set[str]: ...
    def record_message(self, record: ProcessedMessage) -> None: ...
    def get_message(self, message_id: str) -> ProcessedMessage | None: ...
    def messages_for(self, application_id: str) -> list[ProcessedMessage]: ...
    def record_event(self, record: EventRecord) -> bool: ...
    def timeline(self, application_id: str) -> list[EventRecord]: ...

    # outbox
    def put_outbox(self, entry: OutboxEntry) -> bool: ...
    def update_outbox(
        self,
        intent_key: str,
        *,
        state: OutboxState,
        draft_id: str | None = ...,
        draft_message_id: str | None = ...,
        note: str | None = ...,
        at: datetime,
    ) -> None: ...
    def claim_outbox(
        self,
        intent_key: str,
        *,
        expected: OutboxState,
        state: OutboxState,
        at: datetime,
        note: str = "",
    ) -> bool: ...
    def get_outbox(self, intent_key: str) -> OutboxEntry | None: ...
    def outbox(self, *states: OutboxState) -> list[OutboxEntry]: ...
    def outbox_by_draft_message(self, message_id: str) -> OutboxEntry | None: ...
    def outbox_for_messages(
        self, message_ids: Iterable[str], *, state: OutboxState = "created"
    ) -> dict[str, OutboxEntry]: ...

    # effects queued with the events that caused them, applied after the commit
    def queue_effects(self, items: Iterable[tuple[str, str]]) -> None: ...
    def pending_effects(self) -> list[tuple[int, str, str]]: ...
    def effect_done(self, effect_id: int) -> None: ...

    # notes, corrections, labels
    def add_note(self, note: Note) -> None: ...
    def notes(self, application_id: str | None = None) -> list[Note]: ...
    def save_correction(self, correction: Correction) -> None: ...
    def corrections(self) -> dict[str, Correction]: ...
    def label_ids(self) -> dict[str, str]: ...
    def set_label_ids(self, mapping: Mapping[str, str]) -> None: ...
    def thread_label(self, thread_id: str) -> str | None: ...
    def set_thread_label(self, thread_id: str, role: str | None) -> None: ...
    def clear_thread_labels(self) -> None: ...
