"""Everyday commands on applications: status, show, add, pause, resume, close, correct.

Reading commands (status, show) open only the local database, so they work offline and cost
no Gmail quota. Changing commands go through the same Service as the watcher, so a pause or a
correction is carried out in Gmail at once (drafts tidied, labels moved) and recorded exactly
like an event the watcher saw.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo

import click
import requests
from rich.console import Console
from rich.table import Table
from rich.text import Text

from followup.adapters.ingest import SKIP_LABELS
from followup.adapters.outbox import OWNER_PREFIX
from followup.config import Config, load_config
from followup.core.events import ManualApplication, Reclassified, UserCommand
from followup.core.model import Application, Kind, State
from followup.errors import FollowupError
from followup.paths import Paths, default_paths
from followup.ports import Correction, MessageData, OutboxEntry, OutboxState, Store

if TYPE_CHECKING:
    from followup.bootstrap import Wiring
    from followup.service import Service

GMAIL_THREAD_URL = "https://mail.google.com/mail/u/0/#inbox/{thread_id}"
GMAIL_DRAFT_URL = "https://mail.google.com/mail/u/0/#drafts?compose={message_id}"
_GMAIL_ID = re.compile(r"^[0-9a-f]{10,20}$")
_LIVE_DRAFT_STATES: tuple[OutboxState, ...] = ("created", "kept")


# -- opening the store and the service ----------------------------------------------------------


def _setup() -> tuple[Paths, Config]:
    paths = default_paths()
    return paths, load_config(paths.config_file)


@contextmanager
def _reading_store(paths: Paths) -> Iterator[Store | None]:
    """The local database for reading, or None before the first sync (nothing to show)."""
    if not paths.database_file.exists():
        yield None
        return
    from followup.adapters.store import SqliteStore

    store = SqliteStore(paths.database_file)
    try:
        yield store
    finally:
        store.close()


@dataclass(frozen=True, slots=True)
class _EmulatorClock:
    """The local Gmail emulator's clock, which the demo moves by weeks: a command run against
    the emulator must happen at the emulator's "now", not the machine's."""

    url: str

    def now(self) -> datetime:
        response = requests.get(f"{self.url}/_emulator/clock", timeout=10)
        response.raise_for_status()
        return datetime.fromisoformat(str(response.json()["now"]))


def _emulator_clock(config: Config) -> _EmulatorClock | None:
    """An emulator clock when [account] api_endpoint is a local emulator that answers."""
    from followup.auth import is_loopback_http

    endpoint = config.account.api_endpoint.rstrip("/")
    if not endpoint or not is_loopback_http(endpoint):
        return None
    clock = _EmulatorClock(endpoint)
    try:
        clock.now()
    except (requests.RequestException, KeyError, ValueError):
        return None
    return clock


@contextmanager
def _service(paths: Paths, config: Config) -> Iterator[Wiring]:
    from followup.bootstrap import build_service

    wiring = build_service(paths, config, clock=_emulator_clock(config))
    try:
        yield wiring
    finally:
        wiring.close()


def _resolve(store: Store | None, text: str) -> Application:
    """An application by id, id prefix or a piece of the company name; must be unique."""
    found = store.find_applications(text) if store is not None else []
    exact = [app for app in found if app.id == text]
    if exact:
        return exact[0]
    if not found:
        raise FollowupError(
            f"no application matches {text!r}",
            hint="`followup status` lists them with their ids.",
        )
    if len(found) > 1:
        choices = ", ".join(f"{app.id} ({app.company or '?'})" for app in found[:8])
        raise click.BadParameter(
            f"{text!r} matches several applications: {choices}", param_hint="APP"
        )
    return found[0]


# -- status -------------------------------------------------------------------------------------


@click.command()
@click.option("--all", "show_all", is_flag=True, help="Include closed applications.")
def status(show_all: bool) -> None:
    """List your applications: state, last event, next step and its date, Gmail link.

    \b
    Examples:
      followup status
      followup status --all
    """
    paths, config = _setup()
    zone = ZoneInfo(config.user.timezone)
    with _reading_store(paths) as store:
        apps = store.load_applications() if store is not None else []
        drafts = _drafts_by_app(store.outbox(*_LIVE_DRAFT_STATES)) if store is not None else {}
    shown = [app for app in apps if show_all or app.state is not State.CLOSED]
    if not shown:
        hidden = len(apps) - len(shown)
        click.echo(
            "No applications yet. `followup watch` finds them in Gmail; `followup add` adds one."
            if not apps
            else f"No open applications ({hidden} closed: `followup status --all`)."
        )
        return
    console = _console()
    # A Gmail link is ~70 characters: on a narrow terminal it folds into an unreadable column,
    # so the links move below the table, one line per application.
    links_inline = console.width >= WIDE_TABLE
    columns = ["id", "company", "role", "state", "last event", "next", "when"]
    table = Table(title="Applications", title_justify="left")
    for column in [*columns, "Gmail"] if links_inline else columns:
        table.add_column(column, overflow="fold", no_wrap=column == "id")
    ordered = sorted(shown, key=lambda a: _sort_key(a))
    for app in ordered:
        cells = [
            app.id,
            app.company or "?",
            app.role or "",
            _state_text(app),
            _last_event(app, zone),
            _next_text(app),
            _when(app, zone),
        ]
        if links_inline:
            cells.append(_link(app, drafts.get(app.id)))
        table.add_row(*(Text(cell) for cell in cells))
    console.print(table)
    if not links_inline:
        console.print("Open in Gmail:")
        for app in ordered:
            console.print(Text(f"  {app.id}  {_link(app, drafts.get(app.id))}"), soft_wrap=True)


WIDE_TABLE = 150  # columns needed to show the Gmail links inside the table


def _console() -> Console:
    console = Console()
    if console.is_terminal or os.environ.get("COLUMNS"):
        return console  # rich sizes itself to the terminal, or to $COLUMNS when piped
    return Console(width=240)  # piped with no width given: keep rows whole for grep


def _sort_key(app: Application) -> tuple[int, str]:
    due = app.next_action.due.isoformat() if app.next_action else "9999"
    return (0 if app.pending else 1, due)


def _drafts_by_app(entries: list[OutboxEntry]) -> dict[str, OutboxEntry]:
    latest: dict[str, OutboxEntry] = {}
    for entry in entries:
        if entry.draft_message_id:
            latest[entry.application_id] = entry
    return latest


def _state_text(app: Application) -> str:
    text = app.state.value.replace("_", " ")
    if app.state is State.CLOSED and app.closed_reason:
        text += f" ({app.closed_reason.value.replace('_', ' ')})"
    if app.state is State.PAUSED and app.paused_reason:
        text += f" ({app.paused_reason})"
    if app.flags:
        text += " ⚑ " + "; ".join(app.flags)
    return text


def _last_event(app: Application, zone: ZoneInfo) -> str:
    if not app.history:
        return ""
    entry = app.history[-1]
    what = entry.note or entry.trigger.replace("_", " ")
    return f"{_day(entry.at, zone)} {what}"


def _next_text(app: Application) -> str:
    if app.pending is not None:
        step = app.pending.step.value.replace("_", " ")
        return f"draft ready: {step}" + (
            f" #{app.pending.check_in}" if app.pending.check_in else ""
        )
    if app.next_action is None:
        return "-"
    kind = app.next_action.kind.value.replace("_", " ")
    return kind + (f" #{app.next_action.check_in}" if app.next_action.check_in else "")


def _when(app: Application, zone: ZoneInfo) -> str:
    if app.pending is not None:
        return _day(app.pending.due, zone)
    return _day(app.next_action.due, zone) if app.next_action else ""


def _link(app: Application, draft: OutboxEntry | None) -> str:
    if draft is not None and draft.draft_message_id:
        return GMAIL_DRAFT_URL.format(message_id=draft.draft_message_id)
    thread = app.pending.thread_id if app.pending and app.pending.thread_id else None
    thread = thread or (app.thread_ids[-1] if app.thread_ids else None)
    return GMAIL_THREAD_URL.format(thread_id=thread) if thread else ""


def _day(when: datetime, zone: ZoneInfo) -> str:
    return when.astimezone(zone).strftime("%a %d %b %H:%M")


# -- show ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    at: datetime
    text: str
    why: str = ""


@click.command()
@click.argument("app")
def show(app: str) -> None:
    """Show one application's timeline, with why each mail was read the way it was.

    APP is an id from `followup status`, an id prefix, or part of the company name.

    \b
    Examples:
      followup show acme
      followup show app-3f2a
    """
    paths, config = _setup()
    zone = ZoneInfo(config.user.timezone)
    with _reading_store(paths) as store:
        found = _resolve(store, app)
        assert store is not None  # _resolve found an application, so the store exists
        processed = {m.message_id: m for m in store.messages_for(found.id)}
        notes = store.notes(found.id)
        drafts = [e for e in store.outbox() if e.application_id == found.id]
    click.echo(f"{found.company or '?'} {('- ' + found.role) if found.role else ''}".rstrip())
    click.echo(f"id {found.id}; state {_state_text(found)}")
    if found.thread_ids:
        for thread in found.thread_ids:
            click.echo(f"thread {GMAIL_THREAD_URL.format(thread_id=thread)}")
    lines: list[_Line] = []
    for mail in found.messages:
        record = processed.get(mail.message_id)
        reasons = "; ".join(record.reasons) if record and record.reasons else ""
        if mail.from_user:
            # The user's own mail is never an employer reply, whatever its wording looks like.
            text = f"mail {mail.message_id} from you: {mail.subject!r} (your own follow-up)"
            reasons = ""
        else:
            read_as = f"read as {mail.kind.value}"
            text = f"mail {mail.message_id} from {mail.sender}: {mail.subject!r} {read_as}"
        lines.append(_Line(mail.at, text, reasons))
    for entry in found.history:
        cause = "by you" if entry.cause == "user" else f"({entry.cause})"
        change = (
            f"{entry.from_state.value} -> {entry.to_state.value}"
            if entry.from_state is not entry.to_state
            else entry.to_state.value
        )
        lines.append(_Line(entry.at, f"{change} {cause}", entry.note))
    for draft in drafts:
        when = draft.updated_at or draft.created_at
        if when is not None:
            what = _DRAFT_STATE_WORDS.get(draft.state, draft.state)
            why = "" if draft.note.startswith(OWNER_PREFIX) else draft.note
            lines.append(_Line(when, f"draft {draft.step}: {what}", why))
    for note in notes:
        lines.append(_Line(note.at, f"note: {note.text}"))
    for line in sorted(lines, key=lambda item: item.at):
        click.echo(f"  {_day(line.at, zone)}  {line.text}")
        if line.why:
            click.echo(f"                     why: {line.why}")
    click.echo(f"next: {_next_text(found)} {_when(found, zone)}".rstrip())


# What each outbox state means to the user (docs/sync.md, "Draft outbox").
_DRAFT_STATE_WORDS = {
    "intended": "about to be created",
    "creating": "being created",
    "created": "ready in Gmail Drafts",
    "deleted": "removed by followup (you had not edited it)",
    "kept": "kept: you had edited it",
    "cancelled": "no longer needed before it was created",
    "gone": "sent or deleted by you",
    "failed": "Gmail refused it",
}


# -- add ----------------------------------------------------------------------------------------


def parse_gmail_id(text: str) -> str:
    """A Gmail thread or message id from an id or a Gmail address such as #inbox/<id>.

    Gmail's newer links (#inbox/FMfcg...) hold an opaque token, not the API id; those are
    refused with a way out instead of being guessed at.
    """
    candidate = text.strip()
    if "mail.google.com" in candidate or "#" in candidate:
        fragment = candidate.split("#", 1)[-1]
        candidate = fragment.split("?", 1)[0].rstrip("/").split("/")[-1]
    if _GMAIL_ID.match(candidate):
        return candidate
    raise click.BadParameter(
        f"{text!r} is not a Gmail id or a link ending in one. Newer Gmail links hide the id: "
        "open the message, choose 'Show original' and copy the Message ID there, or pass "
        "--company and --contact instead."
    )


@click.command()
@click.option("--company", help="The employer's name.")
@click.option("--contact", metavar="EMAIL", help="The person to write to (never a no-reply).")
@click.option("--contact-name", help="Their name, for the greeting.")
@click.option("--role", help="The job title.")
@click.option(
    "--interview",
    type=click.DateTime(["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]),
    help="When the interview is (or was), in your time zone: 'YYYY-MM-DD HH:MM'.",
)
@click.option(
    "--thread", metavar="LINK|ID", help="The Gmail thread it lives in (id or Gmail link)."
)
@click.option("--message", metavar="ID", help="A Gmail message id of that thread instead.")
def add(
    company: str | None,
    contact: str | None,
    contact_name: str | None,
    role: str | None,
    interview: datetime | None,
    thread: str | None,
    message: str | None,
) -> None:
    """Track an application by hand, or from a Gmail thread followup did not pick up.

    With --thread or --message, every message already in that thread (the invitation, the
    employer's replies, a rejection, your own mail) is applied in date order, as if followup
    had watched the thread from the start; the company, contact and role are read from the
    employer's mail there, and options you give win over what is read.

    \b
    Examples:
      followup add --company Acme --contact jane@acme.com --interview "2026-11-20 14:00"
      followup add --thread https://mail.google.com/mail/u/0/#inbox/18c5a2b3c4d5e6f7
      followup add --message 18c5a2b3c4d5e6f8 --role "Data engineer"
    """
    if thread and message:
        raise click.UsageError("give --thread or --message, not both")
    if not company and not (thread or message):
        raise click.UsageError("give --company (or a Gmail --thread or --message to read it from)")
    if contact is not None and "@" not in contact:
        raise click.BadParameter(f"{contact!r} is not an email address", param_hint="--contact")
    paths, config = _setup()
    zone = ZoneInfo(config.user.timezone)
    when = interview.replace(tzinfo=zone) if interview is not None else None
    thread_id = parse_gmail_id(thread) if thread else None
    with _service(paths, config) as wiring:
        service = wiring.service
        if message:
            msg_id = parse_gmail_id(message)
            found = service.mailbox.get_messages([msg_id], fmt="minimal")
            if msg_id not in found:
                raise FollowupError(f"Gmail has no message {msg_id}")
            thread_id = found[msg_id].thread_id
        mail: tuple[MessageData, ...] = ()
        if thread_id is not None:
            tracked = [a for a in service.store.load_applications() if thread_id in a.thread_ids]
            if tracked:
                click.echo(
                    f"That thread is already tracked as {tracked[0].id} ({tracked[0].company})."
                )
                return
            mail = service.thread_mail(thread_id)
            if not mail:
                raise FollowupError(f"Gmail has no thread {thread_id}")
            known = _read_thread(service, mail)
            company = company or known.company
            contact = contact or known.contact
            contact_name = contact_name or known.contact_name
            role = role or known.role
        if not company:
            raise click.UsageError("could not tell the employer from that thread; add --company")
        before = {a.id for a in service.store.load_applications()}
        entry = ManualApplication(
            company=company,
            contact=contact,
            role=role,
            interview_at=when,
            thread_id=thread_id,
            at=service.clock.now(),
            contact_name=contact_name,
        )
        report = service.adopt_thread(entry, mail) if thread_id else service.apply(entry)
        added = [a for a in service.store.load_applications() if a.id not in before]
    if not added:
        click.echo(f"{company} was already tracked; nothing added.")
        return
    app = added[0]
    if thread_id is not None:
        click.echo(_replay_summary(app, report.malformed))
    click.echo(f"Added {app.company} as {app.id} ({_state_text(app)}).")
    if app.pending is not None or app.next_action is not None:
        click.echo(f"Next: {_next_text(app)} {_when(app, zone)}")
    if not app.human_contacts():
        click.echo("No human contact yet: followup will flag it rather than draft to nobody.")


# How `add --thread` names what it read in the thread, per kind of mail.
_KIND_WORDS = {
    Kind.INTERVIEW_INVITE: "interview invite",
    Kind.APPLICATION_ACK: "acknowledgement",
    Kind.EMPLOYER_REPLY: "employer reply",
    Kind.REJECTION: "rejection",
    Kind.OFFER: "offer",
    Kind.AUTO_REPLY: "out-of-office",
    Kind.BOUNCE: "bounce",
    Kind.OTHER: "other mail",
}


def _replay_summary(app: Application, unreadable: int) -> str:
    """One line saying what the thread already held, so the user sees why the state is what it
    is ("Read 3 messages of that thread: interview invite, your mail, rejection")."""
    kinds = ["your mail" if m.from_user else _KIND_WORDS[m.kind] for m in app.messages]
    if not kinds:
        return "Read no mail of that thread (drafts, spam and trash are left out)."
    plural = "s" if len(kinds) > 1 else ""
    line = f"Read {len(kinds)} message{plural} of that thread: {', '.join(kinds)}."
    if unreadable:
        line += f" {unreadable} more could not be read (`followup -v` logs which)."
    return line


@dataclass(frozen=True, slots=True)
class _ThreadFacts:
    company: str | None = None
    contact: str | None = None
    contact_name: str | None = None
    role: str | None = None


def _read_thread(service: Service, mail: Sequence[MessageData]) -> _ThreadFacts:
    """What the employer's mail in a thread says: who, which company and role.

    Read with the same reader as the watcher; the first employer message that names a value
    wins, and no-reply senders are never taken as the contact. The interview time is not
    taken from here: replaying the thread (:meth:`Service.adopt_thread`) reads it, and every
    later reschedule or cancellation, as the watcher would have.
    """
    from followup.mail.reading import read_mail

    account = service.store.get_meta("account_email")
    users = tuple(a for a in (*service.settings.user_addresses, account) if a)
    facts = _ThreadFacts()
    for data in mail:
        if data.raw is None or SKIP_LABELS.intersection(data.label_ids):
            continue
        reading = read_mail(data.raw, user_addresses=users)
        if reading.from_user:
            continue
        human = bool(reading.from_addr) and not reading.is_no_reply_sender
        facts = _ThreadFacts(
            company=facts.company or reading.company,
            role=facts.role or reading.role,
            contact=facts.contact or (reading.from_addr if human else None),
            contact_name=facts.contact_name or (reading.from_name or None if human else None),
        )
    return facts


# -- pause, resume, close -----------------------------------------------------------------------


def _command(action: Literal["pause", "resume", "close"], app: str, note: str | None) -> None:
    paths, config = _setup()
    with _reading_store(paths) as store:
        target = _resolve(store, app)
    with _service(paths, config) as wiring:
        service = wiring.service
        report = service.apply(
            UserCommand(application_id=target.id, action=action, at=service.clock.now(), note=note)
        )
        after = service.store.get_application(target.id)
    if after is None:  # pragma: no cover - the store never drops applications
        raise FollowupError(f"{target.id} vanished while applying {action}")
    if after.state is target.state and after.history == target.history:
        reason = "; ".join(report.notes) or f"{action} does not apply in state {target.state.value}"
        raise FollowupError(f"{target.company or target.id}: not changed ({reason})")
    click.echo(f"{after.company or after.id}: {_state_text(target)} -> {_state_text(after)}")
    if report.drafts_discarded:
        click.echo(f"Removed {report.drafts_discarded} unedited draft(s) of ours.")
    if report.drafts_kept:
        click.echo(f"Kept {report.drafts_kept} draft(s) you had edited.")


_NOTE = click.option("--note", help="Why, for your own record (shown by `followup show`).")


@click.command()
@click.argument("app")
@_NOTE
def pause(app: str, note: str | None) -> None:
    """Pause an application: no drafts until you resume it (our pending draft is removed).

    \b
    Example:
      followup pause acme --note "they said end of month"
    """
    _command("pause", app, note)


@click.command()
@click.argument("app")
@_NOTE
def resume(app: str, note: str | None) -> None:
    """Resume a paused application: the schedule continues from today.

    \b
    Example:
      followup resume acme
    """
    _command("resume", app, note)


@click.command()
@click.argument("app")
@_NOTE
def close(app: str, note: str | None) -> None:
    """Close an application for good (you withdrew, or it is settled).

    \b
    Example:
      followup close acme --note "accepted another offer"
    """
    _command("close", app, note)


# -- correct ------------------------------------------------------------------------------------


@click.command()
@click.argument("message")
@click.option(
    "--kind",
    required=True,
    type=click.Choice([kind.value for kind in Kind]),
    help="What the mail really is.",
)
def correct(message: str, kind: str) -> None:
    """Correct a misread mail: applied at once, and remembered for mail like it.

    MESSAGE is the message id shown by `followup show`, or a Gmail link ending in it. The
    correction fixes this application now, and becomes a rule (same sender and subject) so
    the same template is read right next time.

    \b
    Example:
      followup correct 18c5a2b3c4d5e6f8 --kind rejection
    """
    from followup.mail.model import MailKind
    from followup.mail_rules import remember_rule

    message_id = parse_gmail_id(message)
    paths, config = _setup()
    with _reading_store(paths) as store:
        record = store.get_message(message_id) if store is not None else None
    if record is None:
        raise FollowupError(
            f"followup has not read message {message_id}",
            hint="Message ids are listed by `followup show APP`.",
        )
    with _service(paths, config) as wiring:
        service = wiring.service
        now = service.clock.now()
        store_ = service.store
        store_.save_correction(
            Correction(message_id=message_id, kind=kind, at=now, company=record.company)
        )
        if record.sender:
            remember_rule(store_, sender=record.sender, subject=record.subject, kind=MailKind(kind))
        owner_before = _owner(store_, message_id)
        report = service.apply(Reclassified(message_id=message_id, kind=Kind(kind), at=now))
        owner_after = store_.get_application(owner_before.id) if owner_before else None
    click.echo(f"Message {message_id} is now read as {kind} (was {record.kind}).")
    if owner_before is not None and owner_after is not None:
        click.echo(
            f"{owner_after.company or owner_after.id}: "
            f"{_state_text(owner_before)} -> {_state_text(owner_after)}"
        )
    for text in report.notes:
        click.echo(text)
    if record.sender:
        click.echo(f"Remembered: mail from {record.sender} with this subject is {kind}.")


def _owner(store: Store, message_id: str) -> Application | None:
    return next((a for a in store.load_applications() if a.seen(message_id)), None)
