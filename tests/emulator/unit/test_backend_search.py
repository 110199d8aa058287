"""The q parameter: one test per operator, then combinations and parser edge cases."""

from __future__ import annotations

from datetime import timedelta

import pytest
from backend_support import ME, Api, mail
from hypothesis import given, settings
from hypothesis import strategies as st

from gmail_emulator.backend import Backend
from gmail_emulator.clock import Clock
from gmail_emulator.search import And, Not, Op, Or, Text, absolute_ms, label_token, parse_query


def found(api: Api, q: str, **params: object) -> set[str]:
    return {m["id"] for m in api("messages.list", q=q, **params).get("messages", [])}


@pytest.fixture
def two(backend: Backend) -> tuple[str, str]:
    """Two messages that differ in every searchable way."""
    a = backend.deliver(
        ME,
        mail(
            "Interview invitation",
            sender="Ann Lee <ann@acme.example>",
            to=f"Me <{ME}>",
            body="Please pick a slot for the onsite interview.",
            message_id="<inv-1@acme.example>",
            extra=["Cc: hr@acme.example", "Delivered-To: me@example.com"],
        ),
    )["id"]
    b = backend.deliver(
        ME,
        mail(
            "Weekly digest",
            sender="news@jobs.example",
            to="list@jobs.example",
            body="Ten new roles this week. Unsubscribe anytime.",
            extra=["Bcc: me@example.com", "List-Id: <digest.jobs.example>"],
        ),
        label_ids=["INBOX"],
    )["id"]
    return a, b


def test_from(api: Api, two: tuple[str, str]) -> None:
    assert found(api, "from:ann@acme.example") == {two[0]}
    assert found(api, "from:acme") == {two[0]}
    assert found(api, "from:(Ann Lee)") == {two[0]}


def test_from_me_means_the_mailbox_owner(api: Api, backend: Backend) -> None:
    own = backend.deliver(ME, mail("x", sender=ME, to="a@b.example"))["id"]
    backend.deliver(ME, mail("y"))
    assert found(api, "from:me") == {own}


def test_to(api: Api, two: tuple[str, str]) -> None:
    assert found(api, "to:list@jobs.example") == {two[1]}
    assert found(api, "to:me") == {two[0]}


def test_cc_and_bcc(api: Api, two: tuple[str, str]) -> None:
    assert found(api, "cc:hr@acme.example") == {two[0]}
    assert found(api, "bcc:me@example.com") == {two[1]}


def test_subject_word_and_phrase(api: Api, two: tuple[str, str]) -> None:
    assert found(api, "subject:interview") == {two[0]}
    assert found(api, 'subject:"weekly digest"') == {two[1]}
    assert found(api, 'subject:"digest weekly"') == set()
    assert found(api, "subject:(weekly digest)") == {two[1]}


def test_bare_words_search_headers_and_body_case_insensitively(
    api: Api, two: tuple[str, str]
) -> None:
    assert found(api, "ONSITE") == {two[0]}
    assert found(api, "unsubscribe") == {two[1]}
    assert found(api, "acme") == {two[0]}
    assert found(api, "slot interview") == {two[0]}
    assert found(api, "nowhere") == set()


def test_bare_words_match_at_word_starts_only(api: Api, two: tuple[str, str]) -> None:
    assert found(api, "inter") == {two[0]}
    assert found(api, "terview") == set()


def test_quoted_phrase(api: Api, two: tuple[str, str]) -> None:
    assert found(api, '"pick a slot"') == {two[0]}
    assert found(api, '"slot a pick"') == set()


def test_negation(api: Api, two: tuple[str, str]) -> None:
    assert found(api, "-from:acme") == {two[1]}
    assert found(api, "-interview") == {two[1]}


def test_or_and_braces(api: Api, two: tuple[str, str]) -> None:
    assert found(api, "from:acme OR from:jobs") == set(two)
    assert found(api, "{onsite unsubscribe}") == set(two)


def test_parentheses_group(api: Api, two: tuple[str, str]) -> None:
    assert found(api, "(interview OR digest) -from:news@jobs.example") == {two[0]}


