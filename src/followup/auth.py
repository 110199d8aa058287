"""Connecting to Gmail once: the OAuth consent flow, the token file, and refreshing it.

The token is the key to the user's mailbox, so it lives only in the user's data folder, is
created with mode 0600 (never readable by others, not even for a moment), replaced atomically
so a crash cannot leave half a token, and never printed or logged. When Google refuses to
refresh it (``invalid_grant``) the user gets the reasons in plain words and the one command
that fixes it, because "RefreshError: invalid_grant" tells a job seeker nothing.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
import webbrowser
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import google.auth.exceptions
import google.auth.transport.requests
from google.oauth2.credentials import Credentials

from followup.errors import AuthExpired, ConfigError, FollowupError

log = logging.getLogger(__name__)

# The one scope followup asks for, and why it is the smallest that works (GMAIL_API_NOTES §9):
# followup must read mail (list, get, history), create and delete its own drafts, create labels
# and apply them to threads. gmail.readonly cannot write; gmail.compose cannot read messages or
# history; gmail.labels can create labels but not apply them (messages/threads.modify accept
# only gmail.modify or full access). gmail.modify cannot delete mail permanently, and followup
# has no code path that sends (the Mailbox port has no send method).
GMAIL_MODIFY = "https://www.googleapis.com/auth/gmail.modify"
SCOPES: tuple[str, ...] = (GMAIL_MODIFY,)

CLIENT_FILE_ENV = "FOLLOWUP_CLIENT_FILE"
FIX_COMMAND = "followup connect"

INVALID_GRANT_EXPLANATION = """\
Google no longer accepts followup's saved sign-in for this account (invalid_grant).
This happens when:
  - you removed followup's access in your Google account (Security > Third-party access);
  - the OAuth app is in 'Testing' status in Google Cloud: its sign-ins expire after 7 days
    (publish the app to 'In production' to stop this);
  - you changed your Google password (sign-ins with Gmail access are then cancelled);
  - the sign-in was unused for 6 months, or too many newer sign-ins replaced it.
Nothing is lost: your applications and drafts are kept."""


@dataclass(frozen=True, slots=True)
class OAuthClient:
    """The OAuth client the user created in Google Cloud (or the emulator registered)."""

    client_id: str
    client_secret: str
    auth_uri: str
    token_uri: str
    path: Path

    def as_client_config(self) -> dict[str, Any]:
        """The ``{"installed": {...}}`` shape InstalledAppFlow expects."""
        return {
            "installed": {
                "client_id": self.client_id,
                "client_secret": self.client_secret,
                "auth_uri": self.auth_uri,
                "token_uri": self.token_uri,
                "redirect_uris": ["http://localhost"],
            }
        }


def find_client_file(
    flag: Path | None,
    configured: Path | None,
    default: Path,
    environ: Mapping[str, str] | None = None,
) -> Path:
    """Where the OAuth client file is: the flag, then $FOLLOWUP_CLIENT_FILE, the config, the
    config folder."""
    env = os.environ if environ is None else environ
    if flag is not None:
        return flag
    if env.get(CLIENT_FILE_ENV):
        return Path(env[CLIENT_FILE_ENV]).expanduser()
    if configured is not None:
        return configured
    return default


def load_client(path: Path, *, auth_uri: str = "", token_uri: str = "") -> OAuthClient:
    """Read the client file downloaded from Google Cloud; the URIs may be overridden (emulator).

    Raises ConfigError saying what is wrong with the file and where to get a good one.
    """
    get_one = "Create a Desktop OAuth client in Google Cloud and download its JSON (docs/cli.md)"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(
            f"no OAuth client file at {path}",
            hint=f"{get_one}, then save it there or pass --client-file.",
        ) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path} is not a readable JSON client file", hint=get_one) from exc
    section = data.get("installed") or data.get("web") if isinstance(data, dict) else None
    if not isinstance(section, dict):
        raise ConfigError(
            f"{path} is not an OAuth client file (no 'installed' section)",
            hint=f"{get_one}; choose application type 'Desktop app'.",
        )
    missing = [k for k in ("client_id", "auth_uri", "token_uri") if not section.get(k)]
    if missing:
        raise ConfigError(f"{path} lacks {', '.join(missing)}", hint=get_one)
    return OAuthClient(
        client_id=str(section["client_id"]),
        client_secret=str(section.get("client_secret", "")),
        auth_uri=auth_uri or str(section["auth_uri"]),
        token_uri=token_uri or str(section["token_uri"]),
        path=path,
    )


def is_loopback_http(uri: str) -> bool:
    """True for http:// URIs on this machine: the emulator, never Google."""
    parts = urlsplit(uri)
    return parts.scheme == "http" and parts.hostname in {"127.0.0.1", "localhost", "::1"}


