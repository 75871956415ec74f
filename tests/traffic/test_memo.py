"""The opening memo: a replay finds exactly what a fresh scan finds, cuts included."""

from __future__ import annotations

import base64
import gzip
import json
import random
from urllib.parse import quote

from dynscan.identity import Identity
from dynscan.traffic.detect import Detector, ScanResult
from dynscan.traffic.limits import Limits

from .test_explore import CASES

IDENTITY = Identity(email="john@example.com", imei="356938035643809", android_id="9774d56d682e549c",
                    latitude=39.9042, longitude=116.4074)
JSON = [(b"content-type", b"application/json")]
Request = tuple[str, list[tuple[bytes, bytes]], bytes | None]


def _b64(s: str) -> str:
    return base64.b64encode(s.encode()).decode()


def _requests(n: int) -> list[Request]:
    """Tracker-like traffic: the same IDs, user agent and device block in every request, the rest varying."""
    rng = random.Random(7)
    device = {"model": "Pixel 7", "aid": "9774d56d682e549c", "blob": _b64('{"imei":"356938035643809"}'),
              "loc": {"lat": 39.9042, "lng": 116.4074}}
    headers = [(b"user-agent", b"Dalvik/2.1.0 (Linux; U; Android 13; Pixel 7 Build/TQ3A.230805.001)"),
               (b"x-token", _b64("john@example.com|" + "k" * 20).encode()), *JSON]
    out: list[Request] = []
    for i in range(n):
        leak = i % 3 == 0
        body = {"seq": i, "ts": rng.random(), "device": device, "ev": _b64(f"open:{rng.random()}"),
                "note": quote(quote("john@example.com" if leak else f"u{i}@example.org", safe=""), safe="")}
        url = f"https://t.example/c;src=1;~oref={quote('https://s.example/?a=' + _b64('x' * 12), safe='')}?i={i}"
        out.append((url, headers, json.dumps(body).encode()))
        out.append((f"https://gz.example/b?aid=9774d56d682e549c&n={i}", [(b"content-encoding", b"gzip"), *JSON],
                    gzip.compress(json.dumps({"device": device, "n": i}).encode())))
    return out + [(u, h, b) for _, u, h, b, _ in CASES] * 2


def _same(a: ScanResult, b: ScanResult) -> bool:
    return a.hits == b.hits and +a.cuts == +b.cuts


def test_replays_find_what_fresh_scans_find() -> None:
    memo, fresh = Detector.build(IDENTITY), Detector.build(IDENTITY, memoize=False)
    for url, headers, body in _requests(30):
        assert _same(memo.scan_request(url, headers, body), fresh.scan_request(url, headers, body)), url
    assert memo.memo is not None and memo.memo.hits > 100  # most openings were replays


def test_replays_respect_a_nearly_spent_budget() -> None:
    for limits in (Limits(max_blobs=3), Limits(max_segments=12), Limits(max_hex_blobs=1, max_pairs=9),
                   Limits(max_depth=2), Limits(max_proto_fields=5)):
        memo = Detector.build(IDENTITY, limits=limits)
        fresh = Detector.build(IDENTITY, limits=limits, memoize=False)
        for url, headers, body in _requests(6):
            assert _same(memo.scan_request(url, headers, body), fresh.scan_request(url, headers, body)), (limits, url)


def test_a_learned_value_is_found_in_a_string_opened_before() -> None:
    det = Detector.build(Identity(email="john@example.com"))
    imsi = "460001357924680"
    packed = base64.urlsafe_b64encode(gzip.compress(json.dumps({"imsi": imsi}).encode())).decode()
    url = f"https://t.example/p?d={packed}"  # only opening the value shows the IMSI
    assert det.scan_request(url, [], None).hits == []
    assert det.scan_request(url, [], None).hits == []  # the opening is memoised
    assert det.memo is not None and det.memo.hits
    assert det.add_value("imsi", imsi)
    assert {(h.type, h.location) for h in det.scan_request(url, [], None).hits} == {("imsi", "url")}


def test_an_opening_after_the_budget_ran_out_is_not_kept() -> None:
    """Past a limit, openings skip work without counting a new cut: what they found is not the string's."""
    limits = Limits(max_blobs=1, max_hex_blobs=1)
    memo = Detector.build(IDENTITY, limits=limits)
    fresh = Detector.build(IDENTITY, limits=limits, memoize=False)
    hidden = quote("v=" + base64.urlsafe_b64encode(gzip.compress(b'{"e":"john@example.com"}')).decode(), safe="")
    spend = f"a={_b64('y' * 30)}&b={_b64('z' * 30)}&h1={'ab' * 20}&h2={'cd' * 20}"
    for url in (f"https://t.example/p?{spend}&s={hidden}", f"https://t.example/p?s={hidden}"):
        assert _same(memo.scan_request(url, [], None), fresh.scan_request(url, [], None)), url
    assert {h.type for h in fresh.scan_request(url, [], None).hits} == {"email"}
