"""Rule and actor display data from the catalog handed to the writers, and what a writer shows without one."""

from __future__ import annotations

from dataclasses import dataclass

from dynscan.findings import RuleInfo
from dynscan.reports.catalog import ReportCatalog


@dataclass(frozen=True)
class _Sdk:
    name: str
    vendor: str | None = None
    category: str | None = None


class _Sdks:
    def sdk(self, sdk_id: str) -> _Sdk | None:
        return _Sdk("Umeng+ Analytics", "Umeng", "analytics") if sdk_id == "umeng-analytics" else None

    def sdk_for_host(self, host: str) -> str | None:
        return None

    def attribute(self, stack: list[str], package: str | None) -> str:
        return "unknown"


def test_rules_and_actors_from_the_catalog() -> None:
    info = RuleInfo("PRE_CONSENT_COLLECTION", "Collection before consent", "同意前收集", "critical")
    catalog = ReportCatalog(rules={info.id: info}, sdks=_Sdks())
    assert catalog.rule("PRE_CONSENT_COLLECTION").title("zh") == "同意前收集"
    sdk = catalog.actor("sdk:umeng-analytics")
    assert sdk.kind == "sdk" and sdk.vendor == "Umeng" and sdk.name == "Umeng+ Analytics"
    assert catalog.actor("sdk:no-such-sdk").name == "no-such-sdk"
    assert catalog.actor("lib:com.foo").kind == "lib"
    assert catalog.actor("app").kind == "app"
    assert catalog.actor("weird").kind == "unknown"


def test_without_a_catalog_ids_and_raw_actors() -> None:
    catalog = ReportCatalog()
    assert not catalog.rules
    assert catalog.rule("CLIPBOARD_READ").title("zh") == "CLIPBOARD_READ"
    assert catalog.rule("NEW_RULE").description("en") == "NEW_RULE"
    assert catalog.actor("sdk:umeng-analytics").name == "umeng-analytics"
