"""The public reading API holds its promises on the simplest inputs."""

from __future__ import annotations

from followup.mail import MailKind, read_mail

REJECTION = b"""From: Ana Ruiz <ana.ruiz@orbital-foods.example>
To: Sam Lee <sam@example.org>
Subject: Your application
Date: Tue, 03 Mar 2026 10:00:00 +0100
Message-ID: <r1@orbital-foods.example>

Hi Sam,

Thank you for your time. Unfortunately we have decided not to move forward with your
application.

Ana
"""


def test_rejection_is_read_with_reason_and_headers() -> None:
    reading = read_mail(REJECTION, user_addresses=("sam@example.org",))
    assert reading.kind is MailKind.REJECTION
    # the reason names the words of the mail that weighed most ("decid~" for "decided")
    assert reading.reasons[0].startswith("learned model: rejection")
    assert "'decid~'" in reading.reasons[0]
    assert reading.message_id == "<r1@orbital-foods.example>"
    assert reading.from_addr == "ana.ruiz@orbital-foods.example"
    assert not reading.from_user


def test_mail_from_the_user_is_flagged_as_their_own() -> None:
    raw = REJECTION.replace(
        b"From: Ana Ruiz <ana.ruiz@orbital-foods.example>", b"From: sam@example.org"
    )
    assert read_mail(raw, user_addresses=("Sam@Example.org",)).from_user


def test_the_users_own_words_are_never_read_as_an_employers_verdict() -> None:
    own = (
        b"From: Sam Lee <sam@example.org>\n"
        b"To: Ana Ruiz <ana.ruiz@orbital-foods.example>\n"
        b"Subject: Re: Your application\n"
        b"Date: Tue, 10 Mar 2026 10:00:00 +0100\n\n"
        b"Hi Ana, I understand if you have decided not to move forward with my application,\n"
        b"but I remain very interested in the role at Orbital Foods.\nSam\n"
    )
    reading = read_mail(own, user_addresses=("sam@example.org",))
    assert reading.from_user
    assert reading.kind is MailKind.OTHER
    assert any("your own mail" in reason for reason in reading.reasons)
    assert read_mail(own).kind is MailKind.REJECTION  # the same words from anyone else


def test_empty_input_is_unparseable_other_with_zero_confidence() -> None:
    reading = read_mail(b"")
    assert reading.kind is MailKind.OTHER
    assert reading.confidence == 0
    assert reading.unparseable
