"""Play a scenario against the real stack: emulator, Gmail adapter, service, classifier, core.

The runner is the simulation's composition root. It starts a Gmail emulator in this
process, builds the same ``Service`` the watcher runs (through ``bootstrap.build_service``,
pointed at the emulator, with an SQLite file in a temporary folder and the emulator's clock
as the service's clock), and moves simulated time forward: at each
event it sets the emulator clock and acts like the outside world (mail arrives) or like
the user (mail sent, a draft sent, edited or deleted, through the Gmail API with the user's
own client); at each poll time it runs one poll and one tick, then looks at the mailbox's
drafts. Nothing in followup is replaced: what the scenario observes is what a user would.
"""

from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from email import message_from_bytes
from email import policy as email_policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from google.oauth2.credentials import Credentials

from followup.bootstrap import build_service
from followup.config import parse_config
from followup.core.events import UserCommand
from followup.paths import Paths
from followup.simulate.mailgen import ThreadRef, build_mail
from followup.simulate.results import RunResult, SeenDraft, TimelineEntry
from followup.simulate.scenario import (
    CLI_ACTIONS,
    DRAFT_ACTIONS,
    INCOMING,
    Event,
    EventType,
    Scenario,
)
from gmail_emulator.app import Emulator
from gmail_emulator.auth import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from gmail_emulator.testing import ServerHandle, gmail_service, serve_in_thread

# Tokens outlive any simulated span, so clock jumps do not turn every poll into a refresh.
TOKEN_LIFETIME = timedelta(days=3650)
# The adapter's client-side limiter counts real seconds; a simulated day passes in about one.
UNLIMITED_UNITS_PER_MINUTE = 10**12
# The emulator keeps history a week by default; polls are at most a day apart here.
HISTORY_RETENTION = timedelta(days=30)

_INTENT_LABEL = re.compile(r"/r\d+/(?P<label>[a-z_0-9]+)-\d+$")


class SimulationError(RuntimeError):
    """Raised when a scenario asks for something impossible at run time (no draft to send)."""


@dataclass
class ThreadBook:
    """What the runner knows of each scenario thread: Gmail ids and what a reply needs."""

    thread_id: str
    subject: str
    role: str
    message_ids: list[str] = field(default_factory=list)
    last_text: str = ""
    last_sender: str = ""
    last_at: datetime | None = None
    last_user_message_id: str = ""  # what a bounce in this thread refers to

    def ref(self) -> ThreadRef:
        return ThreadRef(
            subject=self.subject,
            message_ids=tuple(self.message_ids),
            last_text=self.last_text,
            last_sender=self.last_sender,
            last_at=self.last_at,
        )


class _EmulatorClock:
    """The service's Clock: the emulator's own clock, read in-process (no HTTP)."""

    def __init__(self, emulator: Emulator) -> None:
        self._clock = emulator.clock

    def now(self) -> datetime:
        now: datetime = self._clock.now()
        return now


@contextmanager
def emulator_server() -> Iterator[ServerHandle]:
    """A fresh in-process emulator for one run."""
    with serve_in_thread(
        access_token_lifetime=TOKEN_LIFETIME, history_retention=HISTORY_RETENTION
    ) as handle:
        yield handle


