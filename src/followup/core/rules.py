"""The follow-up rules: how each trigger moves an application and which effects it yields.

:class:`Run` accumulates one ``handle`` call's changes; every move goes through
:meth:`Run.go`, which checks it against the transition table and records its
cause. The policy decisions (which target of a row, when the next step falls
due) live here; the timing arithmetic lives in :mod:`followup.core.schedule`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from followup.core import machine, schedule
from followup.core.compose import UserProfile, compose_draft
from followup.core.draft import mailbox
from followup.core.effects import CreateDraft, DiscardDraft, Effect, Flag, LabelThreads
from followup.core.events import (
    DraftDeleted,
    DraftOutcome,
    MailSeen,
    ManualApplication,
    Reclassified,
    UserCommand,
)
from followup.core.machine import Trigger
from followup.core.matching import match, normalize_company, without_vendor_company
from followup.core.model import (
    ActionKind,
    Application,
    CloseReason,
    Contact,
    DraftStep,
    HistoryEntry,
    InterviewRound,
    Kind,
    LabelRole,
    NextAction,
    PendingDraft,
    State,
    application_id,
)
from followup.core.policy import Policy
from followup.core.recording import (
    NO_REPLY,
    interview_end,
    mail_from_record,
    record_mail,
    replace_round,
    starts_application,
)

CLOCK = "clock"
USER = "user"
_MAX_FIRES = 16  # clock actions one application can fire per event; a week's jump needs ~4

FLAG_NO_CONTACT = "no human contact to address a follow-up to"


@dataclass(frozen=True, slots=True)
class Outcome:
    """Changed or new applications (by id), the effects to carry out, and notes for the log."""

    applications: dict[str, Application]
    effects: tuple[Effect, ...]
    notes: tuple[str, ...]


def label_role(app: Application) -> LabelRole:
    if app.state is State.CLOSED:
        return LabelRole.CLOSED
    return LabelRole.READY if app.pending is not None else LabelRole.WAITING


class Run:
    """Accumulates one call's changes. Mutable inside, invisible outside: handle() is pure."""

    def __init__(self, policy: Policy, profile: UserProfile, now: datetime) -> None:
        self.policy = policy
        self.profile = profile
        self.now = now
        self.changed: dict[str, Application] = {}
        self.effects: list[Effect] = []
        self.notes: list[str] = []

    # -- bookkeeping -------------------------------------------------------------------------

    def put(self, app: Application) -> None:
        self.changed[app.id] = app

    def note(self, app_id: str, text: str) -> None:
        self.notes.append(f"{app_id}: {text}")

    def outcome(self, before: Mapping[str, Application]) -> Outcome:
        changed = {k: v for k, v in self.changed.items() if before.get(k) != v}
        effects = cancel_out(self.effects)
        labels: list[Effect] = []
        for key in sorted(changed):
            new, old = changed[key], before.get(key)
            moved = old is None or label_role(old) != label_role(new)
            if new.thread_ids and (moved or (old is not None and old.thread_ids != new.thread_ids)):
                labels.append(LabelThreads(new.id, new.thread_ids, label_role(new)))
        return Outcome(changed, (*effects, *labels), tuple(self.notes))

    def go(
        self,
        app: Application,
        trigger: Trigger,
        target: State,
        at: datetime,
        cause: str,
        note: str = "",
        **changes: object,
    ) -> Application:
        """Move along a row of the table (checked) and record the cause."""
        machine.check(app.state, trigger, target)
        entry = HistoryEntry(at, cause, trigger.value, app.state, target, note)
        return replace(app, state=target, history=(*app.history, entry), **changes)  # type: ignore[arg-type]

    def refused(self, app: Application, trigger: Trigger) -> bool:
        reason = machine.refusal(app.state, trigger)
        if reason is not None:
            self.note(app.id, reason)
            return True
        return False

    def flag(self, app: Application, reason: str) -> Application:
        """Flag once per reason: the user needs to see it, not to see it every tick."""
        if reason in app.flags:
            return app
        self.effects.append(Flag(app.id, reason))
        return replace(app, flags=(*app.flags, reason))

    def discard(self, app: Application, reason: str) -> Application:
        if app.pending is None:
            return app
        self.effects.append(DiscardDraft(app.pending.intent_key, app.id, reason))
        return replace(app, pending=None)

    # -- the clock ---------------------------------------------------------------------------

    def advance(self, app: Application, until: datetime) -> Application:
        """Fire the application's due clock actions, in order, up to ``until``."""
        for _ in range(_MAX_FIRES):
            action = app.next_action
            if action is None or action.due > until:
                break
            app = self.fire(app, action)
        return app

    def fire(self, app: Application, action: NextAction) -> Application:
        at = action.due  # fired as of its due time, so sparse ticks replay alike
        if action.kind is ActionKind.THANK_YOU:
            return self.interview_ended(app, at)
        if action.kind is ActionKind.CHECK_IN:
            return self.check_in_due(app, action.check_in, at)
        if self.refused(app, Trigger.LET_GO_DUE):
            return replace(app, next_action=None)
        app = self.flag(
            app, f"let go: no answer after {app.check_ins_done} check-in(s); time to move on"
        )
        return self.go(
            app,
            Trigger.LET_GO_DUE,
            State.CLOSED,
            at,
            CLOCK,
            "no answer a week after the last check-in",
            closed_reason=CloseReason.LET_GO,
            next_action=None,
        )

    def interview_ended(self, app: Application, at: datetime) -> Application:
        if self.refused(app, Trigger.INTERVIEW_ENDED):
            return replace(app, next_action=None)
        rnd = app.current_round
        # THANK_YOU is only ever scheduled for a round with a time.
        assert rnd is not None
        assert rnd.start is not None
        respond_by = (
            app.respond_by if app.respond_by and app.respond_by >= rnd.start.date() else None
        )
        first = NextAction(
            ActionKind.CHECK_IN, schedule.first_check_in(rnd.start, respond_by, self.policy), 1
        )
        app = replace(app, next_action=first)
        wrote = [
            m
            for m in app.messages
            if m.from_user and m.at >= rnd.start and (rnd.thread_id in (None, m.thread_id))
        ]
        if wrote or not self.policy.thank_you:
            why = "the user already wrote since it began" if wrote else "thank-you is off"
            return self.go(
                app, Trigger.INTERVIEW_ENDED, State.WAITING, at, CLOCK, f"thank-you skipped: {why}"
            )
        drafted = self.draft(app, DraftStep.THANK_YOU, 0, at)
        if drafted.pending is None:
            return self.go(
                drafted,
                Trigger.INTERVIEW_ENDED,
                State.WAITING,
                at,
                CLOCK,
                "thank-you skipped: no contact",
            )
        return self.go(
            drafted, Trigger.INTERVIEW_ENDED, State.INTERVIEWED, at, CLOCK, "thank-you drafted"
        )

    def check_in_due(self, app: Application, number: int, at: datetime) -> Application:
        if self.refused(app, Trigger.CHECK_IN_DUE):
            return replace(app, next_action=None)
        app = self.discard(app, "superseded by the check-in")
        if number > self.policy.max_check_ins:
            return self.after_step(app, Trigger.CHECK_IN_DUE, at, CLOCK, "check-in limit reached")
        drafted = self.draft(replace(app, next_action=None), DraftStep.CHECK_IN, number, at)
        if drafted.pending is None:
            skipped = replace(drafted, check_ins_done=number)
            return self.after_step(
                skipped, Trigger.CHECK_IN_DUE, at, CLOCK, f"check-in {number} skipped: no contact"
            )
        return self.go(
            drafted,
            Trigger.CHECK_IN_DUE,
            State.FOLLOW_UP_DUE,
            at,
            CLOCK,
            f"check-in {number} drafted",
        )

    def after_step(
        self, app: Application, trigger: Trigger, at: datetime, cause: str, note: str
    ) -> Application:
        """A check-in was sent or skipped at ``at``: schedule the next one, or the let-go."""
        if app.check_ins_done < self.policy.max_check_ins:
            n = app.check_ins_done + 1
            nxt = NextAction(
                ActionKind.CHECK_IN,
                schedule.days_after(at, self.policy.check_in_interval_days, self.policy),
                n,
            )
        else:
            nxt = NextAction(ActionKind.LET_GO, schedule.let_go_at(at, self.policy))
        return self.go(app, trigger, State.WAITING, at, cause, note, next_action=nxt, pending=None)

    # -- drafting ----------------------------------------------------------------------------

    def draft_target(self, app: Application) -> tuple[str | None, Contact | None]:
        """The thread to reply in and the human who wrote last there (never a no-reply)."""
        usable = {c.address: c for c in app.human_contacts()}
        human_mail = [
            m
            for m in app.messages
            if not m.from_user
            and m.kind not in (Kind.AUTO_REPLY, Kind.BOUNCE)
            and m.sender in usable
        ]
        rnd = app.current_round
        thread: str | None
        if human_mail:
            thread = human_mail[-1].thread_id
        elif rnd is not None and rnd.thread_id is not None:
            thread = rnd.thread_id
        else:
            thread = app.thread_ids[-1] if app.thread_ids else None
        in_thread = [m for m in human_mail if m.thread_id == thread]
        if in_thread:
            return thread, usable[in_thread[-1].sender]
        fallback = sorted(usable.values(), key=lambda c: (c.last_seen, c.address))
        return thread, (fallback[-1] if fallback else None)

    def draft(self, app: Application, step: DraftStep, check_in: int, at: datetime) -> Application:
        """Create the draft for ``step`` (pending), or flag when nobody human can receive it."""
        thread, contact = self.draft_target(app)
        if contact is None:
            return self.flag(app, FLAG_NO_CONTACT)
        try:
            mailbox(contact.name, contact.address)  # an address we cannot write is no recipient
        except ValueError:
            return self.flag(app, f"unusable address {contact.address!r}")
        seq = app.draft_seq + 1
        label = f"check_in_{check_in}" if step is DraftStep.CHECK_IN else step.value
        key = f"{app.id}/r{app.round_number}/{label}-{seq}"
        composed = compose_draft(
            app,
            step=step,
            check_in=check_in,
            recipient=contact,
            thread_id=thread,
            policy=self.policy,
            profile=self.profile,
        )
        self.effects.append(CreateDraft(key, app.id, step, thread, composed))
        if step is DraftStep.CLOSING_NOTE:
            return replace(app, draft_seq=seq)  # fire and forget: closed apps track no drafts
        pending = PendingDraft(key, step, check_in, at, at, contact.address, thread)
        return replace(app, draft_seq=seq, pending=pending)

    # -- mail --------------------------------------------------------------------------------

    def on_mail(self, apps: Mapping[str, Application], mail: MailSeen) -> None:
        mail = without_vendor_company(mail)
        app = match(apps, mail)
        # A re-delivered message has its thread, so it matches the application that saw it.
        if app is not None and app.seen(mail.message_id):
            self.notes.append(f"{mail.message_id}: already seen; ignored")
            return
        if app is None:
            if not starts_application(mail):
                self.notes.append(
                    f"{mail.message_id}: matches no application ({mail.kind.value}); ignored"
                )
                return
            app = Application(
                id=application_id(mail.thread_id),
                created_at=mail.at,
                company=mail.company,
                role=mail.role,
                state=State.APPLIED,
            )
            if app.id in apps:  # a thread seen before but not recorded: keep ids unique
                app = replace(app, id=application_id(f"{mail.thread_id}/{mail.message_id}"))
            self.note(app.id, f"new application ({mail.company or 'unknown company'})")
            created = HistoryEntry(
                mail.at, mail.message_id, "created", State.APPLIED, State.APPLIED
            )
            app = replace(app, history=(created,))
        app = self.advance(app, mail.at)  # mail time, not now: the order of things is the mail's
        app = record_mail(app, mail)
        self.put(self.apply_mail(app, mail))

    def apply_mail(self, app: Application, mail: MailSeen) -> Application:
        trigger = self.mail_trigger(app, mail)
        if self.refused(app, trigger):
            return app
        at, cause = mail.at, mail.message_id
        match trigger:
            case Trigger.INVITE | Trigger.INTERVIEW_SET:
                return self.invitation(app, mail, trigger)
            case Trigger.INTERVIEW_CANCELLED:
                return self.cancellation(app, mail)
            case Trigger.REJECTION | Trigger.OFFER:
                return self.close_by_employer(app, trigger, at, cause)
            case Trigger.EMPLOYER_REPLY:
                return self.employer_reply(app, mail)
            case Trigger.EMPLOYER_LOGISTICS:
                respond_by = mail.respond_by or app.respond_by
                return self.go(
                    app,
                    trigger,
                    app.state,
                    at,
                    cause,
                    "employer mail before the interview",
                    respond_by=respond_by,
                )
            case Trigger.OUT_OF_OFFICE:
                return self.out_of_office(app, mail)
            case Trigger.BOUNCE:
                return self.bounce(app, mail)
            case Trigger.USER_MAIL:
                return self.user_mail(app, mail)
            case _:
                # An acknowledgement or status mail may name the date they decide by, too.
                fill = {
                    "company": app.company or mail.company,
                    "role": app.role or mail.role,
                    "respond_by": mail.respond_by or app.respond_by,
                }
                return replace(app, **fill)  # type: ignore[arg-type]

    def mail_trigger(self, app: Application, mail: MailSeen) -> Trigger:
        if mail.from_user:
            return Trigger.USER_MAIL
        if (mail.calendar_method or "").upper() == "CANCEL":
            return Trigger.INTERVIEW_CANCELLED
        match mail.kind:
            case Kind.INTERVIEW_INVITE:
                return Trigger.INTERVIEW_SET if mail.interview_at else Trigger.INVITE
            case Kind.REJECTION:
                return Trigger.REJECTION
            case Kind.OFFER:
                return Trigger.OFFER
            case Kind.AUTO_REPLY:
                return Trigger.OUT_OF_OFFICE
            case Kind.BOUNCE:
                return Trigger.BOUNCE
            case Kind.APPLICATION_ACK:
                return Trigger.ACK
            case Kind.OTHER:
                return Trigger.OTHER
            case Kind.EMPLOYER_REPLY:
                rnd = app.current_round
                if rnd is not None and rnd.end is not None and rnd.end <= mail.at:
                    # An ATS status mail is not the human reply that pauses (issue 5).
                    return Trigger.OTHER if mail.is_no_reply_sender else Trigger.EMPLOYER_REPLY
                if mail.interview_at and not mail.is_no_reply_sender:
                    return Trigger.INTERVIEW_SET  # a reply that fixes the slot
                return Trigger.EMPLOYER_LOGISTICS
        raise AssertionError(mail.kind)

    def invitation(self, app: Application, mail: MailSeen, trigger: Trigger) -> Application:
        at, cause = mail.at, mail.message_id
        rnd = app.current_round
        taken_place = rnd is not None and rnd.end is not None and rnd.end <= at
        start = mail.interview_at
        end = interview_end(start, mail.interview_end, self.policy) if start else None
        source = "calendar" if mail.calendar_method else "text"
        target = State.INTERVIEW_SCHEDULED if start else State.INVITED
        if rnd is None or taken_place:
            app = self.discard(app, "a new interview round starts")
            number = app.round_number + 1
            new = InterviewRound(number, start, end, source, mail.message_id, mail.thread_id)
            changes: dict[str, object] = {
                "rounds": (*app.rounds, new),
                "check_ins_done": 0,
                "respond_by": mail.respond_by,
                "paused_reason": None,
                "paused_from": None,
            }
            note = f"round {number} " + (
                f"at {start.isoformat()}" if start else "invited, time not fixed"
            )
        else:
            # The current round has not happened yet: this confirms or reschedules it.
            if start is None:
                start, end = rnd.start, rnd.end
                target = State.INTERVIEW_SCHEDULED if start else State.INVITED
            updated = replace(
                rnd, start=start, end=end, source=source if start != rnd.start else rnd.source
            )
            changes = {
                "rounds": replace_round(app, rnd, updated),
                # "Confirmed for tomorrow; we decide by Friday": the named date still counts.
                "respond_by": mail.respond_by or app.respond_by,
                "paused_reason": None,
                "paused_from": None,
            }
            note = "interview rescheduled" if start != rnd.start else "interview confirmed"
        action = NextAction(ActionKind.THANK_YOU, end) if start and end else None
        return self.go(app, trigger, target, at, cause, note, next_action=action, **changes)

    def cancellation(self, app: Application, mail: MailSeen) -> Application:
        rnd = app.current_round
        if rnd is None or (rnd.end is not None and rnd.end <= mail.at):
            self.note(app.id, "calendar cancel for no upcoming interview; ignored")
            return app
        if mail.interview_at and rnd.start and mail.interview_at != rnd.start:
            self.note(
                app.id, "calendar cancel for another time than the scheduled interview; ignored"
            )
            return app
        cancelled = replace(rnd, cancelled=True)
        rounds = replace_round(app, rnd, cancelled)
        had_earlier = any(not r.cancelled and r is not rnd for r in app.rounds)
        if app.state is State.PAUSED:
            target = State.PAUSED
        else:
            target = State.PAUSED if had_earlier else State.INVITED
        changes: dict[str, object] = {"rounds": rounds, "next_action": None}
        if target is State.PAUSED and app.state is not State.PAUSED:
            changes |= {"paused_reason": "interview cancelled", "paused_from": State.INVITED}
        return self.go(
            app,
            Trigger.INTERVIEW_CANCELLED,
            target,
            mail.at,
            mail.message_id,
            "interview cancelled",
            **changes,
        )

    def close_by_employer(
        self, app: Application, trigger: Trigger, at: datetime, cause: str
    ) -> Application:
        app = self.discard(app, f"{trigger.value} received")
        reason = CloseReason.REJECTION if trigger is Trigger.REJECTION else CloseReason.OFFER
        if reason is CloseReason.REJECTION and self.policy.closing_note:
            app = self.draft(app, DraftStep.CLOSING_NOTE, 0, at)
        return self.go(
            app,
            trigger,
            State.CLOSED,
            at,
            cause,
            reason.value,
            closed_reason=reason,
            next_action=None,
        )

    def employer_reply(self, app: Application, mail: MailSeen) -> Application:
        at, cause = mail.at, mail.message_id
        app = self.discard(app, "the employer replied")
        if mail.respond_by is not None and app.check_ins_done < self.policy.max_check_ins:
            due_at = schedule.day_after_named_date(mail.respond_by, self.policy)
            nxt = NextAction(ActionKind.CHECK_IN, due_at, app.check_ins_done + 1)
            return self.go(
                app,
                Trigger.EMPLOYER_REPLY,
                State.WAITING,
                at,
                cause,
                f"employer replied; they named {mail.respond_by.isoformat()}",
                respond_by=mail.respond_by,
                next_action=nxt,
                paused_reason=None,
                paused_from=None,
            )
        why = (
            "employer replied"
            if mail.respond_by is None
            else "employer replied; check-in limit reached"
        )
        return self.go(
            app,
            Trigger.EMPLOYER_REPLY,
            State.PAUSED,
            at,
            cause,
            why,
            respond_by=mail.respond_by or app.respond_by,
            next_action=None,
            paused_reason=why,
            paused_from=State.WAITING,
        )

    def out_of_office(self, app: Application, mail: MailSeen) -> Application:
        action = app.next_action
        if action is None or action.kind is ActionKind.THANK_YOU:
            self.note(app.id, "out-of-office reply; nothing scheduled to postpone")
            return self.go(
                app, Trigger.OUT_OF_OFFICE, app.state, mail.at, mail.message_id, "out of office"
            )
        due_at = schedule.postponed_by_out_of_office(action.due, mail.at, mail.back_on, self.policy)
        return self.go(
            app,
            Trigger.OUT_OF_OFFICE,
            app.state,
            mail.at,
            mail.message_id,
            f"out of office; {action.kind.value} moved to {due_at.isoformat()}",
            next_action=replace(action, due=due_at),
        )

    def bounce(self, app: Application, mail: MailSeen) -> Application:
        bounced = {a.lower() for a in mail.bounced_recipients}
        contacts = tuple(
            replace(c, bounced=True) if c.address in bounced else c for c in app.contacts
        )
        known = {c.address for c in contacts}
        contacts += tuple(Contact(a, None, mail.at, bounced=True) for a in sorted(bounced - known))
        app = replace(app, contacts=contacts)
        app = self.flag(app, "bounce: " + (", ".join(sorted(bounced)) or "unknown recipient"))
        pending = app.pending
        if pending is not None and pending.to in bounced:
            app = self.discard(app, "its recipient bounced")
            note = "draft dropped: recipient bounced"
            return self.skipped_step(app, pending, Trigger.BOUNCE, mail.at, mail.message_id, note)
        return self.go(app, Trigger.BOUNCE, app.state, mail.at, mail.message_id, "bounce")

    def user_mail(self, app: Application, mail: MailSeen) -> Application:
        at, cause = mail.at, mail.message_id
        app = replace(app, last_user_mail_at=at)
        pending = app.pending
        if app.state in (State.INTERVIEWED, State.FOLLOW_UP_DUE):
            # Sent from our draft or written by hand: either way the due step is done.
            app = self.discard(app, "the user wrote the follow-up")
            if app.state is State.INTERVIEWED:
                return self.go(app, Trigger.USER_MAIL, State.WAITING, at, cause, "thank-you sent")
            number = pending.check_in if pending is not None else app.check_ins_done + 1
            done = replace(app, check_ins_done=number)
            return self.after_step(done, Trigger.USER_MAIL, at, cause, f"check-in {number} sent")
        action = app.next_action
        if app.state is State.WAITING and action is not None:
            # Their own mail while waiting: no nudge sooner than an interval after it.
            gap = schedule.days_after(at, self.policy.check_in_interval_days, self.policy)
            later = replace(action, due=max(action.due, gap))
            return self.go(
                app, Trigger.USER_MAIL, app.state, at, cause, "user wrote", next_action=later
            )
        return self.go(app, Trigger.USER_MAIL, app.state, at, cause, "user wrote")

    def skipped_step(
        self,
        app: Application,
        pending: PendingDraft,
        trigger: Trigger,
        at: datetime,
        cause: str,
        note: str,
    ) -> Application:
        """Our draft for the open step will not be sent (deleted, bounced): go on from ``at``."""
        if pending.step is DraftStep.THANK_YOU:
            action = app.next_action
            if action is not None:
                later = schedule.days_after(at, self.policy.first_check_in_days, self.policy)
                action = replace(action, due=max(action.due, later))
            return self.go(
                app, trigger, State.WAITING, at, cause, note, next_action=action, pending=None
            )
        return self.after_step(
            replace(app, check_ins_done=pending.check_in), trigger, at, cause, note
        )

    # -- drafts, commands, manual entries, corrections ----------------------------------------

    def on_draft_event(
        self, apps: Mapping[str, Application], event: DraftDeleted | DraftOutcome
    ) -> None:
        app = apps.get(event.intent_key.split("/", 1)[0])
        if app is None:
            self.notes.append(f"{event.intent_key}: no such application")
            return
        if isinstance(event, DraftOutcome):
            if not event.kept_edited:
                return
            app = self.flag(app, f"edited draft kept: {event.intent_key}")
            if not self.refused(app, Trigger.DRAFT_KEPT):
                app = self.go(
                    app, Trigger.DRAFT_KEPT, app.state, event.at, USER, "user had edited it"
                )
            self.put(app)
            return
        app = self.advance(app, min(event.at, self.now))
        pending = app.pending
        if pending is None or pending.intent_key != event.intent_key:
            self.note(app.id, f"deleted draft {event.intent_key} is not pending; nothing to do")
            self.put(app)
            return
        if self.refused(app, Trigger.DRAFT_DELETED):
            self.put(app)
            return
        app = replace(app, pending=None)
        note = "user deleted the draft"
        self.put(self.skipped_step(app, pending, Trigger.DRAFT_DELETED, event.at, USER, note))

    def on_command(self, apps: Mapping[str, Application], cmd: UserCommand) -> None:
        app = apps.get(cmd.application_id)
        if app is None:
            self.notes.append(f"{cmd.application_id}: no such application")
            return
        app = self.advance(app, min(cmd.at, self.now))
        trigger = {"pause": Trigger.PAUSE, "resume": Trigger.RESUME, "close": Trigger.CLOSE}[
            cmd.action
        ]
        if self.refused(app, trigger):
            self.put(app)
            return
        note = cmd.note or f"user: {cmd.action}"
        if trigger is Trigger.PAUSE:
            app = self.discard(app, "paused by the user")
            app = self.go(
                app,
                trigger,
                State.PAUSED,
                cmd.at,
                USER,
                note,
                next_action=None,
                paused_reason=note,
                paused_from=app.state,
            )
        elif trigger is Trigger.CLOSE:
            app = self.discard(app, "closed by the user")
            app = self.go(
                app,
                trigger,
                State.CLOSED,
                cmd.at,
                USER,
                note,
                next_action=None,
                closed_reason=CloseReason.USER,
            )
        else:
            app = self.resume(app, cmd.at, note)
        self.put(app)

    def resume(self, app: Application, at: datetime, note: str) -> Application:
        rnd = app.current_round
        upcoming = (
            rnd is not None and rnd.start is not None and rnd.end is not None and rnd.end > at
        )
        back = app.paused_from
        cleared: dict[str, object] = {"paused_reason": None, "paused_from": None}
        if back in (State.APPLIED, State.INVITED, State.INTERVIEW_SCHEDULED) and (
            upcoming or rnd is None or rnd.start is None
        ):
            if upcoming and rnd is not None and rnd.end is not None:
                return self.go(
                    app,
                    Trigger.RESUME,
                    State.INTERVIEW_SCHEDULED,
                    at,
                    USER,
                    note,
                    next_action=NextAction(ActionKind.THANK_YOU, rnd.end),
                    **cleared,
                )
            target = State.APPLIED if rnd is None else State.INVITED
            return self.go(app, Trigger.RESUME, target, at, USER, note, next_action=None, **cleared)
        if app.check_ins_done < self.policy.max_check_ins:
            when = schedule.days_after(at, self.policy.check_in_interval_days, self.policy)
            nxt = NextAction(ActionKind.CHECK_IN, when, app.check_ins_done + 1)
        else:
            nxt = NextAction(ActionKind.LET_GO, schedule.let_go_at(at, self.policy))
        return self.go(
            app, Trigger.RESUME, State.WAITING, at, USER, note, next_action=nxt, **cleared
        )

    def on_manual(self, apps: Mapping[str, Application], entry: ManualApplication) -> None:
        key = application_id(f"manual:{normalize_company(entry.company)}:{entry.at.isoformat()}")
        if key in apps:
            self.note(key, "already added")
            return
        owner = next((a for a in apps.values() if entry.thread_id in a.thread_ids), None)
        if entry.thread_id and owner is not None:
            self.note(owner.id, f"thread {entry.thread_id} is already tracked here; not added")
            return
        contacts: tuple[Contact, ...] = ()
        if entry.contact:
            address = entry.contact.strip().lower()
            contacts = (
                Contact(
                    address, entry.contact_name, entry.at, no_reply=bool(NO_REPLY.search(address))
                ),
            )
        app = Application(
            id=key,
            created_at=entry.at,
            company=entry.company,
            role=entry.role,
            state=State.APPLIED,
            contacts=contacts,
            thread_ids=(entry.thread_id,) if entry.thread_id else (),
        )
        app = replace(
            app,
            history=(
                HistoryEntry(
                    entry.at, USER, "added", State.APPLIED, State.APPLIED, "added by hand"
                ),
            ),
        )
        if entry.interview_at is not None:
            end = interview_end(entry.interview_at, None, self.policy)
            rnd = InterviewRound(1, entry.interview_at, end, "user", None, entry.thread_id)
            app = self.go(
                app,
                Trigger.INTERVIEW_SET,
                State.INTERVIEW_SCHEDULED,
                entry.at,
                USER,
                "interview added by hand",
                rounds=(rnd,),
                next_action=NextAction(ActionKind.THANK_YOU, end),
            )
        self.put(app)

    def on_reclassified(self, apps: Mapping[str, Application], fix: Reclassified) -> None:
        owner = next((apps[k] for k in sorted(apps) if apps[k].seen(fix.message_id)), None)
        if owner is None:
            self.notes.append(f"{fix.message_id}: not part of any application")
            return
        record = next(m for m in owner.messages if m.message_id == fix.message_id)
        if record.kind is fix.kind:
            self.note(owner.id, f"{fix.message_id} is already {fix.kind.value}")
            return
        app = self.advance(owner, min(fix.at, self.now))
        messages = tuple(replace(m, kind=fix.kind) if m is record else m for m in app.messages)
        app = replace(app, messages=messages)
        mail = mail_from_record(replace(record, kind=fix.kind), fix.at)
        self.put(self.apply_mail(app, mail))


def cancel_out(effects: list[Effect]) -> list[Effect]:
    """A draft created and discarded within one call never needs to reach the mailbox."""
    created = {e.intent_key for e in effects if isinstance(e, CreateDraft)}
    dropped = {e.intent_key for e in effects if isinstance(e, DiscardDraft)} & created
    return [
        e
        for e in effects
        if not (isinstance(e, CreateDraft | DiscardDraft) and e.intent_key in dropped)
    ]