def test_in_and_label(api: Api, backend: Backend, two: tuple[str, str]) -> None:
    label = api("labels.create", {"name": "Job Search/Acme Corp"})["id"]
    api("messages.modify", {"addLabelIds": [label]}, id=two[0])
    assert found(api, "label:job-search-acme-corp") == {two[0]}
    assert found(api, "in:job-search-acme-corp") == {two[0]}
    assert found(api, "in:inbox") == set(two)
    assert found(api, "label:unknown-label") == set()


def test_in_sent_and_drafts(api: Api, backend: Backend) -> None:
    sent = backend.deliver(ME, mail("s"), label_ids=["SENT"])["id"]
    assert found(api, "in:sent") == {sent}
    assert found(api, "in:drafts") == set()


def test_in_trash_spam_and_anywhere_reveal_hidden_mail(
    api: Api, backend: Backend, two: tuple[str, str]
) -> None:
    binned = backend.deliver(ME, mail("old"), label_ids=["TRASH"])["id"]
    junk = backend.deliver(ME, mail("junk"), label_ids=["SPAM"])["id"]
    assert found(api, "in:trash") == {binned}
    assert found(api, "in:spam") == {junk}
    assert found(api, "in:anywhere") == {*two, binned, junk}
    assert found(api, "") == set(two)


def test_is_unread_read_starred_important(api: Api, two: tuple[str, str]) -> None:
    assert found(api, "is:unread") == {two[0]}
    assert found(api, "is:read") == {two[1]}
    api("messages.modify", {"addLabelIds": ["STARRED", "IMPORTANT"]}, id=two[1])
    assert found(api, "is:starred") == {two[1]}
    assert found(api, "is:important") == {two[1]}


def test_category(api: Api, backend: Backend) -> None:
    promo = backend.deliver(ME, mail("sale"), label_ids=["INBOX", "CATEGORY_PROMOTIONS"])["id"]
    backend.deliver(ME, mail("hi"), label_ids=["INBOX", "CATEGORY_PERSONAL"])
    assert found(api, "category:promotions") == {promo}


def test_has_attachment_and_filename(api: Api, backend: Backend, two: tuple[str, str]) -> None:
    raw = (
        b"From: a@b.example\r\nTo: me@example.com\r\nSubject: CV\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="B"\r\n\r\n--B\r\n'
        b"Content-Type: text/plain\r\n\r\nsee attached\r\n--B\r\n"
        b'Content-Type: application/pdf; name="resume.pdf"\r\n'
        b'Content-Disposition: attachment; filename="resume.pdf"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--B--\r\n"
    )
    with_file = backend.deliver(ME, raw)["id"]
    assert found(api, "has:attachment") == {with_file}
    assert found(api, "filename:pdf") == {with_file}
    assert found(api, "filename:resume.pdf") == {with_file}
    assert found(api, "filename:docx") == set()


def test_rfc822msgid(api: Api, two: tuple[str, str]) -> None:
    assert found(api, "rfc822msgid:inv-1@acme.example") == {two[0]}
    assert found(api, "rfc822msgid:<inv-1@acme.example>") == {two[0]}


def test_deliveredto_and_list(api: Api, two: tuple[str, str]) -> None:
    assert found(api, "deliveredto:me@example.com") == {two[0]}
    assert found(api, "list:digest.jobs.example") == {two[1]}


def test_larger_and_smaller(api: Api, backend: Backend) -> None:
    big = backend.deliver(ME, mail("big", body="x" * 5000))["id"]
    small = backend.deliver(ME, mail("small"))["id"]
    assert found(api, "larger:4K") == {big}
    assert found(api, "smaller:4K") == {small}


def test_newer_than_and_older_than_use_the_emulator_clock(
    api: Api, backend: Backend, clock: Clock
) -> None:
    old = backend.deliver(ME, mail("old"))["id"]
    clock.advance(timedelta(days=3))
    new = backend.deliver(ME, mail("new"))["id"]
    assert found(api, "newer_than:2d") == {new}
    assert found(api, "older_than:2d") == {old}
    assert found(api, "newer_than:4d") == {old, new}
    assert found(api, "newer_than:1h") == {new}
    clock.advance(timedelta(days=40))
    assert found(api, "older_than:1m") == {old, new}
    assert found(api, "newer_than:1y") == {old, new}


