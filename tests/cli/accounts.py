"""An emulator with a registered OAuth client, and a followup home pointed at it.

Each test gets its own emulator (it starts in milliseconds) because these tests change
token lifetimes and move the clock by days, which must not leak into other tests.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import requests

from followup.paths import Paths
from gmail_emulator.app import Emulator, Options
from gmail_emulator.server import EmulatorServer


@dataclass
class Account:
    """An emulator with a registered OAuth client, and a followup home pointed at it."""

    url: str
    emulator: Emulator
    home: Paths
    email: str = "ada@example.com"

    def admin(self, path: str, payload: dict[str, Any]) -> Any:
        response = requests.post(f"{self.url}/_emulator/{path}", json=payload, timeout=10)
        response.raise_for_status()
        return response.json()

    def followup(self, *args: str) -> subprocess.Popen[str]:
        """Start the real `followup` command in a child process, as a user would."""
        env = {**os.environ, "FOLLOWUP_HOME": str(self.home.config_dir.parent)}
        env.pop("BROWSER", None)
        return subprocess.Popen(
            [sys.executable, "-m", "followup", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )


CLIENT_ID = "cli-tests.apps.googleusercontent.com"
CLIENT_SECRET = "cli-tests-secret"


@pytest.fixture(name="account")
def account_fixture(home: Paths) -> Iterator[Account]:
    """A running emulator, an OAuth client registered there, the client file and config."""
    emulator = Emulator(Options())
    server = EmulatorServer(emulator)
    server.start()
    try:
        acct = Account(url=server.url, emulator=emulator, home=home)
        acct.admin("oauth/clients", {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET})
        acct.admin("mailboxes", {"email": acct.email})
        home.config_dir.mkdir(parents=True)
        client = {
            "installed": {
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "auth_uri": f"{server.url}/o/oauth2/auth",
                "token_uri": f"{server.url}/token",
                "redirect_uris": ["http://localhost"],
            }
        }
        home.client_secrets_file.write_text(json.dumps(client), encoding="utf-8")
        home.config_file.write_text(
            f'[account]\nemail = "{acct.email}"\napi_endpoint = "{server.url}/"\n',
            encoding="utf-8",
        )
        yield acct
    finally:
        server.stop()


def read_auth_url(proc: subprocess.Popen[str]) -> str:
    """The consent address `followup connect` prints (it waits for the redirect after)."""
    assert proc.stdout is not None
    for line in proc.stdout:
        if "/o/oauth2/auth?" in line:
            return line.strip()
    raise AssertionError(f"no address printed; stderr: {proc.stderr.read() if proc.stderr else ''}")


def approve_with_http_client(auth_url: str, email: str) -> requests.Response:
    """Do what the user does on the consent page: keep the address, press Allow."""
    page = requests.get(auth_url, timeout=10)
    assert page.status_code == 200, page.text
    request_id = re.search(r'name=request_id value="([^"]+)"', page.text)
    assert request_id is not None, page.text
    approve_url = auth_url.split("/o/oauth2/auth")[0] + "/o/oauth2/approve"
    decision = requests.post(
        approve_url,
        data={"request_id": request_id.group(1), "email": email, "action": "allow"},
        allow_redirects=False,
        timeout=10,
    )
    assert decision.status_code == 302, decision.text
    # The browser follows the redirect to followup's one-shot loopback server.
    return requests.get(decision.headers["Location"], timeout=10)


def connect_by_token(account: Account) -> None:
    """A saved token minted by the emulator: for tests of commands, not of connecting."""
    from google.oauth2.credentials import Credentials

    from followup import auth
    from gmail_emulator.auth import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

    grant = account.admin("tokens", {"email": account.email})
    creds = Credentials(
        token=grant["access_token"],
        refresh_token=grant["refresh_token"],
        token_uri=f"{account.url}/token",
        client_id=DEMO_CLIENT_ID,
        client_secret=DEMO_CLIENT_SECRET,
        scopes=list(auth.SCOPES),
    )
    auth.save_token(creds, account.home.token_file)


def deliver(account: Account, raw: bytes) -> dict[str, Any]:
    response = requests.post(
        f"{account.url}/_emulator/mailboxes/{account.email}/deliver",
        data=raw,
        headers={"Content-Type": "message/rfc822"},
        timeout=10,
    )
    response.raise_for_status()
    result: dict[str, Any] = response.json()
    return result
