"""run_consent_flow in-process, as the demo uses it: an auto-approving emulator, no browser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from followup import auth
from gmail_emulator.app import Emulator, Options
from gmail_emulator.auth import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from gmail_emulator.server import EmulatorServer


@pytest.fixture
def auto_approving() -> Iterator[str]:
    server = EmulatorServer(Emulator(Options(auto_approve="demo@example.com")))
    server.start()
    try:
        yield server.url
    finally:
        server.stop()


def test_open_url_hook_completes_the_flow_without_a_browser(
    auto_approving: str, tmp_path: Path
) -> None:
    client = auth.OAuthClient(
        client_id=DEMO_CLIENT_ID,
        client_secret=DEMO_CLIENT_SECRET,
        auth_uri=f"{auto_approving}/o/oauth2/auth",
        token_uri=f"{auto_approving}/token",
        path=tmp_path / "client.json",
    )
    opened: list[str] = []

    def follow(url: str) -> None:
        opened.append(url)
        requests.get(url, timeout=10)  # 302 to followup's loopback server, which answers

    creds = auth.run_consent_flow(client, open_url=follow, timeout_seconds=30)
    assert len(opened) == 1
    assert creds.refresh_token
    assert auth.GMAIL_MODIFY in (creds.granted_scopes or creds.scopes or [])
    profile = auth.gmail_get(creds, "profile", api_endpoint=auto_approving)
    assert profile["emailAddress"] == "demo@example.com"
