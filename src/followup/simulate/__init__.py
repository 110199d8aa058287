"""Play job searches against the real engine and an emulated Gmail, and check the outcome.

``load_scenario`` reads a scenario file (docs/simulate.md); ``run_scenario`` plays it and
returns a ``RunResult`` whose ``checks`` hold one verdict per expectation;
``build_population`` makes a random scenario for load and invariant runs.
"""

from followup.simulate.loader import ScenarioError, load_scenario, parse_scenario
from followup.simulate.population import build_population
from followup.simulate.results import Check, RunResult
from followup.simulate.runner import SimulationError, run_scenario
from followup.simulate.scenario import Scenario

__all__ = [
    "Check",
    "RunResult",
    "Scenario",
    "ScenarioError",
    "SimulationError",
    "build_population",
    "load_scenario",
    "parse_scenario",
    "run_scenario",
]
