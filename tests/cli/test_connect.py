"""`followup connect` end to end against the emulator's real OAuth endpoints."""

from __future__ import annotations

import json
import re
import stat
from datetime import UTC, datetime, timedelta

import requests

from followup import auth
from followup.paths import Paths

from .accounts import (  # account_fixture provides the `account` fixture
    Account,
    account_fixture,  # noqa: F401
    approve_with_http_client,
    read_auth_url,
)


def connect(account: Account) -> tuple[int, str, str]:
    proc = account.followup("connect", "--no-browser", "--timeout", "60")
    auth_url = read_auth_url(proc)
    landing = approve_with_http_client(auth_url, account.email)
    assert landing.status_code == 200
    assert "connected" in landing.text
    out, err = proc.communicate(timeout=60)
    assert proc.returncode is not None
    return proc.returncode, out, err


def token_info(home: Paths) -> dict[str, object]:
    info = json.loads(home.token_file.read_text(encoding="utf-8"))
    assert isinstance(info, dict)
    return info


def test_connect_no_browser_prints_the_address_and_saves_a_private_token(
    account: Account,
) -> None:
    code, out, err = connect(account)
    assert code == 0, err
    assert f"Connected as {account.email}" in out
    assert stat.S_IMODE(account.home.token_file.stat().st_mode) == 0o600
    info = token_info(account.home)
    assert info["scopes"] == [auth.GMAIL_MODIFY]
    assert info["token_uri"] == f"{account.url}/token"
    assert str(info["refresh_token"]).startswith("1//")


def test_consent_address_asks_for_gmail_modify_only_and_offline_access(
    account: Account,
) -> None:
    proc = account.followup("connect", "--no-browser", "--timeout", "60")
    try:
        auth_url = read_auth_url(proc)
    finally:
        proc.kill()
        proc.communicate()
    assert "scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fgmail.modify&" in auth_url
    assert "access_type=offline" in auth_url
    assert "code_challenge_method=S256" in auth_url
    assert auth_url.startswith(f"{account.url}/o/oauth2/auth?")


def test_a_stale_access_token_is_refreshed_and_saved_again(account: Account) -> None:
    assert connect(account)[0] == 0
    info = token_info(account.home)
    old_access = info["token"]
    info["expiry"] = (datetime.now(UTC) - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    account.home.token_file.write_text(json.dumps(info), encoding="utf-8")

    check = account.followup("connect", "--check")
    out, err = check.communicate(timeout=60)
    assert check.returncode == 0, err
    assert f"connected as {account.email}" in out
    refreshed = token_info(account.home)
    assert refreshed["token"] != old_access
    assert refreshed["refresh_token"] == info["refresh_token"]
    assert stat.S_IMODE(account.home.token_file.stat().st_mode) == 0o600


def test_a_revoked_token_is_explained_with_the_fix_and_exit_1(account: Account) -> None:
    assert connect(account)[0] == 0
    account.admin("tokens/revoke", {"token": token_info(account.home)["refresh_token"]})

    check = account.followup("connect", "--check")
    _, err = check.communicate(timeout=60)
    assert check.returncode == 1
    assert "invalid_grant" in err
    assert "removed followup's access" in err
    assert "'Testing' status" in err
    assert "changed your Google password" in err
    assert "Run `followup connect` to sign in again." in err
    assert "Traceback" not in err


def test_a_testing_app_token_expired_after_7_days_is_explained(account: Account) -> None:
    account.emulator.tokens.refresh_lifetime = timedelta(days=7)  # Google's 'Testing' status
    assert connect(account)[0] == 0
    account.admin("clock", {"advance_seconds": 8 * 24 * 3600})

    check = account.followup("doctor")
    out, _ = check.communicate(timeout=60)
    assert check.returncode == 1
    assert "FAIL" in out
    assert "'Testing' status" in out
    assert "followup connect" in out


def test_connect_again_over_a_revoked_token_explains_then_signs_in(account: Account) -> None:
    assert connect(account)[0] == 0
    account.admin("tokens/revoke", {"token": token_info(account.home)["refresh_token"]})
    info = token_info(account.home)
    info["expiry"] = (datetime.now(UTC) - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    account.home.token_file.write_text(json.dumps(info), encoding="utf-8")

    code, out, err = connect(account)
    assert code == 0, err
    assert "previous sign-in no longer works" in err
    assert "Connected as" in out


def test_log_of_a_connect_holds_no_token(account: Account) -> None:
    code, _, err = connect(account)
    assert code == 0, err
    check = account.followup("-vv", "connect", "--check")
    check.communicate(timeout=60)
    info = token_info(account.home)
    log_text = account.home.log_file.read_text(encoding="utf-8")
    assert "connect_done" in log_text
    for secret in (info["token"], info["refresh_token"], info["client_secret"]):
        assert str(secret) not in log_text


def test_pressing_cancel_on_the_consent_page_fails_with_status_1(account: Account) -> None:
    proc = account.followup("connect", "--no-browser", "--timeout", "60")
    auth_url = read_auth_url(proc)
    page = requests.get(auth_url, timeout=10)
    request_id = re.search(r'name=request_id value="([^"]+)"', page.text)
    assert request_id is not None
    decision = requests.post(
        auth_url.split("/o/oauth2/auth")[0] + "/o/oauth2/approve",
        data={"request_id": request_id.group(1), "action": "cancel"},
        allow_redirects=False,
        timeout=10,
    )
    requests.get(decision.headers["Location"], timeout=10)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert "did not grant access: access_denied" in err
    assert "choose Allow" in err
    assert not account.home.token_file.exists()


def test_no_answer_within_the_timeout_fails_with_status_1(account: Account) -> None:
    proc = account.followup("connect", "--no-browser", "--timeout", "1")
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert "no answer from the consent page within 1 s" in err


def test_a_missing_client_file_says_where_to_get_one(account: Account) -> None:
    account.home.client_secrets_file.unlink()
    proc = account.followup("connect", "--no-browser")
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert "no OAuth client file at" in err
    assert "Desktop OAuth client" in err
