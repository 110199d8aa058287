"""users.messages: insert/import/send, get in every format, list, modify, trash, delete."""

from __future__ import annotations

import pytest
from backend_support import ME, START, Api, b64, mail, unb64

from gmail_emulator.backend import Backend
from gmail_emulator.clock import Clock
from gmail_emulator.errors import ApiError

START_MS = int(START.timestamp() * 1000)


def insert(api: Api, raw: bytes, labels: list[str] | None = None, **params: object) -> str:
    body: dict[str, object] = {"raw": b64(raw)}
    if labels is not None:
        body["labelIds"] = labels
    return str(api("messages.insert", body, **params)["id"])


def test_message_ids_are_16_hex_digits_and_increase(api: Api) -> None:
    ids = [insert(api, mail(f"m{i}")) for i in range(5)]
    assert all(len(i) == 16 and int(i, 16) >= 0 and i == i.lower() for i in ids)
    assert ids == sorted(ids)
    assert len(set(ids)) == 5


def test_insert_applies_only_the_given_labels(api: Api) -> None:
    msg_id = insert(api, mail(), ["INBOX", "UNREAD"])
    assert api("messages.get", id=msg_id, format="minimal")["labelIds"] == ["INBOX", "UNREAD"]
    bare = insert(api, mail("x"))
    assert "labelIds" not in api("messages.get", id=bare, format="minimal")


def test_insert_from_the_users_own_address_is_marked_sent(api: Api) -> None:
    msg_id = insert(api, mail(sender=f"Me <{ME}>", to="ann@acme.example"))
    assert api("messages.get", id=msg_id, format="minimal")["labelIds"] == ["SENT"]


def test_insert_defaults_internal_date_to_now_and_import_to_the_date_header(api: Api) -> None:
    raw = mail(date="Tue, 03 Feb 2026 08:30:00 +0000")
    inserted = insert(api, raw)
    imported = api("messages.import", {"raw": b64(raw)})["id"]
    assert api("messages.get", id=inserted)["internalDate"] == str(START_MS)
    header_ms = 1770107400000  # 2026-02-03T08:30:00Z
    assert api("messages.get", id=imported)["internalDate"] == str(header_ms)


def test_import_without_a_date_header_falls_back_to_the_clock(api: Api) -> None:
    msg_id = api("messages.import", {"raw": b64(mail(date=None))})["id"]
    assert api("messages.get", id=msg_id)["internalDate"] == str(START_MS)


def test_insert_can_read_the_date_header_when_asked(api: Api) -> None:
    raw = mail(date="Tue, 03 Feb 2026 08:30:00 +0000")
    msg_id = insert(api, raw, internalDateSource="dateHeader")
    assert api("messages.get", id=msg_id)["internalDate"] == "1770107400000"


def test_insert_without_raw_is_a_bad_request(api: Api) -> None:
    with pytest.raises(ApiError) as err:
        api("messages.insert", {"labelIds": ["INBOX"]})
    assert err.value.code == 400


def test_insert_with_a_draft_label_or_unknown_label_is_refused(api: Api) -> None:
    for labels in (["DRAFT"], ["Label_77"]):
        with pytest.raises(ApiError) as err:
            insert(api, mail(), labels)
        assert err.value.code == 400


def test_get_full_has_gmail_fields_as_strings(api: Api) -> None:
    msg_id = insert(api, mail(body="Hi it's <b>fine</b> & good"), ["INBOX"])
    msg = api("messages.get", id=msg_id)
    assert msg["id"] == msg_id
    assert msg["threadId"] == msg_id
    assert isinstance(msg["historyId"], str)
    assert isinstance(msg["internalDate"], str)
    assert msg["snippet"] == "Hi it&#39;s &lt;b&gt;fine&lt;/b&gt; &amp; good"
    assert msg["sizeEstimate"] > 0
    payload = msg["payload"]
    assert payload["partId"] == ""
    assert payload["mimeType"] == "text/plain"
    assert unb64(payload["body"]["data"]).decode() == "Hi it's <b>fine</b> & good\r\n"
    assert "=" not in payload["body"]["data"]
    assert "raw" not in msg


