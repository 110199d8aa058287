"""The Gmail emulator as a real child process, as a user would start it, and always stopped.

A child process (not a thread) so the demo exercises what the user will later run by hand on
the same state file, and so "no process left behind" means something: :meth:`stop` sends
SIGTERM (the emulator then saves its state and exits 0) and kills it only if it hangs.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

from followup.demo.errors import DemoError

READY_PATTERN = re.compile(r"listening on (http://\S+)")
START_TIMEOUT_SECONDS = 20.0
STOP_TIMEOUT_SECONDS = 10.0


def choose_port(preferred: int) -> int:
    """``preferred`` when it is free (so `make emulator` restarts on the same address), else
    any free port. A port taken between this check and the emulator's bind fails loudly."""
    for port in (preferred, 0):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            # As the emulator's server does: connections of a previous run lingering in
            # TIME_WAIT must not make the port look taken (a listener still does).
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            chosen: int = sock.getsockname()[1]
            return chosen
    raise DemoError("no free TCP port on 127.0.0.1")


class EmulatorProcess:
    """``followup emulator --port P --state FILE --auto-approve EMAIL`` in a child process.

    Its output goes to ``log_file`` rather than a pipe, so a chatty emulator can never block
    on a full pipe while the demo is busy elsewhere.
    """

    def __init__(self, *, port: int, state_file: Path, auto_approve: str, log_file: Path) -> None:
        self.port = port
        self.state_file = state_file
        self.auto_approve = auto_approve
        self.log_file = log_file
        self.url = ""
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "followup",
            "emulator",
            "--port",
            str(self.port),
            "--state",
            str(self.state_file),
            "--auto-approve",
            self.auto_approve,
        ]

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def start(self) -> str:
        """Start it and wait until it accepts connections; returns its URL."""
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        with self.log_file.open("wb") as log:
            self._proc = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
                self.command,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
            )
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            text = self.log_file.read_text(encoding="utf-8", errors="replace")
            found = READY_PATTERN.search(text)
            if found:
                self.url = found.group(1).rstrip("/")
                return self.url
            if self._proc.poll() is not None:
                raise DemoError(f"the emulator exited with status {self._proc.returncode}:\n{text}")
            time.sleep(0.05)
        self.stop()
        raise DemoError(f"the emulator did not start within {START_TIMEOUT_SECONDS:g} s")

    def stop(self) -> int | None:
        """SIGTERM, so the emulator saves its state file; SIGKILL only if it does not exit."""
        proc, self._proc = self._proc, None
        if proc is None:
            return None
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        return proc.returncode

    def __enter__(self) -> EmulatorProcess:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
