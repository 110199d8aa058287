"""Adopting a thread the watcher did not pick up: what the thread already holds counts."""

from __future__ import annotations

from datetime import datetime, timedelta

from followup.core.events import ManualApplication
from followup.core.model import ActionKind, Application, CloseReason, Kind, State

from .conftest import World
from .mails import invite, reply

DANA = "Dana Lee <dana.lee@northwind-robotics.com>"


def _entry(world: World, thread_id: str) -> ManualApplication:
    """What `followup add --thread` hands the service (read from the employer's mail)."""
    return ManualApplication(
        company="Northwind Robotics",
        contact="dana.lee@northwind-robotics.com",
        role="Backend Engineer",
        interview_at=None,
        thread_id=thread_id,
        at=world.admin.clock(),
        contact_name="Dana Lee",
    )


def _thread(world: World, mails: list[tuple[bytes, datetime, list[str]]]) -> str:
    """Deliver mails (raw, arrival, labels) into one thread; its id."""
    threads = {
        world.admin.deliver(world.mailbox.email, raw, label_ids=labels, internal_date=at)[
            "threadId"
        ]
        for raw, at, labels in mails
    }
    (thread_id,) = threads
    return thread_id


def _rejection(world: World, first: bytes, sent: datetime, opening: str = "") -> bytes:
    """Dana's rejection, replying in the thread of ``first``."""
    return reply(
        first,
        sent=sent,
        text=f"Hi Sam,\n\n{opening}Unfortunately, we have decided not to move forward with "
        "your application.\n\nBest,\nDana",
        sender=DANA,
        to=world.mailbox.email,
    )


def _only_application(world: World) -> Application:
    (app,) = world.store.load_applications()
    return app


def test_a_rejection_already_in_the_thread_closes_the_adopted_application_without_a_draft(
    world: World,
) -> None:
    world.service.first_sync()
    t0 = world.admin.clock() - timedelta(days=6)
    first = invite(sent=t0, interview=t0 + timedelta(days=2), to=world.mailbox.email)
    no = _rejection(world, first, t0 + timedelta(days=4), "Thank you for your time on Wednesday. ")
    thread = _thread(world, [(first, t0, ["INBOX"]), (no, t0 + timedelta(days=4), ["INBOX"])])

    report = world.service.adopt_thread(_entry(world, thread))

    app = _only_application(world)
    assert app.state is State.CLOSED
    assert app.closed_reason is CloseReason.REJECTION
    assert [m.kind for m in app.messages] == [Kind.INTERVIEW_INVITE, Kind.REJECTION]
    # The entry went first (it would be refused after an invite that opened its own).
    assert app.history[0].note == "added by hand"
    assert app.created_at == min(m.at for m in app.messages)
    assert report.drafts_created == 0
    assert world.gmail.list_drafts() == []


def test_the_users_own_thank_you_in_the_thread_means_no_thank_you_draft_and_a_check_in_next(
    world: World,
) -> None:
    world.service.first_sync()
    t0 = world.admin.clock() - timedelta(days=4)
    interview = t0 + timedelta(days=2)
    first = invite(sent=t0, interview=interview, to=world.mailbox.email)
    thanks = reply(
        first,
        sent=interview + timedelta(hours=3),
        text="Dear Dana,\n\nThank you for taking the time to talk with me today about the "
        "Backend Engineer role.\n\nBest,\nSam",
        sender=f"Sam Rivera <{world.mailbox.email}>",
        to="dana.lee@northwind-robotics.com",
    )
    thread = _thread(
        world,
        [(first, t0, ["INBOX"]), (thanks, interview + timedelta(hours=3), ["SENT"])],
    )

    world.service.adopt_thread(_entry(world, thread))

    app = _only_application(world)
    assert app.state is State.WAITING
    assert app.pending is None
    assert app.next_action is not None
    assert app.next_action.kind is ActionKind.CHECK_IN
    assert app.next_action.check_in == 1
    assert world.gmail.list_drafts() == []
    # The watcher's next tick has nothing to draft until the check-in falls due.
    assert world.service.tick().drafts_created == 0
    assert world.gmail.list_drafts() == []


