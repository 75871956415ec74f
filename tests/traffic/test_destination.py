from __future__ import annotations

import pytest

from dynscan.traffic.destination import Classifier, registrable_domain


@pytest.mark.parametrize(("host", "domain"), [
    ("a.b.example.co.uk", "example.co.uk"), ("API.Example.COM.", "example.com"), ("10.1.2.3", "10.1.2.3"),
    ("localhost", "localhost"), ("x.github.io", "x.github.io"),
])
def test_registrable_domain(host: str, domain: str) -> None:
    assert registrable_domain(host) == domain


@pytest.mark.parametrize(("host", "party", "sdk"), [
    ("api.example.com", "first", None), ("img.example.cn", "first", None), ("m.myshop.cn", "first", None),
    ("ads.tanx.com", "third", "alibaba-tanx"), ("evil.org", "third", None), ("192.168.1.1", "unknown", None),
])
def test_party_and_sdk(host: str, party: str, sdk: str | None) -> None:
    d = Classifier(["api.myshop.cn"], "com.example.app").classify(host)
    assert (d.party, d.sdk) == (party, sdk)


def test_without_session_knowledge_party_is_unknown() -> None:
    assert Classifier().classify("evil.org").party == "unknown"
    assert Classifier().classify("ads.tanx.com").party == "third"
