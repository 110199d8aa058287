"""The composer: threaded replies, templates, and no injection from received mail."""

from __future__ import annotations

import email
from dataclasses import replace
from datetime import UTC, datetime
from email import policy as email_policy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.core.compose import (
    TemplateError,
    TemplateSet,
    UserProfile,
    compose_draft,
    reply_subject,
)
from followup.core.draft import FOLLOWUP_ID_HEADER, ComposedDraft
from followup.core.model import (
    Application,
    Contact,
    DraftStep,
    InterviewRound,
    Kind,
    MessageRecord,
    State,
)
from followup.core.policy import Policy

WHEN = datetime(2026, 1, 6, 15, tzinfo=UTC)


def record(mid: str, subject: str, refs: tuple[str, ...] = (), thread: str = "t1") -> MessageRecord:
    return MessageRecord(
        message_id=mid,
        thread_id=thread,
        at=WHEN,
        kind=Kind.INTERVIEW_INVITE,
        from_user=False,
        sender="ann@acme.example",
        sender_name="Ann Smith",
        subject=subject,
        rfc822_message_id=f"<{mid}@acme.example>",
        references=refs,
        is_no_reply=False,
    )


def application(
    company: str = "Acme", role: str = "Engineer", subject: str = "Interview"
) -> Application:
    return Application(
        id="app-1",
        created_at=WHEN,
        company=company,
        role=role,
        state=State.INTERVIEWED,
        thread_ids=("t1",),
        rounds=(InterviewRound(1, WHEN, WHEN, "text", "m1", "t1"),),
        messages=(record("m1", subject), record("m2", f"RE: {subject}", ("<m1@acme.example>",))),
    )


CONTACT = Contact("ann@acme.example", "Ann Smith", WHEN)
PROFILE = UserProfile("sam@gmail.com", "Sam Doe")


def compose(
    app: Application, contact: Contact = CONTACT, step: DraftStep = DraftStep.THANK_YOU
) -> ComposedDraft:
    return compose_draft(
        app,
        step=step,
        check_in=1,
        recipient=contact,
        thread_id="t1",
        policy=Policy(),
        profile=PROFILE,
    )


def test_reply_is_threaded_on_the_last_message_with_one_re_prefix() -> None:
    draft = compose(application(subject="Re: Interview"))
    assert draft.subject == "Re: Interview"
    assert draft.in_reply_to == "<m2@acme.example>"
    assert draft.references == ("<m1@acme.example>", "<m2@acme.example>")


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Interview", "Re: Interview"),
        ("Re: Re: Interview", "Re: Interview"),
        ("AW: Fwd: Hi", "Re: Hi"),
        ("RE:Hi", "Re: Hi"),
    ],
)
def test_reply_subject_never_stacks_prefixes(subject: str, expected: str) -> None:
    assert reply_subject(subject) == expected


def test_rfc822_bytes_carry_threading_the_followup_id_and_both_parts() -> None:
    draft = compose(application())
    raw = draft.to_bytes("app-1/r1/thank_you-1")
    msg = email.message_from_bytes(raw, policy=email_policy.default)
    assert msg["To"] == "Ann Smith <ann@acme.example>"
    assert msg["From"] == "Sam Doe <sam@gmail.com>"
    assert msg["In-Reply-To"] == "<m2@acme.example>"
    assert msg[FOLLOWUP_ID_HEADER] == "app-1/r1/thank_you-1"
    assert msg.get_content_type() == "multipart/alternative"
    types = [p.get_content_type() for p in msg.iter_parts()]  # type: ignore[attr-defined]
    assert types == ["text/plain", "text/html"]
    assert draft.to_bytes("app-1/r1/thank_you-1") == raw  # deterministic, boundary included


def test_markup_in_a_company_name_is_escaped_in_html_and_plain_in_text() -> None:
    draft = compose(application(company="<script>alert(1)</script> & Co"))
    assert "<script>" not in draft.html
    assert "&lt;script&gt;" in draft.html
    assert "<script>alert(1)</script> & Co" in draft.text


