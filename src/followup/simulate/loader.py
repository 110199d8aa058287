"""Read a scenario file (TOML) into a ``Scenario``, or say precisely what is wrong with it.

Scenarios are written by people who have not read this code, so every problem is reported
with its place in the file (``events[3].from``), what was found, and what would be
accepted; all problems are collected before raising, so one run shows them all.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup.errors import ConfigError
from followup.simulate.fields import Problems, Table, array_at, suggest, table_at
from followup.simulate.scenario import (
    CLI_ACTIONS,
    DRAFT_KINDS,
    ApplicationExpectation,
    AppState,
    Clock,
    Contact,
    DraftExpectation,
    Event,
    EventType,
    Expectations,
    Scenario,
    User,
    is_draft_kind,
)

DEFAULT_POLL_EVERY_HOURS = 6.0  # a watcher polls every 5 minutes; 6 h keeps runs fast and
# day-level expectations do not depend on it (docs/simulate.md, "How a run goes").
DEFAULT_EVENT_TIME = time(9, 0)
DEFAULT_INTERVIEW_MINUTES = 60  # issue 5: "default length 1 hour"
MAX_DAYS = 400

CLOSED_REASONS = ("rejection", "offer", "let_go", "user")  # the core's CloseReason

# Which keys each event type takes beyond the common ones, and which of those it needs.
COMMON_EVENT_KEYS = frozenset({"type", "day", "time", "at", "id"})
EVENT_KEYS: dict[EventType, tuple[frozenset[str], frozenset[str]]] = {
    EventType.INVITE: (
        frozenset(
            {
                "from",
                "thread",
                "role",
                "subject",
                "body",
                "interview_day",
                "interview_time",
                "interview_at",
                "minutes",
                "calendar",
            }
        ),
        frozenset({"from", "role"}),
    ),
    EventType.SCHEDULING: (frozenset({"from", "thread", "subject", "body"}), frozenset({"from"})),
    EventType.REPLY: (
        frozenset(
            {"from", "thread", "subject", "body", "respond_by", "respond_by_day", "respond_by_text"}
        ),
        frozenset({"from"}),
    ),
    EventType.OUT_OF_OFFICE: (
        frozenset({"from", "thread", "subject", "back_on", "back_on_day"}),
        frozenset({"from"}),
    ),
    EventType.REJECTION: (
        frozenset({"from", "thread", "role", "subject", "body"}),
        frozenset({"from"}),
    ),
    EventType.OFFER: (
        frozenset({"from", "thread", "role", "subject", "body"}),
        frozenset({"from"}),
    ),
    EventType.BOUNCE: (frozenset({"thread", "bounced"}), frozenset({"thread", "bounced"})),
    EventType.ACK: (frozenset({"from", "role", "subject"}), frozenset({"from", "role"})),
    EventType.USER_MAIL: (
        frozenset({"to", "thread", "role", "subject", "body"}),
        frozenset({"to"}),
    ),
    EventType.SEND_DRAFT: (frozenset({"thread"}), frozenset({"thread"})),
    EventType.DELETE_DRAFT: (frozenset({"thread"}), frozenset({"thread"})),
    EventType.EDIT_DRAFT: (frozenset({"thread", "body"}), frozenset({"thread"})),
    **{t: (frozenset({"thread"}), frozenset({"thread"})) for t in CLI_ACTIONS},
}


class ScenarioError(ConfigError):
    """Raised when a scenario file cannot be read or breaks the documented format."""

    hint = "See docs/simulate.md for every key, its unit and its default."

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        listing = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{path}: {len(problems)} problem(s)\n{listing}")


TOP_KEYS = frozenset({"scenario", "user", "clock", "policy", "contacts", "events", "expect"})


def load_scenario(path: str | Path) -> Scenario:
    """Read and check one scenario file; raise ``ScenarioError`` listing every problem."""
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ScenarioError(str(path), [f"cannot read the file: {exc.strerror}"]) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(str(path), [f"not valid TOML: {exc}"]) from exc
    return parse_scenario(raw, source=str(path))


def parse_scenario(raw: Mapping[str, Any], *, source: str = "<scenario>") -> Scenario:
    """Build a ``Scenario`` from already-parsed TOML data (what ``load_scenario`` reads)."""
    problems = Problems()
    for key in raw:
        if key not in TOP_KEYS:
            problems.add(key, f"unknown top-level key{suggest(key, TOP_KEYS)}")

    meta = Table(
        table_at(raw, "scenario", problems, required=True),
        "[scenario]",
        problems,
        frozenset({"name", "description", "seed"}),
    )
    name = meta.text("name", required=True) or "?"
    description = meta.text("description", required=True) or ""
    seed = meta.text("seed", required=True) or ""

    user = _read_user(table_at(raw, "user", problems, required=True), problems)
    clock = _read_clock(table_at(raw, "clock", problems, required=True), user.zone, problems)
    policy = table_at(raw, "policy", problems, required=False)
    _check_policy(policy, user, problems)
    contacts = _read_contacts(table_at(raw, "contacts", problems, required=True), problems)
    events = _read_events(
        array_at(raw, "events", "[[events]]", problems), clock, user, contacts, problems
    )
    expect = _read_expect(
        table_at(raw, "expect", problems, required=False), clock, contacts, events, problems
    )

    if problems.items:
        raise ScenarioError(source, problems.items)
    return Scenario(
        name=name,
        description=description,
        seed=seed,
        user=user,
        clock=clock,
        contacts=contacts,
        events=events,
        expect=expect,
        policy=dict(policy),
        source=source,
    )


def _check_policy(policy: dict[str, Any], user: User, problems: Problems) -> None:
    """The [policy] table must be one the user's config file would accept."""
    from followup.core.policy import Policy, PolicyError

    table: dict[str, Any] = {"timezone": user.timezone, **policy}
    try:
        Policy.from_mapping(table)
    except PolicyError as exc:
        problems.add("[policy]", str(exc).removeprefix("[policy] "))


