"""Example tests for the employer's side: replies, out-of-office, bounces, rounds, closing."""

from __future__ import annotations

from datetime import date, timedelta

from followup.core.effects import DiscardDraft, Flag
from followup.core.events import DraftOutcome, Kind
from followup.core.model import ActionKind, CloseReason, DraftStep, State
from followup.core.policy import Policy

from .helpers import INTERVIEW, Tracker, at, drafts_in, invite, mail

END = INTERVIEW + timedelta(hours=1)


def interviewed(policy: Policy | None = None) -> Tracker:
    """Invited, interviewed, thank-you drafted and still unsent."""
    t = Tracker(policy=policy or Policy())
    t.feed(invite())
    t.tick(END)
    assert t.app.state is State.INTERVIEWED
    return t


def test_employer_reply_pauses_and_discards_the_unedited_draft() -> None:
    t = interviewed()
    key = t.app.pending.intent_key  # type: ignore[union-attr]
    out = t.feed(mail("r1", at(7, 10), Kind.EMPLOYER_REPLY))
    assert t.app.state is State.PAUSED
    assert [e.intent_key for e in out.effects if isinstance(e, DiscardDraft)] == [key]
    assert t.app.next_action is None
    t.run_days(at(7), 60)
    assert len(t.drafts()) == 1  # only the thank-you from before the reply


def test_an_edited_draft_kept_after_a_discard_is_reported() -> None:
    t = interviewed()
    key = t.app.pending.intent_key  # type: ignore[union-attr]
    t.feed(mail("r1", at(7, 10), Kind.EMPLOYER_REPLY))
    out = t.feed(DraftOutcome(key, at(7, 11), kept_edited=True))
    assert [f.reason for f in out.effects if isinstance(f, Flag)] == [f"edited draft kept: {key}"]
    assert t.app.state is State.PAUSED


def test_employer_reply_naming_a_date_schedules_the_check_in_the_business_day_after() -> None:
    t = interviewed()
    t.feed(mail("r1", at(7, 10), Kind.EMPLOYER_REPLY, respond_by=date(2026, 1, 23)))
    assert t.app.state is State.WAITING
    assert t.app.next_action is not None
    assert t.app.next_action.kind is ActionKind.CHECK_IN
    assert t.app.next_action.due == at(26, 9)  # Friday 23rd -> Monday 26th
    out = t.tick(at(26, 9))
    [draft] = drafts_in(out)
    assert "Friday 23 January" in draft.draft.text


def test_employer_reply_in_another_thread_from_the_same_contact_counts() -> None:
    t = interviewed()
    t.feed(mail("r1", at(7, 10), Kind.EMPLOYER_REPLY, thread="t2", subject="Update"))
    assert t.app.state is State.PAUSED
    assert t.app.thread_ids == ("t1", "t2")


def test_employer_reply_from_a_colleague_at_the_same_company_domain_counts() -> None:
    t = interviewed()
    t.feed(mail("r1", at(7, 10), Kind.EMPLOYER_REPLY, thread="t3", sender="bob@acme.example"))
    assert len(t.apps) == 1
    assert t.app.state is State.PAUSED


def test_employer_mail_before_the_interview_updates_and_pauses_nothing() -> None:
    t = Tracker()
    t.feed(invite())
    t.feed(mail("r1", at(5, 15), Kind.EMPLOYER_REPLY, subject="Directions to our office"))
    assert t.app.state is State.INTERVIEW_SCHEDULED
    out = t.tick(END)
    assert [d.step for d in drafts_in(out)] == [DraftStep.THANK_YOU]


def test_employer_reply_arriving_after_the_interview_counts_even_without_a_tick_between() -> None:
    t = Tracker()
    t.feed(invite())
    t.feed(mail("r1", END + timedelta(minutes=5), Kind.EMPLOYER_REPLY))
    assert t.app.state is State.PAUSED
    assert t.drafts() == []  # created and discarded within one call: never reaches the mailbox


def test_reply_that_fixes_the_interview_slot_schedules_it() -> None:
    t = Tracker()
    t.feed(invite(interview_at=None))
    t.feed(mail("r1", at(5, 12), Kind.EMPLOYER_REPLY, interview_at=INTERVIEW))
    assert t.app.state is State.INTERVIEW_SCHEDULED


def test_out_of_office_postpones_to_the_business_day_after_the_return_date() -> None:
    t = interviewed()
    t.feed(mail("u1", at(6, 18), Kind.OTHER, from_user=True))
    t.feed(mail("o1", at(6, 18, 1), Kind.AUTO_REPLY, back_on=date(2026, 1, 16)))
    assert t.app.state is State.WAITING  # never a pause
    assert t.app.next_action is not None
    assert t.app.next_action.due == at(19, 9)  # Friday 16th -> Monday 19th


