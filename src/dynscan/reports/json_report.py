"""The JSON report (CONTRACTS section 4, ``schema: dynscan.report/1``).

Extra fields beyond the contract: per finding ``title``, ``actor_name``, ``vendor``; top level
``counts`` (findings per severity), ``redacted`` and ``evidence_events`` (event id -> redacted event,
at most :data:`EVIDENCE_CAP` per finding).
"""

from __future__ import annotations

import orjson

from dynscan.reports.inputs import ReportInput
from dynscan.reports.redact import Redactor
from dynscan.reports.view import finding_views, severity_counts

EVIDENCE_CAP = 50


def render_json(data: ReportInput) -> bytes:
    redactor = Redactor(data.show_values, data.identity)
    doc = data.report.to_json_dict()
    views = finding_views(data, EVIDENCE_CAP, redactor)
    for item, view in zip(doc["findings"], views, strict=True):
        item["message"] = view.message
        item["title"] = view.rule.title(data.lang)
        item["actor_name"] = view.actor.name
        if view.actor.vendor:
            item["vendor"] = view.actor.vendor
    doc["stats"] = redactor.deep_text(doc.get("stats") or {})
    doc["counts"] = severity_counts(data.report.findings)
    doc["redacted"] = not data.show_values
    doc["evidence_events"] = {ev.id: ev.event for view in views for ev in view.evidence if ev.present}
    return orjson.dumps(doc, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS, default=str) + b"\n"