def test_get_raw_returns_the_exact_bytes_padded(api: Api) -> None:
    raw = mail(body="x" * 7)
    msg_id = insert(api, raw)
    msg = api("messages.get", id=msg_id, format="raw")
    assert "payload" not in msg
    assert msg["raw"].endswith("=") or len(raw) % 3 == 0
    assert unb64(msg["raw"]) == raw


def test_get_minimal_has_no_payload(api: Api) -> None:
    msg = api("messages.get", id=insert(api, mail(), ["INBOX"]), format="minimal")
    assert set(msg) == {
        "id", "threadId", "labelIds", "snippet", "sizeEstimate", "historyId", "internalDate",
    }  # fmt: skip


def test_get_metadata_filters_headers_case_insensitively(api: Api) -> None:
    msg_id = insert(api, mail("Hello"))
    msg = api("messages.get", id=msg_id, format="metadata", metadataHeaders=["subject", "FROM"])
    names = [h["name"] for h in msg["payload"]["headers"]]
    assert names == ["From", "Subject"]
    everything = api("messages.get", id=msg_id, format="metadata")
    assert len(everything["payload"]["headers"]) >= 5
    assert "parts" not in everything["payload"]
    assert "body" not in everything["payload"]


def test_get_with_an_unknown_id_or_format_fails_like_gmail(api: Api) -> None:
    with pytest.raises(ApiError) as err:
        api("messages.get", id="0fffffffffffffff")
    assert err.value.body()["error"]["status"] == "NOT_FOUND"
    with pytest.raises(ApiError) as err:
        api("messages.get", id=insert(api, mail()), format="html")
    assert err.value.code == 400


def test_list_is_newest_first_and_pages_with_tokens(api: Api, clock: Clock) -> None:
    ids = []
    for i in range(7):
        ids.append(insert(api, mail(f"m{i}"), ["INBOX"]))
        clock.set(clock.now().replace(minute=i + 1))
    seen: list[str] = []
    token = None
    while True:
        page = api("messages.list", maxResults=3, **({"pageToken": token} if token else {}))
        seen += [m["id"] for m in page["messages"]]
        token = page.get("nextPageToken")
        if not token:
            break
    assert seen == list(reversed(ids))


def test_list_orders_by_internal_date_not_by_arrival(api: Api) -> None:
    late = api("messages.import", {"raw": b64(mail(date="Wed, 04 Feb 2026 00:00:00 +0000"))})
    early = api("messages.import", {"raw": b64(mail(date="Mon, 02 Feb 2026 00:00:00 +0000"))})
    listed = [m["id"] for m in api("messages.list")["messages"]]
    assert listed == [late["id"], early["id"]]


def test_page_tokens_are_stable_when_mail_arrives_between_pages(
    api: Api, backend: Backend, clock: Clock
) -> None:
    ids = []
    for i in range(4):
        clock.set(clock.now().replace(minute=i))
        ids.append(backend.deliver(ME, mail(f"m{i}"))["id"])
    first = api("messages.list", maxResults=2)
    clock.set(clock.now().replace(minute=30))
    backend.deliver(ME, mail("newcomer"))
    second = api("messages.list", maxResults=2, pageToken=first["nextPageToken"])
    assert [m["id"] for m in second["messages"]] == [ids[1], ids[0]]
    assert "nextPageToken" not in second


def test_list_filters_by_every_given_label(api: Api) -> None:
    both = insert(api, mail("a"), ["INBOX", "STARRED"])
    insert(api, mail("b"), ["INBOX"])
    listed = api("messages.list", labelIds=["INBOX", "STARRED"])
    assert [m["id"] for m in listed["messages"]] == [both]
    assert listed["resultSizeEstimate"] == 1


