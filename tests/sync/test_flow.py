"""End to end against the emulator: invite -> interview -> thank-you draft in the thread."""

from __future__ import annotations

from datetime import timedelta

from .conftest import World
from .mails import invite


def test_thank_you_draft_is_created_in_the_employer_thread_after_the_interview(
    world: World,
) -> None:
    t0 = world.admin.clock()
    world.service.first_sync()
    raw = invite(sent=t0, interview=t0 + timedelta(days=1), to=world.mailbox.email)
    delivered = world.deliver(raw)
    report = world.service.poll_once()
    assert report.events == 1
    world.admin.advance_clock(timedelta(days=1, hours=2))
    world.service.poll_once()
    tick = world.service.tick()
    assert tick.drafts_created == 1
    drafts = world.gmail.list_drafts()
    assert len(drafts) == 1
    assert drafts[0].thread_id == delivered["threadId"]
