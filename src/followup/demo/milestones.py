"""The story the demo promises, as checks on what it saw in the mailbox and the store.

Each milestone is checked after every poll and announced the moment it holds, so the viewer
sees "✔" next to the thing that just happened. The demo exits non-zero unless every one
held: a demo that prints a happy story the code did not produce is worse than none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from followup.config import LabelsConfig
from followup.core.model import CloseReason, State
from followup.demo.narration import on_day
from followup.demo.player import DraftSeen, Observed, Player
from followup.simulate.scenario import EventType

# Seed 001: "follow up seven days after the interview" (the policy's default).
CHECK_IN_AFTER = timedelta(days=7)


@dataclass
class Milestone:
    key: str
    title: str
    check: Callable[[Player], str | None]  # the evidence when it holds, else None
    evidence: str | None = None


def story_milestones(labels: LabelsConfig) -> list[Milestone]:
    """What must happen to the demo story's threads (story.toml names them)."""

    def interview(player: Player, key: str) -> datetime:
        at = player.scenario.event(key).interview_at
        assert at is not None, f"story event {key} has no interview time"
        return at

    def sole(drafts: list[DraftSeen]) -> DraftSeen | None:
        return drafts[0] if len(drafts) == 1 else None

    def ready(draft: DraftSeen | None, player: Player, contact: str) -> bool:
        """In the story's thread, to the interviewer, and the thread labelled as ready."""
        return (
            draft is not None
            and draft.in_thread
            and draft.to == player.scenario.contacts[contact].email
            and labels.ready in draft.thread_labels
        )

    def thank_you(player: Player) -> str | None:
        draft = sole(player.seen.drafts_in("brightloom", "thank_you"))
        day = player.day_of(interview(player, "brightloom"))
        if draft is None or not ready(draft, player, "dana") or draft.first_day != day:
            return None
        return (
            f"draft {draft.draft_id} to {draft.to} in the Brightloom thread, "
            f"labelled {labels.ready}"
        )

    def check_in(player: Player) -> str | None:
        draft = sole(player.seen.drafts_in("brightloom", "check_in_1"))
        due = interview(player, "brightloom") + CHECK_IN_AFTER
        if draft is None or not ready(draft, player, "dana"):
            return None
        if draft.first_day != player.day_of(due):
            return None
        return (
            f"draft {draft.draft_id} appeared {on_day(draft.first_at, player.zone)}, "
            "7 days after the interview, in the Brightloom thread"
        )

    def reply_pauses(player: Player) -> str | None:
        replied = player.seen.happened_at.get("reply:okapi")
        app = player.seen.app_of("okapi")
        draft = sole(player.seen.drafts_in("okapi", "check_in_1"))
        if replied is None or app is None or draft is None or app.state is not State.PAUSED:
            return None
        if draft.first_at > replied or draft.gone_at is None or not draft.gone_confirmed:
            return None
        if draft.sent_by_user:
            return None
        thread_labels = player.thread_labels(draft.thread_id)
        if labels.ready in thread_labels or labels.waiting not in thread_labels:
            return None
        return (
            f"Okapi Logistics paused; its check-in draft {draft.draft_id} is gone from Gmail; "
            f"thread relabelled {labels.waiting}"
        )

    def out_of_office(player: Player) -> str | None:
        ooo = next(
            (
                e
                for e in player.scenario.events
                if e.type is EventType.OUT_OF_OFFICE and e.thread == "fernhill"
            ),
            None,
        )
        app = player.seen.app_of("fernhill")
        draft = sole(player.seen.drafts_in("fernhill", "check_in_1"))
        if ooo is None or ooo.back_on is None or app is None or draft is None:
            return None
        planned = interview(player, "fernhill") + CHECK_IN_AFTER
        back_day = (ooo.back_on - player.scenario.clock.start.date()).days
        if not (draft.first_day > back_day > player.day_of(planned)):
            return None
        if not ready(draft, player, "marco"):
            return None
        return (
            f"the check-in planned for {on_day(planned, player.zone)} appeared "
            f"{on_day(draft.first_at, player.zone)}, after the return on "
            f"{ooo.back_on:%a} {ooo.back_on.day} {ooo.back_on:%b}"
        )

    def rejection(player: Player) -> str | None:
        rejected = player.seen.happened_at.get("rejection:quillpoint")
        app = player.seen.app_of("quillpoint")
        draft = sole(player.seen.drafts_in("quillpoint", "check_in_1"))
        if rejected is None or app is None or draft is None:
            return None
        if app.state is not State.CLOSED or app.closed_reason is not CloseReason.REJECTION:
            return None
        if draft.gone_at is None or not draft.gone_confirmed or draft.sent_by_user:
            return None
        if labels.closed not in player.thread_labels(draft.thread_id):
            return None
        return (
            f"Quillpoint closed (rejection); its unsent check-in {draft.draft_id} is gone; "
            f"thread labelled {labels.closed}"
        )

    return [
        Milestone("thank_you", "a thank-you draft after the interview", thank_you),
        Milestone("check_in", "a check-in a week after the interview", check_in),
        Milestone(
            "reply", "an employer's reply pauses the application, draft tidied", reply_pauses
        ),
        Milestone("out_of_office", "an out-of-office reply postpones the check-in", out_of_office),
        Milestone("rejection", "a rejection closes the application", rejection),
    ]


def check_milestones(milestones: list[Milestone], player: Player, at: datetime) -> None:
    """Announce each milestone the first time it holds."""
    for milestone in milestones:
        if milestone.evidence is None:
            evidence = milestone.check(player)
            if evidence is not None:
                milestone.evidence = evidence
                player.say.say("check", at, f"Checked in Gmail — {milestone.title}: {evidence}.")


def never_sent(observed: Observed, calls: list[dict[str, object]]) -> str | None:
    """Every send in the emulator's call log is one Sam made: followup sent nothing."""
    sends = sum(1 for call in calls if str(call.get("method", "")).endswith(".send"))
    if sends != observed.user_sends:
        return None
    return f"{sends} send call(s) in the emulator's log, all Sam's own"
