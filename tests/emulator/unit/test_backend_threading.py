"""Threading as Gmail does it: a reference to a known message plus a matching subject."""

from __future__ import annotations

import pytest
from backend_support import ME, Api, b64, mail

from gmail_emulator.backend import Backend
from gmail_emulator.store import normalise_subject


def test_a_reply_naming_a_known_message_with_the_same_subject_joins_its_thread(
    backend: Backend,
) -> None:
    first = backend.deliver(ME, mail("Interview", message_id="<a@acme>"))
    reply = backend.deliver(ME, mail("Re: Interview", in_reply_to="<a@acme>"))
    assert reply["threadId"] == first["id"]


def test_a_reference_with_a_different_subject_starts_a_new_thread(backend: Backend) -> None:
    backend.deliver(ME, mail("Interview", message_id="<a@acme>"))
    other = backend.deliver(ME, mail("Something else", in_reply_to="<a@acme>"))
    assert other["threadId"] == other["id"]


def test_the_same_subject_without_references_starts_a_new_thread(backend: Backend) -> None:
    backend.deliver(ME, mail("Interview", message_id="<a@acme>"))
    second = backend.deliver(ME, mail("Interview"))
    assert second["threadId"] == second["id"]


def test_a_reference_to_an_unknown_message_starts_a_new_thread(backend: Backend) -> None:
    lone = backend.deliver(ME, mail("Re: Interview", in_reply_to="<nowhere@x>"))
    assert lone["threadId"] == lone["id"]


def test_references_anywhere_in_the_chain_thread_the_message(backend: Backend) -> None:
    root = backend.deliver(ME, mail("Offer", message_id="<root@x>"))
    later = mail(
        "RE: Fwd: offer",
        extra=["References: <root@x> <missing@x>", "In-Reply-To: <missing@x>"],
    )
    assert backend.deliver(ME, later)["threadId"] == root["id"]


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Re: Interview", "interview"),
        ("RE: Fwd: AW: interview", "interview"),
        ("Fw:   Interview  next week", "interview next week"),
        ("Re[2]: Interview", "interview"),
        ("Regarding Interview", "regarding interview"),
        ("", ""),
    ],
)
def test_subject_normalisation_strips_reply_and_forward_prefixes(
    subject: str, expected: str
) -> None:
    assert normalise_subject(subject) == expected


def test_explicit_thread_id_with_headers_and_matching_subject_joins(
    api: Api, backend: Backend
) -> None:
    first = backend.deliver(ME, mail("Interview", message_id="<a@acme>"))
    raw = mail("Re: Interview", sender=ME, to="ann@acme.example", in_reply_to="<a@acme>")
    sent = api("messages.send", {"raw": b64(raw), "threadId": first["threadId"]})
    assert sent["threadId"] == first["threadId"]


def test_explicit_thread_id_with_another_subject_starts_a_new_thread(
    api: Api, backend: Backend
) -> None:
    first = backend.deliver(ME, mail("Interview", message_id="<a@acme>"))
    raw = mail("Completely different", in_reply_to="<a@acme>")
    got = api("messages.insert", {"raw": b64(raw), "threadId": first["threadId"]})
    assert got["threadId"] == got["id"]


def test_explicit_thread_id_without_rfc_headers_starts_a_new_thread(
    api: Api, backend: Backend
) -> None:
    first = backend.deliver(ME, mail("Interview", message_id="<a@acme>"))
    got = api("messages.insert", {"raw": b64(mail("Re: Interview")), "threadId": first["id"]})
    assert got["threadId"] == got["id"]


def test_an_unknown_thread_id_starts_a_new_thread(api: Api) -> None:
    raw = mail("Re: Interview", in_reply_to="<a@acme>")
    got = api("messages.insert", {"raw": b64(raw), "threadId": "0000000000000001"})
    assert got["threadId"] == got["id"]


def test_thread_get_lists_messages_oldest_first_with_the_newest_history_id(
    api: Api, backend: Backend
) -> None:
    first = backend.deliver(ME, mail("Interview", message_id="<a@acme>"))
    second = backend.deliver(ME, mail("Re: Interview", in_reply_to="<a@acme>"))
    thread = api("threads.get", id=first["threadId"])
    assert [m["id"] for m in thread["messages"]] == [first["id"], second["id"]]
    assert thread["historyId"] == thread["messages"][1]["historyId"]
    assert "payload" in thread["messages"][0]
    minimal = api("threads.get", id=first["threadId"], format="minimal")
    assert "payload" not in minimal["messages"][0]