@contextlib.contextmanager
def _oauthlib_settings(client: OAuthClient) -> Iterator[None]:
    """oauthlib refuses http:// endpoints and raises on a changed scope; relax both, narrowly.

    Plain http is allowed only when both endpoints are on this machine (the emulator). A
    changed scope (the user unticked the Gmail box) is checked by us, with a clearer message.
    """
    wanted = {"OAUTHLIB_RELAX_TOKEN_SCOPE": "1"}
    if is_loopback_http(client.auth_uri) and is_loopback_http(client.token_uri):
        wanted["OAUTHLIB_INSECURE_TRANSPORT"] = "1"
    saved = {key: os.environ.get(key) for key in wanted}
    os.environ.update(wanted)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


AUTH_PROMPT = "Open this address in a browser to let followup use your Gmail:\n\n    {url}\n"
SUCCESS_PAGE = "followup is connected to your Gmail. You can close this tab."


def run_consent_flow(
    client: OAuthClient,
    *,
    open_browser: bool = True,
    host: str = "localhost",
    port: int = 0,
    timeout_seconds: float | None = None,
    open_url: Callable[[str], object] | None = None,
) -> Credentials:
    """Ask the user's consent in a browser and return the new credentials.

    Uses InstalledAppFlow's loopback redirect: a one-request web server on ``host:port``
    receives the code. The address is always printed, so ``--no-browser`` users (or an SSH
    session with ``-L port:localhost:port``) can open it elsewhere. ``prompt=consent`` makes
    Google return a refresh token even when the user had connected before.

    ``open_url`` replaces the browser (the demo and tests pass a function that fetches the
    address from an auto-approving emulator); it runs in a thread, because the one-shot
    server only starts answering once the browser has been launched.
    """
    from google_auth_oauthlib.flow import InstalledAppFlow, WSGITimeoutError
    from oauthlib.oauth2.rfc6749.errors import OAuth2Error

    browser: str | None = None
    if open_url is not None:
        browser, open_browser = _register_callback_browser(open_url), True
    elif open_browser and not _has_browser():
        print("No web browser found here; open the address below on any machine instead.")
        open_browser = False
    flow = InstalledAppFlow.from_client_config(client.as_client_config(), scopes=list(SCOPES))
    try:
        with _oauthlib_settings(client):
            creds = flow.run_local_server(
                host=host,
                port=port,
                open_browser=open_browser,
                authorization_prompt_message=AUTH_PROMPT,
                success_message=SUCCESS_PAGE,
                timeout_seconds=timeout_seconds,
                browser=browser,
                access_type="offline",
                prompt="consent",
            )
    except OAuth2Error as exc:
        raise FollowupError(
            f"Google did not grant access: {exc.error}",
            hint=f"Run `{FIX_COMMAND}` again and choose Allow on the consent page.",
        ) from exc
    except WSGITimeoutError as exc:
        raise FollowupError(
            f"no answer from the consent page within {timeout_seconds:g} s",
            hint=f"Run `{FIX_COMMAND}` again (--timeout gives more time).",
        ) from exc
    except OSError as exc:
        raise FollowupError(
            f"cannot listen on {host}:{port} for the sign-in redirect: {exc.strerror}",
            hint="Choose another port with --port, or free that one.",
        ) from exc
    if not isinstance(creds, Credentials):  # pragma: no cover - the library's contract
        raise TypeError(f"unexpected credentials type {type(creds).__name__}")
    check_scopes(creds)
    return creds


class _CallbackBrowser(webbrowser.BaseBrowser):
    """A "browser" that hands the consent address to a function, in a thread."""

    def __init__(self, name: str, open_url: Callable[[str], object]) -> None:
        super().__init__(name)
        self._open_url = open_url

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        threading.Thread(target=self._open_url, args=(url,), daemon=True).start()
        return True


def _register_callback_browser(open_url: Callable[[str], object]) -> str:
    name = f"followup-callback-{id(open_url)}"
    webbrowser.register(name, None, _CallbackBrowser(name, open_url))
    return name


def _has_browser() -> bool:
    try:
        webbrowser.get()
    except webbrowser.Error:
        return False
    return True


def check_scopes(creds: Credentials) -> None:
    """Refuse a token without gmail.modify: Google lets users untick boxes on the consent page."""
    granted = set(creds.granted_scopes or creds.scopes or ())
    missing = [scope for scope in SCOPES if scope not in granted]
    if missing:
        raise AuthExpired(
            "the sign-in did not grant access to read and organise Gmail "
            f"(missing scope {', '.join(missing)})",
            hint=f"Run `{FIX_COMMAND}` again and tick the Gmail box on the consent page.",
        )


