"""Several of our drafts changing in Gmail between two polls: sent, edited, deleted. One
drafts.list tells them apart, and each gets the outcome a drafts.get would have given."""

from __future__ import annotations

import base64
from datetime import timedelta

from .conftest import World
from .mails import invite


def _three_thank_yous(world: World) -> None:
    t0 = world.admin.clock()
    world.service.first_sync()
    for n in range(3):
        world.deliver(
            invite(
                sent=t0,
                interview=t0 + timedelta(days=1),
                company=f"Company {n}",
                contact=f"dana@company{n}.example",
                to=world.mailbox.email,
            )
        )
    world.service.poll_once()
    world.admin.advance_clock(timedelta(days=1, hours=2))
    world.service.poll_once()
    assert world.service.tick().drafts_created == 3


def test_sent_edited_and_deleted_drafts_are_told_apart_with_one_list(world: World) -> None:
    _three_thank_yous(world)
    world.service.poll_once()  # our own drafts in the history: nothing to do
    sent, edited, deleted = sorted(world.gmail.list_drafts(), key=lambda d: d.id)
    drafts = world.mailbox.service.users().drafts()
    drafts.send(userId="me", body={"id": sent.id}).execute()
    raw = world.gmail.get_draft(edited.id).raw
    assert raw is not None
    new_raw = base64.urlsafe_b64encode(raw.replace(b"Thank you", b"Many thanks", 1)).decode()
    body = {"message": {"raw": new_raw, "threadId": edited.thread_id}}
    drafts.update(userId="me", id=edited.id, body=body).execute()
    drafts.delete(userId="me", id=deleted.id).execute()
    before = len(world.methods())

    report = world.service.poll_once()

    calls = world.methods()[before:]
    assert calls.count("gmail.users.drafts.list") == 1
    assert "gmail.users.drafts.get" not in calls
    assert report.drafts_deleted_by_user == 1
    rows = {row.draft_id: row for row in world.store.outbox()}
    assert rows[sent.id].state == "gone"
    assert rows[deleted.id].state == "gone"
    assert rows[edited.id].state == "created"
    assert rows[edited.id].draft_message_id == world.gmail.get_draft(edited.id).message_id
    assert rows[edited.id].draft_message_id != edited.message_id
