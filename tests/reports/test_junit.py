"""JUnit XML: one testsuite, one testcase per catalog rule, failures for the rules that fired."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from reports_factories import IMEI, XSS, make_input, make_report

from dynscan.catalog import report_catalog
from dynscan.reports import render


def test_structure() -> None:
    root = ET.fromstring(render("junit", make_input()))
    suites = root.findall("testsuite")
    assert len(suites) == 1 and suites[0].get("name") == "dynscan"
    cases = suites[0].findall("testcase")
    assert {c.get("name") for c in cases} == set(report_catalog().rules)
    assert all(c.get("classname") == "dynscan.rules" for c in cases)
    failed = {c.get("name"): c.find("failure") for c in cases if c.find("failure") is not None}
    assert set(failed) == {"PRE_CONSENT_COLLECTION", "CLEARTEXT_TRANSMISSION", "CLIPBOARD_READ",
                           "BACKGROUND_COLLECTION"}
    assert suites[0].get("tests") == str(len(cases)) and suites[0].get("failures") == "4"
    crit = failed["PRE_CONSENT_COLLECTION"]
    assert crit is not None and crit.get("type") == "critical"
    message = crit.get("message") or ""
    assert "1 finding(s)" in message and "sdk:umeng-analytics" in message
    assert "com.example.app.MainActivity.onCreate(MainActivity.java:42)" in (crit.text or "")
    bg = failed["BACKGROUND_COLLECTION"]
    assert bg is not None and XSS in (bg.get("message") or "")


def test_control_characters_and_redaction() -> None:
    report = make_report()
    report.findings[1].message = "bad \x00\x1b\x07 chars \ud800"
    xml = render("junit", make_input(report=report))
    root = ET.fromstring(xml)
    assert root.tag == "testsuites"
    assert IMEI.encode() not in xml
    assert IMEI.encode() in render("junit", make_input(show_values=True))


def test_unknown_rule_gets_a_testcase() -> None:
    report = make_report()
    report.findings[0].rule = "CUSTOM_RULE"
    root = ET.fromstring(render("junit", make_input(report=report)))
    names = [c.get("name") for c in root.iter("testcase")]
    assert "CUSTOM_RULE" in names and len(names) == len(report_catalog().rules) + 1
