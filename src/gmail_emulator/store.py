"""The in-memory data model of one mailbox: messages, threads, labels, drafts and history.

Sized for 100k messages in well under 1 GB: a message keeps its raw bytes plus a few small
slots (the headers that threading and search need, decoded once); the parsed payload tree is
never kept here, it lives in the backend's bounded LRU cache.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from gmail_emulator.mime import header_block

SYSTEM_LABELS: tuple[tuple[str, str | None, str | None], ...] = (
    # id, messageListVisibility, labelListVisibility, as a real labels.list shows them
    ("CHAT", "hide", "labelHide"),
    ("SENT", None, None),
    ("INBOX", None, None),
    ("IMPORTANT", "hide", "labelHide"),
    ("TRASH", "hide", "labelHide"),
    ("DRAFT", None, None),
    ("SPAM", "hide", "labelHide"),
    ("CATEGORY_FORUMS", "hide", "labelHide"),
    ("CATEGORY_UPDATES", "hide", "labelHide"),
    ("CATEGORY_PERSONAL", "hide", "labelHide"),
    ("CATEGORY_PROMOTIONS", "hide", "labelHide"),
    ("CATEGORY_SOCIAL", "hide", "labelHide"),
    ("STARRED", None, None),
    ("UNREAD", None, None),
)
SYSTEM_LABEL_IDS = frozenset(label for label, _, _ in SYSTEM_LABELS)
# Clients may not add or remove these themselves (LABELS guide).
UNMODIFIABLE_LABELS = frozenset({"SENT", "DRAFT", "CHAT"})
HIDDEN_BY_DEFAULT = frozenset({"SPAM", "TRASH"})

_SUBJECT_PREFIX = re.compile(
    r"^\s*(?:(?:re|fwd?|aw|wg|sv|vs|antw|tr|rif|r)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE
)
_SPACES = re.compile(r"\s+")
_MSGID = re.compile(r"<[^<>\s]+>")
ID_MASK = (1 << 64) - 1


def normalise_subject(subject: str) -> str:
    """Subject as threading compares it: no Re:/Fwd:/AW: prefixes, case and spaces folded."""
    return _SPACES.sub(" ", _SUBJECT_PREFIX.sub("", subject)).strip().lower()


def message_ids_in(value: str) -> list[str]:
    """The ``<...>`` ids named in a Message-ID, In-Reply-To or References header."""
    found = _MSGID.findall(value)
    if not found and value.strip():
        found = [value.strip()]
    return [m.lower() for m in found]


class Headers:
    """The decoded top-level headers that threading and search need, kept per message."""

    __slots__ = ("bcc", "cc", "from_", "message_id", "references", "subject", "to")

    def __init__(self, raw: bytes) -> None:
        values: dict[str, str] = {}
        for name, value in header_block(raw):
            key = name.lower()
            if key in values:
                if key in ("to", "cc", "bcc"):
                    values[key] = f"{values[key]}, {value}"
                continue
            values[key] = value
        self.subject = values.get("subject", "")
        self.from_ = values.get("from", "")
        self.to = values.get("to", "")
        self.cc = values.get("cc", "")
        self.bcc = values.get("bcc", "")
        self.message_id = values.get("message-id", "")
        refs = message_ids_in(values.get("in-reply-to", ""))
        refs += message_ids_in(values.get("references", ""))
        self.references = tuple(dict.fromkeys(refs))


class StoredMessage:
    """One message: its bytes plus the few fields every call needs."""

    __slots__ = (
        "_labels",
        "headers",
        "history_id",
        "id",
        "internal_date",
        "literal",
        "raw",
        "thread_id",
    )

    def __init__(
        self,
        msg_id: str,
        thread_id: str,
        raw: bytes,
        labels: frozenset[str],
        internal_date: int,
        history_id: int,
        headers: Headers | None = None,
    ) -> None:
        self.id = msg_id
        self.thread_id = thread_id
        self.raw = raw
        self._labels = intern_labels(labels)
        self.internal_date = internal_date
        self.history_id = history_id
        self.headers = headers if headers is not None else Headers(raw)
        # Whether the body text is the raw bytes as they stand (no transfer encoding etc.);
        # worked out by the first bare-word search that needs it.
        self.literal: bool | None = None

    @property
    def labels(self) -> frozenset[str]:
        return self._labels

    @labels.setter
    def labels(self, value: frozenset[str]) -> None:
        self._labels = intern_labels(value)

    @property
    def sort_key(self) -> int:
        return order_key(self.internal_date, self.id)


_LABEL_SETS: dict[frozenset[str], frozenset[str]] = {}
_MAX_LABEL_SETS = 50_000


def intern_labels(labels: frozenset[str]) -> frozenset[str]:
    """One shared frozenset per distinct label combination: most mail shares a handful, and
    a frozenset costs ~200 bytes, a noticeable part of a message's overhead at 100k."""
    shared = _LABEL_SETS.get(labels)
    if shared is not None:
        return shared
    if len(_LABEL_SETS) < _MAX_LABEL_SETS:
        _LABEL_SETS[labels] = labels
    return labels


def order_key(internal_date: int, msg_id: str) -> int:
    """An int ordering messages by (internalDate, id): the newest has the largest key."""
    return (max(internal_date, 0) << 64) | int(msg_id, 16)


