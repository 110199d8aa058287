"""Matching mail to applications, choosing recipients, commands, manual entries, corrections."""

from __future__ import annotations

from datetime import timedelta

from followup.core.engine import FLAG_NO_CONTACT
from followup.core.events import Kind, ManualApplication, Reclassified, UserCommand
from followup.core.model import ActionKind, CloseReason, DraftStep, State
from followup.core.policy import Policy

from .helpers import INTERVIEW, Tracker, at, drafts_in, invite, mail

END = INTERVIEW + timedelta(hours=1)


def test_redelivering_the_same_message_is_a_no_op() -> None:
    t = Tracker()
    t.feed(invite())
    before = dict(t.apps)
    out = t.feed(invite())
    assert out.applications == {}
    assert out.effects == ()
    assert t.apps == before


def test_draft_goes_to_the_human_who_wrote_last_in_the_thread() -> None:
    t = Tracker()
    t.feed(invite(sender="ann@acme.example"))
    t.feed(
        mail("m2", at(5, 12), Kind.EMPLOYER_REPLY, sender="bob@acme.example", sender_name="Bob Lee")
    )
    out = t.tick(END)
    [draft] = drafts_in(out)
    assert draft.draft.to == "bob@acme.example"
    assert draft.draft.text.startswith("Dear Bob,")


def test_ats_no_reply_invite_links_by_company_but_is_never_a_recipient() -> None:
    t = Tracker()
    t.feed(
        mail(
            "a1",
            at(2),
            Kind.APPLICATION_ACK,
            thread="ta",
            sender="no-reply@greenhouse.io",
            no_reply=True,
        )
    )
    t.feed(invite(sender="recruiting@acme.example", thread="t1"))
    assert len(t.apps) == 1
    t.feed(
        invite(
            "m3",
            at(5, 10),
            sender="no-reply@greenhouse.io",
            no_reply=True,
            thread="tb",
            interview_at=INTERVIEW,
        )
    )
    assert len(t.apps) == 1
    out = t.tick(END)
    [draft] = drafts_in(out)
    assert draft.draft.to == "recruiting@acme.example"


def test_application_with_only_no_reply_mail_is_flagged_when_the_first_draft_falls_due() -> None:
    t = Tracker()
    t.feed(invite(sender="no-reply@greenhouse.io", no_reply=True))
    assert t.flags() == []
    out = t.tick(END)
    assert drafts_in(out) == []
    assert [f.reason for f in t.flags()] == [FLAG_NO_CONTACT]
    t.run_days(at(7), 40)
    assert t.drafts() == []
    assert len(t.flags()) == 2  # no contact (once), then the let-go suggestion


def test_free_mail_domains_do_not_join_two_employers() -> None:
    t = Tracker()
    t.feed(invite(sender="ann.recruits@gmail.com", company="Acme"))
    t.feed(invite("m2", at(5, 10), thread="t2", sender="bob.hires@gmail.com", company="Globex"))
    assert len(t.apps) == 2


def test_ats_domains_do_not_join_two_employers() -> None:
    t = Tracker()
    t.feed(invite(sender="no-reply@greenhouse.io", no_reply=True, company="Acme"))
    t.feed(
        invite(
            "m2",
            at(5, 10),
            thread="t2",
            sender="no-reply@greenhouse.io",
            no_reply=True,
            company="Globex",
        )
    )
    assert {a.company for a in t.apps.values()} == {"Acme", "Globex"}


def test_unmatched_newsletter_is_ignored_without_an_application() -> None:
    t = Tracker()
    out = t.feed(mail("n1", at(5), Kind.OTHER, sender="news@jobs.example", company=None))
    assert t.apps == {}
    assert any("matches no application" in n for n in out.notes)


