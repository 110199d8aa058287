"""The draft outbox: carries the core's effects out in Gmail, exactly once, crash or not.

The core's effects are first written to the store in the same transaction as the events
and cursor that caused them; this module then applies them one by one and forgets each
only once it is done. Every step is idempotent, so a crash anywhere just means "do the
rest again":

- CreateDraft: the intent row moves intended -> creating (committed) -> drafts.create ->
  created. A row found in ``creating`` may or may not have a draft in Gmail, so
  :meth:`Outbox.reconcile` looks for our ``X-Followup-Id`` header among the drafts before
  creating anything: never two drafts for one intent, never none.
- DiscardDraft: delete our draft only if the user has not edited it (fingerprint of our
  content vs the draft's current content); an edited one is kept and reported.
- LabelThreads / Flag: label moves (idempotent) and notes.
"""

from __future__ import annotations

import email
import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from datetime import datetime
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses
from typing import Any

from followup.adapters.crashpoints import crash_point
from followup.adapters.labels import LabelKeeper
from followup.core import serialize
from followup.core.draft import FOLLOWUP_ID_HEADER, as_rfc5322
from followup.core.effects import CreateDraft, DiscardDraft, Effect, Flag, LabelThreads
from followup.core.events import DraftOutcome, Event
from followup.core.model import LabelRole
from followup.errors import BadRequest, Conflict, Forbidden, NotFound
from followup.ports import Mailbox, Note, OutboxEntry, Store

log = logging.getLogger(__name__)


def fingerprint(raw: bytes) -> str:
    """A hash of what the user would see and edit: recipients, subject and plain text.

    Transport details (MIME boundaries, transfer encodings, Gmail's added headers) are left
    out, so our draft read back from Gmail hashes like the bytes we sent, and any edit
    changes it. The lenient compat32 parser is used for speed: this runs for every draft.
    """
    return message_fingerprint(email.message_from_bytes(raw))


def message_fingerprint(msg: Message) -> str:
    """:func:`fingerprint` of a message already in hand (no serialising and parsing back)."""
    to = sorted(
        addr.lower() for _, addr in getaddresses([_header_text(v) for v in msg.get_all("To", [])])
    )
    subject = " ".join(_header_text(msg.get("Subject", "")).split())
    text = ""
    for part in msg.walk():
        if part.get_content_type() == "text/plain" and not part.is_multipart():
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                text = _decode(payload, part.get_content_charset())
            break
    lines = text.replace("\r\n", "\n").split("\n")
    text = "\n".join(line.rstrip() for line in lines).strip()
    payload_json = json.dumps([to, subject, text], ensure_ascii=False)
    return hashlib.sha256(payload_json.encode("utf-8")).hexdigest()


def _header_text(value: object) -> str:
    try:
        return str(make_header(decode_header(str(value))))
    except (LookupError, UnicodeDecodeError, ValueError):
        return str(value)


def _decode(payload: bytes, charset: str | None) -> str:
    try:
        return payload.decode(charset or "utf-8", errors="replace")
    except LookupError:
        return payload.decode("utf-8", errors="replace")


def intent_entry(effect: CreateDraft, now: datetime) -> OutboxEntry:
    """The outbox row for a CreateDraft: the exact bytes we will upload, and their hash."""
    # Hashed from the message object the bytes are made of: parsing our own bytes back
    # gives the same hash (a property test checks) at a fraction of the cost.
    msg = effect.draft.to_message(effect.intent_key)
    raw = as_rfc5322(msg)
    return OutboxEntry(
        intent_key=effect.intent_key,
        application_id=effect.application_id,
        step=str(effect.step),
        thread_id=effect.thread_id,
        state="intended",
        raw=raw,
        content_hash=message_fingerprint(msg),
        created_at=now,
    )


OWNER_PREFIX = "creating-pid:"


class _Deferred(Exception):
    """The effect must wait: another live process is still creating the draft it concerns."""


def _in_flight_elsewhere(row: OutboxEntry) -> bool:
    """Is another live process creating this draft right now? Then leave it alone.

    The pid is only a hint for this machine's processes (the store is a local file); a
    crashed owner's pid is dead, so its intents are reconciled.
    """
    if not row.note.startswith(OWNER_PREFIX):
        return False
    try:
        pid = int(row.note.removeprefix(OWNER_PREFIX))
    except ValueError:
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# -- the effect queue's JSON form --------------------------------------------------------------

_KINDS: dict[str, type[Any]] = {
    "discard": DiscardDraft,
    "label": LabelThreads,
    "flag": Flag,
}


