"""The coverage section in every report format (JSON, HTML, XLSX, SARIF, JUnit)."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

from openpyxl import load_workbook
from reports_factories import make_input, make_report

from dynscan.coverage import Coverage, PhaseCoverage
from dynscan.events.model import HookRef
from dynscan.reports import render

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
