"""The end of a recording: learned values into identity.json, events.jsonl out of session.db."""

from __future__ import annotations

import json
from pathlib import Path

from dynscan.capture.finish import finish_session
from dynscan.identity import Identity
from dynscan.session_dir import SessionDir
from dynscan.store import open_store

IMEI = "356938035643809"


def _session(tmp_path: Path) -> SessionDir:
    sd = SessionDir(tmp_path / "s").create()
    Identity(imei=IMEI).save(sd.identity)
    with open_store(sd.root) as store:
        store.append_many([
            {"kind": "api_call", "ts": 3.0, "source": "agent", "api": "a.B.getImei", "category": "device_id",
             "data_type": "imei", "value": IMEI},  # already known: not learned twice
            {"kind": "api_call", "ts": 1.0, "source": "agent", "api": "a.B.getOaid", "category": "device_id",
             "data_type": "oaid", "value": "6c1e9b2f-0d6b-4f1e-9d1a-3f0e2a1b4c5d"},
            {"kind": "api_call", "ts": 2.0, "source": "agent", "api": "a.B.getSsid", "category": "network_info",
             "data_type": "ssid", "value": "\"office-wifi\""},
            {"kind": "api_call", "ts": 4.0, "source": "agent", "api": "a.B.isOn", "category": "network_info",
             "data_type": "ssid", "value": True},  # not a value worth searching for
            {"kind": "api_call", "ts": 5.0, "source": "agent", "api": "a.B.get", "category": "device_id",
             "data_type": "imsi", "value": ""},
            {"kind": "consent", "ts": 0.5, "source": "driver", "action": "policy_shown"},
        ])
    return sd


def test_learned_values_join_the_identity_and_the_timeline_is_exported(tmp_path: Path) -> None:
    sd = _session(tmp_path)
    said: list[str] = []
    finish_session(sd, said.append)
    identity = Identity.load(sd.identity)
    assert identity.imei == IMEI
    assert [(v.type, v.value) for v in identity.learned] == [
        ("oaid", "6c1e9b2f-0d6b-4f1e-9d1a-3f0e2a1b4c5d"), ("ssid", "\"office-wifi\"")]  # in time order
    lines = [json.loads(line) for line in sd.events_jsonl.read_text().splitlines()]
    assert [e["ts"] for e in lines] == [0.5, 1.0, 2.0, 3.0, 4.0, 5.0]
    assert all(e.get("id") for e in lines)
    assert said == ["6 events in events.jsonl; 2 values learned from the hooks added to identity.json"]

    finish_session(sd, said.append)  # again (an interrupted run finished twice): nothing new
    assert len(Identity.load(sd.identity).learned) == 2


def test_a_broken_identity_file_is_reported_not_raised(tmp_path: Path) -> None:
    sd = _session(tmp_path)
    sd.identity.write_text("{not json")
    said: list[str] = []
    finish_session(sd, said.append)
    assert said[0].startswith("warning: identity.json not updated with the learned values: ") and "JSON" in said[0]
    assert said[1] == "6 events in events.jsonl"  # the export does not depend on it
    assert sd.identity.read_text() == "{not json"  # left as it was


def test_no_database_means_nothing_to_finish(tmp_path: Path) -> None:
    sd = SessionDir(tmp_path / "empty").create()
    said: list[str] = []
    finish_session(sd, said.append)
    assert said == [] and not sd.events_jsonl.exists() and not sd.identity.exists()
