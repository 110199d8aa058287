"""Print a run as people read it: a dated timeline, then one verdict per expectation.

Times are shown in the user's timezone with the scenario's day number, because that is how
scenarios are written ("day 11, Friday") and how the expectations are compared.
"""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table
from rich.text import Text

from followup.simulate.results import Check, RunResult


def print_timeline(result: RunResult, console: Console) -> None:
    scenario = result.scenario
    zone = scenario.user.zone
    table = Table(
        title=f"{scenario.name}  ({scenario.user.timezone})",
        title_justify="left",
        show_edge=False,
        pad_edge=False,
    )
    table.add_column("day", justify="right", style="dim")
    table.add_column("when")
    table.add_column("who", style="bold")
    table.add_column("what")
    for entry in result.timeline:
        local = entry.at.astimezone(zone)
        table.add_row(
            str(entry.day),
            f"{local:%a %d %b %H:%M}",
            entry.actor,
            Text(entry.text, style=entry.style),
        )
    console.print(table)


def print_checks(checks: list[Check], console: Console) -> None:
    for check in checks:
        mark = Text("PASS", style="bold green") if check.passed else Text("FAIL", style="bold red")
        line = Text.assemble(mark, " ", (check.label, "dim"), "  ", check.description)
        if not check.passed and check.detail:
            line.append(f"\n      {check.detail}", style="red")
        console.print(line)


def print_verdicts(result: RunResult, console: Console) -> None:
    print_checks(result.checks, console)
    verdict = "PASS" if result.passed else "FAIL"
    console.print(
        Text(
            f"{verdict} {result.scenario.name}: {sum(c.passed for c in result.checks)}/"
            f"{len(result.checks)} checks, {result.polls} polls, service "
            f"{result.service_calls} calls / {result.service_units} quota units",
            style="bold green" if result.passed else "bold red",
        )
    )


def print_summary(result: RunResult, behaviours: dict[str, str], console: Console) -> None:
    """Population runs: applications, drafts and final states per employer behaviour."""
    by_thread = {app_thread: app for app in result.applications for app_thread in app.thread_ids}
    table = Table(title="population summary", title_justify="left", show_edge=False)
    table.add_column("behaviour")
    table.add_column("apps", justify="right")
    table.add_column("drafts by kind")
    table.add_column("final states")
    rows: dict[str, tuple[int, Counter[str], Counter[str]]] = {}
    for thread_key, behaviour in behaviours.items():
        count, drafts, states = rows.get(behaviour, (0, Counter(), Counter()))
        thread_id = result.threads.get(thread_key)
        for draft in result.drafts:
            if draft.thread_id == thread_id:
                drafts[draft.kind] += 1
        app = by_thread.get(thread_id or "")
        state = "untracked"
        if app is not None:
            state = str(app.state)
            if app.closed_reason is not None:
                state += f"/{app.closed_reason}"
        states[state] += 1
        rows[behaviour] = (count + 1, drafts, states)
    for behaviour in sorted(rows):
        count, drafts, states = rows[behaviour]
        table.add_row(behaviour, str(count), _counts(drafts), _counts(states))
    console.print(table)
    console.print(
        f"{len(result.applications)} applications tracked, {len(result.drafts)} drafts, "
        f"{result.polls} polls"
    )
    console.print(f"service: {result.service_calls} API calls, {result.service_units} units")
    console.print(
        f"mailbox (incl. the simulated user): {result.mailbox_calls} calls, "
        f"{result.mailbox_units} units"
    )
    console.print(f"sends by followup: {result.sends_in_log - result.user_sends}")


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{key} {value}" for key, value in sorted(counter.items())) or "-"
