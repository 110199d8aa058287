"""Gmail sync figures, measured in one run against the emulator (issue 7, "Done means").

- idle poll: quota units and calls (target: 2 units, the one history.list);
- first sync of a 10k and a 100k-message mailbox (mostly non-job mail spread over three
  years, plus the labelled corpus as job mail in the last weeks): units, calls, wall time
  and peak RSS of the syncing process, next to a naive poller that lists and fetches
  everything (targets: >= 20x fewer units at 100k, peak RSS <= 300 MB);
- employer mail -> application paused, in poll cycles (target: the next poll).

Each sync runs in a child process (``python -m bench.bench_sync --child ...``) so its peak
RSS is its own, not the emulator's. The emulator enforces no quota here and the client
limiter is opened wide, so wall times show work, not throttling; the minutes the same units
would need at Gmail's 15,000 units/minute per-user quota are printed next to them.
"""

from __future__ import annotations

import functools
import json
import random
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
START = datetime(2026, 4, 6, 9, 0, tzinfo=UTC)  # a Monday
GMAIL_UNITS_PER_MINUTE = 15_000
# Reading the mailbox, as opposed to acting on it (labels, drafts): the naive poller only reads.
READ_METHODS = frozenset({"getProfile", "messages.list", "messages.get", "history.list"})

# Share of the bulk mail, by kind: what a typical personal mailbox holds.
MIX = [
    ("promotions", 0.40),
    ("social", 0.15),
    ("updates", 0.15),
    ("forums", 0.05),
    ("personal", 0.21),
    ("sent", 0.04),
]


def _bulk_message(kind: str, n: int, when: datetime, user: str) -> tuple[bytes, list[str]]:
    date = format_datetime(when)
    mid = f"<bench-{n}@{kind}.example>"
    if kind == "sent":
        head = f"From: {user}\r\nTo: friend{n % 97}@mail.example\r\nSubject: Re: weekend {n}\r\n"
        body = "Sounds good, see you Saturday at the market.\r\n"
        labels = ["SENT"]
    elif kind == "personal":
        head = f"From: Friend {n % 97} <friend{n % 97}@mail.example>\r\nTo: {user}\r\n"
        head += f"Subject: weekend plans {n}\r\n"
        body = "Are you free on Saturday? We could try the new bakery downtown.\r\n"
        labels = ["INBOX", "CATEGORY_PERSONAL"]
    else:
        head = f"From: {kind.title()} News <news@{kind}{n % 13}.example>\r\nTo: {user}\r\n"
        head += f"Subject: {kind} digest #{n}\r\nList-Unsubscribe: <mailto:u@{kind}.example>\r\n"
        body = "This week's picks, deals and stories you may have missed.\r\n"
        labels = ["INBOX", f"CATEGORY_{kind.upper()}"]
    raw = f"{head}Date: {date}\r\nMessage-ID: {mid}\r\nContent-Type: text/plain\r\n\r\n{body}"
    return raw.encode(), labels


def load_mailbox(handle: Any, email: str, total: int, *, seed: int = 7) -> int:
    """Bulk-load ``total`` messages through the backend directly (no HTTP): fast."""
    rng = random.Random(seed)
    now = handle.emulator.clock.now()
    kinds = [k for k, _ in MIX]
    weights = [w for _, w in MIX]
    job_files = sorted(CORPUS.glob("*.eml"))
    for n in range(total - len(job_files)):
        kind = rng.choices(kinds, weights)[0]
        when = now - timedelta(seconds=rng.uniform(0, 3 * 365 * 86400))
        raw, labels = _bulk_message(kind, n, when, email)
        handle.backend.deliver(
            email, raw, label_ids=labels, internal_date_ms=int(when.timestamp() * 1000)
        )
    for i, path in enumerate(job_files):  # the corpus: job mail of the last ~7 weeks
        when = now - timedelta(days=50) + timedelta(hours=7 * i)
        handle.backend.deliver(
            email,
            path.read_bytes(),
            label_ids=["INBOX"],
            internal_date_ms=int(when.timestamp() * 1000),
        )
    return total


def _credentials(url: str, token: str, refresh: str = "") -> Any:
    from google.oauth2.credentials import Credentials

    from gmail_emulator.auth import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

    if not refresh:
        return Credentials(token=token)
    return Credentials(
        token=token,
        refresh_token=refresh,
        token_uri=f"{url}/token",
        client_id=DEMO_CLIENT_ID,
        client_secret=DEMO_CLIENT_SECRET,
    )


# -- the child process ------------------------------------------------------------------------


def child(mode: str, url: str, email: str, token: str, db: str) -> None:
    """Run one first sync (ours) or one naive full fetch; print figures as JSON."""
    from followup.adapters.gmail import GmailMailbox
    from followup.adapters.ratelimit import QuotaLimiter

    gmail = GmailMailbox.connect(
        _credentials(url, token), api_endpoint=url, limiter=QuotaLimiter(10**9)
    )
    started = time.perf_counter()
    fetched = 0
    if mode == "naive":
        ids = [ref.id for ref in gmail.list_messages("")]
        for start in range(0, len(ids), 500):
            fetched += len(gmail.get_messages(ids[start : start + 500], fmt="raw"))
    else:
        from followup.adapters.clock import FixedClock
        from followup.adapters.store import SqliteStore
        from followup.core.compose import UserProfile
        from followup.core.policy import Policy
        from followup.mail.reading import read_mail
        from followup.service import Service, SyncSettings

        store = SqliteStore(db)
        service = Service(
            gmail,
            store,
            Policy(),
            UserProfile(address=email, name="Sam Rivera"),
            SyncSettings(user_addresses=(email,), progress=False),
            FixedClock(START),
            reader=functools.partial(read_mail, user_addresses=(email,)),
        )
        report = service.first_sync()
        fetched = report.messages_fetched
        store.close()
    wall = time.perf_counter() - started
    peak_kb = _peak_rss_kb()
    print(
        json.dumps(
            {
                "calls": gmail.stats.total_calls,
                "units": gmail.stats.units,
                "wall": wall,
                "peak_mb": peak_kb / 1024,
                "fetched": fetched,
                "by_method": gmail.stats.calls,
                "units_by_method": gmail.stats.units_by_method,
            }
        )
    )


