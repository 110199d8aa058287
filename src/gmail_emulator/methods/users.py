"""users.getProfile, users.watch and users.stop."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gmail_emulator.methods.base import Handler, body_dict
from gmail_emulator.params import Params
from gmail_emulator.store import Mailbox

if TYPE_CHECKING:
    from gmail_emulator.backend import Backend

WATCH_LIFETIME_MS = 7 * 24 * 3600 * 1000  # a watch lapses after about a week (PUSH guide)


def get_profile(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    return {
        "emailAddress": box.email,
        "messagesTotal": len(box.messages),
        "threadsTotal": len(box.threads),
        "historyId": str(box.history_id),
    }


def watch(backend: Backend, box: Mailbox, p: Params, body: Any) -> dict[str, Any]:
    """Accepted and answered in Gmail's shape; the emulator never publishes to Pub/Sub."""
    body_dict(body)
    return {
        "historyId": str(box.history_id),
        "expiration": str(backend.clock.now_ms() + WATCH_LIFETIME_MS),
    }


def stop(backend: Backend, box: Mailbox, p: Params, body: Any) -> None:
    return None


HANDLERS: dict[str, Handler] = {
    "gmail.users.getProfile": get_profile,
    "gmail.users.watch": watch,
    "gmail.users.stop": stop,
}
