"""What every method module shares: the handler type and body checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from gmail_emulator.errors import bad_request
from gmail_emulator.params import Params
from gmail_emulator.store import Mailbox

if TYPE_CHECKING:
    from gmail_emulator.backend import Backend

Handler = Callable[["Backend", Mailbox, Params, Any], Any]


def body_dict(body: Any) -> dict[str, Any]:
    """The JSON body as a dict; Gmail answers 400 for a body that is not an object."""
    if body is None:
        return {}
    if not isinstance(body, dict):
        raise bad_request("Invalid JSON payload received. Expected an object.")
    return body


def string_list(value: Any, field: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise bad_request(f"Invalid value for {field}: expected a list of strings")
    return list(value)
