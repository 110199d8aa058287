"""`followup simulate` exits 0 when all holds, 1 when an expectation fails, 2 when invalid."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from followup.cli import main

SCENARIOS = Path(__file__).parents[2] / "scenarios"
PASSING = SCENARIOS / "offer-closes-tracking.toml"


def test_a_passing_scenario_prints_its_timeline_and_verdicts_and_exits_0() -> None:
    result = CliRunner().invoke(main, ["simulate", str(PASSING)])
    assert result.exit_code == 0, result.output
    assert "Lena Marsh" in result.output  # the timeline
    assert "PASS expect.applications[0]" in result.output
    assert "1/1 scenarios passed" in result.output


def test_a_failing_expectation_exits_1_and_names_it(tmp_path: Path) -> None:
    wrong = tmp_path / "offer-closes-tracking.toml"
    wrong.write_text(
        PASSING.read_text().replace('closed_because = "offer"', 'closed_because = "rejection"')
    )
    result = CliRunner().invoke(main, ["simulate", "--quiet", str(wrong)])
    assert result.exit_code == 1, result.output
    assert "FAIL expect.applications[0]" in result.output
    assert "closed because offer" in result.output
    assert "Lena Marsh" not in result.output  # --quiet: no timeline


def test_an_invalid_scenario_exits_2_with_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(PASSING.read_text().replace('from = "lena"', 'from = "lina"'))
    result = CliRunner().invoke(main, ["simulate", str(bad)])
    assert result.exit_code == 2, result.output
    assert "'lina' is not a key of [contacts]" in result.output
    assert result.output.count("is not a key of [contacts]") == 2


def test_population_prints_a_summary_per_behaviour() -> None:
    result = CliRunner().invoke(
        main, ["simulate", "--population", "6", "--days", "21", "--seed", "3"]
    )
    assert result.exit_code == 0, result.output
    assert "population summary" in result.output
    assert "sends by followup: 0" in result.output
    assert "PASS population.one_draft_at_a_time" in result.output
    assert "FAIL" not in result.output


def test_scenarios_and_population_together_are_refused() -> None:
    result = CliRunner().invoke(main, ["simulate", str(PASSING), "--population", "3"])
    assert result.exit_code == 2
    assert "not both" in result.output
