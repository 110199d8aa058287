"""Helpers for tests and tools: a server in a thread, an admin client, a real Gmail client.

``gmail_service`` builds the client exactly as application code does (static
discovery + ``api_endpoint``), so tests exercise the real library. Two known
limits of that client, both from google-api-python-client itself (notes §8):

* ``service.new_batch_http_request()`` ignores ``api_endpoint`` and targets
  https://gmail.googleapis.com/batch. Use
  ``BatchHttpRequest(batch_uri=f"{url}/batch/gmail/v1")`` instead, or a service
  from :func:`emulator_service`.
* media uploads (``media_body=``) keep the https scheme. Use
  :func:`emulator_service`, built from the emulator's own discovery document,
  whose rootUrl and batchPath point at the emulator.
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

from gmail_emulator.app import Emulator, Options
from gmail_emulator.auth import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from gmail_emulator.backend import Backend
from gmail_emulator.server import EmulatorServer


class AdminError(RuntimeError):
    """Raised when the admin API answers with an error status."""

    def __init__(self, status: int, body: str) -> None:
        super().__init__(f"admin API answered {status}: {body}")
        self.status = status
        self.body = body


class AdminClient:
    """A typed client for ``/_emulator/`` over plain HTTP (urllib, no dependency)."""

    def __init__(self, url: str, *, timeout: float = 30.0) -> None:
        self.url = url.rstrip("/")
        self.timeout = timeout

    def request(
        self,
        method: str,
        path: str,
        payload: object = None,
        *,
        raw: bytes | None = None,
        content_type: str = "application/json",
    ) -> Any:
        data = raw if raw is not None else None
        if payload is not None:
            data = json.dumps(payload).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method)  # noqa: S310
        if data is not None:
            req.add_header("Content-Type", content_type)
        try:  # the URL is the emulator's own http:// address, never user input
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310
                body = resp.read()
        except urllib.error.HTTPError as exc:
            raise AdminError(exc.code, exc.read().decode("utf-8", "replace")) from exc
        return json.loads(body) if body else None

    def health(self) -> dict[str, Any]:
        result: dict[str, Any] = self.request("GET", "/_emulator/health")
        return result

    def create_mailbox(self, email: str, *, scopes: list[str] | None = None) -> dict[str, Any]:
        """Create (idempotently) and mint tokens: {email, access_token, refresh_token, ...}."""
        payload: dict[str, Any] = {"email": email}
        if scopes is not None:
            payload["scopes"] = scopes
        result: dict[str, Any] = self.request("POST", "/_emulator/mailboxes", payload)
        return result

    def mint_token(
        self,
        email: str,
        *,
        scopes: list[str] | None = None,
        refresh_lifetime: timedelta | None = None,
    ) -> dict[str, Any]:
        payload: dict[str, Any] = {"email": email}
        if scopes is not None:
            payload["scopes"] = scopes
        if refresh_lifetime is not None:
            payload["refresh_lifetime_seconds"] = refresh_lifetime.total_seconds()
        result: dict[str, Any] = self.request("POST", "/_emulator/tokens", payload)
        return result

    def deliver(
        self,
        email: str,
        raw: bytes,
        label_ids: list[str] | None = None,
        *,
        internal_date: datetime | None = None,
    ) -> dict[str, str]:
        """A message arrives from outside, threaded as Gmail would: {"id", "threadId"}.
        ``label_ids`` None means Gmail's default for incoming mail; [] means none."""
        path = f"/_emulator/mailboxes/{quote(email)}/deliver"
        if label_ids is None and internal_date is None:
            result: dict[str, str] = self.request(
                "POST", path, raw=raw, content_type="message/rfc822"
            )
            return result
        payload: dict[str, Any] = {"raw": base64.urlsafe_b64encode(raw).decode("ascii")}
        if label_ids is not None:
            payload["labelIds"] = label_ids
        if internal_date is not None:
            payload["internalDate"] = int(internal_date.timestamp() * 1000)
        delivered: dict[str, str] = self.request("POST", path, payload)
        return delivered

    def clock(self) -> datetime:
        return datetime.fromisoformat(self.request("GET", "/_emulator/clock")["now"])

    def set_clock(self, when: datetime) -> datetime:
        result = self.request("POST", "/_emulator/clock", {"set": when.isoformat()})
        return datetime.fromisoformat(result["now"])

    def advance_clock(self, by: timedelta) -> datetime:
        result = self.request("POST", "/_emulator/clock", {"advance_seconds": by.total_seconds()})
        return datetime.fromisoformat(result["now"])

    def quota(self, email: str | None = None) -> dict[str, Any]:
        """Per user: {"units", "calls", "by_method": {id: {"calls", "units"}}}."""
        path = "/_emulator/quota" + (f"?email={quote(email)}" if email else "")
        result: dict[str, Any] = self.request("GET", path)
        return result

    def reset_quota(self) -> None:
        self.request("POST", "/_emulator/quota/reset", {})

    def set_rate_limit(self, per_minute: int | None) -> None:
        self.request("POST", "/_emulator/quota/limit", {"per_minute": per_minute})

    def calls(self, email: str) -> list[dict[str, Any]]:
        """The call log: [{"method": discovery id, "status": HTTP status}], oldest first."""
        result = self.request("GET", f"/_emulator/calls?email={quote(email)}")
        calls: list[dict[str, Any]] = result["calls"]
        return calls

    def faults(
        self,
        script: list[dict[str, Any]] | None = None,
        *,
        rate: float = 0.0,
        kinds: list[str] | None = None,
        method: str | None = None,
        seed: int = 0,
        **defaults: Any,
    ) -> dict[str, Any]:
        """Replace the fault plan. ``script`` entries: {"kind": "429"|"500"|"503"|"403"|
        "slow"|"drop", "method"?, "delay_ms"?, "retry_after"?, "times"?}."""
        payload: dict[str, Any] = {"script": script or [], "rate": rate, "seed": seed, **defaults}
        if kinds is not None:
            payload["kinds"] = kinds
        if method is not None:
            payload["method"] = method
        result: dict[str, Any] = self.request("POST", "/_emulator/faults", payload)
        return result

    def clear_faults(self) -> None:
        self.request("DELETE", "/_emulator/faults")

    def revoke(self, token: str) -> bool:
        return bool(self.request("POST", "/_emulator/tokens/revoke", {"token": token})["revoked"])

    def register_client(self, client_id: str, client_secret: str) -> None:
        self.request(
            "POST",
            "/_emulator/oauth/clients",
            {"client_id": client_id, "client_secret": client_secret},
        )

    def snapshot(self) -> dict[str, Any]:
        result: dict[str, Any] = self.request("GET", "/_emulator/state")
        return result

    def restore(self, state: Mapping[str, Any]) -> None:
        self.request("PUT", "/_emulator/state", dict(state))

    def reset(self) -> None:
        self.request("POST", "/_emulator/reset", {})


