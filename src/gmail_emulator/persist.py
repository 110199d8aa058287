"""The ``--state`` file: load at start, save atomically on change and at shutdown.

A crash mid-write must never leave a half file, so saves go to a temp file in
the same directory, are fsynced, then renamed over the old one (lieer's State.write).
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from gmail_emulator.app import Emulator

AUTOSAVE_INTERVAL_S = 2.0


def save_atomic(path: Path, state: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(state, handle, separators=(",", ":"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load(path: Path) -> dict[str, Any] | None:
    """The saved state, or None when there is no file yet. Raises ValueError when corrupt."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return None
    state = json.loads(text)
    if not isinstance(state, dict):
        raise ValueError(f"{path} does not hold an emulator state")
    return state


class Autosaver:
    """Saves the emulator's state whenever its revision moved, every few seconds."""

    def __init__(
        self, emulator: Emulator, path: Path, *, interval_s: float = AUTOSAVE_INTERVAL_S
    ) -> None:
        self._emulator = emulator
        self._path = path
        self._interval = interval_s
        self._saved_revision = emulator.revision
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="emulator-autosave", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def save_if_changed(self) -> bool:
        revision = self._emulator.revision
        if revision == self._saved_revision:
            return False
        save_atomic(self._path, self._emulator.snapshot())
        self._saved_revision = revision
        return True

    def _run(self) -> None:
        wait = self._interval
        while not self._stop.wait(wait):
            started = time.monotonic()
            saved = self.save_if_changed()
            # A big mailbox takes a while to write: never spend more than ~10% of the time saving.
            wait = max(self._interval, 10 * (time.monotonic() - started)) if saved else wait

    def stop(self) -> None:
        """Stop the timer and write a final snapshot (always, so the clock is kept too)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        save_atomic(self._path, self._emulator.snapshot())
