"""The composition root: the one place that builds adapters and wires them into the service.

Nothing is built at import time (cosmicpython's bootstrap builds a database engine in a
default argument; we do not): every adapter is made inside :func:`build_service`, from
Paths + Config + credentials, so the CLI, the demo and the tests wire things the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from followup.adapters.clock import SystemClock
from followup.adapters.gmail import GmailMailbox
from followup.adapters.outbox import InboxSettings
from followup.adapters.ratelimit import Backoff, QuotaLimiter
from followup.adapters.store import SqliteStore
from followup.config import Config
from followup.core.compose import TemplateSet, UserProfile
from followup.core.model import LabelRole
from followup.errors import ConfigError
from followup.mail.model import MailReading
from followup.paths import Paths
from followup.ports import Clock
from followup.service import Service, SyncSettings

log = logging.getLogger(__name__)


@dataclass
class Wiring:
    """A built service plus what must be closed with it."""

    service: Service
    store: SqliteStore
    mailbox: GmailMailbox

    def close(self) -> None:
        self.store.close()


def sync_settings(config: Config, *, progress: bool | None = None) -> SyncSettings:
    """The sync's knobs from the user's config (labels, inbox behaviour, window)."""
    if config.watch.first_sync_days < 1:
        raise ConfigError("[watch] first_sync_days must be at least 1")
    return SyncSettings(
        labels={
            LabelRole.READY: config.labels.ready,
            LabelRole.WAITING: config.labels.waiting,
            LabelRole.CLOSED: config.labels.closed,
        },
        inbox=InboxSettings(
            bring_to_inbox=config.drafts.bring_to_inbox,
            star=config.drafts.star,
            mark_important=config.drafts.mark_important,
        ),
        first_sync_days=config.watch.first_sync_days,
        user_addresses=(config.account.email,) if config.account.email else (),
        progress=progress,
    )


def user_profile(config: Config, paths: Paths, address: str) -> UserProfile:
    """Who signs the drafts, with the user's template overrides when there are any."""
    templates = TemplateSet.shipped()
    folder = paths.templates_dir
    if folder.is_dir():
        overrides = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.j2")}
        if overrides:
            templates = templates.with_overrides(overrides)
    return UserProfile(address=address, name=config.user.name or None, templates=templates)


def build_service(
    paths: Paths,
    config: Config,
    *,
    credentials: Any = None,
    clock: Clock | None = None,
    progress: bool | None = None,
    sleep: Callable[[float], None] | None = None,
    units_per_minute: int | None = None,
) -> Wiring:
    """Build store, Gmail mailbox and service. ``credentials`` default: the saved token."""
    from followup.mail.reading import read_mail
    from followup.mail_rules import load_rules

    if credentials is None:
        from followup.auth import credentials as load_credentials

        credentials = load_credentials(paths.token_file)
    store = SqliteStore(paths.database_file)
    limiter = QuotaLimiter(units_per_minute) if units_per_minute else QuotaLimiter()
    extra: dict[str, Any] = {"sleep": sleep} if sleep is not None else {}
    mailbox = GmailMailbox.connect(
        credentials,
        api_endpoint=config.account.api_endpoint or None,
        limiter=limiter,
        backoff=Backoff(),
        **extra,
    )
    settings = sync_settings(config, progress=progress)
    address = config.account.email or store.get_meta("account_email") or ""
    if not address:
        address = mailbox.profile().email
        store.set_meta("account_email", address)
    users = tuple(dict.fromkeys((*settings.user_addresses, address)))

    def reader(raw: bytes) -> MailReading:
        # Rules from `followup correct` are read on every message so that a correction made
        # while the watcher runs applies to the very next mail of that template.
        return read_mail(raw, user_addresses=users, corrections=load_rules(store))

    service = Service(
        mailbox,
        store,
        config.policy(),
        user_profile(config, paths, address),
        settings,
        clock or SystemClock(),
        reader=reader,
    )
    return Wiring(service=service, store=store, mailbox=mailbox)
