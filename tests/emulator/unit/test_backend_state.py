"""Snapshots: to_state/from_state round-trip everything a client can observe."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from backend_support import ME, Api, b64, mail

from gmail_emulator.backend import Backend
from gmail_emulator.clock import Clock
from gmail_emulator.state import StateError


def observe(api: Api, since: str) -> dict[str, object]:
    """Every read a client could make, for comparing two backends."""
    messages = api("messages.list", includeSpamTrash=True).get("messages", [])
    return {
        "profile": api("getProfile"),
        "labels": api("labels.list"),
        "messages": [api("messages.get", id=m["id"]) for m in messages],
        "threads": api("threads.list"),
        "drafts": api("drafts.list"),
        "history": api("history.list", startHistoryId=since),
    }


def test_state_round_trips_through_json(api: Api, backend: Backend, clock: Clock) -> None:
    since = api("getProfile")["historyId"]
    label = api("labels.create", {"name": "Jobs", "color": {
        "textColor": "#000000", "backgroundColor": "#ffffff"}})  # fmt: skip
    first = backend.deliver(ME, mail("Interview", message_id="<a@x>"))
    backend.deliver(ME, mail("Re: Interview", in_reply_to="<a@x>"), label_ids=["SPAM"])
    api("messages.modify", {"addLabelIds": [label["id"]]}, id=first["id"])
    reply = mail("Re: Interview", sender=ME, in_reply_to="<a@x>")
    api("drafts.create", {"message": {"raw": b64(reply), "threadId": first["threadId"]}})
    before = observe(api, since)

    state = json.loads(json.dumps(backend.to_state()))
    restored = Backend.from_state(state, Clock(frozen=True))
    assert restored.clock.now() == clock.now()
    assert observe(Api(restored), since) == before


def test_counters_continue_after_a_restore(api: Api, backend: Backend) -> None:
    backend.deliver(ME, mail("one"))
    api("labels.create", {"name": "A"})
    api("drafts.create", {"message": {"raw": b64(mail("d"))}})
    restored = Backend.from_state(backend.to_state(), Clock(frozen=True))
    again = Api(restored)
    assert again("labels.create", {"name": "B"})["id"] == "Label_2"
    assert again("drafts.create", {"message": {"raw": b64(mail("e"))}})["id"] == "r2"
    old_ids = {m["id"] for m in api("messages.list")["messages"]}
    new_id = restored.deliver(ME, mail("two"))["id"]
    assert all(new_id > old for old in old_ids)


def test_retention_still_applies_after_a_restore(api: Api, backend: Backend) -> None:
    since = api("getProfile")["historyId"]
    backend.deliver(ME, mail())
    clock = Clock(datetime(2026, 3, 2, 17, 0, tzinfo=UTC), frozen=True)
    restored = Backend.from_state(backend.to_state(), clock)
    clock.advance(timedelta(days=8))
    with pytest.raises(Exception, match="not found"):
        Api(restored)("history.list", startHistoryId=since)


def test_a_snapshot_of_another_version_is_refused(backend: Backend) -> None:
    state = backend.to_state()
    state["version"] = 99
    with pytest.raises(StateError):
        Backend.from_state(state, Clock())
    with pytest.raises(StateError):
        Backend.from_state({"version": 1, "mailboxes": [{"email": "x"}]}, Clock())
