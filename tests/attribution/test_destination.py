from __future__ import annotations

import json
from pathlib import Path

import pytest

from dynscan.attribution import DestinationClassifier, SdkDb, registrable_domain
from dynscan.errors import InputError


@pytest.mark.parametrize(("host", "domain"), [
    ("a.b.example.co.uk", "example.co.uk"), ("API.Example.COM.", "example.com"), ("10.1.2.3", "10.1.2.3"),
    ("localhost", "localhost"), ("x.github.io", "x.github.io"),
    ("track.fakesdk.example", "fakesdk.example"), ("a.b.c.internal", "c.internal"), ("x.test", "x.test"),
])
def test_registrable_domain(host: str, domain: str) -> None:
    assert registrable_domain(host) == domain


def classifier(domains: list[str] | None = None, package: str | None = None) -> DestinationClassifier:
    return DestinationClassifier(SdkDb.load(), package=package, first_party_domains=domains or [])


@pytest.mark.parametrize(("host", "party", "sdk", "basis"), [
    ("api.example.com", "first", None, "declared"), ("img.example.cn", "first", None, "declared"),
    ("m.myshop.cn", "first", None, "declared"), ("ads.tanx.com", "third", "alibaba-tanx", "sdk_data"),
    ("evil.org", "unknown", None, "none"), ("192.168.1.1", "unknown", None, "none"),
])
def test_party_and_sdk(host: str, party: str, sdk: str | None, basis: str) -> None:
    d = classifier(["api.myshop.cn"], "com.example.app").classify(host)
    assert (d.party, d.sdk, d.basis) == (party, sdk, basis)


def test_an_unknown_top_level_domain_is_not_a_first_party_label() -> None:
    c = classifier([], "com.example.outsider")
    assert c.classify("track.fakesdk.example").party == "unknown"
    assert c.classify("api.example.com").party == "first"


def test_openers_decide_hosts_the_sdk_data_does_not_know() -> None:
    c = classifier([], "com.shop.app")
    assert c.classify("api.backend.io", opener="app") == c.classify("api.backend.io", "app")
    assert c.classify("api.backend.io", opener="app").party == "first"
    c.note_opener("api.backend.io", "app")
    c.note_opener("collect.tracker.io", "sdk:acme")
    c.note_opener("both.io", "app")
    c.note_opener("both.io", "sdk:acme")
    c.note_opener("lib.io", "lib:org.somelib")
    assert c.classify("api.backend.io").basis == "learned"
    assert (c.classify("collect.tracker.io").party, c.classify("collect.tracker.io").sdk) == ("third", "acme")
    assert c.classify("both.io").party == "third" and c.classify("lib.io").party == "unknown"
    assert c.learned_first_party() == ["api.backend.io"]


def test_config_signature_files_are_part_of_the_one_classifier(tmp_path: Path) -> None:
    sig = tmp_path / "sigs.json"
    sig.write_text(json.dumps({"sdks": [{"id": "acme", "name": "Acme", "domains": ["acme.io"]}]}))
    c = DestinationClassifier.build(package="com.shop.app", sdk_signatures=[sig])
    assert (c.classify("t.acme.io").party, c.classify("t.acme.io").sdk) == ("third", "acme")
    sig.write_text("{")
    with pytest.raises(InputError):
        DestinationClassifier.build(sdk_signatures=[tmp_path / "missing.json"])


def test_the_package_guess_covers_national_sites_not_any_suffix() -> None:
    c = classifier([], "com.example.leaky")
    assert c.classify("img.example.com.cn").party == "first" and c.classify("example.co.uk").party == "first"
    assert c.classify("track.adpartner.example.net").party == "unknown"  # anyone may own example.net
    assert c.classify("example.io").party == "unknown"
