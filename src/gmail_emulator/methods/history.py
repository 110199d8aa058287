"""users.history.list: the changes after a startHistoryId, oldest first.

Records older than the backend's retention are dropped; asking for history from before the
oldest kept record gets 404, which tells a client to fall back to a full sync (SYNC guide).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

from gmail_emulator.errors import bad_request, not_found
from gmail_emulator.methods.base import Handler
from gmail_emulator.params import Params
from gmail_emulator.store import HistoryRecord, Mailbox
from gmail_emulator.views import history_resource

if TYPE_CHECKING:
    from gmail_emulator.backend import Backend

HISTORY_TYPES = frozenset({"messageAdded", "messageDeleted", "labelAdded", "labelRemoved"})


def _history_number(value: str | None, message: str) -> int:
    if value is None or not value.isdigit():
        raise bad_request(message)
    return int(value)


def list_history(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    start = _history_number(p.one("startHistoryId"), "Missing/invalid parameter: startHistoryId")
    if start < box.history_floor:
        raise not_found()
    types = p.all("historyTypes")
    for kind in types:
        if kind not in HISTORY_TYPES:
            raise bad_request(f"Invalid value for historyTypes: {kind}")
    wanted_types = frozenset(types) or HISTORY_TYPES
    label_id = p.one("labelId")
    size = p.page_size()
    token = p.one("pageToken")
    after = start if token is None else max(start, _history_number(token, "Invalid pageToken"))

    def keep(record: HistoryRecord) -> bool:
        if record.kind not in wanted_types:
            return False
        return label_id is None or label_id in record.labels or label_id in record.changed

    records = box.history
    index = bisect.bisect_right(records, after, key=lambda r: r.id)
    page: list[HistoryRecord] = []
    more = False
    for position in range(index, len(records)):
        record = records[position]
        if not keep(record):
            continue
        if len(page) == size:
            more = True
            break
        page.append(record)
    out: dict[str, Any] = {}
    if page:
        out["history"] = [history_resource(r) for r in page]
    if more:
        out["nextPageToken"] = str(page[-1].id)
    out["historyId"] = str(box.history_id)
    return out


HANDLERS: dict[str, Handler] = {"gmail.users.history.list": list_history}
