"""Example tests for the follow-up flow: thank-you, check-ins, let-go (issue 5 policy)."""

from __future__ import annotations

from datetime import date, timedelta

from followup.core.effects import CreateDraft, LabelThreads
from followup.core.events import DraftDeleted, Kind
from followup.core.model import ActionKind, CloseReason, DraftStep, LabelRole, State
from followup.core.policy import Policy

from .helpers import INTERVIEW, Tracker, at, drafts_in, invite, mail


def test_interview_invite_creates_application_with_thank_you_at_interview_end() -> None:
    t = Tracker()
    t.feed(invite())
    app = t.app
    assert app.state is State.INTERVIEW_SCHEDULED
    assert app.company == "Acme"
    assert app.next_action is not None
    assert app.next_action.kind is ActionKind.THANK_YOU
    assert app.next_action.due == INTERVIEW + timedelta(hours=1)  # default length, no calendar


def test_calendar_end_sets_the_thank_you_time() -> None:
    t = Tracker()
    t.feed(invite(interview_end=INTERVIEW + timedelta(minutes=30), calendar="REQUEST"))
    assert t.app.next_action is not None
    assert t.app.next_action.due == INTERVIEW + timedelta(minutes=30)
    assert t.app.rounds[0].source == "calendar"


def test_invite_without_a_time_leaves_the_application_invited_and_undrafted() -> None:
    t = Tracker()
    t.feed(invite(interview_at=None))
    t.run_days(at(5), 30)
    assert t.app.state is State.INVITED
    assert t.drafts() == []


def test_no_draft_is_made_before_the_interview_has_ended() -> None:
    t = Tracker()
    t.feed(invite())
    t.tick(INTERVIEW + timedelta(minutes=59))
    assert t.drafts() == []
    out = t.tick(INTERVIEW + timedelta(hours=1))
    assert [d.step for d in drafts_in(out)] == [DraftStep.THANK_YOU]
    assert t.app.state is State.INTERVIEWED


def test_thank_you_on_a_saturday_is_not_delayed_by_the_weekend() -> None:
    saturday = at(10, 11)
    t = Tracker()
    t.feed(invite(interview_at=saturday))
    out = t.tick(saturday + timedelta(hours=1))
    assert [d.step for d in drafts_in(out)] == [DraftStep.THANK_YOU]


def test_thank_you_is_skipped_when_the_user_wrote_in_the_thread_since_the_interview_began() -> None:
    t = Tracker()
    t.feed(invite())
    t.feed(mail("u1", INTERVIEW + timedelta(minutes=50), Kind.OTHER, from_user=True))
    t.tick(INTERVIEW + timedelta(hours=2))
    assert t.drafts() == []
    assert t.app.state is State.WAITING
    assert t.app.next_action is not None
    assert t.app.next_action.kind is ActionKind.CHECK_IN


def test_user_mail_before_the_interview_does_not_skip_the_thank_you() -> None:
    t = Tracker()
    t.feed(invite())
    t.feed(mail("u1", at(5, 12), Kind.OTHER, from_user=True, subject="Re: Interview"))
    t.tick(INTERVIEW + timedelta(hours=1))
    assert [d.step for d in t.drafts()] == [DraftStep.THANK_YOU]


def test_thank_you_can_be_turned_off() -> None:
    t = Tracker(policy=Policy(thank_you=False))
    t.feed(invite())
    t.tick(INTERVIEW + timedelta(hours=2))
    assert t.drafts() == []
    assert t.app.state is State.WAITING


def test_first_check_in_is_due_seven_days_after_the_interview() -> None:
    t = Tracker()
    t.feed(invite())
    t.tick(INTERVIEW + timedelta(hours=1))
    t.feed(mail("u1", at(6, 18), Kind.OTHER, from_user=True))
    t.tick(at(13, 8, 59))
    assert [d.step for d in t.drafts()] == [DraftStep.THANK_YOU]
    out = t.tick(at(13, 9))  # Tuesday 13th: a week after Tuesday 6th (seed 001)
    [draft] = drafts_in(out)
    assert draft.step is DraftStep.CHECK_IN
    assert draft.intent_key.endswith("/check_in_1-2")
    assert t.app.state is State.FOLLOW_UP_DUE


def test_first_check_in_is_due_the_business_day_after_a_date_named_before_the_interview() -> None:
    t = Tracker()
    t.feed(invite(respond_by=date(2026, 1, 16)))  # Friday: "we will decide by the 16th"
    t.tick(INTERVIEW + timedelta(hours=1))
    assert t.app.next_action is not None
    assert t.app.next_action.due == at(19, 9)  # Monday after


