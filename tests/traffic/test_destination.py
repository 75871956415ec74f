from __future__ import annotations

import pytest

from dynscan.traffic.destination import Classifier, registrable_domain


@pytest.mark.parametrize(("host", "domain"), [
    ("a.b.example.co.uk", "example.co.uk"), ("API.Example.COM.", "example.com"), ("10.1.2.3", "10.1.2.3"),
    ("localhost", "localhost"), ("x.github.io", "x.github.io"),
    ("track.fakesdk.example", "fakesdk.example"), ("a.b.c.internal", "c.internal"), ("x.test", "x.test"),
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


def test_an_unknown_top_level_domain_is_not_a_first_party_label() -> None:
    """``com.example.app`` makes ``example.*`` first party; a tracker under the reserved ``.example``
    TLD is not ``example``'s (the library's answer for an unknown TLD was the TLD itself)."""
    c = Classifier([], "com.example.outsider")
    assert c.classify("track.fakesdk.example").party == "third"
    assert c.classify("api.example.com").party == "first"


def test_without_session_knowledge_party_is_unknown() -> None:
    assert Classifier().classify("evil.org").party == "unknown"
    assert Classifier().classify("ads.tanx.com").party == "third"
