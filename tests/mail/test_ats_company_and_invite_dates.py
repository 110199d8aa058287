"""Company from tracking-system mail, and the decision date an invitation may promise.

Both come from simulator scenarios (tests/simulate/external): an ATS domain word taken for
the employer, and a confirmation whose "we will get back to you by Friday" was dropped.
"""

from __future__ import annotations

from datetime import date

import pytest

from followup.mail import MailKind, read_mail

REJECTION = (
    "Hi Alex,\n\nThank you for the time you spent with us on the Data Analyst role. After"
    " careful consideration we have decided not to move forward with your application.\n\n"
    "Kind regards,\n{sign}\n"
)


def _mail(sender: str, body: str, subject: str = "Your application for Data Analyst") -> bytes:
    return (
        f"From: {sender}\nTo: Alex Moreau <alex@example.net>\nSubject: {subject}\n"
        "Date: Mon, 02 Mar 2026 16:00:00 +0000\nMessage-ID: <m1@example.net>\n"
        f"Content-Type: text/plain; charset=utf-8\n\n{body}"
    ).encode()


@pytest.mark.parametrize(
    ("sender", "sign"),
    [
        ("no-reply@greenhaus.example", "The Brightloom Talent Acquisition Team"),
        ("no-reply@us.greenhouse-mail.io", "The Brightloom Talent Acquisition Team"),
        ("Greenhouse <no-reply@greenhouse.io>", "Brightloom Recruiting"),
        ("noreply@hire.lever.co", "The Brightloom team"),
        ("Workday <notifications@myworkday.com>", "L'équipe recrutement de Brightloom"),
        ("no-reply@smartrecruiters.com", "Brightloom Careers"),
    ],
)
def test_ats_mail_takes_the_employer_from_the_signature_never_the_vendor(
    sender: str, sign: str
) -> None:
    reading = read_mail(_mail(sender, REJECTION.format(sign=sign)))
    assert reading.kind is MailKind.REJECTION
    assert reading.company == "Brightloom"


def test_ats_mail_prefers_the_employer_named_in_the_subject() -> None:
    raw = _mail(
        "no-reply@greenhaus.example",
        REJECTION.format(sign="Talent Acquisition"),
        subject="Your application at Copperleaf Software",
    )
    assert read_mail(raw).company == "Copperleaf Software"


def test_ats_display_name_that_is_not_the_vendor_still_wins() -> None:
    raw = _mail("Brightloom Careers <no-reply@greenhaus.example>", REJECTION.format(sign="HR"))
    assert read_mail(raw).company == "Brightloom"


def test_ats_mail_naming_no_employer_gives_no_company_rather_than_the_vendor() -> None:
    raw = _mail("no-reply@greenhaus.example", REJECTION.format(sign="Talent Acquisition"))
    assert read_mail(raw).company is None


CONFIRMATION = (
    "Hi Alex,\n\nConfirmed for tomorrow at 10:00 for your interview. {extra}\n\n"
    "Best wishes,\nDana Whitfield\nHiring team, Brightloom\n"
)


def test_invitation_keeps_the_day_the_employer_promises_to_decide_by() -> None:
    extra = "We will get back to you by Friday, 13 March 2026 with our decision."
    reading = read_mail(_mail("Dana <dana@brightloom.example>", CONFIRMATION.format(extra=extra)))
    assert reading.kind is MailKind.INTERVIEW_INVITE
    assert reading.respond_by == date(2026, 3, 13)


@pytest.mark.parametrize(
    "extra",
    [
        "Please confirm by Friday that the time suits you.",
        "We will send you the video link on Wednesday morning.",
        "No need to respond; we'll see you on Thursday.",
        "Kindly book a slot by Friday, 6 March.",
    ],
)
def test_invitation_ignores_scheduling_dates_for_the_candidate(extra: str) -> None:
    reading = read_mail(_mail("Dana <dana@brightloom.example>", CONFIRMATION.format(extra=extra)))
    assert reading.kind is MailKind.INTERVIEW_INVITE
    assert reading.respond_by is None


def test_a_person_relayed_by_a_messaging_platform_is_not_the_company() -> None:
    body = (
        "Dana Fox\nRecruiter at Brightloom\n\nHi Alex, after careful consideration we have"
        " decided not to move forward with your application.\n"
    )
    raw = _mail("Dana Fox via LinkedIn <messages-noreply@linkedin.com>", body)
    assert read_mail(raw).company == "Brightloom"


def test_a_department_name_in_another_language_is_not_the_company() -> None:
    raw = _mail(
        "Equipa de Recrutamento <recrutamento@brightloom.example>",
        REJECTION.format(sign="Brightloom"),
    )
    assert read_mail(raw).company == "Brightloom"
