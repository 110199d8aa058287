"""``followup classify``: read .eml files and show what the reading layer makes of them."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from followup.mail import MailReading, read_mail


def _files(paths: tuple[Path, ...]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.eml") if p.is_file())
        else:
            yield path


def _record(path: Path, reading: MailReading) -> dict[str, object]:
    return {
        "file": str(path),
        "kind": reading.kind.value,
        "confidence": reading.confidence,
        "company": reading.company,
        "role": reading.role,
        "interview_at": reading.interview_at.isoformat() if reading.interview_at else None,
        "respond_by": reading.respond_by.isoformat() if reading.respond_by else None,
        "back_on": reading.back_on.isoformat() if reading.back_on else None,
        "reasons": list(reading.reasons),
    }


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per message.")
def classify(paths: tuple[Path, ...], as_json: bool) -> None:
    """Classify .eml files (folders are searched recursively, in sorted order).

    Prints kind, confidence, company, role and dates with the reasons behind each
    reading. A file that cannot be read is reported on stderr; the rest still run.

    \b
    Examples:
      followup classify ~/Downloads/interview.eml
      followup classify ../shared/corpus --json
    """
    failures = 0
    records: list[dict[str, object]] = []
    for path in _files(paths):
        try:
            raw = path.read_bytes()
        except OSError as exc:
            click.echo(f"cannot read {path}: {exc.strerror or exc}", err=True)
            failures += 1
            continue
        record = _record(path, read_mail(raw))
        if as_json:
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            records.append(record)
    if not as_json and records:
        _print_table(records)
    if failures:
        sys.exit(1)


def _print_table(records: list[dict[str, object]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    table.add_column("file", overflow="fold")
    table.add_column("kind", no_wrap=True)
    table.add_column("conf", no_wrap=True)
    table.add_column("company", overflow="fold")
    table.add_column("dates", overflow="fold")
    table.add_column("why", overflow="fold", ratio=2)
    for r in records:
        reasons = r["reasons"]
        why = "; ".join(str(x) for x in reasons[:2]) if isinstance(reasons, list) else ""
        dates = [
            f"{label} {r[key]}"
            for key, label in (("interview_at", "at"), ("respond_by", "by"), ("back_on", "back"))
            if r[key]
        ]
        table.add_row(
            Path(str(r["file"])).name,
            str(r["kind"]),
            f"{r['confidence']:.2f}" if isinstance(r["confidence"], float) else "",
            str(r["company"] or ""),
            "\n".join(dates),
            why,
        )
    Console().print(table)
