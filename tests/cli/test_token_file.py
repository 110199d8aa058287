"""The token file: 0600 from the first byte, atomic, and loaded with its own token_uri."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from google.oauth2.credentials import Credentials

from followup import auth
from followup.errors import AuthExpired

EMULATOR_TOKEN_URI = "http://127.0.0.1:9/token"


def make_creds() -> Credentials:
    return Credentials(
        token="access-abc",
        refresh_token="refresh-xyz",
        token_uri=EMULATOR_TOKEN_URI,
        client_id="client-1",
        client_secret="secret-1",
        scopes=list(auth.SCOPES),
        expiry=(datetime.now(UTC) + timedelta(hours=1)).replace(tzinfo=None),
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_saved_token_is_readable_only_by_its_owner(tmp_path: Path) -> None:
    path = tmp_path / "data" / "token.json"
    old_umask = os.umask(0)  # even a permissive umask must not widen the file
    try:
        auth.save_token(make_creds(), path)
    finally:
        os.umask(old_umask)
    assert mode(path) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["token.json"]  # no temp file left


def test_saving_over_a_world_readable_token_tightens_it(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0o644)
    auth.save_token(make_creds(), path)
    assert mode(path) == 0o600


def test_loading_a_loose_token_file_fixes_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    auth.save_token(make_creds(), path)
    path.chmod(0o640)
    auth.load_token(path)
    assert mode(path) == 0o600


def test_loaded_token_keeps_the_token_uri_it_was_issued_by(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    auth.save_token(make_creds(), path)
    creds = auth.load_token(path)
    assert creds.token_uri == EMULATOR_TOKEN_URI
    assert creds.refresh_token == "refresh-xyz"
    assert creds.valid
    assert json.loads(path.read_text())["scopes"] == list(auth.SCOPES)


def test_loaded_token_keeps_its_expiry_so_a_stale_one_is_refreshed(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    creds = make_creds()
    creds.expiry = (datetime.now(UTC) - timedelta(minutes=5)).replace(tzinfo=None)
    auth.save_token(creds, path)
    loaded = auth.load_token(path)
    assert loaded.expiry is not None
    assert not loaded.valid


def test_missing_token_says_to_connect(tmp_path: Path) -> None:
    with pytest.raises(AuthExpired) as caught:
        auth.load_token(tmp_path / "token.json")
    assert "not connected" in str(caught.value)
    assert "followup connect" in caught.value.explain()


def test_token_without_refresh_token_says_to_connect(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    path.write_text(json.dumps({"token": "t", "client_id": "c"}), encoding="utf-8")
    with pytest.raises(AuthExpired) as caught:
        auth.load_token(path)
    assert "incomplete" in str(caught.value)


def test_token_missing_the_gmail_scope_is_refused() -> None:
    creds = make_creds()
    narrow = Credentials(
        token="t",
        refresh_token="r",
        token_uri=EMULATOR_TOKEN_URI,
        client_id="c",
        client_secret="s",
        scopes=["https://www.googleapis.com/auth/gmail.readonly"],
    )
    auth.check_scopes(creds)
    with pytest.raises(AuthExpired, match=r"gmail\.modify"):
        auth.check_scopes(narrow)
