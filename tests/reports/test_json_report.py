"""The JSON report: CONTRACTS section 4, round-trips into Report, redacted by default."""

from __future__ import annotations

import json

from reports_factories import IMEI, make_input, make_report

from dynscan.findings import REPORT_SCHEMA, Report
from dynscan.reports import render


def test_round_trips_into_report() -> None:
    doc = json.loads(render("json", make_input()))
    assert doc["schema"] == REPORT_SCHEMA
    assert doc["verdict"] == "fail" and doc["package"] == "com.example.app"
    back = Report.model_validate(doc)
    original = make_report()
    assert [f.rule for f in back.findings] == [f.rule for f in original.findings]
    assert back.findings[1] == original.findings[1]  # no personal value: unchanged
    assert back.findings[0].message == "IMEI ‹imei:15…34› read before consent <script>alert(1)</script>"


def test_extra_fields() -> None:
    doc = json.loads(render("json", make_input()))
    assert doc["counts"] == {"critical": 1, "high": 2, "medium": 1, "low": 0, "info": 0}
    assert doc["redacted"] is True
    assert set(doc["evidence_events"]) == {"e2", "e3", "e6", "e9"}
    assert doc["evidence_events"]["e2"]["value"] == "‹imei:15…34›"
    assert all("title" in f and "actor_name" in f for f in doc["findings"])


def test_show_values() -> None:
    doc = json.loads(render("json", make_input(show_values=True)))
    assert doc["redacted"] is False
    assert doc["evidence_events"]["e2"]["value"] == IMEI
    assert IMEI in doc["findings"][0]["message"]


def test_empty_report_passes() -> None:
    data = make_input(report=Report(package="p", verdict="pass"))
    doc = json.loads(render("json", data))
    assert doc["findings"] == [] and doc["evidence_events"] == {}
