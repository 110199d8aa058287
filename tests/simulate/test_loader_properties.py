"""Whatever a scenario file holds, the loader answers with a Scenario or a ScenarioError."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from followup.simulate.loader import ScenarioError, parse_scenario

KEYS = st.sampled_from(
    [
        "type",
        "day",
        "time",
        "at",
        "id",
        "from",
        "to",
        "thread",
        "role",
        "interview_day",
        "interview_time",
        "minutes",
        "calendar",
        "respond_by",
        "respond_by_day",
        "back_on_day",
        "bounced",
        "kind",
        "state",
        "flags",
        "remains",
        "email",
        "start",
        "days",
        "x",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 500),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["invite", "reply", "dana", "invite", "10:00", "2026-03-05", "thank_you"]),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    st.times().map(lambda t: time(t.hour, t.minute)),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(KEYS, inner, max_size=4)),
    max_leaves=8,
)


def minimal(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "scenario": {"name": "t", "description": "d", "seed": "001"},
        "user": {"email": "sam@example.net", "name": "Sam Rivera"},
        "clock": {"start": "2026-03-02 08:00", "days": 10},
        "contacts": {"dana": {"email": "dana@acme.example", "company": "Acme"}},
        "events": [
            {
                "id": "invite",
                "type": "invite",
                "day": 0,
                "from": "dana",
                "role": "Analyst",
                "interview_day": 2,
            }
        ],
    }
    data.update(overrides)
    return data


def problems(data: dict[str, Any]) -> list[str] | None:
    """None when the data loads; the listed problems when it is refused."""
    try:
        parse_scenario(data)
    except ScenarioError as exc:
        return exc.problems
    return None


@settings(max_examples=150, deadline=None)
@given(
    section=st.sampled_from(
        ["scenario", "user", "clock", "contacts", "events", "expect", "policy"]
    ),
    value=VALUES,
)
def test_any_value_in_any_section_is_loaded_or_refused_with_a_scenario_error(
    section: str, value: Any
) -> None:
    data = minimal()
    data[section] = value
    found = problems(data)  # anything but a ScenarioError escapes and fails the test
    assert found is None or (found and all(": " in problem for problem in found))


@settings(max_examples=150, deadline=None)
@given(event=st.dictionaries(KEYS, SCALARS, max_size=8))
def test_any_event_table_is_loaded_or_refused_with_a_scenario_error(event: dict[str, Any]) -> None:
    found = problems(minimal(events=[*minimal()["events"], event]))
    assert found is None or (found and all(": " in problem for problem in found))