def test_a_subject_with_newlines_cannot_add_a_header() -> None:
    draft = compose(application(subject="Hello\r\nBcc: victim@evil.example"))
    raw = draft.to_bytes("k")
    msg = email.message_from_bytes(raw, policy=email_policy.default)
    assert msg["Bcc"] is None
    assert "\n" not in str(msg["Subject"])


def test_user_templates_override_the_shipped_ones() -> None:
    custom = TemplateSet.shipped().with_overrides(
        {"thank_you.txt.j2": "Thanks {{ contact_first_name }}!\n"}
    )
    profile = UserProfile("sam@gmail.com", "Sam Doe", custom)
    draft = compose_draft(
        application(),
        step=DraftStep.THANK_YOU,
        check_in=0,
        recipient=CONTACT,
        thread_id="t1",
        policy=Policy(),
        profile=profile,
    )
    assert draft.text == "Thanks Ann!\n"
    assert "Thank you for taking the time" in draft.html  # the HTML part is still shipped


def test_a_broken_user_template_fails_when_loaded() -> None:
    with pytest.raises(TemplateError, match="thank_you"):
        TemplateSet.shipped().with_overrides({"thank_you.txt.j2": "Hi {{ no_such_variable }}"})
    with pytest.raises(TemplateError, match="unknown template names"):
        TemplateSet.shipped().with_overrides({"thanks.txt.j2": "Hi"})


def test_every_shipped_template_renders() -> None:
    TemplateSet.shipped().check()
    names = {name for name, _ in TemplateSet.shipped().sources}
    assert len(names) == 8


def test_check_ins_use_the_first_then_the_second_template() -> None:
    app = application()
    one = compose_draft(
        app,
        step=DraftStep.CHECK_IN,
        check_in=1,
        recipient=CONTACT,
        thread_id="t1",
        policy=Policy(),
        profile=PROFILE,
    )
    two = compose_draft(
        app,
        step=DraftStep.CHECK_IN,
        check_in=2,
        recipient=CONTACT,
        thread_id="t1",
        policy=Policy(),
        profile=PROFILE,
    )
    assert one.text != two.text
    assert "once more" in two.text


def test_interview_date_is_written_in_the_users_zone() -> None:
    late = InterviewRound(1, datetime(2026, 1, 6, 23, 30, tzinfo=UTC), None, "text", None, "t1")
    app = replace(application(), rounds=(late,))
    draft = compose_draft(
        app,
        step=DraftStep.THANK_YOU,
        check_in=0,
        recipient=CONTACT,
        thread_id="t1",
        policy=Policy(timezone="Asia/Tokyo"),
        profile=PROFILE,
    )
    assert "Wednesday 7 January" in draft.text


header_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60
)
local_part = st.from_regex(r"[a-z][a-z0-9._-]{0,15}", fullmatch=True)


@settings(max_examples=150, deadline=None)
@given(
    subject=header_text,
    name=header_text,
    company=header_text,
    role=header_text,
    local=local_part,
    mid=header_text,
)
def test_composed_mail_never_has_an_empty_to_or_subject_nor_an_injected_header(
    subject: str, name: str, company: str, role: str, local: str, mid: str
) -> None:
    app = application(company=company, role=role, subject=subject)
    last = replace(app.messages[-1], sender_name=name, rfc822_message_id=mid, references=(mid,))
    app = replace(app, messages=(app.messages[0], last))
    contact = Contact(f"{local}@acme.example", name, WHEN)
    draft = compose(app, contact)
    raw = draft.to_bytes(f"app-1/r1/{mid}")
    msg = email.message_from_bytes(raw, policy=email_policy.default)
    assert str(msg["To"]).strip()
    assert str(msg["Subject"]).strip()
    assert msg["To"].addresses[0].username == local
    assert msg["To"].addresses[0].domain == "acme.example"
    allowed = {
        "from",
        "to",
        "subject",
        "in-reply-to",
        "references",
        "x-followup-id",
        "mime-version",
        "content-type",
    }
    assert {k.lower() for k in msg} <= allowed
    assert len(msg.get_all("To") or []) == 1
