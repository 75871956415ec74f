"""The SARIF 2.1.0 report: one run of tool ``dynscan``, one result per finding.

A dynamic finding has no source file, so each result's location is a list of logical locations: the
actor (``module``), the API called (``function``) and the innermost app frame of the first evidence
stack (``function``).  ``partialFingerprints["dynscanFinding/v1"]`` is a hash of rule, actor,
category and data type, stable across sessions of the same app.

A run whose coverage is incomplete did not do what it was asked to: its invocation says
``executionSuccessful: false`` with one ``toolExecutionNotifications`` entry (``level: error``,
descriptor ``dynscan/coverage-incomplete``) per reason, so a SARIF viewer shows why the results may be
missing some.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import orjson

from dynscan.reports.catalog import RuleInfo
from dynscan.reports.coverage_view import properties as coverage_properties
from dynscan.reports.inputs import ReportInput
from dynscan.reports.redact import Redactor
from dynscan.reports.view import FindingView, finding_views, iso, severity_counts

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"critical": "error", "high": "error", "medium": "warning", "low": "note", "info": "note"}
#: GitHub code scanning reads these as CVSS-like scores: >= 9 critical, 7 high, 4 medium, > 0 low.
SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0", "info": "0.0"}
EVIDENCE_IDS_CAP = 50


def _tool_version() -> str:
    try:
        return version("dynscan")
    except PackageNotFoundError:
        return "0.0.0"


def _name(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.lower().split("_")) or rule_id


def _rule(info: RuleInfo, severity: str, lang: str) -> dict[str, Any]:
    refs = [r for r in info.references if r]
    description = info.description(lang)
    help_text = description + ("\n\nReferences:\n" + "\n".join(f"- {r}" for r in refs) if refs else "")
    help_md = description + ("\n\n**References**\n\n" + "\n".join(f"- {r}" for r in refs) if refs else "")
    rule: dict[str, Any] = {
        "id": info.id,
        "name": _name(info.id),
        "shortDescription": {"text": info.title(lang)},
        "fullDescription": {"text": description},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": LEVELS.get(severity, "warning")},
        "properties": {"security-severity": SECURITY_SEVERITY.get(severity, "5.5"), "precision": "high",
                       "tags": ["privacy", "android", "dynamic-analysis", severity]},
    }
    web = [r for r in refs if r.startswith(("https://", "http://"))]
    if web:
        rule["helpUri"] = web[0]
    return rule


def _fingerprint(view: FindingView) -> str:
    f = view.finding
    key = "\x1f".join([f.rule, f.actor, f.category or "", f.data_type or ""])
    return hashlib.sha256(key.encode()).hexdigest()


def _result(view: FindingView, index: int) -> dict[str, Any]:
    f = view.finding
    logical: list[dict[str, Any]] = [{"name": view.actor.name, "fullyQualifiedName": f.actor, "kind": "module"}]
    first = next((ev for ev in view.evidence if ev.present), None)
    if first is not None and first.api:
        logical.append({"name": first.api.rsplit(".", 1)[-1], "fullyQualifiedName": first.api, "kind": "function"})
    if first is not None and first.top_frame:
        logical.append({"name": first.top_frame.split("(", 1)[0], "fullyQualifiedName": first.top_frame,
                        "kind": "function"})
    props: dict[str, Any] = {
        "severity": f.severity.value, "actor": f.actor, "actorName": view.actor.name, "count": f.count,
        "firstSeen": iso(f.first_ts), "lastSeen": iso(f.last_ts),
        "evidence": f.evidence[:EVIDENCE_IDS_CAP],
    }
    for key, value in (("vendor", view.actor.vendor), ("category", f.category), ("dataType", f.data_type)):
        if value:
            props[key] = value
    return {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": LEVELS[f.severity.value],
        "message": {"text": view.message or view.rule.title("en")},
        "locations": [{"logicalLocations": logical}],
        "partialFingerprints": {"dynscanFinding/v1": _fingerprint(view)},
        "properties": props,
    }


def _invocation(data: ReportInput) -> dict[str, Any]:
    coverage = data.report.coverage
    why = list(coverage.incomplete) if coverage is not None and not coverage.complete else []
    if not why and data.report.verdict == "incomplete":
        why = ["the report's verdict is incomplete"]
    if not why:
        return {"executionSuccessful": True}
    return {"executionSuccessful": False, "toolExecutionNotifications": [
        {"level": "error", "message": {"text": f"Coverage incomplete: {reason}"},
         "descriptor": {"id": "dynscan/coverage-incomplete"}} for reason in why]}


def render_sarif(data: ReportInput) -> bytes:
    views = finding_views(data, 1, Redactor(data.show_values, data.identity))
    worst: dict[str, str] = {}
    for v in views:
        current = worst.get(v.finding.rule)
        if current is None or v.finding.severity.rank > _rank(current):
            worst[v.finding.rule] = v.finding.severity.value
    catalog = data.catalog
    rule_ids = list(dict.fromkeys([*catalog.rules, *worst]))
    rules = [_rule(catalog.rule(rid), worst.get(rid) or catalog.rule(rid).severity or "medium", data.lang)
             for rid in rule_ids]
    index = {rid: i for i, rid in enumerate(rule_ids)}
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "dynscan", "version": _tool_version(), "semanticVersion": _tool_version(),
                            "rules": rules}},
        "language": "zh-CN" if data.lang == "zh" else "en-US",
        "invocations": [_invocation(data)],
        "results": [_result(v, index[v.finding.rule]) for v in views],
        "properties": {"package": data.report.package, "verdict": data.report.verdict,
                       "counts": severity_counts(data.report.findings)},
    }
    if data.report.coverage is not None:
        run["properties"]["coverage"] = data.report.coverage.model_dump(mode="json")
        run["properties"].update(coverage_properties(data.report.coverage))
    if data.report.package:
        run["automationDetails"] = {"id": f"dynscan/{data.report.package}/"}
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return orjson.dumps(log, option=orjson.OPT_INDENT_2, default=str) + b"\n"


def _rank(severity: str) -> int:
    return {"critical": 4, "high": 3, "medium": 2, "low": 1, "info": 0}.get(severity, 0)
