"""The naive Bayes second opinion inside the phrase rules: deterministic, explainable, and only
a rescuer (the learned model of test_learned.py reads the kind first)."""

from __future__ import annotations

from followup.mail import MailKind, read_mail
from followup.mail.bayes import NaiveBayes, features, trained_model, training_examples


def _mail(sender: str, subject: str, body: str, headers: str = "") -> bytes:
    return (
        f"From: {sender}\r\nTo: me@example.org\r\nSubject: {subject}\r\n"
        f"Date: Tue, 10 Mar 2026 10:00:00 +0000\r\n{headers}MIME-Version: 1.0\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    ).encode()


def test_features_are_accent_free_words_adjacent_pairs_and_word_starts() -> None:
    assert features("Leider keine Zusage, Équipe 2026") == {
        "leider", "keine", "zusage", "equipe", "leider keine", "keine zusage", "zusage equipe",
        "leide~", "zusag~", "equip~",
    }  # fmt: skip


def test_training_is_deterministic_whatever_the_order_of_examples() -> None:
    examples = training_examples()
    assert NaiveBayes.train(examples) == NaiveBayes.train(list(reversed(examples)))


def test_every_kind_of_the_spec_has_training_examples() -> None:
    assert {kind for kind, _ in training_examples()} == set(MailKind)


def test_opinion_names_the_words_that_weighed_most() -> None:
    opinion = trained_model().opinion("Sadly the other finalist edged it for us this time.")
    assert opinion is not None
    assert opinion.kind is MailKind.REJECTION
    assert opinion.words
    assert all(
        word in features("sadly the other finalist edged it for us this time")
        for word in opinion.words
    )
    assert opinion.reason().startswith("model: rejection p=")


def test_text_with_no_known_word_gets_no_opinion() -> None:
    assert trained_model().opinion("zzxq qqwv 12345") is None


def test_a_status_update_in_italian_is_not_rescued_into_a_rejection() -> None:
    body = "Ciao Sam,\n\nil processo è ancora in corso. Ti faremo sapere entro venerdì.\n\nPaolo"
    reading = read_mail(_mail("Paolo Greco <paolo@arnotech.it>", "Re: Aggiornamento", body))
    assert reading.kind is MailKind.EMPLOYER_REPLY


def test_a_friend_telling_of_their_own_rejection_is_other() -> None:
    body = "they told me they went with someone else, beers later?"
    reading = read_mail(_mail("Pal <pal.k@gmail.com>", "ugh", body))
    assert reading.kind is MailKind.OTHER


def test_list_mail_offering_a_discount_is_not_a_job_offer() -> None:
    body = "We're pleased to offer you 25% off everything this weekend."
    raw = _mail(
        "Shop <deals@shop-mail.com>", "For you", body, "List-Unsubscribe: <https://x/u>\r\n"
    )
    assert read_mail(raw).kind is MailKind.OTHER


def test_a_newsletter_quoting_a_rejection_template_is_other() -> None:
    body = "We've all had it: 'we've decided to proceed with other candidates'. Unsubscribe here."
    raw = _mail(
        "News <hello@careers-news.com>", "Rejected?", body, "List-Unsubscribe: <https://x/u>\r\n"
    )
    assert read_mail(raw).kind is MailKind.OTHER


def test_a_role_on_hold_is_not_rescued_into_a_rejection() -> None:
    body = (
        "Hi Sam,\n\nWe've put the hire on ice while we close our funding round. You're our "
        "preferred candidate, so please bear with us.\n\nMo"
    )
    reading = read_mail(_mail("Mo Rahman <mo@quayside-ventures.com>", "Analyst hire", body))
    assert reading.kind is MailKind.EMPLOYER_REPLY