def save_token(creds: Credentials, path: Path) -> None:
    """Write the token atomically with mode 0600, and fix the mode of an older file.

    The temporary file is created 0600 by os.open itself (not chmod after writing), so the
    token is never readable by others, even for an instant; os.replace keeps the old token
    intact if anything fails before the rename.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(creds.to_json())  # type: ignore[no-untyped-call]
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)  # the umask cannot widen it, but a pre-existing tmp could
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    log.info("token_saved path=%s", path)


def fix_token_mode(path: Path) -> bool:
    """Tighten an existing token file to 0600; True when it had to be changed."""
    mode = path.stat().st_mode & 0o777
    if mode != 0o600:
        os.chmod(path, 0o600)
        log.warning("token_mode_fixed path=%s old_mode=%o", path, mode)
        return True
    return False


def load_token(path: Path) -> Credentials:
    """Read the saved token, keeping the token_uri it was issued by.

    ``Credentials.from_authorized_user_file`` always resets token_uri to Google's
    (google-auth-library-python#1062), which would send the emulator's refresh token to
    Google; ``with_token_uri`` puts the saved one back (and loses the expiry, restored here).
    """
    not_connected = f"Run `{FIX_COMMAND}` to sign in to Gmail."
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise AuthExpired(f"not connected to Gmail yet (no token at {path})") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AuthExpired(f"the token file {path} is unreadable", hint=not_connected) from exc
    fix_token_mode(path)
    try:
        creds = Credentials.from_authorized_user_info(info)  # type: ignore[no-untyped-call]
    except ValueError as exc:
        raise AuthExpired(f"the token file {path} is incomplete", hint=not_connected) from exc
    token_uri = info.get("token_uri")
    if isinstance(token_uri, str) and token_uri:
        expiry = creds.expiry
        creds = creds.with_token_uri(token_uri)
        creds.expiry = expiry  # with_token_uri's copy drops the expiry: it would never refresh
    if not isinstance(creds, Credentials):  # pragma: no cover - the library's contract
        raise TypeError(f"unexpected credentials type {type(creds).__name__}")
    return creds


def refresh(creds: Credentials) -> None:
    """Get a fresh access token; invalid_grant becomes AuthExpired with the reasons and fix."""
    try:
        creds.refresh(google.auth.transport.requests.Request())  # type: ignore[no-untyped-call]
    except google.auth.exceptions.RefreshError as exc:
        raise refresh_failure(exc) from exc
    except google.auth.exceptions.TransportError as exc:
        raise FollowupError(
            "cannot reach Google's sign-in server to refresh the token",
            hint="Check the network connection; followup will try again at the next poll.",
        ) from exc


def refresh_failure(exc: google.auth.exceptions.RefreshError) -> AuthExpired:
    """The error to raise for a failed refresh (also for refreshes inside a Gmail client)."""
    if is_invalid_grant(exc):
        log.warning("token_refresh_refused reason=invalid_grant")
        return AuthExpired(INVALID_GRANT_EXPLANATION, hint=f"Run `{FIX_COMMAND}` to sign in again.")
    return AuthExpired(
        f"Google refused to refresh the sign-in: {exc.args[0] if exc.args else exc}",
        hint=f"Run `{FIX_COMMAND}` to sign in again.",
    )


def is_invalid_grant(exc: google.auth.exceptions.RefreshError) -> bool:
    """True when Google says the refresh token itself is dead (not a passing network fault)."""
    details = exc.args[1] if len(exc.args) > 1 else None
    if isinstance(details, Mapping) and details.get("error") == "invalid_grant":
        return True
    return bool(exc.args) and str(exc.args[0]).startswith("invalid_grant")


def credentials(token_path: Path) -> Credentials:
    """Valid credentials for the Gmail client: loaded, refreshed when stale, saved again.

    This is what the Gmail adapter should call. Raises AuthExpired (with the fix command) when
    the user must connect again.
    """
    creds = load_token(token_path)
    if not creds.valid:
        refresh(creds)
        save_token(creds, token_path)
        log.info("token_refreshed")
    return creds


GMAIL_ROOT = "https://gmail.googleapis.com/"


def gmail_get(creds: Credentials, path: str, *, api_endpoint: str = "") -> dict[str, Any]:
    """GET one Gmail resource (``profile``, ``labels``) with these credentials.

    Used by connect and doctor to prove the token opens the mailbox, without building the full
    Gmail client. A 401 makes the session refresh; a refused refresh is explained like any.
    """
    url = (api_endpoint or GMAIL_ROOT).rstrip("/") + "/gmail/v1/users/me/" + path
    session = google.auth.transport.requests.AuthorizedSession(creds)  # type: ignore[no-untyped-call]
    try:
        response = session.get(url, timeout=30)
    except google.auth.exceptions.RefreshError as exc:
        raise refresh_failure(exc) from exc
    except (OSError, google.auth.exceptions.TransportError) as exc:
        # requests' connection errors are OSErrors; a refresh that cannot reach the token
        # endpoint surfaces as google-auth's TransportError instead.
        raise FollowupError(
            f"cannot reach Gmail at {api_endpoint or GMAIL_ROOT}", hint="Check the network."
        ) from exc
    if response.status_code == 401:
        raise AuthExpired("Gmail does not accept the sign-in")
    if response.status_code == 403:
        raise FollowupError(
            "Gmail refused access (403)",
            hint="Enable the Gmail API in your Google Cloud project (APIs & Services > Library "
            "> Gmail API), then run `followup doctor`.",
        )
    if response.status_code != 200:
        raise FollowupError(f"Gmail answered {response.status_code} to {path}")
    data = response.json()
    return data if isinstance(data, dict) else {}
