"""drafts.*, threads.*, labels.* and history.list through the real client."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from emu_helpers import b64, header, rfc822
from googleapiclient.errors import HttpError

from gmail_emulator.testing import serve_in_thread


def test_draft_lifecycle_create_get_list_update_delete(mailbox: Any) -> None:
    drafts = mailbox.service.users().drafts()
    created = drafts.create(
        userId="me", body={"message": {"raw": b64(rfc822(subject="Thank you"))}}
    ).execute()
    assert created["id"]
    assert "DRAFT" in created["message"]["labelIds"]
    fetched = drafts.get(userId="me", id=created["id"]).execute()
    assert header(fetched["message"], "Subject") == "Thank you"
    listed = drafts.list(userId="me").execute()
    assert [d["id"] for d in listed["drafts"]] == [created["id"]]

    updated = drafts.update(
        userId="me",
        id=created["id"],
        body={"message": {"raw": b64(rfc822(subject="Thank you again"))}},
    ).execute()
    assert updated["id"] == created["id"]
    assert updated["message"]["id"] != created["message"]["id"]

    assert drafts.delete(userId="me", id=created["id"]).execute() == ""
    with pytest.raises(HttpError) as caught:
        drafts.get(userId="me", id=created["id"]).execute()
    assert caught.value.status_code == 404


def test_draft_with_thread_id_joins_the_conversation(mailbox: Any) -> None:
    first = mailbox.admin.deliver(
        mailbox.email, rfc822(subject="Interview", extra={"Message-ID": "<i1@acme.example>"})
    )
    reply = rfc822(
        sender=mailbox.email,
        to="recruiter@acme.example",
        subject="Re: Interview",
        extra={"In-Reply-To": "<i1@acme.example>", "References": "<i1@acme.example>"},
    )
    draft = (
        mailbox.service.users()
        .drafts()
        .create(userId="me", body={"message": {"raw": b64(reply), "threadId": first["threadId"]}})
        .execute()
    )
    assert draft["message"]["threadId"] == first["threadId"]


def test_draft_send_removes_draft_and_labels_sent(mailbox: Any) -> None:
    drafts = mailbox.service.users().drafts()
    draft = drafts.create(
        userId="me", body={"message": {"raw": b64(rfc822(to="x@example.org"))}}
    ).execute()
    sent = drafts.send(userId="me", body={"id": draft["id"]}).execute()
    assert "SENT" in sent["labelIds"]
    assert "drafts" not in drafts.list(userId="me").execute()


def test_threads_list_get_modify(mailbox: Any) -> None:
    ids = mailbox.admin.deliver(mailbox.email, rfc822(subject="Thread me"))
    threads = mailbox.service.users().threads()
    listed = threads.list(userId="me").execute()
    assert [t["id"] for t in listed["threads"]] == [ids["threadId"]]
    assert "messages" not in listed["threads"][0]
    thread = threads.get(userId="me", id=ids["threadId"], format="metadata").execute()
    assert len(thread["messages"]) == 1
    modified = threads.modify(
        userId="me", id=ids["threadId"], body={"addLabelIds": ["STARRED"]}
    ).execute()
    assert "STARRED" in modified["messages"][0]["labelIds"]
    threads.trash(userId="me", id=ids["threadId"]).execute()
    threads.untrash(userId="me", id=ids["threadId"]).execute()


def test_labels_create_get_patch_update_delete(mailbox: Any) -> None:
    labels = mailbox.service.users().labels()
    body = {
        "name": "Job search/Waiting",
        "messageListVisibility": "show",
        "labelListVisibility": "labelShow",
    }
    created = labels.create(userId="me", body=body).execute()
    assert created["type"] == "user"
    with pytest.raises(HttpError) as conflict:
        labels.create(userId="me", body={**body, "name": "job search/waiting"}).execute()
    assert conflict.value.status_code == 409
    error = json.loads(conflict.value.content)["error"]
    assert error["errors"][0]["reason"] == "aborted"
    assert error["status"] == "ABORTED"
    got = labels.get(userId="me", id=created["id"]).execute()
    assert got["messagesTotal"] == 0
    patched = labels.patch(userId="me", id=created["id"], body={"name": "Job/Ready"}).execute()
    assert patched["name"] == "Job/Ready"
    updated = labels.update(
        userId="me", id=created["id"], body={**body, "name": "Job/Closed"}
    ).execute()
    assert updated["name"] == "Job/Closed"
    assert labels.delete(userId="me", id=created["id"]).execute() == ""
    names = {label["name"] for label in labels.list(userId="me").execute()["labels"]}
    assert "Job/Closed" not in names
    assert {"INBOX", "SENT", "DRAFT", "TRASH"} <= names


def test_history_lists_changes_since_a_history_id(mailbox: Any) -> None:
    start = mailbox.service.users().getProfile(userId="me").execute()["historyId"]
    ids = mailbox.admin.deliver(mailbox.email, rfc822())
    mailbox.service.users().messages().modify(
        userId="me", id=ids["id"], body={"addLabelIds": ["STARRED"]}
    ).execute()
    history = mailbox.service.users().history()
    page = history.list(userId="me", startHistoryId=start).execute()
    added = [r for r in page["history"] if "messagesAdded" in r]
    assert added[0]["messagesAdded"][0]["message"]["id"] == ids["id"]
    only_labels = history.list(
        userId="me", startHistoryId=start, historyTypes=["labelAdded"]
    ).execute()
    assert all("labelsAdded" in r for r in only_labels["history"])


def test_history_past_retention_is_a_404_as_gmail_answers() -> None:
    with serve_in_thread(history_retention=timedelta(days=7)) as emu:
        grant = emu.admin.create_mailbox("old@example.com")
        from gmail_emulator.testing import gmail_service

        service = gmail_service(
            emu.url, grant["access_token"], refresh_token=grant["refresh_token"]
        )
        start = service.users().getProfile(userId="me").execute()["historyId"]
        emu.admin.deliver("old@example.com", rfc822())
        emu.admin.advance_clock(timedelta(days=8))
        emu.admin.deliver("old@example.com", rfc822(subject="later"))
        with pytest.raises(HttpError) as caught:
            service.users().history().list(userId="me", startHistoryId=start).execute()
        assert caught.value.status_code == 404
        assert caught.value.error_details[0]["reason"] == "notFound"
