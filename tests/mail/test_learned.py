"""The learned kind model: what it reads, how it explains itself, and what it learns from."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from followup.mail import MailKind, read_mail
from followup.mail.bayes import training_examples
from followup.mail.learned import (
    LinearModel,
    _load,
    _save,
    all_examples,
    case_examples,
    kind_model,
    train,
)
from followup.mail.parse import parse_message

CASES = Path(__file__).parent / "cases"
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"

_SMALL = [
    (MailKind.REJECTION, "Unfortunately we will not be moving forward with your application."),
    (MailKind.REJECTION, "We regret to tell you that the position has been filled."),
    (MailKind.OFFER, "We are delighted to offer you the role, the contract is attached."),
    (MailKind.OFFER, "Congratulations! Here is your offer letter with salary and start date."),
    (MailKind.EMPLOYER_REPLY, "Thanks for your note, could you send your notice period?"),
    (MailKind.EMPLOYER_REPLY, "Quick update: the panel is still meeting, expect news by Friday."),
]


def _mail(sender: str, subject: str, body: str) -> bytes:
    return (
        f"From: {sender}\r\nTo: me@example.org\r\nSubject: {subject}\r\n"
        "Date: Tue, 10 Mar 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    ).encode()


def test_a_rejection_no_phrase_describes_is_read_by_the_learned_model() -> None:
    body = "Hi Sam,\n\nSorry to say the other finalist edged it for us this time.\n\nJo"
    reading = read_mail(_mail("Jo Park <jo@acme-widgets.com>", "Analyst role", body))
    assert reading.kind is MailKind.REJECTION
    assert reading.reasons[0].startswith("learned model: rejection, margin ")


def test_a_judgement_names_words_of_the_text_that_pulled_towards_its_kind() -> None:
    judged = kind_model().judge("Re: notice period\nCould you tell me your notice period?")
    assert judged is not None
    assert judged.kind is MailKind.EMPLOYER_REPLY
    assert judged.words
    assert all(word.rstrip("~") in judged.reason() for word in judged.words)
    assert 0.5 <= judged.confidence <= 0.99


def test_text_with_no_known_word_gets_no_judgement() -> None:
    assert kind_model().judge("zzxq qqwv 12345") is None


def test_fitting_is_deterministic_whatever_the_order_of_examples() -> None:
    first, second = train(_SMALL), train(list(reversed(_SMALL)))
    assert first.names == second.names
    assert np.array_equal(first.weights, second.weights)
    assert np.array_equal(first.intercept, second.intercept)


def test_a_kind_without_examples_never_wins() -> None:
    model = train(_SMALL)
    judged = model.judge("Unfortunately the position has been filled")
    assert judged is not None
    assert judged.kind is MailKind.REJECTION
    assert model.intercept[list(MailKind).index(MailKind.BOUNCE)] < -100


def test_cached_weights_read_back_as_the_same_model(tmp_path: Path) -> None:
    model = train(_SMALL)
    path = tmp_path / "cache" / "kind-model.npz"
    _save(model, path)
    loaded = _load(path)
    assert loaded.names == model.names
    text = "We are delighted to offer you the role"
    assert loaded.judge(text) == model.judge(text)


def test_cached_weights_that_do_not_match_their_features_are_refused(tmp_path: Path) -> None:
    model = train(_SMALL)
    broken = LinearModel(model.names[:-1], model.index, model.weights, model.intercept)
    path = tmp_path / "kind-model.npz"
    _save(broken, path)
    with pytest.raises(ValueError, match="do not match"):
        _load(path)


def test_the_learned_model_learns_from_tuned_case_sets_and_the_rules_model_does_not() -> None:
    tuned = case_examples()
    assert len(tuned) > 3000
    assert len(all_examples()) == len(training_examples()) + len(tuned)


@pytest.mark.parametrize("folder", [CASES / "heldout", CORPUS], ids=["heldout", "shared-corpus"])
def test_the_never_tuned_splits_are_not_in_the_training_data(folder: Path) -> None:
    if not (folder / "labels.json").exists():
        pytest.skip(f"{folder} is not here")
    learned = {text for _, text in all_examples()}
    for name in json.loads((folder / "labels.json").read_text(encoding="utf-8")):
        mail = parse_message((folder / name).read_bytes())
        assert f"{mail.subject}\n{mail.new_text}" not in learned, name


def test_a_calendar_invite_for_somebody_elses_appointment_is_not_an_interview() -> None:
    dental = CORPUS / "2026-04-02-lakeview-dental.eml"
    if not dental.exists():
        pytest.skip(f"{dental} is not here")
    # the rules find no interview words; the model hears an invitation but hesitates with
    # "other", and so the rules' reading stands
    assert read_mail(dental.read_bytes()).kind is MailKind.OTHER


def test_a_calendar_invite_in_words_the_rules_lack_is_an_interview_when_the_model_says_so() -> None:
    portfolio = CASES / "blind92" / "i01-gcal-invite-utc.eml"
    reading = read_mail(portfolio.read_bytes())
    assert reading.kind is MailKind.INTERVIEW_INVITE
    assert reading.reasons[0].startswith("calendar invite 'Portfolio review")
