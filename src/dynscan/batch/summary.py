"""summary.csv and summary.xlsx: one row per app and one per finding, with Chinese and English headers
(as test labs file them), plus the SDK league table in the workbook."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook

from dynscan.batch.collect import SEVERITIES, AppResult
from dynscan.batch.league import SdkRow

APP_HEADERS = ["记录类型 / Row", "任务 / Job", "安装包 / APK", "包名 / Package", "版本 / Version",
               "状态 / Status", "结论 / Verdict", *[f"{zh} / {s}" for zh, s in zip(
                   ("严重", "高", "中", "低", "提示"), SEVERITIES, strict=True)],
               "已达阶段 / Phases reached", "原因 / Reason", "报告 / Report"]
FINDING_HEADERS = ["记录类型 / Row", "任务 / Job", "安装包 / APK", "包名 / Package", "版本 / Version",
                   "规则 / Rule", "标题 / Title", "严重程度 / Severity", "行为主体 / Actor", "数据类别 / Category",
                   "数据类型 / Data type", "次数 / Count", "说明 / Message", "中文说明 / Message (zh)"]
LEAGUE_HEADERS = ["SDK", "名称 / Name", "厂商 / Vendor", "出现应用数 / Apps present",
                  "违规应用数 / Apps violating", "最常违反的规则 / Most-broken rules"]
SUMMARY_HEADERS = [*APP_HEADERS, *FINDING_HEADERS[5:]]


def _safe_cell(value: object) -> object:
    """App-controlled text never starts a spreadsheet formula (CSV/formula injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def app_row(r: AppResult) -> list[object]:
    sev = r.by_severity()
    link = f"sessions/{r.job_id}/report.html" if r.has_html else ""
    return ["app", r.job_id, r.record.spec.name, r.package, r.version, r.record.status, r.verdict,
            *[sev[s] for s in SEVERITIES], r.phases() or "", r.record.reason or "", link]


def finding_rows(r: AppResult) -> list[list[object]]:
    return [["finding", r.job_id, r.record.spec.name, r.package, r.version, f.get("rule", ""),
             f.get("title") or "", f.get("severity", ""), f.get("actor", ""), f.get("category") or "",
             f.get("data_type") or "", f.get("count", ""), f.get("message", ""), f.get("message_zh") or ""]
            for f in r.findings]


def summary_rows(results: list[AppResult]) -> list[list[object]]:
    """One table: an app row, then its findings (finding columns after the app columns)."""
    pad = len(APP_HEADERS)
    rows: list[list[object]] = []
    for r in results:
        rows.append(app_row(r) + [""] * (len(SUMMARY_HEADERS) - pad))
        for fr in finding_rows(r):
            base = ["finding", *fr[1:5]] + [""] * (pad - 5)
            rows.append(base + fr[5:])
    return rows


def league_rows(table: list[SdkRow]) -> list[list[object]]:
    return [[s.sdk, s.name, s.vendor, len(s.apps), len(s.violating_apps),
             "; ".join(f"{rule} ({n})" for rule, n in s.top_rules())] for s in table]


def to_csv(results: list[AppResult]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(SUMMARY_HEADERS)
    for row in summary_rows(results):
        w.writerow([_safe_cell(c) for c in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")  # BOM: Excel opens the Chinese headers right


def to_xlsx(results: list[AppResult], table: list[SdkRow]) -> bytes:
    wb = Workbook()
    sheets = (("应用 Apps", APP_HEADERS, [app_row(r) for r in results]),
              ("发现 Findings", FINDING_HEADERS, [fr for r in results for fr in finding_rows(r)]),
              ("SDK 排行 League", LEAGUE_HEADERS, league_rows(table)))
    for i, (title, headers, rows) in enumerate(sheets):
        ws = wb.active if i == 0 else wb.create_sheet()
        assert ws is not None
        ws.title = title
        ws.append(headers)
        for row in rows:
            ws.append([_safe_cell(c) for c in row])
        ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