def _read_user(data: dict[str, Any], problems: Problems) -> User:
    table = Table(data, "[user]", problems, frozenset({"email", "name", "timezone", "days_off"}))
    email = table.text("email", required=True) or "user@example.net"
    if "@" not in email:
        problems.add("[user].email", f"expected an email address, got {email!r}")
    name = table.text("name", required=True) or ""
    tz_name = table.text("timezone", default="UTC") or "UTC"
    try:
        ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        problems.add("[user].timezone", f'unknown IANA timezone {tz_name!r} (e.g. "Europe/London")')
        tz_name = "UTC"
    days_off: list[date] = []
    raw_days = data.get("days_off", [])
    if not isinstance(raw_days, list):
        problems.add("[user].days_off", f"expected a list of dates, got {raw_days!r}")
        raw_days = []
    for i, item in enumerate(raw_days):
        sub = Table({"day": item}, f"[user].days_off[{i}]", problems, frozenset({"day"}))
        parsed = sub.a_date("day")
        if parsed is not None:
            days_off.append(parsed)
    return User(email=email, name=name, timezone=tz_name, days_off=tuple(days_off))


def _read_clock(data: dict[str, Any], zone: ZoneInfo, problems: Problems) -> Clock:
    table = Table(data, "[clock]", problems, frozenset({"start", "days", "poll_every_hours"}))
    start = table.moment("start", zone)
    if start is None and not table.has("start"):
        problems.add("[clock].start", "missing (required)")
    days = table.whole("days", low=1, high=MAX_DAYS)
    if days is None and not table.has("days"):
        problems.add("[clock].days", "missing (required)")
    hours = table.number("poll_every_hours", default=DEFAULT_POLL_EVERY_HOURS, low=0, high=24)
    return Clock(
        start=start or datetime(2026, 1, 5, 9, 0, tzinfo=zone),
        days=days or 1,
        poll_every=timedelta(hours=hours),
    )


