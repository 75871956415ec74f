"""Agent batches become CONTRACTS events on the host clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from dynscan.events.model import ApiCall, parse_event
from dynscan.instrument.clock import measure_offset
from dynscan.instrument.messages import Origin, parse_batch, to_timeline
from dynscan.instrument.models import AgentOptions
from dynscan.store import open_store


def _batch() -> dict:
    return {"type": "events", "dropped": 3, "events": [
        {"kind": "api_call", "ts_ms": 1_000_000.0, "thread": "main", "api": "a.B.c", "category": "device_id",
         "data_type": "imei", "value": "86", "seq": 1, "stack": ["app.Main.main(Main.java:3)"]},
        {"kind": "permission_check", "ts_ms": 1_000_500.0, "permission": "android.permission.CAMERA",
         "granted": False},
    ]}


def test_batch_to_timeline_on_host_clock() -> None:
    batch = parse_batch(_batch())
    assert batch is not None and batch.dropped == 3
    origin = Origin(pid=42, process="com.x", offset_s=2.5)
    rows = [to_timeline(e, origin) for e in batch.events]
    assert rows[0]["ts"] == pytest.approx(1000.0 + 2.5)
    assert rows[1]["ts"] == pytest.approx(1000.5 + 2.5)
    assert all(r["source"] == "agent" and r["pid"] == 42 and r["process"] == "com.x" for r in rows)
    assert "ts_ms" not in rows[0]
    ev = parse_event(rows[0])
    assert isinstance(ev, ApiCall) and ev.seq == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize("payload", [None, "x", {"type": "status"}, {"type": "events", "events": "nope"}])
def test_non_batches_are_ignored(payload: object) -> None:
    assert parse_batch(payload) is None


def test_rows_append_to_store(tmp_path: Path) -> None:
    batch = parse_batch(_batch())
    assert batch is not None
    with open_store(tmp_path) as store:
        store.append_many(to_timeline(e, Origin(pid=1, process="p")) for e in batch.events)
        assert [e["kind"] for e in store.iter_raw()] == ["api_call", "permission_check"]


def test_an_odd_event_is_kept_as_invalid_and_the_rest_of_its_batch_is_stored(tmp_path: Path) -> None:
    payload = _batch()
    payload["events"][1:1] = [{"kind": "x"}, {"kind": "api_call", "ts_ms": 1_000_100.0, "category": 7}, "junk"]
    batch = parse_batch(payload)
    assert batch is not None
    with open_store(tmp_path) as store:
        store.append_many(to_timeline(e, Origin(pid=1, process="p")) for e in batch.events)
        raw = list(store.iter_raw())
        events = list(store.iter_events())  # reading never stops on them
    assert sorted(e["kind"] for e in raw) == ["api_call", "invalid_event", "invalid_event", "invalid_event",
                                              "permission_check"]
    bad = {e["event"].get("kind"): e for e in raw if e["kind"] == "invalid_event"}
    assert bad["x"]["reason"].startswith("ts:") and bad["x"]["source"] == "agent"
    assert bad["api_call"]["reason"].startswith("api_call.")
    assert bad["api_call"]["ts"] == pytest.approx(1000.1)  # its own time, when it had one
    assert bad[None]["event"]["event"] == "junk"
    assert len(events) == 5


def test_clock_offset_picks_fastest_round_trip() -> None:
    import time

    calls = iter([0.02, 0.0, 0.03])

    def device_ms() -> float:
        time.sleep(next(calls))
        return (time.time() - 100.0) * 1000.0

    off = measure_offset(device_ms, samples=3)
    assert off.offset_s == pytest.approx(100.0, abs=0.01)
    assert off.rtt_s < 0.015


def test_agent_options_camel_case() -> None:
    opts = AgentOptions(package="com.x", consent_taps=["同意"]).to_agent()
    assert opts["package"] == "com.x" and opts["consentTaps"] == ["同意"] and opts["stackDepth"] == 16
    assert opts["learnedAck"] is True  # AgentSession answers learned-stored; others may turn it off
    assert AgentOptions(learned_ack=False).to_agent()["learnedAck"] is False
    # AgentSession answers exit batches as learned ones; ART deoptimization and the Frida-probe watch are on by default
    assert (opts["exitAckMs"], opts["detectProbes"], opts["deoptimizeBootImage"]) == (1000, True, True)
