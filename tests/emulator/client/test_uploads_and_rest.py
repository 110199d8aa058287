"""Media uploads (simple and multipart), and the methods the other files do not reach."""

from __future__ import annotations

import io
from typing import Any

import pytest
from emu_helpers import b64, header, rfc822
from googleapiclient.errors import HttpError
from googleapiclient.http import MediaIoBaseUpload

from gmail_emulator.testing import emulator_service, gmail_service

FULL_SCOPE = "https://mail.google.com/"


def _media(raw: bytes) -> MediaIoBaseUpload:
    return MediaIoBaseUpload(io.BytesIO(raw), mimetype="message/rfc822", resumable=False)


def test_insert_with_media_body_and_metadata_is_a_multipart_upload(mailbox: Any) -> None:
    service = emulator_service(mailbox.url, mailbox.access_token)
    raw = rfc822(subject="Uploaded")
    inserted = (
        service.users()
        .messages()
        .insert(userId="me", body={"labelIds": ["INBOX"]}, media_body=_media(raw))
        .execute()
    )
    got = service.users().messages().get(userId="me", id=inserted["id"]).execute()
    assert header(got, "Subject") == "Uploaded"
    assert got["labelIds"] == ["INBOX"]
    calls = mailbox.admin.calls(mailbox.email)
    assert calls[0] == {"method": "gmail.users.messages.insert", "status": 200}


def test_import_with_media_only_is_a_simple_upload(mailbox: Any) -> None:
    service = emulator_service(mailbox.url, mailbox.access_token)
    imported = (
        service.users()
        .messages()
        .import_(userId="me", media_body=_media(rfc822(subject="Simple upload")))
        .execute()
    )
    got = service.users().messages().get(userId="me", id=imported["id"]).execute()
    assert header(got, "Subject") == "Simple upload"


def test_draft_create_and_update_by_upload(mailbox: Any) -> None:
    service = emulator_service(mailbox.url, mailbox.access_token)
    drafts = service.users().drafts()
    draft = drafts.create(userId="me", media_body=_media(rfc822(subject="Draft up"))).execute()
    assert "DRAFT" in draft["message"]["labelIds"]
    updated = drafts.update(
        userId="me",
        id=draft["id"],
        body={"id": draft["id"]},
        media_body=_media(rfc822(subject="Draft up 2")),
    ).execute()
    got = drafts.get(userId="me", id=updated["id"]).execute()
    assert header(got["message"], "Subject") == "Draft up 2"


def test_threads_delete_needs_full_scope_and_removes_the_thread(mailbox: Any) -> None:
    ids = mailbox.admin.deliver(mailbox.email, rfc822(subject="Delete me"))
    full = mailbox.admin.mint_token(mailbox.email, scopes=[FULL_SCOPE])
    threads = gmail_service(mailbox.url, full["access_token"]).users().threads()
    assert threads.delete(userId="me", id=ids["threadId"]).execute() == ""
    with pytest.raises(HttpError) as caught:
        threads.get(userId="me", id=ids["threadId"]).execute()
    assert caught.value.status_code == 404


def test_watch_and_stop_answer_in_gmails_shape(mailbox: Any) -> None:
    users = mailbox.service.users()
    watch = users.watch(
        userId="me", body={"topicName": "projects/demo/topics/gmail", "labelIds": ["INBOX"]}
    ).execute()
    assert isinstance(watch["historyId"], str)
    assert isinstance(watch["expiration"], str)
    users.stop(userId="me").execute()


def test_drafts_list_pages_with_list_next(mailbox: Any) -> None:
    drafts = mailbox.service.users().drafts()
    for n in range(3):
        drafts.create(
            userId="me", body={"message": {"raw": b64(rfc822(subject=f"d{n}"))}}
        ).execute()
    seen: list[str] = []
    request = drafts.list(userId="me", maxResults=2)
    while request is not None:
        page = request.execute()
        seen.extend(d["id"] for d in page.get("drafts", []))
        request = drafts.list_next(request, page)
    assert len(set(seen)) == 3


def test_resumable_upload_in_chunks(mailbox: Any) -> None:
    service = emulator_service(mailbox.url, mailbox.access_token)
    raw = rfc822(subject="Resumable", body="x" * 600_000)
    media = MediaIoBaseUpload(
        io.BytesIO(raw), mimetype="message/rfc822", chunksize=256 * 1024, resumable=True
    )
    request = (
        service.users()
        .messages()
        .insert(userId="me", body={"labelIds": ["INBOX"]}, media_body=media)
    )
    response = None
    chunks = 0
    while response is None:
        _, response = request.next_chunk()
        chunks += 1
    assert chunks == 3
    got = service.users().messages().get(userId="me", id=response["id"], format="raw").execute()
    assert len(got["raw"]) > 600_000
    assert mailbox.admin.calls(mailbox.email)[0] == {
        "method": "gmail.users.messages.insert",
        "status": 200,
    }
    assert len(mailbox.admin.calls(mailbox.email)) == 2
