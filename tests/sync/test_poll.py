"""Polls against the emulator: cost, pausing, the user's own edits and deletions, failures."""

from __future__ import annotations

import base64
import os
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from followup.core.model import State
from followup.errors import AuthExpired
from followup.ports import OutboxEntry
from followup.service import Service
from gmail_emulator.testing import gmail_service

from .conftest import World
from .mails import invite, newsletter, reply


def _interviewed(world: World) -> tuple[bytes, dict[str, str]]:
    """An invitation for tomorrow, then the clock past the interview: the thank-you is due."""
    t0 = world.admin.clock()
    world.service.first_sync()
    raw = invite(sent=t0, interview=t0 + timedelta(days=1), to=world.mailbox.email)
    delivered = world.deliver(raw)
    world.service.poll_once()
    world.admin.advance_clock(timedelta(days=1, hours=2))
    world.service.poll_once()
    assert world.service.tick().drafts_created == 1
    return raw, delivered


def _app_state(world: World) -> State:
    (app,) = world.store.load_applications()
    return app.state


def test_idle_poll_costs_exactly_one_history_list_call(world: World) -> None:
    _interviewed(world)
    # Our own draft and label moves are in the history now: read, but nothing fetched.
    assert world.service.poll_once().calls == 1
    before = world.methods()
    report = world.service.poll_once()
    assert world.methods()[len(before) :] == ["gmail.users.history.list"]
    assert (report.mode, report.calls, report.units) == ("idle", 1, 2)


def test_first_sync_records_history_id_before_listing(world: World) -> None:
    world.deliver(newsletter(sent=world.admin.clock(), n=1))
    world.service.first_sync()
    methods = world.methods()
    assert methods.index("gmail.users.getProfile") < methods.index("gmail.users.messages.list")
    assert world.store.get_cursor() is not None


def test_first_sync_skips_bulk_mail_without_downloading_it(world: World) -> None:
    t0 = world.admin.clock()
    for n in range(5):
        world.deliver(newsletter(sent=t0, n=n), labels=["INBOX", "CATEGORY_PROMOTIONS"])
    world.deliver(invite(sent=t0, interview=t0 + timedelta(days=2), to=world.mailbox.email))
    report = world.service.first_sync()
    assert report.messages_fetched == 1
    assert _app_state(world) is State.INTERVIEW_SCHEDULED


def test_employer_reply_pauses_at_the_next_poll_and_removes_our_unedited_draft(
    world: World,
) -> None:
    raw, _ = _interviewed(world)
    world.deliver(reply(raw, sent=world.admin.clock(), text="Thanks Sam, we'll be in touch."))
    report = world.service.poll_once()
    assert _app_state(world) is State.PAUSED
    assert report.drafts_discarded == 1
    assert world.gmail.list_drafts() == []


def test_draft_edited_by_the_user_is_kept_and_reported_when_the_employer_replies(
    world: World,
) -> None:
    raw, _ = _interviewed(world)
    (draft,) = world.gmail.list_drafts()
    current = world.gmail.get_draft(draft.id)
    assert current.raw is not None
    edited = current.raw.replace(b"Thank you", b"Many thanks", 1)
    assert edited != current.raw
    body = {
        "message": {"raw": base64.urlsafe_b64encode(edited).decode(), "threadId": draft.thread_id}
    }
    world.mailbox.service.users().drafts().update(userId="me", id=draft.id, body=body).execute()
    world.deliver(reply(raw, sent=world.admin.clock(), text="Thanks Sam, we'll be in touch."))
    report = world.service.poll_once()
    assert report.drafts_kept == 1
    assert [d.id for d in world.gmail.list_drafts()] == [draft.id]
    assert any(n.kind == "kept_draft" for n in world.store.notes())


def test_draft_deleted_by_the_user_is_not_recreated(world: World) -> None:
    _interviewed(world)
    (draft,) = world.gmail.list_drafts()
    world.mailbox.service.users().drafts().delete(userId="me", id=draft.id).execute()
    report = world.service.poll_once()
    assert report.drafts_deleted_by_user == 1
    world.service.tick()
    world.service.poll_once()
    assert world.gmail.list_drafts() == []
    assert world.store.get_outbox(world.store.outbox()[0].intent_key).state == "gone"  # type: ignore[union-attr]


def test_expired_cursor_falls_back_to_a_full_sync_that_reingests_nothing(world: World) -> None:
    _interviewed(world)
    world.service.poll_once()
    events_before = len(world.store.timeline(world.store.load_applications()[0].id))
    world.admin.advance_clock(timedelta(days=8))
    world.deliver(newsletter(sent=world.admin.clock(), n=1))  # history moves on; old expires
    world.admin.advance_clock(timedelta(days=8))
    world.deliver(newsletter(sent=world.admin.clock(), n=2))
    report = world.service.poll_once()
    assert report.mode == "resync"
    assert len(world.store.timeline(world.store.load_applications()[0].id)) == events_before
    assert len(world.gmail.list_drafts()) == 1


def test_revoked_sign_in_raises_auth_expired_naming_the_fix(world: World) -> None:
    world.service.first_sync()
    world.admin.revoke(world.mailbox.refresh_token)
    world.admin.revoke(world.mailbox.access_token)
    with pytest.raises(AuthExpired) as caught:
        world.service.poll_once()
    assert "followup connect" in caught.value.hint


