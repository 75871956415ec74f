"""Factories for the report tests: a session with hostile app data and known personal values."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dynscan.catalog import report_catalog
from dynscan.findings import Finding, Report, Severity
from dynscan.reports import ReportInput

XSS = "<script>alert(1)</script>"
IMEI = "861234567890134"
ANDROID_ID = "9774d56d682e549c"
EMAIL = "alice@example.org"
T0 = 1_780_000_000.0
IDENTITY: dict[str, Any] = {"imei": IMEI, "android_id": ANDROID_ID, "email": EMAIL, "latitude": 39.9042,
                            "extra": {"user_token": "tok-SECRET-777"}}


def make_events() -> list[dict[str, Any]]:
    """A small session: consent pending, an SDK reads the IMEI, a flow leaks it, consent given later."""
    return [
        {"kind": "session_start", "ts": T0, "id": "e0", "package": "com.example.app"},
        {"kind": "app_state", "ts": T0 + 1, "id": "e1", "state": "foreground"},
        {"kind": "api_call", "ts": T0 + 2, "id": "e2", "api": "android.telephony.TelephonyManager.getImei",
         "category": "device_id", "data_type": "imei", "value": IMEI, "args": [0],
         "stack": ["android.telephony.TelephonyManager.getImei(Native Method)",
                   f"com.umeng.commonsdk.Util.imei(Util.java:{XSS})",
                   "com.example.app.MainActivity.onCreate(MainActivity.java:42)"]},
        {"kind": "flow", "ts": T0 + 3, "id": "e3", "method": "POST", "scheme": "http", "host": "alog.umeng.com",
         "url": f"http://alog.umeng.com/app_logs?imei={IMEI}&x={XSS}&page=2", "sdk": "umeng-analytics",
         "pii": [{"type": "imei", "encoding": "plain", "location": "url"}],
         "headers": {"Content-Type": "text/plain", "X-Device": ANDROID_ID}},
        {"kind": "permission_request", "ts": T0 + 4, "id": "e4",
         "permissions": ["android.permission.READ_PHONE_STATE"]},
        {"kind": "permission_result", "ts": T0 + 5, "id": "e5", "permission": "android.permission.READ_PHONE_STATE",
         "granted": False},
        {"kind": "api_call", "ts": T0 + 6, "id": "e6", "api": "android.content.ClipboardManager.getPrimaryClip",
         "category": "clipboard", "data_type": "clipboard", "value": "=HYPERLINK(\"http://evil\")",
         "stack": ["android.content.ClipboardManager.getPrimaryClip(Native Method)",
                   "com.example.app.Paste.read(Paste.java:9)"]},
        {"kind": "consent", "ts": T0 + 7, "id": "e7", "action": "policy_accepted"},
        {"kind": "app_state", "ts": T0 + 8, "id": "e8", "state": "background", "cause": "driver"},
        {"kind": "api_call", "ts": T0 + 9, "id": "e9", "api": "android.location.LocationManager.getLastKnownLocation",
         "category": "location", "data_type": "location", "value": {"lat": 39.9042, "lon": 116.4074},
         "stack": [f"{XSS}.Evil.run(Evil.java:1)"]},
        {"kind": "app_state", "ts": T0 + 10, "id": "e10", "state": "foreground"},
    ]


def make_report() -> Report:
    return Report(
        package="com.example.app",
        verdict="fail",
        findings=[
            Finding(rule="PRE_CONSENT_COLLECTION", severity=Severity.critical, actor="sdk:umeng-analytics",
                    category="device_id", data_type="imei", count=1, first_ts=T0 + 2, last_ts=T0 + 2,
                    evidence=["e2"], message=f"IMEI {IMEI} read before consent {XSS}",
                    references=["https://example.org/gb-t-35273", "javascript:alert(1)"]),
            Finding(rule="CLEARTEXT_TRANSMISSION", severity=Severity.high, actor="sdk:umeng-analytics",
                    category="device_id", data_type="imei", count=1, first_ts=T0 + 3, last_ts=T0 + 3,
                    evidence=["e3", "missing-id"], message="IMEI sent over http"),
            Finding(rule="CLIPBOARD_READ", severity=Severity.medium, actor="app", category="clipboard",
                    data_type="clipboard", count=1, first_ts=T0 + 6, last_ts=T0 + 6, evidence=["e6"],
                    message="=cmd|' /C calc'!A0"),
            Finding(rule="BACKGROUND_COLLECTION", severity=Severity.high, actor=f"lib:{XSS}",
                    category="location", data_type="location", count=1, first_ts=T0 + 9, last_ts=T0 + 9,
                    evidence=["e9"], message="location read in background"),
        ],
        stats={"events": 11, "note": XSS},
    )


def make_input(events: list[dict[str, Any]] | None = None, **kwargs: Any) -> ReportInput:
    events = make_events() if events is None else events
    report = kwargs.pop("report", None) or make_report()
    wanted = {eid for f in report.findings for eid in f.evidence}
    evidence = {e["id"]: e for e in events if e.get("id") in wanted}

    def timeline() -> Iterable[dict[str, Any]]:
        return iter(events)

    kwargs.setdefault("identity", IDENTITY)
    kwargs.setdefault("timeline", timeline)
    kwargs.setdefault("catalog", report_catalog())
    return ReportInput(report=report, evidence=evidence, **kwargs)
