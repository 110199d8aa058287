"""Chat shorthand is spelled out for English only: Dutch "u" and Polish "u" stay as written."""

from __future__ import annotations

import pytest

from followup.mail.chat import expand_chat


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("are u free next wk?", "are you free next week?"),
        ("will get back to u in 2 wks max", "will get back to you in 2 weeks max"),
        ("ur still very much in, thx", "you're still very much in, thanks"),
        ("loved ur portfolio, lmk", "loved your portfolio, let me know"),
        ("chat w/ our founder", "chat with our founder"),
    ],
)
def test_english_shorthand_is_spelled_out(written: str, read: str) -> None:
    assert expand_chat(written) == read


@pytest.mark.parametrize(
    "text",
    [
        "Graag nodigen wij u uit voor een gesprek.",
        "Bent u beschikbaar op dinsdag?",
        "Praca u nas to przyjemność.",
        "I'll talk to HR tomorrow.",
        "Contact hr@example.org or see www.example.org/wk/ppl",
    ],
)
def test_other_text_is_left_alone(text: str) -> None:
    assert expand_chat(text) == text
