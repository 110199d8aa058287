"""Scenarios written from the docs alone, by someone who did not build the simulator or the core.

They are the acceptance test of issue 5 ("scenarios written by someone else in the documented
format pass"). A scenario that fails because of a product bug is listed in KNOWN_BUGS with the
evidence, as a strict xfail: the suite stays green, and the mark must go once the bug is fixed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.simulate.loader import load_scenario
from followup.simulate.runner import run_scenario

EXTERNAL = Path(__file__).parent / "external"
SCENARIOS = sorted(EXTERNAL.glob("*.toml"))

# file stem -> product bug that makes it fail (expected vs seen); remove the entry once fixed.
KNOWN_BUGS: dict[str, str] = {}


def _param(path: Path) -> object:
    reason = KNOWN_BUGS.get(path.stem)
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(path, id=path.stem, marks=marks)


def test_there_are_external_scenarios_and_every_known_bug_names_one() -> None:
    assert len(SCENARIOS) >= 12
    assert set(KNOWN_BUGS) <= {p.stem for p in SCENARIOS}


@pytest.mark.parametrize("path", [_param(p) for p in SCENARIOS])
def test_external_scenario_passes(path: Path) -> None:
    scenario = load_scenario(path)
    assert scenario.name == path.stem
    result = run_scenario(scenario)
    failures = [f"{c.label}: {c.description}: {c.detail}" for c in result.checks if not c.passed]
    assert not failures, "\n".join(failures)
    assert result.user_sends == result.sends_in_log  # followup itself never sent
