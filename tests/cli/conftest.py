"""Fixtures for the CLI tests: every test gets its own FOLLOWUP_HOME."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from followup.paths import Paths, default_paths


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Paths:
    """A fresh followup home (config, data, logs) for this test only."""
    monkeypatch.setenv("FOLLOWUP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("FOLLOWUP_CLIENT_FILE", raising=False)
    return default_paths()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def _remove_log_handlers() -> Iterator[None]:
    """setup_logging attaches handlers to the root logger; detach them after each test."""
    yield
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_followup_handler", False)]:
        root.removeHandler(handler)
        handler.close()