def encode_effect(effect: Effect) -> tuple[str, str]:
    """(kind, JSON) for the store's effect queue; a CreateDraft is queued by its key only."""
    if isinstance(effect, CreateDraft):
        return "create", json.dumps(
            {"intent_key": effect.intent_key, "application_id": effect.application_id}
        )
    for kind, cls in _KINDS.items():
        if isinstance(effect, cls):
            return kind, json.dumps(serialize.dump(effect))
    raise TypeError(f"unknown effect {type(effect).__name__}")


@dataclass
class Applied:
    """What applying the queued effects did; ``events`` go back to the core."""

    drafts_created: int = 0
    drafts_discarded: int = 0
    drafts_kept: int = 0
    threads_labelled: int = 0
    flags: int = 0
    events: list[Event] = field(default_factory=list)

    def add(self, other: Applied) -> None:
        self.drafts_created += other.drafts_created
        self.drafts_discarded += other.drafts_discarded
        self.drafts_kept += other.drafts_kept
        self.threads_labelled += other.threads_labelled
        self.flags += other.flags
        self.events.extend(other.events)


@dataclass(frozen=True)
class InboxSettings:
    """Where a ready draft's thread shows up (issue 7: Inbox, optionally starred/important)."""

    bring_to_inbox: bool = True
    star: bool = False
    mark_important: bool = False

    def system_labels(self) -> list[str]:
        wanted = [
            ("INBOX", self.bring_to_inbox),
            ("STARRED", self.star),
            ("IMPORTANT", self.mark_important),
        ]
        return [label for label, on in wanted if on]


