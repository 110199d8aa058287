"""Export labelled .eml cases to the model's packaged training file.

The model must train where only the installed package exists (no tests/, no shared corpus),
so the text it learns from (subject and new text, exactly what it is asked about later) is
copied into ``data/train_cases.json``. Run after changing tests/mail/cases/train:
``python -m followup.mail.training_export tests/mail/cases/train``. Never point it at a
held-out or blind set.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from followup.mail.parse import parse_message

OUTPUT = Path(__file__).parent / "data" / "train_cases.json"


def export(folder: Path) -> dict[str, list[str]]:
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    by_kind: dict[str, list[str]] = {}
    for name in sorted(labels):
        mail = parse_message((folder / name).read_bytes())
        by_kind.setdefault(labels[name]["kind"], []).append(f"{mail.subject}\n{mail.new_text}")
    return dict(sorted(by_kind.items()))


def main() -> None:
    data = export(Path(sys.argv[1]))
    OUTPUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {sum(map(len, data.values()))} examples to {OUTPUT}")


if __name__ == "__main__":
    main()
