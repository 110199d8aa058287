"""Export labelled .eml cases to the models' packaged training files.

The models must train where only the installed package exists (no tests/, no shared corpus),
so the text they learn from (subject and new text, exactly what they are asked about later)
is copied into the data package:

- ``python -m followup.mail.training_export tests/mail/cases/train`` writes
  ``data/train_cases.json`` (both models learn from it);
- ``python -m followup.mail.training_export --tuned tests/mail/cases/blind2 ...`` writes
  ``data/cases_tuned.json`` (only the learned model does): the case sets that were already
  measured at first sight and tuned on.

Never export the held-out split, the shared corpus, or a set not yet measured at first sight.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from followup.mail.parse import parse_message

DATA = Path(__file__).parent / "data"
OUTPUT = DATA / "train_cases.json"
TUNED_OUTPUT = DATA / "cases_tuned.json"


def export(*folders: Path) -> dict[str, list[str]]:
    by_kind: dict[str, list[str]] = {}
    for folder in sorted(folders, key=lambda f: f.name):
        labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
        for name in sorted(labels):
            mail = parse_message((folder / name).read_bytes())
            text = f"{mail.subject}\n{mail.new_text}"
            by_kind.setdefault(labels[name]["kind"], []).append(text)
    return dict(sorted(by_kind.items()))


def main() -> None:
    arguments = sys.argv[1:]
    output = OUTPUT
    if arguments[:1] == ["--tuned"]:
        output, arguments = TUNED_OUTPUT, arguments[1:]
    data = export(*map(Path, arguments))
    output.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {sum(map(len, data.values()))} examples to {output}")


if __name__ == "__main__":
    main()
