"""The user's reading rules from `followup correct`, kept in the store between runs.

A correction does two things: it fixes the one message at once (the store's per-message
``Correction``, consulted whenever that message is read again) and it becomes a rule keyed by
sender and subject (the mail package's ``Corrections``), so the next mail of the same template
is read right the first time. The rules live in the store's meta table as JSON records, so
deleting the database deletes them with everything else.
"""

from __future__ import annotations

import json

from followup.mail.corrections import Corrections
from followup.mail.model import MailKind
from followup.ports import Store

RULES_META_KEY = "mail_corrections"


def load_rules(store: Store) -> Corrections:
    """The saved rules; a damaged record is skipped, never fatal to a poll."""
    text = store.get_meta(RULES_META_KEY)
    if not text:
        return Corrections()
    try:
        records = json.loads(text)
    except json.JSONDecodeError:
        return Corrections()
    if not isinstance(records, list):
        return Corrections()
    return Corrections.from_records(r for r in records if isinstance(r, dict))


def remember_rule(store: Store, *, sender: str, subject: str, kind: MailKind) -> Corrections:
    """Add (or replace) the rule for this sender and subject, and save the set."""
    rules = load_rules(store).add(sender=sender, subject=subject, kind=kind)
    store.set_meta(RULES_META_KEY, json.dumps(rules.to_records()))
    return rules
