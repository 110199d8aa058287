"""A simulated month with 20 % of Gmail calls failing (429/500/503): same drafts as without.

Two mailboxes live through the same month on the same emulator clock; only one of them
sees faults. Every draft the clean run creates must also be created in the faulty run,
none twice, and the watcher (which swallows failed runs) must never stop.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import timedelta

import pytest

from followup.adapters.scheduler import Watcher
from followup.core.draft import FOLLOWUP_ID_HEADER

from .conftest import World
from .mails import invite, reply

pytestmark = pytest.mark.slow  # real processes / a simulated month

COMPANIES = [
    ("Northwind Robotics", "dana.lee@northwind-robotics.com", 1),
    ("Quillfeather", "omar@quillfeather.io", 3),
    ("Verdigris Bank", "lena.h@verdigris-bank.com", 5),
]


def _outbox_summary(world: World) -> Counter[tuple[str, str, str]]:
    company = {app.id: app.company or "" for app in world.store.load_applications()}
    return Counter(
        (company[row.application_id], row.step, row.state) for row in world.store.outbox()
    )


def test_a_month_with_20_percent_failures_creates_every_due_draft_exactly_once(
    new_world: Callable[[], World],
) -> None:
    clean, faulty = new_world(), new_world()
    admin = clean.admin
    watchers = {id(w): Watcher(lambda w=w: w.service) for w in (clean, faulty)}  # type: ignore[misc]
    t0 = admin.clock()
    invites: dict[int, list[bytes]] = {id(clean): [], id(faulty): []}
    for world in (clean, faulty):
        world.service.first_sync()
        for name, contact, day in COMPANIES:
            raw = invite(
                sent=t0,
                interview=t0 + timedelta(days=day),
                company=name,
                contact=contact,
                name=name.split()[0],
                to=world.mailbox.email,
            )
            invites[id(world)].append(raw)
            world.deliver(raw)
    try:
        for step in range(4 * 30):  # every 6 hours for 30 days
            if step == 40:  # day 10: Quillfeather answers
                for world in (clean, faulty):
                    world.deliver(
                        reply(
                            invites[id(world)][1],
                            sent=admin.clock(),
                            text="Hi Sam, thanks for your patience, we are still deciding.",
                            sender="Omar <omar@quillfeather.io>",
                        )
                    )
            for world in (clean, faulty):
                if world is faulty:
                    admin.faults(rate=0.2, kinds=["429", "500", "503"], seed=step)
                watcher = watchers[id(world)]
                watcher.poll()
                watcher.tick()
                admin.clear_faults()
            admin.advance_clock(timedelta(hours=6))
    finally:
        admin.clear_faults()
    # settle: one more clean round for both
    for world in (clean, faulty):
        watchers[id(world)].poll()
        watchers[id(world)].tick()
    assert watchers[id(faulty)].failures < watchers[id(faulty)].runs
    expected = _outbox_summary(clean)
    assert sum(n for (_, _, state), n in expected.items() if state != "cancelled") >= 3
    assert _outbox_summary(faulty) == expected
    drafts = faulty.gmail.get_drafts(d.id for d in faulty.gmail.list_drafts())
    keys = [d.headers.get(FOLLOWUP_ID_HEADER.lower()) for d in drafts.values()]
    assert len(keys) == len(set(keys))
    assert len(keys) == len(clean.gmail.list_drafts())
    assert faulty.gmail.stats.retries > 0
