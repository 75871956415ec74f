"""Read a batch's finished sessions back: one :class:`AppResult` per job, from the reports' JSON.

Everything read here is app-controlled data; it is only ever shown escaped (HTML) or as cell values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dynscan.batch.execute import session_rel
from dynscan.batch.store import BatchStore, JobRecord

SEVERITIES = ("critical", "high", "medium", "low", "info")


@dataclass
class AppResult:
    record: JobRecord
    report: dict[str, Any] | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    has_html: bool = False

    @property
    def job_id(self) -> str:
        return self.record.spec.id

    @property
    def package(self) -> str:
        pkg = (self.report or {}).get("package") or self.meta.get("package") or self.record.package
        return str(pkg) if pkg else ""

    @property
    def version(self) -> str:
        return str(self.meta.get("app_version") or "")

    @property
    def verdict(self) -> str:
        if self.report is not None:
            return str(self.report.get("verdict", ""))
        return self.record.status  # pending / running / failed

    @property
    def findings(self) -> list[dict[str, Any]]:
        found = (self.report or {}).get("findings") or []
        return [f for f in found if isinstance(f, dict)]

    def by_severity(self) -> dict[str, int]:
        counts = dict.fromkeys(SEVERITIES, 0)
        for f in self.findings:
            sev = str(f.get("severity", ""))
            if sev in counts:
                counts[sev] += 1
        return counts

    def phases(self) -> str | None:
        """The phases reached, when the report has a ``coverage`` section; None when it has none."""
        cov = (self.report or {}).get("coverage")
        if not isinstance(cov, dict):
            return None
        phases = cov.get("phases_reached", cov.get("phases"))
        if isinstance(phases, list):  # names, or the report's {name, status, ...}: only those reached
            return ", ".join(str(p.get("name", "?")) if isinstance(p, dict) else str(p) for p in phases
                             if not isinstance(p, dict) or p.get("status") == "reached")
        if isinstance(phases, dict):
            return ", ".join(str(k) for k, v in phases.items() if v)
        return ""

    def sdks_seen(self) -> set[str]:
        """SDK ids that acted in this app: API calls by the SDK, traffic to its hosts, findings on it."""
        stats = (self.report or {}).get("stats") or {}
        actors: set[object] = set()
        if isinstance(stats, dict):
            actors |= set((stats.get("api_calls_by_actor") or {}).keys())
            actors |= set((stats.get("flow_actors_by_host") or {}).values())
        actors |= {str(f.get("actor", "")) for f in self.findings}
        return {a[4:] for a in actors if isinstance(a, str) and a.startswith("sdk:") and len(a) > 4}


def collect(store: BatchStore) -> list[AppResult]:
    results = []
    for rec in store.jobs():
        rel = session_rel(rec.spec.id)
        res = AppResult(rec)
        if rec.status == "done":
            res.report = store.read_json(f"{rel}/report.json")
            res.meta = store.read_json(f"{rel}/session.json") or {}
            res.has_html = store.fs.exists(store.path(f"{rel}/report.html"))
        results.append(res)
    results.sort(key=lambda r: (r.package or r.record.spec.name, r.job_id))
    return results
