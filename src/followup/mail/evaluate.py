"""Score read_mail against a labelled folder (``labels.json`` + .eml files).

Shared by the benchmark and the quality tests so both measure the same thing. This module
reads files; the reading layer it measures does not.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from followup.mail.model import MailKind, MailReading
from followup.mail.reading import read_mail

FIELDS = ("company", "interview_at", "respond_by", "back_on")


@dataclass(frozen=True, slots=True)
class KindScore:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True, slots=True)
class Report:
    """Per-kind scores, field accuracy (over messages where the label or the reading sets it)."""

    total: int
    accuracy: float
    per_kind: dict[str, KindScore]
    macro_f1: float
    fields: dict[str, tuple[int, int]]
    """field -> (correct, considered)."""
    mistakes: list[str] = field(default_factory=list)
    per_second: float = 0.0


def load_labels(folder: Path) -> dict[str, dict[str, str | None]]:
    data = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    return {str(k): dict(v) for k, v in data.items()}


def _norm_company(value: str | None) -> str:
    return " ".join((value or "").lower().replace("&", "and").split())


def field_matches(name: str, expected: str | None, reading: MailReading) -> bool:
    """Company loosely (case, '&'), dates exactly, interview_at as an instant."""
    if name == "company":
        return _norm_company(expected) == _norm_company(reading.company)
    got = getattr(reading, name)
    if expected is None or got is None:
        return expected is None and got is None
    if name == "interview_at":
        return isinstance(got, datetime) and datetime.fromisoformat(expected) == got
    return isinstance(got, date) and date.fromisoformat(expected) == got


def evaluate(folder: Path, *, user_addresses: tuple[str, ...] = ()) -> Report:
    labels = load_labels(folder)
    readings: dict[str, MailReading] = {}
    raws = {name: (folder / name).read_bytes() for name in labels if (folder / name).exists()}
    started = time.perf_counter()
    for name, raw in raws.items():
        readings[name] = read_mail(raw, user_addresses=user_addresses)
    elapsed = time.perf_counter() - started
    kinds = [k.value for k in MailKind]
    per_kind: dict[str, KindScore] = {}
    mistakes: list[str] = []
    for kind in kinds:
        tp = sum(1 for n, r in readings.items() if r.kind == kind and labels[n]["kind"] == kind)
        fp = sum(1 for n, r in readings.items() if r.kind == kind and labels[n]["kind"] != kind)
        fn = sum(1 for n, r in readings.items() if r.kind != kind and labels[n]["kind"] == kind)
        p = tp / (tp + fp) if tp + fp else 1.0 if fn == 0 else 0.0
        rc = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
        per_kind[kind] = KindScore(p, rc, f1, tp + fn)
    present = [k for k in kinds if per_kind[k].support]
    macro = sum(per_kind[k].f1 for k in present) / len(present) if present else 0.0
    fields: dict[str, tuple[int, int]] = {}
    for name in FIELDS:
        good = considered = 0
        for file, reading in readings.items():
            expected = labels[file].get(name)
            if name == "company" and labels[file]["kind"] == MailKind.OTHER:
                continue  # the README: for other mail the company does not matter
            if expected is None and getattr(reading, name) is None and name != "company":
                continue
            considered += 1
            if field_matches(name, expected, reading):
                good += 1
            else:
                mistakes.append(
                    f"{file}: {name} expected {expected!r} got {getattr(reading, name)!s}"
                )
        fields[name] = (good, considered)
    for file, reading in readings.items():
        if reading.kind != labels[file]["kind"]:
            wanted = labels[file]["kind"]
            mistakes.append(f"{file}: kind {wanted} got {reading.kind.value} {reading.reasons}")
    correct = sum(1 for n, r in readings.items() if r.kind == labels[n]["kind"])
    return Report(
        total=len(readings),
        accuracy=correct / len(readings) if readings else 0.0,
        per_kind=per_kind,
        macro_f1=macro,
        fields=fields,
        mistakes=sorted(mistakes),
        per_second=len(readings) / elapsed if elapsed else 0.0,
    )
