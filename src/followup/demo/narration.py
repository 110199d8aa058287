"""How the demo talks: one dated line per thing that happens, in the job seeker's words.

A new user watches this without reading code, so lines say what happened and why it
matters ("Sam will find it in Gmail > Drafts"), not which function ran. ``pace`` slows the
lines that matter so a person can follow; the tests run with pace 0.
"""

from __future__ import annotations

import time
from datetime import datetime
from zoneinfo import ZoneInfo

from rich.console import Console
from rich.text import Text

ICONS = {
    "mail": ("✉", "bold"),
    "noise": ("·", "dim"),
    "user": ("✎", "cyan"),
    "followup": ("●", "bold green"),
    "tidy": ("●", "yellow"),
    "check": ("✔", "green"),
    "fail": ("✘", "bold red"),
    "info": (" ", "dim"),
}


class Narrator:
    """Prints the story as it happens. Not thread-safe (one demo, one console)."""

    def __init__(self, console: Console, start: datetime, *, pace: float) -> None:
        self.console = console
        self.start = start  # day 0 of the story, in the user's zone
        self.zone = start.tzinfo
        self.pace = pace
        self._day: int | None = None

    def title(self, text: str) -> None:
        self.console.rule(Text(text, style="bold"))

    def step(self, text: str) -> None:
        """A setup step (before the story's clock starts)."""
        self.console.print(Text.assemble(("▸ ", "bold blue"), text))

    def detail(self, text: str) -> None:
        self.console.print(Text("    " + text, style="dim"))

    def _day_header(self, at: datetime) -> None:
        local = at.astimezone(self.zone)
        number = (local.date() - self.start.date()).days
        if number == self._day:
            return
        self._day = number
        self.console.print(
            Text(f"\nDay {number:>2} · {local:%A} {local.day} {local:%B}", style="bold magenta")
        )
        self._wait(0.15)

    def say(self, kind: str, at: datetime | None, text: str, *, slow: bool = True) -> None:
        icon, style = ICONS[kind]
        if at is not None:
            self._day_header(at)
        stamp = f"{at.astimezone(self.zone):%H:%M}  " if at is not None else "       "
        self.console.print(Text.assemble(("  " + stamp, "dim"), (icon + " ", style), text))
        if slow:
            self._wait(1.0)

    def _wait(self, factor: float) -> None:
        if self.pace > 0:
            time.sleep(self.pace * factor)


def when(at: datetime, zone: ZoneInfo) -> str:
    """'Wed 4 Mar 11:00' in the user's zone."""
    local = at.astimezone(zone)
    return f"{local:%a} {local.day} {local:%b %H:%M}"


def on_day(at: datetime, zone: ZoneInfo) -> str:
    """'Tue 17 Mar' in the user's zone."""
    local = at.astimezone(zone)
    return f"{local:%a} {local.day} {local:%b}"
