"""The admin API under ``/_emulator/``: setup and inspection for tests, demos and tools.

The prefix cannot collide with a Gmail path, answers only on loopback, and its
calls never count toward quota or the call log. Documented in docs/emulator.md.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from gmail_emulator.auth import MODIFY_SCOPE
from gmail_emulator.errors import ApiError
from gmail_emulator.wire import Request, Response, bad_request, json_response, not_found

if TYPE_CHECKING:
    from gmail_emulator.app import Emulator

_DELIVER = re.compile(r"^/_emulator/mailboxes/(?P<email>[^/]+)/deliver$")

Handler = Callable[["Emulator", Request], Response]


def handle(emulator: Emulator, request: Request) -> Response:
    """Route an admin request. Bad input is a 400 with Google's error shape."""
    found = _DELIVER.match(request.path)
    if found and request.method == "POST":
        return _deliver(emulator, request, unquote(found["email"]))
    handler = _TABLE.get((request.method, request.path.rstrip("/")))
    if handler is None:
        return not_found()
    try:
        return handler(emulator, request)
    except (ValueError, TypeError, KeyError) as exc:
        return bad_request(f"Bad admin request: {exc}")
    except ApiError as exc:
        return json_response(exc.code, exc.body())


def _body(request: Request) -> dict[str, Any]:
    data = request.json()
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError("the body must be a JSON object")
    return data


def _scope_of(data: dict[str, Any]) -> str:
    scopes = data.get("scopes", MODIFY_SCOPE)
    if isinstance(scopes, list):
        scopes = " ".join(str(s) for s in scopes)
    if not isinstance(scopes, str) or not scopes.split():
        raise ValueError("scopes must be a non-empty list or space-separated string")
    return scopes


def _grant(emulator: Emulator, email: str, data: dict[str, Any]) -> dict[str, Any]:
    lifetime = data.get("refresh_lifetime_seconds")
    grant = emulator.tokens.issue(
        email,
        _scope_of(data),
        refresh_lifetime=timedelta(seconds=float(lifetime)) if lifetime is not None else None,
    )
    return {"email": email, **grant.to_json()}


def _email(data: dict[str, Any]) -> str:
    email = data.get("email")
    if not isinstance(email, str) or "@" not in email:
        raise ValueError("an 'email' address is required")
    return email.strip().lower()


def _create_mailbox(emulator: Emulator, request: Request) -> Response:
    data = _body(request)
    email = _email(data)
    emulator.backend.create_mailbox(email)
    return json_response(200, _grant(emulator, email, data))


def _list_mailboxes(emulator: Emulator, request: Request) -> Response:
    return json_response(200, {"mailboxes": emulator.backend.mailboxes()})


def _mint_token(emulator: Emulator, request: Request) -> Response:
    data = _body(request)
    email = _email(data)
    if not emulator.backend.has_mailbox(email):
        return not_found()
    return json_response(200, _grant(emulator, email, data))


def _revoke(emulator: Emulator, request: Request) -> Response:
    token = _body(request).get("token")
    if not isinstance(token, str):
        raise ValueError("a 'token' is required")
    return json_response(200, {"revoked": emulator.tokens.revoke(token)})


def _deliver(emulator: Emulator, request: Request, email: str) -> Response:
    if not emulator.backend.has_mailbox(email):
        return not_found()
    label_ids: list[str] | None = None
    internal_date: int | None = None
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            data = _body(request)
            raw = base64.urlsafe_b64decode(_padded(str(data["raw"])))
        except (ValueError, KeyError, binascii.Error) as exc:
            return bad_request(f"Bad admin request: {exc}")
        if data.get("labelIds") is not None:
            label_ids = [str(x) for x in data["labelIds"]]
        if data.get("internalDate") is not None:
            internal_date = int(data["internalDate"])
    else:
        raw = request.body
    for key in request.query.get("labelIds", []):
        label_ids = [*(label_ids or []), key]
    try:
        result = emulator.backend.deliver(
            email, raw, label_ids=label_ids, internal_date_ms=internal_date
        )
    except ApiError as exc:
        return json_response(exc.code, exc.body())
    return json_response(200, result)


def _padded(text: str) -> str:
    return text + "=" * (-len(text) % 4)