class Runner:
    """One scenario played once. Use ``run_scenario`` unless you need the pieces."""

    def __init__(
        self,
        scenario: Scenario,
        handle: ServerHandle,
        workdir: Path,
        *,
        user_send_delay: timedelta | None = None,
    ) -> None:
        self.scenario = scenario
        self.handle = handle
        self.user_send_delay = user_send_delay
        self.user = scenario.user
        self.clock = scenario.clock
        handle.emulator.clock.set(self.clock.start)
        tokens = handle.admin.create_mailbox(self.user.email)
        credentials = Credentials(  # type: ignore[no-untyped-call]
            token=tokens["access_token"],
            refresh_token=tokens.get("refresh_token"),
            token_uri=f"{handle.url}/token",
            client_id=DEMO_CLIENT_ID,
            client_secret=DEMO_CLIENT_SECRET,
        )
        # The same composition root as `followup watch`, configured as a user would. Days
        # off from [user] and [policy] add up (docs/simulate.md).
        policy = dict(scenario.policy)
        days_off = [*self.user.days_off, *policy.pop("days_off", [])]
        config = parse_config(
            {
                "account": {"email": self.user.email, "api_endpoint": handle.url + "/"},
                "user": {
                    "name": self.user.name,
                    "timezone": self.user.timezone,
                    "days_off": days_off,
                },
                "policy": policy,
            }
        )
        self.policy = config.policy()
        paths = Paths(workdir / "config", workdir / "data", workdir / "logs")
        self.wiring = build_service(
            paths,
            config,
            credentials=credentials,
            clock=_EmulatorClock(handle.emulator),
            progress=False,
            sleep=lambda _seconds: None,  # back-off waits would only slow the simulation
            # The client-side limiter counts real seconds, and a simulated day passes in about
            # one: it would throttle a pace no real mailbox sees. Quota use is still counted
            # (and reported) by the emulator and the adapter.
            units_per_minute=UNLIMITED_UNITS_PER_MINUTE,
        )
        self.service = self.wiring.service
        self.store = self.wiring.store
        self.mailbox = self.wiring.mailbox
        # The user's own mail client: a second OAuth client session on the same mailbox.
        user_tokens = handle.admin.mint_token(self.user.email)
        users = gmail_service(
            handle.url,
            user_tokens["access_token"],
            refresh_token=user_tokens.get("refresh_token"),
        ).users()
        # Built once: googleapiclient rebuilds a resource's methods on every .drafts() call.
        self.user_drafts = users.drafts()
        self.user_messages = users.messages()
        self.books: dict[str, ThreadBook] = {}
        self.roles_by_contact: dict[str, str] = {}
        self.timeline: list[TimelineEntry] = []
        self.drafts: dict[str, SeenDraft] = {}
        self.user_sends = 0
        self.polls = 0
        self.reached = self.clock.start
        self.service_seconds = 0.0  # wall time inside the service's poll and tick
        self.present: set[str] = set()  # draft ids in the mailbox at the last look
        self.drafts_touched = True  # the user changed drafts (or nobody has looked yet)

    # -- the loop ---------------------------------------------------------------------------

    def run(self, *, budget_seconds: float | None = None, keep_errors: bool = False) -> RunResult:
        """Play the whole span; with ``budget_seconds``, stop early once that much wall time
        has passed (benchmarks), and say how far the simulation got. With ``keep_errors`` an
        exception from the stack ends the run with a partial result naming it, instead of
        propagating (a benchmark still reports what it measured)."""
        try:
            return self._play(budget_seconds)
        except Exception as exc:
            if not keep_errors:
                raise
            result = self._result(complete=False)
            result.error = f"{type(exc).__name__}: {exc}"
            return result

    def _play(self, budget_seconds: float | None) -> RunResult:
        events = list(self.scenario.events)
        poll_at = self.clock.start
        end = self.clock.end
        index = 0
        started = time.perf_counter()
        while poll_at <= end or index < len(events):
            if index < len(events) and events[index].at <= poll_at:
                self._happen(events[index])
                index += 1
                continue
            if poll_at > end:
                break
            self._poll(poll_at)
            self.reached = poll_at
            poll_at += self.clock.poll_every
            if budget_seconds is not None and time.perf_counter() - started > budget_seconds:
                return self._result(complete=False)
        self._poll(end)
        self.reached = end
        return self._result(complete=True)

    def _set_clock(self, at: datetime) -> None:
        self.handle.emulator.clock.set(at)

    def _poll(self, at: datetime) -> None:
        self._set_clock(at)
        started = time.perf_counter()
        # What the poll and tick did shows in the applications' history (see ``_result``).
        reports = (self.service.poll_once(), self.service.tick())
        self.service_seconds += time.perf_counter() - started
        self.polls += 1
        # Drafts change only through the service's effects or the user's hand: list them
        # only then (a list of every draft at each poll is most of a large run's own cost).
        if self.drafts_touched or any(r.drafts_created or r.drafts_discarded for r in reports):
            self.present = self._observe_drafts(at)
            self.drafts_touched = False
        if self.user_send_delay is not None:
            self._send_ready_drafts(at)

    def _send_ready_drafts(self, at: datetime) -> None:
        """Population runs: the user sends each of our drafts some time after it appears."""
        assert self.user_send_delay is not None
        for draft_id, seen in list(self.drafts.items()):
            if draft_id in self.present and seen.first_at + self.user_send_delay <= at:
                self.user_drafts.send(userId="me", body={"id": draft_id}).execute()
                self.user_sends += 1
                self.present.discard(draft_id)
                seen.gone_at = at
                self._log(at, self.user.name, f"sends our {seen.kind} draft", "cyan")

    # -- events -----------------------------------------------------------------------------

    def _happen(self, event: Event) -> None:
        self._set_clock(event.at)
        if event.type in INCOMING:
            self._deliver(event)
        elif event.type is EventType.USER_MAIL:
            self._user_mail(event)
        elif event.type in DRAFT_ACTIONS:
            self._draft_action(event)
        elif event.type in CLI_ACTIONS:
            self._command(event)

    def _role_for(self, event: Event) -> str:
        if event.role:
            return event.role
        if event.thread and event.thread in self.books:
            return self.books[event.thread].role
        contact = event.sender or event.to or event.bounced or ""
        return self.roles_by_contact.get(contact, "the role")

    def _book_for(self, event: Event) -> ThreadBook | None:
        return self.books.get(event.thread) if event.thread else None

    def _deliver(self, event: Event) -> None:
        role = self._role_for(event)
        book = self._book_for(event)
        ref = book.ref() if book else None
        if (
            ref is not None
            and event.type is EventType.BOUNCE
            and book
            and book.last_user_message_id
        ):
            ref = replace(ref, message_ids=(book.last_user_message_id,))
        msg = build_mail(self.scenario, event, thread=ref, role=role)
        raw = msg.as_bytes()
        result = self.handle.backend.deliver(self.user.email, raw)
        self._remember(event, msg, result["threadId"], role, book)
        who = self.scenario.contacts[event.sender or event.bounced or ""]
        actor = "mail system" if event.type is EventType.BOUNCE else who.name or who.email
        self._log(event.at, actor, f"{event.type.value}: {msg['Subject']}")

    def _remember(
        self,
        event: Event,
        msg: EmailMessage,
        thread_id: str,
        role: str,
        book: ThreadBook | None,
    ) -> None:
        if event.type is EventType.BOUNCE:
            return  # a bounce is not part of the conversation
        if book is None or book.thread_id != thread_id:
            # A new thread (or Gmail did not join the named one): only this event's id names it.
            book = ThreadBook(thread_id=thread_id, subject=str(msg["Subject"]), role=role)
        book.message_ids.append(str(msg["Message-ID"]))
        body = msg.get_body(("plain",))
        book.last_text = body.get_content().split("\n\nOn ")[0].strip() if body else ""
        book.last_sender = str(msg["From"])
        book.last_at = event.at
        if event.id:
            self.books[event.id] = book
        contact = event.sender or event.to
        if contact:
            self.roles_by_contact.setdefault(contact, role)

    def _user_mail(self, event: Event) -> None:
        role = self._role_for(event)
        book = self._book_for(event)
        msg = build_mail(self.scenario, event, thread=book.ref() if book else None, role=role)
        body: dict[str, Any] = {"raw": _b64(msg.as_bytes())}
        if book is not None:
            body["threadId"] = book.thread_id
        sent = self.user_messages.send(userId="me", body=body).execute()
        self.user_sends += 1
        self._remember(event, msg, sent["threadId"], role, book)
        if event.id or event.thread:
            self.books[event.id or event.thread or ""].last_user_message_id = str(msg["Message-ID"])
        self._log(event.at, self.user.name, f"sends own mail: {msg['Subject']}", "cyan")

    def _our_draft(self, event: Event) -> dict[str, Any]:
        book = self._book_for(event)
        assert book is not None
        assert event.thread is not None
        for item in self._draft_listing().values():
            if item["message"].get("threadId") == book.thread_id and item["id"] in self.drafts:
                draft: dict[str, Any] = self.user_drafts.get(
                    userId="me", id=item["id"], format="raw"
                ).execute()
                return draft
        raise SimulationError(
            f"{event.label} at {event.at:%Y-%m-%d %H:%M}: there is no draft of followup's in "
            f"thread '{event.thread}' to {event.type.value.replace('_draft', '')}"
        )

    def _draft_action(self, event: Event) -> None:
        self.drafts_touched = True
        draft = self._our_draft(event)
        seen = self.drafts[draft["id"]]
        book = self._book_for(event)
        assert book is not None
        raw = _unb64(draft["message"]["raw"])
        if event.type is EventType.SEND_DRAFT:
            self.user_drafts.send(userId="me", body={"id": draft["id"]}).execute()
            self.user_sends += 1
            parsed = message_from_bytes(raw, policy=email_policy.default)
            if parsed["Message-ID"]:
                book.message_ids.append(str(parsed["Message-ID"]))
                book.last_user_message_id = str(parsed["Message-ID"])
            book.last_sender = f"{self.user.name} <{self.user.email}>"
            book.last_at = event.at
            self._log(event.at, self.user.name, f"sends our {seen.kind} draft", "cyan")
        elif event.type is EventType.DELETE_DRAFT:
            self.user_drafts.delete(userId="me", id=draft["id"]).execute()
            self._log(event.at, self.user.name, f"deletes our {seen.kind} draft", "cyan")
        else:
            edited = _edited(raw, event.body or "I have also attached my portfolio.")
            body = {"message": {"raw": _b64(edited), "threadId": book.thread_id}}
            self.user_drafts.update(userId="me", id=draft["id"], body=body).execute()
            self._log(event.at, self.user.name, f"edits our {seen.kind} draft", "cyan")

    def _command(self, event: Event) -> None:
        self.drafts_touched = True  # pause and close remove our pending draft
        book = self._book_for(event)
        assert book is not None
        app = self._application_of(book.thread_id)
        if app is None:
            raise SimulationError(
                f"{event.label}: followup tracks no application for thread '{event.thread}'"
            )
        action = event.type.value
        assert action in ("pause", "resume", "close")
        self.service.apply(UserCommand(app.id, action, event.at))  # type: ignore[arg-type]
        self._log(event.at, self.user.name, f"followup {action} ({app.company})", "cyan")

    # -- observing --------------------------------------------------------------------------

    def _application_of(self, thread_id: str) -> Any:
        for app in self.store.load_applications():
            if thread_id in app.thread_ids:
                return app
        return None

    def _draft_listing(self) -> dict[str, dict[str, Any]]:
        present: dict[str, dict[str, Any]] = {}
        token: str | None = None
        while True:
            page = self.user_drafts.list(userId="me", maxResults=500, pageToken=token).execute()
            present.update((item["id"], item) for item in page.get("drafts", []))
            token = page.get("nextPageToken")
            if not token:
                return present

    def _observe_drafts(self, at: datetime) -> set[str]:
        """Note new drafts of ours and the ones that went; returns the ids present now."""
        present = self._draft_listing()
        for draft_id, seen in self.drafts.items():
            if seen.gone_at is None and draft_id not in present:
                seen.gone_at = at
                self._log(at, "mailbox", f"{seen.kind} draft is gone", "yellow")
        new = [d for d in present if d not in self.drafts]
        if not new:
            return set(present)
        ours = {
            draft_id: row
            for draft_id, row in self.store.outbox_for_drafts(new).items()
            if row.state in ("created", "kept", "deleted", "gone")
        }
        for draft_id in new:
            row = ours.get(draft_id)
            if row is None:
                continue  # not ours (the user's own draft)
            draft = self.user_drafts.get(userId="me", id=draft_id, format="metadata").execute()
            headers = {
                h["name"].lower(): h["value"] for h in draft["message"]["payload"]["headers"]
            }
            match = _INTENT_LABEL.search(row.intent_key)
            kind = match["label"] if match else row.step
            seen = SeenDraft(
                draft_id=draft_id,
                thread_id=draft["message"].get("threadId", ""),
                kind=kind,
                to=_address(headers.get("to", "")),
                first_at=at,
                first_day=self.clock.day_of(at),
                intent_key=row.intent_key,
            )
            self.drafts[draft_id] = seen
            self._log(at, "followup", f"{kind} draft ready, to {seen.to}", "bold green")
        return set(present)

    def _log(self, at: datetime, actor: str, text: str, style: str = "") -> None:
        self.timeline.append(TimelineEntry(at, self.clock.day_of(at), actor, text, style))

    def _result(self, *, complete: bool) -> RunResult:
        quota = self.handle.emulator.quota
        email = self.user.email.lower()
        usage = quota.usage(email).get(email, {})
        # Every send in the call log must be one the simulated user made: followup sends none.
        sends = sum(1 for c in quota.calls(email) if str(c["method"]).endswith(".send"))
        threads = {key: book.thread_id for key, book in self.books.items()}
        applications = self.store.load_applications()
        for app in applications:
            for step in app.history:
                change = (
                    f"{step.from_state} -> {step.to_state}"
                    if step.from_state != step.to_state
                    else str(step.to_state)
                )
                note = f": {step.note}" if step.note else ""
                self._log(
                    step.at, "followup", f"{app.company or app.id} {change} ({step.trigger}{note})"
                )
        result = RunResult(
            scenario=self.scenario,
            timeline=sorted(self.timeline, key=lambda e: e.at),
            drafts=sorted(self.drafts.values(), key=lambda d: d.first_at),
            applications=applications,
            threads=threads,
            service_calls=self.mailbox.stats.total_calls,
            service_units=self.mailbox.stats.units,
            mailbox_calls=int(usage.get("calls", 0)),
            mailbox_units=int(usage.get("units", 0)),
            user_sends=self.user_sends,
            sends_in_log=sends,
            polls=self.polls,
            complete=complete,
            reached=self.reached,
            service_seconds=self.service_seconds,
        )
        self.store.close()
        return result


