"""Hex strings as containers: decoded (bounded like base64) and searched; random hex finds nothing."""

from __future__ import annotations

import base64
import gzip
import json
import random
import time

import pytest

from dynscan.identity import Identity
from dynscan.traffic.detect import Detector
from dynscan.traffic.limits import Limits

from .pb import pb_bytes, pb_double

IMEI = "356938035643809"
AID = "9774d56d682e549c"
IDENT = Identity(imei=IMEI, android_id=AID, email="jane.doe@example.com", mac="02:1a:11:f0:3c:7d",
                 latitude=39.9042, longitude=116.4074)
DET = Detector.build(IDENT)


def hits(data: bytes, det: Detector = DET) -> set[tuple[str, str]]:
    return {(h.type, h.encoding) for h in det.scan_message(data).hits}


def hx(b: bytes, upper: bool) -> bytes:
    h = b.hex()
    return (h.upper() if upper else h).encode()


@pytest.mark.parametrize("upper", [False, True])
@pytest.mark.parametrize(("name", "inner", "expected"), [
    ("json", json.dumps({"imei": IMEI}).encode(), ("imei", "hex")),
    ("protobuf", pb_bytes(1, b"x") + pb_bytes(2, IMEI.encode()), ("imei", "hex")),
    ("base64", base64.b64encode(f"id={IMEI};".encode()), ("imei", "hex+base64")),
    ("gzip_json", gzip.compress(json.dumps({"a": AID}).encode()), ("android_id", "hex")),
    ("protobuf_location", pb_bytes(1, pb_double(1, 39.9042) + pb_double(2, 116.4074)), ("location", "hex")),
])
def test_hex_of_a_container_is_opened(upper: bool, name: str, inner: bytes, expected: tuple[str, str]) -> None:
    for wrap in (b"%s", b'{"blob":"%s"}', b"k=1&d=%s"):
        assert expected in hits(wrap % hx(inner, upper)), (name, wrap)


def test_hex_that_is_not_a_container_is_not_decoded() -> None:
    inner = gzip.compress(json.dumps({"a": AID}).encode())
    h = inner.hex()
    mixed = "".join(ch.upper() if i % 3 else ch for i, ch in enumerate(h)).encode()
    assert hits(b'{"blob":"%s"}' % mixed) == set()  # mixed case
    assert hits(b'{"blob":"%s"}' % h.encode()[:-1]) == set()  # odd length
    assert hits(b'{"blob":"x%s"}' % h.encode()) == set()  # part of a longer word


@pytest.mark.parametrize("length", [16, 32, 40, 64, 128, 1000, 8192])
def test_random_hex_finds_nothing(length: int) -> None:
    rng = random.Random(length)
    for i in range(300 if length <= 128 else 30):
        blob = rng.randbytes(length // 2).hex()
        blob = blob.upper() if i % 2 else blob
        r = DET.scan_message(json.dumps({"h": blob, "x": [blob[: length // 2]]}).encode())
        assert r.hits == [], blob


def test_hex_decoding_is_bounded() -> None:
    det = Detector.build(IDENT, limits=Limits(max_hex_blobs=8))
    many = b" ".join(hx(f"{i:04d}:{IMEI}".encode(), False) for i in range(20))
    r = det.scan_message(many)
    assert r.cuts["hex_blobs"] == 1 and ("imei", "hex") in {(h.type, h.encoding) for h in r.hits}
    nested = json.dumps({"imei": IMEI}).encode()
    for _ in range(4):  # hex of base64 of hex ...: hex of a hex string alone is digits only, a number
        nested = base64.b64encode(nested.hex().encode())
    t = time.perf_counter()
    r = DET.scan_message(nested)
    assert r.cuts["depth"] >= 1 and time.perf_counter() - t < 1
    big = b" ".join(random.Random(1).randbytes(64).hex().encode() for _ in range(5000))
    t = time.perf_counter()
    r = DET.scan_message(big)
    assert r.cuts["hex_blobs"] == 1 and r.hits == [] and time.perf_counter() - t < 2
