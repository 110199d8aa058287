"""`followup connect`: sign in to Gmail once; `--check` tests the saved sign-in."""

from __future__ import annotations

import logging
from pathlib import Path

import click
from google.oauth2.credentials import Credentials

from followup import auth
from followup.config import AccountConfig, load_config
from followup.errors import AuthExpired, FollowupError
from followup.paths import default_paths

log = logging.getLogger(__name__)


@click.command()
@click.option(
    "--client-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"The OAuth client JSON from Google Cloud. [env: {auth.CLIENT_FILE_ENV}; "
    "default: credentials.json in the config folder]",
)
@click.option(
    "--no-browser",
    is_flag=True,
    help="Do not open a browser; print the address to open on any machine instead.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    show_default=True,
    help="Local port for the sign-in redirect (0: any free port). Fix it to forward it over SSH.",
)
@click.option(
    "--timeout",
    type=click.IntRange(min=1),
    default=600,
    show_default=True,
    help="Seconds to wait for the consent in the browser.",
)
@click.option(
    "--check", is_flag=True, help="Only test the saved sign-in (refresh it, read the profile)."
)
def connect(
    client_file: Path | None, no_browser: bool, port: int, timeout: int, check: bool
) -> None:
    """Connect followup to your Gmail account (once).

    Opens Google's consent page, asking only for the gmail.modify scope (read mail, create
    drafts, apply labels; followup never sends). The token is saved in your data folder,
    readable only by you, and refreshed automatically.

    \b
    Examples:
      followup connect
      followup connect --no-browser --port 8085   # on a server: ssh -L 8085:localhost:8085
      followup connect --check
    """
    paths = default_paths()
    config = load_config(paths.config_file)
    if check:
        creds = auth.credentials(paths.token_file)
        email = _profile_email(creds, config.account)
        click.echo(f"OK: connected as {email}; token at {paths.token_file}")
        return

    _explain_previous_token(paths.token_file)
    client_path = auth.find_client_file(
        client_file, config.account.client_file, paths.client_secrets_file
    )
    client = auth.load_client(
        client_path, auth_uri=config.account.auth_uri, token_uri=config.account.token_uri
    )
    log.info("connect_started client_file=%s no_browser=%s", client_path, no_browser)
    creds = auth.run_consent_flow(
        client, open_browser=not no_browser, port=port, timeout_seconds=timeout
    )
    auth.save_token(creds, paths.token_file)
    try:
        email = _profile_email(creds, config.account)
    except FollowupError as exc:
        click.echo(f"Token saved to {paths.token_file}, but reading Gmail failed:", err=True)
        raise exc
    if config.account.email and config.account.email.lower() != email.lower():
        click.echo(
            f"Warning: signed in as {email}, but the config names {config.account.email}; "
            "edit [account] email or connect with the other account.",
            err=True,
        )
    log.info("connect_done")
    click.echo(f"Connected as {email}. Token saved to {paths.token_file} (readable only by you).")
    click.echo("Next: `followup doctor` to check everything, then `followup watch`.")


def _explain_previous_token(token_path: Path) -> None:
    """When an old sign-in stopped working, say why before replacing it (issue 6)."""
    if not token_path.exists():
        return
    try:
        auth.credentials(token_path)
    except AuthExpired as exc:
        click.echo(f"Your previous sign-in no longer works.\n{exc}\n", err=True)
        click.echo("Signing in again now.", err=True)
    except FollowupError:
        return  # offline or similar: the new consent settles it either way


def _profile_email(creds: Credentials, account: AccountConfig) -> str:
    """Read the account's address with the token: proves the token opens this mailbox."""
    profile = auth.gmail_get(creds, "profile", api_endpoint=account.api_endpoint)
    return str(profile.get("emailAddress", ""))
