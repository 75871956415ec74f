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
    assert expected in enc(matcher, b"x=" + data + b"&y")


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


EMAIL = "Jane@Example.com"


@pytest.mark.parametrize(("outer", "inner"), [(o, i) for o in ("md5", "sha1", "sha256")
                                              for i in ("md5", "sha1", "sha256")])
def test_every_ordered_pair_of_hashes_both_cases(matcher: Matcher, outer: str, inner: str) -> None:
    for value in (EMAIL.lower(), EMAIL, EMAIL.upper()):
        for inner_hex in (hashlib.new(inner, value.encode()).hexdigest(),
                          hashlib.new(inner, value.encode()).hexdigest().upper()):
            d = hashlib.new(outer, inner_hex.encode()).hexdigest()
            for sent in (d, d.upper()):
                assert ("email", f"{outer}+{inner}") in enc(matcher, b"m=[" + sent.encode() + b"]")


def test_criteo_sha256_of_md5_and_upper_case_hashes(matcher: Matcher) -> None:
    md5 = hashlib.md5(b"jane@example.com").hexdigest()
    criteo = b"https://widget.criteo.com/event?a=1&m=[" + hashlib.sha256(md5.encode()).hexdigest().encode() + b"]"
    assert enc(matcher, criteo) == {("email", "sha256+md5")}
    upper = hashlib.sha256(b"JANE@EXAMPLE.COM").hexdigest().upper().encode()
    assert enc(matcher, b"h=" + upper) == {("email", "sha256")}


@pytest.mark.parametrize(("data", "kind"), [
    (b"to=xjane@example.com", "email"),
    (b"to=jane@example.com.cn", "email"),
    (b"to=jane@example.community", "email"),
    (b"to=a.jane@example.com", "email"),
    (b"to=xjane%40example.com", "email"),
    (b"n=3569380356438091", "imei"),
    (b"n=13569380356438090", "imei"),
    (b"p=186138001380001", "phone_number"),
    (b"m=02:1a:11:f0:3c:7d:ff", "mac"),
    (b"m=aa-02-1a-11-f0-3c-7d", "mac"),
    (b"m=ff021a11f03c7d", "mac"),
])
def test_a_value_inside_a_longer_token_of_its_alphabet_is_not_the_value(
        matcher: Matcher, data: bytes, kind: str) -> None:
    assert kind not in {t for t, _ in enc(matcher, data)}


@pytest.mark.parametrize(("data", "kind"), [
    (b"to=jane@example.com.", "email"),
    (b'{"to":"jane@example.com"}', "email"),
    (b"to%3Djane%40example.com%26x", "email"),
    (b"mailto:jane@example.com>", "email"),
    (b"xjane@example.com jane@example.com", "email"),  # a later occurrence stands alone
    (b"imei:" + IMEI.encode() + b";", "imei"),
    (b"tel:+8613800138000", "phone_number"),
    (b"m=02:1a:11:f0:3c:7d,", "mac"),
    (b"x" + hashlib.md5(IMEI.encode()).hexdigest().encode() + b"f", "imei"),  # hashes are exempt
    (b"zz" + base64.b64encode(b"mail jane@example.com ok"), "email"),  # base64 is exempt
])
def test_a_value_that_stands_alone_is_found(matcher: Matcher, data: bytes, kind: str) -> None:
    assert kind in {t for t, _ in enc(matcher, data)}
