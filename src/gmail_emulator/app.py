"""The emulator as one object: mailboxes, tokens, OAuth, quota, faults, and the router.

``Emulator.handle`` maps a transport-free :class:`Request` to a :class:`Response`
and never raises, so the HTTP server stays a thin shell around it and tests can
drive it without sockets.
"""

from __future__ import annotations

import functools
import json
import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from gmail_emulator import admin, discovery, routes
from gmail_emulator.auth import DEFAULT_ACCESS_LIFETIME, TokenStore
from gmail_emulator.backend import Backend
from gmail_emulator.batch import MAX_PARTS, BatchFormatError, parse_batch, render_batch
from gmail_emulator.clock import Clock
from gmail_emulator.faults import FaultPlan
from gmail_emulator.oauth import OAuthProvider
from gmail_emulator.quota import QuotaMeter
from gmail_emulator.uploads import UploadSessions
from gmail_emulator.wire import (
    JSON_TYPE,
    Request,
    Response,
    bad_request,
    internal_error,
    not_found,
)

log = logging.getLogger(__name__)

STATE_VERSION = 1


@dataclass(frozen=True, slots=True)
class Options:
    """Server-wide settings; every one has a CLI flag or a ``serve_in_thread`` keyword."""

    access_token_lifetime: timedelta = DEFAULT_ACCESS_LIFETIME
    refresh_token_lifetime: timedelta | None = None  # e.g. 7 days: Google's "Testing" apps
    history_retention: timedelta = timedelta(days=7)
    per_minute_limit: int | None = None  # quota units per user per real minute
    rate_limit_status: int = 403  # 403 userRateLimitExceeded (ERR) or 429
    auto_approve: str | None = None  # mailbox the consent page signs in without asking
    clock_start: datetime | None = None
    admin_enabled: bool = True

    def __post_init__(self) -> None:
        if self.rate_limit_status not in (403, 429):
            raise ValueError("rate_limit_status must be 403 or 429")


class Emulator:
    """Everything one server holds. Thread-safe: each part guards its own state."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.clock = Clock(self.options.clock_start)
        self.backend = Backend(self.clock, history_retention=self.options.history_retention)
        self.tokens = TokenStore(
            self.clock.now,
            access_lifetime=self.options.access_token_lifetime,
            refresh_lifetime=self.options.refresh_token_lifetime,
        )
        self.oauth = OAuthProvider(
            self.tokens,
            self.clock.now,
            lambda: self.backend,
            auto_approve=self.options.auto_approve,
        )
        self.quota = QuotaMeter(per_minute_limit=self.options.per_minute_limit)
        self.faults = FaultPlan()
        self.uploads = UploadSessions()
        self._revision = 0
        self._revision_lock = threading.Lock()

    # -- routing -----------------------------------------------------------------------

    def handle(self, request: Request, base_url: str) -> Response:
        """Answer any request; ``base_url`` is how the client reached us."""
        try:
            response = self._route(request, base_url)
        except Exception:  # a client must see Gmail's 500, never a traceback
            log.exception("unexpected error serving %s %s", request.method, request.path)
            return internal_error()
        if request.method != "GET" and response.status < 400:
            self.touch()
        return response

    def _route(self, request: Request, base_url: str) -> Response:
        path = request.path
        method = request.method
        if path.startswith("/_emulator/") or path == "/_emulator":
            if not self.options.admin_enabled or not _is_loopback(request.client_host):
                return not_found()
            return admin.handle(self, request)
        if path in ("/o/oauth2/auth", "/o/oauth2/v2/auth") and method == "GET":
            return self.oauth.authorize(request)
        if path == "/o/oauth2/approve" and method == "POST":
            return self.oauth.decide(request)
        if path in ("/token", "/o/oauth2/token") and method == "POST":
            return self.oauth.token(request)
        if path in ("/revoke", "/o/oauth2/revoke") and method in ("POST", "GET"):
            return self.oauth.revoke(request)
        if path in ("/$discovery/rest", "/discovery/v1/apis/gmail/v1/rest") and method == "GET":
            return Response(200, _document_bytes(base_url), [("Content-Type", JSON_TYPE)])
        if path in ("/batch", "/" + discovery.BATCH_PATH) and method == "POST":
            return self.batch(request)
        return routes.dispatch(self, request)

    def batch(self, request: Request) -> Response:
        """Run each part through the same dispatch; a dropped part drops the whole batch."""
        try:
            parts = parse_batch(request.body, request.headers.get("content-type", ""))
        except BatchFormatError as exc:
            return bad_request(str(exc))
        if len(parts) > MAX_PARTS:
            return bad_request(
                f"Inner request count exceeds the limit. Received: {len(parts)}, Limit: {MAX_PARTS}"
            )
        outer_auth = request.headers.get("authorization")
        answers: list[tuple[str | None, Response]] = []
        delay = 0.0
        for part in parts:
            headers = dict(part.headers)
            if "authorization" not in headers and outer_auth:
                headers["authorization"] = outer_auth
            target = part.target
            if "://" in target:  # an absolute URI: keep only path and query
                split = urlsplit(target)
                target = split.path + ("?" + split.query if split.query else "")
            inner = Request.build(
                part.method, target, headers, part.body, client_host=request.client_host
            )
            answer = routes.dispatch(self, inner)
            if answer.drop:
                return answer
            delay += answer.delay_s
            answers.append((part.content_id, answer))
        body, content_type = render_batch(answers)
        return Response(200, body, [("Content-Type", content_type)], delay_s=delay)

    # -- state -------------------------------------------------------------------------

    @property
    def revision(self) -> int:
        """Bumped by every request that may have changed state; the autosaver watches it."""
        return self._revision

    def touch(self) -> None:
        with self._revision_lock:
            self._revision += 1

    def snapshot(self) -> dict[str, Any]:
        """Everything worth keeping across a restart (not quota, call logs or faults)."""
        return {
            "version": STATE_VERSION,
            "clock": self.clock.now().isoformat(),
            "backend": self.backend.to_state(),
            "tokens": self.tokens.to_state(),
            "oauth_clients": self.oauth.clients(),
        }

    def restore(self, state: dict[str, Any]) -> None:
        """Replace all state with a snapshot; raises ValueError on a foreign version."""
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"unsupported state version {state.get('version')!r}")
        if state.get("clock"):
            self.clock.set(datetime.fromisoformat(state["clock"]))
        self.backend = Backend.from_state(state["backend"], self.clock)
        self.tokens.load_state(state.get("tokens", {}))
        self.oauth.load_clients(dict(state.get("oauth_clients", {})))
        self.touch()

    def reset(self) -> None:
        """Empty server: no mailboxes, tokens, usage or faults (clients and clock stay)."""
        self.backend = Backend(self.clock, history_retention=self.options.history_retention)
        self.tokens.clear()
        self.quota.reset()
        self.faults.clear()
        self.touch()


def _is_loopback(host: str) -> bool:
    return host.startswith("127.") or host in ("::1", "localhost", "::ffff:127.0.0.1")


@functools.lru_cache(maxsize=16)
def _document_bytes(base_url: str) -> bytes:
    return json.dumps(discovery.document_for(base_url)).encode()
