"""users.history.list: records, ordering, filters, paging and expiry."""

from __future__ import annotations

from datetime import timedelta

import pytest
from backend_support import ME, Api, b64, mail

from gmail_emulator.backend import Backend
from gmail_emulator.clock import Clock
from gmail_emulator.errors import ApiError


def start(api: Api) -> str:
    return str(api("getProfile")["historyId"])


def kinds(history: dict[str, object]) -> list[str]:
    out = []
    for record in history.get("history", []):  # type: ignore[attr-defined]
        out += [k for k in record if k not in ("id", "messages")]
    return out


def test_every_change_is_recorded_in_order(api: Api, backend: Backend) -> None:
    since = start(api)
    ref = backend.deliver(ME, mail())
    api("messages.modify", {"addLabelIds": ["STARRED"], "removeLabelIds": ["UNREAD"]},
        id=ref["id"])  # fmt: skip
    api("messages.delete", id=ref["id"])
    history = api("history.list", startHistoryId=since)
    assert kinds(history) == ["messagesAdded", "labelsAdded", "labelsRemoved", "messagesDeleted"]
    ids = [int(r["id"]) for r in history["history"]]
    assert ids == sorted(ids)
    assert ids[0] > int(since)
    assert history["historyId"] == start(api)


def test_records_carry_ids_and_label_details(api: Api, backend: Backend) -> None:
    since = start(api)
    ref = backend.deliver(ME, mail())
    api("messages.modify", {"addLabelIds": ["STARRED"]}, id=ref["id"])
    added, labelled = api("history.list", startHistoryId=since)["history"]
    assert added["messages"] == [{"id": ref["id"], "threadId": ref["threadId"]}]
    assert added["messagesAdded"][0]["message"]["labelIds"] == ["INBOX", "UNREAD"]
    change = labelled["labelsAdded"][0]
    assert change["labelIds"] == ["STARRED"]
    assert change["message"]["labelIds"] == ["INBOX", "STARRED", "UNREAD"]


def test_a_no_op_modify_records_nothing(api: Api, backend: Backend) -> None:
    ref = backend.deliver(ME, mail())
    since = start(api)
    api("messages.modify", {"addLabelIds": ["INBOX"]}, id=ref["id"])
    assert api("history.list", startHistoryId=since) == {"historyId": since}


def test_message_history_id_tracks_its_latest_change(api: Api, backend: Backend) -> None:
    ref = backend.deliver(ME, mail())
    api("messages.modify", {"addLabelIds": ["STARRED"]}, id=ref["id"])
    assert api("messages.get", id=ref["id"])["historyId"] == start(api)


def test_history_types_filter_keeps_only_asked_kinds(api: Api, backend: Backend) -> None:
    since = start(api)
    ref = backend.deliver(ME, mail())
    api("messages.modify", {"removeLabelIds": ["UNREAD"]}, id=ref["id"])
    api("messages.trash", id=ref["id"])
    only = api("history.list", startHistoryId=since, historyTypes=["labelRemoved"])
    assert set(kinds(only)) == {"labelsRemoved"}
    two = api("history.list", startHistoryId=since, historyTypes=["messageAdded", "labelAdded"])
    assert kinds(two) == ["messagesAdded", "labelsAdded"]


def test_unknown_history_type_is_rejected(api: Api) -> None:
    with pytest.raises(ApiError) as err:
        api("history.list", startHistoryId=start(api), historyTypes=["everything"])
    assert err.value.code == 400


def test_label_id_filter(api: Api, backend: Backend) -> None:
    since = start(api)
    backend.deliver(ME, mail("a"), label_ids=["INBOX"])
    spam = backend.deliver(ME, mail("b"), label_ids=["SPAM"])
    found = api("history.list", startHistoryId=since, labelId="SPAM")
    assert [r["messages"][0]["id"] for r in found["history"]] == [spam["id"]]


def test_paging_follows_next_page_token_to_the_end(api: Api, backend: Backend) -> None:
    since = start(api)
    for i in range(5):
        backend.deliver(ME, mail(f"m{i}"))
    seen: list[str] = []
    token = None
    pages = 0
    while True:
        extra = {"pageToken": token} if token else {}
        page = api("history.list", startHistoryId=since, maxResults=2, **extra)
        pages += 1
        seen += [r["id"] for r in page["history"]]
        token = page.get("nextPageToken")
        if not token:
            break
    assert pages == 3
    assert len(seen) == 5
    assert seen == sorted(seen, key=int)


@pytest.mark.parametrize("value", [None, "", "abc", "-5"])
def test_missing_or_invalid_start_history_id_is_a_bad_request(api: Api, value: str | None) -> None:
    params = {} if value is None else {"startHistoryId": value}
    with pytest.raises(ApiError) as err:
        api("history.list", **params)
    assert (err.value.code, err.value.message) == (
        400,
        "Missing/invalid parameter: startHistoryId",
    )


def test_history_older_than_retention_is_gone_with_404(
    api: Api, backend: Backend, clock: Clock
) -> None:
    since = start(api)
    backend.deliver(ME, mail("old"))
    clock.advance(timedelta(days=8))
    recent_start = start(api)
    backend.deliver(ME, mail("new"))
    with pytest.raises(ApiError) as err:
        api("history.list", startHistoryId=since)
    assert err.value.code == 404
    assert err.value.body()["error"]["errors"][0]["reason"] == "notFound"
    fresh = api("history.list", startHistoryId=recent_start)
    assert len(fresh["history"]) == 1


def test_history_within_retention_is_kept(api: Api, backend: Backend, clock: Clock) -> None:
    since = start(api)
    backend.deliver(ME, mail("old"))
    clock.advance(timedelta(days=6))
    assert len(api("history.list", startHistoryId=since)["history"]) == 1


def test_retention_is_configurable(clock: Clock) -> None:
    from backend_support import Api as Client

    short = Backend(clock, history_retention=timedelta(hours=1))
    short.create_mailbox(ME)
    api = Client(short)
    since = start(api)
    short.deliver(ME, mail())
    clock.advance(timedelta(hours=2))
    with pytest.raises(ApiError):
        api("history.list", startHistoryId=since)


def test_drafts_and_sends_appear_as_added_and_deleted(api: Api) -> None:
    since = start(api)
    raw = b64(mail(to="x@y.example"))
    draft = api("drafts.create", {"message": {"raw": raw}})
    api("drafts.update", {"message": {"raw": raw}}, id=draft["id"])
    api("drafts.send", {"id": draft["id"]})
    assert kinds(api("history.list", startHistoryId=since)) == [
        "messagesAdded",
        "messagesDeleted",
        "messagesAdded",
        "messagesDeleted",
        "messagesAdded",
    ]


def test_start_after_the_current_id_returns_no_records(api: Api, backend: Backend) -> None:
    backend.deliver(ME, mail())
    future = str(int(start(api)) + 100)
    assert api("history.list", startHistoryId=future) == {"historyId": start(api)}
