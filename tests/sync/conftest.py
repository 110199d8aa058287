"""Fixtures for the sync tests: the real Gmail adapter and service against the emulator."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from google.oauth2.credentials import Credentials

from followup.adapters.gmail import GmailMailbox
from followup.adapters.ratelimit import Backoff
from followup.adapters.store import SqliteStore
from followup.core.compose import UserProfile
from followup.core.policy import Policy
from followup.mail.reading import read_mail
from followup.service import Service, SyncSettings
from gmail_emulator.auth import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from gmail_emulator.testing import AdminClient


@dataclass
class AdminClock:
    """The emulator's clock, so the service and Gmail agree on "now"."""

    admin: AdminClient

    def now(self) -> datetime:
        return self.admin.clock()


def credentials(mailbox: Any) -> Credentials:
    return Credentials(
        token=mailbox.access_token,
        refresh_token=mailbox.refresh_token,
        token_uri=f"{mailbox.url}/token",
        client_id=DEMO_CLIENT_ID,
        client_secret=DEMO_CLIENT_SECRET,
    )


def connect(mailbox: Any, **kwargs: Any) -> GmailMailbox:
    """A GmailMailbox on the emulator whose back-off never really sleeps."""
    kwargs.setdefault("backoff", Backoff(base=0.001, cap=0.01))
    kwargs.setdefault("sleep", lambda _s: None)
    return GmailMailbox.connect(credentials(mailbox), api_endpoint=mailbox.url, **kwargs)


@dataclass(frozen=True)
class Box:
    """The same fields as tests/conftest.py's mailbox fixture value."""

    email: str
    access_token: str
    refresh_token: str
    url: str
    admin: AdminClient
    service: Any


@dataclass
class World:
    mailbox: Any  # tests/conftest.py Mailbox: email, tokens, url, admin, service
    gmail: GmailMailbox
    store: SqliteStore
    service: Service
    db_path: Path

    @property
    def admin(self) -> AdminClient:
        return self.mailbox.admin  # type: ignore[no-any-return]

    def deliver(self, raw: bytes, labels: list[str] | None = None) -> dict[str, str]:
        return self.admin.deliver(self.mailbox.email, raw, label_ids=labels or ["INBOX"])

    def methods(self) -> list[str]:
        return [c["method"] for c in self.admin.calls(self.mailbox.email)]


def make_service(mailbox: Any, store: SqliteStore, gmail: GmailMailbox, **settings: Any) -> Service:
    return Service(
        gmail,
        store,
        Policy(),
        UserProfile(address=mailbox.email, name="Sam Rivera"),
        SyncSettings(
            first_sync_days=60, user_addresses=(mailbox.email,), progress=False, **settings
        ),
        AdminClock(mailbox.admin),
        reader=functools.partial(read_mail, user_addresses=(mailbox.email,)),
    )


@pytest.fixture
def world(mailbox: Any, tmp_path: Path) -> Iterator[World]:
    gmail = connect(mailbox)
    path = tmp_path / "followup.sqlite3"
    store = SqliteStore(path)
    yield World(mailbox, gmail, store, make_service(mailbox, store, gmail), path)
    store.close()


@pytest.fixture
def new_world(emulator: Any, tmp_path: Path) -> Iterator[Callable[[], World]]:
    """Extra mailboxes on the same emulator (same clock), each with its own database."""
    import uuid

    from gmail_emulator.testing import gmail_service

    made: list[World] = []

    def make() -> World:
        email = f"user-{uuid.uuid4().hex[:12]}@example.com"
        grant = emulator.admin.create_mailbox(email)
        box = Box(
            email=email,
            access_token=grant["access_token"],
            refresh_token=grant["refresh_token"],
            url=emulator.url,
            admin=emulator.admin,
            service=gmail_service(
                emulator.url, grant["access_token"], refresh_token=grant["refresh_token"]
            ),
        )
        gmail = connect(box)
        path = tmp_path / f"{email}.sqlite3"
        store = SqliteStore(path)
        made.append(World(box, gmail, store, make_service(box, store, gmail), path))
        return made[-1]

    yield make
    for world in made:
        world.store.close()


@pytest.fixture
def restart(world: World) -> Callable[[], Service]:
    """A fresh process's view: new adapter and service over the same database file."""

    def again() -> Service:
        world.store.close()
        world.store = SqliteStore(world.db_path)
        world.gmail = connect(world.mailbox)
        world.service = make_service(world.mailbox, world.store, world.gmail)
        return world.service

    return again