def _clock(emulator: Emulator, request: Request) -> Response:
    now = emulator.clock.now()
    return json_response(200, {"now": now.isoformat(), "epoch_ms": int(now.timestamp() * 1000)})


def _set_clock(emulator: Emulator, request: Request) -> Response:
    data = _body(request)
    if "set" in data:
        when = datetime.fromisoformat(str(data["set"]).replace("Z", "+00:00"))
        if when.tzinfo is None:
            raise ValueError("'set' needs a timezone, e.g. 2026-01-05T09:00:00+00:00")
        emulator.clock.set(when)
    elif "advance_seconds" in data:
        emulator.clock.advance(timedelta(seconds=float(data["advance_seconds"])))
    else:
        raise ValueError("give 'set' (ISO 8601) or 'advance_seconds'")
    return _clock(emulator, request)


def _quota(emulator: Emulator, request: Request) -> Response:
    email = request.param("email")
    return json_response(200, emulator.quota.usage(email.lower() if email else None))


def _quota_reset(emulator: Emulator, request: Request) -> Response:
    emulator.quota.reset()
    return json_response(200, {})


def _quota_limit(emulator: Emulator, request: Request) -> Response:
    limit = _body(request).get("per_minute")
    emulator.quota.per_minute_limit = int(limit) if limit is not None else None
    return json_response(200, {"per_minute": emulator.quota.per_minute_limit})


def _calls(emulator: Emulator, request: Request) -> Response:
    email = request.param("email")
    if not email:
        raise ValueError("'email' query parameter is required")
    return json_response(200, {"email": email, "calls": emulator.quota.calls(email.lower())})


def _get_faults(emulator: Emulator, request: Request) -> Response:
    return json_response(200, emulator.faults.describe())


def _set_faults(emulator: Emulator, request: Request) -> Response:
    emulator.faults.configure(_body(request))
    return json_response(200, emulator.faults.describe())


def _clear_faults(emulator: Emulator, request: Request) -> Response:
    emulator.faults.clear()
    return json_response(200, emulator.faults.describe())


def _register_client(emulator: Emulator, request: Request) -> Response:
    data = _body(request)
    client_id, secret = data.get("client_id"), data.get("client_secret")
    if not isinstance(client_id, str) or not isinstance(secret, str) or not client_id:
        raise ValueError("'client_id' and 'client_secret' are required")
    emulator.oauth.register_client(client_id, secret)
    return json_response(200, {"client_id": client_id})


def _get_state(emulator: Emulator, request: Request) -> Response:
    return json_response(200, emulator.snapshot())


def _put_state(emulator: Emulator, request: Request) -> Response:
    emulator.restore(_body(request))
    return json_response(200, {"mailboxes": emulator.backend.mailboxes()})


def _reset(emulator: Emulator, request: Request) -> Response:
    emulator.reset()
    return json_response(200, {})


def _health(emulator: Emulator, request: Request) -> Response:
    return json_response(200, {"status": "ok", "mailboxes": len(emulator.backend.mailboxes())})


_TABLE: dict[tuple[str, str], Handler] = {
    ("GET", "/_emulator/health"): _health,
    ("GET", "/_emulator/mailboxes"): _list_mailboxes,
    ("POST", "/_emulator/mailboxes"): _create_mailbox,
    ("POST", "/_emulator/tokens"): _mint_token,
    ("POST", "/_emulator/tokens/revoke"): _revoke,
    ("GET", "/_emulator/clock"): _clock,
    ("POST", "/_emulator/clock"): _set_clock,
    ("GET", "/_emulator/quota"): _quota,
    ("POST", "/_emulator/quota/reset"): _quota_reset,
    ("POST", "/_emulator/quota/limit"): _quota_limit,
    ("GET", "/_emulator/calls"): _calls,
    ("GET", "/_emulator/faults"): _get_faults,
    ("POST", "/_emulator/faults"): _set_faults,
    ("DELETE", "/_emulator/faults"): _clear_faults,
    ("POST", "/_emulator/oauth/clients"): _register_client,
    ("GET", "/_emulator/state"): _get_state,
    ("PUT", "/_emulator/state"): _put_state,
    ("POST", "/_emulator/reset"): _reset,
}
