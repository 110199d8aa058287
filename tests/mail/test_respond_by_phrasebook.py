"""Reply dates on a phrasebook written by someone who never read the extractor.

``respond_by_phrases.json`` (239 sentences in eight languages, a quarter of them dated
sentences that are NOT a reply date: the candidate's deadlines, closing dates, start dates)
was measured once before any change it motivated (213/239, docs/classifier.md), then its
misses were fixed by families. Each sentence is read as an employer's reply would be.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from followup.mail.reply_dates import find_respond_by

PHRASES = json.loads((Path(__file__).parent / "respond_by_phrases.json").read_text("utf-8"))


@pytest.mark.parametrize(
    "case", PHRASES, ids=[f"{i:03d}-{c['lang']}" for i, c in enumerate(PHRASES)]
)
def test_phrasebook_sentence_gets_its_reply_date_or_none(case: dict[str, str | None]) -> None:
    sent = datetime.fromisoformat(str(case["sent"]))
    found = find_respond_by(str(case["text"]), sent)
    assert (found.isoformat() if found else None) == case["expected"], case["note"]
