"""users.labels: Gmail's system labels plus user labels named ``Label_N``.

Rules from the LABELS guide and observed errors: names are unique ignoring case (409
"Label name exists or conflicts"), system names are reserved (400 "Invalid label name"),
system labels cannot be changed or deleted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gmail_emulator.errors import bad_request, conflict, not_found
from gmail_emulator.methods.base import Handler, body_dict
from gmail_emulator.params import Params
from gmail_emulator.store import SYSTEM_LABEL_IDS, Label, Mailbox

if TYPE_CHECKING:
    from gmail_emulator.backend import Backend

MAX_LABELS = 10_000  # a mailbox holds at most this many labels (REF)
MESSAGE_VISIBILITY = frozenset({"show", "hide"})
LABEL_VISIBILITY = frozenset({"labelShow", "labelShowIfUnread", "labelHide"})
RESERVED_NAMES = frozenset(
    name.lower() for name in (*SYSTEM_LABEL_IDS, "Muted", "Snoozed", "Scheduled", "All Mail")
)


def list_labels(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    return {"labels": [label.summary(with_color=False) for label in box.labels.values()]}


def get_label(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    return full_label(box, _label(box, p.one("id")))


def full_label(box: Mailbox, label: Label) -> dict[str, Any]:
    """labels.get: the summary plus message and thread counts, computed on demand."""
    messages_total = messages_unread = 0
    threads: set[str] = set()
    unread_threads: set[str] = set()
    for msg in box.messages.values():
        if label.id in msg.labels:
            messages_total += 1
            threads.add(msg.thread_id)
            if "UNREAD" in msg.labels:
                messages_unread += 1
                unread_threads.add(msg.thread_id)
    out = label.summary()
    out.update(
        messagesTotal=messages_total,
        messagesUnread=messages_unread,
        threadsTotal=len(threads),
        threadsUnread=len(unread_threads),
    )
    return out


def create_label(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    data = body_dict(body)
    if len(box.labels) >= MAX_LABELS:
        raise bad_request("Too many labels")
    name = _valid_name(box, data.get("name"), replacing=None)
    label = Label(
        id=f"Label_{box.next_label}",
        name=name,
        type="user",
        message_list_visibility=_visibility(data, "messageListVisibility", MESSAGE_VISIBILITY),
        label_list_visibility=_visibility(data, "labelListVisibility", LABEL_VISIBILITY),
        color=_color(data.get("color")),
    )
    box.next_label += 1
    box.labels[label.id] = label
    return label.summary()


def update_label(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    """PUT: the body replaces the label (name required)."""
    label = _user_label(box, p.one("id"))
    data = body_dict(body)
    label.name = _valid_name(box, data.get("name"), replacing=label)
    label.message_list_visibility = _visibility(data, "messageListVisibility", MESSAGE_VISIBILITY)
    label.label_list_visibility = _visibility(data, "labelListVisibility", LABEL_VISIBILITY)
    label.color = _color(data.get("color"))
    return label.summary()


def patch_label(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    """PATCH: only the fields present change."""
    label = _user_label(box, p.one("id"))
    data = body_dict(body)
    if "name" in data:
        label.name = _valid_name(box, data["name"], replacing=label)
    if "messageListVisibility" in data:
        label.message_list_visibility = _visibility(
            data, "messageListVisibility", MESSAGE_VISIBILITY
        )
    if "labelListVisibility" in data:
        label.label_list_visibility = _visibility(data, "labelListVisibility", LABEL_VISIBILITY)
    if "color" in data:
        label.color = _color(data["color"])
    return label.summary()


def delete_label(backend: Backend, box: Mailbox, p: Params, body: Any) -> None:
    """Deleting a label takes it off every message, which history records as labelRemoved."""
    label = _user_label(box, p.one("id"))
    for msg in list(box.messages.values()):
        if label.id in msg.labels:
            backend.relabel(box, msg, add=(), remove=(label.id,))
    del box.labels[label.id]


def _label(box: Mailbox, label_id: str | None) -> Label:
    label = box.labels.get(label_id or "")
    if label is None:
        raise not_found()
    return label


def _user_label(box: Mailbox, label_id: str | None) -> Label:
    label = _label(box, label_id)
    if label.type == "system":
        raise bad_request(f"Invalid label: {label.id}")
    return label


def _valid_name(box: Mailbox, name: Any, *, replacing: Label | None) -> str:
    if not isinstance(name, str) or not name.strip():
        raise bad_request("Invalid label name")
    cleaned = name.strip()
    if cleaned.lower() in RESERVED_NAMES or any(ch in cleaned for ch in "\r\n\t"):
        raise bad_request("Invalid label name")
    existing = box.label_by_name(cleaned)
    if existing is not None and existing is not replacing:
        raise conflict("Label name exists or conflicts")
    return cleaned


def _visibility(data: dict[str, Any], field: str, allowed: frozenset[str]) -> str | None:
    value = data.get(field)
    if value is None:
        return None
    if value not in allowed:
        raise bad_request(f"Invalid value for {field}: {value}")
    return str(value)


def _color(value: Any) -> dict[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not all(
        isinstance(value.get(k), str) for k in ("textColor", "backgroundColor")
    ):
        raise bad_request("Invalid label color: textColor and backgroundColor are required")
    return {"textColor": value["textColor"], "backgroundColor": value["backgroundColor"]}


HANDLERS: dict[str, Handler] = {
    "gmail.users.labels.list": list_labels,
    "gmail.users.labels.get": get_label,
    "gmail.users.labels.create": create_label,
    "gmail.users.labels.update": update_label,
    "gmail.users.labels.patch": patch_label,
    "gmail.users.labels.delete": delete_label,
}