def max_check_ins(scenario: Scenario) -> int:
    """The check-in limit the scenario's policy sets (the core's default otherwise)."""
    from followup.core.policy import Policy

    limit = scenario.policy.get("max_check_ins", Policy().max_check_ins)
    return int(limit)


def run_scenario(
    scenario: Scenario,
    *,
    handle: ServerHandle | None = None,
    user_send_delay: timedelta | None = None,
    budget_seconds: float | None = None,
    keep_errors: bool = False,
) -> RunResult:
    """Play ``scenario`` on a fresh emulator (or ``handle``'s) and check its expectations.

    ``user_send_delay``: the simulated user also sends every draft of ours this long after
    it appears (population runs); scenario files script such actions as events instead.
    """
    from followup.simulate.expectations import check

    with ExitStack() as stack:
        if handle is None:
            handle = stack.enter_context(emulator_server())
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="followup-sim-")))
        runner = Runner(scenario, handle, workdir, user_send_delay=user_send_delay)
        result = runner.run(budget_seconds=budget_seconds, keep_errors=keep_errors)
    result.checks = check(result)
    return result


def _b64(raw: bytes) -> str:
    import base64

    return base64.urlsafe_b64encode(raw).decode("ascii")


def _unb64(data: str) -> bytes:
    import base64

    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


def _address(header: str) -> str:
    from email.utils import parseaddr

    return parseaddr(header)[1].lower()


def _edited(raw: bytes, addition: str) -> bytes:
    """The draft as a user would leave it after typing a line into the plain text."""
    msg = message_from_bytes(raw, policy=email_policy.default)
    assert isinstance(msg, EmailMessage)
    for part in msg.walk():
        if part.get_content_type() == "text/plain" and not part.is_multipart():
            text = part.get_content()
            assert isinstance(text, str)
            part.set_content(f"{text.rstrip()}\n\n{addition}\n")
            break
    return msg.as_bytes()
