"""Named crash points, so tests can SIGKILL the real process between any two steps.

``FOLLOWUP_CRASH_AT=name`` kills the process the first time ``crash_point(name)`` runs;
``name:N`` on the N-th time. Unset (always, outside tests) it costs one dict lookup. This is
how the crash-safety tests prove exactly-once drafts without mocking anything.
"""

from __future__ import annotations

import os
import signal

ENV = "FOLLOWUP_CRASH_AT"
_hits: dict[str, int] = {}


def crash_point(name: str) -> None:
    """Die here, hard (SIGKILL: no cleanup, no commit), when the environment asks for it."""
    wanted = os.environ.get(ENV)
    if not wanted:
        return
    target, _, nth = wanted.partition(":")
    if target != name:
        return
    _hits[name] = _hits.get(name, 0) + 1
    if _hits[name] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
