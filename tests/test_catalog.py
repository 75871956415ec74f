"""The report catalog built from the real rule registry and SDK data."""

from __future__ import annotations

from dynscan.catalog import report_catalog
from dynscan.rules.engine import all_rules


def test_every_rule_in_order_with_its_titles_and_the_sdk_data() -> None:
    catalog = report_catalog()
    assert list(catalog.rules) == [s.id for s in all_rules()]
    info = catalog.rule("PRE_CONSENT_COLLECTION")
    assert info.title("en") != info.id and info.title("zh") != info.title("en") and info.references
    sdk = catalog.actor("sdk:umeng-analytics")
    assert sdk.kind == "sdk" and sdk.vendor and "Umeng" in sdk.name