def test_after_and_before_read_dates_as_pacific_midnight(api: Api, backend: Backend) -> None:
    # 2026-03-02 07:30 UTC is still March 1st in Los Angeles (PST, UTC-8).
    early = backend.deliver(ME, mail("a"), internal_date_ms=_ms("2026-03-02T07:30:00+00:00"))
    late = backend.deliver(ME, mail("b"), internal_date_ms=_ms("2026-03-02T08:30:00+00:00"))
    assert found(api, "after:2026/03/02") == {late["id"]}
    assert found(api, "before:2026/03/02") == {early["id"]}
    assert found(api, "after:2026/03/01 before:2026/03/03") == {early["id"], late["id"]}


def test_after_and_before_accept_epoch_seconds(api: Api, backend: Backend) -> None:
    at = _ms("2026-03-02T12:00:00+00:00")
    one = backend.deliver(ME, mail("a"), internal_date_ms=at)["id"]
    assert found(api, f"after:{at // 1000 - 1}") == {one}
    assert found(api, f"before:{at // 1000 - 1}") == set()


def test_unknown_operators_are_plain_text(api: Api, backend: Backend) -> None:
    hit = backend.deliver(ME, mail("x", body="see foo:bar here"))["id"]
    assert found(api, "foo:bar") == {hit}


def test_combining_labels_param_and_query(api: Api, two: tuple[str, str]) -> None:
    assert found(api, "is:read", labelIds=["INBOX"]) == {two[1]}
    assert found(api, "is:unread", labelIds=["STARRED"]) == set()


def test_or_binds_tighter_than_and() -> None:
    q = parse_query("a b OR c")
    assert q.root == And((Text("a", phrase=False), Or((Text("b", False), Text("c", False)))))


def test_parser_builds_operators_phrases_and_negation() -> None:
    q = parse_query('-from:ann subject:"next steps"')
    assert q.root == And((Not(Op("from", "ann")), Op("subject", "next steps", phrase=True)))


@pytest.mark.parametrize("query", ["(", ")", '"', "-", "OR", "from:", "((a)", "{", "a OR"])
def test_malformed_queries_never_raise(api: Api, two: tuple[str, str], query: str) -> None:
    api("messages.list", q=query)


def test_label_token_spelling() -> None:
    assert label_token("Job Search/Acme Corp") == "job-search-acme-corp"


def test_absolute_dates_in_other_spellings() -> None:
    assert absolute_ms("2026/03/02") == absolute_ms("03/02/2026") == absolute_ms("2026-03-02")
    assert absolute_ms("2026/13/45") is None


def _ms(iso: str) -> int:
    from datetime import datetime

    return int(datetime.fromisoformat(iso).timestamp() * 1000)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from([*'ab:-"(){} ', "from:", "in:", " OR ", "is:"])).map("".join))
def test_any_query_text_parses_and_evaluates(query: str) -> None:
    backend = Backend(Clock(frozen=True))
    backend.create_mailbox(ME)
    backend.deliver(ME, mail("a b", body="a or b"))
    Api(backend)("messages.list", q=query)


def test_deeply_nested_queries_do_not_overflow_the_stack(api: Api) -> None:
    api("messages.list", q="(" * 5000 + "a" + ")" * 5000)


def test_bare_words_are_found_inside_encoded_bodies(api: Api, backend: Backend) -> None:
    import base64 as b64mod

    encoded = b64mod.b64encode(b"The offer letter is attached").decode()
    b64_mail = mail("x", body=encoded, extra=["Content-Transfer-Encoding: base64"])
    qp_mail = mail(
        "y", body="Caf=C3=A9 off=\r\ner", extra=["Content-Transfer-Encoding: quoted-printable"]
    )
    in_b64 = backend.deliver(ME, b64_mail)["id"]
    in_qp = backend.deliver(ME, qp_mail)["id"]
    assert found(api, "offer") == {in_b64, in_qp}
    assert found(api, "café") == {in_qp}