def test_out_of_office_without_a_date_postpones_seven_days_from_the_auto_reply() -> None:
    t = interviewed()
    t.feed(mail("u1", at(8, 10), Kind.OTHER, from_user=True))
    t.feed(mail("o1", at(8, 10, 1), Kind.AUTO_REPLY))
    assert t.app.next_action is not None
    assert t.app.next_action.due == at(15, 9)  # later than the 13th


def test_out_of_office_never_moves_a_follow_up_earlier() -> None:
    t = interviewed()
    t.feed(mail("u1", at(6, 18), Kind.OTHER, from_user=True))
    t.feed(mail("o1", at(6, 18, 1), Kind.AUTO_REPLY, back_on=date(2026, 1, 7)))
    assert t.app.next_action is not None
    assert t.app.next_action.due == at(13, 9)


def test_out_of_office_is_not_an_employer_reply_and_its_sender_is_no_new_contact() -> None:
    t = interviewed()
    t.feed(mail("o1", at(7, 10), Kind.AUTO_REPLY, sender="ooo@acme.example"))
    assert t.app.state is State.INTERVIEWED
    assert "ooo@acme.example" not in {c.address for c in t.app.contacts}


def test_bounce_flags_and_nothing_more_is_drafted_to_that_address() -> None:
    t = interviewed()
    t.feed(mail("u1", at(6, 18), Kind.OTHER, from_user=True))
    out = t.feed(
        mail(
            "b1",
            at(6, 18, 5),
            Kind.BOUNCE,
            sender="mailer-daemon@googlemail.com",
            bounced=("ann@acme.example",),
        )
    )
    assert any(isinstance(e, Flag) and "bounce" in e.reason for e in out.effects)
    t.run_days(at(7), 40)
    assert [d.step for d in t.drafts()] == [DraftStep.THANK_YOU]
    assert any(f.reason.startswith("no human contact") for f in t.flags())


def test_bounce_of_the_pending_drafts_recipient_drops_the_draft() -> None:
    t = interviewed()
    t.feed(
        mail(
            "r0",
            at(6, 17),
            Kind.EMPLOYER_REPLY,
            sender="bob@acme.example",
            respond_by=date(2026, 1, 7),
        )
    )
    t.tick(at(8, 9))
    assert t.app.pending is not None
    assert t.app.pending.to == "bob@acme.example"
    out = t.feed(
        mail(
            "b1",
            at(8, 10),
            Kind.BOUNCE,
            sender="mailer-daemon@x.example",
            bounced=("bob@acme.example",),
        )
    )
    assert any(isinstance(e, DiscardDraft) for e in out.effects)
    assert t.app.pending is None
    assert t.app.state is State.WAITING


def test_new_invitation_after_an_interview_starts_a_new_round_and_removes_the_draft() -> None:
    t = interviewed()
    second = at(14, 10)
    out = t.feed(invite("m2", at(8, 9), interview_at=second, subject="Second round"))
    assert t.app.round_number == 2
    assert t.app.state is State.INTERVIEW_SCHEDULED
    assert any(isinstance(e, DiscardDraft) for e in out.effects)
    assert t.app.next_action is not None
    assert t.app.next_action.due == second + timedelta(hours=1)
    out = t.tick(second + timedelta(hours=1))
    [draft] = drafts_in(out)
    assert "/r2/thank_you" in draft.intent_key


def test_reschedule_before_the_interview_moves_the_round_without_a_new_one() -> None:
    t = Tracker()
    t.feed(invite())
    t.feed(invite("m2", at(6, 8), interview_at=at(8, 15)))
    assert t.app.round_number == 1
    assert t.app.current_round is not None
    assert t.app.current_round.start == at(8, 15)
    t.tick(END)
    assert t.drafts() == []


def test_calendar_cancel_removes_the_interview_and_no_draft_follows() -> None:
    t = Tracker()
    t.feed(invite(calendar="REQUEST"))
    t.feed(mail("c1", at(6, 8), Kind.EMPLOYER_REPLY, calendar="CANCEL", interview_at=INTERVIEW))
    assert t.app.state is State.INVITED
    assert t.app.current_round is None
    t.run_days(at(6), 30)
    assert t.drafts() == []


def test_rejection_closes_and_removes_our_unedited_draft() -> None:
    t = interviewed()
    out = t.feed(mail("x1", at(7, 10), Kind.REJECTION))
    assert t.app.state is State.CLOSED
    assert t.app.closed_reason is CloseReason.REJECTION
    assert any(isinstance(e, DiscardDraft) for e in out.effects)
    assert drafts_in(out) == []  # the closing note is off by default
    t.run_days(at(7), 40)
    assert len(t.drafts()) == 1


def test_rejection_brings_a_closing_note_when_enabled() -> None:
    t = interviewed(Policy(closing_note=True))
    out = t.feed(mail("x1", at(7, 10), Kind.REJECTION))
    [note] = drafts_in(out)
    assert note.step is DraftStep.CLOSING_NOTE
    assert "keep me in mind" in note.draft.text.lower() or "kept me in mind" in note.draft.text
    assert t.app.pending is None


