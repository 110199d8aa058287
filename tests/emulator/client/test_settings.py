"""users.settings reads answer as a fresh Gmail account would, through the real client."""

from __future__ import annotations

from typing import Any

import pytest
from googleapiclient.errors import HttpError


def test_send_as_lists_the_mailbox_address_as_primary(mailbox: Any) -> None:
    settings = mailbox.service.users().settings()
    (primary,) = settings.sendAs().list(userId="me").execute()["sendAs"]
    assert primary["sendAsEmail"] == mailbox.email
    assert primary["isPrimary"] is True
    got = settings.sendAs().get(userId="me", sendAsEmail=mailbox.email).execute()
    assert got == primary


def test_send_as_of_another_address_is_not_found(mailbox: Any) -> None:
    settings = mailbox.service.users().settings()
    with pytest.raises(HttpError) as caught:
        settings.sendAs().get(userId="me", sendAsEmail="someone@else.example").execute()
    assert caught.value.status_code == 404


def test_fresh_account_has_no_vacation_responder_filters_or_forwarding(mailbox: Any) -> None:
    settings = mailbox.service.users().settings()
    assert settings.getVacation(userId="me").execute()["enableAutoReply"] is False
    assert settings.getAutoForwarding(userId="me").execute() == {"enabled": False}
    assert settings.filters().list(userId="me").execute() == {}
    assert settings.forwardingAddresses().list(userId="me").execute() == {}


def test_changing_settings_is_refused_with_a_gmail_shaped_error(mailbox: Any) -> None:
    settings = mailbox.service.users().settings()
    with pytest.raises(HttpError) as caught:
        settings.updateVacation(userId="me", body={"enableAutoReply": True}).execute()
    assert caught.value.status_code in (400, 403)
    assert b'"error"' in caught.value.content
