"""User corrections: "mail like this one is really of kind K", consulted before any rule.

A correction is keyed by the sender (full address, or a whole domain) and the normalised
subject, so a fix for one ATS template also fixes its next message in the same thread but not
unrelated mail from the same ATS. Records are plain dicts so the CLI can keep them in JSON.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from followup.mail.model import MailKind

_PREFIX = re.compile(
    r"^\s*(?:(?:re|aw|sv|antw|rif|odp|res|fwd?|wg|tr|rv|i)\s*(?:\[\d+\])?\s*:\s*)+", re.I
)


def normalise_subject(subject: str) -> str:
    """Lower-cased subject without reply/forward prefixes and with single spaces."""
    return re.sub(r"\s+", " ", _PREFIX.sub("", subject)).strip().lower()


@dataclass(frozen=True, slots=True)
class Correction:
    """One user example. ``sender`` is an address ("a@b.com") or a domain ("@b.com")."""

    sender: str
    subject: str
    kind: MailKind

    def matches(self, from_addr: str, subject: str) -> bool:
        sender = self.sender.lower()
        if sender.startswith("@"):
            if not from_addr.lower().endswith(sender):
                return False
        elif from_addr.lower() != sender:
            return False
        return not self.subject or normalise_subject(subject) == self.subject


@dataclass(frozen=True, slots=True)
class Corrections:
    """An ordered set of corrections; the most recently added one wins."""

    items: tuple[Correction, ...] = ()

    @classmethod
    def from_records(cls, records: Iterable[Mapping[str, str]]) -> Corrections:
        """Load from ``to_records`` output; unknown kinds are skipped, not fatal."""
        items: list[Correction] = []
        for record in records:
            try:
                kind = MailKind(str(record["kind"]))
            except (KeyError, ValueError):
                continue
            items.append(
                Correction(
                    sender=str(record.get("sender", "")).strip().lower(),
                    subject=normalise_subject(str(record.get("subject", ""))),
                    kind=kind,
                )
            )
        return cls(tuple(items))

    def to_records(self) -> list[dict[str, str]]:
        return [
            {"sender": c.sender, "subject": c.subject, "kind": c.kind.value} for c in self.items
        ]

    def add(self, *, sender: str, subject: str, kind: MailKind) -> Corrections:
        """A copy with one more correction (replacing any with the same sender and subject)."""
        new = Correction(sender.strip().lower(), normalise_subject(subject), kind)
        kept = tuple(c for c in self.items if (c.sender, c.subject) != (new.sender, new.subject))
        return Corrections((*kept, new))

    def lookup(self, from_addr: str, subject: str) -> Correction | None:
        for correction in reversed(self.items):
            if correction.matches(from_addr, subject):
                return correction
        return None