def test_new_invitation_from_a_closed_employer_outside_the_thread_opens_a_new_application() -> None:
    t = Tracker()
    t.feed(invite())
    t.feed(mail("x1", at(5, 12), Kind.REJECTION))
    t.feed(invite("m2", at(20), thread="t2", interview_at=at(22, 10), role="Staff Engineer"))
    states = sorted(a.state.value for a in t.apps.values())
    assert states == ["closed", "interview_scheduled"]


def test_user_pause_discards_the_draft_and_resume_schedules_a_check_in_a_week_on() -> None:
    t = Tracker()
    t.feed(invite())
    t.tick(END)
    app_id = t.app.id
    out = t.feed(UserCommand(app_id, "pause", at(7, 10), note="on holiday"))
    assert t.app.state is State.PAUSED
    assert t.app.paused_reason == "on holiday"
    assert any(getattr(e, "reason", "") == "paused by the user" for e in out.effects)
    t.run_days(at(7), 20)
    t.feed(UserCommand(app_id, "resume", at(27, 12)))
    assert t.app.state is State.WAITING
    assert t.app.next_action is not None
    assert t.app.next_action.due == at(3, 9, month=2)


def test_resume_before_the_interview_returns_to_the_scheduled_interview() -> None:
    t = Tracker()
    t.feed(invite())
    t.feed(UserCommand(t.app.id, "pause", at(5, 12)))
    t.feed(UserCommand(t.app.id, "resume", at(6, 8)))
    assert t.app.state is State.INTERVIEW_SCHEDULED
    out = t.tick(END)
    assert [d.step for d in drafts_in(out)] == [DraftStep.THANK_YOU]


def test_resume_of_an_application_that_is_not_paused_is_refused_with_a_reason() -> None:
    t = Tracker()
    t.feed(invite())
    out = t.feed(UserCommand(t.app.id, "resume", at(5, 12)))
    assert t.app.state is State.INTERVIEW_SCHEDULED
    assert any("only a paused application" in n for n in out.notes)


def test_user_close_ends_tracking() -> None:
    t = Tracker()
    t.feed(invite())
    t.feed(UserCommand(t.app.id, "close", at(5, 12)))
    assert t.app.closed_reason is CloseReason.USER
    t.run_days(at(5), 30)
    assert t.drafts() == []


def test_every_transition_records_its_cause() -> None:
    t = Tracker()
    t.feed(invite())
    t.tick(END)
    t.feed(mail("r1", at(7), Kind.EMPLOYER_REPLY))
    t.feed(UserCommand(t.app.id, "resume", at(8)))
    causes = [(h.trigger, h.cause) for h in t.app.history]
    assert causes == [
        ("created", "m1"),
        ("interview_set", "m1"),
        ("interview_ended", "clock"),
        ("employer_reply", "r1"),
        ("resume", "user"),
    ]


def test_manual_application_with_an_interview_gets_a_thank_you_to_its_contact() -> None:
    t = Tracker()
    t.feed(
        ManualApplication(
            "Initech", "peter@initech.example", "Analyst", INTERVIEW, None, at(5), "Peter Gibbons"
        )
    )
    assert t.app.state is State.INTERVIEW_SCHEDULED
    out = t.tick(END)
    [draft] = drafts_in(out)
    assert draft.draft.to == "peter@initech.example"
    assert draft.draft.in_reply_to is None
    assert draft.draft.subject == "Thank you: Analyst - Initech"


def test_manual_application_links_later_mail_from_its_contact() -> None:
    t = Tracker()
    t.feed(ManualApplication("Initech", "peter@initech.example", None, INTERVIEW, None, at(5)))
    t.tick(END)
    t.feed(mail("r1", at(7), Kind.EMPLOYER_REPLY, sender="peter@initech.example", thread="tx"))
    assert len(t.apps) == 1
    assert t.app.state is State.PAUSED


