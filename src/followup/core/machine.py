"""The state machine as one explicit, total table: (state, trigger) -> allowed next states.

A plain table, not python-statemachine or transitions: the core must stay a pure
function over frozen, JSON-serialisable values, and both libraries keep the state
on a mutable model object and fire callbacks. A dict is data the docs and tests
can walk: totality is a test, and docs/tracker.md prints it.

Where a row allows several targets the engine picks one by policy (a thank-you
drafted or skipped, a reply with or without a date); ``check`` asserts the pick
is in the row. An empty row is a refusal and carries its reason.
"""

from __future__ import annotations

from enum import StrEnum

from followup.core.model import State


class Trigger(StrEnum):
    """What happened, as the machine sees it (the engine derives it from an event)."""

    ACK = "application_ack"
    INVITE = "invite"  # invitation, no time fixed
    INTERVIEW_SET = "interview_set"  # invitation/confirmation/reschedule with a time
    INTERVIEW_CANCELLED = "interview_cancelled"  # calendar CANCEL
    INTERVIEW_ENDED = "interview_ended"  # clock: the interview's end (thank-you moment)
    EMPLOYER_LOGISTICS = "employer_logistics"  # employer mail before the interview ended
    EMPLOYER_REPLY = "employer_reply"  # human employer reply after an interview
    OUT_OF_OFFICE = "out_of_office"
    BOUNCE = "bounce"
    REJECTION = "rejection"
    OFFER = "offer"
    USER_MAIL = "user_mail"  # the user's own mail in the application's threads
    DRAFT_DELETED = "draft_deleted"
    DRAFT_KEPT = "draft_kept"  # an edited draft survived a discard
    CHECK_IN_DUE = "check_in_due"  # clock
    LET_GO_DUE = "let_go_due"  # clock
    PAUSE = "pause"
    RESUME = "resume"
    CLOSE = "close"
    OTHER = "other"  # linked mail that changes nothing


S = State
T = Trigger

_BEFORE_INTERVIEW = (S.APPLIED, S.INVITED, S.INTERVIEW_SCHEDULED)
_AFTER_INTERVIEW = (S.INTERVIEWED, S.WAITING, S.FOLLOW_UP_DUE)


def _same(state: State) -> frozenset[State]:
    return frozenset({state})


def _rows() -> dict[tuple[State, Trigger], frozenset[State]]:
    rows: dict[tuple[State, Trigger], frozenset[State]] = {}
    for s in State:
        if s is S.CLOSED:
            rows[s, T.DRAFT_KEPT] = _same(s)
            continue
        # Anywhere open: these close, record, or are recorded without a move.
        for t in (T.REJECTION, T.OFFER, T.CLOSE):
            rows[s, t] = frozenset({S.CLOSED})
        for t in (T.ACK, T.OTHER, T.DRAFT_KEPT, T.OUT_OF_OFFICE):
            rows[s, t] = _same(s)
        rows[s, T.PAUSE] = frozenset({S.PAUSED}) if s is not S.PAUSED else frozenset()
        rows[s, T.BOUNCE] = _same(s)
    for s in _BEFORE_INTERVIEW:
        rows[s, T.INVITE] = frozenset(
            {S.INTERVIEW_SCHEDULED if s is S.INTERVIEW_SCHEDULED else S.INVITED}
        )
        rows[s, T.INTERVIEW_SET] = frozenset({S.INTERVIEW_SCHEDULED})
        rows[s, T.EMPLOYER_LOGISTICS] = _same(s)
        rows[s, T.USER_MAIL] = _same(s)
    # A cancelled slot: back to "invited", or paused when an earlier round already happened.
    rows[S.INTERVIEW_SCHEDULED, T.INTERVIEW_CANCELLED] = frozenset({S.INVITED, S.PAUSED})
    # The interview's end: thank-you drafted (interviewed) or skipped (waiting).
    rows[S.INTERVIEW_SCHEDULED, T.INTERVIEW_ENDED] = frozenset({S.INTERVIEWED, S.WAITING})
    for s in (*_AFTER_INTERVIEW, S.PAUSED):
        # A new invitation after an interview starts a new round.
        rows[s, T.INVITE] = frozenset({S.INVITED})
        rows[s, T.INTERVIEW_SET] = frozenset({S.INTERVIEW_SCHEDULED})
        # A human reply pauses; with a named date the next check-in is scheduled (waiting).
        rows[s, T.EMPLOYER_REPLY] = frozenset({S.PAUSED, S.WAITING})
    for s in (S.INTERVIEWED, S.FOLLOW_UP_DUE):
        # The user's own mail is the follow-up that was due; a deleted draft is a skipped step.
        rows[s, T.USER_MAIL] = frozenset({S.WAITING})
        rows[s, T.DRAFT_DELETED] = frozenset({S.WAITING})
        # A bounce on the draft's recipient drops the draft.
        rows[s, T.BOUNCE] = frozenset({s, S.WAITING})
    rows[S.WAITING, T.USER_MAIL] = _same(S.WAITING)
    # The thank-you still unsent when check-in 1 falls due is superseded by it.
    rows[S.INTERVIEWED, T.CHECK_IN_DUE] = frozenset({S.FOLLOW_UP_DUE, S.WAITING})
    rows[S.WAITING, T.CHECK_IN_DUE] = frozenset({S.FOLLOW_UP_DUE, S.WAITING})
    rows[S.WAITING, T.LET_GO_DUE] = frozenset({S.CLOSED})
    # Paused before its interview: an invitation without a time keeps the known slot.
    rows[S.PAUSED, T.INVITE] = frozenset({S.INVITED, S.INTERVIEW_SCHEDULED})
    rows[S.PAUSED, T.USER_MAIL] = _same(S.PAUSED)
    rows[S.PAUSED, T.EMPLOYER_LOGISTICS] = _same(S.PAUSED)
    rows[S.PAUSED, T.INTERVIEW_CANCELLED] = _same(S.PAUSED)
    rows[S.PAUSED, T.RESUME] = frozenset({*_BEFORE_INTERVIEW, S.WAITING})
    return rows