def _peak_rss_kb() -> int:
    """This process's own peak RSS. Not ru_maxrss: Linux carries that across fork+exec, so
    a child would report the parent's (the emulator's) peak; VmHWM belongs to this image."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _run_child(mode: str, url: str, email: str, token: str, db: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.bench_sync", "--child", mode, url, email, token, str(db)],
        check=True,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


# -- the figures --------------------------------------------------------------------------------


def _idle_and_pause(handle: Any, tmp: Path) -> None:
    import functools as ft

    from followup.adapters.clock import FixedClock
    from followup.adapters.gmail import GmailMailbox
    from followup.adapters.store import SqliteStore
    from followup.core.compose import UserProfile
    from followup.core.model import State
    from followup.core.policy import Policy
    from followup.mail.reading import read_mail
    from followup.service import Service, SyncSettings

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.sync.mails import invite, reply

    email = "idle@example.com"
    grant = handle.admin.create_mailbox(email)
    gmail = GmailMailbox.connect(
        _credentials(handle.url, grant["access_token"], grant["refresh_token"]),
        api_endpoint=handle.url,
    )
    store = SqliteStore(tmp / "idle.sqlite3")
    clock = FixedClock(handle.admin.clock())

    class EmulatorClock:
        def now(self) -> datetime:
            return handle.admin.clock()  # type: ignore[no-any-return]

    service = Service(
        gmail,
        store,
        Policy(),
        UserProfile(address=email, name="Sam Rivera"),
        SyncSettings(user_addresses=(email,), progress=False),
        EmulatorClock(),
        reader=ft.partial(read_mail, user_addresses=(email,)),
    )
    t0 = clock.now()
    service.first_sync()
    raw = invite(sent=t0, interview=t0 + timedelta(days=1), to=email)
    handle.admin.deliver(email, raw, label_ids=["INBOX"])
    service.poll_once()
    handle.admin.advance_clock(timedelta(days=1, hours=2))
    service.poll_once()
    service.tick()
    service.poll_once()
    before = handle.admin.quota(email)[email]
    report = service.poll_once()
    after = handle.admin.quota(email)[email]
    print(
        f"idle poll: {after['units'] - before['units']} units, {after['calls'] - before['calls']} "
        f"call(s) (client counted {report.units} units / {report.calls} call) "
        "[target: 2 units, 1 call]"
    )
    handle.admin.deliver(email, reply(raw, sent=handle.admin.clock(), text="Thanks Sam!"))
    polls = 0
    while polls < 5:
        polls += 1
        service.poll_once()
        (app,) = store.load_applications()
        if app.state is State.PAUSED:
            break
    print(f"employer reply -> application paused after {polls} poll cycle(s) [target: 1]")
    store.close()


def _first_syncs(handle: Any, tmp: Path, sizes: tuple[int, ...]) -> None:
    print(
        f"{'mailbox':>8} {'who':>6} {'units':>9} {'(read':>7} {'act)':>6} {'calls':>7} "
        f"{'wall s':>7} {'peak MB':>8} {'fetched':>8} {'min @15k/min':>12}"
    )
    for size in sizes:
        email = f"box{size}@example.com"
        grant = handle.admin.create_mailbox(email)
        started = time.perf_counter()
        load_mailbox(handle, email, size)
        load_s = time.perf_counter() - started
        rows = {}
        for mode in ("ours", "naive"):
            rows[mode] = _run_child(
                mode, handle.url, email, grant["access_token"], tmp / f"{size}.db"
            )
            r = rows[mode]
            read = sum(u for m, u in r["units_by_method"].items() if m in READ_METHODS)
            print(
                f"{size:>8} {mode:>6} {r['units']:>9} {read:>7} {r['units'] - read:>6} "
                f"{r['calls']:>7} {r['wall']:>7.1f} "
                f"{r['peak_mb']:>8.0f} {r['fetched']:>8} "
                f"{r['units'] / GMAIL_UNITS_PER_MINUTE:>12.1f}",
                flush=True,
            )
        ratio = rows["naive"]["units"] / max(rows["ours"]["units"], 1)
        print(
            f"{size:>8} ratio: ours used {ratio:.0f}x fewer units than naive, all work included "
            f"[target >= 20x at 100k; peak RSS <= 300 MB] (mailbox loaded in {load_s:.0f} s)"
        )


def main() -> None:
    from gmail_emulator.testing import serve_in_thread

    sizes = (10_000, 100_000)
    if len(sys.argv) > 1 and sys.argv[1].isdigit():
        sizes = (int(sys.argv[1]),)
    with TemporaryDirectory() as folder, serve_in_thread(clock_start=START) as handle:
        tmp = Path(folder)
        _idle_and_pause(handle, tmp)
        _first_syncs(handle, tmp, sizes)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[2:7])
    else:
        main()
