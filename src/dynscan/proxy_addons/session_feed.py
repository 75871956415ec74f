"""Read side of the session store for the proxy: learned values and the session's first event.

Polls ``session.db`` (throttled) for ``api_call`` events carrying ``data_type`` and ``value`` (values
the privacy hooks saw returned), ``session_start`` (package, first-party domains) and ``net_request``
(which code opened a connection to which host: the destination classifier's openers).

A poll costs one ``PRAGMA data_version`` when nothing was committed since the last one (the worker
polls before every flow), and otherwise reads only the rows appended since: the read position moves
to the newest row seen, matched or not, so a session of flows with no ``api_call`` is never
re-scanned (before this, each poll scanned every flow event stored so far).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import orjson

from dynscan.learning import learned_values
from dynscan.store.session import DB_NAME

POLL_SECONDS = 0.5
_ROWS = 10_000  # rows per poll at most; the rest on the next one


class SessionFeed:
    def __init__(self, session_dir: str | Path, interval: float = POLL_SECONDS) -> None:
        self.path = Path(session_dir) / DB_NAME
        self.interval = interval
        self._seq = 0
        self._version: int | None = None
        self._next = 0.0
        self._db: sqlite3.Connection | None = None
        self.session_start: dict[str, Any] | None = None
        self._openers: list[tuple[str, list[str]]] = []

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None and self.path.exists():
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=1.0,
                                       check_same_thread=False)
        return self._db

    def poll(self, force: bool = False) -> list[tuple[str, str]]:
        """New ``(data_type, value)`` pairs since the last poll (at most every ``interval`` s)."""
        now = time.monotonic()
        if not force and now < self._next:
            return []
        self._next = now + self.interval
        db = self._connect()
        if db is None:
            return []
        try:
            version = db.execute("PRAGMA data_version").fetchone()[0]
            if version == self._version:
                return []  # nothing committed by any other connection since the last poll
            top = db.execute("SELECT max(seq) FROM events").fetchone()[0] or 0
            rows = db.execute(
                "SELECT seq, body FROM events WHERE seq > ? AND seq <= ? "
                "AND kind IN ('api_call', 'session_start', 'net_request') ORDER BY seq LIMIT ?",
                (self._seq, top, _ROWS)).fetchall()
        except sqlite3.Error:
            return []
        # rows are committed in seq order (SQLite has one writer at a time): none below ``top`` can come later
        self._seq, self._version = (rows[-1][0], None) if len(rows) == _ROWS else (top, version)
        out: list[tuple[str, str]] = []
        for _seq, body in rows:
            try:
                ev = orjson.loads(body)
            except orjson.JSONDecodeError:
                continue
            kind = ev.get("kind")
            if kind == "session_start":
                self.session_start = ev
            elif kind == "net_request":
                host, stack = ev.get("host"), ev.get("stack")
                if isinstance(host, str) and isinstance(stack, list) and len(self._openers) < 10_000:
                    self._openers.append((host, [f for f in stack if isinstance(f, str)]))
            else:
                own = self.session_start.get("package") if self.session_start else None
                out.extend(learned_values(ev, own if isinstance(own, str) else None))
        return out

    def take_openers(self) -> list[tuple[str, list[str]]]:
        """``(host, stack)`` of the ``net_request`` events seen since the last call."""
        out, self._openers = self._openers, []
        return out

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
