"""The mail generator: messages a real mail client would accept, saying what the scenario means."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from followup.mail.reading import read_mail
from followup.simulate.loader import load_scenario
from followup.simulate.mailgen import ThreadRef, build_mail
from followup.simulate.scenario import Event, Scenario

SCENARIOS = Path(__file__).parents[2] / "scenarios"


def scenario(name: str) -> Scenario:
    return load_scenario(SCENARIOS / f"{name}.toml")


def parsed(msg: EmailMessage) -> EmailMessage:
    reread = message_from_bytes(msg.as_bytes(), policy=policy.default)
    assert isinstance(reread, EmailMessage)
    return reread


def first(s: Scenario, type_name: str) -> Event:
    return next(e for e in s.events if e.type.value == type_name)


def test_invite_has_a_calendar_part_with_the_interview_in_utc() -> None:
    s = scenario("silent-employer-check-in-after-seven-days")
    msg = parsed(build_mail(s, s.events[0], thread=None, role="Data Analyst"))
    calendar = next(p for p in msg.walk() if p.get_content_type() == "text/calendar")
    text = calendar.get_content()
    assert "DTSTART:20260306T140000Z" in text
    assert "DTEND:20260306T150000Z" in text
    assert "Friday, 6 March 2026 at 14:00" in msg.get_body(("plain",)).get_content()


def test_invite_without_calendar_states_the_time_only_in_the_text() -> None:
    s = scenario("logistics-before-interview-pause-nothing")
    msg = parsed(build_mail(s, s.events[0], thread=None, role="Operations Analyst"))
    assert not any(p.get_content_type() == "text/calendar" for p in msg.walk())
    body = msg.get_body(("plain",)).get_content()
    assert "Tuesday, 10 March 2026 at 13:30 (EDT, UTC-0400)" in body


def test_reply_joins_the_thread_and_writes_the_named_date_in_full() -> None:
    s = scenario("employer-names-a-date-check-in-next-business-day")
    thread = ThreadRef(
        subject="Interview invitation: Data Analyst at Brightloom", message_ids=("<a@x>", "<b@y>")
    )
    msg = parsed(build_mail(s, first(s, "reply"), thread=thread, role="Data Analyst"))
    assert msg["Subject"] == "Re: Interview invitation: Data Analyst at Brightloom"
    assert msg["In-Reply-To"] == "<b@y>"
    assert msg["References"] == "<a@x> <b@y>"
    assert "by Friday, 20 March 2026" in msg.get_content()


def test_out_of_office_is_marked_automatic_and_names_the_return_day() -> None:
    s = scenario("out-of-office-with-return-date-postpones-check-in")
    msg = parsed(build_mail(s, first(s, "out_of_office"), thread=None, role="Data Analyst"))
    assert msg["Auto-Submitted"] == "auto-replied"
    assert "back on Monday, 16 March 2026" in msg.get_content()


def test_bounce_is_a_delivery_status_report_naming_the_failed_address() -> None:
    s = scenario("bounce-flags-application-and-stops-drafts")
    thread = ThreadRef(subject="Re: Interview", message_ids=("<sent@example.net>",))
    msg = parsed(build_mail(s, first(s, "bounce"), thread=thread, role="Analyst"))
    assert msg.get_content_type() == "multipart/report"
    types = [p.get_content_type() for p in msg.walk()]
    assert "message/delivery-status" in types
    assert "text/rfc822-headers" in types
    assert "dana.whitfield@tamarackenergy.example" in msg.as_string()
    assert msg["From"].addresses[0].username == "mailer-daemon"


def test_ats_mail_comes_from_a_no_reply_sender() -> None:
    s = scenario("ats-only-invite-is-flagged-not-drafted")
    msg = parsed(build_mail(s, first(s, "ack"), thread=None, role="Supply Planner"))
    assert msg["From"].addresses[0].addr_spec == "no-reply@ashlinemarigold.example"
    assert "do not reply" in msg.get_content()


def test_the_same_event_always_gives_the_same_message() -> None:
    s = scenario("silent-employer-check-in-after-seven-days")
    one = build_mail(s, s.events[0], thread=None, role="Data Analyst")
    two = build_mail(s, s.events[0], thread=None, role="Data Analyst")
    assert one["Message-ID"] == two["Message-ID"]
    assert one.get_body(("plain",)).get_content() == two.get_body(("plain",)).get_content()


def test_user_mail_is_from_the_user_to_the_contact() -> None:
    s = scenario("own-thank-you-replaces-our-draft")
    thread = ThreadRef(
        subject="Interview invitation: Data Analyst at Brightloom", message_ids=("<a@x>",)
    )
    msg = parsed(build_mail(s, first(s, "user_mail"), thread=thread, role="Data Analyst"))
    assert msg["From"].addresses[0].addr_spec == "sam.rivera@example.net"
    assert msg["To"].addresses[0].addr_spec == "dana.whitfield@brightloom.example"
    assert msg["Subject"].startswith("Re: ")


def _every_generated_mail() -> list[tuple[str, Scenario, Event]]:
    cases = []
    for path in sorted(SCENARIOS.glob("*.toml")):
        s = load_scenario(path)
        for event in s.events:
            if event.type.value in EXPECTED_KIND:
                cases.append((f"{path.stem}:{event.index}:{event.type.value}", s, event))
    return cases


EXPECTED_KIND = {
    "invite": "interview_invite",
    "scheduling": "employer_reply",
    "reply": "employer_reply",
    "out_of_office": "auto_reply",
    "rejection": "rejection",
    "offer": "offer",
    "bounce": "bounce",
    "ack": "application_ack",
}
CASES = _every_generated_mail()


@pytest.mark.parametrize(("name", "s", "event"), CASES, ids=[c[0] for c in CASES])
def test_the_real_reader_reads_generated_mail_as_the_scenario_means(
    name: str, s: Scenario, event: Event
) -> None:
    thread = None
    if event.thread:
        thread = ThreadRef(subject="Interview invitation", message_ids=("<a@x>",))
    raw = build_mail(s, event, thread=thread, role=event.role or "Data Analyst").as_bytes()
    reading = read_mail(raw, user_addresses=(s.user.email,))
    assert reading.kind.value == EXPECTED_KIND[event.type.value]
    if event.type.value == "invite":
        assert reading.interview_at == event.interview_at
    assert reading.respond_by == event.respond_by
    assert reading.back_on == event.back_on
