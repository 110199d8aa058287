"""Quality floors from issue 4, on our own labelled cases and on the shared corpus.

Rules and the model's wording data were written against ``cases/train`` and the shared corpus;
``heldout``, ``blind2`` to ``blind11`` and ``blind13`` to ``blind46`` were each measured blind
first (docs/classifier.md has those figures) and then looked at, so they are now tuned sets
that must meet the issue's targets. ``blind12`` (its mistakes were printed once, not acted
on) keeps a regression floor at its measured values; lowering it needs a reason in the
commit.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from followup.mail.evaluate import Report, evaluate

CASES = Path(__file__).parent / "cases"
CORPUS = Path(
    os.environ.get("FOLLOWUP_CORPUS", Path(__file__).resolve().parents[3] / "shared" / "corpus")
)


def _check(
    report: Report,
    *,
    macro_f1: float = 0.93,
    recall: float = 0.97,
    respond_by: float = 0.85,
    interview_at: float = 0.90,
) -> None:
    assert report.macro_f1 >= macro_f1, report.mistakes
    for kind in ("rejection", "offer", "employer_reply"):
        score = report.per_kind[kind]
        if score.support:
            assert score.recall >= recall, (kind, report.mistakes)
    for name, floor in (("interview_at", interview_at), ("respond_by", respond_by)):
        good, considered = report.fields[name]
        if considered:
            assert good / considered >= floor, (name, report.mistakes)


def test_own_training_cases_meet_the_issue_targets() -> None:
    _check(evaluate(CASES / "train"))


def test_held_out_cases_meet_the_issue_targets() -> None:
    _check(evaluate(CASES / "heldout"))


def test_never_tuned_blind_set_stays_above_its_measured_floor() -> None:
    # Measured once, blind: macro-F1 0.867, recall rejection 0.85 / offer 1.00 / reply 0.86,
    # respond_by 2 of 3. Since the model learned from ~950 written mails (session 2) every
    # kind is right; its respond_by is still 2 of 3 (not looked at).
    _check(evaluate(CASES / "blind12"), respond_by=0.66)


@pytest.mark.parametrize("split", [f"blind{n}" for n in range(2, 114) if n != 12])
def test_looked_at_blind_sets_meet_the_issue_targets(split: str) -> None:
    _check(evaluate(CASES / split))


@pytest.mark.skipif(not (CORPUS / "labels.json").exists(), reason="shared corpus not present")
def test_shared_corpus_meets_the_issue_targets() -> None:
    _check(evaluate(CORPUS))


def test_own_cases_cover_every_kind_and_several_languages() -> None:
    import json

    kinds: set[str] = set()
    total = 0
    for split in ("train", "heldout", *(f"blind{n}" for n in range(2, 114))):
        labels = json.loads((CASES / split / "labels.json").read_text(encoding="utf-8"))
        kinds |= {v["kind"] for v in labels.values()}
        total += len(labels)
    assert total >= 60
    assert kinds == {
        "interview_invite", "rejection", "offer", "employer_reply",
        "auto_reply", "bounce", "application_ack", "other",
    }  # fmt: skip
