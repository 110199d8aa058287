"""users.getProfile and users.labels."""

from __future__ import annotations

import pytest
from backend_support import ME, Api, mail

from gmail_emulator.backend import Backend
from gmail_emulator.errors import ApiError

SYSTEM = {
    "INBOX", "SPAM", "TRASH", "UNREAD", "STARRED", "IMPORTANT", "SENT", "DRAFT", "CHAT",
    "CATEGORY_PERSONAL", "CATEGORY_SOCIAL", "CATEGORY_PROMOTIONS", "CATEGORY_UPDATES",
    "CATEGORY_FORUMS",
}  # fmt: skip


def test_profile_counts_messages_threads_and_reports_history_id_as_string(
    api: Api, backend: Backend
) -> None:
    backend.deliver(ME, mail("one", message_id="<1@x>"))
    backend.deliver(ME, mail("Re: one", in_reply_to="<1@x>"))
    backend.deliver(ME, mail("two"))
    profile = api("getProfile")
    assert profile["emailAddress"] == ME
    assert profile["messagesTotal"] == 3
    assert profile["threadsTotal"] == 2
    assert isinstance(profile["historyId"], str)


def test_a_user_id_naming_someone_else_is_refused(backend: Backend) -> None:
    with pytest.raises(ApiError) as err:
        backend.call(ME, "gmail.users.getProfile", {"userId": ["other@example.com"]}, None)
    assert err.value.code == 403


def test_an_unknown_mailbox_is_not_found(backend: Backend) -> None:
    with pytest.raises(ApiError) as err:
        backend.call("nobody@example.com", "gmail.users.getProfile", {"userId": ["me"]}, None)
    assert err.value.code == 404


def test_label_list_has_every_system_label_with_only_summary_fields(api: Api) -> None:
    labels = api("labels.list")["labels"]
    assert {label["id"] for label in labels} == SYSTEM
    allowed = {"id", "name", "type", "messageListVisibility", "labelListVisibility"}
    for label in labels:
        assert set(label) <= allowed
        assert label["type"] == "system"
        assert label["name"] == label["id"]


def test_created_labels_get_sequential_user_ids(api: Api) -> None:
    first = api("labels.create", {"name": "Jobs", "labelListVisibility": "labelShow"})
    second = api("labels.create", {"name": "Jobs/Acme"})
    assert (first["id"], second["id"]) == ("Label_1", "Label_2")
    assert first["type"] == "user"
    assert "Label_2" in {label["id"] for label in api("labels.list")["labels"]}


def test_label_names_are_unique_ignoring_case(api: Api) -> None:
    api("labels.create", {"name": "Jobs"})
    with pytest.raises(ApiError) as err:
        api("labels.create", {"name": "JOBS"})
    assert err.value.code == 409
    assert err.value.body()["error"]["errors"][0]["reason"] == "aborted"
    assert err.value.message == "Label name exists or conflicts"


@pytest.mark.parametrize("name", ["INBOX", "inbox", "Sent", "", "   "])
def test_reserved_or_empty_label_names_are_invalid(api: Api, name: str) -> None:
    with pytest.raises(ApiError) as err:
        api("labels.create", {"name": name})
    assert (err.value.code, err.value.message) == (400, "Invalid label name")


def test_bad_visibility_value_is_rejected(api: Api) -> None:
    with pytest.raises(ApiError) as err:
        api("labels.create", {"name": "X", "messageListVisibility": "sometimes"})
    assert err.value.code == 400


def test_label_get_carries_message_and_thread_counts(api: Api, backend: Backend) -> None:
    backend.deliver(ME, mail("one", message_id="<1@x>"))
    backend.deliver(ME, mail("Re: one", in_reply_to="<1@x>"), label_ids=["INBOX"])
    backend.deliver(ME, mail("two"))
    inbox = api("labels.get", id="INBOX")
    assert inbox["messagesTotal"] == 3
    assert inbox["messagesUnread"] == 2
    assert inbox["threadsTotal"] == 2
    assert inbox["threadsUnread"] == 2


def test_unknown_label_get_is_not_found(api: Api) -> None:
    with pytest.raises(ApiError) as err:
        api("labels.get", id="Label_99")
    assert err.value.code == 404


def test_patch_renames_and_keeps_other_fields(api: Api) -> None:
    label = api("labels.create", {"name": "Jobs", "messageListVisibility": "hide"})
    patched = api("labels.patch", {"name": "Work"}, id=label["id"])
    assert patched["name"] == "Work"
    assert patched["messageListVisibility"] == "hide"


def test_update_replaces_the_whole_label(api: Api) -> None:
    label = api("labels.create", {"name": "Jobs", "messageListVisibility": "hide"})
    updated = api("labels.update", {"name": "Work"}, id=label["id"])
    assert updated["name"] == "Work"
    assert "messageListVisibility" not in updated


def test_rename_onto_an_existing_name_conflicts(api: Api) -> None:
    api("labels.create", {"name": "Jobs"})
    other = api("labels.create", {"name": "Other"})
    with pytest.raises(ApiError) as err:
        api("labels.patch", {"name": "jobs"}, id=other["id"])
    assert err.value.code == 409


def test_system_labels_cannot_be_changed_or_deleted(api: Api) -> None:
    with pytest.raises(ApiError) as err:
        api("labels.patch", {"name": "Box"}, id="INBOX")
    assert err.value.code == 400
    with pytest.raises(ApiError) as err:
        api("labels.delete", id="INBOX")
    assert err.value.code == 400


def test_deleting_a_label_takes_it_off_messages_and_records_history(
    api: Api, backend: Backend
) -> None:
    label = api("labels.create", {"name": "Jobs"})
    ref = backend.deliver(ME, mail(), label_ids=["INBOX", label["id"]])
    start = api("getProfile")["historyId"]
    assert api("labels.delete", id=label["id"]) is None
    assert api("messages.get", id=ref["id"], format="minimal")["labelIds"] == ["INBOX"]
    history = api("history.list", startHistoryId=start)["history"]
    assert history[0]["labelsRemoved"][0]["labelIds"] == [label["id"]]
    with pytest.raises(ApiError):
        api("labels.get", id=label["id"])


def test_colour_is_kept_but_left_out_of_the_list(api: Api) -> None:
    color = {"textColor": "#000000", "backgroundColor": "#16a766"}
    label = api("labels.create", {"name": "Jobs", "color": color})
    assert label["color"] == color
    assert api("labels.get", id=label["id"])["color"] == color
    listed = {item["id"]: item for item in api("labels.list")["labels"]}
    assert "color" not in listed[label["id"]]
