"""The session store: bulk reads, time order, concurrent writers, locked and corrupt databases."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from dynscan.errors import InputError
from dynscan.events.model import ApiCall, Consent
from dynscan.store import open_store
from dynscan.store.session import SessionStore


def test_iter_events_in_time_order_with_models(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.append({"kind": "consent", "ts": 5.0, "action": "policy_accepted", "id": "late"})
        store.append(ApiCall(ts=1.0, api="a.B.c", category="sms", id="early"))
        store.append({"kind": "consent", "ts": 5.0, "action": "policy_shown", "id": "tie"})
        events = list(store.iter_events())
        assert [e.id for e in events] == ["early", "late", "tie"]
        assert isinstance(events[0], ApiCall) and isinstance(events[1], Consent)
        assert store.time_span() == (1.0, 5.0)
        assert store.count_out_of_order() == 1
        assert store.get_many(["tie", "early", "nope", "tie"]) == {
            "tie": {"kind": "consent", "ts": 5.0, "action": "policy_shown", "id": "tie"},
            "early": {"kind": "api_call", "ts": 1.0, "id": "early", "api": "a.B.c", "category": "sms"},
        }


def test_get_many_beyond_one_query(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        ids = store.append_many({"kind": "x", "ts": float(i)} for i in range(1300))
        assert len(store.get_many(ids)) == 1300


def test_an_invalid_event_is_stored_as_invalid_event_with_the_reason(tmp_path: Path) -> None:
    bad = {"kind": "api_call", "ts": 1.0, "api": "a", "category": "nope", "id": "bad", "source": "agent"}
    with open_store(tmp_path) as store:
        assert store.append(bad) == "bad"
        (ev,) = store.iter_events()
        (raw,) = store.iter_raw()
    assert ev.kind == "invalid_event" and ev.ts == 1.0 and ev.id == "bad" and ev.source == "agent"
    assert raw["reason"].startswith("api_call.category: Input should be") and raw["event"] == bad


def test_a_row_written_behind_the_stores_back_is_still_an_input_error_on_read(tmp_path: Path) -> None:
    import sqlite3

    open_store(tmp_path).close()
    with sqlite3.connect(tmp_path / "session.db") as db:
        db.execute("INSERT INTO events(id, ts, kind, body) VALUES ('bad', 1.0, 'api_call', ?)",
                   (b'{"kind":"api_call","ts":1.0,"api":"a","category":"nope","id":"bad"}',))
    with open_store(tmp_path) as store, pytest.raises(InputError, match=r"session.db: event 'bad': api_call.category"):
        list(store.iter_events())


def test_threads_append_at_once(tmp_path: Path) -> None:
    acked: list[str] = []
    lock = threading.Lock()

    def writer(n: int) -> None:
        with open_store(tmp_path) as store:
            for i in range(100):
                eid = store.append({"kind": "x", "ts": float(i), "w": n})
                with lock:
                    acked.append(eid)

    shared = open_store(tmp_path)
    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    threads += [threading.Thread(target=lambda: [shared.append({"kind": "y", "ts": 0.0}) for _ in range(100)])]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    shared.close()
    with open_store(tmp_path) as store:
        assert store.count() == 700
        assert len(store.get_many(acked)) == 600


_WRITER = """
import sys
from dynscan.store import open_store
store = open_store(sys.argv[1])
for i in range(int(sys.argv[2])):
    print(store.append({"kind": "x", "ts": float(i), "proc": sys.argv[3]}), flush=True)
