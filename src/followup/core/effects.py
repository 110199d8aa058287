"""Outputs of the core: what the shell must do. Data only; the shell carries them out.

``intent_key`` is deterministic (application id, round, step, sequence), so a replay
yields the same keys and the outbox can create each draft exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass

from followup.core.draft import ComposedDraft
from followup.core.model import DraftStep, LabelRole

__all__ = [
    "ComposedDraft",
    "CreateDraft",
    "DiscardDraft",
    "Effect",
    "Flag",
    "LabelThreads",
]


@dataclass(frozen=True, slots=True)
class CreateDraft:
    """Create this draft in the user's mailbox (once per intent_key). Never send it."""

    intent_key: str
    application_id: str
    step: DraftStep
    thread_id: str | None
    draft: ComposedDraft


@dataclass(frozen=True, slots=True)
class DiscardDraft:
    """Delete our draft if the user has not edited it; report back with DraftOutcome if kept."""

    intent_key: str
    application_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class LabelThreads:
    """Put the label of this role on the threads (and remove the other followup labels)."""

    application_id: str
    thread_ids: tuple[str, ...]
    label: LabelRole


@dataclass(frozen=True, slots=True)
class Flag:
    """Tell the user something needs their eye: no human contact, a bounce, a kept draft."""

    application_id: str
    reason: str


Effect = CreateDraft | DiscardDraft | LabelThreads | Flag