_REFUSALS: dict[Trigger, str] = {
    T.ACK: "application is closed",
    T.INVITE: "application is closed",
    T.INTERVIEW_SET: "application is closed",
    T.INTERVIEW_CANCELLED: "no upcoming interview to cancel",
    T.INTERVIEW_ENDED: "no interview is scheduled",
    T.EMPLOYER_LOGISTICS: "the interview is over; this is a reply, not logistics",
    T.EMPLOYER_REPLY: "no interview has taken place yet",
    T.OUT_OF_OFFICE: "application is closed",
    T.BOUNCE: "application is closed",
    T.REJECTION: "application is already closed",
    T.OFFER: "application is already closed",
    T.USER_MAIL: "application is closed",
    T.DRAFT_DELETED: "no draft of ours is pending",
    T.DRAFT_KEPT: "not applicable",
    T.CHECK_IN_DUE: "no check-in is scheduled in this state",
    T.LET_GO_DUE: "let-go only follows the last check-in",
    T.PAUSE: "already paused or closed",
    T.RESUME: "only a paused application can be resumed",
    T.CLOSE: "application is already closed",
    T.OTHER: "application is closed",
}

TABLE: dict[tuple[State, Trigger], frozenset[State]] = {
    (s, t): _rows().get((s, t), frozenset()) for s in State for t in Trigger
}
"""Total: every (state, trigger) pair has a row; an empty row means refused."""


def targets(state: State, trigger: Trigger) -> frozenset[State]:
    return TABLE[state, trigger]


def refusal(state: State, trigger: Trigger) -> str | None:
    """Why ``trigger`` is refused in ``state``, or None when the table allows it."""
    if TABLE[state, trigger]:
        return None
    if state is S.CLOSED:
        return f"application is closed; {trigger.value} ignored"
    return f"{trigger.value} refused in {state.value}: {_REFUSALS[trigger]}"


def check(state: State, trigger: Trigger, target: State) -> None:
    """The engine's choice must be a row of the table; anything else is a bug in the core."""
    if target not in TABLE[state, trigger]:
        raise AssertionError(
            f"illegal transition {state.value} --{trigger.value}--> {target.value}"
        )


def describe() -> str:
    """The table as text, one state per block (``python -m followup.core.machine``)."""
    lines = []
    for state in State:
        lines.append(f"{state.value}:")
        for trigger in Trigger:
            allowed = TABLE[state, trigger]
            if allowed:
                lines.append(
                    f"  {trigger.value:20} -> {' | '.join(sorted(s.value for s in allowed))}"
                )
            else:
                lines.append(f"  {trigger.value:20} refused: {refusal(state, trigger)}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(describe())
