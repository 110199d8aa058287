"""Compare what a run showed with what the scenario expects, one verdict per expectation.

Comparison is on the user's calendar day, not the minute, so a scenario does not depend on
the poll interval. Each failure says what was seen instead, so a scenario author can tell a
wrong expectation from a wrong engine without reading the timeline.
"""

from __future__ import annotations

import itertools
from datetime import datetime

from followup.simulate.results import Check, RunResult, SeenDraft
from followup.simulate.scenario import ApplicationExpectation, DraftExpectation, EventType


def check(result: RunResult) -> list[Check]:
    """Every expectation of the scenario, plus the ones that hold for every run."""
    expect = result.scenario.expect
    checks: list[Check] = []
    matched: set[str] = set()
    for wanted in expect.drafts:
        checks.append(_draft(result, wanted, matched))
    if expect.only_listed_drafts:
        for seen in result.drafts:
            if seen.draft_id not in matched:
                checks.append(
                    Check(
                        "expect.only_listed_drafts",
                        "no draft beyond those listed",
                        False,
                        f"unexpected {_describe(result, seen)}",
                    )
                )
    for unwanted in expect.no_drafts:
        checks.append(_no_draft(result, unwanted))
    for app_expect in expect.applications:
        checks.append(_application(result, app_expect))
    checks.append(
        Check(
            "never-sends",
            "followup sent nothing (every send in the call log was the user's)",
            result.sends_in_log == result.user_sends,
            f"{result.sends_in_log} send calls in the log, {result.user_sends} by the user",
        )
    )
    return checks


def _thread_name(result: RunResult, thread_id: str) -> str:
    names = [key for key, value in result.threads.items() if value == thread_id]
    return names[0] if names else thread_id


def _describe(result: RunResult, seen: SeenDraft) -> str:
    return (
        f"{seen.kind} draft in thread '{_thread_name(result, seen.thread_id)}' on day "
        f"{seen.first_day} to {seen.to}"
    )


def _in_thread(result: RunResult, thread: str) -> list[SeenDraft]:
    thread_id = result.threads.get(thread)
    return [d for d in result.drafts if thread_id is not None and d.thread_id == thread_id]


def _draft(result: RunResult, wanted: DraftExpectation, matched: set[str]) -> Check:
    contacts = result.scenario.contacts
    candidates = [
        d
        for d in _in_thread(result, wanted.thread)
        if d.draft_id not in matched and (wanted.kind is None or d.kind == wanted.kind)
    ]
    fits = [
        d
        for d in candidates
        if (wanted.day is None or d.first_day == wanted.day)
        and (wanted.to is None or d.to == contacts[wanted.to].email.lower())
        and (wanted.remains is None or (d.gone_at is None) == wanted.remains)
    ]
    if fits:
        matched.add(fits[0].draft_id)
        return Check(wanted.label, wanted.describe(), True)
    others = _in_thread(result, wanted.thread)
    if others:
        seen = "; ".join(
            _describe(result, d) + (" (gone by the end)" if d.gone_at else " (still there)")
            for d in others
        )
        detail = f"seen in that thread: {seen}"
    else:
        detail = "no draft was ever seen in that thread"
    if candidates:  # the right kind exists but the day, recipient or fate differ
        matched.add(candidates[0].draft_id)
    return Check(wanted.label, wanted.describe(), False, detail)


def _no_draft(result: RunResult, unwanted: DraftExpectation) -> Check:
    bad = [
        d
        for d in _in_thread(result, unwanted.thread)
        if unwanted.kind is None or d.kind == unwanted.kind
    ]
    detail = "; ".join(_describe(result, d) for d in bad)
    return Check(unwanted.label, unwanted.describe(), not bad, f"but saw {detail}" if bad else "")


