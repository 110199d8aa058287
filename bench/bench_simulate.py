"""Population simulation through the emulator: 1,000 applications over 90 simulated days.

Prints wall time (target <= 30 s), the service's Gmail API calls and quota units, and the
mailbox totals including the simulated user's own calls. The run is stopped after a wall
time budget (``FOLLOWUP_BENCH_SIM_BUDGET`` seconds, default 120) so that ``make bench``
always ends; a stopped run says how many simulated days it covered.
"""

from __future__ import annotations

import logging
import os
import time

from followup.simulate.expectations import population_checks
from followup.simulate.population import USER_SEND_DELAY, build_population
from followup.simulate.runner import run_scenario

APPLICATIONS = 1000
DAYS = 90
TARGET_SECONDS = 30.0  # issue 5


def main() -> None:
    logging.disable(logging.WARNING)  # expected 404s of drafts the simulated user sent
    budget = float(os.environ.get("FOLLOWUP_BENCH_SIM_BUDGET", "120"))
    population = build_population(APPLICATIONS, DAYS, seed=1)
    started = time.perf_counter()
    result = run_scenario(
        population.scenario,
        user_send_delay=USER_SEND_DELAY,
        budget_seconds=budget,
        keep_errors=True,
    )
    wall = time.perf_counter() - started
    clock = population.scenario.clock
    covered = clock.day_of(result.reached) if result.reached else 0
    events = len(population.scenario.events)
    row("applications generated", f"{APPLICATIONS} ({events} mail events)")
    row("simulated days covered", f"{covered} of {DAYS} ({result.polls} polls + ticks, 6 h apart)")
    row("wall time", f"{wall:.1f} s (target <= {TARGET_SECONDS:.0f} s for all {DAYS} days)")
    share = result.service_seconds / wall if wall else 0.0
    row("of which in the service", f"{result.service_seconds:.1f} s ({share:.0%}: poll + tick)")
    row("applications tracked", len(result.applications))
    row("drafts created", len(result.drafts))
    row("service API calls", result.service_calls)
    row("service quota units", result.service_units)
    row("mailbox calls / units (all)", f"{result.mailbox_calls} / {result.mailbox_units}")
    row("sends by followup", result.sends_in_log - result.user_sends)
    checks = population_checks(result, population.behaviours, max_check_ins=2)
    failed = [c.label for c in checks if not c.passed]
    row("population invariants", "all hold" if not failed else f"FAILED: {', '.join(failed)}")
    if result.error:
        print(f"NOT MET: the run failed after {covered} simulated days: {result.error}")
    elif not result.complete:
        print(f"NOT MET: stopped at the {budget:.0f} s budget after {covered} simulated days")
    else:
        print("met" if wall <= TARGET_SECONDS else "NOT MET", f"({wall:.1f} s)")


def row(label: str, value: object) -> None:
    print(f"{label + ':':<30}{value}")