def test_offer_closes_tracking() -> None:
    t = interviewed()
    t.feed(mail("x1", at(7, 10), Kind.OFFER))
    assert t.app.closed_reason is CloseReason.OFFER
    t.run_days(at(7), 40)
    assert len(t.drafts()) == 1


def test_closed_application_refuses_further_mail_with_a_reason() -> None:
    t = interviewed()
    t.feed(mail("x1", at(7, 10), Kind.REJECTION))
    out = t.feed(mail("x2", at(8, 10), Kind.EMPLOYER_REPLY))
    assert t.app.state is State.CLOSED
    assert any("closed" in n for n in out.notes)
    assert drafts_in(out) == []


def test_users_own_mail_is_never_taken_for_the_employers_reply() -> None:
    t = interviewed()
    t.feed(mail("u1", at(7, 10), Kind.EMPLOYER_REPLY, from_user=True))
    assert t.app.state is State.WAITING
    assert t.app.next_action is not None
    assert t.app.next_action.kind is ActionKind.CHECK_IN


def test_automated_no_reply_status_mail_after_the_interview_pauses_nothing() -> None:
    t = interviewed()
    t.feed(
        mail(
            "s1",
            at(7, 10),
            Kind.EMPLOYER_REPLY,
            thread="t7",
            sender="no-reply@greenhouse.io",
            no_reply=True,
            subject="Your application status",
        )
    )
    assert len(t.apps) == 1
    assert t.app.state is State.INTERVIEWED
    assert t.app.pending is not None


def test_a_named_date_after_the_check_in_limit_is_used_up_keeps_the_application_paused() -> None:
    t = interviewed(Policy(max_check_ins=1))
    t.feed(mail("u1", at(6, 18), Kind.OTHER, from_user=True))
    t.tick(at(13, 9))
    t.feed(mail("u2", at(13, 10), Kind.OTHER, from_user=True))
    t.feed(mail("r1", at(14, 10), Kind.EMPLOYER_REPLY, respond_by=date(2026, 1, 30)))
    assert t.app.state is State.PAUSED
    assert t.app.paused_reason == "employer replied; check-in limit reached"
    assert t.app.next_action is None


def test_out_of_office_before_the_interview_postpones_nothing() -> None:
    t = Tracker()
    t.feed(invite())
    out = t.feed(mail("o1", at(5, 12), Kind.AUTO_REPLY, back_on=date(2026, 1, 20)))
    assert t.app.next_action is not None
    assert t.app.next_action.kind is ActionKind.THANK_YOU
    assert any("nothing scheduled to postpone" in n for n in out.notes)


def test_lowering_the_check_in_limit_mid_way_lets_the_application_go_instead() -> None:
    t = interviewed()
    t.feed(mail("u1", at(6, 18), Kind.OTHER, from_user=True))
    t.tick(at(13, 9))
    t.feed(mail("u2", at(13, 10), Kind.OTHER, from_user=True))
    t.policy = Policy(max_check_ins=1)  # the user edited the config
    out = t.tick(at(20, 9))
    assert drafts_in(out) == []
    assert t.app.next_action is not None
    assert t.app.next_action.kind is ActionKind.LET_GO


def test_a_date_named_in_a_confirmation_before_the_interview_sets_the_first_check_in() -> None:
    t = Tracker()
    t.feed(invite())
    # "Confirmed for tomorrow at 15:00; we will get back to you by Friday 16 January."
    t.feed(invite("m2", at(5, 16), interview_at=INTERVIEW, respond_by=date(2026, 1, 16)))
    assert t.app.state is State.INTERVIEW_SCHEDULED
    t.tick(END)
    assert t.app.next_action is not None
    assert t.app.next_action.kind is ActionKind.CHECK_IN
    assert t.app.next_action.due == at(19, 9)  # Friday 16th -> Monday 19th


def test_a_date_named_in_an_acknowledgement_before_the_interview_sets_the_first_check_in() -> None:
    t = Tracker()
    t.feed(invite())
    t.feed(mail("a1", at(5, 16), Kind.APPLICATION_ACK, respond_by=date(2026, 1, 16)))
    t.tick(END)
    assert t.app.next_action is not None
    assert t.app.next_action.due == at(19, 9)


def test_bounce_in_a_new_thread_is_matched_by_its_recipient_whatever_company_it_names() -> None:
    t = interviewed()
    out = t.feed(
        mail(
            "b1",
            at(6, 18, 5),
            Kind.BOUNCE,
            thread="tb",
            sender="mailer-daemon@googlemail.com",
            company="Google",
            bounced=("ann@acme.example",),
        )
    )
    assert any(isinstance(e, Flag) and "bounce" in e.reason for e in out.effects)
