"""The findings as every writer shows them: titles, actors, redacted and capped evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson

from dynscan.findings import Finding, Severity
from dynscan.reports.catalog import ActorInfo, RuleInfo
from dynscan.reports.inputs import ReportInput
from dynscan.reports.redact import Redactor

#: Stack frames of the platform, skipped when looking for the app's own frame.
FRAMEWORK_PREFIXES = ("android.", "androidx.", "java.", "javax.", "kotlin.", "kotlinx.", "dalvik.",
                      "com.android.", "sun.", "jdk.", "libcore.", "org.apache.harmony.", "org.json.")
SEVERITIES: tuple[str, ...] = tuple(s.value for s in sorted(Severity, key=lambda s: -s.rank))


@dataclass(frozen=True)
class EvidenceView:
    id: str
    present: bool
    event: dict[str, Any] = field(default_factory=dict)  # redacted copy of the raw event
    ts: float | None = None
    kind: str = ""
    api: str = ""
    value: str = ""
    args: str = ""
    method: str = ""
    url: str = ""
    host: str = ""
    pii: tuple[str, ...] = ()
    stack: tuple[str, ...] = ()
    top_frame: str = ""


@dataclass(frozen=True)
class FindingView:
    index: int  # 1-based position in the report
    finding: Finding
    rule: RuleInfo
    actor: ActorInfo
    message: str
    evidence: tuple[EvidenceView, ...]
    evidence_total: int


def iso(ts: float | None) -> str:
    """``ts`` (Unix seconds) as an ISO 8601 UTC string with milliseconds."""
    if ts is None:
        return ""
    try:
        return datetime.fromtimestamp(ts, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    except (OverflowError, OSError, ValueError):
        return str(ts)


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS, default=str).decode()


def top_app_frame(stack: list[str], package: str | None) -> str:
    """The innermost frame of the app's package, else of any non-platform code, else the innermost."""
    if package:
        for frame in stack:
            if frame.startswith(package + "."):
                return frame
    for frame in stack:
        if not frame.startswith(FRAMEWORK_PREFIXES):
            return frame
    return stack[0] if stack else ""


def _pii_text(pii: Any) -> tuple[str, ...]:
    if not isinstance(pii, list):
        return ()
    out = []
    for item in pii:
        if isinstance(item, dict):
            out.append(f"{item.get('type', '?')} ({item.get('encoding', '?')}, {item.get('location', '?')})")
    return tuple(out)


def evidence_view(event_id: str, raw: dict[str, Any] | None, redactor: Redactor,
                  package: str | None) -> EvidenceView:
    if raw is None:
        return EvidenceView(id=event_id, present=False)
    ev = redactor.event(raw)
    stack_raw = ev.get("stack")
    stack = [str(f) for f in stack_raw] if isinstance(stack_raw, list) else []
    ts = ev.get("ts")
    api = ev.get("api") or ev.get("permission") or ev.get("target_package") or ev.get("action") or ""
    if ev.get("kind") == "permission_request" and isinstance(ev.get("permissions"), list):
        api = ", ".join(str(p) for p in ev["permissions"])
    return EvidenceView(
        id=event_id, present=True, event=ev, ts=float(ts) if isinstance(ts, int | float) else None,
        kind=str(ev.get("kind", "")), api=as_text(api), value=as_text(ev.get("value")),
        args=as_text(ev.get("args")), method=as_text(ev.get("method")), url=as_text(ev.get("url")),
        host=as_text(ev.get("host")), pii=_pii_text(ev.get("pii")), stack=tuple(stack),
        top_frame=top_app_frame(stack, package),
    )


def _message(finding: Finding, lang: str) -> str:
    return finding.message_zh if lang == "zh" and finding.message_zh else finding.message


def finding_views(data: ReportInput, cap: int, redactor: Redactor | None = None) -> list[FindingView]:
    """Every finding in report order, with at most ``cap`` evidence events each."""
    redactor = redactor or Redactor(data.show_values, data.identity)
    package = data.report.package
    views = []
    for index, finding in enumerate(data.report.findings, start=1):
        evidence = tuple(evidence_view(eid, data.evidence.get(eid), redactor, package)
                         for eid in finding.evidence[:cap])
        views.append(FindingView(index, finding, data.catalog.rule(finding.rule), data.catalog.actor(finding.actor),
                                 redactor.text(_message(finding, data.lang)), evidence, len(finding.evidence)))
    return views


def severity_counts(findings: list[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        counts[f.severity.value] += 1
    return counts
