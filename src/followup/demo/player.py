"""Plays the demo story against the emulator child process, through followup's real watcher.

Like the simulator's runner (followup.simulate.runner), but everything goes over HTTP to a
separate emulator process: mail arrives through the admin API, Sam acts with their own Gmail
client (a second OAuth token on the same mailbox), and followup runs the watcher's own poll
and tick jobs with the service built by ``bootstrap.build_service`` from the config and token
that `followup connect` saved. The only thing the demo changes is the clock: the service reads
the emulator's, which the demo moves forward between polls.

Every draft the demo reports is looked up in the mailbox (its thread, the thread's labels),
and every draft it says was removed is asked for again and must be gone (404).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parseaddr
from typing import Any

from followup.core.model import Application, Kind, State
from followup.demo.account import DemoAccount
from followup.demo.errors import DemoError
from followup.demo.narration import Narrator, on_day, when
from followup.demo.noise import NOISE, NoiseMail
from followup.service import PollReport
from followup.simulate.mailgen import build_mail
from followup.simulate.runner import ThreadBook
from followup.simulate.scenario import Event, EventType, Scenario

# The outbox's intent key ends in "/r<round>/<kind>-<seq>"; the kind names the draft.
_INTENT_KIND = re.compile(r"/r\d+/(?P<kind>[a-z_0-9]+)-\d+$")

KIND_WORDS = {
    "thank_you": "thank-you note",
    "check_in_1": "first check-in",
    "check_in_2": "second check-in",
    "closing_note": "closing note",
}


@dataclass
class DraftSeen:
    """One of followup's drafts as the mailbox showed it."""

    draft_id: str
    thread_id: str
    thread_key: str  # the story's name for the thread ("brightloom"), "" if unknown
    kind: str
    to: str
    first_at: datetime
    first_day: int
    thread_labels: tuple[str, ...]  # label names on its thread when it appeared
    in_thread: bool  # drafts.get put it in the thread we expected
    gone_at: datetime | None = None
    gone_confirmed: bool = False  # drafts.get answered 404 afterwards
    sent_by_user: bool = False


@dataclass
class Observed:
    """What the demo saw, for the milestone checks."""

    drafts: list[DraftSeen] = field(default_factory=list)
    applications: dict[str, Application] = field(default_factory=dict)  # by id
    threads: dict[str, str] = field(default_factory=dict)  # story key -> Gmail thread id
    happened_at: dict[str, datetime] = field(default_factory=dict)  # "reply:okapi" -> when
    user_sends: int = 0
    polls: int = 0
    service_calls: int = 0  # Gmail API calls followup's service made
    service_units: int = 0  # and their quota units

    def app_of(self, key: str) -> Application | None:
        thread_id = self.threads.get(key)
        for app in self.applications.values():
            if thread_id and thread_id in app.thread_ids:
                return app
        return None

    def drafts_in(self, key: str, kind: str) -> list[DraftSeen]:
        return [d for d in self.drafts if d.thread_key == key and d.kind == kind]


class EmulatorClock:
    """The service's Clock: the emulator's clock, read over its admin API once per poll."""

    def __init__(self, admin: Any) -> None:
        self._admin = admin

    def now(self) -> datetime:
        now: datetime = self._admin.clock()
        return now


