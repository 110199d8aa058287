"""The installed-app OAuth flow, refresh and revocation, with Google's own libraries."""

from __future__ import annotations

import contextlib
import io
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from google.auth.exceptions import RefreshError
from google.auth.transport.requests import Request as GoogleRequest
from google.oauth2.credentials import Credentials
from google_auth_oauthlib.flow import InstalledAppFlow

from gmail_emulator.auth import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from gmail_emulator.testing import ServerHandle, gmail_service, serve_in_thread

SCOPES = ["https://www.googleapis.com/auth/gmail.modify"]


@pytest.fixture
def insecure_transport(monkeypatch: pytest.MonkeyPatch) -> None:
    # oauthlib refuses http:// endpoints unless told otherwise (notes §9).
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")


def _client_config(url: str, client_id: str = DEMO_CLIENT_ID) -> dict[str, Any]:
    return {
        "installed": {
            "client_id": client_id,
            "client_secret": DEMO_CLIENT_SECRET if client_id == DEMO_CLIENT_ID else "s3cret",
            "auth_uri": f"{url}/o/oauth2/auth",
            "token_uri": f"{url}/token",
            "redirect_uris": ["http://localhost"],
        }
    }


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _open(url: str, data: bytes | None = None) -> tuple[int, str, dict[str, str]]:
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(url, data=data, timeout=10) as resp:
            return resp.status, resp.read().decode(), dict(resp.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(), dict(exc.headers)


class _Browser(io.StringIO):
    """Reads the printed authorization URL and "opens" it, as the user would."""

    def __init__(self, click: Any) -> None:
        super().__init__()
        self._click = click

    def write(self, text: str) -> int:
        found = re.search(r"AUTH-URL (\S+)", text)
        if found:
            threading.Thread(target=self._click, args=(found.group(1),), daemon=True).start()
        return super().write(text)


def _run_flow(url: str, click: Any) -> Credentials:
    """InstalledAppFlow.run_local_server(open_browser=False) with ``click`` as the user."""
    flow = InstalledAppFlow.from_client_config(_client_config(url), SCOPES)
    with contextlib.redirect_stdout(_Browser(click)):
        creds: Credentials = flow.run_local_server(
            port=0,
            open_browser=False,
            authorization_prompt_message="AUTH-URL {url}",
            timeout_seconds=20,
        )
    return creds


def _click_allow(email: str) -> Any:
    def click(auth_url: str) -> None:
        status, page, _ = _open(auth_url)
        assert status == 200
        assert 'id="allow"' in page or "id=allow" in page
        request_id = re.search(r'name=request_id value="([^"]+)"', page)
        assert request_id is not None
        form = urllib.parse.urlencode(
            {"request_id": request_id.group(1), "email": email, "action": "allow"}
        ).encode()
        base = auth_url.split("/o/oauth2/")[0]
        status, _, headers = _open(f"{base}/o/oauth2/approve", form)
        assert status == 302
        # Follow the redirect to the flow's loopback server, as a browser would.
        urllib.request.urlopen(headers["Location"], timeout=10).read()

    return click


@pytest.fixture
def server() -> Iterator[ServerHandle]:
    with serve_in_thread() as handle:
        yield handle


@pytest.mark.usefixtures("insecure_transport")
def test_installed_app_flow_runs_end_to_end(server: ServerHandle) -> None:
    creds = _run_flow(server.url, _click_allow("applicant@example.com"))
    assert creds.token
    assert creds.refresh_token
    assert creds.scopes == SCOPES
    service = gmail_service(server.url, creds.token)
    profile = service.users().getProfile(userId="me").execute()
    assert profile["emailAddress"] == "applicant@example.com"


@pytest.mark.usefixtures("insecure_transport")
def test_auto_approve_redirects_straight_back() -> None:
    with serve_in_thread(auto_approve="demo@example.com") as emu:

        def click(auth_url: str) -> None:
            status, _, headers = _open(auth_url)
            assert status == 302
            urllib.request.urlopen(headers["Location"], timeout=10).read()

        creds = _run_flow(emu.url, click)
        service = gmail_service(emu.url, creds.token)
        assert service.users().getProfile(userId="me").execute()["emailAddress"] == (
            "demo@example.com"
        )


def test_cancel_redirects_with_access_denied(server: ServerHandle) -> None:
    query = urllib.parse.urlencode(
        {
            "client_id": DEMO_CLIENT_ID,
            "redirect_uri": "http://127.0.0.1:9/",
            "response_type": "code",
            "scope": SCOPES[0],
            "state": "xyz",
        }
    )
    status, page, _ = _open(f"{server.url}/o/oauth2/auth?{query}")
    assert status == 200
    request_id = re.search(r'name=request_id value="([^"]+)"', page)
    assert request_id is not None
    form = urllib.parse.urlencode({"request_id": request_id.group(1), "action": "cancel"})
    status, _, headers = _open(f"{server.url}/o/oauth2/approve", form.encode())
    assert status == 302
    assert headers["Location"] == "http://127.0.0.1:9/?error=access_denied&state=xyz"


@pytest.mark.parametrize(
    ("override", "status"),
    [
        ({"client_id": "nobody.apps.googleusercontent.com"}, 401),
        ({"redirect_uri": "https://evil.example/cb"}, 400),
        ({"response_type": "token"}, 400),
        ({"scope": ""}, 400),
    ],
)
def test_bad_authorization_requests_get_an_error_page_not_a_redirect(
    server: ServerHandle, override: dict[str, str], status: int
) -> None:
    params = {
        "client_id": DEMO_CLIENT_ID,
        "redirect_uri": "http://localhost:8080/",
        "response_type": "code",
        "scope": SCOPES[0],
        **override,
    }
    got, page, headers = _open(f"{server.url}/o/oauth2/auth?{urllib.parse.urlencode(params)}")
    assert got == status
    assert "Location" not in headers
    assert "<script" not in page


def test_consent_page_escapes_what_it_echoes(server: ServerHandle) -> None:
    params = {
        "client_id": DEMO_CLIENT_ID,
        "redirect_uri": "http://localhost:8080/",
        "response_type": "code",
        "scope": SCOPES[0],
        "login_hint": '"><script>alert(1)</script>',
    }
    status, page, _ = _open(f"{server.url}/o/oauth2/auth?{urllib.parse.urlencode(params)}")
    assert status == 200
    assert "<script>" not in page


def _refresh(url: str, refresh_token: str) -> Credentials:
    creds = Credentials(
        token=None,
        refresh_token=refresh_token,
        token_uri=f"{url}/token",
        client_id=DEMO_CLIENT_ID,
        client_secret=DEMO_CLIENT_SECRET,
    )
    creds.refresh(GoogleRequest())
    return creds


def test_refresh_grant_issues_a_working_access_token(server: ServerHandle) -> None:
    grant = server.admin.create_mailbox("r@example.com")
    creds = _refresh(server.url, grant["refresh_token"])
    assert creds.token != grant["access_token"]
    service = gmail_service(server.url, creds.token)
    assert service.users().getProfile(userId="me").execute()["emailAddress"] == "r@example.com"


def test_revoked_refresh_token_is_invalid_grant(server: ServerHandle) -> None:
    grant = server.admin.create_mailbox("revoked@example.com")
    status, _, _ = _open(
        f"{server.url}/revoke?token={urllib.parse.quote(grant['refresh_token'])}", b""
    )
    assert status == 200
    with pytest.raises(RefreshError, match=r"invalid_grant: Token has been expired or revoked\."):
        _refresh(server.url, grant["refresh_token"])


def test_refresh_token_lifetime_emulates_testing_apps_seven_days(server: ServerHandle) -> None:
    grant = server.admin.mint_token(
        server.admin.create_mailbox("testing@example.com")["email"],
        refresh_lifetime=timedelta(days=7),
    )
    _refresh(server.url, grant["refresh_token"])
    server.admin.advance_clock(timedelta(days=7, seconds=1))
    with pytest.raises(RefreshError, match="invalid_grant"):
        _refresh(server.url, grant["refresh_token"])


def test_wrong_client_secret_is_invalid_client(server: ServerHandle) -> None:
    grant = server.admin.create_mailbox("secret@example.com")
    creds = Credentials(
        token=None,
        refresh_token=grant["refresh_token"],
        token_uri=f"{server.url}/token",
        client_id=DEMO_CLIENT_ID,
        client_secret="wrong",
    )
    with pytest.raises(RefreshError, match="invalid_client"):
        creds.refresh(GoogleRequest())


def test_registered_client_can_run_the_flow(server: ServerHandle) -> None:
    server.admin.register_client("mine.apps.googleusercontent.com", "s3cret")
    params = {
        "client_id": "mine.apps.googleusercontent.com",
        "redirect_uri": "http://[::1]:8080/",
        "response_type": "code",
        "scope": SCOPES[0],
    }
    status, _, _ = _open(f"{server.url}/o/oauth2/auth?{urllib.parse.urlencode(params)}")
    assert status == 200


def test_authorization_codes_are_single_use_and_pkce_checked(server: ServerHandle) -> None:
    import base64
    import hashlib

    verifier = "v" * 50
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
    with serve_in_thread(auto_approve="pkce@example.com") as emu:
        params = {
            "client_id": DEMO_CLIENT_ID,
            "redirect_uri": "http://localhost:1/",
            "response_type": "code",
            "scope": SCOPES[0],
            "code_challenge": challenge.decode(),
            "code_challenge_method": "S256",
        }
        _, _, headers = _open(f"{emu.url}/o/oauth2/auth?{urllib.parse.urlencode(params)}")
        code = urllib.parse.parse_qs(urllib.parse.urlsplit(headers["Location"]).query)["code"][0]

        def exchange(code_verifier: str) -> tuple[int, str]:
            form = urllib.parse.urlencode(
                {
                    "grant_type": "authorization_code",
                    "code": code,
                    "redirect_uri": "http://localhost:1/",
                    "code_verifier": code_verifier,
                    "client_id": DEMO_CLIENT_ID,
                    "client_secret": DEMO_CLIENT_SECRET,
                }
            ).encode()
            status, body, _ = _open(f"{emu.url}/token", form)
            return status, body

        status, body = exchange("wrong-verifier")
        assert status == 400
        assert "Invalid code verifier." in body
        status, body = exchange(verifier)  # the failed attempt used the code up
        assert status == 400
        assert "invalid_grant" in body


def _consent(server: ServerHandle, **extra: str) -> str:
    params = {
        "client_id": DEMO_CLIENT_ID,
        "redirect_uri": "http://localhost:8080/",
        "response_type": "code",
        "scope": SCOPES[0],
        "state": "s1",
        **extra,
    }
    status, page, _ = _open(f"{server.url}/o/oauth2/auth?{urllib.parse.urlencode(params)}")
    assert status == 200
    found = re.search(r'name=request_id value="([^"]+)"', page)
    assert found is not None
    return found.group(1)


def test_consent_without_an_email_asks_again(server: ServerHandle) -> None:
    request_id = _consent(server)
    form = urllib.parse.urlencode({"request_id": request_id, "email": "", "action": "allow"})
    status, page, headers = _open(f"{server.url}/o/oauth2/approve", form.encode())
    assert status == 400
    assert "Location" not in headers
    assert "Enter an email address." in page


def test_consent_with_a_new_address_creates_the_mailbox(server: ServerHandle) -> None:
    request_id = _consent(server, login_hint="new@example.com")
    form = urllib.parse.urlencode(
        {"request_id": request_id, "email": "new@example.com", "action": "allow"}
    )
    status, _, headers = _open(f"{server.url}/o/oauth2/approve", form.encode())
    assert status == 302
    assert headers["Location"].startswith("http://localhost:8080/?code=")
    assert "state=s1" in headers["Location"]
    assert server.admin.health()["mailboxes"] == 1


def test_consent_page_lists_existing_mailboxes(server: ServerHandle) -> None:
    server.admin.create_mailbox("first@example.com")
    _, page, _ = _open(
        f"{server.url}/o/oauth2/auth?"
        + urllib.parse.urlencode(
            {
                "client_id": DEMO_CLIENT_ID,
                "redirect_uri": "http://127.0.0.1:5/",
                "response_type": "code",
                "scope": SCOPES[0],
            }
        )
    )
    assert '<option value="first@example.com">' in page
    assert 'value="first@example.com" size=40' in page