def _read_contacts(data: dict[str, Any], problems: Problems) -> dict[str, Contact]:
    contacts: dict[str, Contact] = {}
    if not data:
        problems.add("[contacts]", "at least one contact is needed (who sends the mail?)")
    allowed = frozenset({"email", "company", "name", "ats", "recruiter"})
    for key, value in data.items():
        where = f"[contacts.{key}]"
        if not isinstance(value, dict):
            problems.add(
                where, f"expected a table like {{ email = ..., company = ... }}, got {value!r}"
            )
            continue
        table = Table(value, where, problems, allowed)
        email = table.text("email", required=True) or f"{key}@example.com"
        if "@" not in email:
            problems.add(f"{where}.email", f"expected an email address, got {email!r}")
        contacts[key] = Contact(
            key=key,
            email=email,
            company=table.text("company", required=True) or key,
            name=table.text("name", default="") or "",
            ats=table.flag("ats", default=False),
            recruiter=table.flag("recruiter", default=False),
        )
    return contacts


def _event_time(table: Table, clock: Clock, zone: ZoneInfo, *, prefix: str = "") -> datetime | None:
    """``<prefix>day`` + ``<prefix>time``, or ``<prefix>at``; exactly one form."""
    day_key, time_key, at_key = f"{prefix}day", f"{prefix}time", f"{prefix}at"
    if table.has(at_key):
        if table.has(day_key) or table.has(time_key):
            table.problems.add(
                f"{table.where}.{at_key}",
                f"give either '{at_key}' or '{day_key}' (+ '{time_key}'), not both",
            )
        return table.moment(at_key, zone)
    if not table.has(day_key):
        table.problems.add(
            f"{table.where}", f"missing '{day_key}' (days after [clock].start) or '{at_key}'"
        )
        return None
    day = table.whole(day_key, low=0, high=MAX_DAYS)
    clock_time = table.a_time(time_key) or DEFAULT_EVENT_TIME
    if day is None:
        return None
    local = datetime.combine(clock.date_of_day(day), clock_time)
    return local.replace(tzinfo=zone)


def _day_or_date(table: Table, key: str, clock: Clock) -> date | None:
    """``<key>_day`` (offset from the start date) or ``<key>`` (a date)."""
    if table.has(f"{key}_day"):
        if table.has(key):
            table.problems.add(
                f"{table.where}.{key}", f"give either '{key}' or '{key}_day', not both"
            )
        day = table.whole(f"{key}_day", low=0, high=MAX_DAYS + 60)
        return None if day is None else clock.date_of_day(day)
    return table.a_date(key)


