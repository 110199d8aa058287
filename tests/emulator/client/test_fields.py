"""The ``fields`` system parameter through google-api-python-client: partial responses."""

from __future__ import annotations

import http.client
import json
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from emu_helpers import rfc822
from googleapiclient.errors import HttpError

from gmail_emulator.testing import batch_request


def _deliver(mailbox: Any, count: int) -> list[str]:
    return [
        mailbox.admin.deliver(mailbox.email, rfc822(subject=f"fields {n}"))["id"]
        for n in range(count)
    ]


def _raw(mailbox: Any, method: str, path: str, body: bytes = b"", **headers: str) -> Any:
    parts = urlsplit(mailbox.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request(
            method,
            path,
            body=body,
            headers={"Authorization": f"Bearer {mailbox.access_token}", **headers},
        )
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def test_list_with_sub_selection_keeps_only_the_named_members(mailbox: Any) -> None:
    _deliver(mailbox, 3)
    answer = (
        mailbox.service.users()
        .messages()
        .list(userId="me", maxResults=2, fields="messages(id,threadId),nextPageToken")
        .execute()
    )
    assert set(answer) == {"messages", "nextPageToken"}  # no resultSizeEstimate
    assert len(answer["messages"]) == 2
    assert all(set(message) == {"id", "threadId"} for message in answer["messages"])


def test_get_with_nested_path_keeps_only_payload_headers(mailbox: Any) -> None:
    (mid,) = _deliver(mailbox, 1)
    message = (
        mailbox.service.users()
        .messages()
        .get(userId="me", id=mid, fields="id,labelIds,payload/headers")
        .execute()
    )
    assert set(message) == {"id", "labelIds", "payload"}
    assert set(message["payload"]) == {"headers"}
    assert {"name": "Subject", "value": "fields 0"} in message["payload"]["headers"]


def test_member_missing_from_the_resource_is_simply_absent(mailbox: Any) -> None:
    (mid,) = _deliver(mailbox, 1)
    message = (
        mailbox.service.users()
        .messages()
        .get(userId="me", id=mid, format="minimal", fields="id,payload/headers,raw")
        .execute()
    )
    assert message == {"id": mid}


def test_history_with_deep_path_keeps_only_the_added_message_ids(mailbox: Any) -> None:
    start = mailbox.service.users().getProfile(userId="me").execute()["historyId"]
    ids = _deliver(mailbox, 2)
    mailbox.service.users().messages().modify(
        userId="me", id=ids[0], body={"addLabelIds": ["STARRED"]}
    ).execute()
    answer = (
        mailbox.service.users()
        .history()
        .list(
            userId="me",
            startHistoryId=start,
            fields="history(messagesAdded/message/id),historyId,nextPageToken",
        )
        .execute()
    )
    assert set(answer) == {"history", "historyId"}  # one page: no nextPageToken to keep
    added = [
        item["message"] for record in answer["history"] for item in record.get("messagesAdded", [])
    ]
    assert added == [{"id": ids[0]}, {"id": ids[1]}]
    # The label change's record keeps its place, emptied of everything not selected.
    assert {} in answer["history"]


def test_wildcard_selects_everything_at_its_level(mailbox: Any) -> None:
    (mid,) = _deliver(mailbox, 1)
    messages = mailbox.service.users().messages()
    full = messages.get(userId="me", id=mid).execute()
    assert messages.get(userId="me", id=mid, fields="*").execute() == full
    listed = messages.list(userId="me", fields="messages/*").execute()
    assert listed == {"messages": [{"id": mid, "threadId": full["threadId"]}]}


def test_typo_in_a_field_name_is_400_invalid_field_selection(mailbox: Any) -> None:
    (mid,) = _deliver(mailbox, 1)
    request = (
        mailbox.service.users().messages().get(userId="me", id=mid, fields="id,payload/headrs")
    )
    with pytest.raises(HttpError) as caught:
        request.execute()
    assert caught.value.status_code == 400
    assert caught.value.reason == "Invalid field selection headrs"
    error = json.loads(caught.value.content)["error"]
    assert error["errors"] == [
        {
            "message": "Invalid field selection headrs",
            "domain": "global",
            "reason": "invalidParameter",
            "location": "fields",
            "locationType": "parameter",
        }
    ]


def test_unbalanced_mask_is_400(mailbox: Any) -> None:
    request = mailbox.service.users().messages().list(userId="me", fields="messages(id")
    with pytest.raises(HttpError) as caught:
        request.execute()
    assert caught.value.status_code == 400
    assert caught.value.reason == "Invalid field selection messages(id"


def test_bad_mask_is_refused_before_faults_and_the_backend(mailbox: Any) -> None:
    mailbox.admin.faults([{"kind": "500", "method": "gmail.users.messages.list"}])
    messages = mailbox.service.users().messages()
    with pytest.raises(HttpError) as caught:
        messages.list(userId="me", fields="nextPageTokn").execute()
    assert caught.value.status_code == 400
    with pytest.raises(HttpError) as caught:  # the scripted fault was still waiting
        messages.list(userId="me").execute()
    assert caught.value.status_code == 500


def test_batch_part_with_fields_is_filtered_on_its_own(mailbox: Any) -> None:
    (mid,) = _deliver(mailbox, 1)
    results: dict[str, Any] = {}

    def callback(request_id: str, response: Any, exception: Exception | None) -> None:
        results[request_id] = exception if exception is not None else response

    messages = mailbox.service.users().messages()
    batch = batch_request(mailbox.url, callback)
    batch.add(messages.get(userId="me", id=mid, fields="id,snippet"), request_id="narrow")
    batch.add(messages.get(userId="me", id=mid, format="minimal"), request_id="whole")
    batch.add(messages.get(userId="me", id=mid, fields="idd"), request_id="typo")
    batch.execute()
    assert set(results["narrow"]) == {"id", "snippet"}
    assert "labelIds" in results["whole"]
    assert isinstance(results["typo"], HttpError)
    assert results["typo"].status_code == 400


def test_error_responses_are_not_filtered(mailbox: Any) -> None:
    request = (
        mailbox.service.users().messages().get(userId="me", id="00000000000000ff", fields="id")
    )
    with pytest.raises(HttpError) as caught:
        request.execute()
    assert caught.value.status_code == 404
    error = json.loads(caught.value.content)["error"]
    assert error["message"] == "Requested entity was not found."
    assert error["errors"][0]["reason"] == "notFound"


def test_delete_with_fields_still_answers_204(mailbox: Any) -> None:
    label = mailbox.service.users().labels().create(userId="me", body={"name": "Old"}).execute()
    status, body = _raw(mailbox, "DELETE", f"/gmail/v1/users/me/labels/{label['id']}?fields=id")
    assert (status, body) == (204, b"")


def test_method_override_get_honours_fields_from_the_form_body(mailbox: Any) -> None:
    _deliver(mailbox, 2)
    status, body = _raw(
        mailbox,
        "POST",
        "/gmail/v1/users/me/messages",
        urlencode({"maxResults": "1", "fields": "messages(id)"}).encode(),
        **{
            "X-HTTP-Method-Override": "GET",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    assert status == 200
    answer = json.loads(body)
    assert set(answer) == {"messages"}
    assert set(answer["messages"][0]) == {"id"}


def test_empty_fields_parameter_answers_an_empty_object(mailbox: Any) -> None:
    status, body = _raw(mailbox, "GET", "/gmail/v1/users/me/profile?fields=")
    assert (status, json.loads(body)) == (200, {})
