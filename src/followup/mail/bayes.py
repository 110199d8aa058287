"""A small naive Bayes second opinion for the phrase rules, trained from data in the package.

Rules recognise the wordings they were written for; an independent writer uses others ("we've
landed on a different candidate"). A bag of words and word pairs, trained on our own labelled
examples, generalises across such rewordings. It stays explainable: its reason names the words
that pushed it most towards its verdict. Training is deterministic (sorted data, no
randomness), takes a few milliseconds and happens once per process at first use.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from followup.mail.model import MailKind

_WORD = re.compile(r"[^\W\d_]{2,}")
_ALPHA = 0.3
"""Additive smoothing: small, because the vocabulary is large and the examples short."""
_MAX_TOKENS = 400
"""The start of a message decides its kind; a cap keeps long mail cheap."""
_STEM = 5
"""Word starts of this length are features too: a crude stemmer that needs no language
("rejected"/"rejection", "candidatura"/"candidato", "abgesagt"/"absagen") and lifted the
model's accuracy on our never-trained case sets by about three points."""


def features(text: str) -> frozenset[str]:
    """Distinct lower-cased, accent-free words and adjacent word pairs of ``text``.

    Presence, not counts: a word repeated in a long mail says no more than once (binarised
    multinomial naive Bayes, the usual choice for short texts).
    """
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    words = _WORD.findall(plain)[:_MAX_TOKENS]
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(words)]
    stems = [f"{w[:_STEM]}~" for w in words if len(w) > _STEM]
    return frozenset(words) | frozenset(pairs) | frozenset(stems)


@dataclass(frozen=True, slots=True)
class Opinion:
    """The model's kind, its posterior probability and the words that weighed most."""

    kind: MailKind
    probability: float
    words: tuple[str, ...]

    def reason(self) -> str:
        shown = ", ".join(f"'{w}'" for w in self.words)
        return f"model: {self.kind.value} p={self.probability:.2f} ({shown})"


@dataclass(frozen=True, slots=True)
class NaiveBayes:
    """Per-kind log P(feature | kind) with a default for unseen features; uniform priors."""

    log_likelihood: dict[MailKind, dict[str, float]]
    unseen: dict[MailKind, float]
    common: frozenset[str]
    """Features in an eighth of all examples ("we", "your"): they vote but are not shown."""
    vocabulary: frozenset[str]
    """Every feature seen in training: the others carry no evidence."""

    @classmethod
    def train(cls, examples: list[tuple[MailKind, str]]) -> NaiveBayes:
        counts: dict[MailKind, dict[str, int]] = {}
        documents: dict[str, int] = {}
        for kind, text in sorted(examples, key=lambda e: (e[0].value, e[1])):
            bucket = counts.setdefault(kind, {})
            for feature in features(text):
                bucket[feature] = bucket.get(feature, 0) + 1
                documents[feature] = documents.get(feature, 0) + 1
        common = frozenset(f for f, n in documents.items() if n * 8 >= len(examples))
        vocabulary = set().union(*(c.keys() for c in counts.values())) if counts else set()
        log_likelihood: dict[MailKind, dict[str, float]] = {}
        unseen: dict[MailKind, float] = {}
        for kind, bucket in counts.items():
            total = sum(bucket.values()) + _ALPHA * (len(vocabulary) + 1)
            log_likelihood[kind] = {f: math.log((n + _ALPHA) / total) for f, n in bucket.items()}
            unseen[kind] = math.log(_ALPHA / total)
        return cls(log_likelihood, unseen, common, frozenset(vocabulary))

    def opinion(self, text: str) -> Opinion | None:
        """The most likely kind for ``text``; None when no feature was ever seen in training."""
        present = [f for f in features(text) if f in self.vocabulary]
        if not present:
            return None
        scores = {
            kind: sum(ll.get(f, self.unseen[kind]) for f in present)
            for kind, ll in self.log_likelihood.items()
        }
        ranked = sorted(scores, key=lambda k: (-scores[k], k.value))
        best = ranked[0]
        top = scores[best]
        probability = 1.0 / sum(math.exp(s - top) for s in scores.values())
        runner = ranked[1] if len(ranked) > 1 else best

        def pull(feature: str) -> float:
            ours = self.log_likelihood[best].get(feature, self.unseen[best])
            theirs = self.log_likelihood[runner].get(feature, self.unseen[runner])
            return ours - theirs

        shown = [f for f in present if f not in self.common]
        words = sorted(shown, key=lambda f: (-pull(f), f))[:4]
        return Opinion(best, probability, tuple(w for w in words if pull(w) > 0))


CASE_FILE_PREFIX = "cases_"
"""Packaged exports of the tuned case sets: only the learned model (learned.py) learns from
them; the phrase rules were tuned with this model as it is."""


def packaged_examples(wanted: Callable[[str], bool]) -> list[tuple[MailKind, str]]:
    """The examples of every ``*.json`` file of the data package whose name is ``wanted``,
    in name order, so new data needs no code change."""
    examples: list[tuple[MailKind, str]] = []
    folder = resources.files("followup.mail.data")
    for file in sorted(folder.iterdir(), key=lambda f: f.name):
        if not file.name.endswith(".json") or not wanted(file.name):
            continue
        data = json.loads(file.read_text(encoding="utf-8"))
        for kind_name, texts in sorted(data.items()):
            kind = MailKind(kind_name)
            examples.extend((kind, text) for text in texts)
    return examples


def training_examples() -> list[tuple[MailKind, str]]:
    """Every packaged example but the tuned case sets: exported training cases, wording
    families, written mail."""
    return packaged_examples(lambda name: not name.startswith(CASE_FILE_PREFIX))


@cache
def trained_model() -> NaiveBayes:
    """The model, trained once per process from the packaged data."""
    return NaiveBayes.train(training_examples())
