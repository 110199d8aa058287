"""SQLite store: the one durable record of what followup has seen, decided and drafted.

Why stdlib ``sqlite3`` rather than SQLAlchemy Core: one local file, one writer, a dozen
small queries; SQLAlchemy would add a dependency and a layer for nothing today. The
PostgreSQL question is answered one level up: callers use the :class:`followup.ports.Store`
Protocol, so a multi-user store is a second implementation of it, not a rewrite of the
service or the CLI.

WAL lets `followup status` read while the watcher writes. Migrations are data: each runs
in the same transaction as its row in ``schema_migrations``, so a failed one leaves no trace
and a rerun applies each exactly once (as sqlite-utils does).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from followup.core.model import Application
from followup.errors import SchemaTooNew, StoreError
from followup.ports import (
    Correction,
    EventRecord,
    Note,
    OutboxEntry,
    OutboxState,
    ProcessedMessage,
)

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "initial schema",
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE applications (
            id TEXT PRIMARY KEY,
            company TEXT,
            state TEXT NOT NULL,
            data TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE messages (
            message_id TEXT PRIMARY KEY,
            thread_id TEXT NOT NULL,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            from_user INTEGER NOT NULL DEFAULT 0,
            company TEXT,
            subject TEXT NOT NULL DEFAULT '',
            sender TEXT NOT NULL DEFAULT '',
            reasons TEXT NOT NULL DEFAULT '[]',
            application_id TEXT
        );
        CREATE INDEX messages_by_app ON messages (application_id, at);
        CREATE TABLE events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            key TEXT NOT NULL UNIQUE,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            application_id TEXT,
            summary TEXT NOT NULL
        );
        CREATE INDEX events_by_app ON events (application_id, seq);
        CREATE TABLE outbox (
            intent_key TEXT PRIMARY KEY,
            application_id TEXT NOT NULL,
            step TEXT NOT NULL,
            thread_id TEXT,
            state TEXT NOT NULL,
            raw BLOB NOT NULL,
            content_hash TEXT NOT NULL,
            draft_id TEXT,
            draft_message_id TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX outbox_by_state ON outbox (state);
        CREATE INDEX outbox_by_message ON outbox (draft_message_id);
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            application_id TEXT,
            kind TEXT NOT NULL,
            text TEXT NOT NULL
        );
        CREATE TABLE corrections (
            message_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            company TEXT,
            at TEXT NOT NULL
        );
        CREATE TABLE labels (name TEXT PRIMARY KEY, label_id TEXT NOT NULL);
        CREATE TABLE thread_labels (thread_id TEXT PRIMARY KEY, role TEXT NOT NULL);
        CREATE TABLE effects (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL
        );
        """,
    ),
    (
        2,
        "notes keyed so a replayed effect notes once",
        """
        ALTER TABLE notes ADD COLUMN key TEXT;
        CREATE UNIQUE INDEX notes_by_key ON notes (key) WHERE key IS NOT NULL;
        """,
    ),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def _dt(value: str) -> datetime:
    return datetime.fromisoformat(value)


