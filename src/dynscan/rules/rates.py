"""The per-hour collection view (``stats.collection_per_hour``): how often each actor read each data type.

164号's "超频次" scene asks how often data is collected over time, while a run watches the app for minutes.
The view counts the sensitive reads per (actor, data type) and divides by the span of the whole timeline
(first to last event), scaled to an hour: an extrapolation whenever that span is under an hour, and the
view says so (``extrapolated``). Beside each rate it gives the per-hour limit of ``frequency.max_per_hour``
and whether the rate would exceed it if kept up (``over_limit``; never for fewer than three reads);
EXCESSIVE_FREQUENCY itself judges only reads actually seen within one hour, never the extrapolation.
"""

from __future__ import annotations

from typing import Any

from dynscan.rules.config import FrequencyConfig
from dynscan.rules.context import HOUR_S

MAX_ROWS = 200
#: Shorter spans give no rate: one read in a few seconds says nothing about an hour.
MIN_SPAN_S = 10.0
#: Fewer reads are never marked over the limit: one or two reads at start-up show no rate kept up.
MIN_READS_OVER = 3


class CollectionRates:
    """Fed every sensitive read; :meth:`view` gives the JSON the reports show, given the timeline's span
    (its first and last event: the timeline is in time order, as the engine reads it)."""

    def __init__(self) -> None:
        self._counts: dict[tuple[str, str], int] = {}

    def read(self, actor: str, data_type: str) -> None:
        key = (actor, data_type)
        self._counts[key] = self._counts.get(key, 0) + 1

    def view(self, config: FrequencyConfig, first_ts: float | None, last_ts: float | None) -> dict[str, Any]:
        span = max(0.0, last_ts - first_ts) if first_ts is not None and last_ts is not None else 0.0
        rated = span >= MIN_SPAN_S
        rows: list[dict[str, Any]] = []
        for (actor, data_type), count in self._counts.items():
            per_hour = round(count * HOUR_S / span, 1) if rated else None
            limit = config.hourly_limit(data_type)
            over = per_hour is not None and per_hour > limit and count >= MIN_READS_OVER
            rows.append({"actor": actor, "data_type": data_type, "count": count, "per_hour": per_hour,
                         "limit_per_hour": limit, "over_limit": over})
        rows.sort(key=lambda r: (-(r["per_hour"] or 0.0), -int(r["count"]), str(r["actor"]), str(r["data_type"])))
        return {"window_s": round(span, 1), "extrapolated": rated and span < HOUR_S,
                "rows": rows[:MAX_ROWS], "rows_total": len(rows)}
