"""Matching helpers and the indexed ApplicationBook (must agree with a plain dict)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from followup.core.engine import replay
from followup.core.events import Kind
from followup.core.matching import (
    ApplicationBook,
    base_domain,
    domain_names_company,
    is_shared_domain,
    match,
    normalize_company,
    same_name,
)
from followup.core.policy import Policy

from .helpers import MONDAY, PROFILE, at, invite, mail


@pytest.mark.parametrize(
    ("domain", "base"),
    [
        ("mail.hirely.example", "hirely.example"),
        ("jobs.acme.co.uk", "acme.co.uk"),
        ("acme.com", "acme.com"),
    ],
)
def test_base_domain_keeps_the_registrable_part(domain: str, base: str) -> None:
    assert base_domain(domain) == base


def test_free_mail_and_ats_domains_are_shared() -> None:
    assert is_shared_domain("gmail.com")
    assert is_shared_domain("us.greenhouse.io")
    assert is_shared_domain("us.greenhaus-mail.example")
    assert not is_shared_domain("northwind-robotics.example")


def test_company_names_match_across_legal_suffixes_and_case() -> None:
    assert normalize_company("ACME Corp.") == normalize_company("Acme") == "acme"
    assert normalize_company("Brückner & Haas GmbH") == "brückner haas"


def test_the_book_finds_what_a_plain_dict_finds_after_updates() -> None:
    events = [
        invite(),
        invite("m2", MONDAY, thread="t2", sender="bob@globex.example", company="Globex"),
        mail("r1", at(7), Kind.EMPLOYER_REPLY, thread="t3", sender="carol@acme.example"),
    ]
    apps, _, _ = replay(events, Policy(), PROFILE)
    book = ApplicationBook(apps)
    probes = [
        mail("p1", at(8), thread="t1"),
        mail("p2", at(8), thread="zz", sender="carol@acme.example"),
        mail("p3", at(8), thread="zz", sender="dave@globex.example", company=None),
        mail(
            "p4",
            at(8),
            thread="zz",
            sender="no-reply@greenhouse.io",
            no_reply=True,
            company="Globex",
        ),
        mail("p5", at(8), thread="zz", sender="x@gmail.com", company=None),
    ]
    for probe in probes:
        found_dict, found_book = match(apps, probe), match(book, probe)
        assert found_dict == found_book, probe.message_id
    # Re-indexing: after an application loses a thread, the book no longer finds it there.
    stranger = mail("p6", at(8), thread="t1", sender="x@gmail.com", company=None)
    first = match(book, stranger)
    assert first is not None
    book.update({first.id: replace(first, thread_ids=("t9",))})
    assert match(book, stranger) is None
    assert match(book, replace(stranger, thread_id="t9")) == book[first.id]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Acme", "ACME Corp.", True),
        ("Acme", "Acme Robotics", True),
        ("Data Analyst", "Senior Data Analyst", True),
        ("Okapi Logistics", "Harbor & Pine", False),
        ("Operations Planner", "Supply Chain Analyst", False),
        ("Acme", None, None),
        ("", "Acme", None),
    ],
)
def test_names_are_the_same_when_one_holds_all_the_others_words(
    a: str | None, b: str | None, same: bool | None
) -> None:
    assert same_name(a, b) is same


@pytest.mark.parametrize(
    ("domain", "company", "names"),
    [
        ("brightloom.example", "Brightloom", True),
        ("jobs.acme.co.uk", "ACME Ltd", True),
        ("harborpine.com", "Harbor & Pine", True),
        ("acmerobotics.com", "Acme", True),
        ("talentbridge.example", "Okapi Logistics", False),
        ("gmail.com", "Gmail", False),
        ("acme.example", None, False),
    ],
)
def test_a_domain_names_a_company_when_its_name_spells_it(
    domain: str, company: str | None, names: bool
) -> None:
    assert domain_names_company(domain, company) is names
