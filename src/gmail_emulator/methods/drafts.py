"""users.drafts: a draft is an id pointing at a message that carries only the DRAFT label.

From the DRAFTS guide: update destroys the old message and makes a new one (new message id,
same draft id); delete is permanent; send removes the draft and stores a SENT message. As the
Message.threadId reference says, a draft stays in a thread only if each create and update
names the threadId (with In-Reply-To/References and a matching subject): an update without
it moves the draft to a thread of its own, which is a real bug the emulator should show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gmail_emulator.errors import bad_request, not_found
from gmail_emulator.methods.base import Handler, body_dict
from gmail_emulator.methods.messages import prepare_outgoing, raw_bytes
from gmail_emulator.params import Params, collect, estimate, page_cursor, page_token
from gmail_emulator.store import Draft, Mailbox, StoredMessage
from gmail_emulator.views import check_format, message_resource, ref, ref_with_labels

if TYPE_CHECKING:
    from gmail_emulator.backend import Backend

DRAFT_LABELS = frozenset({"DRAFT"})


def _draft(box: Mailbox, draft_id: str | None) -> Draft:
    draft = box.drafts.get(draft_id or "")
    if draft is None or draft.message_id not in box.messages:
        raise not_found()
    return draft


def _message_part(body: Any) -> dict[str, Any]:
    message = body_dict(body).get("message")
    if not isinstance(message, dict):
        raise bad_request("Missing draft message")
    return message


def _resource(draft: Draft, msg: StoredMessage) -> dict[str, Any]:
    return {"id": draft.id, "message": ref_with_labels(msg)}


def _new_draft_message(backend: Backend, box: Mailbox, message: dict[str, Any]) -> StoredMessage:
    """The threadId must be given on every create and update for the draft to be threaded."""
    raw = raw_bytes(message)
    thread = message.get("threadId") if isinstance(message.get("threadId"), str) else None
    now = backend.clock.now_ms()
    return backend.add_message(box, raw, DRAFT_LABELS, now, thread, by_references=False)


def create_draft(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    msg = _new_draft_message(backend, box, _message_part(body))
    draft = Draft(id=f"r{box.next_draft}", message_id=msg.id)
    box.next_draft += 1
    box.drafts[draft.id] = draft
    return _resource(draft, msg)


def get_draft(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    draft = _draft(box, p.one("id"))
    fmt = check_format(p.one("format"))
    msg = box.messages[draft.message_id]
    return {"id": draft.id, "message": message_resource(msg, fmt, backend.parsed)}


def list_drafts(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    size = p.page_size()
    matches = backend.matcher(box, p)
    cursor = page_cursor(p.one("pageToken"))
    by_message = {d.message_id: d for d in box.drafts.values() if d.message_id in box.messages}
    messages = sorted((box.messages[m] for m in by_message), key=lambda m: m.sort_key, reverse=True)
    pending = [m for m in messages if cursor is None or m.sort_key < cursor]
    page, more, scanned = collect(iter(pending), matches, size)
    out: dict[str, Any] = {}
    if page:
        out["drafts"] = [{"id": by_message[m.id].id, "message": ref(m)} for m in page]
    if more:
        out["nextPageToken"] = page_token(page[-1].sort_key)
    out["resultSizeEstimate"] = estimate(len(page), more, scanned, len(pending))
    return out


def update_draft(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    """The old message is deleted and a new one made: the message id changes, the draft's not."""
    draft = _draft(box, p.one("id"))
    message = _message_part(body)
    raw_bytes(message)  # reject a bad body before touching the old message
    backend.delete_message(box, draft.message_id)
    msg = _new_draft_message(backend, box, message)
    draft.message_id = msg.id
    box.drafts[draft.id] = draft
    return _resource(draft, msg)


def delete_draft(backend: Backend, box: Mailbox, p: Params, body: Any) -> None:
    draft = _draft(box, p.one("id"))
    backend.delete_message(box, draft.message_id)
    box.drafts.pop(draft.id, None)


def send_draft(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    """Sends the draft named by ``id`` (its message replaced first if the body carries one)."""
    data = body_dict(body)
    draft_id = data.get("id")
    if not isinstance(draft_id, str) or not draft_id:
        raise bad_request("Missing draft id")
    draft = _draft(box, draft_id)
    old = box.messages[draft.message_id]
    message = data.get("message")
    supplied = isinstance(message, dict) and message.get("raw")
    raw = raw_bytes(message) if supplied and isinstance(message, dict) else old.raw
    now = backend.clock.now_ms()
    raw = prepare_outgoing(raw, box.email, now)
    thread = old.thread_id if old.thread_id != old.id else None
    backend.delete_message(box, old.id)
    box.drafts.pop(draft.id, None)
    sent = backend.add_message(box, raw, frozenset({"SENT"}), now, thread, by_references=False)
    return ref_with_labels(sent)


HANDLERS: dict[str, Handler] = {
    "gmail.users.drafts.create": create_draft,
    "gmail.users.drafts.get": get_draft,
    "gmail.users.drafts.list": list_drafts,
    "gmail.users.drafts.update": update_draft,
    "gmail.users.drafts.delete": delete_draft,
    "gmail.users.drafts.send": send_draft,
}
