"""The draft composer: Jinja2 templates in, a threaded RFC 5322 reply out.

The core receives template *sources* (a :class:`TemplateSet`); the edge decides
where they come from (the shipped set, overridden by files in the user's config
folder). Templates run in Jinja's sandbox with HTML autoescaped, so a company or
name taken from received mail cannot inject markup, and ``draft.ComposedDraft``
keeps such values out of headers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from importlib import resources

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from followup.core.draft import ComposedDraft, clean_header, clean_msgid
from followup.core.model import Application, Contact, DraftStep, MessageRecord
from followup.core.policy import Policy

TEMPLATE_NAMES = ("thank_you", "check_in_1", "check_in_2", "closing_note")
"""Each has ``<name>.txt.j2`` (plain text) and ``<name>.html.j2`` (simple HTML)."""

_REPLY_PREFIX = re.compile(r"^\s*((re|aw|sv|antw|fwd?|wg)\s*(\[\d+\])?\s*:\s*)+", re.IGNORECASE)


class TemplateError(ValueError):
    """Raised when a template set is incomplete or a template does not render."""


@cache
def _shipped_sources() -> tuple[tuple[str, str], ...]:
    # Package data, read once: the core's only resource access, and no user files.
    root = resources.files("followup.core.templates")
    return tuple(
        (f"{name}.{ext}.j2", root.joinpath(f"{name}.{ext}.j2").read_text(encoding="utf-8"))
        for name in TEMPLATE_NAMES
        for ext in ("txt", "html")
    )


@dataclass(frozen=True, slots=True)
class TemplateSet:
    """Template sources by file name (``thank_you.txt.j2`` ...)."""

    sources: tuple[tuple[str, str], ...]

    @classmethod
    def shipped(cls) -> TemplateSet:
        return cls(_shipped_sources())

    def with_overrides(self, overrides: Mapping[str, str]) -> TemplateSet:
        """The user's files replace shipped ones of the same name; unknown names are refused."""
        known = dict(self.sources)
        unknown = sorted(set(overrides) - set(known))
        if unknown:
            raise TemplateError(f"unknown template names {unknown}; known: {sorted(known)}")
        merged = {**known, **overrides}
        out = TemplateSet(tuple(sorted(merged.items())))
        out.check()
        return out

    def check(self) -> None:
        """Render every template with sample values, so a broken override fails at load."""
        sample = _variables(
            contact_name="Ada Lovelace",
            company="Example Ltd",
            role="Engineer",
            interview=datetime(2026, 1, 6, 15, 0, tzinfo=UTC),
            respond_by=date(2026, 1, 9),
            user_name="Sam Doe",
            policy=Policy(),
            check_in=1,
        )
        for name in TEMPLATE_NAMES:
            _render(self, name, sample)


@dataclass(frozen=True, slots=True)
class UserProfile:
    """Who the drafts are from, and the templates they are written with."""

    address: str
    name: str | None = None
    templates: TemplateSet = field(default_factory=TemplateSet.shipped)


@cache
def _environment(sources: tuple[tuple[str, str], ...]) -> jinja2.Environment:
    return SandboxedEnvironment(
        loader=jinja2.DictLoader(dict(sources)),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2")),
        undefined=jinja2.StrictUndefined,  # a typo in a user's template fails loudly
        keep_trailing_newline=True,
    )


def _render(templates: TemplateSet, name: str, variables: dict[str, object]) -> tuple[str, str]:
    env = _environment(templates.sources)
    try:
        text = env.get_template(f"{name}.txt.j2").render(variables)
        html = env.get_template(f"{name}.html.j2").render(variables)
    except jinja2.TemplateError as exc:
        raise TemplateError(f"template {name}: {exc}") from exc
    return text, html


def _format_day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B}"  # "Tuesday 6 January": no locale, no zero padding


def _variables(
    *,
    contact_name: str | None,
    company: str | None,
    role: str | None,
    interview: datetime | None,
    respond_by: date | None,
    user_name: str | None,
    policy: Policy,
    check_in: int,
) -> dict[str, object]:
    contact_name = clean_header(contact_name) if contact_name else None
    local = interview.astimezone(policy.zone) if interview else None
    return {
        "contact_name": contact_name,
        "contact_first_name": contact_name.split()[0] if contact_name else None,
        "company": clean_header(company) if company else None,
        "role": clean_header(role) if role else None,
        "interview_date": _format_day(local.date()) if local else None,
        "interview_time": f"{local:%H:%M}" if local else None,
        "respond_by": _format_day(respond_by) if respond_by else None,
        "user_name": clean_header(user_name) if user_name else None,
        "user_first_name": user_name.split()[0] if user_name else None,
        "check_in_number": check_in,
    }


def reply_subject(subject: str) -> str:
    """ "Re: " + the thread's subject, without stacking "Re: Re:" (or "AW:", "Fwd:")."""
    base = _REPLY_PREFIX.sub("", clean_header(subject)).strip()
    return f"Re: {base}" if base else ""


def thread_references(last: MessageRecord) -> tuple[str | None, tuple[str, ...]]:
    """In-Reply-To and References for a reply to ``last`` (RFC 5322 section 3.6.4)."""
    own = clean_msgid(last.rfc822_message_id) if last.rfc822_message_id else None
    refs: list[str] = []
    for ref in (*last.references, *([own] if own else [])):
        cleaned = clean_msgid(ref)
        if cleaned and cleaned not in refs:
            refs.append(cleaned)
    return own, tuple(refs)


def template_name(step: DraftStep, check_in: int) -> str:
    if step is DraftStep.CHECK_IN:
        return "check_in_1" if check_in <= 1 else "check_in_2"
    return step.value


def compose_draft(
    app: Application,
    *,
    step: DraftStep,
    check_in: int,
    recipient: Contact,
    thread_id: str | None,
    policy: Policy,
    profile: UserProfile,
) -> ComposedDraft:
    """The reply for ``step``, threaded on the last message of ``thread_id``."""
    rnd = app.current_round
    variables = _variables(
        contact_name=recipient.name,
        company=app.company,
        role=app.role,
        interview=rnd.start if rnd else None,
        respond_by=app.respond_by,
        user_name=profile.name,
        policy=policy,
        check_in=check_in,
    )
    text, html = _render(profile.templates, template_name(step, check_in), variables)
    thread = [m for m in app.messages if m.thread_id == thread_id]
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    subject = ""
    if thread:
        subject = reply_subject(thread[0].subject)
        in_reply_to, references = thread_references(thread[-1])
    if not subject:
        what = "Thank you" if step is DraftStep.THANK_YOU else "Following up"
        about = " - ".join(x for x in (app.role, app.company) if x)
        subject = clean_header(f"{what}: {about}" if about else what)
    return ComposedDraft(
        to=recipient.address,
        to_name=recipient.name,
        from_address=profile.address,
        from_name=profile.name,
        subject=subject,
        in_reply_to=in_reply_to,
        references=references,
        text=text,
        html=html,
    )
