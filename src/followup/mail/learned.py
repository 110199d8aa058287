"""The learned kind reader: a linear support-vector classifier over words, pairs and word starts.

Why a second, stronger model. The phrase rules and the naive Bayes second opinion were tuned,
round after round, on mail from independent writers, and every new round still found
employer replies in wordings they lacked. A discriminative linear model, trained on every
labelled mail we have (the packaged examples and all tuned case sets, about 8,000 mails from
about 100 writers), weighs each word against every other instead of counting it once per kind,
and in leave-one-round-out tests it read the unseen rounds far better than the rules did
(docs/classifier.md has the figures).

It stays explainable: a verdict names the words that pushed it most towards its kind and away
from the runner-up. It runs on the CPU with no network: scikit-learn fits it (about 5 s),
``make`` does so once, and the weights are cached under the user cache folder, keyed by a hash
of the training data, so every later process only loads them.
"""

from __future__ import annotations

import hashlib
import io
import logging
import math
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt
import platformdirs

from followup.mail.bayes import CASE_FILE_PREFIX, features, packaged_examples
from followup.mail.model import MailKind

log = logging.getLogger(__name__)

VERSION = "1"
"""Bump when features or training change, so old cached weights are not reused."""
_C = 0.5
"""Regularisation of the support-vector fit; 0.1 to 1 scored the same in cross-validation."""
_KINDS = tuple(MailKind)


@dataclass(frozen=True, slots=True)
class Judgement:
    """The model's kind, how far it leads the runner-up, and the words that weighed most."""

    kind: MailKind
    runner_up: MailKind
    margin: float
    """Decision score of ``kind`` minus that of ``runner_up``: above 1 is a clear lead."""
    words: tuple[str, ...]

    @property
    def confidence(self) -> float:
        """A monotone squashing of the margin into 0.5..0.99 (not a calibrated probability)."""
        return round(min(0.99, 1.0 / (1.0 + math.exp(-2.0 * self.margin))), 2)

    def reason(self) -> str:
        shown = ", ".join(f"'{w}'" for w in self.words)
        return (
            f"learned model: {self.kind.value}, margin {self.margin:.2f} over "
            f"{self.runner_up.value} ({shown})"
        )


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Per-feature weight rows (features x kinds) and per-kind intercepts."""

    names: tuple[str, ...]
    """Feature names in row order."""
    index: dict[str, int]
    weights: npt.NDArray[np.float32]
    intercept: npt.NDArray[np.float32]

    def judge(self, text: str) -> Judgement | None:
        """The kind ``text`` reads as; None when no word of it was ever seen in training."""
        rows = [i for i in map(self.index.get, features(text)) if i is not None]
        if not rows:
            return None
        scores = self.weights[rows].sum(axis=0) + self.intercept
        order = np.argsort(-scores, kind="stable")
        best, runner = int(order[0]), int(order[1])
        pull = self.weights[rows, best] - self.weights[rows, runner]
        top = np.argsort(-pull, kind="stable")[:4]
        words = tuple(self.names[rows[i]] for i in top if pull[i] > 0)
        margin = float(scores[best] - scores[runner])
        return Judgement(_KINDS[best], _KINDS[runner], margin, words)


def case_examples() -> list[tuple[MailKind, str]]:
    """The packaged exports of tuned case sets (``cases_*.json``), in name order."""
    return packaged_examples(lambda name: name.startswith(CASE_FILE_PREFIX))


def all_examples() -> list[tuple[MailKind, str]]:
    """Every packaged example: written examples, wording families and tuned case sets."""
    return packaged_examples(lambda name: True)


def train(examples: list[tuple[MailKind, str]]) -> LinearModel:
    """Fit the classifier on ``examples``; deterministic for the same examples."""
    # only fitting needs these (imported here so that loading the weights stays light)
    from scipy.sparse import csr_matrix
    from sklearn.svm import LinearSVC

    index: dict[str, int] = {}
    indices: list[int] = []
    indptr = [0]
    labels: list[int] = []
    for kind, text in sorted(examples, key=lambda e: (e[0].value, e[1])):
        for feature in sorted(features(text)):
            indices.append(index.setdefault(feature, len(index)))
        indptr.append(len(indices))
        labels.append(_KINDS.index(kind))
    matrix = csr_matrix(
        (np.ones(len(indices), dtype=np.float64), np.array(indices, dtype=np.int32), indptr),
        shape=(len(labels), len(index)),
    )
    fit = LinearSVC(C=_C, random_state=0).fit(matrix, labels)
    weights = np.zeros((len(index), len(_KINDS)), dtype=np.float32)
    intercept = np.full(len(_KINDS), -1e3, dtype=np.float32)  # kinds never seen lose
    for column, label in enumerate(fit.classes_):
        weights[:, label] = fit.coef_[column]
        intercept[label] = fit.intercept_[column]
    return LinearModel(tuple(index), index, weights, intercept)


def _digest() -> str:
    sha = hashlib.sha256(VERSION.encode())
    folder = resources.files("followup.mail.data")
    for file in sorted(folder.iterdir(), key=lambda f: f.name):
        if file.name.endswith(".json"):
            sha.update(file.name.encode())
            sha.update(file.read_bytes())
    return sha.hexdigest()[:16]


def cache_path() -> Path:
    """Where the fitted weights for the current training data live."""
    return Path(platformdirs.user_cache_dir("followup")) / f"kind-model-{_digest()}.npz"


def _save(model: LinearModel, path: Path) -> None:
    buffer = io.BytesIO()
    names = np.array("\n".join(model.names))
    np.savez_compressed(buffer, names=names, weights=model.weights, intercept=model.intercept)
    path.parent.mkdir(parents=True, exist_ok=True)
    # write then rename: a reader never sees half a file, and two writers race harmlessly
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        out.write(buffer.getvalue())
    os.replace(temporary, path)


def _load(path: Path) -> LinearModel:
    with np.load(path) as saved:
        names = str(saved["names"]).split("\n")
        weights = saved["weights"].astype(np.float32)
        intercept = saved["intercept"].astype(np.float32)
    if len(names) != weights.shape[0] or weights.shape[1] != len(_KINDS):
        raise ValueError("cached weights do not match their feature list")
    index = {name: row for row, name in enumerate(names)}
    return LinearModel(tuple(names), index, weights, intercept)


@cache
def kind_model() -> LinearModel:
    """The fitted model: loaded from the cache, or fitted now and cached for next time."""
    path = cache_path()
    try:
        return _load(path)
    except (OSError, ValueError, KeyError) as error:
        if path.exists():
            log.warning("refitting the kind model: cached weights unreadable (%s)", error)
    model = train(all_examples())
    try:
        _save(model, path)
    except OSError as error:  # a read-only home still classifies, it just fits every time
        log.warning("could not cache the kind model at %s: %s", path, error)
    return model


def main() -> None:
    """Fit and cache the model unless the cache is current (``make model`` runs this)."""
    path = cache_path()
    if path.exists():
        print(f"kind model up to date: {path}")
        return
    model = kind_model()
    print(f"fitted the kind model on {len(all_examples())} examples: {path}")
    print(f"{len(model.index)} features, {len(_KINDS)} kinds")


if __name__ == "__main__":
    main()
