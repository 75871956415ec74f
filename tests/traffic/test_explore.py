"""Decoding to a fixed point: the shapes real trackers send, written from issue #12's patterns."""

from __future__ import annotations

import time
import tracemalloc
from urllib.parse import quote

import pytest

from dynscan.identity import Identity
from dynscan.traffic.detect import Detector, ScanResult

EMAIL = "john@example.com"
DET = Detector.build(Identity(email=EMAIL, latitude=39.9042, longitude=116.4074))
DECOY = Detector.build(Identity(email="jane@example.com", latitude=-33.8688, longitude=151.2093))
FORM = [(b"content-type", b"application/x-www-form-urlencoded")]

# (name, url, headers, body, expected (type, encoding, location))
CASES: list[tuple[str, str, list[tuple[bytes, bytes]], bytes | None, tuple[str, str, str]]] = [
    ("query_in_query_in_query", "https://ads.example/r?p0=e%3Dce%26m%3D%255Bjohn%252540example.com%255D",
     [], None, ("email", "url+url+url", "url")),
    ("floodlight_path_params", "https://ad.doubleclick.net/activityi;src=4412345;type=invmedia;cat=conv;ord=1;"
     "~oref=https%3A%2F%2Fshop.example%2Fcheckout%3Fstep%3D2%26email%3Djohn%2540example.com?", [], None,
     ("email", "url+url", "url")),
    ("form_body_encoded_referer", "https://www.google-analytics.com/collect", FORM,
     b"v=1&tid=UA-1234-1&t=pageview&dr=https%3A%2F%2Fshop.example%2Faccount%3Femail%3Djohn%2540example.com"
     b"&dl=https%3A%2F%2Fshop.example%2F", ("email", "url+url", "body")),
    ("url_encoded_json_cookie", "https://t.example/p", [(b"cookie", b"_ga=GA1.2.3; user=%7B%22e%22%3A%22john%2540"
     b"example.com%22%2C%22id%22%3A7%7D")], None, ("email", "url+url", "cookie")),
    ("referer_header_with_json_in_query", "https://t.example/p", [(b"referer", b"https://shop.example/a?u=%7B%22"
     b"email%22%3A%22john%2540example.com%22%7D")], None, ("email", "url+url", "header")),
    ("location_in_query_in_query", "https://t.example/p?data=lat%3D39.9042%26lng%3D116.4074", [], None,
     ("location", "plain", "url")),
    ("base64_in_query_in_json_body", "https://t.example/p", [(b"content-type", b"application/json")],
     b'{"next":"https://x.example/cb?d=am9obkBleGFtcGxlLmNvbQ%3D%3D"}', ("email", "base64", "body")),
    ("percent_encoded_path", "https://t.example/u/john%252540example.com/view", [], None,
     ("email", "url+url+url", "url")),
]


def found(r: ScanResult) -> set[tuple[str, str, str]]:
    return {(h.type, h.encoding, h.location) for h in r.hits}


@pytest.mark.parametrize(("name", "url", "headers", "body", "expected"), CASES, ids=[c[0] for c in CASES])
def test_nested_encodings_are_decoded_with_every_step_in_the_chain(
        name: str, url: str, headers: list[tuple[bytes, bytes]], body: bytes | None,
        expected: tuple[str, str, str]) -> None:
    r = DET.scan_request(url, headers, body)
    assert expected in found(r), name
    assert not r.cuts
    assert found(DECOY.scan_request(url, headers, body)) == set(), name  # no false positive


def test_fifty_levels_of_percent_encoding_are_cut_and_counted() -> None:
    v = EMAIL
    for _ in range(50):
        v = quote(v, safe="")
    t = time.perf_counter()
    r = DET.scan_request(f"https://t.example/x?e={v}", [(b"x-e", v.encode())], v.encode())
    assert time.perf_counter() - t < 0.5
    assert r.cuts["url_decodes"] >= 1 and r.hits == []


def test_ten_megabyte_query_string_stays_within_budget() -> None:
    query = "&".join(f"k{i}=v{i}%2540x" for i in range(800_000)).encode()[: 10 << 20]
    url = "https://t.example/x?" + query.decode() + "&e=john%2540example.com"
    tracemalloc.start()
    t = time.perf_counter()
    try:
        r = DET.scan_request(url, [], None)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - t < 5  # under tracemalloc, on a shared machine
    assert peak < 128 << 20
    assert r.cuts["decode_bytes"] >= 1 and r.cuts["pairs"] >= 1


def test_a_percent_encoded_short_coordinate_in_a_form_is_found() -> None:
    det = Detector.build(Identity(latitude=-33.9, longitude=151.2))
    r = det.scan_request("https://t.example/p", FORM, b"lat=%2D33.9&lng=151.2&x=1")
    assert ("location", "plain", "body") in found(r)
