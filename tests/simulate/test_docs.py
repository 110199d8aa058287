"""docs/simulate.md is the contract for scenario authors: check it against the code."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from followup.simulate.loader import COMMON_EVENT_KEYS, EVENT_KEYS, parse_scenario
from followup.simulate.runner import run_scenario
from followup.simulate.scenario import DRAFT_KINDS, AppState, EventType

DOC = (Path(__file__).parents[2] / "docs" / "simulate.md").read_text(encoding="utf-8")


def test_the_annotated_example_is_a_scenario_that_passes() -> None:
    section = DOC.split("## Annotated example", 1)[1]
    block = re.search(r"```toml\n(.*?)```", section, re.DOTALL)
    assert block is not None
    result = run_scenario(parse_scenario(tomllib.loads(block.group(1))))
    assert [c.label for c in result.checks if not c.passed] == []


@pytest.mark.parametrize("event_type", [t.value for t in EventType])
def test_every_event_type_and_its_keys_are_documented(event_type: str) -> None:
    row = next(
        line
        for line in DOC.splitlines()
        if line.startswith("| `") and f"`{event_type}`" in line.split("|")[1]
    )
    allowed, _required = EVENT_KEYS[EventType(event_type)]
    for key in sorted(allowed - COMMON_EVENT_KEYS - {"thread", "id"}):
        if key.endswith("_day") or key in {"interview_time", "interview_at"}:
            assert f"`{key}`" in DOC
        else:
            assert f"`{key}`" in row, f"{event_type}: key {key} missing from its table row"


def test_every_draft_kind_and_state_is_documented() -> None:
    for kind in DRAFT_KINDS:
        assert f"`{kind}`" in DOC
    for state in AppState:
        assert f"`{state.value}`" in DOC
