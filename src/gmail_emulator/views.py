"""Render stored messages, threads and history records as Gmail's JSON resources.

Gmail's conventions that clients depend on are kept here in one place: int64 fields are JSON
strings, empty arrays are left out, ``raw`` is padded base64url while ``body.data`` is not.
"""

from __future__ import annotations

import email.utils
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from gmail_emulator.errors import bad_request
from gmail_emulator.mime import Parsed, b64url_padded, header_block
from gmail_emulator.store import HistoryRecord, StoredMessage

FORMATS = ("full", "metadata", "minimal", "raw")

ParseFn = Callable[[bytes], Parsed]


def label_list(message: StoredMessage) -> list[str]:
    return sorted(message.labels)


def ref(message: StoredMessage) -> dict[str, Any]:
    """The {id, threadId} pair used by list responses."""
    return {"id": message.id, "threadId": message.thread_id}


def ref_with_labels(message: StoredMessage) -> dict[str, Any]:
    """What modify/trash/insert answer with: ids and the current labels."""
    out = ref(message)
    labels = label_list(message)
    if labels:
        out["labelIds"] = labels
    return out


def check_format(value: str | None, *, allow_raw: bool = True) -> str:
    fmt = (value or "full").lower()
    if fmt not in FORMATS or (fmt == "raw" and not allow_raw):
        raise bad_request(f"Invalid value for format: {value}")
    return fmt


def message_resource(
    message: StoredMessage,
    fmt: str,
    parse: ParseFn,
    metadata_headers: Sequence[str] = (),
) -> dict[str, Any]:
    """users.messages resource in the requested format (full, metadata, minimal or raw)."""
    parsed = parse(message.raw)
    out = ref(message)
    labels = label_list(message)
    if labels:
        out["labelIds"] = labels
    out["snippet"] = parsed.snippet
    out["sizeEstimate"] = len(message.raw)
    out["historyId"] = str(message.history_id)
    out["internalDate"] = str(message.internal_date)
    if fmt == "full":
        out["payload"] = parsed.payload
    elif fmt == "metadata":
        out["payload"] = _metadata_payload(message, parsed, metadata_headers)
    elif fmt == "raw":
        out["raw"] = b64url_padded(message.raw)
    return out


def _metadata_payload(
    message: StoredMessage, parsed: Parsed, wanted: Sequence[str]
) -> dict[str, Any]:
    headers = header_block(message.raw)
    if wanted:
        names = {w.lower() for w in wanted}
        headers = [(k, v) for k, v in headers if k.lower() in names]
    out: dict[str, Any] = {
        "partId": "",
        "mimeType": parsed.payload.get("mimeType", "text/plain"),
        "filename": "",
    }
    if headers:
        out["headers"] = [{"name": k, "value": v} for k, v in headers]
    return out


def history_resource(record: HistoryRecord) -> dict[str, Any]:
    """One history record: the overlapping ``messages`` list plus the typed list."""
    plain = {"id": record.message_id, "threadId": record.thread_id}
    with_labels: dict[str, Any] = dict(plain)
    if record.labels:
        with_labels["labelIds"] = list(record.labels)
    out: dict[str, Any] = {"id": str(record.id), "messages": [plain]}
    if record.kind == "messageAdded":
        out["messagesAdded"] = [{"message": with_labels}]
    elif record.kind == "messageDeleted":
        out["messagesDeleted"] = [{"message": plain}]
    elif record.kind == "labelAdded":
        out["labelsAdded"] = [{"message": with_labels, "labelIds": list(record.changed)}]
    else:
        out["labelsRemoved"] = [{"message": with_labels, "labelIds": list(record.changed)}]
    return out


def rfc_date(epoch_ms: int) -> str:
    """A Date header value for messages the emulator stamps itself (UTC, ``+0000``)."""
    return email.utils.format_datetime(datetime.fromtimestamp(epoch_ms / 1000, UTC))