@dataclass(slots=True)
class Label:
    id: str
    name: str
    type: str  # "system" | "user"
    message_list_visibility: str | None = None
    label_list_visibility: str | None = None
    color: dict[str, str] | None = None

    def summary(self, *, with_color: bool = True) -> dict[str, Any]:
        """The label resource; labels.list leaves the colour out (id, name, type, visibility)."""
        out: dict[str, Any] = {"id": self.id, "name": self.name}
        if self.message_list_visibility:
            out["messageListVisibility"] = self.message_list_visibility
        if self.label_list_visibility:
            out["labelListVisibility"] = self.label_list_visibility
        if self.color and with_color:
            out["color"] = dict(self.color)
        out["type"] = self.type
        return out


@dataclass(slots=True)
class Draft:
    id: str
    message_id: str


@dataclass(frozen=True, slots=True)
class HistoryRecord:
    """One change. ``labels`` is the message's label set right after the change."""

    id: int
    kind: str  # messageAdded | messageDeleted | labelAdded | labelRemoved
    message_id: str
    thread_id: str
    labels: tuple[str, ...]
    changed: tuple[str, ...]  # the labels added/removed, for label records
    at_ms: int


@dataclass
class Mailbox:
    """All state of one user. Not thread-safe: the backend holds its lock around every call."""

    email: str
    messages: dict[str, StoredMessage] = field(default_factory=dict)
    threads: dict[str, list[str]] = field(default_factory=dict)  # thread id -> message ids
    labels: dict[str, Label] = field(default_factory=dict)
    drafts: dict[str, Draft] = field(default_factory=dict)
    history: list[HistoryRecord] = field(default_factory=list)
    history_id: int = 1000
    history_floor: int = 0  # the newest history id that has been dropped by retention
    last_message_id: int = 0
    next_label: int = 1
    next_draft: int = 1
    order: list[int] = field(default_factory=list)  # order_key of every message, ascending
    by_rfc_id: dict[str, list[str]] = field(default_factory=dict)  # Message-ID -> our ids

    def __post_init__(self) -> None:
        if not self.labels:
            for label_id, mlv, llv in SYSTEM_LABELS:
                self.labels[label_id] = Label(label_id, label_id, "system", mlv, llv)

    # --- messages ---

    def add(self, message: StoredMessage) -> None:
        self.messages[message.id] = message
        self.threads.setdefault(message.thread_id, []).append(message.id)
        key = message.sort_key
        if not self.order or key > self.order[-1]:
            self.order.append(key)  # the usual case, new mail: no list shuffling
        else:
            bisect.insort(self.order, key)
        for rfc_id in message_ids_in(message.headers.message_id)[:1]:
            self.by_rfc_id.setdefault(rfc_id, []).append(message.id)

    def remove(self, msg_id: str) -> StoredMessage:
        message = self.messages.pop(msg_id)
        members = self.threads.get(message.thread_id, [])
        if msg_id in members:
            members.remove(msg_id)
        if not members:
            self.threads.pop(message.thread_id, None)
        key = message.sort_key
        index = bisect.bisect_left(self.order, key)
        if index < len(self.order) and self.order[index] == key:
            del self.order[index]
        for rfc_id in message_ids_in(message.headers.message_id)[:1]:
            ids = self.by_rfc_id.get(rfc_id, [])
            if msg_id in ids:
                ids.remove(msg_id)
            if not ids:
                self.by_rfc_id.pop(rfc_id, None)
        return message

    def new_message_id(self, now_ms: int) -> str:
        """Ids are 16 hex digits that grow with time, like Gmail's, and never repeat."""
        candidate = (now_ms << 20) & ID_MASK
        self.last_message_id = max(self.last_message_id + 1, candidate)
        return f"{self.last_message_id:016x}"

    def iter_newest_first(self, before_key: int | None = None) -> Iterator[StoredMessage]:
        """Messages newest first, starting below ``before_key`` (a page token's cursor)."""
        order = self.order
        start = len(order) if before_key is None else bisect.bisect_left(order, before_key)
        messages = self.messages
        for index in range(start - 1, -1, -1):
            msg_id = f"{order[index] & ID_MASK:016x}"
            message = messages.get(msg_id)
            if message is not None:
                yield message

    def count_below(self, before_key: int | None) -> int:
        """How many messages a list starting at this page cursor can still reach."""
        if before_key is None:
            return len(self.order)
        return bisect.bisect_left(self.order, before_key)

    def thread_messages(self, thread_id: str) -> list[StoredMessage]:
        """A thread's messages, oldest first, as threads.get lists them."""
        found = [self.messages[m] for m in self.threads.get(thread_id, ())]
        found.sort(key=lambda m: (m.internal_date, m.id))
        return found

    # --- history ---

    def record(
        self,
        kind: str,
        message: StoredMessage,
        now_ms: int,
        changed: Sequence[str] = (),
    ) -> int:
        self.history_id += 1
        self.history.append(
            HistoryRecord(
                self.history_id,
                kind,
                message.id,
                message.thread_id,
                tuple(sorted(message.labels)),
                tuple(changed),
                now_ms,
            )
        )
        return self.history_id

    def expire_history(self, cutoff_ms: int) -> None:
        """Drop records older than the cutoff, remembering how far history now reaches."""
        history = self.history
        count = 0
        while count < len(history) and history[count].at_ms < cutoff_ms:
            count += 1
        if count:
            self.history_floor = history[count - 1].id
            del history[:count]

    def label_by_name(self, name: str) -> Label | None:
        wanted = name.lower()
        for label in self.labels.values():
            if label.name.lower() == wanted:
                return label
        return None
