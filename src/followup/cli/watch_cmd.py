"""`followup watch` (poll every few minutes) and `followup sync` (one poll, now)."""

from __future__ import annotations

import logging

import click

from followup.errors import FollowupError
from followup.service import PollReport

log = logging.getLogger(__name__)


def _describe(report: PollReport) -> str:
    parts = [
        f"{report.mode}: {report.events} event(s)",
        f"{report.drafts_created} draft(s) created",
        f"{report.drafts_discarded} removed",
    ]
    if report.drafts_kept:
        parts.append(f"{report.drafts_kept} edited draft(s) kept")
    if report.malformed:
        parts.append(f"{report.malformed} unreadable message(s) skipped")
    parts.append(f"{report.calls} Gmail call(s), {report.units} quota units")
    return ", ".join(parts)


@click.command()
@click.option("--once", is_flag=True, help="Poll once, fire due follow-ups, and exit.")
@click.option(
    "--interval",
    type=click.FloatRange(min=0.1),
    default=None,
    help="Minutes between polls. [default: [watch] poll_minutes in the config, 5]",
)
@click.option("--progress/--no-progress", default=None, help="Show a progress bar on first sync.")
def watch(once: bool, interval: float | None, progress: bool | None) -> None:
    """Watch Gmail and create follow-up drafts when they are due (never sends).

    Polls every few minutes; an idle poll costs one Gmail call. Stop with Ctrl-C.
    Only one watcher runs per account.

    \b
    Examples:
      followup watch
      followup watch --interval 10
      followup watch --once
    """
    from followup.adapters.lock import AccountLock
    from followup.adapters.scheduler import Watcher, WatchSettings, run_watch
    from followup.bootstrap import build_service
    from followup.config import load_config
    from followup.paths import default_paths

    paths = default_paths()
    try:
        config = load_config(paths.config_file)
        with AccountLock(paths.lock_file):
            if once:
                wiring = build_service(paths, config, progress=progress)
                try:
                    click.echo(_describe(wiring.service.poll_once()))
                    click.echo(_describe(wiring.service.tick()))
                finally:
                    wiring.close()
                return
            settings = WatchSettings(
                poll_minutes=interval or config.watch.poll_minutes,
                jitter_seconds=config.watch.jitter_seconds,
            )
            # Built once up front, so a missing sign-in or a bad config fails here, loudly.
            first = build_service(paths, config, progress=progress).service
            watcher = Watcher(
                lambda: build_service(paths, config, progress=progress).service, service=first
            )
            click.echo(
                f"Watching Gmail every {settings.poll_minutes:g} min (Ctrl-C to stop). "
                "followup creates drafts; it never sends mail."
            )
            run_watch(watcher, settings)
    except FollowupError as exc:
        raise click.ClickException(exc.explain()) from exc


@click.command()
@click.option("--progress/--no-progress", default=None, help="Show a progress bar on first sync.")
def sync(progress: bool | None) -> None:
    """Poll Gmail once now and create any follow-up drafts that are due (never sends).

    \b
    Examples:
      followup sync
    """
    from followup.adapters.lock import AccountLock
    from followup.bootstrap import build_service
    from followup.config import load_config
    from followup.paths import default_paths

    paths = default_paths()
    try:
        config = load_config(paths.config_file)
        with AccountLock(paths.lock_file):
            wiring = build_service(paths, config, progress=progress)
            try:
                click.echo(_describe(wiring.service.poll_once()))
                click.echo(_describe(wiring.service.tick()))
            finally:
                wiring.close()
    except FollowupError as exc:
        raise click.ClickException(exc.explain()) from exc
