"""``SESSION_DIR/session.db``: an append-only event table shared by agent, proxy and driver.

Events are validated once, when they are appended (:mod:`dynscan.store.door`): an invalid one is
stored as an ``invalid_event`` with the reason, so reading a store never stops on a bad event.

SQLite in WAL mode lets several processes append while one reads. ``append`` commits before it
returns, with ``synchronous=FULL``, so an acknowledged event survives a crash of the writer.
Writers wait for each other (SQLite's busy timeout, then a few retries), so "database is locked"
only surfaces, as an :class:`InputError` naming the file, when another process keeps the database
locked for longer than the timeout (``DYNSCAN_DB_TIMEOUT`` seconds, default 30).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import orjson
from pydantic import ValidationError

from dynscan.errors import InputError
from dynscan.events.fastparse import describe_error, json_to_event
from dynscan.events.model import BaseEvent, Event
from dynscan.store.door import admit

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
_CHUNK = 500  # ids per ``IN (...)`` query, below SQLite's variable limit
_T = TypeVar("_T")


def db_timeout() -> float:
    """Seconds to wait for a lock held by another connection (``DYNSCAN_DB_TIMEOUT``)."""
    try:
        return max(0.0, float(os.environ.get("DYNSCAN_DB_TIMEOUT", "30")))
    except ValueError:
        return 30.0


def _is_locked(e: sqlite3.Error) -> bool:
    return isinstance(e, sqlite3.OperationalError) and ("locked" in str(e) or "busy" in str(e))


class SessionStore:
    """Thread-safe appender and reader of one session's events."""

    def __init__(self, path: Path, *, create: bool = True, timeout: float | None = None,
                 readonly: bool = False) -> None:
        self.path = path
        self.timeout = db_timeout() if timeout is None else timeout
        if (not create or readonly) and not path.is_file():
            raise InputError(f"{path}: no session database")
        if readonly and path.stat().st_size == 0:
            raise InputError(f"{path}: an empty file, not a dynscan session database")
        self._lock = threading.RLock()
        try:
            target = f"{path.resolve().as_uri()}?mode=ro" if readonly else str(path)
            self._db = sqlite3.connect(target, timeout=self.timeout, check_same_thread=False,
                                       isolation_level=None, uri=readonly)
        except sqlite3.Error as e:
            raise InputError(f"{path}: cannot open the session database ({e})") from e
        try:
            self._retry(self._check if readonly else self._setup)
        except InputError:
            self._db.close()
            raise

    def _check(self) -> None:
        """A read-only open: the file must already be a dynscan session database; nothing is written."""
        tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "events" not in tables:
            raise InputError(f"{self.path}: not a dynscan session database (no events table)")
        columns = {r[1] for r in self._db.execute("PRAGMA table_info(events)")}
        if not {"seq", "id", "ts", "kind", "body"} <= columns:
            raise InputError(f"{self.path}: not a dynscan session database (the events table has other columns)")

    def _setup(self) -> None:
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)

    def _retry(self, op: Callable[[], _T], what: str = "not a usable session database") -> _T:
        """Run ``op``; on "database is locked" retry until the timeout has passed."""
        deadline = time.monotonic() + self.timeout
        delay = 0.01
        while True:
            try:
                return op()
            except sqlite3.Error as e:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if _is_locked(e) and time.monotonic() < deadline:
                    time.sleep(delay)
                    delay = min(delay * 2, 0.2)
                    continue
                if _is_locked(e):
                    raise InputError(f"{self.path}: the session database is locked by another "
                                     f"process (waited {self.timeout:g} s)") from e
                raise InputError(f"{self.path}: {what} ({e})") from e

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def append(self, event: BaseEvent | dict[str, Any]) -> str:
        """Append one event durably; returns its id (one is assigned when missing)."""
        return self.append_many([event])[0]

    def append_many(self, events: Iterable[BaseEvent | dict[str, Any]]) -> list[str]:
        """Append events in one transaction: all of them or none. Each is validated here
        (:func:`dynscan.store.door.admit`); an invalid one is stored as an ``invalid_event``."""
        rows = [admit(e) for e in events]

        def write() -> None:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany("INSERT INTO events(id, ts, kind, body) VALUES (?,?,?,?)", rows)
                self._db.execute("COMMIT")
            except (KeyboardInterrupt, SystemExit):  # Ctrl-C or SIGTERM mid-write: never leave the
                if self._db.in_transaction:          # write lock held by an open transaction
                    self._db.execute("ROLLBACK")
                raise

        with self._lock:
            self._retry(write, "cannot write events")
        return [r[0] for r in rows]

    def _query(self, sql: str, params: Iterable[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """Rows of a read query, with lock waits and database errors turned into InputError."""
        args = tuple(params)
        with self._lock:
            cur = self._retry(lambda: self._db.execute(sql, args))
        try:
            yield from cur
        except sqlite3.Error as e:
            raise InputError(f"{self.path}: cannot read the session database ({e})") from e

    def iter_bodies(self) -> Iterator[bytes]:
        """Every event's stored JSON, in time order (ties in append order)."""
        for (body,) in self._query("SELECT body FROM events ORDER BY ts, seq"):
            yield bytes(body)

    def iter_raw(self) -> Iterator[dict[str, Any]]:
        """Every event as a dict, in time order (ties in append order)."""
        for body in self.iter_bodies():
            yield orjson.loads(body)

    def iter_events(self) -> Iterator[Event]:
        """Every event as a model object, in time order; an invalid stored event is an InputError."""
        for kind, body in self._query("SELECT kind, body FROM events ORDER BY ts, seq"):
            try:
                yield json_to_event(kind, body)
            except ValidationError as e:
                data = orjson.loads(body)
                raise InputError(f"{self.path}: event {data.get('id')!r}: {describe_error(data, e)}") from e

    def get_many(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The events with these ids (missing ids are left out), as dicts keyed by id."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, dict[str, Any]] = {}
        for i in range(0, len(wanted), _CHUNK):
            chunk = wanted[i:i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for event_id, body in self._query(f"SELECT id, body FROM events WHERE id IN ({marks})", chunk):
                found[event_id] = orjson.loads(body)
        return found

    def time_span(self) -> tuple[float | None, float | None]:
        """The first and last ``ts`` (``None`` for an empty store)."""
        first, last = next(self._query("SELECT min(ts), max(ts) FROM events"))
        return first, last

    def count(self) -> int:
        return int(next(self._query("SELECT count(*) FROM events"))[0])

    def count_out_of_order(self) -> int:
        """Events appended after an event with a later ``ts`` (the store reads them sorted)."""
        stored, upto = self.get_meta("out_of_order"), self.get_meta("imported_seq")
        last = next(self._query("SELECT max(seq) FROM events"))[0]
        if stored is not None and upto is not None and str(last) == upto:
            return int(stored)
        sql = ("SELECT count(*) FROM (SELECT ts < max(ts) OVER (ORDER BY seq ROWS BETWEEN UNBOUNDED "
               "PRECEDING AND 1 PRECEDING) AS late FROM events) WHERE late")
        return int(next(self._query(sql))[0])

    def set_meta(self, key: str, value: str) -> None:
        with self._lock:
            self._retry(lambda: self._db.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value)))

    def get_meta(self, key: str) -> str | None:
        row = next(self._query("SELECT value FROM meta WHERE key = ?", (key,)), None)
        return None if row is None else str(row[0])


def open_store(session_dir: str | Path, *, create: bool = True, timeout: float | None = None,
               readonly: bool = False) -> SessionStore:
    """Open (or create) the store of a session directory; ``readonly``: an existing one, never written."""
    d = Path(session_dir)
    if create and not readonly:
        try:
            d.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise InputError(f"{d}: cannot create the session directory ({e.strerror})") from e
    elif not d.is_dir():
        raise InputError(f"{d}: not a session directory")
    return SessionStore(d / DB_NAME, create=create, timeout=timeout, readonly=readonly)
