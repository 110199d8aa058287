"""Access and refresh tokens the emulator issues, checks, expires and revokes.

Expiry runs on the emulator clock, so a test (or a simulated week) can make a
token lapse by advancing the clock instead of waiting an hour.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

# google-auth treats a token as expired 225 s before its expiry (notes §9), so anything
# shorter would make every call refresh first. Google's own default is an hour.
DEFAULT_ACCESS_LIFETIME = timedelta(seconds=3600)
MIN_ACCESS_LIFETIME = timedelta(seconds=226)

MODIFY_SCOPE = "https://www.googleapis.com/auth/gmail.modify"

# Admin-minted refresh tokens belong to this client so they can be refreshed with its
# credentials (documented in docs/emulator.md); it is also the built-in demo client.
DEMO_CLIENT_ID = "followup-demo.apps.googleusercontent.com"
DEMO_CLIENT_SECRET = "followup-demo-secret"  # noqa: S105 - a published, emulator-only secret


@dataclass(frozen=True, slots=True)
class AccessToken:
    token: str
    email: str
    scopes: frozenset[str]
    expires_at: datetime
    refresh_token: str | None


@dataclass(frozen=True, slots=True)
class RefreshToken:
    token: str
    email: str
    client_id: str
    scope: str  # the scope string exactly as requested, echoed on refresh
    expires_at: datetime | None  # None: lives until revoked

    @property
    def scopes(self) -> frozenset[str]:
        return frozenset(self.scope.split())


@dataclass(frozen=True, slots=True)
class Grant:
    """What a token endpoint or the admin API hands out."""

    access_token: str
    expires_in: int
    scope: str
    refresh_token: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "access_token": self.access_token,
            "expires_in": self.expires_in,
            "scope": self.scope,
            "token_type": "Bearer",
        }
        if self.refresh_token is not None:
            out["refresh_token"] = self.refresh_token
        return out


class TokenStore:
    """All tokens of one emulator; thread-safe."""

    def __init__(
        self,
        now: Callable[[], datetime],
        *,
        access_lifetime: timedelta = DEFAULT_ACCESS_LIFETIME,
        refresh_lifetime: timedelta | None = None,
    ) -> None:
        if access_lifetime < MIN_ACCESS_LIFETIME:
            raise ValueError("access tokens must live more than 225 s (google-auth's margin)")
        self._now = now
        self.access_lifetime = access_lifetime
        self.refresh_lifetime = refresh_lifetime
        self._lock = threading.Lock()
        self._access: dict[str, AccessToken] = {}
        self._refresh: dict[str, RefreshToken] = {}

    def issue(
        self,
        email: str,
        scope: str,
        *,
        client_id: str = DEMO_CLIENT_ID,
        with_refresh: bool = True,
        refresh_lifetime: timedelta | None = None,
    ) -> Grant:
        """A new access token, and a refresh token unless ``with_refresh`` is False."""
        now = self._now()
        refresh: RefreshToken | None = None
        lifetime = refresh_lifetime if refresh_lifetime is not None else self.refresh_lifetime
        if with_refresh:
            refresh = RefreshToken(
                token="1//emu-" + secrets.token_urlsafe(24),
                email=email,
                client_id=client_id,
                scope=scope,
                expires_at=now + lifetime if lifetime is not None else None,
            )
        access = self._new_access(email, scope, refresh.token if refresh else None, now)
        with self._lock:
            if refresh is not None:
                self._refresh[refresh.token] = refresh
            self._access[access.token] = access
        return Grant(
            access.token,
            int(self.access_lifetime.total_seconds()),
            scope,
            refresh.token if refresh else None,
        )

    def _new_access(
        self, email: str, scope: str, refresh: str | None, now: datetime
    ) -> AccessToken:
        return AccessToken(
            token="ya29.emu-" + secrets.token_urlsafe(32),
            email=email,
            scopes=frozenset(scope.split()),
            expires_at=now + self.access_lifetime,
            refresh_token=refresh,
        )

    def refresh(self, refresh_token: str, client_id: str) -> Grant | None:
        """A fresh access token, or None when the refresh token is unknown, revoked,
        expired or was issued to another client (Google: ``invalid_grant``)."""
        now = self._now()
        with self._lock:
            found = self._refresh.get(refresh_token)
            if found is None or found.client_id != client_id:
                return None
            if found.expires_at is not None and now >= found.expires_at:
                return None
            access = self._new_access(found.email, found.scope, found.token, now)
            self._access[access.token] = access
        return Grant(access.token, int(self.access_lifetime.total_seconds()), found.scope)

    def lookup(self, token: str) -> AccessToken | None:
        """The live access token, or None when unknown, revoked or expired."""
        found = self._access.get(token)
        if found is None or self._now() >= found.expires_at:
            return None
        return found

    def revoke(self, token: str) -> bool:
        """Revoke an access or a refresh token; a refresh token takes its access tokens
        with it, as Google's revocation does. False when the token is unknown."""
        with self._lock:
            if self._access.pop(token, None) is not None:
                return True
            if self._refresh.pop(token, None) is None:
                return False
            for key in [k for k, v in self._access.items() if v.refresh_token == token]:
                del self._access[key]
            return True

    def revoke_mailbox(self, email: str) -> None:
        with self._lock:
            self._access = {k: v for k, v in self._access.items() if v.email != email}
            self._refresh = {k: v for k, v in self._refresh.items() if v.email != email}

    def expire_refresh(self, refresh_token: str, at: datetime) -> bool:
        with self._lock:
            found = self._refresh.get(refresh_token)
            if found is None:
                return False
            self._refresh[refresh_token] = replace(found, expires_at=at)
            return True

    def clear(self) -> None:
        with self._lock:
            self._access.clear()
            self._refresh.clear()

    # -- persistence -------------------------------------------------------------------

    def to_state(self) -> dict[str, Any]:
        with self._lock:
            return {
                "access": [_access_json(a) for a in self._access.values()],
                "refresh": [_refresh_json(r) for r in self._refresh.values()],
            }

    def load_state(self, state: dict[str, Any]) -> None:
        access = [_access_from(item) for item in state.get("access", [])]
        refresh = [_refresh_from(item) for item in state.get("refresh", [])]
        with self._lock:
            self._access = {a.token: a for a in access}
            self._refresh = {r.token: r for r in refresh}


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when is not None else None


def _access_json(a: AccessToken) -> dict[str, Any]:
    return {
        "token": a.token,
        "email": a.email,
        "scopes": sorted(a.scopes),
        "expires_at": _iso(a.expires_at),
        "refresh_token": a.refresh_token,
    }


def _refresh_json(r: RefreshToken) -> dict[str, Any]:
    return {
        "token": r.token,
        "email": r.email,
        "client_id": r.client_id,
        "scope": r.scope,
        "expires_at": _iso(r.expires_at),
    }


def _access_from(item: dict[str, Any]) -> AccessToken:
    return AccessToken(
        token=item["token"],
        email=item["email"],
        scopes=frozenset(item["scopes"]),
        expires_at=datetime.fromisoformat(item["expires_at"]),
        refresh_token=item.get("refresh_token"),
    )


def _refresh_from(item: dict[str, Any]) -> RefreshToken:
    expires = item.get("expires_at")
    return RefreshToken(
        token=item["token"],
        email=item["email"],
        client_id=item["client_id"],
        scope=item["scope"],
        expires_at=datetime.fromisoformat(expires) if expires else None,
    )
