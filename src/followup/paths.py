"""Where followup keeps its files, per platform conventions (platformdirs).

Every location can be moved with ``FOLLOWUP_HOME`` (tests, the demo, several accounts):
then config, data and logs all live below that one folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "followup"


@dataclass(frozen=True, slots=True)
class Paths:
    """The folders and files followup reads and writes."""

    config_dir: Path
    data_dir: Path
    log_dir: Path

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def client_secrets_file(self) -> Path:
        """The OAuth client file downloaded from Google Cloud (see credentials.example.json)."""
        return self.config_dir / "credentials.json"

    @property
    def token_file(self) -> Path:
        """The OAuth token; written with mode 0600, never inside the repository."""
        return self.data_dir / "token.json"

    @property
    def database_file(self) -> Path:
        return self.data_dir / "followup.sqlite3"

    @property
    def lock_file(self) -> Path:
        """Held by the watcher so that only one instance runs per account."""
        return self.data_dir / "watch.lock"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "followup.log"

    @property
    def templates_dir(self) -> Path:
        """User overrides of the draft templates (same file names as the shipped ones)."""
        return self.config_dir / "templates"


def default_paths(environ: dict[str, str] | None = None) -> Paths:
    """Resolve the folders, honouring ``FOLLOWUP_HOME`` when it is set."""
    env = os.environ if environ is None else environ
    home = env.get("FOLLOWUP_HOME")
    if home:
        root = Path(home).expanduser()
        return Paths(config_dir=root / "config", data_dir=root / "data", log_dir=root / "logs")
    return Paths(
        config_dir=Path(platformdirs.user_config_dir(APP_NAME)),
        data_dir=Path(platformdirs.user_data_dir(APP_NAME)),
        log_dir=Path(platformdirs.user_log_dir(APP_NAME)),
    )