def test_label_deleted_by_the_user_is_created_again(world: World) -> None:
    raw, _ = _interviewed(world)
    labels = world.gmail.list_labels()
    ready = next(label for label in labels if label.name == "Follow-up/Ready")
    world.mailbox.service.users().labels().delete(userId="me", id=ready.id).execute()
    world.deliver(reply(raw, sent=world.admin.clock(), text="Thanks Sam, we'll be in touch."))
    world.service.poll_once()
    names = {label.name for label in world.gmail.list_labels()}
    assert {"Follow-up/Ready", "Follow-up/Waiting", "Follow-up/Closed"} <= names


def test_label_renamed_by_the_user_keeps_being_used(
    world: World, restart: Callable[[], Service]
) -> None:
    raw, delivered = _interviewed(world)
    waiting = next(x for x in world.gmail.list_labels() if x.name == "Follow-up/Waiting")
    world.mailbox.service.users().labels().patch(
        userId="me", id=waiting.id, body={"name": "Jobs/Waiting"}
    ).execute()
    service = restart()
    world.deliver(reply(raw, sent=world.admin.clock(), text="Thanks Sam, we'll be in touch."))
    service.poll_once()
    names = {label.name for label in world.gmail.list_labels()}
    assert "Follow-up/Waiting" not in names
    thread = world.gmail.thread_messages(delivered["threadId"])
    assert any(waiting.id in m.label_ids for m in thread)


def test_mail_in_spam_is_not_ingested(world: World) -> None:
    t0 = world.admin.clock()
    world.service.first_sync()
    world.deliver(
        invite(sent=t0, interview=t0 + timedelta(days=2), to=world.mailbox.email), ["SPAM"]
    )
    world.service.poll_once()
    assert world.store.load_applications() == []


def test_deleted_thread_does_not_break_the_poll(world: World) -> None:
    raw, delivered = _interviewed(world)
    grant = world.admin.mint_token(world.mailbox.email, scopes=["https://mail.google.com/"])
    full = gmail_service(world.mailbox.url, grant["access_token"])
    full.users().threads().delete(userId="me", id=delivered["threadId"]).execute()
    world.deliver(reply(raw, sent=world.admin.clock(), text="Thanks Sam, we'll be in touch."))
    world.service.poll_once()
    world.service.tick()
    assert world.service.poll_once().mode in {"idle", "incremental"}


def test_unreadable_message_is_logged_and_skipped(world: World) -> None:
    world.service.first_sync()
    world.deliver(b"\x00\x01 not a mail at all")
    report = world.service.poll_once()
    assert report.mode == "incremental"


def test_no_code_path_sends_mail(world: World) -> None:
    raw, _ = _interviewed(world)
    world.deliver(reply(raw, sent=world.admin.clock(), text="Thanks Sam, we'll be in touch."))
    world.service.poll_once()
    world.admin.advance_clock(timedelta(days=30))
    world.service.poll_once()
    world.service.tick()
    methods = world.methods()
    assert "gmail.users.drafts.create" in methods
    assert not [m for m in methods if m.endswith(".send")]


def test_a_draft_gmail_refuses_is_reported_and_does_not_block_later_effects(
    world: World,
) -> None:
    world.service.first_sync()
    now = world.admin.clock()
    world.store.put_outbox(
        OutboxEntry(
            intent_key="bad",
            application_id="app-x",
            step="check_in",
            thread_id=None,
            state="intended",
            raw=b"",
            content_hash="",
            created_at=now,
        )
    )
    world.store.queue_effects(
        [
            ("create", '{"intent_key": "bad", "application_id": "app-x"}'),
            ("flag", '{"application_id": "app-x", "reason": "later effect"}'),
        ]
    )
    world.service.poll_once()
    assert world.store.pending_effects() == []
    assert world.store.get_outbox("bad").state == "failed"  # type: ignore[union-attr]
    assert [n.kind for n in world.store.notes("app-x")] == ["error", "flag"]


def test_an_intent_another_live_process_is_creating_is_left_to_it(world: World) -> None:
    world.service.first_sync()
    now = world.admin.clock()
    raw = b"To: dana@x.com\r\nSubject: Re: Interview\r\n\r\nThank you.\r\n"
    world.store.put_outbox(
        OutboxEntry(
            intent_key="busy",
            application_id="app-y",
            step="thank_you",
            thread_id=None,
            state="intended",
            raw=raw,
            content_hash="",
            created_at=now,
        )
    )
    other = f"creating-pid:{os.getppid()}"  # a live process that is not this one
    assert world.store.claim_outbox(
        "busy", expected="intended", state="creating", at=now, note=other
    )
    world.store.queue_effects(
        [
            ("create", '{"intent_key": "busy", "application_id": "app-y"}'),
            ("discard", '{"intent_key": "busy", "application_id": "app-y", "reason": "r"}'),
        ]
    )
    world.service.poll_once()
    assert world.gmail.list_drafts() == []
    assert [kind for _, kind, _ in world.store.pending_effects()] == ["discard"]


def test_a_poll_reads_every_page_of_history(world: World, emulator: Any) -> None:
    world.service.first_sync()
    t0 = world.admin.clock()
    for n in range(520):  # more than one 500-record page
        emulator.backend.deliver(world.mailbox.email, newsletter(sent=t0, n=n))
    before = world.methods().count("gmail.users.history.list")
    report = world.service.poll_once()
    assert world.methods().count("gmail.users.history.list") - before == 2
    assert report.messages_fetched == 520