def test_thread_get_refuses_raw_and_unknown_ids(api: Api, backend: Backend) -> None:
    from gmail_emulator.errors import ApiError

    first = backend.deliver(ME, mail("Interview"))
    with pytest.raises(ApiError) as err:
        api("threads.get", id=first["threadId"], format="raw")
    assert err.value.code == 400
    with pytest.raises(ApiError) as err:
        api("threads.get", id="0123456789abcdef")
    assert err.value.code == 404


def test_threads_list_orders_by_newest_message_and_pages(api: Api, backend: Backend) -> None:
    from backend_support import START

    clock = backend.clock
    a = backend.deliver(ME, mail("A", message_id="<a@x>"))
    clock.set(START.replace(hour=18))
    b = backend.deliver(ME, mail("B"))
    clock.set(START.replace(hour=19))
    backend.deliver(ME, mail("Re: A", in_reply_to="<a@x>"))
    first = api("threads.list", maxResults=1)
    assert [t["id"] for t in first["threads"]] == [a["threadId"]]
    second = api("threads.list", maxResults=1, pageToken=first["nextPageToken"])
    assert [t["id"] for t in second["threads"]] == [b["threadId"]]
    assert "nextPageToken" not in second
    assert set(first["threads"][0]) == {"id", "snippet", "historyId"}


def test_threads_list_matches_when_any_message_matches(api: Api, backend: Backend) -> None:
    a = backend.deliver(ME, mail("A", message_id="<a@x>"), label_ids=["INBOX"])
    backend.deliver(ME, mail("Re: A", in_reply_to="<a@x>"), label_ids=["INBOX", "STARRED"])
    backend.deliver(ME, mail("B"), label_ids=["INBOX"])
    starred = api("threads.list", labelIds=["STARRED"])
    assert [t["id"] for t in starred["threads"]] == [a["threadId"]]


def test_thread_modify_changes_existing_messages_but_not_later_ones(
    api: Api, backend: Backend
) -> None:
    a = backend.deliver(ME, mail("A", message_id="<a@x>"))
    backend.deliver(ME, mail("Re: A", in_reply_to="<a@x>"))
    changed = api("threads.modify", {"removeLabelIds": ["UNREAD"]}, id=a["threadId"])
    assert all(m["labelIds"] == ["INBOX"] for m in changed["messages"])
    later = backend.deliver(ME, mail("Re: A", in_reply_to="<a@x>"))
    assert later["threadId"] == a["threadId"]
    got = api("messages.get", id=later["id"], format="minimal")
    assert "UNREAD" in got["labelIds"]


def test_thread_trash_untrash_and_delete(api: Api, backend: Backend) -> None:
    a = backend.deliver(ME, mail("A", message_id="<a@x>"))
    backend.deliver(ME, mail("Re: A", in_reply_to="<a@x>"))
    trashed = api("threads.trash", id=a["threadId"])
    assert all("TRASH" in m["labelIds"] for m in trashed["messages"])
    assert "threads" not in api("threads.list")
    api("threads.untrash", id=a["threadId"])
    assert len(api("threads.list")["threads"]) == 1
    assert api("threads.delete", id=a["threadId"]) is None
    assert api("getProfile")["messagesTotal"] == 0


def test_a_sent_reply_without_thread_id_starts_a_new_thread(api: Api, backend: Backend) -> None:
    backend.deliver(ME, mail("Interview", message_id="<a@acme>"))
    raw = mail("Re: Interview", sender=ME, to="ann@acme.example", in_reply_to="<a@acme>")
    sent = api("messages.send", {"raw": b64(raw)})
    assert sent["threadId"] == sent["id"]


def test_an_inserted_reply_is_threaded_by_its_references(api: Api, backend: Backend) -> None:
    first = backend.deliver(ME, mail("Interview", message_id="<a@acme>"))
    got = api("messages.insert", {"raw": b64(mail("Re: Interview", in_reply_to="<a@acme>"))})
    assert got["threadId"] == first["threadId"]
