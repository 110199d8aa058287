"""Random populations of applications, each employer with one behaviour, as a Scenario.

A population is an ordinary scenario with no expectations, so it runs through the same
runner; only the simulated user differs: instead of scripted draft actions, they send each
draft of ours some hours after it appears (``USER_SEND_DELAY``), as a diligent job seeker
would. The same seed always gives the same population.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from followup.simulate.scenario import (
    Clock,
    Contact,
    Event,
    EventType,
    Expectations,
    Scenario,
    User,
)

BEHAVIOURS = ("silent", "replies", "out_of_office", "rejects", "offers", "ats_only")
USER_SEND_DELAY = timedelta(hours=20)
START = datetime(2026, 3, 2, 8, 0)  # a Monday
ZONE = "Europe/London"

_FIRST = ("Dana", "Omar", "Lena", "Hana", "Gareth", "Priya", "Tom", "Ines", "Kofi", "Mara")
_LAST = ("Whitfield", "Haddad", "Marsh", "Ito", "Munro", "Nair", "Reyes", "Costa", "Mensah")
# Company names are made of syllables so that a thousand of them stay distinct and readable
# (names like "Brightloom 12" would read as one company to the classifier).
_SYLLABLES = (
    "bri",
    "kes",
    "ver",
    "cor",
    "lum",
    "ta",
    "ma",
    "ok",
    "pi",
    "ro",
    "sel",
    "dun",
    "ha",
    "vo",
    "ne",
    "qua",
    "ri",
    "tal",
    "wen",
    "zo",
    "fen",
    "gar",
    "lo",
    "mi",
)
_SUFFIXES = ("Labs", "Works", "Systems", "Group", "Partners", "Foods", "Energy", "Logistics")
_ROLES = ("Data Analyst", "Product Designer", "Operations Lead", "Backend Engineer", "Planner")


@dataclass(frozen=True, slots=True)
class Population:
    scenario: Scenario
    behaviours: dict[str, str]  # invite event id -> behaviour


def build_population(count: int, days: int, *, seed: int = 0) -> Population:
    """``count`` applications over ``days`` simulated days, invitations in the first half."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible simulation, not a secret
    zone = ZoneInfo(ZONE)
    start = START.replace(tzinfo=zone)
    clock = Clock(start=start, days=days, poll_every=timedelta(hours=6))
    end = clock.end
    contacts: dict[str, Contact] = {}
    events: list[Event] = []
    behaviours: dict[str, str] = {}

    def at(day: int, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(clock.date_of_day(day), time(hour, minute), tzinfo=zone)

    def add(**fields: Any) -> None:
        if fields["at"] < end:
            events.append(Event(index=len(events), **fields))

    last_invite_day = max(0, min(days // 2, days - 10))
    taken: set[str] = set()
    # Balanced: every behaviour in equal share (as far as ``count`` allows), in random order.
    mix = [BEHAVIOURS[i % len(BEHAVIOURS)] for i in range(count)]
    rng.shuffle(mix)
    for i, behaviour in enumerate(mix):
        stem = _unique_stem(rng, taken)
        company = f"{stem.capitalize()} {rng.choice(_SUFFIXES)}"
        domain = f"{stem}.example"
        key = f"c{i}"
        if behaviour == "ats_only":
            contacts[key] = Contact(
                key, f"no-reply@{domain}", company, f"{company} Careers", ats=True
            )
        else:
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            contacts[key] = Contact(
                key, f"{first}.{last}@{domain}".lower(), company, f"{first} {last}"
            )
        role = rng.choice(_ROLES)
        invite_day = rng.randint(0, last_invite_day)
        interview_day = invite_day + rng.randint(2, 7)
        thread = f"a{i}"
        behaviours[thread] = behaviour
        if behaviour == "ats_only":
            add(type=EventType.ACK, at=at(invite_day, 8, 5), sender=key, role=role)
        add(
            type=EventType.INVITE,
            at=at(invite_day, rng.randint(9, 16), rng.choice((0, 15, 30, 45))),
            id=thread,
            sender=key,
            role=role,
            interview_at=at(interview_day, rng.randint(9, 16)),
            calendar=rng.random() < 0.7,
        )
        later = interview_day + rng.randint(2, 12)
        if behaviour == "replies":
            respond_by = clock.date_of_day(later + rng.randint(4, 12))
            add(
                type=EventType.REPLY,
                at=at(later, rng.randint(9, 17)),
                sender=key,
                thread=thread,
                respond_by=respond_by if rng.random() < 0.5 else None,
            )
        elif behaviour == "out_of_office":
            back_on = clock.date_of_day(interview_day + rng.randint(5, 14))
            add(
                type=EventType.OUT_OF_OFFICE,
                at=at(interview_day + 2, 9, 30),
                sender=key,
                thread=thread,
                back_on=back_on if rng.random() < 0.5 else None,
            )
        elif behaviour == "rejects":
            add(type=EventType.REJECTION, at=at(later, 11), sender=key, thread=thread)
        elif behaviour == "offers":
            add(type=EventType.OFFER, at=at(later, 15), sender=key, thread=thread)
    events.sort(key=lambda e: (e.at, e.index))
    scenario = Scenario(
        name=f"population-{count}-{days}d-seed{seed}",
        description=f"{count} random applications over {days} days",
        seed="all",
        user=User(email="sam.rivera@example.net", name="Sam Rivera", timezone=ZONE),
        clock=clock,
        contacts=contacts,
        events=tuple(events),
        expect=Expectations(only_listed_drafts=False),
    )
    return Population(scenario=scenario, behaviours=behaviours)


def _unique_stem(rng: random.Random, taken: set[str]) -> str:
    while True:
        stem = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        if stem not in taken:
            taken.add(stem)
            return stem