class SqliteStore:
    """The :class:`followup.ports.Store` on one SQLite file.

    One connection, guarded by a lock, so the watcher's jobs and a CLI command in the same
    process cannot interleave statements. Other processes are serialised by SQLite itself.
    """

    def __init__(
        self, path: Path | str, *, migrations: Iterable[tuple[int, str, str]] = MIGRATIONS
    ):
        self.path = Path(path) if str(path) != ":memory:" else None
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(
                str(path), isolation_level=None, check_same_thread=False, timeout=30.0
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the database {path}: {exc}") from exc
        self._db.row_factory = sqlite3.Row
        self._lock = threading.RLock()
        self._depth = 0
        self._db.execute("PRAGMA journal_mode=WAL")
        # NORMAL: in WAL mode every commit survives a crash of the process; only a power cut
        # can roll back the newest commits. The one commit that must survive that too (the
        # claim made before drafts.create, see claim_outbox) is written with FULL.
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self.migrate(tuple(migrations))

    # -- schema -----------------------------------------------------------------------------

    def migrate(self, migrations: tuple[tuple[int, str, str], ...]) -> list[int]:
        """Apply pending migrations, each in its own transaction with its record."""
        with self._lock:
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            applied = self.applied_migrations()
            known = {version for version, _, _ in migrations}
            if applied and max(applied) > max(known, default=0):
                raise SchemaTooNew(
                    f"database schema {max(applied)} is newer than this followup "
                    f"(knows up to {max(known, default=0)})"
                )
            done: list[int] = []
            for version, name, sql in sorted(migrations):
                if version in applied:
                    continue
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    for statement in _statements(sql):
                        self._db.execute(statement)
                    self._db.execute(
                        "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                        (version, name, _iso(datetime.now(UTC))),
                    )
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
                done.append(version)
            return done

    def applied_migrations(self) -> set[int]:
        """Read-only: versions recorded in ``schema_migrations``."""
        rows = self._db.execute("SELECT version FROM schema_migrations").fetchall()
        return {int(r[0]) for r in rows}

    # -- transactions -----------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together; nested calls join the outer transaction."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._db.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
            except BaseException:
                self._depth = 0
                self._db.execute("ROLLBACK")
                raise
            self._depth = 0
            self._db.execute("COMMIT")

    def _write(self, sql: str, params: Iterable[Any] = ()) -> sqlite3.Cursor:
        with self.transaction():
            return self._db.execute(sql, tuple(params))

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, tuple(params)).fetchall()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- cursor and meta --------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        rows = self._read("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def set_meta(self, key: str, value: str) -> None:
        self._write(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def get_cursor(self) -> str | None:
        return self.get_meta("history_id")

    def set_cursor(self, history_id: str) -> None:
        self.set_meta("history_id", history_id)

    # -- applications -----------------------------------------------------------------------

    def load_applications(self) -> list[Application]:
        rows = self._read("SELECT data FROM applications ORDER BY rowid")
        return [Application.from_dict(json.loads(r[0])) for r in rows]

    def applications_version(self) -> int:
        """Bumped by every save: lets a caller keep applications in memory between polls."""
        value = self.get_meta("applications_version")
        return int(value) if value else 0

    def save_applications(self, apps: Iterable[Application]) -> None:
        now = _iso(datetime.now(UTC))
        with self.transaction():
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES ('applications_version', '1') "
                "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
            )
            for app in apps:
                self._db.execute(
                    "INSERT INTO applications (id, company, state, data, updated_at) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                    "company = excluded.company, state = excluded.state, "
                    "data = excluded.data, updated_at = excluded.updated_at",
                    (
                        app.id,
                        app.company,
                        str(app.state),
                        json.dumps(app.to_dict(), sort_keys=True),
                        now,
                    ),
                )

    def get_application(self, app_id: str) -> Application | None:
        rows = self._read("SELECT data FROM applications WHERE id = ?", (app_id,))
        return Application.from_dict(json.loads(rows[0][0])) if rows else None

    def find_applications(self, text: str) -> list[Application]:
        """By exact id, id prefix, or a case-insensitive piece of the company name."""
        pattern = text.strip()
        rows = self._read(
            "SELECT data FROM applications WHERE id = ? OR id LIKE ? ESCAPE '\\' "
            "OR lower(company) LIKE ? ESCAPE '\\' ORDER BY id",
            (pattern, _like_prefix(pattern), "%" + _escape_like(pattern.lower()) + "%"),
        )
        return [Application.from_dict(json.loads(r[0])) for r in rows]

    # -- messages and events ----------------------------------------------------------------

    def seen_message_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(ids))
        seen: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._read(
                f"SELECT message_id FROM messages WHERE message_id IN ({marks})",  # noqa: S608
                chunk,
            )
            seen.update(str(r[0]) for r in rows)
        return seen

    def record_message(self, record: ProcessedMessage) -> None:
        self._write(
            "INSERT INTO messages (message_id, thread_id, at, kind, status, from_user, company, "
            "subject, sender, reasons, application_id) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(message_id) DO UPDATE SET kind = excluded.kind, "
            "status = excluded.status, application_id = excluded.application_id, "
            "reasons = excluded.reasons, company = excluded.company",
            (
                record.message_id,
                record.thread_id,
                _iso(record.at),
                record.kind,
                record.status,
                int(record.from_user),
                record.company,
                record.subject,
                record.sender,
                json.dumps(list(record.reasons)),
                record.application_id,
            ),
        )

    def get_message(self, message_id: str) -> ProcessedMessage | None:
        rows = self._read("SELECT * FROM messages WHERE message_id = ?", (message_id,))
        return _message(rows[0]) if rows else None

    def messages_for(self, application_id: str) -> list[ProcessedMessage]:
        rows = self._read(
            "SELECT * FROM messages WHERE application_id = ? ORDER BY at", (application_id,)
        )
        return [_message(r) for r in rows]

    def record_event(self, record: EventRecord) -> bool:
        """Append to the event log; False when this key was recorded before (idempotent)."""
        cursor = self._write(
            "INSERT OR IGNORE INTO events (key, at, kind, application_id, summary) "
            "VALUES (?, ?, ?, ?, ?)",
            (record.key, _iso(record.at), record.kind, record.application_id, record.summary),
        )
        return cursor.rowcount == 1

    def timeline(self, application_id: str) -> list[EventRecord]:
        rows = self._read(
            "SELECT * FROM events WHERE application_id = ? ORDER BY seq", (application_id,)
        )
        return [
            EventRecord(
                key=r["key"],
                at=_dt(r["at"]),
                kind=r["kind"],
                application_id=r["application_id"],
                summary=r["summary"],
                seq=int(r["seq"]),
            )
            for r in rows
        ]

    # -- outbox -----------------------------------------------------------------------------

    def put_outbox(self, entry: OutboxEntry) -> bool:
        """Store an intent; False (and no change) when the intent_key exists already."""
        now = _iso(entry.created_at or datetime.now(UTC))
        cursor = self._write(
            "INSERT OR IGNORE INTO outbox (intent_key, application_id, step, thread_id, state, "
            "raw, content_hash, draft_id, draft_message_id, created_at, updated_at, note) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                entry.intent_key,
                entry.application_id,
                entry.step,
                entry.thread_id,
                entry.state,
                entry.raw,
                entry.content_hash,
                entry.draft_id,
                entry.draft_message_id,
                now,
                now,
                entry.note,
            ),
        )
        return cursor.rowcount == 1

    _UNSET: Any = object()

    def update_outbox(
        self,
        intent_key: str,
        *,
        state: OutboxState,
        draft_id: str | None = _UNSET,
        draft_message_id: str | None = _UNSET,
        note: str | None = _UNSET,
        at: datetime,
    ) -> None:
        sets = ["state = ?", "updated_at = ?"]
        params: list[Any] = [state, _iso(at)]
        for column, value in (
            ("draft_id", draft_id),
            ("draft_message_id", draft_message_id),
            ("note", note),
        ):
            if value is not self._UNSET:
                sets.append(f"{column} = ?")
                params.append(value if value is not None or column != "note" else "")
        params.append(intent_key)
        self._write(
            f"UPDATE outbox SET {', '.join(sets)} WHERE intent_key = ?",  # noqa: S608
            params,
        )

    def claim_outbox(
        self,
        intent_key: str,
        *,
        expected: OutboxState,
        state: OutboxState,
        at: datetime,
        note: str = "",
    ) -> bool:
        """Compare-and-set the state: True only for the one caller that made the move.

        Two processes draining the same queue (the watcher and a CLI command) can then never
        both create the draft of one intent.
        """
        sql = (
            "UPDATE outbox SET state = ?, updated_at = ?, note = ? "
            "WHERE intent_key = ? AND state = ?"
        )
        params = (state, _iso(at), note, intent_key, expected)
        cursor = (
            self._durable_write(sql, params) if state == "creating" else self._write(sql, params)
        )
        return cursor.rowcount == 1

    def _durable_write(self, sql: str, params: Iterable[Any]) -> sqlite3.Cursor:
        """A write that must outlive a power cut, not only a crash: it comes right before a
        Gmail call that cannot be taken back. If it were rolled back after drafts.create
        went through, the next start would see the intent unclaimed and create a second
        draft. WAL frames are written in order, so this fsync also makes every earlier
        commit durable."""
        with self._lock:
            if self._depth:  # inside an outer transaction: its commit decides
                return self._db.execute(sql, tuple(params))
            self._db.execute("PRAGMA synchronous=FULL")
            try:
                return self._write(sql, params)
            finally:
                self._db.execute("PRAGMA synchronous=NORMAL")

    def get_outbox(self, intent_key: str) -> OutboxEntry | None:
        rows = self._read("SELECT * FROM outbox WHERE intent_key = ?", (intent_key,))
        return _outbox(rows[0]) if rows else None

    def outbox(self, *states: OutboxState) -> list[OutboxEntry]:
        if not states:
            return [_outbox(r) for r in self._read("SELECT * FROM outbox ORDER BY created_at")]
        marks = ",".join("?" * len(states))
        rows = self._read(
            f"SELECT * FROM outbox WHERE state IN ({marks}) ORDER BY created_at",  # noqa: S608
            states,
        )
        return [_outbox(r) for r in rows]

    def outbox_for_messages(
        self, message_ids: Iterable[str], *, state: OutboxState = "created"
    ) -> dict[str, OutboxEntry]:
        """Our drafts among these Gmail message ids (draft message id -> entry)."""
        wanted = list(dict.fromkeys(message_ids))
        found: dict[str, OutboxEntry] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._read(
                f"SELECT * FROM outbox WHERE state = ? AND draft_message_id IN ({marks})",  # noqa: S608
                [state, *chunk],
            )
            for row in rows:
                entry = _outbox(row)
                if entry.draft_message_id is not None:
                    found[entry.draft_message_id] = entry
        return found

    def outbox_for_drafts(self, draft_ids: Iterable[str]) -> dict[str, OutboxEntry]:
        """Our entries among these Gmail draft ids (draft id -> entry), in any state.

        Reads only the rows asked for: the simulator calls it whenever new drafts appear,
        and decoding the whole outbox each time grew with every draft ever made.
        """
        wanted = list(dict.fromkeys(draft_ids))
        found: dict[str, OutboxEntry] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._read(
                f"SELECT * FROM outbox WHERE draft_id IN ({marks})",  # noqa: S608
                chunk,
            )
            for row in rows:
                entry = _outbox(row)
                if entry.draft_id is not None:
                    found[entry.draft_id] = entry
        return found

    def outbox_by_draft_message(self, message_id: str) -> OutboxEntry | None:
        rows = self._read("SELECT * FROM outbox WHERE draft_message_id = ?", (message_id,))
        return _outbox(rows[0]) if rows else None

    # -- effect queue -----------------------------------------------------------------------

    def queue_effects(self, items: Iterable[tuple[str, str]]) -> None:
        """Queue (kind, JSON) effects; call inside the transaction that caused them."""
        with self.transaction():
            self._db.executemany("INSERT INTO effects (kind, payload) VALUES (?, ?)", list(items))

    def pending_effects(self) -> list[tuple[int, str, str]]:
        rows = self._read("SELECT id, kind, payload FROM effects ORDER BY id")
        return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]

    def effect_done(self, effect_id: int) -> None:
        self._write("DELETE FROM effects WHERE id = ?", (effect_id,))

    # -- notes, corrections, labels ---------------------------------------------------------

    def add_note(self, note: Note) -> None:
        self._write(
            "INSERT OR IGNORE INTO notes (at, application_id, kind, text, key) "
            "VALUES (?, ?, ?, ?, ?)",
            (_iso(note.at), note.application_id, note.kind, note.text, note.key),
        )

    def notes(self, application_id: str | None = None) -> list[Note]:
        if application_id is None:
            rows = self._read("SELECT * FROM notes ORDER BY id")
        else:
            rows = self._read(
                "SELECT * FROM notes WHERE application_id = ? ORDER BY id", (application_id,)
            )
        return [
            Note(
                at=_dt(r["at"]),
                application_id=r["application_id"],
                kind=r["kind"],
                text=r["text"],
                id=int(r["id"]),
                key=r["key"],
            )
            for r in rows
        ]

    def save_correction(self, correction: Correction) -> None:
        self._write(
            "INSERT INTO corrections (message_id, kind, company, at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(message_id) DO UPDATE SET kind = excluded.kind, "
            "company = excluded.company, at = excluded.at",
            (correction.message_id, correction.kind, correction.company, _iso(correction.at)),
        )

    def corrections(self) -> dict[str, Correction]:
        rows = self._read("SELECT * FROM corrections")
        return {
            r["message_id"]: Correction(
                message_id=r["message_id"], kind=r["kind"], at=_dt(r["at"]), company=r["company"]
            )
            for r in rows
        }

    def label_ids(self) -> dict[str, str]:
        return {str(r[0]): str(r[1]) for r in self._read("SELECT name, label_id FROM labels")}

    def thread_label(self, thread_id: str) -> str | None:
        rows = self._read("SELECT role FROM thread_labels WHERE thread_id = ?", (thread_id,))
        return str(rows[0][0]) if rows else None

    def set_thread_label(self, thread_id: str, role: str | None) -> None:
        if role is None:
            self._write("DELETE FROM thread_labels WHERE thread_id = ?", (thread_id,))
            return
        self._write(
            "INSERT INTO thread_labels VALUES (?, ?) "
            "ON CONFLICT(thread_id) DO UPDATE SET role = excluded.role",
            (thread_id, role),
        )

    def clear_thread_labels(self) -> None:
        self._write("DELETE FROM thread_labels")

    def set_label_ids(self, mapping: Mapping[str, str]) -> None:
        with self.transaction():
            self._db.execute("DELETE FROM labels")
            self._db.executemany("INSERT INTO labels VALUES (?, ?)", list(mapping.items()))


def _statements(sql: str) -> list[str]:
    return [s.strip() for s in sql.split(";") if s.strip()]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like_prefix(text: str) -> str:
    return _escape_like(text) + "%"


def _message(r: sqlite3.Row) -> ProcessedMessage:
    return ProcessedMessage(
        message_id=r["message_id"],
        thread_id=r["thread_id"],
        at=_dt(r["at"]),
        kind=r["kind"],
        status=cast(Any, r["status"]),
        from_user=bool(r["from_user"]),
        company=r["company"],
        subject=r["subject"],
        sender=r["sender"],
        reasons=tuple(json.loads(r["reasons"])),
        application_id=r["application_id"],
    )


def _outbox(r: sqlite3.Row) -> OutboxEntry:
    return OutboxEntry(
        intent_key=r["intent_key"],
        application_id=r["application_id"],
        step=r["step"],
        thread_id=r["thread_id"],
        state=cast(OutboxState, r["state"]),
        raw=bytes(r["raw"]),
        content_hash=r["content_hash"],
        draft_id=r["draft_id"],
        draft_message_id=r["draft_message_id"],
        created_at=_dt(r["created_at"]),
        updated_at=_dt(r["updated_at"]),
        note=r["note"],
    )
