"""``dynscan.analysis``: store -> rules -> report, for both inputs."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import orjson
import pytest

from dynscan.analysis import analyze_store, load_identity, run_analysis
from dynscan.config import Config
from dynscan.errors import InputError
from dynscan.findings import FailOn
from dynscan.store import open_store

STACK = ["android.telephony.TelephonyManager.getImei(Native Method)",
         "com.example.app.Main.onCreate(Main.java:3)"]
EVENTS: list[dict[str, Any]] = [
    {"kind": "session_start", "ts": 10.0, "package": "com.example.app", "id": "s"},
    {"kind": "api_call", "ts": 11.0, "id": "read", "api": "android.telephony.TelephonyManager.getImei",
     "category": "device_id", "data_type": "imei", "value": "861234567890123", "stack": STACK},
    {"kind": "consent", "ts": 12.0, "action": "policy_accepted"},
]


def test_analyze_store_reports_findings_evidence_and_stats(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.append_many(EVENTS)
        analysis = analyze_store(store, Config())
    report = analysis.report
    assert report.package == "com.example.app" and report.verdict == "fail"
    rules = {(f.rule, f.actor, f.data_type) for f in report.findings}
    assert ("PRE_CONSENT_COLLECTION", "app", "imei") in rules
    assert analysis.evidence["read"]["value"] == "861234567890123"
    assert report.exit_code(FailOn.high) == 1 and report.exit_code(FailOn.never) == 0
    assert report.stats["events"] == 3 and report.stats["duration_s"] == 2.0
    assert report.stats["findings_by_severity"]["critical"] == 1


def test_quiet_timeline_passes(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.append_many([EVENTS[0], EVENTS[2]])
        report = analyze_store(store, Config()).report
    assert report.verdict == "pass" and report.findings == []


def test_events_without_out_leave_no_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", None)
    src = tmp_path / "t.jsonl"
    src.write_bytes(b"\n".join(orjson.dumps(e) for e in EVENTS))
    sink = io.BytesIO()
    report = run_analysis(events=src, stdout=sink)
    assert json.loads(sink.getvalue())["verdict"] == report.verdict == "fail"
    assert list((tmp_path / "tmp").iterdir()) == []


def test_identity_redacts_and_show_values_reveals(tmp_path: Path) -> None:
    src = tmp_path / "t.jsonl"
    src.write_bytes(b"\n".join(orjson.dumps(e) for e in EVENTS))
    ident = tmp_path / "identity.json"
    ident.write_text('{"imei": "861234567890123", "learned": [{"type": "oaid", "value": "abcdef123456"}]}')
    assert load_identity(ident)["extra"] == {"oaid": "abcdef123456"}
    hidden, shown = io.BytesIO(), io.BytesIO()
    run_analysis(events=src, identity=ident, stdout=hidden)
    run_analysis(events=src, identity=ident, show_values=True, stdout=shown)
    assert b"861234567890123" not in hidden.getvalue()
    assert b"861234567890123" in shown.getvalue()


def test_unknown_format_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown report format 'pdf'"):
        run_analysis(events=tmp_path / "x.jsonl", formats=["pdf"])
