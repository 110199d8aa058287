"""users.drafts: lifecycle as in Google's drafts guide."""

from __future__ import annotations

import pytest
from backend_support import ME, Api, b64, mail, unb64

from gmail_emulator.backend import Backend
from gmail_emulator.errors import ApiError

REPLY = mail("Re: Interview", sender=ME, to="ann@acme.example", in_reply_to="<a@acme>")


def create(api: Api, raw: bytes = REPLY, thread_id: str | None = None) -> dict[str, object]:
    message: dict[str, object] = {"raw": b64(raw)}
    if thread_id:
        message["threadId"] = thread_id
    return dict(api("drafts.create", {"message": message}))


def test_draft_ids_are_r_and_digits_and_the_message_has_only_the_draft_label(api: Api) -> None:
    draft = create(api)
    draft_id = str(draft["id"])
    assert draft_id.startswith("r")
    assert draft_id[1:].isdigit()
    assert draft["message"]["labelIds"] == ["DRAFT"]  # type: ignore[index]


def test_a_reply_draft_with_thread_id_joins_the_thread(api: Api, backend: Backend) -> None:
    original = backend.deliver(ME, mail("Interview", message_id="<a@acme>"))
    draft = create(api, thread_id=original["threadId"])
    assert draft["message"]["threadId"] == original["threadId"]  # type: ignore[index]


def test_get_returns_the_message_in_the_asked_format(api: Api) -> None:
    draft = create(api)
    full = api("drafts.get", id=draft["id"])
    assert full["id"] == draft["id"]
    assert full["message"]["payload"]["mimeType"] == "text/plain"
    raw = api("drafts.get", id=draft["id"], format="raw")
    assert unb64(raw["message"]["raw"]) == REPLY


def test_update_replaces_the_message_and_keeps_the_draft_id(api: Api) -> None:
    draft = create(api)
    old_message = draft["message"]["id"]  # type: ignore[index]
    changed = mail("Re: Interview", sender=ME, body="Better words", in_reply_to="<a@acme>")
    updated = api("drafts.update", {"message": {"raw": b64(changed)}}, id=draft["id"])
    assert updated["id"] == draft["id"]
    assert updated["message"]["id"] != old_message
    with pytest.raises(ApiError):
        api("messages.get", id=old_message)
    body = api("drafts.get", id=draft["id"])["message"]["payload"]["body"]["data"]
    assert b"Better words" in unb64(body)


def test_update_stays_in_the_thread_only_when_it_names_it(api: Api, backend: Backend) -> None:
    original = backend.deliver(ME, mail("Interview", message_id="<a@acme>"))
    thread = original["threadId"]
    draft = create(api, thread_id=thread)
    body = {"message": {"raw": b64(REPLY), "threadId": thread}}
    assert api("drafts.update", body, id=draft["id"])["message"]["threadId"] == thread
    moved = api("drafts.update", {"message": {"raw": b64(REPLY)}}, id=draft["id"])
    assert moved["message"]["threadId"] != thread


def test_list_returns_ids_and_message_refs_newest_first(api: Api, backend: Backend) -> None:
    from backend_support import START

    first = create(api)
    backend.clock.set(START.replace(hour=20))
    second = create(api, mail("Other", to="bob@x.example"))
    listed = api("drafts.list")
    assert [d["id"] for d in listed["drafts"]] == [second["id"], first["id"]]
    assert set(listed["drafts"][0]["message"]) == {"id", "threadId"}
    assert listed["resultSizeEstimate"] == 2
    page = api("drafts.list", maxResults=1)
    rest = api("drafts.list", maxResults=1, pageToken=page["nextPageToken"])
    assert [d["id"] for d in rest["drafts"]] == [first["id"]]


def test_list_supports_q(api: Api) -> None:
    create(api)
    other = create(api, mail("Salary question", to="hr@acme.example"))
    found = api("drafts.list", q="subject:salary")
    assert [d["id"] for d in found["drafts"]] == [other["id"]]


def test_delete_is_permanent_and_removes_the_message(api: Api) -> None:
    draft = create(api)
    assert api("drafts.delete", id=draft["id"]) is None
    with pytest.raises(ApiError) as err:
        api("drafts.get", id=draft["id"])
    assert err.value.code == 404
    assert api("getProfile")["messagesTotal"] == 0
    assert "drafts" not in api("drafts.list")


def test_send_removes_the_draft_and_stores_a_sent_message(api: Api, backend: Backend) -> None:
    original = backend.deliver(ME, mail("Interview", message_id="<a@acme>"))
    draft = create(api, thread_id=original["threadId"])
    sent = api("drafts.send", {"id": draft["id"]})
    assert sent["labelIds"] == ["SENT"]
    assert sent["threadId"] == original["threadId"]
    with pytest.raises(ApiError):
        api("drafts.get", id=draft["id"])
    assert api("labels.get", id="SENT")["messagesTotal"] == 1


def test_send_an_unknown_or_missing_draft(api: Api) -> None:
    with pytest.raises(ApiError) as err:
        api("drafts.send", {"id": "r999"})
    assert err.value.code == 404
    with pytest.raises(ApiError) as err:
        api("drafts.send", {})
    assert err.value.code == 400


def test_create_without_a_message_is_a_bad_request(api: Api) -> None:
    with pytest.raises(ApiError) as err:
        api("drafts.create", {})
    assert err.value.code == 400
    with pytest.raises(ApiError) as err:
        api("drafts.create", {"message": {"threadId": "x"}})
    assert err.value.code == 400


def test_deleting_a_drafts_message_removes_the_draft(api: Api) -> None:
    draft = create(api)
    api("messages.delete", id=draft["message"]["id"])  # type: ignore[index]
    with pytest.raises(ApiError):
        api("drafts.get", id=draft["id"])
