"""Label moves of several threads go to Gmail together, with the same outcomes one by one
would have: the right label on each thread, deleted threads skipped, lost labels re-made."""

from __future__ import annotations

from datetime import timedelta

from followup.adapters.labels import LabelKeeper
from followup.adapters.outbox import Outbox, encode_effect
from followup.core.effects import LabelThreads
from followup.core.model import LabelRole
from gmail_emulator.testing import gmail_service

from .conftest import World
from .mails import invite


def _threads(world: World, count: int) -> list[str]:
    t0 = world.admin.clock()
    return [
        world.deliver(
            invite(
                sent=t0,
                interview=t0 + timedelta(days=2),
                company=f"Company {n}",
                contact=f"person@company{n}.example",
                to=world.mailbox.email,
            )
        )["threadId"]
        for n in range(count)
    ]


def _label_names(world: World, thread_id: str) -> set[str]:
    names = {label.id: label.name for label in world.gmail.list_labels()}
    return {
        names[label_id]
        for message in world.gmail.thread_messages(thread_id)
        for label_id in message.label_ids
        if names.get(label_id, "").startswith("Follow-up/")
    }


def test_moves_of_several_threads_put_each_threads_own_label(world: World) -> None:
    keeper = LabelKeeper(world.gmail, world.store)
    a, b, c = _threads(world, 3)
    keeper.apply([a, b, c], LabelRole.READY)
    moved = keeper.apply_moves({a: LabelRole.WAITING, b: LabelRole.CLOSED, c: LabelRole.READY})
    assert moved == 2  # c already carried Ready: no call for it
    assert [_label_names(world, t) for t in (a, b, c)] == [
        {"Follow-up/Waiting"},
        {"Follow-up/Closed"},
        {"Follow-up/Ready"},
    ]
    assert world.gmail.stats.units_by_method["threads.modify"] == 10 * (3 + 2)


def test_a_deleted_thread_is_skipped_and_the_others_still_move(world: World) -> None:
    keeper = LabelKeeper(world.gmail, world.store)
    a, b, c = _threads(world, 3)
    grant = world.admin.mint_token(world.mailbox.email, scopes=["https://mail.google.com/"])
    full = gmail_service(world.mailbox.url, grant["access_token"])
    full.users().threads().delete(userId="me", id=b).execute()
    assert (
        keeper.apply_moves({a: LabelRole.WAITING, b: LabelRole.WAITING, c: LabelRole.CLOSED}) == 2
    )
    assert _label_names(world, a) == {"Follow-up/Waiting"}
    assert _label_names(world, c) == {"Follow-up/Closed"}


def test_a_label_the_user_deleted_is_made_again_and_the_moves_retried(world: World) -> None:
    keeper = LabelKeeper(world.gmail, world.store)
    a, b = _threads(world, 2)
    keeper.apply([a], LabelRole.READY)
    waiting = keeper.ids()[LabelRole.WAITING]
    world.mailbox.service.users().labels().delete(userId="me", id=waiting).execute()
    assert keeper.apply_moves({a: LabelRole.WAITING, b: LabelRole.WAITING}) == 2
    assert keeper.ids()[LabelRole.WAITING] != waiting
    assert _label_names(world, a) == _label_names(world, b) == {"Follow-up/Waiting"}


def test_queued_label_effects_are_applied_in_order_and_forgotten(world: World) -> None:
    keeper = LabelKeeper(world.gmail, world.store)
    outbox = Outbox(world.gmail, world.store, keeper)
    a, b = _threads(world, 2)
    effects = [
        LabelThreads(application_id="app-a", thread_ids=(a,), label=LabelRole.READY),
        LabelThreads(application_id="app-b", thread_ids=(b,), label=LabelRole.WAITING),
        LabelThreads(application_id="app-a", thread_ids=(a,), label=LabelRole.CLOSED),
    ]
    world.store.queue_effects([encode_effect(e) for e in effects])
    applied = outbox.apply_pending(world.admin.clock())
    assert applied.threads_labelled == 2
    assert world.store.pending_effects() == []
    assert _label_names(world, a) == {"Follow-up/Closed"}  # the later move wins
    assert _label_names(world, b) == {"Follow-up/Waiting"}