def test_check_in_falling_on_a_weekend_moves_to_monday() -> None:
    t = Tracker()
    thursday = at(8, 10)
    t.feed(invite(interview_at=thursday, when=at(5)))
    t.tick(thursday + timedelta(hours=1))
    t.feed(mail("u1", at(8, 12), Kind.OTHER, from_user=True))
    # 7 days after Thursday 8th is Thursday 15th: a business day, kept.
    assert t.app.next_action is not None
    assert t.app.next_action.due == at(15, 9)
    t2 = Tracker()
    saturday = at(10, 10)
    t2.feed(invite(interview_at=saturday, when=at(5)))
    t2.tick(saturday + timedelta(hours=1))
    assert t2.app.next_action is not None
    assert t2.app.next_action.due == at(19, 9)  # Saturday 17th -> Monday 19th


def test_check_in_on_a_configured_day_off_moves_to_the_next_business_day() -> None:
    policy = Policy.from_mapping({"days_off": [date(2026, 1, 13), "wednesday"]})
    t = Tracker(policy=policy)
    t.feed(invite())
    t.tick(INTERVIEW + timedelta(hours=1))
    assert t.app.next_action is not None
    assert t.app.next_action.due == at(15, 9)  # Tue 13th off, Wed off -> Thursday


def test_unsent_thank_you_is_superseded_by_the_first_check_in() -> None:
    t = Tracker()
    t.feed(invite())
    t.tick(INTERVIEW + timedelta(hours=1))
    out = t.tick(at(13, 9))
    [discard] = [e for e in out.effects if not isinstance(e, CreateDraft | LabelThreads)]
    assert discard.intent_key.endswith("thank_you-1")  # type: ignore[union-attr]
    assert [d.step for d in drafts_in(out)] == [DraftStep.CHECK_IN]
    assert t.app.pending is not None
    assert t.app.pending.step is DraftStep.CHECK_IN


def test_second_check_in_is_due_seven_days_after_the_first_was_sent() -> None:
    t = Tracker()
    t.feed(invite())
    t.tick(INTERVIEW + timedelta(hours=1))
    t.feed(mail("u1", at(6, 18), Kind.OTHER, from_user=True))
    t.tick(at(13, 9))
    t.feed(mail("u2", at(14, 10), Kind.OTHER, from_user=True))  # sent a day late
    assert t.app.check_ins_done == 1
    assert t.app.next_action is not None
    assert t.app.next_action.due == at(21, 9)
    out = t.tick(at(21, 9))
    [draft] = drafts_in(out)
    assert draft.intent_key.endswith("/check_in_2-3")
    assert "once more" in draft.draft.text  # the second check-in template


def test_at_most_two_check_ins_then_the_application_is_let_go_a_week_later() -> None:
    t = Tracker()
    t.feed(invite())
    t.tick(INTERVIEW + timedelta(hours=1))
    t.feed(mail("u1", at(6, 18), Kind.OTHER, from_user=True))
    t.tick(at(13, 9))
    t.feed(mail("u2", at(13, 10), Kind.OTHER, from_user=True))
    t.tick(at(20, 9))
    t.feed(mail("u3", at(20, 10), Kind.OTHER, from_user=True))
    assert t.app.next_action is not None
    assert t.app.next_action.kind is ActionKind.LET_GO
    t.run_days(at(21), 60)
    assert [d.step for d in t.drafts()].count(DraftStep.CHECK_IN) == 2
    assert t.app.state is State.CLOSED
    assert t.app.closed_reason is CloseReason.LET_GO
    assert [h.at for h in t.app.history if h.to_state is State.CLOSED] == [at(27, 9)]
    assert any("move on" in f.reason for f in t.flags())


def test_the_check_in_limit_is_configurable() -> None:
    t = Tracker(policy=Policy(max_check_ins=1))
    t.feed(invite())
    t.tick(INTERVIEW + timedelta(hours=1))
    t.feed(mail("u1", at(6, 18), Kind.OTHER, from_user=True))
    t.tick(at(13, 9))
    t.feed(mail("u2", at(13, 10), Kind.OTHER, from_user=True))
    t.run_days(at(14), 30)
    assert [d.step for d in t.drafts()].count(DraftStep.CHECK_IN) == 1
    assert t.app.closed_reason is CloseReason.LET_GO


