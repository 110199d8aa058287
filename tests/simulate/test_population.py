"""Random populations: reproducible, and every behaviour ends the way the policy says."""

from __future__ import annotations

from datetime import timedelta

from followup.simulate.expectations import population_checks
from followup.simulate.population import BEHAVIOURS, USER_SEND_DELAY, build_population
from followup.simulate.results import RunResult, SeenDraft
from followup.simulate.runner import run_scenario


def test_the_same_seed_gives_the_same_population() -> None:
    one = build_population(30, 40, seed=5).scenario
    two = build_population(30, 40, seed=5).scenario
    assert one.events == two.events
    assert one.contacts == two.contacts
    assert build_population(30, 40, seed=6).scenario.events != one.events


def test_companies_are_distinct_so_applications_are_not_merged() -> None:
    scenario = build_population(300, 60, seed=2).scenario
    companies = [c.company.split()[0] for c in scenario.contacts.values()]
    assert len(set(companies)) == len(companies)


def test_every_event_lies_within_the_simulated_time() -> None:
    scenario = build_population(200, 20, seed=4).scenario
    assert all(scenario.clock.start <= e.at < scenario.clock.end for e in scenario.events)


def test_a_small_population_ends_as_each_behaviour_implies() -> None:
    built = build_population(12, 45, seed=11)
    assert set(built.behaviours.values()) == set(BEHAVIOURS)
    result = run_scenario(built.scenario, user_send_delay=USER_SEND_DELAY)
    checks = population_checks(result, built.behaviours, max_check_ins=2)
    assert [c.label for c in checks if not c.passed] == []
    by_thread = {t: app for app in result.applications for t in app.thread_ids}
    assert len(result.applications) == len(built.behaviours)
    for key, behaviour in built.behaviours.items():
        app = by_thread[result.threads[key]]
        drafts = [d for d in result.drafts if d.thread_id == result.threads[key]]
        if behaviour == "offers":
            assert (str(app.state), str(app.closed_reason)) == ("closed", "offer")
        elif behaviour == "rejects":
            assert (str(app.state), str(app.closed_reason)) == ("closed", "rejection")
        elif behaviour == "ats_only":
            assert drafts == []
            assert app.flags
        else:
            assert [d.kind for d in drafts][:1] == ["thank_you"]
        assert len([d for d in drafts if d.kind.startswith("check_in")]) <= 2


def test_population_checks_catch_a_third_check_in_and_a_draft_after_a_rejection() -> None:
    built = build_population(6, 30, seed=1)
    scenario = built.scenario
    rejected = next(k for k, b in built.behaviours.items() if b == "rejects")
    rejection = next(e for e in scenario.events if e.thread == rejected)
    threads = {key: f"t-{key}" for key in built.behaviours}
    later = rejection.at + timedelta(days=1)
    drafts = [
        SeenDraft("d1", f"t-{rejected}", "check_in_3", "x@y", later, 0, later),
        SeenDraft("d2", f"t-{rejected}", "check_in_1", "x@y", later, 0),
    ]
    result = RunResult(scenario, [], drafts, [], threads)
    checks = population_checks(result, built.behaviours, max_check_ins=2)
    failed = {c.label for c in checks if not c.passed}
    assert failed == {
        "population.check_in_limit",
        "population.quiet_after_the_employer",
    }
