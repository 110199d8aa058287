"""The core imports nothing from Gmail, SQLite, the scheduler, the filesystem or the clock."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).parents[2] / "src" / "followup" / "core"
ALLOWED = {
    "__future__", "collections", "dataclasses", "datetime", "email", "enum", "functools",
    "hashlib", "importlib", "jinja2", "re", "types", "typing", "zoneinfo", "followup",
}  # fmt: skip
CLOCK_READS = ("datetime.now", "date.today", "utcnow", "time.time", "time.monotonic")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_core_modules_import_only_the_standard_library_jinja_and_the_core() -> None:
    for path in sorted(CORE.rglob("*.py")):
        for name in _imports(path):
            assert name.split(".")[0] in ALLOWED, (path.name, name)
            if name.startswith("followup"):
                assert name.startswith("followup.core"), (path.name, name)


def test_core_never_reads_the_clock() -> None:
    for path in sorted(CORE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert not [c for c in CLOCK_READS if c in text], path.name
