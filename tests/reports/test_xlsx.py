"""XLSX: three sheets, frozen headers, autofilter, no formula injection, redaction."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
from reports_factories import IMEI, make_input, make_report

from dynscan.catalog import report_catalog
from dynscan.reports import render


def workbook(**kwargs: Any) -> Any:
    return openpyxl.load_workbook(io.BytesIO(render("xlsx", make_input(**kwargs))))


def all_values(wb: Any) -> list[Any]:
    return [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row]


def test_sheets_and_layout() -> None:
    wb = workbook()
    assert wb.sheetnames == ["Summary", "Findings", "Evidence"]
    for name in ("Findings", "Evidence"):
        ws = wb[name]
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
        assert ws["A1"].font.b
        assert ws.column_dimensions["B"].width >= 8
    findings = wb["Findings"]
    assert findings.max_row == 5
    header = [c.value for c in findings[1]]
    row = dict(zip(header, [c.value for c in findings[2]], strict=True))
    assert row["Rule"] == "PRE_CONSENT_COLLECTION" and row["Actor"] == "sdk:umeng-analytics"
    assert row["Hits"] == 1 and row["First seen"] == "2026-05-28T20:26:42.000Z"
    assert row["Rule title"] == report_catalog().rule("PRE_CONSENT_COLLECTION").title("en")
    evidence = wb["Evidence"]
    assert evidence.max_row == 1 + 5  # e2, e3, missing-id, e6, e9


def test_no_formulas_from_app_data() -> None:
    wb = workbook(show_values=True)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    starts = [c for c in cells if c.value.startswith(("=", "+", "-", "@"))]
    assert any(c.value == "=cmd|' /C calc'!A0" for c in starts)
    assert any(c.value.startswith("=HYPERLINK") for c in starts)
    assert all(c.data_type == "s" for c in starts)


def test_redaction() -> None:
    assert not any(IMEI in str(v) for v in all_values(workbook()))
    assert any(IMEI in str(v) for v in all_values(workbook(show_values=True)))


def test_chinese_titles() -> None:
    wb = workbook(lang="zh")
    titles = [c.value for c in wb["Findings"]["D"][1:]]
    assert report_catalog().rule("CLIPBOARD_READ").title("zh") in titles


RATES = {"window_s": 120.0, "extrapolated": True, "rows_total": 5, "rows": [
    {"actor": "sdk:umeng-analytics", "data_type": "android_id", "count": 4, "per_hour": 120.0,
     "limit_per_hour": 30, "over_limit": True},
    {"actor": "=HYPERLINK(\"http://evil\")", "data_type": "+cmd|' /C calc'!A0", "count": 3, "per_hour": 90.0,
     "limit_per_hour": 300, "over_limit": False},
    {"actor": f"lib:com.evil.{IMEI}", "data_type": "@SUM(1)", "count": 1, "per_hour": None,
     "limit_per_hour": 60, "over_limit": False},
    "not a row"]}


def _rates_workbook(**kwargs: Any) -> Any:
    report = make_report()
    report.stats["collection_per_hour"] = RATES
    return workbook(report=report, **kwargs)


def test_collection_per_hour_sheet_reads_back() -> None:
    wb = _rates_workbook()
    assert wb.sheetnames[-1] == "Collection per hour"
    ws = wb["Collection per hour"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:G4"  # the rows, not the captions below
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0] == ["Actor", "SDK", "Data type", "Reads", "Per hour", "Limit per hour", "Above the limit"]
    assert rows[1] == ["sdk:umeng-analytics", report_catalog().actor("sdk:umeng-analytics").name, "android_id",
                       4, 120.0, 30, "yes"]
    assert rows[2][:4] == ["=HYPERLINK(\"http://evil\")", None, "+cmd|' /C calc'!A0", 3] and rows[2][6] is None
    assert rows[3][2:5] == ["@SUM(1)", 1, None]  # no rate under the minimum span: an empty cell, not 0
    assert rows[4] == [None] * 7 and rows[5][0].startswith("Extrapolated: the run was watched 2.0 min")
    assert rows[6][0] == "3 of 5 rows shown, the highest rates first."


def test_collection_per_hour_sheet_holds_no_formula_and_no_personal_value() -> None:
    ws = _rates_workbook()["Collection per hour"]
    texts = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    hostile = [c for c in texts if c.value.startswith(("=", "+", "-", "@"))]
    assert len(hostile) == 3 and all(c.data_type == "s" for c in hostile)
    assert not any(IMEI in c.value for c in texts)
    shown = _rates_workbook(show_values=True)["Collection per hour"]
    assert shown["A4"].value == f"lib:com.evil.{IMEI}"


def test_collection_per_hour_sheet_in_chinese_and_absent_without_rows() -> None:
    ws = _rates_workbook(lang="zh")["Collection per hour"]
    assert ws["D1"].value == "读取次数" and ws["G2"].value == "是" and ws["A6"].value.startswith("推算值")
    report = make_report()
    report.stats["collection_per_hour"] = {**RATES, "rows": []}
    assert "Collection per hour" not in workbook(report=report).sheetnames