def test_reclassifying_a_reply_as_a_rejection_closes_the_application() -> None:
    t = Tracker()
    t.feed(invite())
    t.tick(END)
    t.feed(mail("r1", at(7), Kind.OTHER))
    assert t.app.state is State.INTERVIEWED
    t.feed(Reclassified("r1", Kind.REJECTION, at(7, 12)))
    assert t.app.closed_reason is CloseReason.REJECTION
    assert [m.kind for m in t.app.messages if m.message_id == "r1"] == [Kind.REJECTION]


def test_reclassifying_an_unknown_message_changes_nothing() -> None:
    t = Tracker()
    t.feed(invite())
    out = t.feed(Reclassified("nope", Kind.OFFER, at(7)))
    assert out.applications == {}
    assert t.app.next_action is not None
    assert t.app.next_action.kind is ActionKind.THANK_YOU


def test_invitation_without_a_time_while_paused_before_the_interview_keeps_the_slot() -> None:
    t = Tracker()
    t.feed(invite())
    t.feed(UserCommand(t.app.id, "pause", at(5, 12)))
    t.feed(invite("m2", at(5, 13), interview_at=None, subject="Please also fill in this form"))
    assert t.app.state is State.INTERVIEW_SCHEDULED
    assert t.app.current_round is not None
    assert t.app.current_round.start == INTERVIEW


def test_application_receipt_opens_an_application_that_waits_for_an_invitation() -> None:
    t = Tracker()
    t.feed(mail("a1", at(2), Kind.APPLICATION_ACK, sender="jobs@acme.example", company="Acme"))
    assert t.app.state is State.APPLIED
    assert t.app.next_action is None
    t.feed(invite("m2", at(5), thread="t2", sender="ann@acme.example"))
    assert len(t.apps) == 1  # same company domain
    assert t.app.state is State.INTERVIEW_SCHEDULED


def test_cancelling_a_second_round_pauses_rather_than_forgetting_the_first() -> None:
    t = Tracker()
    t.feed(invite())
    t.tick(END)
    t.feed(mail("u1", at(6, 18), Kind.OTHER, from_user=True))
    t.feed(invite("m2", at(8), interview_at=at(12, 10), calendar="REQUEST"))
    t.feed(mail("c2", at(9), Kind.EMPLOYER_REPLY, calendar="CANCEL", interview_at=at(12, 10)))
    assert t.app.state is State.PAUSED
    assert t.app.paused_reason == "interview cancelled"
    assert [r.cancelled for r in t.app.rounds] == [False, True]


def test_calendar_cancel_for_another_slot_is_ignored() -> None:
    t = Tracker()
    t.feed(invite(calendar="REQUEST"))
    out = t.feed(
        mail("c1", at(5, 12), Kind.EMPLOYER_REPLY, calendar="CANCEL", interview_at=at(20, 10))
    )
    assert t.app.state is State.INTERVIEW_SCHEDULED
    assert any("another time" in n for n in out.notes)


def test_adding_by_hand_a_thread_already_tracked_adds_nothing() -> None:
    t = Tracker()
    t.feed(invite())
    out = t.feed(ManualApplication("Acme", None, None, None, "t1", at(6)))
    assert len(t.apps) == 1
    assert any("already tracked" in n for n in out.notes)


def test_resume_of_an_application_paused_before_any_invitation_returns_to_applied() -> None:
    t = Tracker()
    t.feed(mail("a1", at(2), Kind.APPLICATION_ACK, sender="jobs@acme.example"))
    t.feed(UserCommand(t.app.id, "pause", at(3)))
    t.feed(UserCommand(t.app.id, "resume", at(4)))
    assert t.app.state is State.APPLIED
    assert t.app.next_action is None


def test_resume_after_the_last_check_in_schedules_the_let_go() -> None:
    t = Tracker(policy=Policy(max_check_ins=1))
    t.feed(invite())
    t.tick(END)
    t.feed(mail("u1", at(6, 18), Kind.OTHER, from_user=True))
    t.tick(at(13, 9))
    t.feed(mail("u2", at(13, 10), Kind.OTHER, from_user=True))
    t.feed(UserCommand(t.app.id, "pause", at(14)))
    t.feed(UserCommand(t.app.id, "resume", at(16, 12)))
    assert t.app.next_action is not None
    assert t.app.next_action.kind is ActionKind.LET_GO
    assert t.app.next_action.due == at(23, 9)


