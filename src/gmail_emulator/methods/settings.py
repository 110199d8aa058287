"""users.settings, read-only: the defaults of a fresh Gmail account.

Apps often read these before doing their real work (the send-as address and its signature,
whether a vacation responder is on), so the emulator answers them the way a new account
would. Changing settings (filters, forwarding, vacation) is not emulated: those calls get
the emulator's "method not supported" error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gmail_emulator.errors import not_found
from gmail_emulator.methods.base import Handler
from gmail_emulator.params import Params
from gmail_emulator.store import Mailbox

if TYPE_CHECKING:
    from gmail_emulator.backend import Backend


def _primary_send_as(box: Mailbox) -> dict[str, Any]:
    return {
        "sendAsEmail": box.email,
        "displayName": "",
        "replyToAddress": "",
        "signature": "",
        "isPrimary": True,
        "isDefault": True,
    }


def list_send_as(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    return {"sendAs": [_primary_send_as(box)]}


def get_send_as(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    if (p.one("sendAsEmail") or "").lower() != box.email.lower():
        raise not_found()
    return _primary_send_as(box)


def get_vacation(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    return {"enableAutoReply": False, "responseBodyPlainText": "", "restrictToContacts": False}


def get_auto_forwarding(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    return {"enabled": False}


def get_language(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    return {"displayLanguage": "en"}


def empty_list(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    """A list with no items: Gmail leaves empty arrays out of the JSON altogether."""
    return {}


HANDLERS: dict[str, Handler] = {
    "gmail.users.settings.sendAs.list": list_send_as,
    "gmail.users.settings.sendAs.get": get_send_as,
    "gmail.users.settings.getVacation": get_vacation,
    "gmail.users.settings.getAutoForwarding": get_auto_forwarding,
    "gmail.users.settings.getLanguage": get_language,
    "gmail.users.settings.filters.list": empty_list,
    "gmail.users.settings.forwardingAddresses.list": empty_list,
}
