"""Gmail API methods, one module per resource, keyed by their discovery method id.

Each handler is ``handler(backend, mailbox, params, body) -> JSON | None`` and runs with the
backend's lock held.
"""

from __future__ import annotations

from gmail_emulator.methods import drafts, history, labels, messages, settings, threads, users
from gmail_emulator.methods.base import Handler

HANDLERS: dict[str, Handler] = {
    **users.HANDLERS,
    **labels.HANDLERS,
    **messages.HANDLERS,
    **threads.HANDLERS,
    **drafts.HANDLERS,
    **history.HANDLERS,
    **settings.HANDLERS,
}
