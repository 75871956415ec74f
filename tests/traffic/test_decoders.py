from __future__ import annotations

import base64
import json
import time
import zlib

import brotli
import zstandard

from dynscan.identity import Identity
from dynscan.traffic.detect import Detector
from dynscan.traffic.inflate import undo_content_encoding
from dynscan.traffic.limits import Budget, Limits
from dynscan.traffic.location import GeoMatcher, from_key_value, from_text

IMEI = "356938035643809"
DET = Detector.build(Identity(imei=IMEI, latitude=-33.8688, longitude=151.2093))


def hits(r: object) -> set[tuple[str, str, str]]:
    return {(h.type, h.encoding, h.location) for h in r.hits}  # type: ignore[attr-defined]


def test_every_content_encoding_and_stacked_encodings() -> None:
    body = f"i={IMEI}".encode()
    for name, data in [("gzip", zlib.compress(body, wbits=31)), ("deflate", zlib.compress(body)),
                       ("br", brotli.compress(body)), ("zstd", zstandard.ZstdCompressor().compress(body)),
                       ("gzip, br", brotli.compress(zlib.compress(body, wbits=31)))]:
        b = Budget(Limits())
        assert undo_content_encoding(data, name, b) == body, name
        assert not b.cuts


def test_bombs_stop_at_the_cap() -> None:
    lim = Limits(max_inflate_bytes=1 << 20)
    for name, data in [("zstd", zstandard.ZstdCompressor().compress(b"\0" * (64 << 20))),
                       ("br", brotli.compress(b"\0" * (64 << 20), quality=1))]:
        b = Budget(lim)
        t = time.perf_counter()
        assert len(undo_content_encoding(data, name, b)) <= 1 << 20
        assert b.cuts["inflate_cap"] == 1 and time.perf_counter() - t < 2


def test_websocket_message_json_in_base64_in_json() -> None:
    inner = base64.b64encode(json.dumps({"d": IMEI}).encode()).decode()
    assert ("imei", "base64", "body") in hits(DET.scan_message(json.dumps({"p": inner})))


def test_negative_coordinates_and_precision() -> None:
    geo = GeoMatcher(-33.8688, 151.2093)
    assert geo.match(from_text(b'{"latitude":-33.87,"longitude":151.21}')) == 2
    assert geo.match(from_key_value("lat_e6", -33868800) + from_key_value("lng_e6", 151209300)) == 6
    assert geo.match(from_text(b"lat=-33.87&lon=-151.21")) is None
    r = DET.scan_request("http://h/x?loc=-33.8689,151.2094", [], None)
    assert ("location", "plain", "url") in hits(r)
