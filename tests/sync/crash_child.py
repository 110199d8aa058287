"""Run one poll and one tick in a fresh process (the crash tests SIGKILL it midway).

Usage: python crash_child.py URL EMAIL ACCESS_TOKEN REFRESH_TOKEN DB_PATH
The crash point comes from FOLLOWUP_CRASH_AT (see followup.adapters.crashpoints).
"""

from __future__ import annotations

import functools
import sys
from datetime import datetime

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


class AdminClock:
    def __init__(self, admin: AdminClient) -> None:
        self.admin = admin

    def now(self) -> datetime:
        return self.admin.clock()


def main(url: str, email: str, access: str, refresh: str, db_path: str) -> None:
    creds = Credentials(
        token=access,
        refresh_token=refresh,
        token_uri=f"{url}/token",
        client_id=DEMO_CLIENT_ID,
        client_secret=DEMO_CLIENT_SECRET,
    )
    gmail = GmailMailbox.connect(
        creds, api_endpoint=url, backoff=Backoff(base=0.001, cap=0.01), sleep=lambda _s: None
    )
    store = SqliteStore(db_path)
    service = Service(
        gmail,
        store,
        Policy(),
        UserProfile(address=email, name="Sam Rivera"),
        SyncSettings(user_addresses=(email,), progress=False),
        AdminClock(AdminClient(url)),
        reader=functools.partial(read_mail, user_addresses=(email,)),
    )
    service.poll_once()
    service.tick()
    store.close()


if __name__ == "__main__":
    main(*sys.argv[1:6])
