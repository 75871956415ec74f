"""``SESSION_DIR/session.db``: an append-only event table shared by agent, proxy and driver.

SQLite in WAL mode lets several processes append while one reads. ``append`` commits before it
returns, with ``synchronous=FULL``, so an acknowledged event survives a crash of the writer.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from dynscan.errors import InputError
from dynscan.events.model import BaseEvent

DB_NAME = "session.db"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    seq  INTEGER PRIMARY KEY,
    id   TEXT NOT NULL UNIQUE,
    ts   REAL NOT NULL,
    kind TEXT NOT NULL,
    body BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS events_ts ON events(ts, seq);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class SessionStore:
    """Thread-safe appender and reader of one session's events."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = path
        if not create and not path.exists():
            raise InputError(f"{path}: no session database")
        try:
            self._db = sqlite3.connect(path, timeout=30.0, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as e:
            raise InputError(f"{path}: cannot open the session database ({e})") from e
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def _row(event: BaseEvent | dict[str, Any]) -> tuple[str, float, str, bytes]:
        data = event.model_dump(mode="json", exclude_none=True) if isinstance(event, BaseEvent) else event
        if not data.get("id"):
            data = {**data, "id": uuid.uuid4().hex[:16]}
        return (str(data["id"]), float(data["ts"]), str(data["kind"]), orjson.dumps(data))

    def append(self, event: BaseEvent | dict[str, Any]) -> str:
        """Append one event durably; returns its id (one is assigned when missing)."""
        return self.append_many([event])[0]

    def append_many(self, events: Iterable[BaseEvent | dict[str, Any]]) -> list[str]:
        """Append events in one transaction: all of them or none."""
        rows = [self._row(e) for e in events]
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany("INSERT INTO events(id, ts, kind, body) VALUES (?,?,?,?)", rows)
                self._db.execute("COMMIT")
            except sqlite3.Error as e:
                self._db.execute("ROLLBACK") if self._db.in_transaction else None
                raise InputError(f"{self.path}: cannot write events ({e})") from e
        return [r[0] for r in rows]

    def iter_raw(self) -> Iterator[dict[str, Any]]:
        """Every event as a dict, in time order (ties in append order)."""
        try:
            cur = self._db.execute("SELECT body FROM events ORDER BY ts, seq")
            for (body,) in cur:
                yield orjson.loads(body)
        except sqlite3.DatabaseError as e:
            raise InputError(f"{self.path}: cannot read the session database ({e})") from e

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM events").fetchone()[0])

    def set_meta(self, key: str, value: str) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])


def open_store(session_dir: str | Path, *, create: bool = True) -> SessionStore:
    """Open (or create) the store of a session directory."""
    d = Path(session_dir)
    if create:
        d.mkdir(parents=True, exist_ok=True)
    elif not d.is_dir():
        raise InputError(f"{d}: not a session directory")
    return SessionStore(d / DB_NAME, create=create)
