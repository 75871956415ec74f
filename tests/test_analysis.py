"""``dynscan.analysis``: store -> rules -> report, for both inputs."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import orjson
import pytest

from dynscan.analysis import analyze_store, load_identity, run_analysis
from dynscan.errors import InputError
from dynscan.findings import FailOn
from dynscan.rules.config import Config
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


def test_an_odd_event_after_a_long_run_is_counted_and_never_stops_the_analysis(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    odd = {"kind": "api_call", "ts": 11.5, "api": "x.Y.z", "category": "no-such-category", "source": "agent"}
    with open_store(tmp_path) as store:
        store.append_many([*EVENTS, odd])
    report = run_analysis(session=tmp_path, formats=["json"], out=tmp_path / "out")
    assert report.stats["invalid_events"] == 1 and report.stats["unknown_kinds"] == 0
    assert ("PRE_CONSENT_COLLECTION", "app") in {(f.rule, f.actor) for f in report.findings}
    assert json.loads((tmp_path / "out" / "report.json").read_text())["stats"]["invalid_events"] == 1
    assert "1 event failed validation when stored" in capsys.readouterr().err


def test_quiet_timeline_passes(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:  # the app read the IMEI only after consent: exercised, and clean
        store.append_many([EVENTS[0], EVENTS[2], {**EVENTS[1], "ts": 13.0}])
        report = analyze_store(store, Config()).report
    assert report.verdict == "pass" and report.findings == []


def test_a_timeline_with_nothing_from_the_app_is_incomplete_not_a_pass(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.append_many([EVENTS[0], EVENTS[2]])
        report = analyze_store(store, Config()).report
    assert report.verdict == "incomplete" and report.findings == []
    assert report.coverage is not None and report.coverage.incomplete == ["no event was recorded from the app"]


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


def _timeline() -> list[dict[str, Any]]:
    """Every road through the import: ids and none, a coerced (lax) line, an unknown kind, flows."""
    ev: list[dict[str, Any]] = [dict(EVENTS[0], first_party_domains=["example.com"])]
    for i in range(40):
        ts = 11.0 + i
        call: dict[str, Any] = {**EVENTS[1], "ts": ts, "id": f"c{i}", "stack": STACK}
        if i % 3 == 0:
            del call["id"]
        ev.append(call)
        ev.append({"kind": "flow", "ts": ts + 0.5, "method": "POST", "url": "https://t.example.net/x",
                   "host": "t.example.net", "scheme": "http", "pii": [
                       {"type": "imei", "encoding": "plain", "location": "body"}]})
        if i == 20:
            ev.append({"kind": "consent", "ts": ts + 0.7, "action": "policy_accepted", "id": "ok"})
    ev.append({"kind": "app_state", "ts": 60, "state": "background", "id": "int-ts"})  # an int where ts is a number
    ev.append({**EVENTS[1], "ts": 61.0, "id": "bg", "stack": STACK})
    ev.append({"kind": "frame_stats", "ts": 62.0, "fps": 60})
    return ev


def _two_pass(src: Path, into: Path, package: str | None = None) -> dict[str, Any]:
    from dynscan.store.importer import import_jsonl

    import_jsonl(src, into, warn=None)
    with open_store(into, create=False) as store:
        a = analyze_store(store, Config(), package=package)
    return {"report": a.report.model_dump(mode="json"), "evidence": a.evidence}


@pytest.mark.parametrize("shuffle", [False, True])
@pytest.mark.parametrize("package", [None, "com.other"])
def test_one_pass_gives_what_import_then_analyze_gives(tmp_path: Path, shuffle: bool,
                                                       package: str | None) -> None:
    from dynscan.analysis import import_and_analyze

    events = _timeline()
    if shuffle:  # out of time order: the rules must run again over the sorted store
        events[5], events[30] = events[30], events[5]
    src = tmp_path / "t.jsonl"
    src.write_bytes(b"".join(orjson.dumps(e) + b"\n" for e in events))
    expected = _two_pass(src, tmp_path / "two", package)
    store, a = import_and_analyze(src, tmp_path / "one", Config(), package=package)
    with store:
        assert {"report": a.report.model_dump(mode="json"), "evidence": a.evidence} == expected
        assert (a.report.stats["out_of_order"] > 0) == shuffle
        assert "#2" in a.evidence  # an id-less line's assigned id, as the store holds it
    assert (tmp_path / "one" / "session.db").read_bytes() == (tmp_path / "two" / "session.db").read_bytes()
    assert any(f.rule == "BACKGROUND_COLLECTION" for f in a.report.findings)  # the lax line counted


def test_one_pass_failure_leaves_no_database(tmp_path: Path) -> None:
    from dynscan.analysis import import_and_analyze

    src = tmp_path / "t.jsonl"
    src.write_bytes(b"".join(orjson.dumps(e) + b"\n" for e in _timeline()) + b'{"kind":"consent","ts":1}\n')
    with pytest.raises(InputError, match=r"t.jsonl:\d+: consent.action: Field required"):
        import_and_analyze(src, tmp_path / "s", Config())
    assert list((tmp_path / "s").iterdir()) == []
