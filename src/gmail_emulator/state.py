"""Snapshot and restore of every mailbox as plain JSON-able data.

The snapshot is complete (messages as base64 bytes, threads, labels, drafts, history, id
counters and the clock), so a restored emulator answers every call exactly as before, including
history.list from an old startHistoryId. It carries a version and loading refuses another one.
"""

from __future__ import annotations

import base64
from typing import Any

from gmail_emulator.store import Draft, Headers, HistoryRecord, Label, Mailbox, StoredMessage

STATE_VERSION = 1


class StateError(ValueError):
    """Raised when a snapshot has another version or is not a snapshot at all."""


def mailbox_to_state(box: Mailbox) -> dict[str, Any]:
    return {
        "email": box.email,
        "historyId": box.history_id,
        "historyFloor": box.history_floor,
        "lastMessageId": box.last_message_id,
        "nextLabel": box.next_label,
        "nextDraft": box.next_draft,
        "labels": [
            {
                "id": label.id,
                "name": label.name,
                "type": label.type,
                "messageListVisibility": label.message_list_visibility,
                "labelListVisibility": label.label_list_visibility,
                "color": label.color,
            }
            for label in box.labels.values()
        ],
        "drafts": [{"id": d.id, "messageId": d.message_id} for d in box.drafts.values()],
        "messages": [
            {
                "id": m.id,
                "threadId": m.thread_id,
                "raw": base64.b64encode(m.raw).decode("ascii"),
                "labelIds": sorted(m.labels),
                "internalDate": m.internal_date,
                "historyId": m.history_id,
            }
            for m in box.messages.values()
        ],
        "history": [
            [r.id, r.kind, r.message_id, r.thread_id, list(r.labels), list(r.changed), r.at_ms]
            for r in box.history
        ],
    }


def mailbox_from_state(data: dict[str, Any]) -> Mailbox:
    try:
        box = Mailbox(email=str(data["email"]), labels={})
        box.labels.clear()
        for item in data["labels"]:
            box.labels[item["id"]] = Label(
                id=item["id"],
                name=item["name"],
                type=item["type"],
                message_list_visibility=item.get("messageListVisibility"),
                label_list_visibility=item.get("labelListVisibility"),
                color=item.get("color"),
            )
        for item in sorted(data["messages"], key=lambda m: int(m["id"], 16)):
            raw = base64.b64decode(item["raw"])
            box.add(
                StoredMessage(
                    item["id"],
                    item["threadId"],
                    raw,
                    frozenset(item["labelIds"]),
                    int(item["internalDate"]),
                    int(item["historyId"]),
                    Headers(raw),
                )
            )
        for item in data["drafts"]:
            box.drafts[item["id"]] = Draft(item["id"], item["messageId"])
        box.history = [
            HistoryRecord(int(r[0]), r[1], r[2], r[3], tuple(r[4]), tuple(r[5]), int(r[6]))
            for r in data["history"]
        ]
        box.history_id = int(data["historyId"])
        box.history_floor = int(data["historyFloor"])
        box.last_message_id = int(data["lastMessageId"])
        box.next_label = int(data["nextLabel"])
        box.next_draft = int(data["nextDraft"])
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise StateError(f"not a valid mailbox snapshot: {exc!r}") from exc
    return box
