"""The JUnit XML report: one ``testsuite`` "dynscan", one ``testcase`` per rule of the catalog.

A rule that fired gets a ``<failure>`` (``type`` = its worst severity, ``message`` = counts and
actors, body = one line per finding); the others pass, but only when the run exercised what it was
asked to. When the coverage is incomplete, a first testcase ``dynscan.coverage``/``coverage`` fails
(``type="incomplete"``, one line per reason) and the rules that did not fire are ``<skipped>``: not
seeing a rule broken in a run that did not reach everything is no pass. Characters XML 1.0 cannot hold
are dropped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from dynscan.reports.coverage_view import properties as coverage_properties
from dynscan.reports.inputs import ReportInput
from dynscan.reports.redact import Redactor
from dynscan.reports.view import FindingView, finding_views, iso

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
MAX_BODY_LINES = 200


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids."""
    return _XML_ILLEGAL.sub("", text)


def _failure_body(items: list[FindingView], lang: str) -> str:
    lines = []
    for v in items[:MAX_BODY_LINES]:
        f = v.finding
        what = "/".join(x for x in (f.category, f.data_type) if x)
        lines.append(f"[{f.severity.value}] {v.actor.name} ({f.actor}) {what} x{f.count} "
                     f"{iso(f.first_ts)} .. {iso(f.last_ts)}: {v.message}")
        for ev in v.evidence:
            where = ev.top_frame or ev.url or ev.api
            if ev.present and where:
                lines.append(f"    at {where}")
    if len(items) > MAX_BODY_LINES:
        lines.append(f"... {len(items) - MAX_BODY_LINES} more findings")
    return "\n".join(lines)


def render_junit(data: ReportInput) -> bytes:
    views = finding_views(data, 1, Redactor(data.show_values, data.identity))
    by_rule: dict[str, list[FindingView]] = defaultdict(list)
    for v in views:
        by_rule[v.finding.rule].append(v)
    rule_ids = list(dict.fromkeys([*data.catalog.rules, *by_rule]))
    coverage = data.report.coverage
    why = list(coverage.incomplete) if coverage is not None and not coverage.complete else []
    incomplete = bool(why) or data.report.verdict == "incomplete"
    failures = sum(1 for rid in rule_ids if by_rule.get(rid)) + incomplete
    tests = len(rule_ids) + incomplete
    skipped = sum(1 for rid in rule_ids if not by_rule.get(rid)) if incomplete else 0
    suites = ET.Element("testsuites", name="dynscan", tests=str(tests), failures=str(failures),
                        errors="0", skipped=str(skipped), time="0")
    suite = ET.SubElement(suites, "testsuite", name="dynscan", tests=str(tests),
                          failures=str(failures), errors="0", skipped=str(skipped), time="0")
    if data.report.package or data.report.coverage is not None:
        props = ET.SubElement(suite, "properties")
        if data.report.package:
            ET.SubElement(props, "property", name="package", value=xml_text(data.report.package))
        ET.SubElement(props, "property", name="verdict", value=xml_text(data.report.verdict))
        if data.report.coverage is not None:
            for key, value in coverage_properties(data.report.coverage).items():
                ET.SubElement(props, "property", name=key, value=xml_text(value))
    if incomplete:
        case = ET.SubElement(suite, "testcase", classname="dynscan.coverage", name="coverage", time="0")
        lines = why or ["the report's verdict is incomplete"]
        failure = ET.SubElement(case, "failure", type="incomplete",
                                message=xml_text("the run did not exercise what it was asked to: " + "; ".join(lines)))
        failure.text = xml_text("\n".join(lines))
    for rid in rule_ids:
        case = ET.SubElement(suite, "testcase", classname="dynscan.rules", name=xml_text(rid), time="0")
        items = by_rule.get(rid)
        if not items:
            if incomplete:
                ET.SubElement(case, "skipped", message="not exercised: the run was incomplete (see coverage)")
            continue
        worst = max((v.finding.severity for v in items), key=lambda s: s.rank)
        actors = ", ".join(dict.fromkeys(v.finding.actor for v in items))
        title = items[0].rule.title(data.lang)
        message = (f"{title}: {len(items)} finding(s), {sum(v.finding.count for v in items)} hit(s), "
                   f"worst {worst.value}; actors: {actors}")
        failure = ET.SubElement(case, "failure", message=xml_text(message), type=worst.value)
        failure.text = xml_text(_failure_body(items, data.lang))
    ET.indent(suites)
    out: bytes = ET.tostring(suites, encoding="utf-8", xml_declaration=True)
    return out + b"\n"