def _application(result: RunResult, wanted: ApplicationExpectation) -> Check:
    thread_id = result.threads.get(wanted.thread)
    app = next((a for a in result.applications if thread_id in a.thread_ids), None)
    if app is None:
        return Check(wanted.label, wanted.describe(), False, "followup tracks no application there")
    problems: list[str] = []
    state = str(app.state)
    if wanted.state is not None and state != wanted.state.value:
        problems.append(f"state is {state}")
    reason = str(app.closed_reason) if app.closed_reason is not None else None
    if wanted.closed_because is not None and reason != wanted.closed_because:
        problems.append(f"closed because {reason}")
    flags = [str(f) for f in app.flags]
    for text in wanted.flags:
        if not any(text.lower() in f.lower() for f in flags):
            problems.append(f"no flag mentions {text!r}")
    if wanted.flagged is not None and bool(flags) != wanted.flagged:
        problems.append("not flagged" if wanted.flagged else "flagged")
    if problems and flags:
        problems.append(f"flags: {'; '.join(flags)}")
    return Check(wanted.label, wanted.describe(), not problems, ", ".join(problems))


def population_checks(
    result: RunResult, behaviours: dict[str, str], *, max_check_ins: int
) -> list[Check]:
    """Invariants every random population must keep, whatever the employers do."""
    checks: list[Check] = []
    by_thread: dict[str, list[SeenDraft]] = {}
    for draft in result.drafts:
        by_thread.setdefault(draft.thread_id, []).append(draft)
    # A check-in step may be drafted again (its draft removed by an employer reply, then
    # rescheduled), so the limit is on the steps: check_in_1 .. check_in_<max>.
    too_many = [
        key
        for key in behaviours
        if any(
            d.kind.startswith("check_in_") and int(d.kind.rpartition("_")[2]) > max_check_ins
            for d in by_thread.get(result.threads.get(key, ""), [])
        )
    ]
    checks.append(
        Check(
            "population.check_in_limit",
            f"no application goes past check-in {max_check_ins}",
            not too_many,
            f"too many in: {', '.join(too_many[:5])}",
        )
    )
    overlapping = []
    for key in behaviours:
        drafts = sorted(by_thread.get(result.threads.get(key, ""), []), key=lambda d: d.first_at)
        for earlier, later in itertools.pairwise(drafts):
            if earlier.gone_at is None or later.first_at < earlier.gone_at:
                overlapping.append(key)
                break
    checks.append(
        Check(
            "population.one_draft_at_a_time",
            "never two drafts of ours at once for one application",
            not overlapping,
            f"two at once in: {', '.join(overlapping[:5])}",
        )
    )
    ats_drafts = [
        key
        for key, behaviour in behaviours.items()
        if behaviour == "ats_only" and by_thread.get(result.threads.get(key, ""))
    ]
    checks.append(
        Check(
            "population.no_draft_to_no_reply",
            "no draft for an application with only a no-reply (ATS) sender",
            not ats_drafts,
            f"drafts in: {', '.join(ats_drafts[:5])}",
        )
    )
    # Issue 5: after an employer's reply without a date, a rejection or an offer, no draft
    # may appear (population users never resume, and closing notes are off by default).
    stops: dict[str, datetime] = {}
    for event in result.scenario.events:
        ends = event.type in (EventType.REJECTION, EventType.OFFER) or (
            event.type is EventType.REPLY and event.respond_by is None
        )
        if ends and event.thread is not None and event.thread not in stops:
            stops[event.thread] = event.at
    late = [
        key
        for key, stop in stops.items()
        if any(d.first_at > stop for d in by_thread.get(result.threads.get(key, ""), []))
    ]
    checks.append(
        Check(
            "population.quiet_after_the_employer",
            "no draft after a rejection, an offer, or a reply that names no date",
            not late,
            f"drafts after it in: {', '.join(late[:5])}",
        )
    )
    checks.append(
        Check(
            "never-sends",
            "followup sent nothing (every send in the call log was the user's)",
            result.sends_in_log == result.user_sends,
            f"{result.sends_in_log} send calls in the log, {result.user_sends} by the user",
        )
    )
    return checks
