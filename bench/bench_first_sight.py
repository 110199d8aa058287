"""The classifier on mail nobody had seen: each blind set read by the commit it was measured on.

Every set in ``FIRST_SIGHT`` was written by a separate writer who never read the code, and
measured once on the commit named here, before any change it motivated (docs/classifier.md
tells the story). This module checks each commit out into a temporary git worktree, reads
the set with that commit's code in a subprocess, and prints the pooled figures the issue's
targets are about. It needs the repository's history (a clone, not an export).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "mail" / "cases"

FIRST_SIGHT: dict[str, tuple[str, ...]] = {
    "81f349d": ("blind20", "blind21"),
    "d6adf10": ("blind22", "blind23"),
    "1c9231b": ("blind24", "blind25"),
    "c81c47a": ("blind26", "blind27", "blind28"),
    "50ff8ca": ("blind29", "blind30", "blind31"),
    "a9e0529": ("blind32", "blind33", "blind34"),
    "831eef0": ("blind35", "blind36", "blind37"),
    "7c14422": ("blind38", "blind39", "blind40"),
    "af3a1a6": ("blind41", "blind42", "blind43"),
    "383fea6": ("blind44", "blind45", "blind46"),
    "faca447": ("blind47", "blind48", "blind49"),
    "d1563d1": ("blind50", "blind51", "blind52", "blind53"),
    "2717fc5": ("blind54", "blind55", "blind56", "blind57", "blind58"),
    "e2257a0": ("blind59", "blind60", "blind61", "blind62", "blind63"),
    "02e857e": ("blind64", "blind65", "blind66", "blind67", "blind68"),
    "5346465": ("blind69", "blind70", "blind71", "blind72", "blind73"),
    "3ee96d6": ("blind74", "blind75", "blind76", "blind77", "blind78"),
    "aec31be": ("blind79", "blind80", "blind81", "blind82", "blind83"),
    # session 4: the learned kind model reads first (learned.py)
    "48bfa7e": ("blind84", "blind85", "blind86", "blind87", "blind88"),
    "6fea7d5": ("blind89", "blind90", "blind91", "blind92", "blind93"),
    "385d5c2": ("blind94", "blind95", "blind96", "blind97", "blind98"),
    "3c3715f": ("blind99", "blind100", "blind101", "blind102", "blind103"),
    "ea203af": ("blind104", "blind105", "blind106", "blind107", "blind108"),
    "fc1d2f1": ("blind109", "blind110", "blind111", "blind112", "blind113"),
}
# Session 3 began at faca447. Its sets come in two mixes: the usual one (about 9 employer replies
# in 45) and one weighted to employer replies of every sort (about 20 in 46), written to test the
# kind whose recall was short of the target.
SESSION_3 = ("faca447", "d1563d1", "2717fc5", "e2257a0", "02e857e", "5346465", "3ee96d6", "aec31be")
# Session 4 put the learned model in front of the rules; its sets were read by that design.
SESSION_4 = ("48bfa7e", "6fea7d5", "385d5c2", "3c3715f", "ea203af", "fc1d2f1")
_HEAVY_3 = (48, 50, 51, 54, 55, 58, 59, 60, 62, 64, 65, 67, 69, 70, 72, 74, 75, 76, 79, 80, 82)
_HEAVY_4 = (84, 85, 86, 89, 90, 91, 94, 95, 98, 99, 100, 103, 104, 105, 109, 110)
EMPLOYER_HEAVY = frozenset(f"blind{n}" for n in (*_HEAVY_3, *_HEAVY_4))
KINDS = (
    "interview_invite",
    "rejection",
    "offer",
    "employer_reply",
    "auto_reply",
    "bounce",
    "application_ack",
    "other",
)
# Runs inside the old commit's code: read each labelled file, print kind and fields as JSON.
_READER = """
import json, sys
from pathlib import Path
from followup.mail.reading import read_mail
out = {}
for folder in sys.argv[1:]:
    labels = json.loads((Path(folder) / "labels.json").read_text(encoding="utf-8"))
    for name, label in labels.items():
        r = read_mail((Path(folder) / name).read_bytes())
        out[f"{Path(folder).name}/{name}"] = {
            "kind": r.kind.value, "want": label["kind"],
            "interview_at": [r.interview_at.isoformat() if r.interview_at else None,
                             label.get("interview_at")],
            "respond_by": [r.respond_by.isoformat() if r.respond_by else None,
                           label.get("respond_by")],
        }