RECRUITER = "tom@talentbridge.example"


def recruited() -> Tracker:
    """An agency recruiter has set up an interview with Acme for the Engineer role."""
    t = Tracker()
    t.feed(invite(sender=RECRUITER, sender_name="Tom Reyes", company="Acme"))
    return t


def test_recruiter_invitation_for_another_client_in_a_new_thread_opens_a_new_application() -> None:
    t = recruited()
    t.feed(
        invite(
            "m2",
            at(5, 16),
            thread="t2",
            sender=RECRUITER,
            company="Harbor & Pine",
            role="Supply Chain Analyst",
            interview_at=at(8, 10),
        )
    )
    by_company = {a.company: a for a in t.apps.values()}
    assert set(by_company) == {"Acme", "Harbor & Pine"}
    assert by_company["Acme"].current_round.start == INTERVIEW  # type: ignore[union-attr]
    assert by_company["Harbor & Pine"].thread_ids == ("t2",)


def test_recruiter_mail_naming_another_client_does_not_pause_the_application() -> None:
    t = recruited()
    t.tick(END)
    t.feed(mail("r1", at(7, 10), thread="t2", sender=RECRUITER, company="Globex", role=None))
    acme = next(a for a in t.apps.values() if a.company == "Acme")
    assert acme.state is State.INTERVIEWED
    assert acme.thread_ids == ("t1",)


def test_invitation_for_another_role_from_the_same_contact_opens_a_new_application() -> None:
    t = Tracker()
    t.feed(invite())
    t.feed(invite("m2", at(5, 16), thread="t2", role="Product Designer", interview_at=at(8, 10)))
    assert sorted(a.role or "" for a in t.apps.values()) == ["Engineer", "Product Designer"]


def test_recruiter_reply_about_the_same_client_in_another_thread_joins() -> None:
    t = recruited()
    t.tick(END)
    t.feed(mail("r1", at(7, 10), thread="t2", sender=RECRUITER, company="Acme Corp", role=None))
    assert t.app.state is State.PAUSED
    assert t.app.thread_ids == ("t1", "t2")


def test_second_round_invitation_in_a_new_thread_for_a_longer_role_title_joins() -> None:
    t = Tracker()
    t.feed(invite())
    t.tick(END)
    t.feed(invite("m2", at(9, 10), thread="t2", role="Senior Engineer", interview_at=at(13, 10)))
    assert t.app.round_number == 2


def test_mail_from_the_employers_own_domain_joins_even_when_its_company_is_misread() -> None:
    t = Tracker()
    t.feed(invite())
    t.tick(END)
    # The classifier may take a signature's person for the company.
    t.feed(mail("r1", at(7, 10), thread="t2", sender="people@acme.example", company="Priya Nair"))
    assert len(t.apps) == 1
    assert t.app.state is State.PAUSED


def test_an_ats_vendors_own_name_is_not_taken_for_the_employer() -> None:
    t = Tracker()
    ack = mail(
        "a1",
        at(2),
        Kind.APPLICATION_ACK,
        thread="ta",
        sender="no-reply@greenhouse.io",
        company="Greenhouse",
        role="Designer",
        no_reply=True,
    )
    t.feed(ack)
    assert t.app.company is None
    t.feed(invite())  # Acme, Engineer
    reject = mail(
        "x1",
        at(7),
        Kind.REJECTION,
        thread="tx",
        sender="no-reply@greenhouse.io",
        company="Greenhouse",
        no_reply=True,
    )
    t.feed(reject)
    assert all(a.state is not State.CLOSED for a in t.apps.values())
