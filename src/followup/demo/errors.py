"""Why the demo stopped before the story was told."""

from __future__ import annotations


class DemoError(RuntimeError):
    """Raised when a step of the demo cannot run (emulator, sign-in, a poll), with the reason."""
