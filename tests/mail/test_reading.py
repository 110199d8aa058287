"""What read_mail reports beyond the kind: calendar facts, charsets, new text, bounces."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from followup.mail import Corrections, MailKind, normalise_subject, parse_message, read_mail

CASES = Path(__file__).parent / "cases"


def _case(name: str) -> bytes:
    return next(CASES.glob(f"*/{name}.eml")).read_bytes()


def test_outlook_reschedule_reads_method_sequence_uid_and_windows_zone() -> None:
    reading = read_mail(_case("t07-outlook-reschedule"))
    assert reading.kind is MailKind.INTERVIEW_INVITE
    assert reading.calendar_method == "REQUEST"
    assert reading.calendar_sequence == 2
    assert reading.calendar_uid
    assert reading.interview_at is not None
    assert reading.interview_at.astimezone(UTC) == datetime(2026, 3, 10, 17, 0, tzinfo=UTC)
    assert reading.interview_end is not None
    assert reading.interview_end.astimezone(UTC) == datetime(2026, 3, 10, 21, 0, tzinfo=UTC)


def test_calendar_cancellation_is_an_employer_reply_without_interview_time() -> None:
    reading = read_mail(_case("h08-outlook-cancel"))
    assert reading.kind is MailKind.EMPLOYER_REPLY
    assert reading.calendar_method == "CANCEL"
    assert reading.interview_at is None


def test_windows_1252_text_labelled_latin_1_keeps_its_quotes() -> None:
    parsed = parse_message(_case("t32-cp1252-reject"))
    assert "We’ve decided" in parsed.new_text
    assert parsed.from_name == "Renée Dubé"


def test_quoted_history_and_forwarded_blocks_are_not_new_text() -> None:
    reading = read_mail(_case("t15-close-second"))
    assert "final interview" not in reading.new_text
    forwarded = parse_message(_case("t26-forward-note"))
    assert "parking garage" not in forwarded.new_text
    assert "parking garage" in forwarded.text


def test_a_rejection_quoted_under_a_friendly_reply_does_not_make_it_a_rejection() -> None:
    raw = b"""From: Nina <nina@quayside.example>
To: alex@example.org
Subject: Re: Your application
Date: Fri, 26 Jun 2026 11:00:00 +0100
In-Reply-To: <x@example.org>

Happy to share feedback - shall we talk on a call?

On Thu, 25 Jun 2026 at 18:02, Alex <alex@example.org> wrote:
> Could you share any feedback?
> Unfortunately we have decided not to move forward with your application.
"""
    assert read_mail(raw).kind is MailKind.EMPLOYER_REPLY


def test_html_only_mail_is_read_as_text() -> None:
    reading = read_mail(_case("h03-workday-ack-html"))
    assert reading.kind is MailKind.APPLICATION_ACK
    assert "Financial Analyst" in reading.new_text
    assert "<" not in reading.new_text


def test_delivery_report_names_the_failed_recipient_and_its_employer() -> None:
    reading = read_mail(_case("t10-dsn-mailbox-full"))
    assert reading.kind is MailKind.BOUNCE
    assert reading.bounced_recipients == ("hiring@tidepool-labs.com",)
    assert reading.company == "Tidepool Labs"
    assert reading.is_automated
    assert reading.is_no_reply_sender


def test_ats_ack_is_automated_no_reply_mail_with_the_employer_as_company() -> None:
    reading = read_mail(_case("t01-smartrecruiters-ack"))
    assert reading.kind is MailKind.APPLICATION_ACK
    assert reading.is_no_reply_sender
    assert reading.company == "Halden Outdoor"


def test_offer_letter_attachment_is_listed() -> None:
    reading = read_mail(_case("h18-offer-en-deadline"))
    assert reading.kind is MailKind.OFFER
    assert reading.respond_by is None  # the Friday is the candidate's deadline
    assert [(a.filename, a.mime_type) for a in reading.attachments] == [
        ("Offer_Letter_Alex_Moreau.pdf", "application/pdf")
    ]


def test_out_of_office_header_and_return_day() -> None:
    reading = read_mail(_case("t08-ooo-en-weekday"))
    assert reading.kind is MailKind.AUTO_REPLY
    assert any("Auto-Submitted" in reason for reason in reading.reasons)
    assert reading.back_on is not None
    assert reading.back_on.isoformat() == "2026-01-19"


def test_user_correction_wins_and_says_so() -> None:
    raw = _case("t22-app-viewed")
    assert read_mail(raw).kind is MailKind.OTHER
    corrections = Corrections().add(
        sender="@jobboardly.com",
        subject="Your application was viewed by Saffron Labs",
        kind=MailKind.EMPLOYER_REPLY,
    )
    reading = read_mail(raw, corrections=corrections)
    assert reading.kind is MailKind.EMPLOYER_REPLY
    assert reading.confidence == 1.0
    assert reading.reasons[0].startswith("user correction")


def test_corrections_round_trip_through_records() -> None:
    corrections = Corrections().add(sender="A@B.com", subject="Re: Hello", kind=MailKind.OFFER)
    again = Corrections.from_records(corrections.to_records())
    assert again == corrections
    assert again.lookup("a@b.com", "RE: hello") is not None
    assert again.lookup("a@b.com", "Other subject") is None
    assert normalise_subject("Re: Fwd:  AW: Interview") == "interview"


def test_unknown_kinds_in_stored_corrections_are_skipped() -> None:
    loaded = Corrections.from_records([{"sender": "a@b.com", "subject": "x", "kind": "nope"}])
    assert loaded.items == ()


def test_bounce_without_a_report_part_names_the_failed_address_not_the_user() -> None:
    raw = b"""From: Mail Delivery System <MAILER-DAEMON@mail.example.org>
To: alex@example.org
Subject: Undelivered Mail Returned to Sender
Date: Thu, 12 Mar 2026 07:01:00 +0100

Your message from alex.work@example.org could not be delivered to hr@fjord-tech.example:
550 5.1.1 user unknown
"""
    reading = read_mail(raw, user_addresses=("alex@example.org", "alex.work@example.org"))
    assert reading.kind is MailKind.BOUNCE
    assert reading.bounced_recipients == ("hr@fjord-tech.example",)
    assert reading.company == "Fjord Tech"


def test_ats_display_name_repeating_the_mailbox_is_the_employer() -> None:
    raw = (
        b"From: Tallowbridge <tallowbridge@myworkday.com>\r\nTo: me@example.org\r\n"
        b"Subject: Application received\r\nDate: Tue, 10 Mar 2026 10:00:00 +0000\r\n\r\n"
        b"Hi Sam, thanks for applying. We've received your application.\r\n"
    )
    assert read_mail(raw).company == "Tallowbridge"


def test_raw_utf8_header_bytes_are_read_as_utf8_not_replacement_characters() -> None:
    raw = (
        "From: Dział HR Polbud <hr@polbud.example>\nTo: a@example.org\n"
        "Subject: Zaproszenie na rozmowę\nDate: Tue, 09 Feb 2027 10:00:00 +0100\n"
        "Content-Type: text/plain; charset=utf-8\n\nDzień dobry.\n"
    ).encode()
    mail = parse_message(raw)
    assert mail.from_name == "Dział HR Polbud"
    assert mail.from_addr == "hr@polbud.example"
    assert mail.subject == "Zaproszenie na rozmowę"