class Player:
    """One play of the story. ``after_poll`` is called after every poll (milestones)."""

    def __init__(
        self,
        scenario: Scenario,
        url: str,
        account: DemoAccount,
        narrator: Narrator,
        after_poll: Callable[[Player, datetime], None],
    ) -> None:
        from gmail_emulator.testing import AdminClient, gmail_service

        self.scenario = scenario
        self.url = url
        self.account = account
        self.say = narrator
        self.after_poll = after_poll
        self.zone = scenario.user.zone
        self.admin = AdminClient(url)
        # Sam's own mail client: a second OAuth session on the same mailbox.
        tokens = self.admin.mint_token(account.email)
        self.gmail = gmail_service(
            url, tokens["access_token"], refresh_token=tokens.get("refresh_token")
        ).users()
        self.seen = Observed()
        self.books: dict[str, ThreadBook] = {}
        self._label_names: dict[str, str] = {}

    # -- the loop ---------------------------------------------------------------------------

    def play(self) -> Observed:
        """Deliver the inbox's older mail, then alternate events and polls to the end."""
        from followup.adapters.lock import AccountLock
        from followup.adapters.scheduler import Watcher
        from followup.bootstrap import build_service
        from followup.config import load_config

        paths = self.account.paths
        config = load_config(paths.config_file)
        clock = self.scenario.clock
        items: list[tuple[datetime, int, Callable[[], None]]] = []
        for event in self.scenario.events:
            items.append((event.at, len(items), lambda e=event: self._happen(e)))  # type: ignore[misc]
        for mail in NOISE:
            at = mail.moment(clock.start)
            items.append((at, len(items), lambda m=mail, t=at: self._noise(m, t)))  # type: ignore[misc]
        items.sort(key=lambda item: (item[0], item[1]))
        with AccountLock(paths.lock_file):
            wiring = build_service(paths, config, clock=EmulatorClock(self.admin), progress=False)
            watcher = Watcher(lambda: wiring.service)
            try:
                poll_at, index = clock.start, 0
                while poll_at <= clock.end:
                    if index < len(items) and items[index][0] <= poll_at:
                        self.admin.set_clock(items[index][0])
                        items[index][2]()
                        index += 1
                        continue
                    self._poll(poll_at, watcher, wiring.store)
                    poll_at += clock.poll_every
            finally:
                self.seen.service_calls = wiring.mailbox.stats.total_calls
                self.seen.service_units = wiring.mailbox.stats.units
                wiring.close()
        return self.seen

    def _poll(self, at: datetime, watcher: Any, store: Any) -> None:
        self.admin.set_clock(at)
        reports = (watcher.poll(), watcher.tick())
        if any(report is None for report in reports):
            raise DemoError(
                f"the watcher's poll failed at {when(at, self.zone)}; "
                f"see the log in {self.account.paths.log_dir}"
            )
        self.seen.polls += 1
        if self.seen.polls == 1:
            self._first_sync(at, reports[0])
        self._observe_applications(at, store)
        self._observe_drafts(at, store)
        self.after_poll(self, at)

    # -- the outside world and Sam ----------------------------------------------------------

    def day_of(self, at: datetime) -> int:
        return self.scenario.clock.day_of(at)

    def _noise(self, mail: NoiseMail, at: datetime) -> None:
        user = self.scenario.user
        msg = mail.build(f"{user.name} <{user.email}>", at)
        self.admin.deliver(user.email, msg.as_bytes())
        self.say.say("noise", at, f"{mail.what}: “{mail.subject}” (not about a job)", slow=False)

    def _happen(self, event: Event) -> None:
        if event.type is EventType.SEND_DRAFT:
            self._send_draft(event)
        elif event.type in {
            EventType.INVITE,
            EventType.REPLY,
            EventType.OUT_OF_OFFICE,
            EventType.REJECTION,
            EventType.ACK,
            EventType.SCHEDULING,
            EventType.OFFER,
        }:
            self._deliver(event)
        else:
            raise DemoError(f"{event.label}: the demo does not play {event.type.value} events")

    def _deliver(self, event: Event) -> None:
        book = self.books.get(event.thread) if event.thread else None
        role = event.role or (book.role if book else "the role")
        msg = build_mail(self.scenario, event, thread=book.ref() if book else None, role=role)
        result = self.admin.deliver(self.scenario.user.email, msg.as_bytes())
        if book is None or book.thread_id != result["threadId"]:
            book = ThreadBook(thread_id=result["threadId"], subject=str(msg["Subject"]), role=role)
        book.message_ids.append(str(msg["Message-ID"]))
        body = msg.get_body(("plain",))
        book.last_text = str(body.get_content()).split("\n\nOn ")[0].strip() if body else ""
        book.last_sender, book.last_at = str(msg["From"]), event.at
        key = event.id or event.thread or ""
        if key:
            self.books[key] = book
            self.seen.threads[key] = book.thread_id
            self.seen.happened_at[f"{event.type.value}:{key}"] = event.at
        self.say.say("mail", event.at, self._describe(event, role))

    def _describe(self, event: Event, role: str) -> str:
        contact = self.scenario.contacts[event.sender or ""]
        who = f"{contact.name} ({contact.company})" if contact.name else contact.company
        match event.type:
            case EventType.INVITE:
                assert event.interview_at is not None
                return (
                    f"{who} invites Sam to interview for {role} on "
                    f"{when(event.interview_at, self.zone)}."
                )
            case EventType.REPLY:
                text = (event.body or "").split(". ")[0]
                return f"{who} answers in the interview thread: “{text}…”"
            case EventType.OUT_OF_OFFICE:
                back = event.back_on
                until = f", back on {back:%a} {back.day} {back:%b}" if back else ""
                return f"An automatic out-of-office reply from {who}{until}."
            case EventType.REJECTION:
                return f"{who} writes that they will not move forward with Sam's application."
            case EventType.ACK:
                return (
                    f"{contact.company}'s applicant-tracking system confirms Sam's application "
                    f"for {role} (an automatic no-reply mail)."
                )
            case _:
                return f"{who}: {event.type.value.replace('_', ' ')}."

    def _send_draft(self, event: Event) -> None:
        key = event.thread or ""
        book = self.books.get(key)
        draft = next(
            (
                d
                for d in self.seen.drafts
                if book and d.thread_id == book.thread_id and d.gone_at is None
            ),
            None,
        )
        if book is None or draft is None:
            raise DemoError(f"{event.label}: followup made no draft in '{key}' for Sam to send")
        raw = self.gmail.drafts().get(userId="me", id=draft.draft_id, format="metadata").execute()
        headers = {h["name"].lower(): h["value"] for h in raw["message"]["payload"]["headers"]}
        self.gmail.drafts().send(userId="me", body={"id": draft.draft_id}).execute()
        draft.sent_by_user = True
        self.seen.user_sends += 1
        if headers.get("message-id"):
            book.message_ids.append(headers["message-id"])
        user = self.scenario.user
        book.last_sender, book.last_at = f"{user.name} <{user.email}>", event.at
        company = self._company(key)
        aside = " (Sam sends; followup never does)" if self.seen.user_sends == 1 else ""
        self.say.say(
            "user",
            event.at,
            f"Sam reads the {KIND_WORDS.get(draft.kind, draft.kind)} for {company} in Gmail "
            f"and sends it{aside}.",
        )

    # -- observing the mailbox and followup's store -----------------------------------------

    def _first_sync(self, at: datetime, report: PollReport) -> None:
        found = f"{report.events} mail(s)" if report.events else "no mail"
        self.say.say(
            "followup",
            at,
            f"followup starts watching Sam's Gmail. Its first look finds {found} about a job "
            "application; newsletters, alerts and personal mail are left alone.",
        )

    def _company(self, key: str) -> str:
        app = self.seen.app_of(key)
        if app is not None and app.company:
            return app.company
        book = self.books.get(key)
        return book.subject if book else key

    def _key_of(self, thread_id: str) -> str:
        return next((k for k, t in self.seen.threads.items() if t == thread_id), "")

    def thread_labels(self, thread_id: str) -> tuple[str, ...]:
        """The names of the labels on a thread's messages, read from Gmail now."""
        thread = self.gmail.threads().get(userId="me", id=thread_id, format="minimal").execute()
        ids = {i for m in thread.get("messages", []) for i in m.get("labelIds", [])}
        if ids - set(self._label_names):
            listing = self.gmail.labels().list(userId="me").execute()
            self._label_names = {lab["id"]: lab["name"] for lab in listing.get("labels", [])}
        return tuple(sorted(self._label_names.get(i, i) for i in ids))

    def draft_exists(self, draft_id: str) -> bool:
        from googleapiclient.errors import HttpError

        try:
            self.gmail.drafts().get(userId="me", id=draft_id, format="minimal").execute()
        except HttpError as exc:
            if exc.resp.status == 404:
                return False
            raise
        return True

    def _observe_drafts(self, at: datetime, store: Any) -> None:
        listing = self.gmail.drafts().list(userId="me", maxResults=500).execute()
        present = {item["id"] for item in listing.get("drafts", [])}
        for seen in self.seen.drafts:
            if seen.gone_at is None and seen.draft_id not in present:
                seen.gone_at = at
                seen.gone_confirmed = not self.draft_exists(seen.draft_id)
                if not seen.sent_by_user:
                    self.say.say(
                        "tidy",
                        at,
                        f"followup removes its unsent {KIND_WORDS.get(seen.kind, seen.kind)} "
                        f"from the {self._company(seen.thread_key)} thread: it is no longer "
                        "the right thing to send.",
                    )
        known = {d.draft_id for d in self.seen.drafts}
        ours = {row.draft_id: row for row in store.outbox("created", "kept") if row.draft_id}
        for draft_id in sorted(present - known):
            row = ours.get(draft_id)
            if row is None:
                continue  # Sam's own draft, not followup's
            draft = self.gmail.drafts().get(userId="me", id=draft_id, format="metadata").execute()
            message = draft["message"]
            headers = {h["name"].lower(): h["value"] for h in message["payload"]["headers"]}
            match = _INTENT_KIND.search(row.intent_key)
            thread_id = message.get("threadId", "")
            seen = DraftSeen(
                draft_id=draft_id,
                thread_id=thread_id,
                thread_key=self._key_of(thread_id),
                kind=match["kind"] if match else row.step,
                to=parseaddr(headers.get("to", ""))[1].lower(),
                first_at=at,
                first_day=self.day_of(at),
                thread_labels=self.thread_labels(thread_id),
                in_thread=bool(row.thread_id) and thread_id == row.thread_id,
            )
            self.seen.drafts.append(seen)
            follow = [n for n in seen.thread_labels if n.lower().startswith("follow-up/")]
            self.say.say(
                "followup",
                at,
                f"followup drafts a {KIND_WORDS.get(seen.kind, seen.kind)} to {seen.to} in the "
                f"{self._company(seen.thread_key)} thread"
                + (f", labelled {', '.join(follow)}" if follow else "")
                + ". Sam will find it in Gmail › Drafts.",
            )

    def _observe_applications(self, at: datetime, store: Any) -> None:
        for app in sorted(store.load_applications(), key=lambda a: a.created_at):
            before = self.seen.applications.get(app.id)
            self.seen.applications[app.id] = app
            if before is None:
                role = f" ({app.role})" if app.role else ""
                self.say.say("followup", at, f"followup starts tracking {app.company}{role}.")
            elif before.state is not app.state:
                self.say.say("followup", at, self._state_change(app))
            elif (
                app.next_action
                and before.next_action
                and app.next_action.due > before.next_action.due
                and app.state is State.WAITING
            ):
                self.say.say(
                    "followup",
                    at,
                    f"followup moves the next check-in for {app.company} to "
                    f"{on_day(app.next_action.due, self.zone)} (it was "
                    f"{on_day(before.next_action.due, self.zone)}).",
                )

    def _state_change(self, app: Application) -> str:
        company = app.company or "an employer"
        if app.state is State.PAUSED:
            return (
                f"{company} is now paused: the employer has answered, so followup drafts no "
                "check-in until Sam says `followup resume`."
            )
        if app.state is State.CLOSED:
            reason = app.closed_reason.value.replace("_", " ") if app.closed_reason else "closed"
            return f"{company} is now closed ({reason}): no more drafts for it."
        words = {
            State.INTERVIEW_SCHEDULED: "interview booked",
            State.INTERVIEWED: "interview done; a thank-you is the next step",
            State.WAITING: "waiting for the employer",
            State.FOLLOW_UP_DUE: "a check-in is ready for Sam",
        }
        due = ""
        if app.state is State.WAITING and app.next_action is not None:
            due = f" (next check-in {on_day(app.next_action.due, self.zone)})"
            last = app.messages[-1] if app.messages else None
            if last is not None and last.kind is Kind.AUTO_REPLY and last.back_on is not None:
                back = last.back_on
                due = (
                    f" (the check-in waits until {on_day(app.next_action.due, self.zone)}: "
                    f"the interviewer is away until {back:%a} {back.day} {back:%b})"
                )
        return f"{company}: {words.get(app.state, app.state.value.replace('_', ' '))}{due}."
