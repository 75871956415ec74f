"""The batch report from finished sessions: summary files, the SDK league table, escaping."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import load_workbook

from dynscan.batch.collect import collect
from dynscan.batch.league import league
from dynscan.batch.report import build_report
from dynscan.batch.store import BatchStore, JobRecord

from .batchkit import finding, finished, spec

HOSTILE = '<script>alert(1)</script>"=HYPERLINK("x")'


def _batch(tmp_path: Path) -> BatchStore:
    store = BatchStore(str(tmp_path))
    finished(store, "a.apk", "a" * 64, {
        "package": "com.a", "verdict": "fail",
        "findings": [finding("PRE_CONSENT_COLLECTION", "sdk:umeng-analytics", "critical"),
                     finding("THIRD_PARTY_TRANSMISSION", "sdk:umeng-analytics"),
                     finding("CLIPBOARD_READ", "app", "medium")],
        "stats": {"api_calls_by_actor": {"sdk:umeng-analytics": 4, "sdk:tencent-bugly": 1, "app": 2}},
        "coverage": {"phases_reached": ["launch", "consent"]}}, {"app_version": "1.2"})
    finished(store, "b.apk", "b" * 64, {
        "package": HOSTILE, "verdict": "fail",
        "findings": [finding("PRE_CONSENT_COLLECTION", "sdk:umeng-analytics", "critical", message=HOSTILE,
                             vendor="Umeng (as the report says)")],
        "stats": {"api_calls_by_actor": {"sdk:umeng-analytics": 1}}}, {"app_version": "=1+1"})
    finished(store, "c.apk", "c" * 64, {"package": "com.c", "verdict": "pass", "findings": [],
                                        "stats": {"api_calls_by_actor": {"sdk:tencent-bugly": 3},
                  "flow_actors_by_host": {"ulogs.umeng.com": "sdk:umeng-analytics"}}}, {})
    store.save(JobRecord(spec=spec("d.apk", "d" * 64), status="failed", attempts=3,
                         reason="3 attempts failed; last: adb: device offline"))
    return store


def test_league_counts_apps_per_sdk_and_per_rule_with_the_vendor(tmp_path: Path) -> None:
    table = {row.sdk: row for row in league(collect(_batch(tmp_path)))}
    umeng, bugly = table["umeng-analytics"], table["tencent-bugly"]
    assert len(umeng.apps) == 3 and len(bugly.apps) == 2  # c.apk only sent to Umeng's host
    assert {r: len(a) for r, a in umeng.rule_apps.items()} == {"PRE_CONSENT_COLLECTION": 2,
                                                              "THIRD_PARTY_TRANSMISSION": 1}
    assert umeng.top_rules()[0] == ("PRE_CONSENT_COLLECTION", 2)
    assert umeng.vendor == "Umeng (as the report says)"  # the report's word first
    assert bugly.vendor == "Tencent"  # no finding names it: from the signature data
    assert len(bugly.violating_apps) == 0
    assert next(iter(table)) == "umeng-analytics"  # the most violating SDK first


def test_summary_files_have_an_app_row_and_a_row_per_finding_in_both_languages(tmp_path: Path) -> None:
    store = _batch(tmp_path)
    built = build_report(store)
    assert (built.apps, built.done, built.failed) == (4, 3, 1)
    rows = list(csv.reader(io.StringIO((tmp_path / "summary.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["记录类型 / Row", "任务 / Job", "安装包 / APK"]
    kinds = [r[0] for r in rows[1:]]
    assert kinds.count("app") == 4 and kinds.count("finding") == 4
    assert not any(c.startswith("=") for r in rows for c in r), "no cell starts a formula"
    wb = load_workbook(tmp_path / "summary.xlsx")
    assert wb.sheetnames == ["应用 Apps", "发现 Findings", "SDK 排行 League"]
    apps = list(wb["应用 Apps"].iter_rows(values_only=True))
    assert apps[0][4] == "版本 / Version" and len(apps) == 5
    a_row = next(r for r in apps if r[3] == "com.a")
    assert a_row[4] == "1.2" and a_row[6] == "fail" and a_row[7] == 1 and a_row[12] == "launch, consent"
    failed_row = next(r for r in apps if r[5] == "failed")
    assert "device offline" in str(failed_row[13])
    league_rows = list(wb["SDK 排行 League"].iter_rows(values_only=True))
    assert league_rows[1][0] == "umeng-analytics" and league_rows[1][3:5] == (3, 2)


def test_index_escapes_app_controlled_strings(tmp_path: Path) -> None:
    store = _batch(tmp_path)
    build_report(store)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("<script>") == 1  # ours, allowed by its hash in the CSP
    assert "Content-Security-Policy" in page and "phases reached" in page


def test_a_store_without_jobs_is_an_input_error(tmp_path: Path) -> None:
    import pytest

    from dynscan.errors import InputError

    with pytest.raises(InputError, match="no batch jobs"):
        build_report(BatchStore(str(tmp_path)))



def test_phases_reached_names_only_the_phases_a_report_says_were_reached(tmp_path: Path) -> None:
    store = BatchStore(str(tmp_path))
    finished(store, "a.apk", "a" * 64, {"package": "com.a", "verdict": "incomplete", "findings": [], "stats": {},
                                        "coverage": {"phases": [
                                            {"name": "first_launch", "status": "reached"},
                                            {"name": "decline", "status": "failed", "reason": "crashed"},
                                            {"name": "grant", "status": "not_started"}]}}, {})
    (app,) = collect(store)
    assert app.phases() == "first_launch"
