"""The service keeps applications in memory between polls: that view never runs ahead of
the store, whatever fails in the middle of a commit."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import datetime, timedelta

import pytest

from followup.core.compose import UserProfile
from followup.core.engine import Outcome, handle
from followup.core.events import Event
from followup.core.model import Application
from followup.core.policy import Policy
from followup.mail.reading import read_mail
from followup.service import Service, SyncSettings

from .conftest import AdminClock, World
from .mails import invite


class Boom(RuntimeError):
    pass


class FlakyEngine:
    """The real engine, made to fail once after it has handled ``fail_after`` events."""

    def __init__(self, fail_after: int) -> None:
        self.fail_after = fail_after
        self.calls = 0
        self.seen_counts: list[int] = []

    def __call__(
        self,
        apps: Mapping[str, Application],
        event: Event,
        policy: Policy,
        profile: UserProfile,
        now: datetime,
    ) -> Outcome:
        self.calls += 1
        self.seen_counts.append(len(apps))
        if self.calls == self.fail_after + 1:
            raise Boom("engine failed mid-commit")
        return handle(apps, event, policy, profile, now)


def test_a_commit_that_fails_halfway_leaves_no_application_in_memory(world: World) -> None:
    engine = FlakyEngine(fail_after=1)
    service = Service(
        world.gmail,
        world.store,
        Policy(),
        UserProfile(address=world.mailbox.email, name="Sam Rivera"),
        SyncSettings(user_addresses=(world.mailbox.email,), progress=False),
        AdminClock(world.mailbox.admin),
        reader=functools.partial(read_mail, user_addresses=(world.mailbox.email,)),
        engine=engine,
    )
    service.first_sync()
    t0 = world.admin.clock()
    for company, contact in [
        ("Northwind", "dana@northwind.example"),
        ("Okapi", "li@okapi.example"),
    ]:
        world.deliver(
            invite(
                sent=t0,
                interview=t0 + timedelta(days=2),
                company=company,
                contact=contact,
                to=world.mailbox.email,
            )
        )
    with pytest.raises(Boom):
        service.poll_once()  # the first invitation made an application, then the engine failed
    assert world.store.load_applications() == []
    service.poll_once()  # the same history again, now without failing
    # The retry started from the store's view (no application), not from the half-done one.
    assert engine.seen_counts[2] == 0
    assert len(world.store.load_applications()) == 2
