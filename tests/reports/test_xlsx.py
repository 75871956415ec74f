"""XLSX: three sheets, frozen headers, autofilter, no formula injection, redaction."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
from reports_factories import IMEI, make_input

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
