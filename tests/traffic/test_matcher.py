from __future__ import annotations

import base64
import hashlib
import random
import time

import pytest

from dynscan.identity import Identity
from dynscan.traffic.matcher import MERGE_AT, Matcher
from dynscan.traffic.normalize import forms
from dynscan.traffic.variants import b64_cores

IMEI = "356938035643809"
IDENT = Identity(imei=IMEI, android_id="9774d56d682e549c", mac="02:1a:11:f0:3c:7d", email="Jane@Example.com",
                 phone_number="+8613800138000", adid="00000000-0000-0000-0000-000000000000", ssid="abc")


@pytest.fixture(params=[False, True], ids=["hyperscan", "ahocorasick"])
def matcher(request: pytest.FixtureRequest) -> Matcher:
    m = Matcher.build(IDENT, force_fallback=request.param)
    assert m.engine_name == ("ahocorasick_rs" if request.param else "hyperscan")
    return m


def enc(m: Matcher, data: bytes) -> set[tuple[str, str]]:
    return {(h.type, h.encoding) for h in m.scan(data)}


@pytest.mark.parametrize(("data", "expected"), [
    (IMEI.encode(), ("imei", "plain")),
    (IMEI[:14].encode(), ("imei", "plain")),
    (b"jane%40example.com", ("email", "url")),
    (b"JANE%40EXAMPLE.COM", ("email", "url")),
    (b"02-1A-11-F0-3C-7D", ("mac", "plain")),
    (b"8613800138000", ("phone_number", "plain")),
    (IMEI.encode().hex().upper().encode(), ("imei", "hex")),
    (hashlib.md5(IMEI.encode()).hexdigest().upper().encode(), ("imei", "md5")),
    (hashlib.sha1(b"9774D56D682E549C").hexdigest().encode(), ("android_id", "sha1")),
    (base64.b64encode(hashlib.sha256(IMEI.encode()).digest()), ("imei", "base64+sha256")),
    (base64.urlsafe_b64encode(hashlib.md5(IMEI.encode()).digest()), ("imei", "base64+md5")),
    (base64.b64encode(hashlib.md5(IMEI.encode()).hexdigest().encode()), ("imei", "base64+md5")),
    (b'"jane@example.com"', ("email", "plain")),
])
def test_variants_found(matcher: Matcher, data: bytes, expected: tuple[str, str]) -> None:
    assert expected in enc(matcher, b"xx" + data + b"yy")


@pytest.mark.parametrize("prefix", [b"", b"a", b"ab", b"abc"])
def test_value_inside_longer_base64_at_every_alignment(matcher: Matcher, prefix: bytes) -> None:
    for suffix in (b"", b"!", b"!!"):
        blob = base64.b64encode(prefix + b"imei=" + IMEI.encode() + suffix)
        assert ("imei", "base64") in enc(matcher, blob)
        assert ("imei", "base64") in enc(matcher, blob.replace(b"+", b"-").replace(b"/", b"_"))


def test_random_numbers_and_other_devices_do_not_match(matcher: Matcher) -> None:
    rng = random.Random(7)
    noise = " ".join(str(rng.randrange(10**14, 10**15)) for _ in range(20000)).encode()
    others = b"490154203237518 f1e2d3c4b5a69788 02:1a:11:f0:3c:7e jane@example.org abc abcabc"
    assert matcher.scan(noise + others) == []


def test_short_and_degenerate_values_are_skipped_and_reported() -> None:
    m = Matcher.build(IDENT)
    assert {s.type for s in m.skipped} == {"adid", "ssid"}
    assert forms("adid", "00000000-0000-0000-0000-000000000000").skipped
    assert forms("ssid", "abc").skipped and not forms("ssid", "HomeWifi").skipped


def test_learned_value_update_is_fast() -> None:
    m = Matcher.build(IDENT)
    t = time.perf_counter()
    assert m.add_value("imsi", "460001357924680") is True
    assert time.perf_counter() - t < 0.05
    assert m.add_value("imsi", "460001357924680") is False
    assert ("imsi", "md5") in enc(m, hashlib.md5(b"460001357924680").hexdigest().encode())


def test_b64_cores_depend_only_on_the_value() -> None:
    for k, core in enumerate(b64_cores(b"0123456789")):
        for pre in (b"\x00" * k, b"\xff" * k):
            assert core in base64.b64encode(pre + b"0123456789" + b"\xfe")


def test_many_learned_values_are_merged_and_all_still_found() -> None:
    m = Matcher.build(Identity(imei=IMEI))
    values = [f"4600{1000000000 + i}" for i in range(20)]
    for v in values:
        assert m.add_value("imsi", v)
    m.wait_merged()
    assert len(m._learned) <= MERGE_AT + 1
    found = m.scan(" ".join(values).encode())
    assert [h.type for h in found] == ["imsi"] and len(m.scan(values[-1].encode())) == 1
    assert all(m.scan(v.encode()) for v in values)
