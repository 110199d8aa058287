"""The pure tracker core alone: 1,000 applications over 90 simulated days.

No emulator, no I/O: this is the engine's own cost, so a slow simulator run can
be told apart from a slow core. Employer behaviours are drawn from a seeded RNG
(silent, replies with or without a date, out-of-office, rejects, offers,
ATS-only), the user sends every draft a day after it appears, and the clock
ticks hourly.
"""

from __future__ import annotations

import random
import time
from datetime import UTC, date, datetime, timedelta

from followup.core.compose import UserProfile
from followup.core.effects import CreateDraft
from followup.core.engine import handle
from followup.core.events import ClockTick, Event, Kind, MailSeen
from followup.core.matching import ApplicationBook
from followup.core.model import State
from followup.core.policy import Policy

APPS = 1000
DAYS = 90
START = datetime(2026, 1, 5, 8, tzinfo=UTC)


def _mail(i: int, n: int, at: datetime, kind: Kind, **kw: object) -> MailSeen:
    ats = kw.pop("ats", False)
    sender = "no-reply@greenhouse.io" if ats else f"hr{i}@company{i}.example"
    fields: dict[str, object] = {
        "message_id": f"m{i}-{n}", "thread_id": f"t{i}", "at": at, "kind": kind, "confidence": 0.9,
        "from_user": False, "sender": sender, "sender_name": None if ats else f"Pat {i}",
        "to": ("me@gmail.com",), "cc": (), "reply_to": None, "subject": f"Interview {i}",
        "rfc822_message_id": f"<m{i}-{n}@x>", "references": (), "company": f"Company {i}",
        "role": "Engineer",
        "interview_at": None, "interview_end": None, "respond_by": None, "back_on": None,
        "is_no_reply_sender": bool(ats), "bounced_recipients": (), "calendar_method": None,
    }  # fmt: skip
    fields.update(kw)
    return MailSeen(**fields)  # type: ignore[arg-type]


def _script(rng: random.Random) -> list[Event]:
    events: list[Event] = []
    for i in range(APPS):
        day0 = START + timedelta(days=rng.randrange(60), hours=rng.randrange(10))
        interview = day0 + timedelta(days=rng.randrange(2, 8), hours=2)
        behaviour = rng.choice(["silent", "reply", "dated", "ooo", "reject", "offer", "ats"])
        ats = behaviour == "ats"
        events.append(_mail(i, 0, day0, Kind.INTERVIEW_INVITE, interview_at=interview, ats=ats))
        later = interview + timedelta(days=rng.randrange(2, 20))
        match behaviour:
            case "reply":
                events.append(_mail(i, 1, later, Kind.EMPLOYER_REPLY))
            case "dated":
                named = (later + timedelta(days=10)).date()
                events.append(_mail(i, 1, later, Kind.EMPLOYER_REPLY, respond_by=named))
            case "ooo":
                back = date.fromordinal(later.toordinal() + 5)
                events.append(_mail(i, 1, later, Kind.AUTO_REPLY, back_on=back))
            case "reject":
                events.append(_mail(i, 1, later, Kind.REJECTION))
            case "offer":
                events.append(_mail(i, 1, later, Kind.OFFER))
    return events


def main() -> None:
    rng = random.Random(5)
    policy, profile = Policy(), UserProfile("me@gmail.com", "Me")
    pending_mail = sorted(_script(rng), key=lambda e: e.at)
    apps = ApplicationBook()
    drafts = events_handled = sent = 0
    user_sends: list[tuple[datetime, CreateDraft]] = []
    started = time.perf_counter()
    for hour in range(DAYS * 24):
        now = START + timedelta(hours=hour)
        batch: list[Event] = []
        while pending_mail and pending_mail[0].at <= now:
            batch.append(pending_mail.pop(0))
        for when, draft in [u for u in user_sends if u[0] <= now]:
            user_sends.remove((when, draft))
            app = apps[draft.application_id]
            if app.pending is None or app.pending.intent_key != draft.intent_key:
                continue
            sent += 1
            batch.append(
                _mail(0, 0, when, Kind.OTHER, message_id=f"u-{draft.intent_key}",
                      thread_id=draft.thread_id or "none", from_user=True, sender="me@gmail.com")
            )  # fmt: skip
        batch.append(ClockTick(now))
        for event in batch:
            out = handle(apps, event, policy, profile, now)
            apps.update(out.applications)
            events_handled += 1
            for e in out.effects:
                if isinstance(e, CreateDraft):
                    drafts += 1
                    user_sends.append((now + timedelta(days=1), e))
    elapsed = time.perf_counter() - started
    states: dict[str, int] = {}
    for app in apps.values():
        states[app.state.value] = states.get(app.state.value, 0) + 1
    print(f"applications        {len(apps)}")
    print(f"simulated days      {DAYS} (hourly ticks)")
    print(f"events handled      {events_handled}")
    print(f"drafts created      {drafts} (user sent {sent})")
    print(f"final states        {dict(sorted(states.items()))}")
    print(f"closed              {sum(a.state is State.CLOSED for a in apps.values())}")
    print(f"wall time           {elapsed:.2f} s ({events_handled / elapsed:,.0f} events/s)")


if __name__ == "__main__":
    main()
