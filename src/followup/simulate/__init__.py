"""Play job searches against the real engine and an emulated Gmail, and check the outcome.

``load_scenario`` reads a scenario file (docs/simulate.md); ``run_scenario`` plays it and
returns what happened and which expectations held.
"""

from followup.simulate.loader import ScenarioError, load_scenario, parse_scenario
from followup.simulate.scenario import Scenario

__all__ = ["Scenario", "ScenarioError", "load_scenario", "parse_scenario"]