def test_users_own_mail_counts_as_the_due_check_in_and_removes_our_draft() -> None:
    t = Tracker()
    t.feed(invite())
    t.tick(INTERVIEW + timedelta(hours=1))
    t.feed(mail("u1", at(6, 18), Kind.OTHER, from_user=True))
    t.tick(at(13, 9))
    pending = t.app.pending
    assert pending is not None
    out = t.feed(
        mail("u2", at(13, 11), Kind.OTHER, from_user=True, thread="t9", subject="Checking in")
    )
    assert [d.intent_key for d in out.effects if hasattr(d, "reason")][:1] == [pending.intent_key]
    assert t.app.check_ins_done == 1
    assert t.app.state is State.WAITING


def test_users_own_mail_while_waiting_pushes_the_next_check_in_a_week_past_it() -> None:
    t = Tracker()
    t.feed(invite())
    t.tick(INTERVIEW + timedelta(hours=1))
    t.feed(mail("u1", at(6, 18), Kind.OTHER, from_user=True))
    t.feed(mail("u2", at(12, 10), Kind.OTHER, from_user=True))
    assert t.app.next_action is not None
    assert t.app.next_action.due == at(19, 9)
    assert t.app.check_ins_done == 0


def test_deleted_draft_is_not_recreated_and_the_next_step_counts_from_the_deletion() -> None:
    t = Tracker()
    t.feed(invite())
    t.tick(INTERVIEW + timedelta(hours=1))
    t.feed(mail("u1", at(6, 18), Kind.OTHER, from_user=True))
    t.tick(at(13, 9))
    key = t.app.pending.intent_key  # type: ignore[union-attr]
    t.feed(DraftDeleted(key, at(15, 12)))
    assert t.app.pending is None
    assert t.app.check_ins_done == 1  # skipped counts as the step
    assert t.app.next_action is not None
    assert t.app.next_action.due == at(22, 9)
    assert t.app.next_action.check_in == 2
    t.tick(at(21, 9))
    assert sum(d.intent_key == key for d in t.drafts()) == 1


def test_deleted_thank_you_keeps_the_first_check_in_at_least_a_week_after_deletion() -> None:
    t = Tracker()
    t.feed(invite())
    t.tick(INTERVIEW + timedelta(hours=1))
    key = t.app.pending.intent_key  # type: ignore[union-attr]
    t.feed(DraftDeleted(key, at(8, 12)))
    assert t.app.state is State.WAITING
    assert t.app.next_action is not None
    assert t.app.next_action.due == at(15, 9)


def test_deleting_a_draft_that_is_no_longer_pending_changes_nothing() -> None:
    t = Tracker()
    t.feed(invite())
    t.tick(INTERVIEW + timedelta(hours=1))
    before = t.app
    out = t.feed(DraftDeleted(f"{before.id}/r1/thank_you-99", at(7)))
    assert out.effects == ()
    assert t.app.state is State.INTERVIEWED
    assert any("not pending" in n for n in out.notes)


def test_ready_label_while_a_draft_waits_and_closed_label_at_the_end() -> None:
    t = Tracker()
    t.feed(invite())
    out = t.tick(INTERVIEW + timedelta(hours=1))
    labels = [e for e in out.effects if isinstance(e, LabelThreads)]
    assert [lab.label for lab in labels] == [LabelRole.READY]
    out = t.feed(mail("r1", at(8), Kind.REJECTION))
    labels = [e for e in out.effects if isinstance(e, LabelThreads)]
    assert [lab.label for lab in labels] == [LabelRole.CLOSED]


def test_sparse_ticks_give_the_same_applications_as_hourly_ticks() -> None:
    user_mail = mail("u1", at(6, 18), Kind.OTHER, from_user=True)
    dense, sparse = Tracker(), Tracker()
    for tr in (dense, sparse):
        tr.feed(invite())
    for h in range(24 * 30):
        dense.tick(at(5) + timedelta(hours=h))
        if h == 33:
            dense.feed(user_mail)
    sparse.feed(user_mail)  # no tick before it: the engine fires the thank-you first
    sparse.tick(at(5) + timedelta(days=30))
    assert dense.app == sparse.app
    checkins = [
        [d.intent_key for d in tr.drafts() if d.step is DraftStep.CHECK_IN]
        for tr in (dense, sparse)
    ]
    assert checkins[0] == checkins[1]
    assert len(checkins[0]) == 1
