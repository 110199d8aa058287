"""Load the simulator can put on the stack that the scenario files do not."""

from __future__ import annotations

from typing import Any

from followup.simulate.loader import parse_scenario
from followup.simulate.runner import run_scenario

MESSAGES = 510  # more than one page of history.list (the adapter asks for 500 a page)
SYLLABLES = ("bri", "kes", "ver", "cor", "lum", "ta", "ma", "ok", "pi", "ro")


def name(i: int) -> str:
    """A distinct company name per number (digits would make them one company to the reader)."""
    return "".join(SYLLABLES[int(d)] for d in f"{i:03d}")


def busy_morning() -> dict[str, Any]:
    contacts = {
        f"c{i}": {"email": f"no-reply@{name(i)}.example", "company": name(i).title(), "ats": True}
        for i in range(MESSAGES)
    }
    events = [
        {"type": "ack", "day": 0, "time": "10:00", "from": f"c{i}", "role": "Analyst"}
        for i in range(MESSAGES)
    ]
    return {
        "scenario": {"name": "busy-morning", "description": "d", "seed": "none"},
        "user": {"email": "sam@example.net", "name": "Sam Rivera"},
        "clock": {"start": "2026-03-02 08:00", "days": 1, "poll_every_hours": 12},
        "contacts": contacts,
        "events": events,
    }


def test_a_poll_reads_more_than_one_page_of_history() -> None:
    result = run_scenario(parse_scenario(busy_morning()))
    assert len(result.applications) == MESSAGES
