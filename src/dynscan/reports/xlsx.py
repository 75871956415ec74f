"""The XLSX report: sheets "Summary", "Coverage", "Findings", "Evidence" and "Collection per hour" (openpyxl).

Strings from the app never become formulas: a string starting with ``=``, ``+``, ``-``, ``@``, tab
or CR is stored as a plain string cell (``data_type = "s"``), so Excel and LibreOffice show it as
text.  Characters a worksheet cannot hold are dropped and long texts are cut at 32,767 characters.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dynscan.reports.coverage_view import phase_rows, summary_rows
from dynscan.reports.frequency_view import collection_rates
from dynscan.reports.i18n import t
from dynscan.reports.inputs import ReportInput
from dynscan.reports.redact import Redactor
from dynscan.reports.view import SEVERITIES, as_text, finding_views, iso, severity_counts

EVIDENCE_CAP = 200
MAX_CELL = 32_767
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")


def _put(ws: Worksheet, row: int, col: int, value: Any) -> None:
    if isinstance(value, bool | int | float) or value is None:
        ws.cell(row=row, column=col, value=value)
        return
    text = ILLEGAL_CHARACTERS_RE.sub("", as_text(value))[:MAX_CELL]
    cell = ws.cell(row=row, column=col, value=text)
    if text.startswith(_FORMULA_START):
        cell.data_type = "s"


def _table(ws: Worksheet, headers: Sequence[str], rows: Sequence[Sequence[Any]],
           wrap: frozenset[int] = frozenset()) -> None:
    for col, head in enumerate(headers, start=1):
        _put(ws, 1, col, head)
        ws.cell(row=1, column=col).font = Font(bold=True)
        ws.cell(row=1, column=col).fill = _HEADER_FILL
    widths = [len(h) + 2 for h in headers]
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            _put(ws, r, c, value)
            if c - 1 in wrap:
                ws.cell(row=r, column=c).alignment = Alignment(wrap_text=True, vertical="top")
            longest = max((len(line) for line in as_text(value).splitlines()), default=0)
            widths[c - 1] = max(widths[c - 1], min(longest + 2, 70))
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = max(8, width)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(len(rows) + 1, 1)}"


def _rates_sheet(wb: Workbook, data: ReportInput, redactor: Redactor) -> None:
    """``stats.collection_per_hour`` as a table, its caption (extrapolated or observed) two rows below."""
    lang = data.lang
    rates = collection_rates(data.report.stats, lang, redactor)
    if rates is None:
        return
    ws = wb.create_sheet("Collection per hour")
    rows: list[list[Any]] = []
    for r in rates.rows:
        actor = data.catalog.actor(r.actor)
        rows.append([r.actor, actor.name if actor.kind == "sdk" else "", r.data_type, r.count,
                     r.per_hour, r.limit_per_hour, t("yes", lang) if r.over_limit else ""])
    keys = ("actor", "sdk_name", "data_type", "reads", "per_hour", "limit_per_hour", "over_limit")
    _table(ws, [t(k, lang) for k in keys], rows)
    notes = [rates.note]
    if rates.total > len(rates.rows):
        notes.append(t("rows_shown", lang, shown=len(rates.rows), total=rates.total))
    for i, note in enumerate(notes):  # below the table, outside its autofilter
        _put(ws, len(rows) + 3 + i, 1, note)


def render_xlsx(data: ReportInput) -> bytes:
    lang = data.lang
    report = data.report
    redactor = Redactor(data.show_values, data.identity)
    views = finding_views(data, EVIDENCE_CAP, redactor)
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = "Summary"
    counts = severity_counts(report.findings)
    verdict = t(report.verdict, lang) if report.verdict in ("pass", "fail", "incomplete") else report.verdict
    rows: list[list[Any]] = [[t("package", lang), report.package or ""], [t("verdict", lang), verdict]]
    if report.coverage is not None:  # complete or not, and why, beside the verdict
        rows.append(list(summary_rows(report.coverage, lang)[0]))
    rows.append([t("findings", lang), len(report.findings)])
    rows += [[t(s, lang), counts[s]] for s in SEVERITIES]
    rows.append([t("rules_fired", lang), len({f.rule for f in report.findings})])
    rows.append(["", t("shown_note" if data.show_values else "redacted_note", lang)])
    rows += [[str(k), as_text(redactor.deep_text(v))] for k, v in list(report.stats.items())[:200]]
    _table(summary, [t("summary", lang), ""], rows)

    if report.coverage is not None:
        ws = wb.create_sheet("Coverage")
        crows: list[list[Any]] = [[a, b, c] for a, b, c in phase_rows(report.coverage, lang)]
        crows += [[a, b, ""] for a, b in summary_rows(report.coverage, lang)]
        _table(ws, [t("phase", lang), t("status", lang), t("reason", lang)], crows, wrap=frozenset({2}))

    ws = wb.create_sheet("Findings")
    keys = ("finding", "severity", "rule", "rule_title", "actor", "sdk_name", "vendor", "sdk_category", "category",
            "data_type", "count", "evidence_count", "first", "last", "message", "references")
    frows = []
    for v in views:
        f = v.finding
        frows.append([v.index, t(f.severity.value, lang), f.rule, v.rule.title(lang), f.actor,
                      v.actor.name if v.actor.kind == "sdk" else "", v.actor.vendor or "", v.actor.category or "",
                      f.category or "", f.data_type or "", f.count, v.evidence_total, iso(f.first_ts),
                      iso(f.last_ts), v.message, "\n".join(dict.fromkeys([*f.references, *v.rule.references]))])
    _table(ws, [t(k, lang) for k in keys], frows, wrap=frozenset({14, 15}))

    ws = wb.create_sheet("Evidence")
    ekeys = ("finding", "rule", "actor", "event_id", "time", "kind", "api", "value", "args", "method", "url",
            "host", "pii", "top_frame", "stack")
    erows = []
    for v in views:
        for ev in v.evidence:
            erows.append([v.index, v.finding.rule, v.finding.actor, ev.id, iso(ev.ts) if ev.present else "",
                          ev.kind if ev.present else t("missing_evidence", lang), ev.api, ev.value, ev.args,
                          ev.method, ev.url, ev.host, "; ".join(ev.pii), ev.top_frame, "\n".join(ev.stack)])
    _table(ws, [t(k, lang) for k in ekeys], erows, wrap=frozenset({14}))
    _rates_sheet(wb, data, redactor)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
