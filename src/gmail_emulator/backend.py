"""The emulator's mailboxes and the Gmail API methods on them, with no HTTP in sight.

The server resolves the user from the access token and calls :meth:`Backend.call` with the
discovery method id (``gmail.users.messages.get``), the path and query parameters and the parsed
JSON body. Keeping HTTP out of here means every Gmail rule can be tested as plain function
calls, and the server stays a thin translation layer.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from gmail_emulator import mime
from gmail_emulator.clock import Clock
from gmail_emulator.errors import ApiError, bad_request, not_found, unknown_method
from gmail_emulator.methods import HANDLERS as _HANDLERS
from gmail_emulator.params import Params, check_id
from gmail_emulator.search import Env, Query, label_token, parse_query
from gmail_emulator.searchable import MessageView
from gmail_emulator.state import STATE_VERSION, StateError, mailbox_from_state, mailbox_to_state
from gmail_emulator.store import (
    HIDDEN_BY_DEFAULT,
    UNMODIFIABLE_LABELS,
    Headers,
    Mailbox,
    StoredMessage,
    normalise_subject,
)
from gmail_emulator.views import ref

PARSE_CACHE_SIZE = 4096  # parsed payloads kept; bounds memory while repeated gets stay O(1)


class Backend:
    """All mailboxes; thread-safe (one lock around every call); pure in-memory."""

    def __init__(
        self,
        clock: Clock,
        *,
        history_retention: timedelta = timedelta(days=7),
        parse_cache_size: int = PARSE_CACHE_SIZE,
    ) -> None:
        self.clock = clock
        self.history_retention = history_retention
        self._lock = threading.RLock()
        self._boxes: dict[str, Mailbox] = {}
        # Keyed by the raw bytes object: bytes cache their hash, and a message's bytes never
        # change (drafts.update makes a new message), so an entry can never go stale.
        self.parsed = functools.lru_cache(maxsize=parse_cache_size)(mime.parse)

    # --- mailboxes ---

    def create_mailbox(self, email: str) -> None:
        with self._lock:
            key = email.lower()
            if key not in self._boxes:
                self._boxes[key] = Mailbox(email=email)

    def has_mailbox(self, email: str) -> bool:
        with self._lock:
            return email.lower() in self._boxes

    def mailboxes(self) -> list[str]:
        with self._lock:
            return [box.email for box in self._boxes.values()]

    def _box(self, user: str) -> Mailbox:
        box = self._boxes.get(user.lower())
        if box is None:
            raise not_found()
        cutoff = self.clock.now() - self.history_retention
        box.expire_history(int(cutoff.timestamp() * 1000))
        return box

    # --- the API ---

    def call(self, user: str, method: str, params: Mapping[str, Sequence[str]], body: Any) -> Any:
        """Run one Gmail API method for ``user``; returns the JSON answer or None for 204."""
        handler = _HANDLERS.get(method)
        if handler is None:
            raise unknown_method(method)
        p = Params(params)
        with self._lock:
            box = self._box(user)
            user_id = p.one("userId")
            if user_id not in (None, "me") and user_id.lower() != box.email.lower():
                raise ApiError(
                    403,
                    f"Delegation denied for {box.email}",
                    reason="forbidden",
                    status="PERMISSION_DENIED",
                )
            return handler(self, box, p, body)

    def deliver(
        self,
        user: str,
        raw: bytes,
        *,
        label_ids: Sequence[str] | None = None,
        internal_date_ms: int | None = None,
    ) -> dict[str, str]:
        """A message arrives from outside, threaded as Gmail would (admin API)."""
        with self._lock:
            box = self._box(user)
            labels = ["INBOX", "UNREAD"] if label_ids is None else list(label_ids)
            self.check_labels(box, labels, allowed_system=UNMODIFIABLE_LABELS)
            msg = self.add_message(
                box,
                raw,
                frozenset(labels),
                internal_date_ms if internal_date_ms is not None else self.clock.now_ms(),
                requested_thread=None,
                by_references=True,
            )
            return ref(msg)

    # --- snapshots ---

    def to_state(self) -> dict[str, Any]:
        """A JSON-serialisable snapshot of every mailbox and the clock."""
        with self._lock:
            return {
                "version": STATE_VERSION,
                "clockMs": self.clock.now_ms(),
                "mailboxes": [mailbox_to_state(box) for box in self._boxes.values()],
            }

    def restore_state(self, state: Mapping[str, Any], *, restore_clock: bool = True) -> None:
        """Replace every mailbox with the snapshot's (and set the clock to its time).

        Raises StateError for a snapshot of another version or shape.
        """
        if not isinstance(state, Mapping) or state.get("version") != STATE_VERSION:
            raise StateError(f"unsupported emulator state (want version {STATE_VERSION})")
        boxes = [mailbox_from_state(item) for item in state.get("mailboxes", [])]
        with self._lock:
            self._boxes = {box.email.lower(): box for box in boxes}
            self.parsed.cache_clear()
            if restore_clock and isinstance(state.get("clockMs"), int):
                self.clock.set(datetime.fromtimestamp(state["clockMs"] / 1000, UTC))

    @classmethod
    def from_state(
        cls,
        state: Mapping[str, Any],
        clock: Clock,
        *,
        history_retention: timedelta = timedelta(days=7),
        restore_clock: bool = True,
    ) -> Backend:
        backend = cls(clock, history_retention=history_retention)
        backend.restore_state(state, restore_clock=restore_clock)
        return backend

    # --- shared helpers ---

    def _now_ms(self) -> int:
        return self.clock.now_ms()

    def add_message(
        self,
        box: Mailbox,
        raw: bytes,
        labels: frozenset[str],
        internal_date: int,
        requested_thread: str | None,
        *,
        by_references: bool,
    ) -> StoredMessage:
        """Store a new message and record messageAdded.

        ``by_references`` threads it by In-Reply-To/References as mail arriving from outside
        (deliver, insert, import); send and drafts join a thread only through an explicit
        ``requested_thread``, as Google's sending and drafts guides require.
        """
        headers = Headers(raw)
        msg_id = box.new_message_id(self._now_ms())
        thread_id = _choose_thread(box, headers, requested_thread, by_references) or msg_id
        msg = StoredMessage(msg_id, thread_id, raw, labels, internal_date, 0, headers)
        box.add(msg)
        msg.history_id = box.record("messageAdded", msg, self._now_ms())
        return msg

    def delete_message(self, box: Mailbox, msg_id: str) -> None:
        msg = box.remove(msg_id)
        box.record("messageDeleted", msg, self._now_ms())
        for draft_id, draft in list(box.drafts.items()):
            if draft.message_id == msg_id:
                del box.drafts[draft_id]

    def relabel(
        self, box: Mailbox, msg: StoredMessage, add: Iterable[str], remove: Iterable[str]
    ) -> None:
        """Change labels, recording labelAdded/labelRemoved only for real changes."""
        added = [label for label in dict.fromkeys(add) if label not in msg.labels]
        removed = [label for label in dict.fromkeys(remove) if label in msg.labels]
        removed = [label for label in removed if label not in added]
        if not added and not removed:
            return
        now = self._now_ms()
        if added:
            msg.labels = msg.labels | frozenset(added)
            msg.history_id = box.record("labelAdded", msg, now, added)
        if removed:
            msg.labels = msg.labels - frozenset(removed)
            msg.history_id = box.record("labelRemoved", msg, now, removed)

    def check_labels(
        self, box: Mailbox, labels: Iterable[str], *, allowed_system: frozenset[str] = frozenset()
    ) -> None:
        """400 for labels a client may not set: unknown ids and SENT/DRAFT/CHAT unless allowed.

        Gmail words the two cases differently: an unknown id is "labelId not found" (observed on
        messages.modify), a protected system label is "Invalid label: SENT".
        """
        for label in labels:
            if label in UNMODIFIABLE_LABELS and label not in allowed_system:
                raise bad_request(f"Invalid label: {label}")
            if label not in box.labels:
                raise bad_request("labelId not found")

    def message(self, box: Mailbox, msg_id: str | None) -> StoredMessage:
        """The message, 400 for an id Gmail cannot parse, 404 for one it does not hold."""
        msg = box.messages.get(check_id(msg_id))
        if msg is None:
            raise not_found()
        return msg

    def env(self, box: Mailbox) -> Env:
        tokens = {label_token(label.name): label.id for label in box.labels.values()}
        tokens.update({label.id.lower(): label.id for label in box.labels.values()})
        return Env(now_ms=self._now_ms(), me=box.email, label_tokens=tokens)

    def matcher(self, box: Mailbox, p: Params) -> Callable[[StoredMessage], bool]:
        """A predicate for list-style calls: labelIds (all), q and the spam/trash rule."""
        label_ids = p.all("labelIds")
        query: Query = parse_query(p.one("q"))
        env = self.env(box)
        if p.flag("includeSpamTrash") or query.anywhere:
            hidden: frozenset[str] = frozenset()
        else:
            hidden = HIDDEN_BY_DEFAULT - query.reveals - frozenset(label_ids)
        wanted = frozenset(label_ids)

        def matches(msg: StoredMessage) -> bool:
            labels = msg.labels
            if hidden and not hidden.isdisjoint(labels):
                return False
            if not wanted <= labels:
                return False
            return query.matches(MessageView(self.parsed, msg), env)

        return matches


# --- threading ------------------------------------------------------------------------------


def _choose_thread(
    box: Mailbox, headers: Headers, requested: str | None, by_references: bool
) -> str | None:
    """Gmail's threading rule: the referenced message must exist and the subject must match.

    With an explicit threadId the message joins that thread when it also carries
    References/In-Reply-To and its subject matches the thread's, as the Message.threadId
    documentation requires. Without one, only mail arriving from outside is threaded by its
    references; anything else starts a new thread.
    """
    subject = normalise_subject(headers.subject)
    if requested is not None:
        members = box.threads.get(requested)
        if not members or not headers.references:
            return None
        if any(normalise_subject(box.messages[m].headers.subject) == subject for m in members):
            return requested
        return None
    if not by_references:
        return None
    for rfc_id in reversed(headers.references):
        for msg_id in box.by_rfc_id.get(rfc_id, ()):
            other = box.messages[msg_id]
            if normalise_subject(other.headers.subject) == subject:
                return other.thread_id
    return None
