"""Hostile bodies, URLs and headers against the addon inside a real mitmdump: bounded, and it keeps serving."""

from __future__ import annotations

import base64
import gzip
import json
import os
import time
import zlib

import brotli
import pytest

from .harness import IMEI, Mitmdump, Upstream, pii_set

pytestmark = [pytest.mark.integration, pytest.mark.timeout(180)]
MiB = 1 << 20


def gzip_bomb(gib: int = 1) -> bytes:
    """About 1 MB of gzip that inflates to ``gib`` GiB: one fully flushed 16 MiB block repeated."""
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b"\0" * (16 * MiB)
    head = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    return head + block * (64 * gib - 1) + c.flush()


def nested_b64(levels: int) -> bytes:
    data = IMEI.encode()
    for _ in range(levels):
        data = base64.b64encode(data)
    return data


BAD: dict[str, tuple[dict[str, str], bytes]] = {
    "garbage": ({"content-type": "application/octet-stream"}, os.urandom(MiB)),
    "truncated_gzip": ({"content-encoding": "gzip"},
                       gzip.compress(f"imei={IMEI}&r=".encode() + os.urandom(4000).hex().encode())[:600]),
    "bad_gzip": ({"content-encoding": "gzip"}, b"\x1f\x8b\x08\x00garbage-not-deflate" * 10),
    "unknown_encoding": ({"content-encoding": "snappy"}, b"\x00\x01\x02"),
    "gzip_bomb": ({"content-encoding": "gzip"}, gzip_bomb()),
    "brotli_bomb": ({"content-encoding": "br"}, brotli.compress(b"\0" * (256 * MiB), quality=1)),
    "json_deep": ({"content-type": "application/json"}, b"[" * 100_000 + b"]" * 100_000),
    "json_deep_objects": ({"content-type": "application/json"}, b'{"a":' * 100_000 + b"1" + b"}" * 100_000),
    "base64_forever": ({}, nested_b64(30)),
    "protobuf_looping": ({"content-type": "application/x-protobuf"}, b"\x0a\x7f" * 50_000),
}


def _check_served(proxy: Mitmdump, upstream: Upstream, marker: str) -> None:
    assert proxy.alive()
    url = f"http://127.0.0.1:{upstream.http_port}/after/{marker}?imei={IMEI}"
    assert proxy.http("GET", url) == 200
    assert ("imei", "plain", "url") in pii_set(proxy.wait_event(f"/after/{marker}"))


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_bodies_are_bounded_and_the_proxy_keeps_serving(proxy: Mitmdump, upstream: Upstream, name: str) -> None:
    headers, body = BAD[name]
    t0 = time.monotonic()
    assert proxy.http("POST", f"http://127.0.0.1:{upstream.http_port}/bad/{name}", headers, body) == 200
    event = proxy.wait_event(f"/bad/{name}")
    assert time.monotonic() - t0 < 20
    assert event["kind"] == "flow"
    _check_served(proxy, upstream, name)


def test_cuts_are_counted(proxy: Mitmdump, upstream: Upstream) -> None:
    for name in ("gzip_bomb", "truncated_gzip", "base64_forever"):
        headers, body = BAD[name]
        assert proxy.http("POST", f"http://127.0.0.1:{upstream.http_port}/cuts/{name}", headers, body) == 200
    assert proxy.wait_event("/cuts/gzip_bomb")["scan_cuts"]["inflate_cap"] >= 1
    assert proxy.wait_event("/cuts/truncated_gzip")["scan_cuts"]["truncated_stream"] >= 1
    assert proxy.wait_event("/cuts/base64_forever")["scan_cuts"]["depth"] >= 1


def test_truncated_gzip_still_yields_what_was_inflated(proxy: Mitmdump, upstream: Upstream) -> None:
    headers, body = BAD["truncated_gzip"]
    assert proxy.http("POST", f"http://127.0.0.1:{upstream.http_port}/trunc2", headers, body) == 200
    assert ("imei", "plain", "body") in pii_set(proxy.wait_event("/trunc2"))


def test_hundred_megabyte_body(proxy: Mitmdump, upstream: Upstream) -> None:
    body = bytearray(100 * MiB)
    body[5 * MiB:5 * MiB + 15] = IMEI.encode()
    t0 = time.monotonic()
    assert proxy.http("POST", f"http://127.0.0.1:{upstream.http_port}/big", {}, bytes(body), timeout=60) == 200
    event = proxy.wait_event("/big", timeout=60)
    assert time.monotonic() - t0 < 60
    assert ("imei", "plain", "body") in pii_set(event)
    assert event["scan_cuts"]["scan_bytes"] >= 1  # only the first 32 MiB are searched
    _check_served(proxy, upstream, "big")


def test_invalid_utf8_in_url_and_headers(proxy: Mitmdump, upstream: Upstream) -> None:
    req = (f"GET http://127.0.0.1:{upstream.http_port}/badutf8/%ff%fe?q=%C3%28%ff&imei={IMEI} HTTP/1.1\r\n"
           f"Host: 127.0.0.1:{upstream.http_port}\r\nX-Bad: \xff\xfe\xfd {IMEI[:14]}\r\n"
           "Cookie: a=\xc3\x28; b=%ff\r\nContent-Length: 0\r\n\r\n").encode("latin-1")
    assert proxy.raw(req).startswith(b"HTTP/1.1 200")
    event = proxy.wait_event("/badutf8/")
    assert {("imei", "plain", "url"), ("imei", "plain", "header")} <= pii_set(event)
    # raw non-ASCII bytes in the request line itself: mitmproxy answers 400 and goes on serving
    bad_line = f"GET http://127.0.0.1:{upstream.http_port}/raw/\xff\xfe HTTP/1.1\r\n\r\n".encode("latin-1")
    assert proxy.raw(bad_line).startswith(b"HTTP/1.1 400")
    _check_served(proxy, upstream, "utf8")


def test_json_deep_values_still_matched_in_raw_text(proxy: Mitmdump, upstream: Upstream) -> None:
    body = b"[" * 100_000 + json.dumps({"i": IMEI}).encode() + b"]" * 100_000
    assert proxy.http("POST", f"http://127.0.0.1:{upstream.http_port}/deepimei", {}, body) == 200
    assert ("imei", "plain", "body") in pii_set(proxy.wait_event("/deepimei"))


def test_deep_percent_encoding_and_a_huge_form_body_are_cut_and_counted(proxy: Mitmdump, upstream: Upstream) -> None:
    from urllib.parse import quote

    deep = f"imei={IMEI}"
    for _ in range(50):
        deep = quote(deep, safe="")
    base = f"http://127.0.0.1:{upstream.http_port}"
    form = {"content-type": "application/x-www-form-urlencoded"}
    huge = b"&".join(b"k%d=v%d%%2540x" % (i, i) for i in range(800_000))[: 10 * MiB]
    t0 = time.monotonic()
    assert proxy.http("POST", f"{base}/cuts/deep?e={deep}", form, f"e={deep}".encode()) == 200
    assert proxy.http("POST", f"{base}/cuts/huge_form", form, huge) == 200
    assert proxy.wait_event("/cuts/deep")["scan_cuts"]["url_decodes"] >= 1
    cuts = proxy.wait_event("/cuts/huge_form")["scan_cuts"]
    assert cuts["decode_bytes"] >= 1 and cuts["pairs"] >= 1
    assert time.monotonic() - t0 < 30
    _check_served(proxy, upstream, "huge_form")
