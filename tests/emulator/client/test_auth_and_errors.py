"""Tokens, scopes, users and Gmail-shaped error bodies."""

from __future__ import annotations

import http.client
import json
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest
from google.auth.exceptions import RefreshError
from googleapiclient.errors import HttpError

from gmail_emulator.testing import ServerHandle, gmail_service, serve_in_thread

READONLY = "https://www.googleapis.com/auth/gmail.readonly"
COMPOSE = "https://www.googleapis.com/auth/gmail.compose"


def _raw(
    url: str,
    method: str,
    path: str,
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        conn.close()


def _error(body: bytes) -> dict[str, Any]:
    error: dict[str, Any] = json.loads(body)["error"]
    return error


def test_missing_token_gets_401_login_required(emulator: ServerHandle) -> None:
    status, headers, body = _raw(emulator.url, "GET", "/gmail/v1/users/me/profile")
    assert status == 401
    assert headers["WWW-Authenticate"].startswith("Bearer")
    error = _error(body)
    assert error["status"] == "UNAUTHENTICATED"
    assert error["errors"][0]["location"] == "Authorization"
    assert error["errors"][0]["locationType"] == "header"


def test_unknown_token_gets_401_invalid_credentials(emulator: ServerHandle) -> None:
    status, _, body = _raw(
        emulator.url,
        "GET",
        "/gmail/v1/users/me/profile",
        {"Authorization": "Bearer ya29.forged"},
    )
    assert status == 401
    error = _error(body)
    assert error["message"].startswith("Request had invalid authentication credentials.")
    assert error["errors"][0] == {
        "message": "Invalid Credentials",
        "domain": "global",
        "reason": "authError",
        "location": "Authorization",
        "locationType": "header",
    }


def _profile_status(url: str, token: str) -> int:
    return _raw(url, "GET", "/gmail/v1/users/me/profile", {"Authorization": f"Bearer {token}"})[0]


def test_revoked_token_is_refused(mailbox: Any) -> None:
    assert mailbox.admin.revoke(mailbox.access_token)
    assert _profile_status(mailbox.url, mailbox.access_token) == 401
    # google-auth answers a 401 by refreshing; without a refresh token that is a RefreshError
    service = gmail_service(mailbox.url, mailbox.access_token)
    with pytest.raises(RefreshError):
        service.users().getProfile(userId="me").execute()


def test_revoking_the_refresh_token_kills_its_access_tokens(mailbox: Any) -> None:
    assert mailbox.admin.revoke(mailbox.refresh_token)
    assert _profile_status(mailbox.url, mailbox.access_token) == 401
    with pytest.raises(RefreshError, match="invalid_grant"):
        mailbox.service.users().getProfile(userId="me").execute()


def test_access_token_expires_on_the_emulator_clock() -> None:
    with serve_in_thread(access_token_lifetime=timedelta(minutes=10)) as emu:
        grant = emu.admin.create_mailbox("exp@example.com")
        service = gmail_service(emu.url, grant["access_token"])
        assert grant["expires_in"] == 600
        service.users().getProfile(userId="me").execute()
        emu.admin.advance_clock(timedelta(minutes=11))
        assert _profile_status(emu.url, grant["access_token"]) == 401


def test_expired_token_is_refreshed_by_google_auth_transparently() -> None:
    with serve_in_thread() as emu:
        grant = emu.admin.create_mailbox("refresh@example.com")
        service = gmail_service(
            emu.url, grant["access_token"], refresh_token=grant["refresh_token"]
        )
        emu.admin.advance_clock(timedelta(hours=2))
        assert service.users().getProfile(userId="me").execute()["emailAddress"]


def test_someone_elses_user_id_is_delegation_denied(mailbox: Any) -> None:
    with pytest.raises(HttpError) as caught:
        mailbox.service.users().getProfile(userId="boss@example.com").execute()
    assert caught.value.status_code == 403
    assert caught.value.reason == "Delegation denied for boss@example.com"


def test_insufficient_scope_gets_403_insufficient_permissions(mailbox: Any) -> None:
    compose = mailbox.admin.mint_token(mailbox.email, scopes=[COMPOSE])
    service = gmail_service(mailbox.url, compose["access_token"])
    service.users().drafts().list(userId="me").execute()  # compose covers drafts
    with pytest.raises(HttpError) as caught:
        service.users().messages().list(userId="me").execute()
    assert caught.value.status_code == 403
    error = json.loads(caught.value.content)["error"]
    assert error["message"] == "Request had insufficient authentication scopes."
    assert error["errors"][0]["reason"] == "insufficientPermissions"
    assert error["status"] == "PERMISSION_DENIED"


def test_readonly_token_cannot_modify(mailbox: Any) -> None:
    readonly = mailbox.admin.mint_token(mailbox.email, scopes=[READONLY])
    service = gmail_service(mailbox.url, readonly["access_token"])
    service.users().messages().list(userId="me").execute()
    with pytest.raises(HttpError) as caught:
        service.users().labels().create(
            userId="me",
            body={"name": "x", "messageListVisibility": "show", "labelListVisibility": "labelShow"},
        ).execute()
    assert caught.value.status_code == 403


def test_unknown_path_is_a_gmail_shaped_404(mailbox: Any) -> None:
    status, _, body = _raw(
        mailbox.url,
        "GET",
        "/gmail/v1/users/me/nothing-here",
        {"Authorization": f"Bearer {mailbox.access_token}"},
    )
    assert status == 404
    assert _error(body)["errors"][0]["reason"] == "notFound"


def test_unknown_message_is_404_not_found(mailbox: Any) -> None:
    with pytest.raises(HttpError) as caught:
        mailbox.service.users().messages().get(userId="me", id="ffffffffffffffff").execute()
    assert caught.value.status_code == 404
    assert json.loads(caught.value.content)["error"] == {
        "code": 404,
        "message": "Requested entity was not found.",
        "errors": [
            {"message": "Requested entity was not found.", "domain": "global", "reason": "notFound"}
        ],
        "status": "NOT_FOUND",
    }


def test_bad_argument_is_400_invalid_argument(mailbox: Any) -> None:
    with pytest.raises(HttpError) as caught:
        mailbox.service.users().history().list(userId="me", startHistoryId="").execute()
    assert caught.value.status_code == 400
    error = json.loads(caught.value.content)["error"]
    assert error["status"] in ("INVALID_ARGUMENT", "FAILED_PRECONDITION")


def test_malformed_json_body_is_400_not_a_crash(mailbox: Any) -> None:
    status, _, body = _raw(
        mailbox.url,
        "POST",
        "/gmail/v1/users/me/labels",
        {"Authorization": f"Bearer {mailbox.access_token}", "Content-Type": "application/json"},
        b"{not json",
    )
    assert status == 400
    assert _error(body)["status"] == "INVALID_ARGUMENT"


def test_unexpected_exception_becomes_gmail_500_without_traceback(
    mailbox: Any, emulator: ServerHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(emulator.emulator.backend, "call", explode)
    status, _, body = _raw(
        mailbox.url,
        "GET",
        "/gmail/v1/users/me/profile",
        {"Authorization": f"Bearer {mailbox.access_token}"},
    )
    assert status == 500
    assert b"secret internals" not in body
    assert b"Traceback" not in body
    assert _error(body)["errors"][0]["reason"] == "backendError"


def test_system_parameters_are_ignored(mailbox: Any) -> None:
    status, _, body = _raw(
        mailbox.url,
        "GET",
        "/gmail/v1/users/me/profile?alt=json&prettyPrint=false&fields=emailAddress&quotaUser=x&key=k",
        {"Authorization": f"Bearer {mailbox.access_token}"},
    )
    assert status == 200
    assert json.loads(body)["emailAddress"] == mailbox.email


def test_method_override_get_with_form_body(mailbox: Any) -> None:
    status, _, body = _raw(
        mailbox.url,
        "POST",
        "/gmail/v1/users/me/messages",
        {
            "Authorization": f"Bearer {mailbox.access_token}",
            "X-HTTP-Method-Override": "GET",
            "Content-Type": "application/x-www-form-urlencoded",
        },
        b"maxResults=1&q=" + b"x" * 3000,
    )
    assert status == 200
    assert json.loads(body)["resultSizeEstimate"] == 0
