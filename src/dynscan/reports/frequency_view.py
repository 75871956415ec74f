"""The report's per-hour collection table, from ``stats.collection_per_hour`` (the engine computes it).

One row per actor and data type: the reads seen, the rate per hour, the per-hour limit and whether the
rate is above it. The caption says how long the run was watched and that the rate is extrapolated from
that window whenever it is under an hour. Everything shown is escaped (actors and data types can come
from the app through a user's hook catalog); a malformed section (an edited report) shows nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from dynscan.reports.i18n import t

MAX_SHOWN = 50


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def frequency_section(stats: dict[str, Any], actor_label: Callable[[str], str], lang: str) -> str:
    """``<h2>`` and a table, or "" when the timeline collected nothing."""
    view = stats.get("collection_per_hour")
    if not isinstance(view, dict) or not isinstance(view.get("rows"), list) or not view["rows"]:
        return ""
    window = view.get("window_s")
    note_key = "rate_extrapolated" if view.get("extrapolated") else "rate_observed"
    note = t(note_key, lang, minutes=f"{float(window) / 60:.1f}" if isinstance(window, int | float) else "?")
    body = []
    for row in view["rows"][:MAX_SHOWN]:
        if not isinstance(row, dict):
            continue
        rate = row.get("per_hour")
        over = row.get("over_limit") is True
        cls = ' class="over"' if over else ""
        body.append(f'<tr{cls}><td>{_e(actor_label(str(row.get("actor", "?"))))}</td>'
                    f'<td><code>{_e(row.get("data_type", "?"))}</code></td><td>{_e(row.get("count", ""))}</td>'
                    f'<td>{_e(rate if rate is not None else "–")}</td><td>{_e(row.get("limit_per_hour", ""))}</td>'
                    f'<td>{_e(t("yes", lang) if over else "")}</td></tr>')
    head = "".join(f"<th>{_e(t(k, lang))}</th>" for k in
                   ("actor", "data_type", "reads", "per_hour", "limit_per_hour", "over_limit"))
    return (f'<h2>{_e(t("collection_per_hour", lang))}</h2><section id="collection-per-hour">'
            f'<p class="muted">{_e(note)}</p><table><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></section>')
