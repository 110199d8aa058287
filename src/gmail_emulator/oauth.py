"""OAuth 2.0 for installed apps: consent page, token endpoint, revocation.

Enough of Google's authorization server for ``InstalledAppFlow.run_local_server``
and ``google.oauth2.credentials.Credentials.refresh`` to work unchanged (notes §9):
loopback redirect URIs only, PKCE S256, single-use short-lived codes, refresh
tokens that can be revoked or made to expire, and Google's error bodies.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import html
import json
import re
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

from gmail_emulator.auth import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, TokenStore
from gmail_emulator.wire import Request, Response, json_response

CODE_LIFETIME = timedelta(minutes=10)
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
_EMAIL = re.compile(r"^[^@\s<>\"]{1,64}@[^@\s<>\"]{1,190}$")
_SCOPE = re.compile(
    r"^(https://www\.googleapis\.com/auth/[\w.\-]+|https://mail\.google\.com/|openid|email|profile)$"
)


class Mailboxes(Protocol):
    """The part of the backend the consent page needs."""

    def mailboxes(self) -> list[str]: ...
    def create_mailbox(self, email: str) -> None: ...


@dataclass(frozen=True, slots=True)
class AuthRequest:
    client_id: str
    redirect_uri: str
    scope: str
    state: str | None
    challenge: str | None
    challenge_method: str
    login_hint: str | None


@dataclass(frozen=True, slots=True)
class AuthCode:
    request: AuthRequest
    email: str
    expires_at: datetime


class OAuthError(Exception):
    """Raised when an authorization request is refused before any redirect."""

    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.error = error
        self.description = description


class OAuthProvider:
    """Clients, pending consents and codes; thread-safe."""

    def __init__(
        self,
        tokens: TokenStore,
        now: Callable[[], datetime],
        mailboxes: Callable[[], Mailboxes],
        *,
        auto_approve: str | None = None,
    ) -> None:
        self._tokens = tokens
        self._now = now
        self._mailboxes = mailboxes
        self.auto_approve = auto_approve
        self._lock = threading.Lock()
        self._clients: dict[str, str] = {DEMO_CLIENT_ID: DEMO_CLIENT_SECRET}
        self._pending: dict[str, AuthRequest] = {}
        self._codes: dict[str, AuthCode] = {}

    def register_client(self, client_id: str, client_secret: str) -> None:
        with self._lock:
            self._clients[client_id] = client_secret

    def clients(self) -> dict[str, str]:
        with self._lock:
            return dict(self._clients)

    def load_clients(self, clients: dict[str, str]) -> None:
        with self._lock:
            self._clients = {DEMO_CLIENT_ID: DEMO_CLIENT_SECRET, **clients}

    # -- authorization endpoint --------------------------------------------------------

    def authorize(self, request: Request) -> Response:
        """``GET /o/oauth2/auth``: the consent page, or a redirect under auto-approve."""
        try:
            auth = self._validate(request)
        except OAuthError as exc:
            return _error_page(exc)
        if self.auto_approve:
            return self._approve(auth, self.auto_approve)
        pending_id = secrets.token_urlsafe(16)
        with self._lock:
            self._pending[pending_id] = auth
        return _consent_page(auth, pending_id, self._mailboxes().mailboxes())

    def decide(self, request: Request) -> Response:
        """``POST /o/oauth2/approve``: the consent form's Allow or Cancel."""
        form = _form(request)
        with self._lock:
            auth = self._pending.pop(form.get("request_id", ""), None)
        if auth is None:
            return _error_page(OAuthError(400, "invalid_request", "This consent page expired."))
        if form.get("action") != "allow":
            params = {"error": "access_denied"}
            if auth.state is not None:
                params["state"] = auth.state
            return _redirect(auth.redirect_uri, params)
        email = form.get("email", "").strip().lower()
        if not _EMAIL.match(email):
            pending_id = secrets.token_urlsafe(16)
            with self._lock:
                self._pending[pending_id] = auth
            page = _consent_page(
                auth, pending_id, self._mailboxes().mailboxes(), error="Enter an email address."
            )
            page.status = 400
            return page
        return self._approve(auth, email)

    def _approve(self, auth: AuthRequest, email: str) -> Response:
        mailboxes = self._mailboxes()
        if email not in mailboxes.mailboxes():
            mailboxes.create_mailbox(email)
        code = "4/emu-" + secrets.token_urlsafe(24)
        with self._lock:
            self._codes[code] = AuthCode(auth, email, self._now() + CODE_LIFETIME)
        params = {"code": code, "scope": auth.scope}
        if auth.state is not None:
            params["state"] = auth.state
        return _redirect(auth.redirect_uri, params)

    def _validate(self, request: Request) -> AuthRequest:
        q = {k: v[0] for k, v in request.query.items() if v}
        client_id = q.get("client_id", "")
        with self._lock:
            known = client_id in self._clients
        if not known:
            raise OAuthError(401, "invalid_client", "The OAuth client was not found.")
        redirect_uri = q.get("redirect_uri", "")
        if not _is_loopback(redirect_uri):
            raise OAuthError(
                400,
                "redirect_uri_mismatch",
                "Only loopback redirect URIs (http://localhost, http://127.0.0.1, "
                "http://[::1]) are allowed for installed apps.",
            )
        if q.get("response_type") != "code":
            raise OAuthError(400, "unsupported_response_type", "Only response_type=code.")
        scope = q.get("scope", "")
        if not scope.strip():
            raise OAuthError(400, "invalid_request", "Missing required parameter: scope")
        bad = [s for s in scope.split() if not _SCOPE.match(s)]
        if bad:
            raise OAuthError(400, "invalid_scope", f"Some requested scopes were invalid: {bad}")
        challenge = q.get("code_challenge")
        method = q.get("code_challenge_method", "plain" if challenge else "")
        if challenge is not None and method not in ("S256", "plain"):
            raise OAuthError(400, "invalid_request", "Invalid code_challenge_method.")
        return AuthRequest(
            client_id=client_id,
            redirect_uri=redirect_uri,
            scope=scope,
            state=q.get("state"),
            challenge=challenge,
            challenge_method=method,
            login_hint=q.get("login_hint"),
        )

    # -- token endpoint ----------------------------------------------------------------

    def token(self, request: Request) -> Response:
        """``POST /token``: authorization_code and refresh_token grants."""
        form = _form(request)
        client_id, secret = _client_credentials(request, form)
        with self._lock:
            expected = self._clients.get(client_id)
        if expected is None:
            return _token_error(401, "invalid_client", "The OAuth client was not found.")
        if not hmac.compare_digest(expected, secret):
            return _token_error(401, "invalid_client", "Unauthorized")
        grant_type = form.get("grant_type", "")
        if grant_type == "authorization_code":
            return self._exchange_code(form, client_id)
        if grant_type == "refresh_token":
            return self._refresh(form, client_id)
        if not grant_type:
            return _token_error(400, "invalid_request", "Missing required parameter: grant_type")
        return _token_error(400, "unsupported_grant_type", f"Invalid grant_type: {grant_type}")

    def _exchange_code(self, form: dict[str, str], client_id: str) -> Response:
        code = form.get("code")
        if not code:
            return _token_error(400, "invalid_request", "Missing required parameter: code")
        with self._lock:
            found = self._codes.pop(code, None)  # single use, even when the exchange fails
        if found is None or found.request.client_id != client_id or self._now() >= found.expires_at:
            return _token_error(400, "invalid_grant", "Bad Request")
        auth = found.request
        if form.get("redirect_uri") != auth.redirect_uri:
            return _token_error(400, "redirect_uri_mismatch", "Bad Request")
        if auth.challenge is not None:
            verifier = form.get("code_verifier")
            if not verifier:
                return _token_error(400, "invalid_grant", "Missing code verifier.")
            if not _pkce_matches(verifier, auth.challenge, auth.challenge_method):
                return _token_error(400, "invalid_grant", "Invalid code verifier.")
        grant = self._tokens.issue(found.email, auth.scope, client_id=client_id)
        return json_response(200, grant.to_json(), _NO_STORE)

    def _refresh(self, form: dict[str, str], client_id: str) -> Response:
        refresh_token = form.get("refresh_token")
        if not refresh_token:
            return _token_error(400, "invalid_request", "Missing required parameter: refresh_token")
        grant = self._tokens.refresh(refresh_token, client_id)
        if grant is None:
            return _token_error(400, "invalid_grant", "Token has been expired or revoked.")
        wanted = form.get("scope")
        if wanted and not set(wanted.split()) <= set(grant.scope.split()):
            self._tokens.revoke(grant.access_token)
            return _token_error(400, "invalid_scope", "Bad Request")
        return json_response(200, grant.to_json(), _NO_STORE)

    def revoke(self, request: Request) -> Response:
        """``POST /revoke?token=``: Google answers 200 ``{}`` or 400 invalid_token."""
        token = request.param("token") or _form(request).get("token", "")
        if not token or not self._tokens.revoke(token):
            return _token_error(400, "invalid_token", "Token expired or revoked")
        return json_response(200, {})


