"""Which application a mail belongs to.

Same thread first; then the same employer contact, or the same company domain,
in another thread (replies outside the thread must count, issue 5); then the
company name, which is how ATS no-reply mail is linked. Free-mail and ATS domains
say nothing about the employer, so they never match by domain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from followup.core.events import MailSeen
from followup.core.model import Application, Kind, State

# Shared by millions of senders: a domain match here would join strangers' applications.
FREE_MAIL_DOMAINS = frozenset(
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
        "yahoo.com", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me",
        "protonmail.com", "gmx.com", "gmx.de", "gmx.net", "web.de", "mail.com", "yandex.com",
        "zoho.com", "fastmail.com", "hey.com", "qq.com", "163.com",
    }
)  # fmt: skip

# Applicant tracking systems and job boards send for many employers. The ".example" ones are
# the invented look-alikes the corpus and the emulator use.
ATS_DOMAINS = frozenset(
    {
        "greenhouse.io", "lever.co", "myworkdayjobs.com", "myworkday.com", "workday.com",
        "smartrecruiters.com", "icims.com", "ashbyhq.com", "jobvite.com", "workable.com",
        "bamboohr.com", "recruitee.com", "teamtailor.com", "successfactors.com", "taleo.net",
        "breezy.hr", "jazzhr.com", "applytojob.com", "personio.de", "personio.com",
        "linkedin.com", "indeed.com", "ziprecruiter.com", "glassdoor.com", "hirebridge.com",
        "greenhaus-mail.example", "leverly.example", "smartrecruit.example",
        "myworkplace-hr.example", "hirely.example", "talentsys.example", "ashline.example",
        "linkwise.example",
    }
)  # fmt: skip

_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc"})
_COMPANY_SUFFIX = re.compile(
    r"\b(inc|ltd|llc|plc|gmbh|ag|sa|sas|bv|corp|corporation|co|company|limited|group)\b\.?"
)


def domain_of(address: str) -> str:
    return address.rsplit("@", 1)[-1].strip().lower().rstrip(">")


def base_domain(domain: str) -> str:
    """``mail.hirely.example`` -> ``hirely.example``; ``jobs.acme.co.uk`` -> ``acme.co.uk``."""
    labels = domain.lower().strip(".").split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def is_shared_domain(domain: str) -> bool:
    """Free mail or an ATS: the domain does not identify an employer."""
    base = base_domain(domain)
    return base in FREE_MAIL_DOMAINS or base in ATS_DOMAINS or domain.lower() in ATS_DOMAINS


def normalize_company(name: str | None) -> str:
    if not name:
        return ""
    lowered = re.sub(r"[^\w\s]", " ", name.lower())
    return " ".join(_COMPANY_SUFFIX.sub(" ", lowered).split())


def _employer_domains(app: Application) -> set[str]:
    return {
        base_domain(domain_of(c.address))
        for c in app.contacts
        if not c.no_reply and not is_shared_domain(domain_of(c.address))
    }


def _pick(found: Iterable[Application]) -> Application | None:
    """Prefer an open application, then the most recently active one; ties by id."""
    ranked = sorted(
        found,
        key=lambda a: (
            a.state is not State.CLOSED,
            a.messages[-1].at if a.messages else a.created_at,
            a.id,
        ),
    )
    return ranked[-1] if ranked else None


def match(apps: Mapping[str, Application], mail: MailSeen) -> Application | None:
    """The application ``mail`` belongs to, or None when it belongs to none."""
    ordered = [apps[k] for k in sorted(apps)]
    by_thread = [a for a in ordered if mail.thread_id in a.thread_ids]
    if by_thread:
        return _pick(by_thread)
    # A new invitation does not reopen a closed application outside its thread: it is new.
    pool = ordered
    if mail.kind is Kind.INTERVIEW_INVITE:
        pool = [a for a in ordered if a.state is not State.CLOSED]

    if mail.from_user:
        addresses = {a.lower() for a in (*mail.to, *mail.cc)}
    elif mail.kind is Kind.BOUNCE:
        addresses = {a.lower() for a in mail.bounced_recipients}
    else:
        addresses = {mail.sender.lower()} | ({mail.reply_to.lower()} if mail.reply_to else set())

    # No-reply addresses are shared by every employer on an ATS: only humans identify one.
    by_contact = [
        a for a in pool if addresses & {c.address.lower() for c in a.contacts if not c.no_reply}
    ]
    if by_contact:
        return _pick(by_contact)

    if not mail.is_no_reply_sender or mail.from_user or mail.kind is Kind.BOUNCE:
        domains = {
            base_domain(domain_of(x)) for x in addresses if not is_shared_domain(domain_of(x))
        }
        by_domain = [a for a in pool if domains & _employer_domains(a)]
        if by_domain:
            return _pick(by_domain)

    company = normalize_company(mail.company)
    if company and not mail.from_user:
        by_company = [a for a in pool if normalize_company(a.company) == company]
        if by_company:
            return _pick(by_company)
    return None
