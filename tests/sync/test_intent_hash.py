"""The outbox hashes a draft from the message object it uploads; that hash must equal the
fingerprint of the bytes, or every unedited draft would look edited (and be kept forever)."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from followup.adapters.outbox import fingerprint, intent_entry
from followup.core.draft import ComposedDraft
from followup.core.effects import CreateDraft
from followup.core.model import DraftStep

NOW = datetime(2026, 3, 6, 15, 0, tzinfo=UTC)

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)
line = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=90)
name = st.one_of(st.none(), line)
local = st.from_regex(r"[a-z][a-z0-9._-]{0,15}", fullmatch=True)


@settings(max_examples=150, deadline=None)
@given(subject=line, to_name=name, from_name=name, local=local, body=text, html=text)
def test_intent_hash_equals_the_fingerprint_of_the_uploaded_bytes(
    subject: str, to_name: str | None, from_name: str | None, local: str, body: str, html: str
) -> None:
    draft = ComposedDraft(
        to=f"{local}@acme.example",
        to_name=to_name,
        from_address="sam.rivera@example.net",
        from_name=from_name,
        subject=subject,
        in_reply_to="<m1@acme.example>",
        references=("<m0@acme.example>", "<m1@acme.example>"),
        text=body,
        html=html,
    )
    effect = CreateDraft(
        application_id="app-1",
        intent_key="app-1/r1/thank_you-1",
        step=DraftStep.THANK_YOU,
        thread_id="t1",
        draft=draft,
    )
    entry = intent_entry(effect, NOW)
    assert entry.raw is not None
    assert entry.raw == draft.to_bytes(effect.intent_key)
    assert entry.content_hash == fingerprint(entry.raw)
    # Gmail may hand the draft back with LF line ends: still the same draft.
    assert entry.content_hash == fingerprint(entry.raw.replace(b"\r\n", b"\n"))