_NO_STORE = [("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")]


def _token_error(status: int, error: str, description: str) -> Response:
    return json_response(status, {"error": error, "error_description": description}, _NO_STORE)


def _form(request: Request) -> dict[str, str]:
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/json"):
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
    parsed = parse_qs(request.body.decode("utf-8", "replace"), keep_blank_values=True)
    return {k: v[0] for k, v in parsed.items() if v}


def _client_credentials(request: Request, form: dict[str, str]) -> tuple[str, str]:
    """HTTP Basic (what oauthlib sends) or body parameters (what google-auth sends)."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("basic "):
        try:
            decoded = base64.b64decode(header[6:].strip()).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return "", ""
        client_id, _, secret = decoded.partition(":")
        return unquote(client_id), unquote(secret)
    return form.get("client_id", ""), form.get("client_secret", "")


def _pkce_matches(verifier: str, challenge: str, method: str) -> bool:
    if method == "S256":
        digest = hashlib.sha256(verifier.encode("ascii", "replace")).digest()
        computed = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
        return hmac.compare_digest(computed, challenge)
    return hmac.compare_digest(verifier, challenge)


def _is_loopback(uri: str) -> bool:
    try:
        parts = urlsplit(uri)
        _ = parts.port  # raises ValueError on a malformed port
    except ValueError:
        return False
    return parts.scheme == "http" and (parts.hostname or "") in LOOPBACK_HOSTS


def _redirect(uri: str, params: dict[str, str]) -> Response:
    separator = "&" if urlsplit(uri).query else "?"
    location = uri + separator + urlencode(params)
    return Response(302, b"", [("Location", location), ("Content-Type", "text/html")])


def _html(status: int, title: str, body: str) -> Response:
    page = (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;max-width:32em;margin:3em auto}"
        "button{margin-right:1em;padding:.4em 1.2em}</style></head>"
        f"<body>{body}</body></html>\n"
    )
    return Response(status, page.encode(), [("Content-Type", "text/html; charset=utf-8")])


def _error_page(exc: OAuthError) -> Response:
    return _html(
        exc.status,
        "Access blocked",
        f"<h1>Access blocked: authorization error</h1>"
        f"<p id=error>Error {exc.status}: {html.escape(exc.error)}</p>"
        f"<p>{html.escape(exc.description)}</p>",
    )


def _consent_page(
    auth: AuthRequest, pending_id: str, mailboxes: list[str], *, error: str | None = None
) -> Response:
    e = html.escape
    default = auth.login_hint or (mailboxes[0] if mailboxes else "")
    options = "".join(f'<option value="{e(m)}">' for m in mailboxes)
    scopes = "".join(f"<li>{e(s)}</li>" for s in auth.scope.split())
    problem = f"<p id=problem role=alert>{e(error)}</p>" if error else ""
    body = (
        "<h1>Gmail emulator: sign in</h1>"
        f"<p><b>{e(auth.client_id)}</b> wants to access your Gmail account:</p>"
        f"<ul id=scopes>{scopes}</ul>{problem}"
        '<form method=post action="/o/oauth2/approve">'
        f'<input type=hidden name=request_id value="{e(pending_id)}">'
        "<label for=email>Mailbox (pick one or type a new address)</label><br>"
        f'<input id=email name=email type=email list=mailboxes value="{e(default)}" size=40>'
        f"<datalist id=mailboxes>{options}</datalist>"
        "<p><button id=allow name=action value=allow type=submit>Allow</button>"
        "<button id=cancel name=action value=cancel type=submit formnovalidate>Cancel</button></p>"
        "</form>"
    )
    return _html(200, "Sign in - Gmail emulator", body)