class Outbox:
    """Applies queued effects against the mailbox. Not thread-safe."""

    def __init__(
        self,
        mailbox: Mailbox,
        store: Store,
        labels: LabelKeeper,
        inbox: InboxSettings = InboxSettings(),
    ) -> None:
        self._mailbox = mailbox
        self._store = store
        self._labels = labels
        self._inbox = inbox

    # -- start-up ---------------------------------------------------------------------------

    def reconcile(self, now: datetime) -> int:
        """Resolve intents left in ``creating`` by a crash: adopt our draft or create anew.

        Costs nothing when no intent is in doubt (the normal case): no drafts.list.
        """
        doubtful = [r for r in self._store.outbox("creating") if not _in_flight_elsewhere(r)]
        if not doubtful:
            return 0
        threads = {row.thread_id for row in doubtful}
        drafts = [
            d for d in self._mailbox.list_drafts() if None in threads or d.thread_id in threads
        ]
        found: dict[str, list[tuple[str, str]]] = {}
        for draft in self._mailbox.get_drafts([d.id for d in drafts]).values():
            key = draft.headers.get(FOLLOWUP_ID_HEADER.lower())
            if key:
                found.setdefault(key.strip(), []).append((draft.id, draft.message_id))
        for row in doubtful:
            copies = sorted(found.get(row.intent_key, []))
            if copies:
                draft_id, message_id = copies[0]
                for extra_id, _ in copies[1:]:  # cannot happen by design; heal if it does
                    log.warning("outbox.duplicate_removed intent=%s", row.intent_key)
                    self._mailbox.delete_draft(extra_id)
                self._store.update_outbox(
                    row.intent_key,
                    state="created",
                    draft_id=draft_id,
                    draft_message_id=message_id,
                    at=now,
                )
                log.info("outbox.adopted intent=%s draft=%s", row.intent_key, draft_id)
            else:
                self._store.update_outbox(row.intent_key, state="intended", at=now)
                log.info("outbox.retry_create intent=%s", row.intent_key)
        return len(doubtful)

    # -- applying ---------------------------------------------------------------------------

    def apply_pending(self, now: datetime) -> Applied:
        """Apply every queued effect in order, forgetting each once done."""
        applied = Applied()
        for effect_id, kind, payload in self._store.pending_effects():
            data = json.loads(payload)
            try:
                self._apply_one(kind, data, now, applied, key=f"effect:{effect_id}")
            except _Deferred:
                log.info("outbox.deferred kind=%s (another process is creating the draft)", kind)
                break  # keep this effect and the ones after it, in order, for the next run
            except (BadRequest, Forbidden, Conflict, NotFound) as exc:
                # Refused for good: retrying forever would block every later effect.
                log.error("outbox.effect_refused kind=%s error=%s hint=%r", kind, exc, exc.hint)
                self._store.add_note(
                    Note(
                        at=now,
                        application_id=data.get("application_id"),
                        kind="error",
                        text=f"Gmail refused to {kind}: {exc}",
                        key=f"effect:{effect_id}",
                    )
                )
            crash_point("effect.before_done")
            self._store.effect_done(effect_id)
        return applied

    def _apply_one(
        self, kind: str, data: dict[str, Any], now: datetime, applied: Applied, *, key: str
    ) -> None:
        if kind == "create":
            applied.add(self._create(str(data["intent_key"]), now))
        elif kind == "discard":
            applied.add(self._discard(serialize.load(DiscardDraft, data), now))
        elif kind == "label":
            applied.add(self._label(serialize.load(LabelThreads, data)))
        elif kind == "flag":
            flag = serialize.load(Flag, data)
            self._store.add_note(
                Note(
                    at=now,
                    application_id=flag.application_id,
                    kind="flag",
                    text=flag.reason,
                    key=key,
                )
            )
            applied.flags += 1
        else:
            log.error("outbox.unknown_effect kind=%s", kind)

    def _create(self, intent_key: str, now: datetime) -> Applied:
        row = self._store.get_outbox(intent_key)
        if row is not None and row.state == "creating":
            self.reconcile(now)
            row = self._store.get_outbox(intent_key)
        if row is None or row.state != "intended":
            return Applied()  # done before the crash, or discarded meanwhile
        owner = f"{OWNER_PREFIX}{os.getpid()}"
        if not self._store.claim_outbox(
            intent_key, expected="intended", state="creating", at=now, note=owner
        ):
            return Applied()  # another process (a CLI command, the watcher) took it
        crash_point("draft.before_create")
        try:
            try:
                draft = self._mailbox.create_draft(row.raw, thread_id=row.thread_id)
            except (NotFound, BadRequest) as exc:
                if not row.thread_id:
                    raise
                # The thread was deleted: a draft outside it still reaches the user.
                log.warning("outbox.thread_gone intent=%s error=%s", intent_key, exc)
                draft = self._mailbox.create_draft(row.raw, thread_id=None)
        except (BadRequest, Forbidden) as exc:
            self._store.update_outbox(intent_key, state="failed", note=str(exc), at=now)
            raise
        crash_point("draft.after_create")
        self._store.update_outbox(
            intent_key,
            state="created",
            draft_id=draft.id,
            draft_message_id=draft.message_id,
            at=now,
        )
        log.info("outbox.draft_created intent=%s draft=%s", intent_key, draft.id)
        if draft.thread_id:
            # One call: the Ready label and the way back to the Inbox together; the core's
            # own LabelThreads(ready) for this thread is then a remembered no-op.
            self._labels.apply(
                [draft.thread_id], LabelRole.READY, also_add=self._inbox.system_labels()
            )
        return Applied(drafts_created=1)

    def _discard(self, effect: DiscardDraft, now: datetime) -> Applied:
        row = self._store.get_outbox(effect.intent_key)
        if row is not None and row.state == "creating":
            self.reconcile(now)
            row = self._store.get_outbox(effect.intent_key)
            if row is not None and row.state == "creating":
                raise _Deferred
        if row is None:
            return Applied()
        if row.state == "intended":
            self._store.update_outbox(row.intent_key, state="cancelled", note=effect.reason, at=now)
            return Applied()
        if row.state != "created" or not row.draft_id:
            return Applied()
        try:
            current = self._mailbox.get_draft(row.draft_id)
        except NotFound:
            self._store.update_outbox(row.intent_key, state="gone", at=now)
            return Applied()
        if current.raw is not None and fingerprint(current.raw) == row.content_hash:
            self._mailbox.delete_draft(row.draft_id)
            self._store.update_outbox(row.intent_key, state="deleted", note=effect.reason, at=now)
            log.info("outbox.draft_deleted intent=%s reason=%s", row.intent_key, effect.reason)
            return Applied(drafts_discarded=1)
        text = f"Your edited draft was kept ({effect.reason}); send or delete it yourself."
        self._store.update_outbox(row.intent_key, state="kept", note=text, at=now)
        self._store.add_note(
            Note(
                at=now,
                application_id=row.application_id,
                kind="kept_draft",
                text=text,
                key=f"kept:{row.intent_key}",
            )
        )
        log.info("outbox.edited_draft_kept intent=%s", row.intent_key)
        return Applied(
            drafts_kept=1,
            events=[DraftOutcome(intent_key=row.intent_key, at=now, kept_edited=True)],
        )

    def _label(self, effect: LabelThreads) -> Applied:
        # INBOX/STARRED come with the draft itself (_create), on the draft's own thread.
        count = self._labels.apply(effect.thread_ids, effect.label)
        return Applied(threads_labelled=count)
