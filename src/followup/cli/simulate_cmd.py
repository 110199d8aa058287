"""``followup simulate``: play scenario files or a random population against the emulator."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from followup.simulate.loader import ScenarioError, load_scenario
from followup.simulate.runner import SimulationError, run_scenario

EXIT_FAILED = 1
EXIT_INVALID = 2


@click.command()
@click.argument("scenarios", nargs=-1, type=click.Path(path_type=Path))
@click.option("--population", type=click.IntRange(min=1), help="Simulate N random applications.")
@click.option(
    "--days",
    type=click.IntRange(min=1, max=400),
    default=60,
    show_default=True,
    help="Simulated days for --population.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for --population.")
@click.option("--quiet", "-q", is_flag=True, help="Scenarios: only the verdicts, no timeline.")
@click.option("--timeline", is_flag=True, help="Population: print the whole timeline too.")
def simulate(
    scenarios: tuple[Path, ...],
    population: int | None,
    days: int,
    seed: int,
    quiet: bool,
    timeline: bool,
) -> None:
    """Play job searches against the real engine and an in-process Gmail emulator.

    With SCENARIO files (docs/simulate.md; folders are searched for *.toml), each is
    played and its timeline printed, then PASS or FAIL for every expectation. With
    --population N, N random applications are simulated over --days; a summary per
    employer behaviour is printed, then PASS or FAIL for the invariants every population
    keeps. Nothing touches a real mailbox.

    Exit status: 0 all expectations held, 1 some failed, 2 a scenario file is invalid.

    \b
    Examples:
      followup simulate scenarios/
      followup simulate scenarios/offer-closes-tracking.toml
      followup simulate --population 200 --days 60 --seed 7
    """
    # The service logs expected 404s (drafts the simulated user sent) as warnings.
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.ERROR)
    console = Console()
    if population is not None:
        if scenarios:
            raise click.UsageError("give scenario files or --population, not both")
        sys.exit(_population(population, days, seed, console, timeline=timeline))
    if not scenarios:
        raise click.UsageError("give at least one scenario file, or --population N")
    sys.exit(_scenarios(_files(scenarios), console, quiet=quiet))


def _files(paths: tuple[Path, ...]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.glob("*.toml")) if path.is_dir() else [path])
    return found


def _scenarios(paths: list[Path], console: Console, *, quiet: bool) -> int:
    from followup.simulate.timeline import print_timeline, print_verdicts

    loaded = []
    invalid = False
    for path in paths:
        try:
            loaded.append(load_scenario(path))
        except ScenarioError as exc:
            console.print(f"[bold red]invalid[/] {escape(exc.explain())}", highlight=False)
            invalid = True
    if invalid:
        return EXIT_INVALID
    failed = []
    for scenario in loaded:
        try:
            result = run_scenario(scenario)
        except SimulationError as exc:
            console.print(f"[bold red]FAIL[/] {scenario.name}: {escape(str(exc))}", highlight=False)
            failed.append(scenario.name)
            continue
        if not quiet:
            print_timeline(result, console)
        print_verdicts(result, console)
        console.print()
        if not result.passed:
            failed.append(scenario.name)
    passed = len(loaded) - len(failed)
    style = "bold green" if not failed else "bold red"
    console.print(f"[{style}]{passed}/{len(loaded)} scenarios passed[/]")
    for name in failed:
        console.print(f"  failed: {name}")
    return EXIT_FAILED if failed else 0


def _population(count: int, days: int, seed: int, console: Console, *, timeline: bool) -> int:
    from followup.simulate.expectations import population_checks
    from followup.simulate.population import USER_SEND_DELAY, build_population
    from followup.simulate.runner import max_check_ins
    from followup.simulate.timeline import print_checks, print_summary, print_timeline

    built = build_population(count, days, seed=seed)
    with console.status(f"simulating {count} applications over {days} days"):
        result = run_scenario(built.scenario, user_send_delay=USER_SEND_DELAY)
    if timeline:
        print_timeline(result, console)
    print_summary(result, built.behaviours, console)
    checks = population_checks(
        result, built.behaviours, max_check_ins=max_check_ins(built.scenario)
    )
    print_checks(checks, console)
    return 0 if all(check.passed for check in checks) else EXIT_FAILED
