"""The coverage section in every report format (JSON, HTML, XLSX, SARIF, JUnit)."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema  # type: ignore[import-untyped,unused-ignore]
from openpyxl import load_workbook
from pydantic import Field
from reports_factories import make_input, make_report

from dynscan.coverage import Coverage, PhaseCoverage
from dynscan.events.model import HookFailure, HookRef
from dynscan.reports import render

SARIF_SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
COVERAGE = Coverage(driven=True, phases=[
    PhaseCoverage(name="first_launch", status="reached"),
    PhaseCoverage(name="grant", status="failed", reason="the app crashed <b>x</b>", crashed=True)],
    foreground_s=12.5, background_s=30.0, dialogs_seen={"policy": 2, "permission": 3},
    dialogs_answered={"permission": 3}, privacy_dialog=True, complete=False,
    incomplete=["phase grant failed: the app crashed <b>x</b>"], instrumentation_probes={"frida_port": 1},
    hooks_never_installed=[HookRef(id="sdk.gms.adid", api="com.google.android.gms.ads.identifier.X.get")])


def _input(lang: str = "en") -> object:
    report = make_report().model_copy(update={"verdict": "incomplete", "findings": [], "coverage": COVERAGE})
    return make_input(report=report, lang=lang)


def test_json_has_the_coverage_object() -> None:
    data = json.loads(render("json", _input()))  # type: ignore[arg-type]
    assert data["verdict"] == "incomplete"
    assert data["coverage"]["phases"][1]["reason"] == "the app crashed <b>x</b>"
    assert data["coverage"]["foreground_s"] == 12.5 and data["coverage"]["complete"] is False
    assert data["coverage"]["hooks_never_installed"] == [
        {"id": "sdk.gms.adid", "api": "com.google.android.gms.ads.identifier.X.get"}]


def test_html_has_a_coverage_section_escaped() -> None:
    html = render("html", _input()).decode()  # type: ignore[arg-type]
    section = html.split('<section id="coverage">', 1)[1].split("</section>", 1)[0]
    assert "grant" in section and "the app crashed &lt;b&gt;x&lt;/b&gt;" in section and "<b>x" not in section
    assert "Seconds watched in the background" in section and "30" in section
    assert "hooks never installed" in section
    assert "sdk.gms.adid (com.google.android.gms.ads.identifier.X.get)" in section
    assert "INCOMPLETE" in html
    assert "looked for instrumentation (Frida)" in section and "frida_port 1" in section
    zh = render("html", _input("zh")).decode()  # type: ignore[arg-type]
    assert "覆盖情况" in zh and "未完成" in zh


def test_xlsx_has_a_coverage_sheet() -> None:
    wb = load_workbook(io.BytesIO(render("xlsx", _input())))  # type: ignore[arg-type]
    ws = wb["Coverage"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[1][:2] == ["first_launch", "reached"] and rows[2][0] == "grant" and "crashed" in rows[2][2]
    assert any(r[0] == "Privacy dialog found" and r[1] == "yes" for r in rows)


def test_sarif_and_junit_carry_coverage_properties() -> None:
    sarif = json.loads(render("sarif", _input()))  # type: ignore[arg-type]
    props = sarif["runs"][0]["properties"]
    assert props["verdict"] == "incomplete" and props["coverage.complete"] == "false"
    assert props["coverage.phase.grant"] == "failed: the app crashed <b>x</b> (crashed)"
    assert props["coverage"]["dialogs_seen"] == {"policy": 2, "permission": 3}
    assert props["coverage.instrumentation_probes"] == "frida_port 1"
    assert props["coverage.hooks_never_installed"] == "sdk.gms.adid"
    root = ET.fromstring(render("junit", _input()))  # type: ignore[arg-type]
    jprops = {p.get("name"): p.get("value") for p in root.iter("property")}
    assert jprops["verdict"] == "incomplete" and jprops["coverage.phase.first_launch"] == "reached"
    assert jprops["coverage.dialogs_seen"] == "permission 3, policy 2"
    assert jprops["coverage.driven"] == props["coverage.driven"] == "true"


def _junit(data: object) -> ET.Element:
    return ET.fromstring(render("junit", data))  # type: ignore[arg-type]


def test_junit_fails_an_incomplete_run_and_skips_the_rules_it_could_not_clear() -> None:
    suite = _junit(_input()).find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    coverage = cases[0]
    assert (coverage.get("classname"), coverage.get("name")) == ("dynscan.coverage", "coverage")
    failure = coverage.find("failure")
    assert failure is not None and failure.get("type") == "incomplete"
    assert failure.text == "phase grant failed: the app crashed <b>x</b>"
    rules = cases[1:]
    assert rules and all(c.find("skipped") is not None and c.find("failure") is None for c in rules)
    assert suite.get("tests") == str(len(cases)) and suite.get("failures") == "1"
    assert suite.get("skipped") == str(len(rules))


def test_junit_of_a_failing_incomplete_run_keeps_its_failures_and_skips_only_the_rest() -> None:
    report = make_report().model_copy(update={"coverage": COVERAGE})  # verdict fail, four findings
    suite = _junit(make_input(report=report)).find("testsuite")
    assert suite is not None
    fired = {f.rule for f in report.findings}
    by_name = {c.get("name"): c for c in suite.findall("testcase")}
    assert all(by_name[r].find("failure") is not None for r in fired)
    others = [c for n, c in by_name.items() if n not in fired and n != "coverage"]
    assert others and all(c.find("skipped") is not None for c in others)
    assert suite.get("failures") == str(len(fired) + 1)


def test_junit_and_sarif_of_a_complete_run_claim_their_passes() -> None:
    done = COVERAGE.model_copy(update={"complete": True, "incomplete": [], "phases": COVERAGE.phases[:1]})
    data = make_input(report=make_report().model_copy(update={"verdict": "pass", "findings": [], "coverage": done}))
    suite = _junit(data).find("testsuite")
    assert suite is not None and suite.get("failures") == "0" and suite.get("skipped") == "0"
    assert not list(suite.iter("skipped")) and all(c.get("name") != "coverage" for c in suite.iter("testcase"))
    assert json.loads(render("sarif", data))["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def test_sarif_says_an_incomplete_run_did_not_execute_successfully_and_why() -> None:
    doc = json.loads(render("sarif", _input()))  # type: ignore[arg-type]
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(doc)
    (invocation,) = doc["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["descriptor"]["id"] == "dynscan/coverage-incomplete"
    assert note["message"]["text"] == "Coverage incomplete: phase grant failed: the app crashed <b>x</b>"


def test_the_verdict_is_said_with_why_the_run_is_incomplete_in_html_and_xlsx() -> None:
    html = render("html", _input()).decode()  # type: ignore[arg-type]
    verdict = html.split('<section class="verdict', 1)[1].split("</section>", 1)[0]
    assert "Incomplete: phase grant failed: the app crashed &lt;b&gt;x&lt;/b&gt;" in verdict
    failing = make_report().model_copy(update={"coverage": COVERAGE})  # FAIL, and still incomplete
    assert "Incomplete: phase grant" in render("html", make_input(report=failing)).decode().split(
        '<section class="verdict', 1)[1].split("</section>", 1)[0]
    summary = load_workbook(io.BytesIO(render("xlsx", _input())))["Summary"]  # type: ignore[arg-type]
    rows = {r[0].value: r[1].value for r in summary.iter_rows(min_row=2)}
    assert rows["Verdict"] == "INCOMPLETE"
    assert rows["Coverage"] == "Incomplete: phase grant failed: the app crashed <b>x</b>"


def test_a_phase_that_never_started_shows_as_such_in_every_format() -> None:
    cov = COVERAGE.model_copy(update={"phases": [*COVERAGE.phases, PhaseCoverage(name="ad_probe",
                                                                                 status="not_started")]})
    data = make_input(report=make_report().model_copy(update={"verdict": "incomplete", "findings": [],
                                                              "coverage": cov}))
    section = render("html", data).decode().split('<section id="coverage">', 1)[1].split("</section>", 1)[0]
    assert "<td><code>ad_probe</code></td><td>never started</td>" in section
    rows = [[c.value for c in r] for r in load_workbook(io.BytesIO(render("xlsx", data)))["Coverage"].iter_rows()]
    assert ["ad_probe", "never started", None] in rows
    assert json.loads(render("sarif", data))["runs"][0]["properties"]["coverage.phase.ad_probe"] == "not_started"
    zh = render("html", make_input(report=data.report, lang="zh")).decode()
    assert "<td><code>ad_probe</code></td><td>未开始</td>" in zh


class _LaterCoverage(Coverage):
    """The coverage as another branch may extend it: a list no writer knows by name."""

    sensors_never_watched: list[str] = Field(default_factory=list)
    probe_counts: dict[str, int] = Field(default_factory=dict)


def test_a_coverage_field_no_writer_knows_reaches_every_format() -> None:
    cov = _LaterCoverage(**COVERAGE.model_dump(), sensors_never_watched=["clipboard.get <b>", "=location.last"],
                         probe_counts={"a": 2})
    data = make_input(report=make_report().model_copy(update={"verdict": "incomplete", "findings": [],
                                                              "coverage": cov}))
    section = render("html", data).decode().split('<section id="coverage">', 1)[1].split("</section>", 1)[0]
    assert "<tr><th>Sensors never watched</th><td>clipboard.get &lt;b&gt;, =location.last</td></tr>" in section
    assert "<tr><th>Probe counts</th><td>a 2</td></tr>" in section
    rows = [[c.value for c in r] for r in load_workbook(io.BytesIO(render("xlsx", data)))["Coverage"].iter_rows()]
    assert ["Sensors never watched", "clipboard.get <b>, =location.last", None] in rows
    props = json.loads(render("sarif", data))["runs"][0]["properties"]
    assert props["coverage.sensors_never_watched"] == "clipboard.get <b>, =location.last"
    assert props["coverage"]["sensors_never_watched"] == ["clipboard.get <b>", "=location.last"]
    jprops = {p.get("name"): p.get("value") for p in _junit(data).iter("property")}
    assert jprops["coverage.probe_counts"] == "a 2"
    empty = make_input(report=data.report.model_copy(update={"coverage": _LaterCoverage(**COVERAGE.model_dump())}))
    assert "Sensors never watched" not in render("html", empty).decode()  # nothing to say, no row


def test_a_driven_run_without_phases_does_not_claim_every_phase_was_reached() -> None:
    steps = Coverage(driven=True, foreground_s=3.0)
    data = make_input(report=make_report().model_copy(update={"verdict": "pass", "findings": [], "coverage": steps}))
    section = render("html", data).decode().split('<section id="coverage">', 1)[1].split("</section>", 1)[0]
    assert "Driven by dynscan without phases" in section and "Every phase" not in section
    phased = make_input(report=make_report().model_copy(update={"verdict": "pass", "findings": [], "coverage": Coverage(
        driven=True, phases=[PhaseCoverage(name="first_launch", status="reached")])}))
    assert "Every phase the scenario asked for was reached." in render("html", phased).decode()


def test_hooks_never_installed_empty_says_every_hook_landed_and_unknown_says_nothing() -> None:
    def section(cov: Coverage) -> str:
        data = make_input(report=make_report().model_copy(update={"verdict": "pass", "findings": [], "coverage": cov}))
        return render("html", data).decode().split('<section id="coverage">', 1)[1].split("</section>", 1)[0]

    assert "none: every hook was installed" in section(COVERAGE.model_copy(update={"hooks_never_installed": []}))
    assert "hooks never installed" not in section(COVERAGE.model_copy(update={"hooks_never_installed": None}))


def test_hostile_hook_failure_reasons_are_escaped_in_every_format() -> None:
    reason = '<script>alert(1)</script>"]]>&\x1b[31m=cmd|x'
    cov = COVERAGE.model_copy(update={"hooks_failed": [
        HookFailure(id="os.tel.imei", api="android.telephony.TelephonyManager.getImei", reason=reason)]})
    report = make_report().model_copy(update={"verdict": "incomplete", "findings": [], "coverage": cov})
    data = make_input(report=report)
    assert json.loads(render("json", data))["coverage"]["hooks_failed"][0]["reason"] == reason  # type: ignore[arg-type]
    html = render("html", data).decode()  # type: ignore[arg-type]
    section = html.split('<section id="coverage">', 1)[1].split("</section>", 1)[0]
    assert "hooks skipped or failed" in section and "1: os.tel.imei (&lt;script&gt;alert(1)&lt;/script&gt;" in section
    assert "<script>alert" not in html and "alert(1)</script>" not in html and "&lt;script&gt;" in section
    props = json.loads(render("sarif", data))["runs"][0]["properties"]  # type: ignore[arg-type]
    assert props["coverage.hooks_failed"] == f"os.tel.imei ({reason})"  # JSON-escaped by the encoder
    jprops = {p.get("name"): p.get("value") for p in _junit(data).iter("property")}
    assert "<script>alert(1)</script>" in jprops["coverage.hooks_failed"]  # parsed back: well-formed XML
    rows = [[c.value for c in r] for r in load_workbook(io.BytesIO(render("xlsx", data)))["Coverage"].iter_rows()]  # type: ignore[arg-type]
    cell = next(str(r[1]) for r in rows if str(r[0]).startswith("Not watched: hooks skipped"))
    assert cell.startswith("1: os.tel.imei (<script>")  # a string cell, never a formula