"""


@pytest.mark.timeout(120)
def test_processes_append_at_once(tmp_path: Path) -> None:
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path), "150", str(n)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(4)]
    acked: list[str] = []
    try:
        for p in procs:
            out, err = p.communicate(timeout=100)
            assert p.returncode == 0, err
            assert "locked" not in err
            acked += out.split()
    finally:
        for p in procs:
            p.kill()
    assert len(acked) == 600
    with open_store(tmp_path) as store:
        assert len(store.get_many(acked)) == 600


_HOLDER = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA locking_mode=EXCLUSIVE")
db.execute("BEGIN EXCLUSIVE")
db.execute("INSERT INTO meta VALUES ('held', '1')")
print("locked", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def locked_session(tmp_path: Path):  # type: ignore[no-untyped-def]
    open_store(tmp_path).close()
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(tmp_path / "session.db")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        yield tmp_path
    finally:
        holder.kill()
        holder.wait(timeout=10)


@pytest.mark.timeout(60)
def test_locked_database_is_an_input_error_naming_the_file(locked_session: Path) -> None:
    start = time.monotonic()
    with pytest.raises(InputError) as err:
        SessionStore(locked_session / "session.db", create=False, timeout=0.3)
    assert str(err.value) == (f"{locked_session / 'session.db'}: the session database is locked by "
                              "another process (waited 0.3 s)")
    assert time.monotonic() - start < 10


@pytest.mark.timeout(60)
def test_lock_timeout_comes_from_the_environment(locked_session: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYNSCAN_DB_TIMEOUT", "0.2")
    with pytest.raises(InputError, match=r"locked by another process \(waited 0.2 s\)"):
        open_store(locked_session, create=False)


def test_corrupt_database_is_an_input_error_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "session.db").write_bytes(os.urandom(8192))
    with pytest.raises(InputError) as err:
        open_store(tmp_path, create=False)
    assert str(err.value).startswith(f"{tmp_path / 'session.db'}: not a usable session database (")
    assert "\n" not in str(err.value)


def test_missing_database_or_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no session database"):
        open_store(tmp_path, create=False)
    with pytest.raises(InputError, match="not a session directory"):
        open_store(tmp_path / "nope", create=False)


def test_damaged_pages_are_an_input_error_while_reading(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.append_many({"kind": "x", "ts": float(i), "pad": "y" * 300} for i in range(3000))
    db = tmp_path / "session.db"
    size = db.stat().st_size
    with open(db, "r+b") as f:
        f.seek(size // 4)
        f.write(os.urandom(size // 2))  # half the pages: table and index pages alike
    with pytest.raises(InputError, match=r"session.db: .*(malformed|not a database)"), \
            open_store(tmp_path, create=False) as store:
        list(store.iter_events())


@pytest.mark.parametrize(("event", "reason"), [
    ({"kind": "x"}, "ts: Field required"), ({"ts": 1.0}, "kind: Field required"),
    ({"kind": "x", "ts": "soon"}, "ts: Input should be a valid number"), ({"kind": "x", "ts": float("nan")}, "ts:"),
    ({"kind": "x", "ts": float("inf")}, "ts:"), ({"kind": "x", "ts": 1.0, "blob": b"\x00"}, "not JSON"),
    ({"kind": 5, "ts": 1.0}, "kind: Input should be a valid string"),
])
def test_an_event_without_kind_or_ts_is_kept_as_invalid(tmp_path: Path, event: dict[str, object], reason: str) -> None:
    with open_store(tmp_path) as store:
        store.append(event)
        (stored,) = store.iter_raw()
        assert [e.kind for e in store.iter_events()] == ["invalid_event"]
    assert stored["kind"] == "invalid_event" and stored["reason"].startswith(reason), stored
    assert isinstance(stored["ts"], float) and stored["event"].get("kind") == event.get("kind")


def test_an_interrupted_append_leaves_no_open_transaction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C between BEGIN and COMMIT used to keep the write lock: every later append failed."""
    store = open_store(tmp_path)
    real = store._db

    class Interrupting:
        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

        def executemany(self, *a: object) -> None:
            raise KeyboardInterrupt

    monkeypatch.setattr(store, "_db", Interrupting())
    with pytest.raises(KeyboardInterrupt):
        store.append({"kind": "app_launch", "ts": 1.0})
    monkeypatch.setattr(store, "_db", real)
    assert not real.in_transaction
    store.append({"kind": "app_launch", "ts": 2.0})
    assert store.count() == 1
    store.close()
