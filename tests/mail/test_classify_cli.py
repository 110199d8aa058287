"""``followup classify``: folders recursively, JSON lines, unreadable files reported at the end."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from followup.cli import main

CASES = Path(__file__).parent / "cases"


def test_json_output_has_one_object_per_message_with_the_documented_keys() -> None:
    result = CliRunner().invoke(main, ["classify", str(CASES / "train"), "--json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == len(list((CASES / "train").glob("*.eml")))
    assert set(lines[0]) >= {
        "file", "kind", "confidence", "company", "role",
        "interview_at", "respond_by", "back_on", "reasons",
    }  # fmt: skip
    assert [line["file"] for line in lines] == sorted(line["file"] for line in lines)


def test_unreadable_file_is_reported_and_the_rest_still_classified(tmp_path: Path) -> None:
    good = tmp_path / "a.eml"
    good.write_bytes((CASES / "train" / "t05-greenhouse-reject-after-interview.eml").read_bytes())
    missing = tmp_path / "missing.eml"
    result = CliRunner().invoke(main, ["classify", str(missing), str(good), "--json"])
    assert result.exit_code != 0
    assert "missing.eml" in result.stderr
    assert json.loads(result.stdout.strip())["kind"] == "rejection"


def test_table_output_names_each_file() -> None:
    result = CliRunner().invoke(
        main, ["classify", str(CASES / "heldout" / "h09-position-filled.eml")]
    )
    assert result.exit_code == 0
    assert "rejection" in result.output