def test_an_employer_reply_naming_a_date_holds_the_check_in_until_after_that_date(
    world: World,
) -> None:
    world.service.first_sync()
    now = world.admin.clock()
    t0 = now - timedelta(days=5)
    decide_by = (now + timedelta(days=7)).date()
    first = invite(sent=t0, interview=t0 + timedelta(days=1), to=world.mailbox.email)
    later = reply(
        first,
        sent=t0 + timedelta(days=3),
        text="Hi Sam,\n\nThanks for meeting the team. We are still interviewing and will get "
        f"back to you by {decide_by:%A, %B} {decide_by.day}.\n\nBest,\nDana",
        sender=DANA,
        to=world.mailbox.email,
    )
    thread = _thread(world, [(first, t0, ["INBOX"]), (later, t0 + timedelta(days=3), ["INBOX"])])

    world.service.adopt_thread(_entry(world, thread))

    app = _only_application(world)
    assert app.respond_by == decide_by
    assert app.pending is None
    assert app.next_action is not None
    assert app.next_action.kind is ActionKind.CHECK_IN
    assert app.next_action.due.date() > decide_by
    assert world.gmail.list_drafts() == []


def test_adopting_the_same_thread_twice_adds_nothing_the_second_time(world: World) -> None:
    world.service.first_sync()
    t0 = world.admin.clock() - timedelta(days=1)
    first = invite(sent=t0, interview=t0 + timedelta(days=3), to=world.mailbox.email)
    thread = _thread(world, [(first, t0, ["INBOX"])])
    world.service.adopt_thread(_entry(world, thread))
    before = _only_application(world)

    again = world.service.adopt_thread(_entry(world, thread))

    assert _only_application(world) == before
    assert any("already tracked" in note for note in again.notes)
    assert again.events == 0


def test_a_thread_the_watcher_recorded_as_skipped_is_still_replayed(world: World) -> None:
    t0 = (world.admin.clock() - timedelta(days=2)).replace(microsecond=0)
    bulk = invite(sent=t0, interview=t0 + timedelta(days=4), to=world.mailbox.email)
    # Sent through a mailing tool with a bland subject: the first sync's header pass skips it.
    bulk = bulk.replace(
        b"Subject: Interview invitation: Backend Engineer at Northwind Robotics",
        b"Subject: Northwind Robotics: a date for our chat\n"
        b"List-Unsubscribe: <mailto:unsubscribe@northwind-robotics.com>",
    )
    thread = _thread(world, [(bulk, t0, ["INBOX"])])
    world.service.first_sync()
    (record,) = [world.store.get_message(m.id) for m in world.gmail.thread_messages(thread)]
    assert record is not None
    assert record.status == "skipped"
    assert world.store.load_applications() == []

    world.service.adopt_thread(_entry(world, thread))

    app = _only_application(world)
    assert app.state is State.INTERVIEW_SCHEDULED
    assert app.rounds[0].start == t0 + timedelta(days=4)
    after = world.store.get_message(record.message_id)
    assert after is not None
    assert (after.status, after.application_id) == ("ingested", app.id)


def test_a_message_another_application_owns_is_left_to_it(world: World) -> None:
    from followup.ports import ProcessedMessage

    world.service.first_sync()
    t0 = (world.admin.clock() - timedelta(days=6)).replace(microsecond=0)
    first = invite(sent=t0, interview=t0 + timedelta(days=8), to=world.mailbox.email)
    no = _rejection(world, first, t0 + timedelta(days=1))
    delivered = world.admin.deliver(
        world.mailbox.email, first, label_ids=["INBOX"], internal_date=t0
    )
    other = world.admin.deliver(
        world.mailbox.email, no, label_ids=["INBOX"], internal_date=t0 + timedelta(days=1)
    )
    assert other["threadId"] == delivered["threadId"]
    # Recorded for another application (as a mail once matched elsewhere would be).
    world.store.record_message(
        ProcessedMessage(
            message_id=other["id"],
            thread_id=other["threadId"],
            at=t0 + timedelta(days=1),
            kind="rejection",
            status="ingested",
            application_id="app-elsewhere",
        )
    )

    report = world.service.adopt_thread(_entry(world, delivered["threadId"]))

    app = _only_application(world)
    assert app.state is State.INTERVIEW_SCHEDULED
    assert [m.message_id for m in app.messages] == [delivered["id"]]
    kept = world.store.get_message(other["id"])
    assert kept is not None
    assert kept.application_id == "app-elsewhere"
    assert any("belongs to another application" in note for note in report.notes)
