"""CLI responsiveness: wall time of everyday commands, each a fresh process as a user runs it.

The lazy command group imports a command's module only when it runs, so `followup --help`
should not pay for Gmail, SQLite or the classifier. Median of 5 runs each, in a temporary
FOLLOWUP_HOME (no network: doctor stops at "not connected").
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from tempfile import TemporaryDirectory

RUNS = 5
COMMANDS = (
    ["--help"],
    ["config"],
    ["status"],
    ["doctor"],
)


def _median_seconds(args: list[str], env: dict[str, str]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "followup", *args],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    with TemporaryDirectory(prefix="followup-bench-cli-") as home:
        env = {**os.environ, "FOLLOWUP_HOME": home}
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        print(f"{'python start-up alone':<32}{(time.perf_counter() - started) * 1000:6.0f} ms")
        for args in COMMANDS:
            label = "followup " + " ".join(args)
            print(f"{label:<32}{_median_seconds(args, env) * 1000:6.0f} ms (median of {RUNS})")


if __name__ == "__main__":
    main()
