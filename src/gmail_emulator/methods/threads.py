"""users.threads: a thread is the messages sharing a threadId; its labels are theirs.

threads.list orders threads by their newest message and lists a thread when any of its messages
matches (labelIds, q, the spam/trash rule), as Gmail does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gmail_emulator.errors import not_found
from gmail_emulator.methods.base import Handler, body_dict
from gmail_emulator.methods.messages import label_changes, trash, untrash
from gmail_emulator.params import Params, check_id, estimate, page_cursor, page_token
from gmail_emulator.store import Mailbox, StoredMessage
from gmail_emulator.views import check_format, message_resource, ref_with_labels

if TYPE_CHECKING:
    from gmail_emulator.backend import Backend


def _members(box: Mailbox, thread_id: str | None) -> list[StoredMessage]:
    members = box.thread_messages(check_id(thread_id))
    if not members:
        raise not_found()
    return members


def _history_id(members: list[StoredMessage]) -> str:
    return str(max(m.history_id for m in members))


def list_threads(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    size = p.page_size()
    matches = backend.matcher(box, p)
    cursor = page_cursor(p.one("pageToken"))
    seen: set[str] = set()
    page: list[tuple[StoredMessage, list[StoredMessage]]] = []
    more = False
    scanned = 0
    for msg in box.iter_newest_first(cursor):
        scanned += 1
        if msg.thread_id in seen:
            continue
        seen.add(msg.thread_id)
        members = box.thread_messages(msg.thread_id)
        if max(m.sort_key for m in members) > msg.sort_key:
            continue  # its newest message came before the cursor: an earlier page had it
        if not any(matches(m) for m in members):
            continue
        if len(page) == size:
            more = True
            break
        page.append((msg, members))
    out: dict[str, Any] = {}
    if page:
        out["threads"] = [
            {
                "id": newest.thread_id,
                "snippet": backend.parsed(newest.raw).snippet,
                "historyId": _history_id(members),
            }
            for newest, members in page
        ]
    if more:
        out["nextPageToken"] = page_token(page[-1][0].sort_key)
    out["resultSizeEstimate"] = estimate(len(page), more, scanned, box.count_below(cursor))
    return out


def get_thread(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    members = _members(box, p.one("id"))
    fmt = check_format(p.one("format"), allow_raw=False)
    headers = p.all("metadataHeaders")
    return {
        "id": members[0].thread_id,
        "historyId": _history_id(members),
        "messages": [message_resource(m, fmt, backend.parsed, headers) for m in members],
    }


def _short(members: list[StoredMessage]) -> dict[str, Any]:
    return {
        "id": members[0].thread_id,
        "historyId": _history_id(members),
        "messages": [ref_with_labels(m) for m in members],
    }


def modify_thread(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    """Changes the messages already in the thread; later arrivals do not inherit the change."""
    members = _members(box, p.one("id"))
    add, remove = label_changes(backend, box, body_dict(body))
    for msg in members:
        backend.relabel(box, msg, add, remove)
    return _short(members)


def trash_thread(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    members = _members(box, p.one("id"))
    for msg in members:
        trash(backend, box, msg)
    return _short(members)


def untrash_thread(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    members = _members(box, p.one("id"))
    for msg in members:
        untrash(backend, box, msg)
    return _short(members)


def delete_thread(backend: Backend, box: Mailbox, p: Params, body: Any) -> None:
    for msg in _members(box, p.one("id")):
        backend.delete_message(box, msg.id)


HANDLERS: dict[str, Handler] = {
    "gmail.users.threads.list": list_threads,
    "gmail.users.threads.get": get_thread,
    "gmail.users.threads.modify": modify_thread,
    "gmail.users.threads.trash": trash_thread,
    "gmail.users.threads.untrash": untrash_thread,
    "gmail.users.threads.delete": delete_thread,
}
