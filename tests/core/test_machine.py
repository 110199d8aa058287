"""The transition table: total, explicit, and refusing with reasons."""

from __future__ import annotations

import pytest

from followup.core import machine
from followup.core.machine import TABLE, Trigger
from followup.core.model import State


def test_the_transition_table_is_total() -> None:
    assert set(TABLE) == {(s, t) for s in State for t in Trigger}


def test_every_refused_pair_has_a_reason() -> None:
    for (state, trigger), targets in TABLE.items():
        reason = machine.refusal(state, trigger)
        assert (reason is None) == bool(targets), (state, trigger)
        if reason is not None:
            assert state.value in reason or "closed" in reason


def test_a_closed_application_accepts_nothing_but_a_kept_draft_record() -> None:
    allowed = {t for t in Trigger if TABLE[State.CLOSED, t]}
    assert allowed == {Trigger.DRAFT_KEPT}
    assert TABLE[State.CLOSED, Trigger.DRAFT_KEPT] == {State.CLOSED}


def test_only_the_clock_moves_an_application_into_a_draft_ready_state() -> None:
    drafting = {State.FOLLOW_UP_DUE, State.INTERVIEWED}
    into_draft = {
        (s, t) for (s, t), targets in TABLE.items() if s not in drafting and targets & drafting
    }
    assert {t for _, t in into_draft} == {Trigger.CHECK_IN_DUE, Trigger.INTERVIEW_ENDED}


def test_every_open_state_can_be_closed_by_rejection_offer_or_the_user() -> None:
    for state in State:
        if state is State.CLOSED:
            continue
        for trigger in (Trigger.REJECTION, Trigger.OFFER, Trigger.CLOSE):
            assert TABLE[state, trigger] == {State.CLOSED}


def test_an_employer_reply_before_any_interview_is_refused_as_a_reply() -> None:
    reason = machine.refusal(State.INTERVIEW_SCHEDULED, Trigger.EMPLOYER_REPLY)
    assert reason is not None
    assert "no interview has taken place" in reason


def test_check_rejects_a_move_outside_the_table() -> None:
    machine.check(State.WAITING, Trigger.LET_GO_DUE, State.CLOSED)
    with pytest.raises(AssertionError, match="illegal transition"):
        machine.check(State.APPLIED, Trigger.CHECK_IN_DUE, State.FOLLOW_UP_DUE)
