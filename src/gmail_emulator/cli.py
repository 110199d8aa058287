"""``python -m gmail_emulator`` / ``followup emulator``: run a server until SIGINT/SIGTERM.

argparse rather than click keeps the emulator free of followup's CLI stack;
``followup emulator`` is a thin click wrapper around :func:`run`.
"""

from __future__ import annotations

import argparse
import gc
import signal
import sys
import threading
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from types import FrameType
from typing import TextIO

from gmail_emulator import discovery, persist
from gmail_emulator.app import Emulator, Options
from gmail_emulator.auth import DEFAULT_ACCESS_LIFETIME
from gmail_emulator.server import EmulatorServer


def run(
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    state: Path | None = None,
    auto_approve: str | None = None,
    mailboxes: Sequence[str] = (),
    per_minute_limit: int | None = None,
    refresh_token_days: float | None = None,
    access_token_seconds: float | None = None,
    out: TextIO = sys.stdout,
) -> int:
    """Serve until a signal arrives; returns the process exit code."""
    options = Options(
        auto_approve=auto_approve.lower() if auto_approve else None,
        per_minute_limit=per_minute_limit,
        refresh_token_lifetime=timedelta(days=refresh_token_days)
        if refresh_token_days is not None
        else None,
        access_token_lifetime=timedelta(seconds=access_token_seconds)
        if access_token_seconds is not None
        else DEFAULT_ACCESS_LIFETIME,
    )
    try:
        emulator = Emulator(options)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if state is not None:
        try:
            saved = persist.load(state)
            if saved is not None:
                emulator.restore(saved)
                gc.freeze()  # a big restored mailbox need not be scanned by every GC pass
        except ValueError as exc:
            print(f"error: cannot load {state}: {exc}", file=sys.stderr)
            return 2
    try:
        server = EmulatorServer(emulator, host, port)
    except OSError as exc:
        print(f"error: cannot listen on {host}:{port}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    for email in mailboxes:
        emulator.backend.create_mailbox(email.lower())
    stop = threading.Event()

    def _on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)
    server.start()
    print(f"Gmail emulator listening on {server.url}", file=out)
    print(f"admin API: {server.url}/_emulator/health (see docs/emulator.md)", file=out)
    for email in mailboxes:
        grant = emulator.tokens.issue(email.lower(), "https://www.googleapis.com/auth/gmail.modify")
        print(f"mailbox {email.lower()} access_token={grant.access_token}", file=out)
    out.flush()
    discovery.routes()  # warm the route table after announcing readiness
    autosaver = persist.Autosaver(emulator, state) if state is not None else None
    if autosaver is not None:
        autosaver.start()
    # A timed wait: the kernel may deliver SIGTERM to a handler thread, and Python runs
    # the handler only when the main thread next wakes up, so it must wake up now and then.
    while not stop.wait(0.25):
        pass
    server.stop()
    if autosaver is not None:
        autosaver.stop()
    print("Gmail emulator stopped", file=out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m gmail_emulator", description="A local Gmail API v1 emulator."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument("--state", type=Path, help="load from and save to this JSON file")
    parser.add_argument("--auto-approve", metavar="EMAIL", help="consent page signs in as EMAIL")
    parser.add_argument(
        "--mailbox", action="append", default=[], metavar="EMAIL", help="create (repeatable)"
    )
    parser.add_argument("--per-minute-limit", type=int, help="quota units per user per minute")
    parser.add_argument("--refresh-token-days", type=float, help="refresh tokens expire after")
    parser.add_argument(
        "--access-token-seconds", type=float, help="access token lifetime (default 3600, > 225)"
    )
    args = parser.parse_args(argv)
    return run(
        host=args.host,
        port=args.port,
        state=args.state,
        auto_approve=args.auto_approve,
        mailboxes=args.mailbox,
        per_minute_limit=args.per_minute_limit,
        refresh_token_days=args.refresh_token_days,
        access_token_seconds=args.access_token_seconds,
    )
