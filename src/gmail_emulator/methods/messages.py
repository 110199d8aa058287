"""users.messages and users.messages.attachments."""

from __future__ import annotations

import email.utils
import uuid
from typing import TYPE_CHECKING, Any

from gmail_emulator.errors import bad_request
from gmail_emulator.methods.base import Handler, body_dict, string_list
from gmail_emulator.mime import (
    attachment_data,
    b64url_decode,
    b64url_nopad,
    header_block,
    part_id_from_attachment_id,
)
from gmail_emulator.params import Params, collect, estimate, page_cursor, page_token
from gmail_emulator.store import Mailbox, StoredMessage
from gmail_emulator.views import check_format, message_resource, ref, ref_with_labels, rfc_date

if TYPE_CHECKING:
    from gmail_emulator.backend import Backend

MAX_MODIFY_LABELS = 100  # addLabelIds/removeLabelIds take at most 100 ids each (REF)
MAX_BATCH_IDS = 1000  # batchModify/batchDelete take at most 1000 ids (REF)
RAW_REQUIRED = "'raw' RFC822 payload message string or uploading message via /upload/* URL required"


# --- reading --------------------------------------------------------------------------------


def list_messages(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    size = p.page_size()
    matches = backend.matcher(box, p)
    start = page_cursor(p.one("pageToken"))
    page, more, scanned = collect(box.iter_newest_first(start), matches, size)
    out: dict[str, Any] = {}
    if page:
        out["messages"] = [ref(m) for m in page]
    if more:
        out["nextPageToken"] = page_token(page[-1].sort_key)
    out["resultSizeEstimate"] = estimate(len(page), more, scanned, box.count_below(start))
    return out


def get_message(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    msg = backend.message(box, p.one("id"))
    fmt = check_format(p.one("format"))
    return message_resource(msg, fmt, backend.parsed, p.all("metadataHeaders"))


def get_attachment(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    msg = backend.message(box, p.one("messageId"))
    part_id = part_id_from_attachment_id(p.one("id") or "")
    data = None if part_id is None else attachment_data(msg.raw, part_id)
    if data is None:
        raise bad_request("Invalid attachment token")
    return {"size": len(data), "data": b64url_nopad(data)}


# --- adding ---------------------------------------------------------------------------------


def raw_bytes(data: dict[str, Any]) -> bytes:
    """The message bytes from a body's ``raw`` (base64url, padded or not)."""
    raw = data.get("raw")
    if not isinstance(raw, str) or not raw:
        raise bad_request(RAW_REQUIRED)
    try:
        return b64url_decode(raw)
    except ValueError:
        raise bad_request("Invalid value for ByteString: raw") from None


def _thread_id(data: dict[str, Any]) -> str | None:
    value = data.get("threadId")
    return value if isinstance(value, str) and value else None


def _date_header_ms(raw: bytes) -> int | None:
    for name, value in header_block(raw):
        if name.lower() == "date":
            try:
                return int(email.utils.parsedate_to_datetime(value).timestamp() * 1000)
            except (TypeError, ValueError, IndexError, OverflowError):
                return None
    return None


def _insert(backend: Backend, box: Mailbox, p: Params, body: Any, *, default_source: str) -> Any:
    data = body_dict(body)
    raw = raw_bytes(data)
    labels = string_list(data.get("labelIds"), "labelIds")
    backend.check_labels(box, labels, allowed_system=frozenset({"SENT"}))
    source = p.one("internalDateSource") or default_source
    if source not in ("receivedTime", "dateHeader"):
        raise bad_request(f"Invalid value for internalDateSource: {source}")
    internal = _date_header_ms(raw) if source == "dateHeader" else None
    if internal is None:
        internal = backend.clock.now_ms()
    label_set = frozenset(labels)
    if _from_self(raw, box.email):  # the LABELS guide: insert from the user's address is SENT
        label_set |= {"SENT"}
    msg = backend.add_message(box, raw, label_set, internal, _thread_id(data), by_references=True)
    return ref_with_labels(msg)


def insert_message(backend: Backend, box: Mailbox, p: Params, body: Any) -> Any:
    return _insert(backend, box, p, body, default_source="receivedTime")


def import_message(backend: Backend, box: Mailbox, p: Params, body: Any) -> Any:
    return _insert(backend, box, p, body, default_source="dateHeader")


def _from_self(raw: bytes, me: str) -> bool:
    for name, value in header_block(raw):
        if name.lower() == "from":
            try:
                addresses = email.utils.getaddresses([value])
            except Exception:  # a malformed From is simply not the user's
                return False
            return any(addr.lower() == me.lower() for _, addr in addresses)
    return False


def prepare_outgoing(raw: bytes, me: str, now_ms: int) -> bytes:
    """What Gmail does to a message it sends: add From, Date and Message-ID when missing.

    Raises 400 when there is no recipient, as Gmail does.
    """
    present = {name.lower(): value for name, value in header_block(raw)}
    if not any(present.get(h, "").strip() for h in ("to", "cc", "bcc")):
        raise bad_request("Recipient address required")
    newline = b"\r\n" if b"\r\n" in raw[:2000] else b"\n"
    extra: list[str] = []
    if "from" not in present:
        extra.append(f"From: {me}")
    if "date" not in present:
        extra.append(f"Date: {rfc_date(now_ms)}")
    if "message-id" not in present:
        extra.append(f"Message-ID: <{uuid.uuid4().hex}@mail.gmail.com>")
    if not extra:
        return raw
    return newline.join(line.encode("utf-8") for line in extra) + newline + raw


def send_message(backend: Backend, box: Mailbox, p: Params, body: Any) -> Any:
    """Stores the message as SENT in this mailbox; nothing is delivered anywhere."""
    data = body_dict(body)
    raw = prepare_outgoing(raw_bytes(data), box.email, backend.clock.now_ms())
    msg = backend.add_message(
        box, raw, frozenset({"SENT"}), backend.clock.now_ms(), _thread_id(data), by_references=False
    )
    return ref_with_labels(msg)


# --- changing -------------------------------------------------------------------------------


def label_changes(backend: Backend, box: Mailbox, data: dict[str, Any]) -> tuple[list[str], ...]:
    add = string_list(data.get("addLabelIds"), "addLabelIds")
    remove = string_list(data.get("removeLabelIds"), "removeLabelIds")
    if not add and not remove:
        raise bad_request("No label add or removes specified")
    if len(add) > MAX_MODIFY_LABELS or len(remove) > MAX_MODIFY_LABELS:
        raise bad_request(f"Too many labels: at most {MAX_MODIFY_LABELS} may be added or removed")
    backend.check_labels(box, [*add, *remove])
    return add, remove


def modify_message(backend: Backend, box: Mailbox, p: Params, body: Any) -> Any:
    msg = backend.message(box, p.one("id"))
    add, remove = label_changes(backend, box, body_dict(body))
    backend.relabel(box, msg, add, remove)
    return ref_with_labels(msg)


def _ids(data: dict[str, Any]) -> list[str]:
    ids = string_list(data.get("ids"), "ids")
    if len(ids) > MAX_BATCH_IDS:
        raise bad_request(f"Number of ids cannot exceed {MAX_BATCH_IDS}")
    return ids


def batch_modify(backend: Backend, box: Mailbox, p: Params, body: Any) -> None:
    """Unknown ids are skipped, so one stale id does not sink the rest."""
    data = body_dict(body)
    ids = _ids(data)
    add, remove = label_changes(backend, box, data)
    for msg_id in ids:
        msg = box.messages.get(msg_id)
        if msg is not None:
            backend.relabel(box, msg, add, remove)


def trash(backend: Backend, box: Mailbox, msg: StoredMessage) -> None:
    """Trash takes a message out of the inbox; untrash does not put it back (as in Gmail)."""
    backend.relabel(box, msg, ("TRASH",), ("INBOX", "SPAM"))


def untrash(backend: Backend, box: Mailbox, msg: StoredMessage) -> None:
    backend.relabel(box, msg, (), ("TRASH",))


def trash_message(backend: Backend, box: Mailbox, p: Params, body: Any) -> Any:
    msg = backend.message(box, p.one("id"))
    trash(backend, box, msg)
    return ref_with_labels(msg)


def untrash_message(backend: Backend, box: Mailbox, p: Params, body: Any) -> Any:
    msg = backend.message(box, p.one("id"))
    untrash(backend, box, msg)
    return ref_with_labels(msg)


def delete_message(backend: Backend, box: Mailbox, p: Params, body: Any) -> None:
    """Permanent: the message and any draft holding it are gone (history: messageDeleted)."""
    msg = backend.message(box, p.one("id"))
    backend.delete_message(box, msg.id)


def batch_delete(backend: Backend, box: Mailbox, p: Params, body: Any) -> None:
    for msg_id in _ids(body_dict(body)):
        if msg_id in box.messages:
            backend.delete_message(box, msg_id)


HANDLERS: dict[str, Handler] = {
    "gmail.users.messages.list": list_messages,
    "gmail.users.messages.get": get_message,
    "gmail.users.messages.insert": insert_message,
    "gmail.users.messages.import": import_message,
    "gmail.users.messages.send": send_message,
    "gmail.users.messages.modify": modify_message,
    "gmail.users.messages.batchModify": batch_modify,
    "gmail.users.messages.trash": trash_message,
    "gmail.users.messages.untrash": untrash_message,
    "gmail.users.messages.delete": delete_message,
    "gmail.users.messages.batchDelete": batch_delete,
    "gmail.users.messages.attachments.get": get_attachment,
}
