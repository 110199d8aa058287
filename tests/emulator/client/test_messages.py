"""messages.* through google-api-python-client against the emulator."""

from __future__ import annotations

from typing import Any

import pytest
from emu_helpers import b64, header, rfc822, unb64
from googleapiclient.errors import HttpError

from gmail_emulator.testing import gmail_service

FULL_SCOPE = "https://mail.google.com/"


def _insert(service: Any, raw: bytes, labels: list[str] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"raw": b64(raw), "labelIds": labels or ["INBOX", "UNREAD"]}
    result: dict[str, Any] = service.users().messages().insert(userId="me", body=body).execute()
    return result


def test_inserted_message_is_served_in_every_format(mailbox: Any) -> None:
    raw = rfc822(subject="Formats", body="Body text here")
    ids = _insert(mailbox.service, raw)
    messages = mailbox.service.users().messages()

    full = messages.get(userId="me", id=ids["id"]).execute()
    assert full["id"] == ids["id"]
    assert full["threadId"] == ids["threadId"]
    assert header(full, "Subject") == "Formats"
    assert isinstance(full["historyId"], str)
    assert isinstance(full["internalDate"], str)
    assert "raw" not in full

    raw_form = messages.get(userId="me", id=ids["id"], format="raw").execute()
    assert unb64(raw_form["raw"]) == raw
    assert "payload" not in raw_form

    minimal = messages.get(userId="me", id=ids["id"], format="minimal").execute()
    assert "payload" not in minimal
    assert set(minimal["labelIds"]) == {"INBOX", "UNREAD"}

    meta = messages.get(
        userId="me", id=ids["id"], format="metadata", metadataHeaders=["Subject", "From"]
    ).execute()
    names = {h["name"] for h in meta["payload"]["headers"]}
    assert names == {"Subject", "From"}


def test_attachment_is_fetched_by_attachment_id(mailbox: Any) -> None:
    ids = _insert(mailbox.service, rfc822(attachment=b"%PDF-1.4 fake resume"))
    full = mailbox.service.users().messages().get(userId="me", id=ids["id"]).execute()
    part = next(p for p in full["payload"]["parts"] if p.get("filename") == "resume.pdf")
    attachment_id = part["body"]["attachmentId"]
    got = (
        mailbox.service.users()
        .messages()
        .attachments()
        .get(userId="me", messageId=ids["id"], id=attachment_id)
        .execute()
    )
    assert unb64(got["data"]) == b"%PDF-1.4 fake resume"
    assert got["size"] == len(b"%PDF-1.4 fake resume")


def test_import_list_and_paging_with_list_next(mailbox: Any) -> None:
    messages = mailbox.service.users().messages()
    for n in range(5):
        body = {"raw": b64(rfc822(subject=f"Paging {n}")), "labelIds": ["INBOX"]}
        messages.import_(userId="me", body=body).execute()
    seen: list[str] = []
    request = messages.list(userId="me", maxResults=2)
    pages = 0
    while request is not None:
        page = request.execute()
        pages += 1
        seen.extend(m["id"] for m in page.get("messages", []))
        request = messages.list_next(request, page)
    assert len(seen) == 5
    assert len(set(seen)) == 5
    assert pages == 3


def test_list_filters_by_query_and_label(mailbox: Any) -> None:
    _insert(mailbox.service, rfc822(subject="Offer letter", sender="hr@acme.example"))
    _insert(mailbox.service, rfc822(subject="Newsletter", sender="news@shop.example"))
    found = (
        mailbox.service.users()
        .messages()
        .list(userId="me", q="from:hr@acme.example", labelIds=["INBOX"])
        .execute()
    )
    assert len(found["messages"]) == 1


def test_modify_trash_and_untrash(mailbox: Any) -> None:
    messages = mailbox.service.users().messages()
    ids = _insert(mailbox.service, rfc822())
    modified = messages.modify(
        userId="me", id=ids["id"], body={"addLabelIds": ["STARRED"], "removeLabelIds": ["UNREAD"]}
    ).execute()
    assert "STARRED" in modified["labelIds"]
    assert "UNREAD" not in modified["labelIds"]
    assert "TRASH" in messages.trash(userId="me", id=ids["id"]).execute()["labelIds"]
    assert "TRASH" not in messages.untrash(userId="me", id=ids["id"]).execute()["labelIds"]


def test_permanent_delete_needs_the_full_mail_scope(mailbox: Any) -> None:
    ids = _insert(mailbox.service, rfc822())
    with pytest.raises(HttpError) as refused:
        mailbox.service.users().messages().delete(userId="me", id=ids["id"]).execute()
    assert refused.value.status_code == 403
    full = mailbox.admin.mint_token(mailbox.email, scopes=[FULL_SCOPE])
    messages = gmail_service(mailbox.url, full["access_token"]).users().messages()
    assert messages.delete(userId="me", id=ids["id"]).execute() == ""
    with pytest.raises(HttpError) as caught:
        messages.get(userId="me", id=ids["id"]).execute()
    assert caught.value.status_code == 404


def test_batch_modify_and_batch_delete(mailbox: Any) -> None:
    messages = mailbox.service.users().messages()
    ids = [_insert(mailbox.service, rfc822(subject=f"b{n}"))["id"] for n in range(3)]
    messages.batchModify(userId="me", body={"ids": ids, "addLabelIds": ["STARRED"]}).execute()
    for mid in ids:
        assert (
            "STARRED" in messages.get(userId="me", id=mid, format="minimal").execute()["labelIds"]
        )
    full = mailbox.admin.mint_token(mailbox.email, scopes=[FULL_SCOPE])
    gmail_service(mailbox.url, full["access_token"]).users().messages().batchDelete(
        userId="me", body={"ids": ids}
    ).execute()
    assert "messages" not in messages.list(userId="me", q="subject:b0").execute()


def test_send_labels_sent_and_fills_from(mailbox: Any) -> None:
    raw = rfc822(sender="", to="someone@example.org", subject="Sent one")
    sent = mailbox.service.users().messages().send(userId="me", body={"raw": b64(raw)}).execute()
    assert "SENT" in sent["labelIds"]
    assert "INBOX" not in sent["labelIds"]
    calls = [c["method"] for c in mailbox.admin.calls(mailbox.email)]
    assert "gmail.users.messages.send" in calls


def test_reply_with_references_joins_the_thread(mailbox: Any) -> None:
    first = mailbox.admin.deliver(
        mailbox.email,
        rfc822(subject="Interview", extra={"Message-ID": "<m1@acme.example>"}),
    )
    reply = rfc822(
        subject="Re: Interview",
        extra={"In-Reply-To": "<m1@acme.example>", "References": "<m1@acme.example>"},
    )
    second = _insert(mailbox.service, reply)
    assert second["threadId"] == first["threadId"]
    thread = mailbox.service.users().threads().get(userId="me", id=first["threadId"]).execute()
    assert [m["id"] for m in thread["messages"]] == [first["id"], second["id"]]


def test_get_profile_counts_messages(mailbox: Any) -> None:
    _insert(mailbox.service, rfc822())
    profile = mailbox.service.users().getProfile(userId="me").execute()
    assert profile["emailAddress"] == mailbox.email
    assert profile["messagesTotal"] == 1
    assert isinstance(profile["historyId"], str)


def test_user_id_may_be_the_token_owner_address(mailbox: Any) -> None:
    profile = mailbox.service.users().getProfile(userId=mailbox.email).execute()
    assert profile["emailAddress"] == mailbox.email
