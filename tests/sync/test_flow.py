"""End to end against the emulator: where drafts land, and what the user's own mail does."""

from __future__ import annotations

from datetime import timedelta
from email import message_from_bytes
from email.policy import default

from followup.adapters.outbox import InboxSettings
from followup.core.model import State

from .conftest import World, make_service
from .mails import invite, reply


def _invited(world: World) -> tuple[bytes, dict[str, str]]:
    t0 = world.admin.clock()
    world.service.first_sync()
    raw = invite(sent=t0, interview=t0 + timedelta(days=1), to=world.mailbox.email)
    delivered = world.deliver(raw)
    assert world.service.poll_once().events == 1
    return raw, delivered


def test_thank_you_draft_is_a_reply_in_the_employer_thread_after_the_interview(
    world: World,
) -> None:
    raw, delivered = _invited(world)
    world.admin.advance_clock(timedelta(days=1, hours=2))
    assert world.service.tick().drafts_created == 1
    (draft,) = world.gmail.list_drafts()
    assert draft.thread_id == delivered["threadId"]
    body = world.gmail.get_draft(draft.id).raw
    assert body is not None
    ours = message_from_bytes(body, policy=default)
    theirs = message_from_bytes(raw, policy=default)
    assert ours["In-Reply-To"] == theirs["Message-ID"]
    assert str(ours["Subject"]).startswith("Re: ")
    assert "dana.lee@northwind-robotics.com" in str(ours["To"])


def test_an_archived_thread_comes_back_to_the_inbox_starred_when_its_draft_is_ready(
    world: World,
) -> None:
    world.service = make_service(
        world.mailbox, world.store, world.gmail, inbox=InboxSettings(star=True)
    )
    _, delivered = _invited(world)
    thread = delivered["threadId"]
    world.gmail.modify_thread(thread, remove=["INBOX"])
    world.admin.advance_clock(timedelta(days=1, hours=2))
    world.service.tick()
    labels = {label for m in world.gmail.thread_messages(thread) for label in m.label_ids}
    assert {"INBOX", "STARRED"} <= labels
    ready = world.store.label_ids()["ready"]
    assert ready in labels


def test_users_own_reply_removes_our_pending_draft(world: World) -> None:
    raw, _ = _invited(world)
    world.admin.advance_clock(timedelta(days=1, hours=2))
    world.service.tick()
    assert len(world.gmail.list_drafts()) == 1
    own = reply(
        raw,
        sent=world.admin.clock(),
        text="Dear Dana, thank you for the conversation today.",
        sender=f"Sam Rivera <{world.mailbox.email}>",
        to="dana.lee@northwind-robotics.com",
    )
    world.deliver(own, labels=["SENT"])
    report = world.service.poll_once()
    assert report.drafts_discarded == 1
    assert world.gmail.list_drafts() == []
    (app,) = world.store.load_applications()
    assert app.state is not State.PAUSED  # our own mail is never the employer's reply


def test_mail_moved_out_of_spam_is_read_then(world: World) -> None:
    t0 = world.admin.clock()
    world.service.first_sync()
    raw = invite(sent=t0, interview=t0 + timedelta(days=2), to=world.mailbox.email)
    delivered = world.deliver(raw, ["SPAM"])
    world.service.poll_once()
    assert world.store.load_applications() == []
    world.mailbox.service.users().messages().modify(
        userId="me", id=delivered["id"], body={"removeLabelIds": ["SPAM"], "addLabelIds": ["INBOX"]}
    ).execute()
    world.service.poll_once()
    (app,) = world.store.load_applications()
    assert app.state is State.INTERVIEW_SCHEDULED


def test_timeline_and_processed_messages_are_kept_for_followup_show(world: World) -> None:
    _invited(world)
    (app,) = world.store.load_applications()
    (entry,) = world.store.timeline(app.id)
    assert entry.kind == "mail.interview_invite"
    (record,) = world.store.messages_for(app.id)
    assert record.kind == "interview_invite"
    assert record.reasons
