"""The literal prefilter may only skip a phrase regex that cannot match."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.mail.literals import present, required_literals
from followup.mail.phrases import TABLE

CASES = Path(__file__).parent / "cases"


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"regret(?:ted)? to", frozenset({"regret"})),
        (r"(?:not )?selected", frozenset({"selected"})),
        (r"(?:offer|contract) letter", frozenset({" letter"})),
        (r"\b(?:unfortunately|sadly)\b", frozenset({"unfortunately", "sadly"})),
        (r"(?:wir|we)+ regret", frozenset({" regret"})),
    ],
)
def test_required_literals_keeps_the_rarest_needed_strings(
    pattern: str, needs: frozenset[str]
) -> None:
    assert required_literals(pattern) == needs


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:sorry|)\w+",  # an empty alternative needs nothing
        r"(?i)regret",  # case-folded literals cannot be tested with `in`
        r"x(?i:regret)",
        r"[a-z]+ \d+",
        r"(?:regret)? \w",
    ],
)
def test_required_literals_gives_up_where_no_literal_is_certain(pattern: str) -> None:
    assert required_literals(pattern) is None


def test_no_phrase_regex_is_skipped_on_text_it_matches() -> None:
    texts = [path.read_bytes().decode("utf-8", "replace").lower() for path in CASES.rglob("*.eml")]
    assert len(texts) > 500
    for entries in TABLE.values():
        for _weight, pattern, needs in entries:
            for text in texts:
                if pattern.search(text):
                    assert present(needs, text), (pattern.pattern, needs)


def test_most_phrase_regexes_have_a_prefilter() -> None:
    needs = [needs for entries in TABLE.values() for _w, _p, needs in entries]
    assert sum(n is not None for n in needs) >= 0.95 * len(needs)
