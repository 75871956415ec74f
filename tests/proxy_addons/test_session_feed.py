"""The worker's read side of the store: learned values, and a poll whose cost does not grow with the flows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dynscan.proxy_addons.session_feed import SessionFeed
from dynscan.store import SessionStore, open_store

IMSI = "460001357924680"


def _flow(i: int) -> dict[str, Any]:
    return {"kind": "flow", "ts": float(i), "source": "proxy", "method": "GET", "url": f"http://h.example/{i}",
            "host": "h.example", "scheme": "http", "pii": [], "party": "third", "attribution": "unknown"}


def _imsi(value: str = IMSI) -> dict[str, Any]:
    return {"kind": "api_call", "ts": 1.0, "source": "agent", "api": "x.TelephonyManager.getSubscriberId",
            "category": "device_id", "data_type": "imsi", "value": value}


def _steps(feed: SessionFeed) -> int:
    """SQLite virtual-machine steps (in units of 100) one forced poll costs."""
    assert feed._db is not None
    n = [0]

    def count() -> int:
        n[0] += 1
        return 0

    feed._db.set_progress_handler(count, 100)
    feed.poll(force=True)
    feed._db.set_progress_handler(None, 100)
    return n[0]


def _flows(store: SessionStore, start: int, n: int) -> None:
    store.append_many([_flow(i) for i in range(start, start + n)])


def test_learned_values_are_read_once(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        feed = SessionFeed(tmp_path)
        assert feed.poll(force=True) == []
        store.append(_imsi())
        _flows(store, 0, 5)
        assert feed.poll(force=True) == [("imsi", IMSI)]
        assert feed.poll(force=True) == []
        store.append(_imsi("460001357924681"))
        assert feed.poll() == []  # throttled without force
        assert feed.poll(force=True) == [("imsi", "460001357924681")]
        feed.close()


def test_a_poll_costs_the_same_after_many_flows(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        feed = SessionFeed(tmp_path)
        _flows(store, 0, 20)
        feed.poll(force=True)
        store.append(_imsi())
        early = _steps(feed)
        for start in range(20, 5000, 1000):  # flows only: no api_call moves the position forward
            _flows(store, start, 1000)
            feed.poll(force=True)
        store.append(_imsi("460001357924681"))
        late = _steps(feed)
        assert late <= early + 2, (early, late)  # not a scan of the 5,000 flow events stored since
        assert _steps(feed) == 0  # nothing committed since: one pragma, no query over the events
        assert feed.poll(force=True) == []
        feed.close()
