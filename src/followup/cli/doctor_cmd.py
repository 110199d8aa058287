"""`followup doctor`: check everything followup depends on, each line with its fix.

The checks run in the order a new user sets things up (config, client file, token, Gmail,
labels, database, watcher), and a failure early on does not hide the later lines: a user
fixing one thing at a time should see the whole list each time.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

import click
from google.oauth2.credentials import Credentials

from followup import auth
from followup.config import Config, load_config
from followup.errors import FollowupError
from followup.paths import Paths, default_paths
from followup.service import LAST_POLL_META

Status = Literal["OK", "WARN", "FAIL"]
CURSOR_STALE_AFTER = timedelta(hours=1)  # 12 missed polls at the default 5 minutes


@dataclass(frozen=True, slots=True)
class Check:
    status: Status
    area: str
    message: str
    fix: str = ""


@dataclass
class _Context:
    paths: Paths
    config: Config | None = None
    creds: Credentials | None = None
    email: str = ""


@click.command()
def doctor() -> None:
    """Check the config, client file, token and scopes, Gmail, labels, cursor and watcher.

    Each line says OK, WARN or FAIL, and what to do about it. Exits 1 when anything FAILs.

    \b
    Example:
      followup doctor
      followup --home ~/other-account doctor
    """
    failed = False
    for check in run_checks(default_paths()):
        colour = {"OK": "green", "WARN": "yellow", "FAIL": "red"}[check.status]
        status = click.style(f"{check.status:<4}", fg=colour, bold=True)
        click.echo(f"{status} {check.area:<8} {check.message}")
        if check.fix:
            click.echo(f"              fix: {check.fix}")
        failed = failed or check.status == "FAIL"
    if failed:
        raise SystemExit(1)


def run_checks(paths: Paths) -> Iterator[Check]:
    """Every check in order; each one sees what the earlier ones found."""
    ctx = _Context(paths)
    steps: list[Callable[[_Context], Iterator[Check]]] = [
        _check_config,
        _check_client_file,
        _check_token,
        _check_gmail,
        _check_store,
        _check_watcher,
    ]
    for step in steps:
        yield from step(ctx)


def _check_config(ctx: _Context) -> Iterator[Check]:
    try:
        ctx.config = load_config(ctx.paths.config_file)
    except FollowupError as exc:
        yield Check("FAIL", "config", str(exc), f"edit {ctx.paths.config_file}")
        return
    if ctx.config.path is None:
        yield Check("OK", "config", f"no file at {ctx.paths.config_file}; using the defaults")
    else:
        yield Check("OK", "config", f"{ctx.config.path} is valid")


def _check_client_file(ctx: _Context) -> Iterator[Check]:
    account = ctx.config.account if ctx.config else None
    path = auth.find_client_file(
        None, account.client_file if account else None, ctx.paths.client_secrets_file
    )
    try:
        client = auth.load_client(path)
    except FollowupError as exc:
        # The token carries the client id and secret; the file is needed only to connect.
        status: Status = "WARN" if ctx.paths.token_file.exists() else "FAIL"
        yield Check(status, "client", f"{exc} (needed to connect)", exc.hint)
        return
    yield Check("OK", "client", f"{path} (client {client.client_id[:24]}…)")


def _check_token(ctx: _Context) -> Iterator[Check]:
    path = ctx.paths.token_file
    if not path.exists():
        yield Check("FAIL", "token", f"not connected yet (no {path})", f"`{auth.FIX_COMMAND}`")
        return
    mode = path.stat().st_mode & 0o777
    if mode != 0o600:
        yield Check("WARN", "token", f"{path} had mode {mode:o}; now set to 600", "nothing: fixed")
    try:
        ctx.creds = auth.credentials(path)
    except FollowupError as exc:
        yield Check("FAIL", "token", str(exc), exc.hint)
        return
    granted = set(ctx.creds.scopes or ())
    missing = [scope for scope in auth.SCOPES if scope not in granted]
    if missing:
        yield Check(
            "FAIL",
            "token",
            f"the token lacks {', '.join(missing)}",
            f"`{auth.FIX_COMMAND}` and tick the Gmail box",
        )
        return
    yield Check("OK", "token", f"{path} (mode 600, scope gmail.modify, refreshes itself)")


def _check_gmail(ctx: _Context) -> Iterator[Check]:
    if ctx.creds is None or ctx.config is None:
        yield Check("WARN", "gmail", "not checked (no working token)")
        return
    endpoint = ctx.config.account.api_endpoint
    try:
        profile = auth.gmail_get(ctx.creds, "profile", api_endpoint=endpoint)
        labels = auth.gmail_get(ctx.creds, "labels", api_endpoint=endpoint).get("labels", [])
    except FollowupError as exc:
        yield Check("FAIL", "gmail", str(exc), exc.hint)
        return
    ctx.email = str(profile.get("emailAddress", ""))
    wanted = ctx.config.account.email
    if wanted and wanted.lower() != ctx.email.lower():
        yield Check(
            "WARN",
            "gmail",
            f"connected as {ctx.email}, but [account] email is {wanted}",
            "fix the config, or `followup connect` with the right account",
        )
    else:
        yield Check("OK", "gmail", f"connected as {ctx.email}")
    names = {str(label.get("name")) for label in labels}
    configured = ctx.config.labels
    absent = [
        n for n in (configured.ready, configured.waiting, configured.closed) if n not in names
    ]
    if absent:
        yield Check(
            "WARN",
            "labels",
            f"not in Gmail yet: {', '.join(absent)}",
            "`followup sync` or `followup watch` creates them",
        )
    else:
        yield Check(
            "OK", "labels", f"{configured.ready}, {configured.waiting}, {configured.closed}"
        )


def _check_store(ctx: _Context) -> Iterator[Check]:
    path = ctx.paths.database_file
    if not path.exists():
        yield Check(
            "WARN",
            "cursor",
            "no database yet: nothing synced",
            "`followup sync` or `followup watch`",
        )
        return
    from followup.adapters.store import SqliteStore

    try:
        store = SqliteStore(path)
    except FollowupError as exc:
        yield Check("FAIL", "database", str(exc), exc.hint)
        return
    try:
        cursor = store.get_cursor()
        last_poll = store.get_meta(LAST_POLL_META)
        apps = len(store.load_applications())
    finally:
        store.close()
    yield Check("OK", "database", f"{path} ({apps} applications)")
    if cursor is None:
        yield Check("WARN", "cursor", "no sync yet", "`followup sync` or `followup watch`")
        return
    if last_poll is None:
        yield Check("OK", "cursor", f"history id {cursor}")
        return
    age = datetime.now(UTC) - datetime.fromisoformat(last_poll)
    if age > CURSOR_STALE_AFTER:
        yield Check(
            "WARN",
            "cursor",
            f"last poll {_ago(age)} ago (history id {cursor})",
            "start the watcher: `followup watch` or the service (docs/cli.md)",
        )
    else:
        yield Check("OK", "cursor", f"last poll {_ago(age)} ago (history id {cursor})")


def _check_watcher(ctx: _Context) -> Iterator[Check]:
    path = ctx.paths.lock_file
    if not path.exists():
        yield Check("WARN", "watcher", "not running", "`followup watch`, or install the service")
        return
    holder = _lock_holder(path)
    if holder is None:
        yield Check("WARN", "watcher", "not running", "`followup watch`, or install the service")
    else:
        yield Check("OK", "watcher", f"running{f' (pid {holder})' if holder else ''}")


def _lock_holder(path: os.PathLike[str]) -> str | None:
    """The pid written in the lock file when another process holds it, else None.

    Probing with a non-blocking flock tells a live watcher from a stale file left by a crash.
    """
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            return handle.read().strip()
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return None


def _ago(age: timedelta) -> str:
    minutes = int(age.total_seconds() // 60)
    if minutes < 120:
        return f"{minutes} min"
    hours = minutes // 60
    return f"{hours} h" if hours < 48 else f"{hours // 24} days"
