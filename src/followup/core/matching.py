"""Which application a mail belongs to.

Same thread first; then the same employer contact, or the same company domain,
in another thread (replies outside the thread must count, issue 5); then the
company name, which is how ATS no-reply mail is linked. Free-mail and ATS domains
say nothing about the employer, so they never match by domain.

Outside its threads, an application is only joined by employer mail that does not
name another company, and by invitations that do not name another role: an agency
recruiter writes from one address about many clients (seed 002).
"""

from __future__ import annotations

import re
from collections.abc import ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from dataclasses import replace
from functools import lru_cache

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


@lru_cache(maxsize=65536)
def normalize_company(name: str | None) -> str:
    """ "ACME Corp." and "Acme" are one employer."""
    if not name:
        return ""
    lowered = re.sub(r"[^\w\s]", " ", name.lower())
    return " ".join(_COMPANY_SUFFIX.sub(" ", lowered).split())


def same_name(a: str | None, b: str | None) -> bool | None:
    """Whether two company (or role) names may name the same thing; None if either is unknown.

    One name holding all the other's words counts as the same ("Acme" and "Acme Robotics",
    "Data Analyst" and "Senior Data Analyst"): the classifier reads names loosely, and
    splitting one application in two loses its follow-ups.
    """
    words_a, words_b = (
        frozenset(normalize_company(a).split()),
        frozenset(normalize_company(b).split()),
    )
    if not words_a or not words_b:
        return None
    return words_a <= words_b or words_b <= words_a


def domain_names_company(domain: str, company: str | None) -> bool:
    """``jobs.brightloom.example`` names "Brightloom"; ``talentbridge.example`` does not name
    "Okapi Logistics", and a free-mail or ATS domain names nobody."""
    if is_shared_domain(domain):
        return False
    label = base_domain(domain).split(".")[0]
    words = normalize_company(company).split()
    joined = "".join(words)
    if not words or not label:
        return False
    if label in words or label == joined:
        return True
    short, long_ = sorted((label, joined), key=len)
    return len(short) >= 4 and long_.startswith(short)


def without_vendor_company(mail: MailSeen) -> MailSeen:
    """``mail`` with no company when the one read is only its shared sender's own name.

    "Greenhouse" read from no-reply@greenhouse.io names the ATS, not the employer: kept, it
    would open an application called "Greenhouse" that every later mail from that ATS
    joins by company name, and a rejection there would close the wrong application.
    """
    domain = domain_of(mail.sender)
    if mail.from_user or not mail.company or not is_shared_domain(domain):
        return mail
    label = base_domain(domain).split(".")[0]
    read = normalize_company(mail.company).replace(" ", "")
    if read in {label.replace("-", ""), label.split("-")[0]}:
        return replace(mail, company=None)
    return mail


def _employer_domains(app: Application) -> frozenset[str]:
    return _contact_domains(tuple(c.address for c in app.contacts if not c.no_reply))


@lru_cache(maxsize=65536)
def _contact_domains(addresses: tuple[str, ...]) -> frozenset[str]:
    """Cached: matching asks this of every application for every mail."""
    return frozenset(
        base_domain(domain_of(a)) for a in addresses if not is_shared_domain(domain_of(a))
    )


def _keys(app: Application, kind: str) -> frozenset[str]:
    """What an application can be found by, per kind of lookup."""
    if kind == "thread":
        return frozenset(app.thread_ids)
    if kind == "address":  # no-reply addresses are shared by every employer on an ATS
        return frozenset(c.address.lower() for c in app.contacts if not c.no_reply)
    if kind == "domain":
        return _employer_domains(app)
    company = normalize_company(app.company)
    return frozenset({company}) if company else frozenset()


_KINDS = ("thread", "address", "domain", "company")


class ApplicationBook(Mapping[str, Application]):
    """Applications by id, indexed the way :func:`match` looks them up.

    A plain dict works everywhere a book does; the book only makes matching
    independent of how many applications there are (the simulator runs 1,000).
    The core only reads it; the shell calls :meth:`update` with an Outcome's
    applications. Not thread-safe.
    """

    def __init__(self, apps: Mapping[str, Application] | None = None) -> None:
        self._apps: dict[str, Application] = {}
        self._index: dict[str, dict[str, set[str]]] = {k: {} for k in _KINDS}
        self.update(apps or {})

    def __getitem__(self, key: str) -> Application:
        return self._apps[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._apps)

    def __len__(self) -> int:
        return len(self._apps)

    # The Mapping mixins go through __getitem__ per item; the dict's own views do not.
    def keys(self) -> KeysView[str]:
        return self._apps.keys()

    def values(self) -> ValuesView[Application]:
        return self._apps.values()

    def items(self) -> ItemsView[str, Application]:
        return self._apps.items()

    def update(self, changed: Mapping[str, Application]) -> None:
        for key, app in changed.items():
            old = self._apps.get(key)
            for kind in _KINDS:
                before = _keys(old, kind) if old is not None else frozenset()
                after = _keys(app, kind)
                for value in before - after:
                    self._index[kind][value].discard(key)
                for value in after - before:
                    self._index[kind].setdefault(value, set()).add(key)
            self._apps[key] = app

    def lookup(self, kind: str, values: Iterable[str]) -> list[Application]:
        ids: set[str] = set()
        for value in values:
            ids |= self._index[kind].get(value, set())
        return [self._apps[i] for i in ids]


def _find(apps: Mapping[str, Application], kind: str, values: set[str]) -> list[Application]:
    if not values:
        return []
    if isinstance(apps, ApplicationBook):
        return apps.lookup(kind, values)
    return [a for a in apps.values() if _keys(a, kind) & values]


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
    by_thread = _find(apps, "thread", {mail.thread_id})
    if by_thread:
        return _pick(by_thread)

    def eligible(found: list[Application]) -> list[Application]:
        if mail.from_user:  # the user's own words name companies loosely: only a preference
            return [a for a in found if same_name(a.company, mail.company)] or found
        if mail.kind is Kind.BOUNCE:  # its sender is a mail system, found by the recipients
            return found
        # An employer's own domain outweighs the company the classifier read (it may be a
        # person's name); an agency's or a free-mail domain leaves only the company to go by.
        found = [
            a
            for a in found
            if same_name(a.company, mail.company) is not False
            or domain_names_company(domain_of(mail.sender), a.company)
        ]
        # A new invitation does not reopen a closed application outside its thread, nor join
        # one for another role: it is new.
        if mail.kind is Kind.INTERVIEW_INVITE:
            return [
                a
                for a in found
                if a.state is not State.CLOSED and same_name(a.role, mail.role) is not False
            ]
        return found

    if mail.from_user:
        addresses = {a.lower() for a in (*mail.to, *mail.cc)}
    elif mail.kind is Kind.BOUNCE:
        addresses = {a.lower() for a in mail.bounced_recipients}
    else:
        addresses = {mail.sender.lower()} | ({mail.reply_to.lower()} if mail.reply_to else set())

    by_contact = eligible(_find(apps, "address", addresses))
    if by_contact:
        return _pick(by_contact)

    if not mail.is_no_reply_sender or mail.from_user or mail.kind is Kind.BOUNCE:
        domains = {
            base_domain(domain_of(x)) for x in addresses if not is_shared_domain(domain_of(x))
        }
        by_domain = eligible(_find(apps, "domain", domains))
        if by_domain:
            return _pick(by_domain)

    company = normalize_company(mail.company)
    if company and not mail.from_user:
        by_company = eligible(_find(apps, "company", {company}))
        if by_company:
            return _pick(by_company)
    return None
