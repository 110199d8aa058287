"""The SQLite store: migrations, idempotent ingestion, the outbox, atomic transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.adapters.store import MIGRATIONS, SqliteStore
from followup.core.model import Application, State
from followup.errors import SchemaTooNew
from followup.ports import Correction, EventRecord, Note, OutboxEntry, ProcessedMessage

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteStore]:
    s = SqliteStore(tmp_path / "f.sqlite3")
    yield s
    s.close()


def _app(app_id: str = "app-1", company: str = "Northwind Robotics") -> Application:
    return Application(
        id=app_id, created_at=T0, company=company, role="Engineer", state=State.WAITING
    )


def _entry(key: str = "k1") -> OutboxEntry:
    return OutboxEntry(
        intent_key=key,
        application_id="app-1",
        step="thank_you",
        thread_id="t1",
        state="intended",
        raw=b"Subject: Re: x\r\n\r\nhello",
        content_hash="h",
        created_at=T0,
    )


def test_database_uses_wal_and_records_each_migration_once(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    SqliteStore(path).close()
    again = SqliteStore(path)
    assert again.applied_migrations() == {v for v, _, _ in MIGRATIONS}
    mode = again._db.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    again.close()


def test_failing_migration_rolls_back_and_leaves_no_record(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    bad = (*MIGRATIONS, (99, "broken", "CREATE TABLE extra (x INTEGER); SELECT * FROM nowhere"))
    with pytest.raises(sqlite3.OperationalError):
        SqliteStore(path, migrations=bad)
    store = SqliteStore(path)
    assert 99 not in store.applied_migrations()
    tables = {r[0] for r in store._db.execute("SELECT name FROM sqlite_master").fetchall()}
    assert "extra" not in tables
    store.close()


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    SqliteStore(path, migrations=(*MIGRATIONS, (999, "future", "CREATE TABLE f (x)"))).close()
    with pytest.raises(SchemaTooNew):
        SqliteStore(path)


def test_applications_round_trip_through_json(store: SqliteStore) -> None:
    app = _app()
    store.save_applications([app])
    assert store.load_applications() == [app]
    assert store.get_application("app-1") == app


def test_find_applications_by_id_prefix_or_company_piece(store: SqliteStore) -> None:
    store.save_applications([_app("app-abc"), _app("app-xyz", "Quillfeather")])
    assert [a.id for a in store.find_applications("app-a")] == ["app-abc"]
    assert [a.id for a in store.find_applications("quill")] == ["app-xyz"]
    assert store.find_applications("%") == []


def test_recording_an_event_twice_keeps_one_entry(store: SqliteStore) -> None:
    record = EventRecord(key="msg:1", at=T0, kind="mail", application_id="app-1", summary="s")
    assert store.record_event(record) is True
    assert store.record_event(record) is False
    assert len(store.timeline("app-1")) == 1


def test_seen_message_ids_reports_only_recorded_ones(store: SqliteStore) -> None:
    store.record_message(
        ProcessedMessage(message_id="m1", thread_id="t1", at=T0, kind="other", status="skipped")
    )
    assert store.seen_message_ids(["m1", "m2"]) == {"m1"}


def test_outbox_intent_is_stored_once_and_moves_through_states(store: SqliteStore) -> None:
    assert store.put_outbox(_entry()) is True
    assert store.put_outbox(_entry()) is False
    store.update_outbox("k1", state="created", draft_id="r1", draft_message_id="m9", at=T0)
    got = store.get_outbox("k1")
    assert got is not None
    assert (got.state, got.draft_id, got.draft_message_id) == ("created", "r1", "m9")
    assert store.outbox_by_draft_message("m9") == got
    assert store.outbox("intended") == []


def test_the_claim_before_drafts_create_is_fsynced_and_other_commits_are_not(
    store: SqliteStore,
) -> None:
    # A power cut must not roll back the claim made just before the Gmail call (a second
    # draft would follow); ordinary commits keep WAL's cheaper NORMAL mode.
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    store.put_outbox(_entry())
    assert store.claim_outbox("k1", expected="intended", state="creating", at=T0)
    claim = next(i for i, sql in enumerate(statements) if sql.startswith("UPDATE outbox"))
    assert statements[claim - 2 : claim] == ["PRAGMA synchronous=FULL", "BEGIN IMMEDIATE"]
    assert statements[claim + 1 : claim + 3] == ["COMMIT", "PRAGMA synchronous=NORMAL"]
    assert "PRAGMA synchronous=FULL" not in statements[: claim - 2]
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL again


def test_outbox_for_drafts_finds_only_the_draft_ids_asked_for(store: SqliteStore) -> None:
    for key, draft_id in [("k1", "r1"), ("k2", "r2"), ("k3", None)]:
        store.put_outbox(_entry(key))
        if draft_id:
            store.update_outbox(key, state="created", draft_id=draft_id, at=T0)
    found = store.outbox_for_drafts(["r2", "r404"])
    assert list(found) == ["r2"]
    assert found["r2"].intent_key == "k2"


def test_transaction_commits_cursor_and_events_together_or_not_at_all(
    store: SqliteStore,
) -> None:
    store.set_cursor("100")

    def poll_that_crashes() -> None:
        with store.transaction():
            store.set_cursor("200")
            store.record_event(
                EventRecord(key="msg:2", at=T0, kind="mail", application_id="a", summary="")
            )
            raise RuntimeError("crash")

    with pytest.raises(RuntimeError):
        poll_that_crashes()
    assert store.get_cursor() == "100"
    assert store.timeline("a") == []


def test_notes_corrections_and_label_ids_persist(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    s = SqliteStore(path)
    s.add_note(Note(at=T0, application_id="a", kind="flag", text="no human contact"))
    s.save_correction(Correction(message_id="m1", kind="rejection", at=T0))
    s.set_label_ids({"Follow-up/Ready": "Label_1"})
    s.close()
    s = SqliteStore(path)
    assert [n.text for n in s.notes("a")] == ["no human contact"]
    assert s.corrections()["m1"].kind == "rejection"
    assert s.label_ids() == {"Follow-up/Ready": "Label_1"}
    s.close()


def test_only_one_caller_can_claim_an_intent(store: SqliteStore) -> None:
    store.put_outbox(_entry())
    assert store.claim_outbox("k1", expected="intended", state="creating", at=T0) is True
    assert store.claim_outbox("k1", expected="intended", state="creating", at=T0) is False


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_when = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)


@settings(max_examples=40, deadline=None)
@given(
    message_id=_text.filter(bool),
    thread_id=_text,
    at=_when,
    kind=_text,
    reasons=st.tuples(_text, _text),
    subject=_text,
    from_user=st.booleans(),
)
def test_processed_messages_round_trip(
    tmp_path_factory: pytest.TempPathFactory,
    message_id: str,
    thread_id: str,
    at: datetime,
    kind: str,
    reasons: tuple[str, ...],
    subject: str,
    from_user: bool,
) -> None:
    store = SqliteStore(tmp_path_factory.mktemp("rt") / "f.sqlite3")
    record = ProcessedMessage(
        message_id=message_id,
        thread_id=thread_id,
        at=at,
        kind=kind,
        status="ingested",
        from_user=from_user,
        subject=subject,
        reasons=reasons,
    )
    store.record_message(record)
    assert store.get_message(message_id) == record
    store.close()


@settings(max_examples=40, deadline=None)
@given(key=_text.filter(bool), raw=st.binary(max_size=200), thread=st.none() | _text, at=_when)
def test_outbox_entries_round_trip(
    tmp_path_factory: pytest.TempPathFactory,
    key: str,
    raw: bytes,
    thread: str | None,
    at: datetime,
) -> None:
    store = SqliteStore(tmp_path_factory.mktemp("rt") / "f.sqlite3")
    entry = OutboxEntry(
        intent_key=key,
        application_id="a",
        step="check_in",
        thread_id=thread,
        state="intended",
        raw=raw,
        content_hash="h",
        created_at=at,
        updated_at=at,
    )
    store.put_outbox(entry)
    assert store.get_outbox(key) == entry
    store.close()


def test_every_save_of_applications_bumps_their_version(store: SqliteStore) -> None:
    assert store.applications_version() == 0
    store.save_applications([_app()])
    store.save_applications([_app()])
    assert store.applications_version() == 2


def test_a_keyed_note_is_recorded_once(store: SqliteStore) -> None:
    note = Note(at=T0, application_id="a", kind="flag", text="bounce", key="effect:7")
    store.add_note(note)
    store.add_note(note)
    store.add_note(Note(at=T0, application_id="a", kind="flag", text="unkeyed"))
    store.add_note(Note(at=T0, application_id="a", kind="flag", text="unkeyed"))
    assert [n.text for n in store.notes("a")] == ["bounce", "unkeyed", "unkeyed"]
