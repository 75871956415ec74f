"""Rule and actor display data, and the fallbacks when the catalog or the SDK data cannot load."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from dynscan.reports import catalog


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    for fn in (catalog.rule_catalog, catalog.sdk_db, catalog.actor_info):
        fn.cache_clear()
    yield
    for fn in (catalog.rule_catalog, catalog.sdk_db, catalog.actor_info):
        fn.cache_clear()


def test_real_catalog_and_sdk_data(fresh_caches: None) -> None:
    info = catalog.rule_info("PRE_CONSENT_COLLECTION")
    assert info.title("en") != info.id and info.title("zh") != info.title("en")
    sdk = catalog.actor_info("sdk:umeng-analytics")
    assert sdk.kind == "sdk" and sdk.vendor and "Umeng" in sdk.name
    assert catalog.actor_info("sdk:no-such-sdk").name == "no-such-sdk"
    assert catalog.actor_info("lib:com.foo").kind == "lib"
    assert catalog.actor_info("app").kind == "app"
    assert catalog.actor_info("weird").kind == "unknown"


def test_fallbacks_without_engine_and_attribution(fresh_caches: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dynscan.rules.engine", None)
    monkeypatch.setitem(sys.modules, "dynscan.attribution", None)
    rules = catalog.rule_catalog()
    assert tuple(rules) == catalog.V1_RULE_IDS
    assert catalog.rule_info("CLIPBOARD_READ").title("zh") == "CLIPBOARD_READ"
    assert catalog.rule_info("NEW_RULE").title("en") == "NEW_RULE"
    assert catalog.actor_info("sdk:umeng-analytics").name == "umeng-analytics"