print(json.dumps(out))
"""


def _read_at(commit: str, sets: tuple[str, ...]) -> dict[str, dict[str, object]]:
    """The readings of ``sets`` by the code of ``commit`` (sets always come from HEAD)."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), commit],
            check=True,
            capture_output=True,
        )
        try:
            env = {**os.environ, "PYTHONPATH": str(tree / "src")}
            folders = [str(CASES / name) for name in sets]
            done = subprocess.run(
                [sys.executable, "-c", _READER, *folders],
                check=True,
                capture_output=True,
                text=True,
                env=env,
            )
            readings: dict[str, dict[str, object]] = json.loads(done.stdout)
            return readings
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                check=False,
                capture_output=True,
            )


def _same_instant(got: object, want: object) -> bool:
    if got is None or want is None:
        return got is None and want is None
    return datetime.fromisoformat(str(got)) == datetime.fromisoformat(str(want))


def report(readings: dict[str, dict[str, object]], title: str) -> None:
    """Per-kind P/R/F1 and macro-F1 of ``readings`` ({key: {"kind", "want", fields...}}), and
    the two date fields where the readings carry them."""
    print(f"\n{title}: {len(readings)} messages")
    f1s = []
    for kind in KINDS:
        tp = sum(1 for r in readings.values() if r["kind"] == kind and r["want"] == kind)
        fp = sum(1 for r in readings.values() if r["kind"] == kind and r["want"] != kind)
        fn = sum(1 for r in readings.values() if r["kind"] != kind and r["want"] == kind)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        print(f"  {kind:17} P {precision:.3f}  R {recall:.3f} ({tp}/{tp + fn})  F1 {f1:.3f}")
    print(f"  macro-F1 {sum(f1s) / len(f1s):.3f} (target >= 0.93; recall target 0.97)")
    for field, target in (("interview_at", 0.90), ("respond_by", 0.85)):
        pairs = [r[field] for r in readings.values() if field in r]
        if not pairs:
            continue
        considered = [p for p in pairs if isinstance(p, list) and (p[0] or p[1])]
        good = sum(1 for p in considered if _same_instant(p[0], p[1]))
        share = good / len(considered) if considered else 1.0
        print(f"  {field:13} {good}/{len(considered)} = {share:.3f} (target >= {target})")


def main() -> None:
    if not (ROOT / ".git").exists():
        print("needs the git history of the repository (run it in a clone)")
        return
    everything: dict[str, dict[str, object]] = {}
    for commit, sets in FIRST_SIGHT.items():
        if not all((CASES / name / "labels.json").exists() for name in sets):
            continue
        try:
            readings = _read_at(commit, sets)
        except subprocess.CalledProcessError as exc:
            print(f"  {commit}: could not read ({exc.stderr.strip()[:200]})")
            continue
        everything.update(readings)
        report(readings, f"{', '.join(sets)} read by {commit}")
    report(everything, "all sets on first sight, pooled")
    for name, commits in (("session 3", SESSION_3), ("session 4, learned model", SESSION_4)):
        session = [s for commit in commits for s in FIRST_SIGHT.get(commit, ())]
        for label, chosen in (
            (f"{name}, usual mix", [s for s in session if s not in EMPLOYER_HEAVY]),
            (f"{name}, weighted to employer replies", [s for s in session if s in EMPLOYER_HEAVY]),
            (f"{name}, all", session),
        ):
            report(
                {k: v for k, v in everything.items() if k.split("/")[0] in chosen},
                f"{label} ({', '.join(chosen)}), pooled",
            )
    for rounds in (2, 1):
        last = [s for sets in list(FIRST_SIGHT.values())[-rounds:] for s in sets]
        which = "round" if rounds == 1 else f"{rounds} rounds"
        report(
            {k: v for k, v in everything.items() if k.split("/")[0] in last},
            f"the last {which} ({', '.join(last)}), pooled",
        )


if __name__ == "__main__":
    main()
