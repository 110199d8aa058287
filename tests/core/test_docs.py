"""docs/tracker.md must name every policy key and template variable the code has."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from pathlib import Path

from followup.core.compose import _variables
from followup.core.machine import describe
from followup.core.policy import Policy

DOC = (Path(__file__).parents[2] / "docs" / "tracker.md").read_text(encoding="utf-8")


def test_every_policy_key_is_documented_in_the_config_section() -> None:
    config = DOC.split("## Configuration", 1)[1]
    keys = {f.name for f in dataclasses.fields(Policy)} - {"days_off_weekdays"}
    missing = sorted(k for k in keys if f"\n{k} = " not in config)
    assert missing == []


def test_every_template_variable_is_documented() -> None:
    names = _variables(
        contact_name="A B",
        company="C",
        role="R",
        interview=datetime(2026, 1, 6, tzinfo=UTC),
        respond_by=date(2026, 1, 9),
        user_name="U",
        policy=Policy(),
        check_in=1,
    )
    missing = sorted(n for n in names if f"`{n}`" not in DOC)
    assert missing == []


def test_the_table_description_lists_every_state() -> None:
    text = describe()
    assert "closed:" in text
    assert "refused:" in text