@dataclass(frozen=True)
class ServerHandle:
    """A running emulator: ``url`` for clients, ``admin`` for setup, ``emulator`` for
    direct access in the same process (e.g. bulk loading through ``backend``)."""

    url: str
    emulator: Emulator
    admin: AdminClient

    @property
    def backend(self) -> Backend:
        return self.emulator.backend


@contextmanager
def serve_in_thread(
    host: str = "127.0.0.1", port: int = 0, **options: Any
) -> Iterator[ServerHandle]:
    """Run an emulator in a daemon thread for the ``with`` block; ``options`` are
    :class:`gmail_emulator.app.Options` fields (e.g. ``per_minute_limit=100``)."""
    emulator = Emulator(Options(**options))
    server = EmulatorServer(emulator, host, port)
    server.start()
    try:
        yield ServerHandle(server.url, emulator, AdminClient(server.url))
    finally:
        server.stop()


def gmail_service(url: str, access_token: str, *, refresh_token: str | None = None) -> Any:
    """The real google-api-python-client Gmail service, pointed at the emulator the way
    application code would point it. With ``refresh_token`` (from the admin API, issued
    to the demo client) google-auth refreshes an expired token on a 401 by itself."""
    from google.oauth2.credentials import Credentials
    from googleapiclient.discovery import build

    return build(
        "gmail",
        "v1",
        credentials=_credentials(url, access_token, refresh_token, Credentials),
        client_options={"api_endpoint": url},
        static_discovery=True,
        cache_discovery=False,
    )


def emulator_service(url: str, access_token: str, *, refresh_token: str | None = None) -> Any:
    """A service built from the emulator's own discovery document, so batches
    (``new_batch_http_request``) and media uploads reach the emulator too."""
    from google.oauth2.credentials import Credentials
    from googleapiclient.discovery import build

    return build(
        "gmail",
        "v1",
        credentials=_credentials(url, access_token, refresh_token, Credentials),
        discoveryServiceUrl=f"{url}/$discovery/rest?version={{apiVersion}}",
        cache_discovery=False,
    )


def _credentials(url: str, token: str, refresh_token: str | None, cls: Any) -> Any:
    if refresh_token is None:
        return cls(token=token)
    return cls(
        token=token,
        refresh_token=refresh_token,
        token_uri=f"{url}/token",
        client_id=DEMO_CLIENT_ID,
        client_secret=DEMO_CLIENT_SECRET,
    )


def batch_request(url: str, callback: Any = None) -> Any:
    """A ``BatchHttpRequest`` aimed at the emulator (works with :func:`gmail_service`)."""
    from googleapiclient.http import BatchHttpRequest

    return BatchHttpRequest(callback=callback, batch_uri=f"{url}/batch/gmail/v1")
