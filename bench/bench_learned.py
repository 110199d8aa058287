"""The learned kind model, leave-one-round-out: how it reads a round of writers it never saw.

The shipped model learns from every tuned case set, so its figures on those sets say nothing.
This refits it once per round of ``FIRST_SIGHT`` (bench_first_sight.py) on the packaged
examples plus the case sets of every *other* round, and reads the left-out round: the same
question a new round of writers asks, answered for every round at once. The model alone is
measured here (no headers, no rules); bench_first_sight reads whole rounds with the shipped
reader at the commit that first saw them.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from bench.bench_first_sight import FIRST_SIGHT, report
from followup.mail.bayes import training_examples
from followup.mail.evaluate import load_labels
from followup.mail.learned import train
from followup.mail.model import MailKind
from followup.mail.parse import parse_message

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "mail" / "cases"


def _texts(name: str) -> list[tuple[MailKind, str]]:
    folder = CASES / name
    examples = []
    for file, label in sorted(load_labels(folder).items()):
        mail = parse_message((folder / file).read_bytes())
        examples.append((MailKind(str(label["kind"])), f"{mail.subject}\n{mail.new_text}"))
    return examples


def main() -> None:
    started = time.process_time()
    # the sets measured before the rounds began, and every round's: never a set not yet read
    measured = {f"blind{n}" for n in range(2, 20)} | {
        s for sets in FIRST_SIGHT.values() for s in sets
    }
    folders = sorted(n for n in measured if (CASES / n / "labels.json").exists())
    texts = {name: _texts(name) for name in folders}
    base = training_examples()
    readings: dict[str, dict[str, object]] = {}
    rounds = [sets for sets in FIRST_SIGHT.values() if all(s in texts for s in sets)]
    for sets in rounds:
        others = [e for name in folders if name not in sets for e in texts[name]]
        model = train(base + others)
        for name in sets:
            for number, (kind, text) in enumerate(texts[name]):
                judged = model.judge(text)
                got = judged.kind.value if judged else "other"
                readings[f"{name}/{number}"] = {"kind": got, "want": kind.value}
    report(readings, f"learned model alone, leave-one-round-out over {len(rounds)} rounds")
    print("  (the shipped reader adds the rules' vetoes: bench first_sight)")
    confusions = Counter(
        (r["want"], r["kind"]) for r in readings.values() if r["want"] != r["kind"]
    )
    worst = ", ".join(f"{w}->{g} {n}" for (w, g), n in confusions.most_common(5))
    print(f"  most common confusions: {worst}")
    print(f"  {len(rounds)} fits in {time.process_time() - started:.0f} s CPU")