def _read_events(
    items: list[dict[str, Any]],
    clock: Clock,
    user: User,
    contacts: dict[str, Contact],
    problems: Problems,
) -> tuple[Event, ...]:
    events: list[Event] = []
    seen_ids: dict[str, Event] = {}
    zone = user.zone
    types = [t.value for t in EventType]
    for index, data in enumerate(items):
        where = f"events[{index}]"
        type_name = data.get("type")
        if not isinstance(type_name, str) or type_name not in types:
            got = "missing" if type_name is None else f"{type_name!r}"
            hint = suggest(type_name, types) if isinstance(type_name, str) else ""
            problems.add(f"{where}.type", f"{got}{hint}; one of: {', '.join(types)}")
            continue
        etype = EventType(type_name)
        allowed, required = EVENT_KEYS[etype]
        where = f"{where} ({etype.value})"
        table = Table(data, where, problems, COMMON_EVENT_KEYS | allowed)
        if etype is EventType.INVITE and "thread" in data:
            required = required - {"role"}  # a later round keeps the thread's role
        if etype in {EventType.REJECTION, EventType.OFFER} and "thread" not in data:
            required = required | {"role"}  # else the mail says "Your application for "
        for key in sorted(required):
            if key not in data:
                problems.add(f"{where}.{key}", f"missing (required for {etype.value})")
        if "thread" in data and "subject" in data:
            # Gmail joins a message to a thread only when its subject matches the thread's.
            problems.add(
                f"{where}.subject",
                "not with 'thread': a mail in a thread keeps its subject ('Re: <thread subject>'),"
                " and Gmail would start a new thread for another one; drop 'subject', or drop"
                " 'thread' to start a new thread",
            )
        at = _event_time(table, clock, zone)
        if at is not None and not clock.start <= at < clock.end:
            problems.add(
                where,
                f"happens at {at:%Y-%m-%d %H:%M}, outside the simulated time "
                f"{clock.start:%Y-%m-%d %H:%M} .. {clock.end:%Y-%m-%d %H:%M}",
            )
        event_id = table.text("id")
        if event_id is not None and event_id in seen_ids:
            problems.add(
                f"{where}.id", f"'{event_id}' is already the id of {seen_ids[event_id].label}"
            )
        sender = _contact_ref(table, "from", contacts)
        to = _contact_ref(table, "to", contacts)
        bounced = _contact_ref(table, "bounced", contacts)
        thread = table.text("thread")
        if thread is not None:
            target = seen_ids.get(thread)
            if target is None:
                known = list(seen_ids)
                problems.add(
                    f"{where}.thread",
                    f"'{thread}' is not the id of an earlier event{suggest(thread, known)}"
                    + (
                        f"; earlier ids: {', '.join(known)}"
                        if known
                        else "; no earlier event has an id"
                    ),
                )
            elif at is not None and target.at > at:
                problems.add(f"{where}.thread", f"'{thread}' happens later than this event")
        interview_at: datetime | None = None
        if etype is EventType.INVITE:
            interview_at = _event_time(table, clock, zone, prefix="interview_")
            if interview_at is not None and at is not None and interview_at <= at:
                problems.add(f"{where}.interview_day", "the interview must be after the invitation")
        minutes = table.whole("minutes", default=DEFAULT_INTERVIEW_MINUTES, low=5, high=600)
        if (
            sender is not None
            and etype is not EventType.ACK
            and contacts[sender].ats
            and etype
            in {
                EventType.REPLY,
                EventType.OUT_OF_OFFICE,
            }
        ):
            problems.add(
                f"{where}.from",
                f"'{sender}' is an ATS no-reply sender; {etype.value} comes from a person",
            )
        event = Event(
            index=index,
            type=etype,
            at=at or clock.start,
            id=event_id,
            sender=sender,
            to=to,
            thread=thread,
            role=table.text("role"),
            subject=table.text("subject"),
            body=table.text("body"),
            interview_at=interview_at,
            interview_minutes=minutes or DEFAULT_INTERVIEW_MINUTES,
            calendar=table.flag("calendar", default=True),
            respond_by=_day_or_date(table, "respond_by", clock),
            respond_by_text=table.text("respond_by_text"),
            back_on=_day_or_date(table, "back_on", clock),
            bounced=bounced,
        )
        if event.respond_by_text is not None and event.respond_by is None:
            problems.add(
                f"{where}.respond_by_text",
                "also give the date it means, as 'respond_by' or 'respond_by_day'",
            )
        if event_id is not None and event_id not in seen_ids:
            seen_ids[event_id] = event
        events.append(event)
    events.sort(key=lambda e: (e.at, e.index))
    return tuple(events)


def _contact_ref(table: Table, key: str, contacts: dict[str, Contact]) -> str | None:
    ref = table.text(key)
    if ref is not None and ref not in contacts:
        table.problems.add(
            f"{table.where}.{key}",
            f"'{ref}' is not a key of [contacts]{suggest(ref, list(contacts))}; "
            f"known: {', '.join(sorted(contacts)) or 'none'}",
        )
        return None
    return ref


