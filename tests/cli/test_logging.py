"""Logs go to a rotating file and never contain a token or a mail body."""

from __future__ import annotations

import logging

import pytest

from followup.logging_setup import redact, setup_logging
from followup.paths import Paths

ACCESS = "ya29.a0AfH6SMBx-secret-access"
REFRESH = "1//0gLk-secret-refresh"


@pytest.mark.parametrize(
    "text",
    [
        f"Obtained token {{'access_token': '{ACCESS}', 'refresh_token': '{REFRESH}'}}",
        f'{{"access_token": "{ACCESS}", "expires_in": 3599}}',
        f"Authorization: Bearer {ACCESS}",
        f"refresh_token={REFRESH}&client_secret=GOCSPX-abc&grant_type=refresh_token",
    ],
)
def test_redact_removes_tokens_in_every_shape_libraries_log_them(text: str) -> None:
    cleaned = redact(text)
    assert ACCESS not in cleaned
    assert REFRESH not in cleaned
    assert "GOCSPX-abc" not in cleaned


def test_redact_keeps_ordinary_key_values() -> None:
    assert redact("poll_done status_code=200 messages=3") == "poll_done status_code=200 messages=3"


def test_log_file_never_holds_a_token_or_a_body(home: Paths) -> None:
    log_file = setup_logging(home, verbose=2)
    body = "Dear Ada, thank you for interviewing with us"
    logger = logging.getLogger("requests_oauthlib.oauth2_session")
    logger.debug("Obtained token {'access_token': '%s', 'refresh_token': '%s'}", ACCESS, REFRESH)
    logging.getLogger("followup.test").info("message_read", extra={"body": body})
    logging.getLogger("followup.test").info("long %s", "x" * 5000)
    try:
        raise RuntimeError(f"refresh failed for refresh_token={REFRESH}")
    except RuntimeError:
        logging.getLogger("followup.test").exception("refresh_failed")
    for handler in logging.getLogger().handlers:
        handler.flush()

    text = log_file.read_text(encoding="utf-8")
    assert "Obtained token" in text
    assert "refresh_failed" in text
    assert ACCESS not in text
    assert REFRESH not in text
    assert body not in text
    assert "x" * 1000 not in text


def test_without_verbose_the_log_goes_to_the_file_only(
    home: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    log_file = setup_logging(home, verbose=0)
    logging.getLogger("followup.test").info("quiet_event")
    logging.getLogger("followup.test").debug("debug_event")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "quiet_event" not in capsys.readouterr().err
    text = log_file.read_text(encoding="utf-8")
    assert "quiet_event" in text
    assert "debug_event" not in text


def test_verbose_mirrors_the_log_to_stderr(home: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    setup_logging(home, verbose=1)
    logging.getLogger("followup.test").info("loud_event")
    assert "loud_event" in capsys.readouterr().err
