"""DIR/index.html: the batch at a glance, a table sortable by any column, and the SDK league table.

Every app-controlled string goes through :func:`html.escape`; links are built from job IDs only
(hex digits we made), never from package or file names. The page runs one inline script, allowed by
its hash in the Content-Security-Policy, and loads nothing else.
"""

from __future__ import annotations

import base64
import hashlib
import time
from html import escape

from dynscan.batch.collect import SEVERITIES, AppResult
from dynscan.batch.league import SdkRow

SORT_JS = r"""
document.querySelectorAll('table.sortable').forEach(function (table) {
  table.querySelectorAll('th').forEach(function (th, col) {
    th.addEventListener('click', function () {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute('data-sort'), y = b.cells[col].getAttribute('data-sort');
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
// #sort=apps:3 or #sort=apps:3:desc opens the page sorted (a link that keeps a sort)
var m = /^#sort=(\w+):(\d+)(:desc)?$/.exec(location.hash);
if (m) {
  var th = document.querySelectorAll('#' + m[1] + ' th')[+m[2]];
  if (th) { th.click(); if (m[3]) { th.click(); } }
}
"""
STYLE = """
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}
th{background:#f0f0f0;cursor:pointer;user-select:none}th[aria-sort=ascending]::after{content:" ▲"}
th[aria-sort=descending]::after{content:" ▼"}td.n{text-align:right}
.fail{color:#b00;font-weight:bold}.pass{color:#070}.failed{color:#a50}
"""
_VERDICT_RANK = {"fail": 0, "failed": 1, "running": 2, "pending": 3, "pass": 4}


def _td(text: object, sort: object | None = None, cls: str = "") -> str:
    s = escape(str(text))
    key = escape(str(sort if sort is not None else text))
    c = f' class="{escape(cls)}"' if cls else ""
    return f'<td data-sort="{key}"{c}>{s}</td>'


def _app_row(r: AppResult, with_phases: bool) -> str:
    sev = r.by_severity()
    cells = [_td(r.package or r.record.spec.name, cls=""), _td(r.record.spec.name), _td(r.version),
             _td(r.verdict, _VERDICT_RANK.get(r.verdict, 9), cls=r.verdict if r.verdict in _VERDICT_RANK else "")]
    cells += [_td(sev[s], cls="n") for s in SEVERITIES]
    if with_phases:
        cells.append(_td(r.phases() or ""))
    if r.has_html:
        link = f'<a href="sessions/{escape(r.job_id)}/report.html">report</a>'
    else:
        link = escape(r.record.reason or "")
    cells.append(f'<td data-sort="{escape(r.job_id)}">{link}</td>')
    return "<tr>" + "".join(cells) + "</tr>"


def _league_row(s: SdkRow) -> str:
    top = "; ".join(f"{rule} ({n})" for rule, n in s.top_rules())
    return "<tr>" + "".join([_td(s.sdk), _td(s.name), _td(s.vendor), _td(len(s.apps), cls="n"),
                             _td(len(s.violating_apps), cls="n"), _td(top)]) + "</tr>"


def render_index(results: list[AppResult], table: list[SdkRow], retired: list[dict[str, object]]) -> str:
    with_phases = any(r.phases() is not None for r in results)
    heads = ["app", "file", "version", "verdict", *SEVERITIES, *(["phases reached"] if with_phases else []),
             "report"]
    done = sum(1 for r in results if r.record.status == "done")
    failed = sum(1 for r in results if r.record.status == "failed")
    digest = base64.b64encode(hashlib.sha256(SORT_JS.encode()).digest()).decode()
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'"
    parts = [
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">",
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
        f"<title>dynscan batch: {len(results)} apps</title><style>{STYLE}</style></head><body>",
        f"<h1>dynscan batch</h1><p>{len(results)} apps: {done} scanned, {failed} failed, "
        f"{len(results) - done - failed} not finished. Built {escape(time.strftime('%Y-%m-%d %H:%M:%S %Z'))}. "
        'Also: <a href="summary.xlsx">summary.xlsx</a>, <a href="summary.csv">summary.csv</a>.</p>',
        '<table id="apps" class="sortable"><thead><tr>',
        "".join(f"<th>{escape(h)}</th>" for h in heads),
        "</tr></thead><tbody>", *(_app_row(r, with_phases) for r in results), "</tbody></table>",
        "<h2>SDK league table</h2><p>Per SDK: the apps it acted in, the apps where it broke a rule, "
        "and the rules it broke in the most apps.</p>",
        '<table id="sdks" class="sortable"><thead><tr>',
        "".join(f"<th>{h}</th>" for h in ("SDK", "name", "vendor", "apps present", "apps violating",
                                          "most-broken rules")),
        "</tr></thead><tbody>", *(_league_row(s) for s in table), "</tbody></table>",
    ]
    if retired:
        parts.append("<h2>Devices taken out</h2><ul>")
        parts += [f"<li>{escape(str(d.get('device')))}: {escape(str(d.get('reason')))}</li>" for d in retired]
        parts.append("</ul>")
    parts.append(f"<script>{SORT_JS}</script></body></html>\n")
    return "".join(parts)