def test_list_hides_spam_and_trash_unless_asked(api: Api) -> None:
    visible = insert(api, mail("a"), ["INBOX"])
    spam = insert(api, mail("b"), ["SPAM"])
    trashed = insert(api, mail("c"), ["TRASH"])
    assert [m["id"] for m in api("messages.list")["messages"]] == [visible]
    every = {m["id"] for m in api("messages.list", includeSpamTrash=True)["messages"]}
    assert every == {visible, spam, trashed}
    assert [m["id"] for m in api("messages.list", labelIds=["TRASH"])["messages"]] == [trashed]
    assert [m["id"] for m in api("messages.list", q="in:spam")["messages"]] == [spam]


def test_an_empty_list_leaves_the_array_out(api: Api) -> None:
    assert api("messages.list") == {"resultSizeEstimate": 0}


@pytest.mark.parametrize("value", ["501", "abc", "-1"])
def test_max_results_outside_gmail_limits_is_rejected(api: Api, value: str) -> None:
    with pytest.raises(ApiError) as err:
        api("messages.list", maxResults=value)
    assert err.value.code == 400


def test_a_garbage_page_token_is_rejected(api: Api) -> None:
    with pytest.raises(ApiError) as err:
        api("messages.list", pageToken="not-a-token")
    assert err.value.code == 400


def test_modify_adds_and_removes_labels(api: Api) -> None:
    msg_id = insert(api, mail(), ["INBOX", "UNREAD"])
    answer = api("messages.modify", {"addLabelIds": ["STARRED"], "removeLabelIds": ["UNREAD"]},
                 id=msg_id)  # fmt: skip
    assert answer == {"id": msg_id, "threadId": msg_id, "labelIds": ["INBOX", "STARRED"]}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"addLabelIds": ["SENT"]}, "Invalid label: SENT"),
        ({"removeLabelIds": ["DRAFT"]}, "Invalid label: DRAFT"),
        ({"addLabelIds": ["Label_42"]}, "labelId not found"),
        ({}, "No label add or removes specified"),
        ({"addLabelIds": [f"L{i}" for i in range(101)]}, None),
    ],
)
def test_modify_refuses_what_gmail_refuses(
    api: Api, body: dict[str, object], message: str | None
) -> None:
    msg_id = insert(api, mail(), ["INBOX"])
    with pytest.raises(ApiError) as err:
        api("messages.modify", body, id=msg_id)
    assert err.value.code == 400
    assert err.value.reason == "invalidArgument"
    if message:
        assert err.value.message == message


def test_modify_with_a_user_label(api: Api) -> None:
    label = api("labels.create", {"name": "Jobs"})["id"]
    msg_id = insert(api, mail(), ["INBOX"])
    api("messages.modify", {"addLabelIds": [label]}, id=msg_id)
    listed = api("messages.list", labelIds=[label])["messages"]
    assert [m["id"] for m in listed] == [msg_id]


def test_batch_modify_changes_all_and_answers_empty(api: Api) -> None:
    ids = [insert(api, mail(f"m{i}"), ["INBOX", "UNREAD"]) for i in range(3)]
    assert api("messages.batchModify", {"ids": ids, "removeLabelIds": ["UNREAD"]}) is None
    for msg_id in ids:
        assert api("messages.get", id=msg_id, format="minimal")["labelIds"] == ["INBOX"]


def test_trash_hides_a_message_and_untrash_brings_it_back_outside_the_inbox(api: Api) -> None:
    msg_id = insert(api, mail(), ["INBOX", "UNREAD"])
    assert api("messages.trash", id=msg_id)["labelIds"] == ["TRASH", "UNREAD"]
    assert "messages" not in api("messages.list")
    assert api("messages.untrash", id=msg_id)["labelIds"] == ["UNREAD"]
    assert [m["id"] for m in api("messages.list")["messages"]] == [msg_id]


def test_delete_is_permanent(api: Api) -> None:
    msg_id = insert(api, mail())
    assert api("messages.delete", id=msg_id) is None
    with pytest.raises(ApiError) as err:
        api("messages.get", id=msg_id)
    assert err.value.code == 404
    with pytest.raises(ApiError):
        api("messages.delete", id=msg_id)


