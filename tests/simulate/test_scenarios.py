"""Every scenario file, played through the full stack: emulator, Gmail adapter, service, core."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from followup.simulate.loader import load_scenario, parse_scenario
from followup.simulate.runner import SimulationError, run_scenario
from followup.simulate.scenario import DraftExpectation

SCENARIOS = sorted((Path(__file__).parents[2] / "scenarios").glob("*.toml"))


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_scenario_passes(path: Path) -> None:
    result = run_scenario(load_scenario(path))
    failures = [f"{c.label}: {c.description}: {c.detail}" for c in result.checks if not c.passed]
    assert not failures, "\n".join(failures)
    assert result.user_sends == result.sends_in_log  # followup itself never sent


def test_a_wrong_expected_day_fails_and_says_what_was_seen() -> None:
    scenario = load_scenario(SCENARIOS[0].parent / "silent-employer-check-in-after-seven-days.toml")
    wrong = dataclasses.replace(scenario.expect.drafts[1], day=10)
    expect = dataclasses.replace(scenario.expect, drafts=(scenario.expect.drafts[0], wrong))
    result = run_scenario(dataclasses.replace(scenario, expect=expect))
    (failed,) = [c for c in result.checks if not c.passed]
    assert failed.label == "expect.drafts[1]"
    assert "check_in_1 draft in thread 'invite' on day 11" in failed.detail


def test_a_draft_that_should_not_exist_fails_the_run() -> None:
    scenario = load_scenario(SCENARIOS[0].parent / "silent-employer-check-in-after-seven-days.toml")
    forbid = DraftExpectation(index=0, thread="invite", kind=None, absent=True)
    expect = dataclasses.replace(scenario.expect, drafts=(), no_drafts=(forbid,))
    result = run_scenario(dataclasses.replace(scenario, expect=expect))
    failed = {c.label for c in result.checks if not c.passed}
    assert failed == {"expect.no_drafts[0]", "expect.only_listed_drafts"}


def test_sending_a_draft_that_does_not_exist_yet_is_a_clear_error() -> None:
    scenario = parse_scenario(
        {
            "scenario": {"name": "early", "description": "d", "seed": "001"},
            "user": {"email": "sam@example.net", "name": "Sam Rivera"},
            "clock": {"start": "2026-03-02 08:00", "days": 3},
            "contacts": {"dana": {"email": "dana@acme.example", "company": "Acme"}},
            "events": [
                {
                    "id": "invite",
                    "type": "invite",
                    "day": 0,
                    "time": "10:00",
                    "from": "dana",
                    "role": "Analyst",
                    "interview_day": 1,
                    "interview_time": "10:00",
                },
                {"type": "send_draft", "day": 1, "time": "11:30", "thread": "invite"},
            ],
        }
    )
    with pytest.raises(SimulationError, match=r"events\[1\] \(send_draft\) at 2026-03-03 11:30"):
        run_scenario(scenario)
