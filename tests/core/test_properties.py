"""Property tests: random event sequences against the engine's promises (issue 5).

A RuleBasedStateMachine plays employer, user and clock for two applications and
checks after every step: never two live drafts for one application, never more
check-ins than the limit in a round, nothing drafted for a closed application or
after an employer's reply until something newer happens, and every application
survives the JSON round trip. At the end the whole event log is replayed and
must give the same applications and effects.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from followup.core.effects import CreateDraft, DiscardDraft, Effect
from followup.core.engine import handle, replay
from followup.core.events import ClockTick, DraftDeleted, Event, Kind, MailSeen, UserCommand
from followup.core.model import Application, DraftStep, State
from followup.core.policy import Policy

from .helpers import MONDAY, PROFILE, invite, mail

EMPLOYERS = {"t1": ("ann@acme.example", "Acme"), "t2": ("bob@globex.example", "Globex")}
POLICY = Policy(max_check_ins=2)


class TrackerMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.now = MONDAY
        self.apps: dict[str, Application] = {}
        self.log: list[Event] = []
        self.effects: list[Effect] = []
        self.counter = 0
        self.live: dict[str, set[str]] = {}  # app id -> our drafts not discarded, sent or deleted
        self.checkins: dict[tuple[str, int], set[int]] = {}  # check-in numbers drafted
        self.sent: dict[tuple[str, int], int] = {}  # check-ins the user sent
        self.silenced: set[str] = set()  # paused by an employer reply with no date

    # -- plumbing ------------------------------------------------------------------------

    def feed(self, event: Event) -> None:
        before = dict(self.apps)
        out = handle(self.apps, event, POLICY, PROFILE, self.now)
        self.log.append(event)
        self.effects.extend(out.effects)
        self.apps.update(out.applications)
        for e in out.effects:
            if isinstance(e, CreateDraft):
                old = before.get(e.application_id)
                assert old is None or old.state is not State.CLOSED, (
                    "draft for a closed application"
                )
                assert e.application_id not in self.silenced or e.step is DraftStep.CLOSING_NOTE, (
                    "draft after an employer reply without a newer trigger"
                )
                if e.step is not DraftStep.CLOSING_NOTE:
                    self.live.setdefault(e.application_id, set()).add(e.intent_key)
                    made = self.apps[e.application_id]
                    rnd = made.current_round
                    assert made.pending is not None
                    assert rnd is not None
                    assert rnd.end is not None
                    assert rnd.end <= made.pending.created_at, "draft before the interview ended"
                if e.step is DraftStep.CHECK_IN:
                    app = self.apps[e.application_id]
                    assert app.pending is not None
                    assert app.pending.intent_key == e.intent_key
                    key = (e.application_id, app.round_number)
                    self.checkins.setdefault(key, set()).add(app.pending.check_in)
            elif isinstance(e, DiscardDraft):
                self.live.get(e.application_id, set()).discard(e.intent_key)
        if isinstance(event, MailSeen) and event.from_user:
            for app_id, old in before.items():
                new = self.apps[app_id]
                if old.state is State.FOLLOW_UP_DUE and new.state is not State.FOLLOW_UP_DUE:
                    key = (app_id, new.round_number)
                    self.sent[key] = self.sent.get(key, 0) + 1
        # A pending draft that disappeared without a discard was sent or deleted by the user.
        for app_id, app in self.apps.items():
            pending = app.pending.intent_key if app.pending else None
            self.live[app_id] = {k for k in self.live.get(app_id, set()) if k == pending}

    def next_id(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def app_for(self, thread: str) -> Application | None:
        found = [a for a in self.apps.values() if thread in a.thread_ids]
        return found[0] if found else None

    # -- rules ---------------------------------------------------------------------------

    @initialize(thread=st.sampled_from(sorted(EMPLOYERS)), days=st.integers(1, 5))
    def first_invitation(self, thread: str, days: int) -> None:
        sender, company = EMPLOYERS[thread]
        when = self.now + timedelta(days=days, hours=6)
        self.feed(
            invite(
                self.next_id("m"),
                self.now,
                thread=thread,
                sender=sender,
                company=company,
                interview_at=when,
            )
        )

    @rule(hours=st.integers(1, 24 * 9))
    def time_passes(self, hours: int) -> None:
        self.now += timedelta(hours=hours)
        self.feed(ClockTick(self.now))

    @rule(
        thread=st.sampled_from(sorted(EMPLOYERS)),
        kind=st.sampled_from(list(Kind)),
        named=st.none() | st.integers(0, 20),
        slot=st.none() | st.integers(1, 10),
    )
    def employer_writes(self, thread: str, kind: Kind, named: int | None, slot: int | None) -> None:
        sender, company = EMPLOYERS[thread]
        self.now += timedelta(minutes=7)
        respond_by = (self.now + timedelta(days=named)).date() if named is not None else None
        interview_at = self.now + timedelta(days=slot) if slot is not None else None
        event = mail(
            self.next_id("e"),
            self.now,
            kind,
            thread=thread,
            sender=sender,
            company=company,
            respond_by=respond_by if kind is not Kind.AUTO_REPLY else None,
            back_on=respond_by if kind is Kind.AUTO_REPLY else None,
            interview_at=interview_at
            if kind in (Kind.INTERVIEW_INVITE, Kind.EMPLOYER_REPLY)
            else None,
            bounced=(sender,) if kind is Kind.BOUNCE else (),
        )
        app_before = self.app_for(thread)
        self.feed(event)
        app = self.app_for(thread)
        if app is None:
            return
        newly_paused = app.state is State.PAUSED and (
            app_before is not None and app_before.state is not State.PAUSED
        )
        if newly_paused and kind is Kind.EMPLOYER_REPLY and event.respond_by is None:
            self.silenced.add(app.id)
        newer = kind is Kind.INTERVIEW_INVITE or (
            kind is Kind.EMPLOYER_REPLY and event.respond_by is not None
        )
        if newer and app.state is not State.PAUSED:
            self.silenced.discard(app.id)

    @rule(thread=st.sampled_from(sorted(EMPLOYERS)))
    def user_writes(self, thread: str) -> None:
        sender, _ = EMPLOYERS[thread]
        self.now += timedelta(minutes=11)
        self.feed(
            mail(
                self.next_id("u"), self.now, Kind.OTHER, thread=thread, from_user=True, to=(sender,)
            )
        )

    @rule()
    def user_deletes_a_draft(self) -> None:
        pending = [a.pending for a in self.apps.values() if a.pending is not None]
        if pending:
            self.now += timedelta(minutes=3)
            self.feed(DraftDeleted(sorted(p.intent_key for p in pending)[0], self.now))

    @rule(
        thread=st.sampled_from(sorted(EMPLOYERS)),
        action=st.sampled_from(["pause", "resume", "close"]),
    )
    def user_command(self, thread: str, action: str) -> None:
        app = self.app_for(thread)
        if app is None:
            return
        self.now += timedelta(minutes=5)
        self.feed(UserCommand(app.id, action, self.now))  # type: ignore[arg-type]
        after = self.apps[app.id]
        if action == "resume" and after.state is not State.PAUSED:
            self.silenced.discard(app.id)

    # -- invariants ----------------------------------------------------------------------

    @invariant()
    def never_two_live_drafts_for_one_application(self) -> None:
        for app_id, keys in self.live.items():
            assert len(keys) <= 1, (app_id, keys)

    @invariant()
    def never_more_check_ins_than_the_limit_in_a_round(self) -> None:
        # A check-in discarded unsent (the employer replied) may be drafted again: same number.
        for numbers in self.checkins.values():
            assert max(numbers) <= POLICY.max_check_ins, self.checkins
        assert all(n <= POLICY.max_check_ins for n in self.sent.values()), self.sent
        for app in self.apps.values():
            assert app.check_ins_done <= POLICY.max_check_ins

    @invariant()
    def a_pending_draft_only_in_a_draft_ready_state(self) -> None:
        for app in self.apps.values():
            if app.pending is not None:
                assert app.state in (State.INTERVIEWED, State.FOLLOW_UP_DUE), app.state
            if app.state is State.CLOSED:
                assert app.pending is None
                assert app.next_action is None

    @invariant()
    def applications_survive_the_json_round_trip(self) -> None:
        for app in self.apps.values():
            assert Application.from_dict(json.loads(json.dumps(app.to_dict()))) == app

    def teardown(self) -> None:
        apps, effects, _ = replay(self.log, POLICY, PROFILE)
        assert apps == self.apps, "replay gave different applications"
        assert list(effects) == self.effects, "replay gave different effects"


TrackerMachine.TestCase.settings = settings(max_examples=60, stateful_step_count=30, deadline=None)
test_tracker_state_machine = TrackerMachine.TestCase


@settings(max_examples=40, deadline=None)
@given(
    kinds=st.lists(st.sampled_from(list(Kind)), max_size=12),
    gaps=st.lists(st.integers(1, 200), min_size=12, max_size=12),
)
def test_the_same_events_always_give_the_same_outcome(kinds: list[Kind], gaps: list[int]) -> None:
    events: list[Event] = [invite()]
    when = MONDAY
    for i, (kind, gap) in enumerate(zip(kinds, gaps, strict=False)):
        when += timedelta(hours=gap)
        events.append(
            mail(f"x{i}", when, kind, respond_by=date(2026, 2, 1) if i % 3 == 0 else None)
        )
    first = replay(events, POLICY, PROFILE)
    second = replay(events, POLICY, PROFILE)
    assert first == second
    assert all(isinstance(at, datetime) for at in [a.created_at for a in first[0].values()])