def test_batch_delete_removes_every_listed_message(api: Api) -> None:
    ids = [insert(api, mail(f"m{i}")) for i in range(3)]
    assert api("messages.batchDelete", {"ids": ids[:2]}) is None
    assert [m["id"] for m in api("messages.list")["messages"]] == [ids[2]]


def test_send_stores_a_sent_copy_with_from_date_and_message_id(api: Api) -> None:
    raw = b"To: ann@acme.example\r\nSubject: Thanks\r\n\r\nThank you!\r\n"
    sent = api("messages.send", {"raw": b64(raw)})
    assert sent["labelIds"] == ["SENT"]
    full = api("messages.get", id=sent["id"], format="metadata")
    headers = {h["name"]: h["value"] for h in full["payload"]["headers"]}
    assert headers["From"] == ME
    assert headers["Date"] == "Mon, 02 Mar 2026 17:00:00 +0000"  # the emulator clock
    assert headers["Message-ID"].startswith("<")
    assert headers["Message-ID"].endswith(">")
    assert api("getProfile")["messagesTotal"] == 1  # nothing was delivered anywhere else


def test_send_keeps_an_explicit_from(api: Api) -> None:
    raw = b"From: Me Myself <me@example.com>\r\nTo: a@b.example\r\nSubject: x\r\n\r\nhi\r\n"
    sent = api("messages.send", {"raw": b64(raw)})
    got = api("messages.get", id=sent["id"], format="metadata", metadataHeaders=["From"])
    assert got["payload"]["headers"] == [{"name": "From", "value": "Me Myself <me@example.com>"}]


def test_send_without_a_recipient_is_refused(api: Api) -> None:
    with pytest.raises(ApiError) as err:
        api("messages.send", {"raw": b64(b"Subject: x\r\n\r\nhi\r\n")})
    assert err.value.code == 400


def test_raw_accepts_padded_and_unpadded_base64url(api: Api) -> None:
    raw = mail(body="ab")
    padded = api("messages.insert", {"raw": b64(raw)})["id"]
    bare = api("messages.insert", {"raw": b64(raw).rstrip("=")})["id"]
    for msg_id in (padded, bare):
        assert unb64(api("messages.get", id=msg_id, format="raw")["raw"]) == raw


def test_a_body_that_is_not_an_object_is_a_bad_request(api: Api) -> None:
    with pytest.raises(ApiError) as err:
        api("messages.insert", ["raw"])
    assert err.value.code == 400


def test_unknown_methods_are_reported_not_crashed(backend: Backend) -> None:
    with pytest.raises(ApiError):
        backend.call(ME, "gmail.users.settings.updateVacation", {"userId": ["me"]}, None)


def test_result_size_estimate_projects_the_total_from_the_first_page(
    api: Api, backend: Backend
) -> None:
    for i in range(250):
        backend.deliver(ME, mail(f"m{i}"), label_ids=["INBOX"] if i % 2 else ["STARRED"])
    assert api("messages.list", maxResults=100)["resultSizeEstimate"] == 250
    inbox = api("messages.list", maxResults=50, labelIds=["INBOX"])["resultSizeEstimate"]
    assert 100 <= inbox <= 150
    last = api("messages.list", maxResults=500, labelIds=["INBOX"])
    assert last["resultSizeEstimate"] == 125


@pytest.mark.parametrize("bad", ["18c9a1b2c3d4e5f6aa", "nosuchmessageid", "<a@b>", "1_0", ""])
def test_ids_that_do_not_parse_are_400_not_404(api: Api, bad: str) -> None:
    with pytest.raises(ApiError) as err:
        api("messages.get", id=bad)
    assert (err.value.code, err.value.message) == (400, "Invalid id value")


@pytest.mark.parametrize("unknown", ["abc123", "1", "18c9a1b2c3d4e5f6", "ffffffffffffffff"])
def test_well_formed_unknown_ids_are_404(api: Api, unknown: str) -> None:
    with pytest.raises(ApiError) as err:
        api("messages.get", id=unknown)
    assert err.value.code == 404
