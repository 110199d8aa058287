"""``followup emulator``: run the local Gmail emulator in the foreground."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8765, show_default=True, help="Port; 0 picks a free one.")
@click.option(
    "--state",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Load mailboxes from this file at start and save them to it on change and on exit.",
)
@click.option("--auto-approve", metavar="EMAIL", help="Consent page signs in as EMAIL at once.")
@click.option("--mailbox", "mailboxes", multiple=True, metavar="EMAIL", help="Create a mailbox.")
@click.option("--per-minute-limit", type=int, help="Quota units per user per minute.")
@click.option("--refresh-token-days", type=float, help="Refresh tokens expire after N days.")
@click.option(
    "--access-token-seconds", type=float, help="Access token lifetime (default 3600, > 225)."
)
def emulator(
    host: str,
    port: int,
    state: Path | None,
    auto_approve: str | None,
    mailboxes: tuple[str, ...],
    per_minute_limit: int | None,
    refresh_token_days: float | None,
    access_token_seconds: float | None,
) -> None:
    """Run a local Gmail API emulator (no Google account needed) until Ctrl-C.

    It prints its URL as soon as it is ready; the admin API is under /_emulator/.

    \b
    Examples:
      followup emulator --port 8765 --state .demo/emulator-state.json
      followup emulator --port 0 --mailbox me@example.com
    """
    from gmail_emulator.cli import run

    code = run(
        host=host,
        port=port,
        state=state,
        auto_approve=auto_approve,
        mailboxes=mailboxes,
        per_minute_limit=per_minute_limit,
        refresh_token_days=refresh_token_days,
        access_token_seconds=access_token_seconds,
    )
    if code:
        raise SystemExit(code)
