"""Crash safety: SIGKILL the real process at every step, restart, check exactly-once.

The child process runs the real service against the emulator (served by this test
process); FOLLOWUP_CRASH_AT picks the step at which it kills itself.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from followup.adapters.crashpoints import ENV
from followup.core.draft import FOLLOWUP_ID_HEADER
from followup.core.model import State

from .conftest import World
from .mails import invite, reply

pytestmark = pytest.mark.slow  # real processes / a simulated month

CHILD = Path(__file__).with_name("crash_child.py")
TICK_POINTS = [
    "poll.before_commit",
    "poll.after_commit",
    "draft.before_create",
    "draft.after_create",
    "effect.before_done",
]
POLL_POINTS = ["poll.after_fetch", "poll.before_commit", "poll.after_commit", "effect.before_done"]


def _run_child(world: World, crash_at: str | None) -> int:
    env = {k: v for k, v in os.environ.items() if k != ENV}
    if crash_at:
        env[ENV] = crash_at
    m = world.mailbox
    args = [m.url, m.email, m.access_token, m.refresh_token, str(world.db_path)]
    done = subprocess.run(
        [sys.executable, str(CHILD), *args], env=env, timeout=120, capture_output=True
    )
    return done.returncode


def _our_drafts(world: World) -> list[str]:
    drafts = world.gmail.get_drafts(d.id for d in world.gmail.list_drafts())
    return [d.headers.get(FOLLOWUP_ID_HEADER.lower(), "") for d in drafts.values()]


def _interview_over(world: World) -> bytes:
    t0 = world.admin.clock()
    world.service.first_sync()
    raw = invite(sent=t0, interview=t0 + timedelta(days=1), to=world.mailbox.email)
    world.deliver(raw)
    world.service.poll_once()
    world.admin.advance_clock(timedelta(days=1, hours=2))
    world.store.close()  # the child owns the database from here
    return raw


@pytest.mark.parametrize("point", TICK_POINTS)
def test_crash_while_creating_a_draft_still_yields_exactly_one_draft(
    world: World, point: str
) -> None:
    _interview_over(world)
    assert _run_child(world, point) == -signal.SIGKILL
    assert _run_child(world, None) == 0
    assert _run_child(world, None) == 0
    keys = _our_drafts(world)
    assert len(keys) == 1
    assert keys[0]
    world.store = type(world.store)(world.db_path)
    (row,) = world.store.outbox()
    assert (row.state, row.intent_key) == ("created", keys[0])


@pytest.mark.parametrize("point", POLL_POINTS)
def test_crash_during_a_poll_loses_no_event_and_removes_the_draft_once(
    world: World, point: str
) -> None:
    raw = _interview_over(world)
    assert _run_child(world, None) == 0
    assert len(_our_drafts(world)) == 1
    world.deliver(reply(raw, sent=world.admin.clock(), text="Thanks Sam, we'll be in touch."))
    assert _run_child(world, point) == -signal.SIGKILL
    assert _run_child(world, None) == 0
    world.store = type(world.store)(world.db_path)
    (app,) = world.store.load_applications()
    assert app.state is State.PAUSED
    assert _our_drafts(world) == []
    mail_events = [e for e in world.store.timeline(app.id) if e.kind.startswith("mail.")]
    assert len(mail_events) == 2
    assert len({e.key for e in mail_events}) == 2
