"""The scenario loader: the documented format is accepted, and mistakes are named precisely."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from followup.simulate.loader import ScenarioError, load_scenario, parse_scenario
from followup.simulate.scenario import EventType

SCENARIOS = sorted((Path(__file__).parents[2] / "scenarios").glob("*.toml"))


def minimal(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "scenario": {"name": "t", "description": "d", "seed": "001"},
        "user": {"email": "sam@example.net", "name": "Sam Rivera", "timezone": "America/New_York"},
        "clock": {"start": "2026-03-02 08:00", "days": 10},
        "contacts": {"dana": {"email": "dana@acme.example", "company": "Acme"}},
        "events": [
            {
                "id": "invite",
                "type": "invite",
                "day": 0,
                "time": "10:00",
                "from": "dana",
                "role": "Analyst",
                "interview_day": 2,
                "interview_time": "15:30",
            }
        ],
        "expect": {"drafts": [{"thread": "invite", "kind": "thank_you", "day": 2}]},
    }
    data.update(overrides)
    return data


def problems_of(data: dict[str, Any]) -> list[str]:
    with pytest.raises(ScenarioError) as info:
        parse_scenario(data)
    return info.value.problems


def test_at_least_fifteen_scenarios_ship() -> None:
    assert len(SCENARIOS) >= 15


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_every_shipped_scenario_loads_and_is_named_for_its_file(path: Path) -> None:
    scenario = load_scenario(path)
    assert scenario.name == path.stem
    assert scenario.seed


def test_day_and_time_are_wall_time_in_the_users_timezone() -> None:
    scenario = parse_scenario(minimal())
    invite = scenario.events[0]
    zone = ZoneInfo("America/New_York")
    assert invite.at == datetime(2026, 3, 2, 10, 0, tzinfo=zone)
    assert invite.interview_at == datetime(2026, 3, 4, 15, 30, tzinfo=zone)
    assert invite.interview_minutes == 60
    assert scenario.clock.poll_every == timedelta(hours=6)


def test_absolute_time_with_offset_is_converted_to_the_users_timezone() -> None:
    event = dict(minimal()["events"][0])
    del event["day"], event["time"]
    event["at"] = "2026-03-02T15:00:00+00:00"
    scenario = parse_scenario(minimal(events=[event]))
    assert scenario.events[0].at.hour == 10  # 15:00 UTC is 10:00 in New York in March


def test_unknown_key_is_reported_with_its_place_and_a_suggestion() -> None:
    event = dict(minimal()["events"][0], form="dana")
    (problem,) = problems_of(minimal(events=[event]))
    assert problem.startswith("events[0] (invite).form: unknown key (did you mean 'from'?)")


def test_unknown_event_type_lists_the_accepted_types() -> None:
    event = dict(minimal()["events"][0], type="invitation")
    problems = problems_of(minimal(events=[event]))
    assert any("events[0].type: 'invitation' (did you mean 'invite'?)" in p for p in problems)
    assert any("out_of_office" in p for p in problems)


def test_thread_must_name_an_earlier_event() -> None:
    reply = {"type": "reply", "day": 1, "from": "dana", "thread": "invitee"}
    problems = problems_of(minimal(events=[*minimal()["events"], reply]))
    assert problems == [
        "events[1] (reply).thread: 'invitee' is not the id of an earlier event "
        "(did you mean 'invite'?); earlier ids: invite"
    ]


def test_contact_reference_must_be_a_known_contact() -> None:
    event = dict(minimal()["events"][0], **{"from": "dan"})
    (problem,) = problems_of(minimal(events=[event]))
    assert "'dan' is not a key of [contacts] (did you mean 'dana'?)" in problem


def test_event_outside_the_simulated_time_is_refused() -> None:
    event = dict(minimal()["events"][0], day=10, interview_day=11)
    problems = problems_of(minimal(events=[event]))
    assert any("outside the simulated time" in p for p in problems)


def test_interview_before_the_invitation_is_refused() -> None:
    event = dict(minimal()["events"][0], interview_day=0, interview_time="09:00")
    (problem,) = problems_of(minimal(events=[event]))
    assert "the interview must be after the invitation" in problem


def test_every_problem_is_reported_in_one_error() -> None:
    data = minimal(
        user={"email": "sam", "name": "Sam", "timezone": "Mars/Olympus"},
        clock={"start": "yesterday", "days": 0},
    )
    problems = problems_of(data)
    assert any(p.startswith("[user].email") for p in problems)
    assert any(p.startswith("[user].timezone: unknown IANA timezone") for p in problems)
    assert any(p.startswith("[clock].start: expected a date and time") for p in problems)
    assert any(p.startswith("[clock].days: expected a whole number from 1") for p in problems)


def test_missing_required_field_names_the_event_type() -> None:
    event = {"type": "ack", "day": 0, "from": "dana"}
    (problem,) = problems_of(minimal(events=[event], expect={}))
    assert problem == "events[0] (ack).role: missing (required for ack)"


def test_expected_draft_kind_must_be_known() -> None:
    expect = {"drafts": [{"thread": "invite", "kind": "thanks", "day": 2}]}
    (problem,) = problems_of(minimal(expect=expect))
    assert problem.startswith("expect.drafts[0].kind: 'thanks'")
    assert "thank_you" in problem


def test_closed_because_only_applies_to_a_closed_application() -> None:
    expect = {"applications": [{"thread": "invite", "state": "paused", "closed_because": "offer"}]}
    (problem,) = problems_of(minimal(expect=expect))
    assert problem == 'expect.applications[0].closed_because: only applies with state = "closed"'


def test_respond_by_day_resolves_to_a_date_and_events_are_sorted_by_time() -> None:
    reply = {"type": "reply", "day": 1, "time": "08:00", "from": "dana", "respond_by_day": 8}
    early = {"type": "ack", "day": 0, "time": "09:00", "from": "dana", "role": "Analyst"}
    scenario = parse_scenario(minimal(events=[*minimal()["events"], reply, early]))
    assert [e.type for e in scenario.events] == [EventType.ACK, EventType.INVITE, EventType.REPLY]
    assert str(scenario.events[2].respond_by) == "2026-03-10"
    assert scenario.expect.drafts[0].kind == "thank_you"


def test_invalid_toml_is_reported_with_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("[scenario\nname = 1\n")
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert str(path) in str(info.value)
    assert "not valid TOML" in str(info.value)


def test_policy_overrides_are_checked_like_the_config_file() -> None:
    problems = problems_of(minimal(policy={"max_checkins": 3}))
    assert len(problems) == 1
    assert problems[0].startswith("[policy]: unknown key 'max_checkins'")


def test_a_subject_in_a_thread_is_refused_because_gmail_would_start_a_new_thread() -> None:
    reply = {"type": "reply", "day": 1, "from": "dana", "thread": "invite", "subject": "Update"}
    data = minimal()
    data["events"].append(reply)
    [problem] = problems_of(data)
    assert problem.startswith("events[1] (reply).subject: not with 'thread'")
    assert "drop 'subject'" in problem


@pytest.mark.parametrize("kind", ["rejection", "offer"])
def test_a_rejection_or_offer_outside_a_thread_must_name_the_role(kind: str) -> None:
    data = minimal()
    data["events"].append({"type": kind, "day": 3, "from": "dana"})
    assert problems_of(data) == [f"events[1] ({kind}).role: missing (required for {kind})"]
    data["events"][1]["thread"] = "invite"
    assert parse_scenario(data).events[1].type.value == kind
