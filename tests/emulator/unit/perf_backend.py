"""Backend-only micro-benchmark (no HTTP): `python tests/emulator/unit/perf_backend.py [N]`.

Not a test and not collected by pytest: it prints figures for the backend alone so a slow
path can be told apart from HTTP overhead. The real benchmark is `make bench`.
"""

from __future__ import annotations

import gc
import random
import sys
import time

import psutil

from gmail_emulator.backend import Backend
from gmail_emulator.clock import Clock

USER = "me@example.com"
BODY = ("Thank you for your application to the role. " * 80)[:3600]  # ~4 KB messages


def _raw(i: int) -> bytes:
    return (
        f"From: Recruiter {i % 50} <r{i % 50}@co{i % 300}.example>\r\nTo: {USER}\r\n"
        f"Subject: Application {i} update\r\nMessage-ID: <m{i}@co.example>\r\n"
        "Date: Mon, 02 Mar 2026 09:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n"
        f"\r\n{BODY} {i}\r\n"
    ).encode()


def _timed(label: str, fn: object, repeat: int = 1) -> None:
    assert callable(fn)
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    elapsed = time.perf_counter() - start
    rate = f" ({repeat / elapsed:,.0f}/s)" if repeat > 1 else ""
    print(f"{label}: {elapsed:.3f} s{rate}")


def main(count: int) -> None:
    process = psutil.Process()
    backend = Backend(Clock())
    backend.create_mailbox(USER)
    gc.collect()
    rss_before = process.memory_info().rss
    start = time.perf_counter()
    for i in range(count):
        backend.deliver(USER, _raw(i))
    elapsed = time.perf_counter() - start
    gc.collect()
    grown = process.memory_info().rss - rss_before
    print(f"deliver {count:,}: {elapsed:.1f} s ({count / elapsed:,.0f}/s)")
    print(f"RSS growth: {grown / 1e6:.0f} MB ({grown / count:,.0f} B per message)")

    def call(method: str, **params: str) -> object:
        wire = {"userId": ["me"], **{k: [v] for k, v in params.items()}}
        return backend.call(USER, f"gmail.users.{method}", wire, None)

    ids: list[str] = []
    token = ""
    while True:
        page = call("messages.list", maxResults="500", **({"pageToken": token} if token else {}))
        assert isinstance(page, dict)
        ids += [m["id"] for m in page.get("messages", [])]
        token = page.get("nextPageToken", "")
        if not token:
            break
    hot = ids[:500]
    random.seed(1)
    all_ids = random.sample(ids, min(count, 5000))
    hot_iter = iter(hot * 20)
    cold_iter = iter(all_ids)
    _timed("messages.get full, cached", lambda: call("messages.get", id=next(hot_iter)), 5000)
    _timed("messages.get full, cache misses", lambda: call("messages.get", id=next(cold_iter)),
           len(all_ids))  # fmt: skip
    _timed("messages.list first page", lambda: call("messages.list"))
    _timed(
        "messages.list q=from:co17.example", lambda: call("messages.list", q="from:co17.example")
    )
    _timed("messages.list bare word, no match", lambda: call("messages.list", q="zebra"))
    _timed("threads.list first page", lambda: call("threads.list"))
    _timed("history.list first page", lambda: call("history.list", startHistoryId="1"))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
