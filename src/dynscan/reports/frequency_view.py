"""The report's per-hour collection table, from ``stats.collection_per_hour`` (the engine computes it).

One row per actor and data type: the reads seen, the rate per hour, the per-hour limit and whether the
rate is above it. The caption says how long the run was watched and that the rate is extrapolated from
that window whenever it is under an hour. :func:`collection_rates` reads the section once for every
writer (HTML here, the XLSX sheet in :mod:`dynscan.reports.xlsx`); a malformed section (an edited report)
gives nothing. Everything shown is escaped (actors and data types can come from the app through a user's
hook catalog).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any, NamedTuple

from dynscan.reports.i18n import t
from dynscan.reports.redact import Redactor

MAX_SHOWN = 50


class RateRow(NamedTuple):
    actor: str
    data_type: str
    count: Any
    per_hour: Any  # None under the view's minimum span: no rate
    limit_per_hour: Any
    over_limit: bool


class CollectionRates(NamedTuple):
    note: str  # how long the run was watched, and whether the rates are extrapolated
    rows: list[RateRow]
    total: int  # rows the engine counted (it keeps at most 200)


def collection_rates(stats: dict[str, Any], lang: str, redactor: Redactor | None = None) -> CollectionRates | None:
    """The section as rows (known personal values in an actor or data type redacted), or None when the
    timeline collected nothing or the section is malformed."""
    text = redactor.text if redactor is not None else str
    view = stats.get("collection_per_hour")
    if not isinstance(view, dict) or not isinstance(view.get("rows"), list) or not view["rows"]:
        return None
    window = view.get("window_s")
    note_key = "rate_extrapolated" if view.get("extrapolated") else "rate_observed"
    note = t(note_key, lang, minutes=f"{float(window) / 60:.1f}" if isinstance(window, int | float) else "?")
    rows = [RateRow(text(str(r.get("actor", "?"))), text(str(r.get("data_type", "?"))), r.get("count", ""),
                    r.get("per_hour"),
                    r.get("limit_per_hour", ""), r.get("over_limit") is True)
            for r in view["rows"] if isinstance(r, dict)]
    total = view.get("rows_total")
    return CollectionRates(note, rows, total if isinstance(total, int) and total >= len(rows) else len(rows))


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def frequency_section(stats: dict[str, Any], actor_label: Callable[[str], str], lang: str,
                      redactor: Redactor | None = None) -> str:
    """``<h2>`` and a table, or "" when the timeline collected nothing."""
    rates = collection_rates(stats, lang, redactor)
    if rates is None:
        return ""
    body = []
    for row in rates.rows[:MAX_SHOWN]:
        cls = ' class="over"' if row.over_limit else ""
        body.append(f'<tr{cls}><td>{_e(actor_label(row.actor))}</td>'
                    f'<td><code>{_e(row.data_type)}</code></td><td>{_e(row.count)}</td>'
                    f'<td>{_e(row.per_hour if row.per_hour is not None else "–")}</td>'
                    f'<td>{_e(row.limit_per_hour)}</td><td>{_e(t("yes", lang) if row.over_limit else "")}</td></tr>')
    head = "".join(f"<th>{_e(t(k, lang))}</th>" for k in
                   ("actor", "data_type", "reads", "per_hour", "limit_per_hour", "over_limit"))
    shown = min(len(rates.rows), MAX_SHOWN)
    more = (f'<p class="muted">{_e(t("rows_shown", lang, shown=shown, total=rates.total))}</p>'
            if rates.total > shown else "")
    return (f'<h2>{_e(t("collection_per_hour", lang))}</h2><section id="collection-per-hour">'
            f'<p class="muted">{_e(rates.note)}</p><table><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>{more}</section>')
