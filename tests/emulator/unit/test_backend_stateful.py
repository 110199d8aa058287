"""A hypothesis state machine: random sequences of mailbox changes keep the backend consistent.

After every step the views a client can read must agree with each other: paging equals one
big page, profile totals equal what list calls return, history ids only grow, and replaying
history from the start reproduces the set of live messages.
"""

from __future__ import annotations

from backend_support import ME, START, Api, b64, mail
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from gmail_emulator.backend import Backend
from gmail_emulator.clock import Clock

SUBJECTS = st.sampled_from(["Interview", "Offer", "Re: Interview", "Hello"])
LABELS = st.sampled_from(["INBOX", "UNREAD", "STARRED", "SPAM", "TRASH", "IMPORTANT"])


class MailboxMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.clock = Clock(START, frozen=True)
        self.backend = Backend(self.clock)
        self.backend.create_mailbox(ME)
        self.api = Api(self.backend)
        self.start = self.api("getProfile")["historyId"]
        self.counter = 0

    def _ids(self) -> list[str]:
        page = self.api("messages.list", includeSpamTrash=True, maxResults=500)
        return [m["id"] for m in page.get("messages", [])]

    @rule(subject=SUBJECTS, reply=st.booleans(), minutes=st.integers(0, 90))
    def deliver(self, subject: str, reply: bool, minutes: int) -> None:
        self.counter += 1
        parent = f"<m{self.counter - 1}@x>" if reply and self.counter > 1 else None
        raw = mail(subject, message_id=f"<m{self.counter}@x>", in_reply_to=parent)
        self.backend.deliver(ME, raw)
        self.clock.set(self.clock.now().replace(minute=minutes % 60))

    @precondition(lambda self: self.counter > 0)
    @rule(data=st.data(), add=st.lists(LABELS, max_size=2), remove=st.lists(LABELS, max_size=2))
    def modify(self, data: st.DataObject, add: list[str], remove: list[str]) -> None:
        ids = self._ids()
        if not ids or not (add or remove):
            return
        msg_id = data.draw(st.sampled_from(ids))
        self.api("messages.modify", {"addLabelIds": add, "removeLabelIds": remove}, id=msg_id)

    @precondition(lambda self: self.counter > 0)
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        ids = self._ids()
        if ids:
            self.api("messages.delete", id=data.draw(st.sampled_from(ids)))

    @rule(subject=SUBJECTS, update=st.booleans())
    def draft(self, subject: str, update: bool) -> None:
        raw = b64(mail(subject, sender=ME, to="x@y.example"))
        created = self.api("drafts.create", {"message": {"raw": raw}})
        if update:
            self.api("drafts.update", {"message": {"raw": raw}}, id=created["id"])

    @invariant()
    def paging_equals_one_big_page(self) -> None:
        everything = self._ids()
        paged: list[str] = []
        token = None
        while True:
            extra = {"pageToken": token} if token else {}
            page = self.api("messages.list", includeSpamTrash=True, maxResults=3, **extra)
            paged += [m["id"] for m in page.get("messages", [])]
            token = page.get("nextPageToken")
            if not token:
                break
        assert paged == everything
        assert len(set(paged)) == len(paged)

    @invariant()
    def profile_matches_lists(self) -> None:
        profile = self.api("getProfile")
        assert profile["messagesTotal"] == len(self._ids())
        threads = self.api("threads.list", includeSpamTrash=True, maxResults=500)
        assert profile["threadsTotal"] == len(threads.get("threads", []))

    @invariant()
    def label_counts_match_label_filtered_lists(self) -> None:
        for label in ("INBOX", "STARRED", "TRASH"):
            listed = self.api(
                "messages.list", labelIds=[label], includeSpamTrash=True, maxResults=500
            )
            assert self.api("labels.get", id=label)["messagesTotal"] == len(
                listed.get("messages", [])
            )

    @invariant()
    def replaying_history_gives_the_live_messages(self) -> None:
        history = self.api("history.list", startHistoryId=self.start, maxResults=500)
        alive: set[str] = set()
        last = int(self.start)
        for record in history.get("history", []):
            assert int(record["id"]) > last
            last = int(record["id"])
            for added in record.get("messagesAdded", []):
                alive.add(added["message"]["id"])
            for deleted in record.get("messagesDeleted", []):
                alive.discard(deleted["message"]["id"])
        assert alive == set(self._ids())
        assert int(history["historyId"]) >= last


MailboxMachine.TestCase.settings = settings(max_examples=15, stateful_step_count=15, deadline=None)
test_mailbox_machine = MailboxMachine.TestCase
