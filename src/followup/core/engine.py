"""The tracker engine: (applications, event, policy, profile, now) -> Outcome.

A pure function. Times come from the events themselves (mail arrival, the tick,
the command), so replaying the same events gives the same applications, effects
and intent keys, whatever the polling rhythm was. ``now`` only caps how far the
clock may run while handling an event.

Before a mail is applied, the application's own clock is advanced to the mail's
arrival: an interview that ended before the employer's reply came in counts as
over, even if no tick fell in between.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from followup.core.compose import UserProfile
from followup.core.effects import Effect
from followup.core.events import (
    ClockTick,
    DraftDeleted,
    DraftOutcome,
    Event,
    MailSeen,
    ManualApplication,
    Reclassified,
    UserCommand,
)
from followup.core.matching import ApplicationBook
from followup.core.model import Application
from followup.core.policy import Policy
from followup.core.rules import FLAG_NO_CONTACT, Outcome, Run, label_role

__all__ = ["FLAG_NO_CONTACT", "Outcome", "due", "handle", "label_role", "next_due", "replay"]


def handle(
    apps: Mapping[str, Application],
    event: Event,
    policy: Policy,
    profile: UserProfile,
    now: datetime,
) -> Outcome:
    """Apply one event. Never raises for odd input; refusals come back as notes."""
    run = Run(policy, profile, now)
    match event:
        case MailSeen():
            run.on_mail(apps, event)
        case ClockTick():
            until = min(event.at, now)
            due_ids = [
                key
                for key, app in apps.items()
                if app.next_action is not None and app.next_action.due <= until
            ]
            for key in sorted(due_ids):
                run.put(run.advance(apps[key], until))
        case DraftDeleted() | DraftOutcome():
            run.on_draft_event(apps, event)
        case UserCommand():
            run.on_command(apps, event)
        case ManualApplication():
            run.on_manual(apps, event)
        case Reclassified():
            run.on_reclassified(apps, event)
    return run.outcome(apps)


def due(
    apps: Mapping[str, Application], policy: Policy, profile: UserProfile, now: datetime
) -> Outcome:
    """Fire every clock-driven step due by ``now`` (the same as a ClockTick at ``now``)."""
    return handle(apps, ClockTick(now), policy, profile, now)


def next_due(apps: Mapping[str, Application]) -> datetime | None:
    """When the clock next has something to do, so a scheduler can sleep until then."""
    times = [a.next_action.due for a in apps.values() if a.next_action is not None]
    return min(times) if times else None


def replay(
    events: list[Event] | tuple[Event, ...],
    policy: Policy,
    profile: UserProfile,
    apps: Mapping[str, Application] | None = None,
) -> tuple[dict[str, Application], tuple[Effect, ...], tuple[str, ...]]:
    """Fold :func:`handle` over events in order, each handled as of its own time.

    The simulator and the tests use it; it is also the definition of "the same
    inputs give the same outputs".
    """
    state = ApplicationBook(apps)
    effects: list[Effect] = []
    notes: list[str] = []
    for event in events:
        out = handle(state, event, policy, profile, event.at)
        state.update(out.applications)
        effects.extend(out.effects)
        notes.extend(out.notes)
    return dict(state), tuple(effects), tuple(notes)