def _read_expect(
    data: dict[str, Any],
    clock: Clock,
    contacts: dict[str, Contact],
    events: tuple[Event, ...],
    problems: Problems,
) -> Expectations:
    top = Table(
        data,
        "[expect]",
        problems,
        frozenset({"drafts", "no_drafts", "applications", "only_listed_drafts"}),
    )
    ids = [e.id for e in events if e.id]
    kinds = [*DRAFT_KINDS, "check_in_3"]
    states = [s.value for s in AppState]

    def thread_ref(table: Table) -> str:
        ref = table.text("thread", required=True) or ""
        if ref and ref not in ids:
            problems.add(f"{table.where}.thread", f"'{ref}' is not an event id{suggest(ref, ids)}")
        return ref

    def kind_ref(table: Table, *, required: bool) -> str | None:
        kind = table.text("kind", required=required)
        if kind is None:
            return None
        if not is_draft_kind(kind):
            problems.add(
                f"{table.where}.kind",
                f"{kind!r}{suggest(kind, kinds)}; one of: {', '.join(DRAFT_KINDS)} "
                "(check_in_3 and on with a higher max_check_ins)",
            )
            return None
        return kind

    drafts: list[DraftExpectation] = []
    for i, item in enumerate(array_at(data, "drafts", "[[expect.drafts]]", problems)):
        table = Table(
            item,
            f"expect.drafts[{i}]",
            problems,
            frozenset({"thread", "kind", "day", "to", "remains"}),
        )
        to = _contact_ref(table, "to", contacts)
        drafts.append(
            DraftExpectation(
                index=i,
                thread=thread_ref(table),
                kind=kind_ref(table, required=True),
                day=table.whole("day", low=0, high=clock.days),
                to=to,
                remains=table.flag("remains", default=False) if table.has("remains") else None,
            )
        )
    no_drafts: list[DraftExpectation] = []
    for i, item in enumerate(array_at(data, "no_drafts", "[[expect.no_drafts]]", problems)):
        table = Table(item, f"expect.no_drafts[{i}]", problems, frozenset({"thread", "kind"}))
        no_drafts.append(
            DraftExpectation(
                index=i, thread=thread_ref(table), kind=kind_ref(table, required=False), absent=True
            )
        )
    apps: list[ApplicationExpectation] = []
    allowed_app = frozenset({"thread", "state", "closed_because", "flags", "flagged"})
    for i, item in enumerate(array_at(data, "applications", "[[expect.applications]]", problems)):
        table = Table(item, f"expect.applications[{i}]", problems, allowed_app)
        state_name = table.text("state")
        state: AppState | None = None
        if state_name is not None:
            if state_name in states:
                state = AppState(state_name)
            else:
                problems.add(
                    f"{table.where}.state",
                    f"{state_name!r}{suggest(state_name, states)}; one of: {', '.join(states)}",
                )
        because = table.text("closed_because")
        if because is not None and because not in CLOSED_REASONS:
            problems.add(
                f"{table.where}.closed_because", f"{because!r}; one of: {', '.join(CLOSED_REASONS)}"
            )
        if because is not None and state not in (None, AppState.CLOSED):
            problems.add(f"{table.where}.closed_because", 'only applies with state = "closed"')
        flags = item.get("flags", [])
        if not isinstance(flags, list) or not all(isinstance(f, str) for f in flags):
            problems.add(f"{table.where}.flags", f"expected a list of strings, got {flags!r}")
            flags = []
        apps.append(
            ApplicationExpectation(
                index=i,
                thread=thread_ref(table),
                state=state,
                closed_because=because,
                flags=tuple(flags),
                flagged=table.flag("flagged", default=False) if table.has("flagged") else None,
            )
        )
    return Expectations(
        drafts=tuple(drafts),
        no_drafts=tuple(no_drafts),
        applications=tuple(apps),
        only_listed_drafts=top.flag("only_listed_drafts", default=True),
    )
