"""Every encoding, container and location case through a real mitmdump with the dynscan addons."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import random
import struct
import time
import zlib
from collections.abc import Callable
from urllib.parse import quote

import brotli
import pytest
import zstandard

from .harness import IDENTITY, IMEI, Mitmdump, Upstream, pii_set

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]

AID = IDENTITY["android_id"]
MAC = IDENTITY["mac"]
EMAIL = "jane.doe@example.com"
ADID = IDENTITY["adid"]


def b64(b: bytes | str) -> str:
    return base64.b64encode(b.encode() if isinstance(b, str) else b).decode()


def pb_string(field: int, data: bytes) -> bytes:
    return bytes([field << 3 | 2, len(data)]) + data


def pb_double(field: int, v: float) -> bytes:
    return bytes([field << 3 | 1]) + struct.pack("<d", v)


def varint(v: int) -> bytes:
    v &= (1 << 64) - 1
    out = bytearray()
    while v > 0x7F:
        out.append(v & 0x7F | 0x80)
        v >>= 7
    return bytes([*out, v])


def pb_varint(field: int, v: int, zigzag: bool = False) -> bytes:
    return varint(field << 3) + varint((v << 1) ^ (v >> 63) if zigzag else v)


def jwt(payload: dict[str, str]) -> str:
    def part(d: dict[str, str]) -> str:
        return base64.urlsafe_b64encode(json.dumps(d).encode()).rstrip(b"=").decode()
    return f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part(payload)}.c2lnbmF0dXJl"


JSON = {"content-type": "application/json"}
_rng = random.Random(20261127)
# name -> (query, headers, body, expected (type, encoding, location) items)
Case = tuple[str, dict[str, str], bytes | None, set[tuple[str, str, str]]]
CASES: dict[str, Case] = {
    "plain_query": (f"imei={IMEI}", {}, None, {("imei", "plain", "url")}),
    "imei14": (f"d={IMEI[:14]}", {}, None, {("imei", "plain", "url")}),
    "url_email": (f"e={quote(EMAIL, safe='')}", {}, None, {("email", "url", "url")}),
    "email_upper_trim": ("", {"X-User": " JANE.DOE@EXAMPLE.COM "}, None, {("email", "plain", "header")}),
    "mac_dash_upper": (f"m={MAC.replace(':', '-').upper()}", {}, None, {("mac", "plain", "url")}),
    "mac_bare": (f"m={MAC.replace(':', '')}", {}, None, {("mac", "plain", "url")}),
    "phone_national": ("p=13800138000", {}, None, {("phone_number", "plain", "url")}),
    "phone_e164_url": (f"p={quote('+8613800138000', safe='')}", {}, None,
                       {("phone_number", "plain", "url")}),
    "header_md5": ("", {"X-Dev": hashlib.md5(AID.encode()).hexdigest()}, None, {("android_id", "md5", "header")}),
    "md5_upper_value": ("", {"X-Dev": hashlib.md5(AID.upper().encode()).hexdigest().upper()}, None,
                        {("android_id", "md5", "header")}),
    "cookie_b64": ("", {"Cookie": f"sid=1; uid={b64(IMEI)}"}, None, {("imei", "base64", "cookie")}),
    "cookie_plain": ("", {"Cookie": f"aid={AID}"}, None, {("android_id", "plain", "cookie")}),
    "jwt": ("", {"Authorization": "Bearer " + jwt({"sub": AID})}, None, {("android_id", "base64", "header")}),
    "json_nested": ("", JSON, json.dumps({"a": {"b": [1, {"c": {"mac": MAC}}]}}).encode(),
                    {("mac", "plain", "body")}),
    "json_escaped": ("", JSON, b'{"e":"jane.doe\\u0040example.com","u":"http:\\/\\/x"}',
                     {("email", "json", "body")}),
    "form": ("", {"content-type": "application/x-www-form-urlencoded"},
             f"a=1&tel={quote('+8613800138000', safe='')}&e={quote(EMAIL)}".encode(),
             {("phone_number", "plain", "body"), ("email", "url", "body")}),
    "multipart": ("", {"content-type": "multipart/form-data; boundary=XyZ"},
                  (b"--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.bin\"\r\n\r\n"
                   + gzip.compress(json.dumps({"adid": ADID}).encode()) + b"\r\n--XyZ--\r\n"),
                  {("adid", "plain", "body")}),
    "hex_upper": ("", {}, b"d=" + EMAIL.encode().hex().upper().encode(), {("email", "hex", "body")}),
    "b64_align1": ("", {}, base64.b64encode(b"x" + IMEI.encode() + b"tail"), {("imei", "base64", "body")}),
    "b64_align2": ("", {}, base64.urlsafe_b64encode(b"xy{" + AID.encode() + b"}"),
                   {("android_id", "base64", "body")}),
    "b64_md5_hex": ("", {}, f"k={b64(hashlib.md5(IMEI.encode()).hexdigest())}".encode(),
                    {("imei", "base64+md5", "body")}),
    "b64_sha256_raw": ("", {}, f"{{\"h\":\"{b64(hashlib.sha256(IMEI.encode()).digest())}\"}}".encode(),
                       {("imei", "base64+sha256", "body")}),
    "sha1_mac_bare_upper": ("", {}, hashlib.sha1(MAC.replace(":", "").upper().encode()).hexdigest().encode(),
                            {("mac", "sha1", "body")}),
    "b64_json_b64": (f"d={b64(json.dumps({'x': b64(IMEI)}))}", {}, None, {("imei", "base64+base64", "url")}),
    "extra_value": ("uid=u-88127345", {}, None, {("user_id", "plain", "url")}),
    "gzip_json": ("", {**JSON, "content-encoding": "gzip"}, gzip.compress(json.dumps({"i": IMEI}).encode()),
                  {("imei", "plain", "body")}),
    "gzip_multi_member": ("", {**JSON, "content-encoding": "gzip"},
                          gzip.compress(b'{"seq":1}\n') + gzip.compress(json.dumps({"aid": AID}).encode()),
                          {("android_id", "plain", "body")}),
    "deflate": ("", {"content-encoding": "deflate"}, zlib.compress(f"aid={AID}".encode()),
                {("android_id", "plain", "body")}),
    "brotli": ("", {"content-encoding": "br"}, brotli.compress(f"aid={AID}".encode()),
               {("android_id", "plain", "body")}),
    "zstd": ("", {"content-encoding": "zstd"}, zstandard.ZstdCompressor().compress(f"aid={AID}".encode()),
             {("android_id", "plain", "body")}),
    "protobuf_gzip": ("", {"content-type": "application/x-protobuf", "content-encoding": "gzip"},
                      gzip.compress(pb_string(1, IMEI.encode()) + pb_string(2, pb_double(1, 39.9042)
                                    + pb_double(2, 116.4074))),
                      {("imei", "plain", "body"), ("location", "plain", "body")}),
    "protobuf_b64_field": ("", {"content-type": "application/x-protobuf"},
                           pb_string(3, b"\x08\x01") + pb_string(5, base64.b64encode(b"mac=" + MAC.encode())),
                           {("mac", "base64", "body")}),
    "location_json": ("", JSON, json.dumps({"geo": {"lat": 39.9043, "lng": 116.4071}}).encode(),
                      {("location", "plain", "body")}),
    "location_e7": ("latE7=399042123&lngE7=1164074321", {}, None, {("location", "plain", "url")}),
    "location_ll": ("ll=39.90,116.41", {}, None, {("location", "plain", "url")}),
    "location_pb_sint_e7": ("", {"content-type": "application/x-protobuf"},
                            pb_string(1, b"fix") + pb_varint(2, 399042123, True) + pb_varint(3, 1164074321, True),
                            {("location", "plain", "body")}),
    "location_pb_int64_e6_gzip": ("", {"content-type": "application/x-protobuf", "content-encoding": "gzip"},
                                  gzip.compress(pb_varint(1, 7) + pb_string(2, pb_varint(1, 39904200)
                                                + pb_varint(2, 116407400) + pb_varint(3, -1))),
                                  {("location", "plain", "body")}),
    "hex_gzip_json": ("", JSON, json.dumps({"p": gzip.compress(json.dumps({"i": IMEI}).encode()).hex()}).encode(),
                      {("imei", "hex", "body")}),
    "hex_upper_b64": (f"d={base64.b64encode(f'aid={AID}'.encode()).hex().upper()}", {}, None,
                      {("android_id", "hex+base64", "url")}),
    "hex_protobuf_location": ("", JSON, json.dumps({"g": (pb_double(1, 39.9042) + pb_double(2, 116.4074)).hex()})
                              .encode(), {("location", "hex", "body")}),
}
NEGATIVE: dict[str, Case] = {
    "random_15_digit": ("n=" + "&n=".join(str(_rng.randrange(10**14, 10**15)) for _ in range(20)),
                        {}, " ".join(str(_rng.randrange(10**14, 10**15)) for _ in range(2000)).encode(), set()),
    "other_device": ("i=490154203237518&a=f1e2d3c4b5a69788&m=02:1a:11:f0:3c:7e",
                     {"X-Id": hashlib.md5(b"f1e2d3c4b5a69788").hexdigest()},
                     json.dumps({"e": "john.roe@example.org", "adid": "cdda802e-fb9c-47ad-9866-0794d394c912"}).encode(),
                     set()),
    "zero_adid_not_matched": ("oaid=00000000-0000-0000-0000-000000000000", {}, None, set()),
    "location_far": ("", JSON, json.dumps({"lat": 39.95, "lng": 116.4074, "x": {"lat": 40.9, "lon": 117.4}}).encode(),
                     set()),
    "only_lat": ("lat=39.9042", {}, None, set()),
    "random_hex": ("h=" + _rng.randbytes(20).hex(), JSON,
                   json.dumps({"h": [_rng.randbytes(n).hex() for n in (8, 16, 20, 32, 64, 500) for _ in range(10)],
                               "u": _rng.randbytes(4000).hex().upper()}).encode(), set()),
    "location_pb_far": ("", {"content-type": "application/x-protobuf"},
                        pb_varint(1, 399042123, True) + pb_varint(2, 1165074321, True), set()),
}


def _send(proxy: Mitmdump, upstream: Upstream, name: str, case: Case) -> None:
    query, headers, body, _ = case
    url = f"http://127.0.0.1:{upstream.http_port}/case/{name}" + (f"?{query}" if query else "")
    assert proxy.http("POST" if body is not None else "GET", url, headers, body) == 200


@pytest.fixture(scope="module")
def sent(proxy: Mitmdump, upstream: Upstream) -> Callable[[str], dict[str, object]]:
    """Send every case once, then look events up by case name."""
    for name, case in {**CASES, **NEGATIVE}.items():
        _send(proxy, upstream, name, case)
    return lambda name: proxy.wait_event(f"/case/{name}")


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_encoding_and_container_is_found(sent: Callable[[str], dict[str, object]], name: str) -> None:
    event = sent(name)
    assert event["kind"] == "flow" and event["source"] == "proxy" and event["scheme"] == "http"
    assert CASES[name][3] <= pii_set(event), event["pii"]


@pytest.mark.parametrize("name", sorted(NEGATIVE))
def test_negative_cases_do_not_match(sent: Callable[[str], dict[str, object]], name: str) -> None:
    assert sent(name)["pii"] == []


def test_location_reports_the_precision_seen(sent: Callable[[str], dict[str, object]]) -> None:
    pii = sent("location_json")["pii"]
    assert isinstance(pii, list)
    assert [p["precision"] for p in pii if p["type"] == "location"] == [4]
    e7 = [p for p in sent("location_e7")["pii"] if p["type"] == "location"]  # type: ignore[attr-defined]
    assert e7[0]["precision"] == 7
    for name, digits in (("location_pb_sint_e7", 7), ("location_pb_int64_e6_gzip", 6)):
        pb = [p for p in sent(name)["pii"] if p["type"] == "location"]  # type: ignore[attr-defined]
        assert [p["precision"] for p in pb] == [digits], name


def test_https_through_the_proxy_with_its_ca(proxy: Mitmdump, upstream: Upstream) -> None:
    status = proxy.https("POST", "localhost", upstream.https_port, f"/case/https?aid={AID}",
                         headers=JSON, body=json.dumps({"imei": IMEI}).encode())
    assert status == 200
    event = proxy.wait_event("/case/https")
    assert event["scheme"] == "https" and event["host"] == "localhost"
    assert {("android_id", "plain", "url"), ("imei", "plain", "body")} <= pii_set(event)


def test_websocket_messages_from_the_client(proxy: Mitmdump, upstream: Upstream) -> None:
    echoes = proxy.websocket("127.0.0.1", upstream.http_port, "/case/ws",
                             [json.dumps({"t": "hello"}).encode(), json.dumps({"d": b64(IMEI)}).encode()])
    assert len(echoes) == 2  # traffic is relayed unchanged
    deadline = time.monotonic() + 60
    while True:
        events = [e for e in proxy.events() if "/case/ws" in e["url"] and e["method"] == "WEBSOCKET"]
        if len(events) >= 2 or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert {e["scheme"] for e in events} == {"ws"} and all(e["url"].startswith("ws://") for e in events)
    assert sorted(len(e["pii"]) for e in events) == [0, 1]
    assert ("imei", "base64", "body") in set().union(*(pii_set(e) for e in events))


def test_raw_tcp_payload(proxy: Mitmdump, upstream: Upstream) -> None:
    payload = b"\x00\x07PING" + pb_string(1, AID.encode())
    assert proxy.tcp("127.0.0.1", upstream.tcp_port, payload).startswith(b"echo:")
    event = proxy.wait_event(f"tcp://127.0.0.1:{upstream.tcp_port}")
    assert event["scheme"] == "tcp" and ("android_id", "plain", "body") in pii_set(event)


def test_values_learned_mid_session_are_found(proxy: Mitmdump, upstream: Upstream) -> None:
    from dynscan.store import open_store

    imsi = "460001357924680"
    assert proxy.http("GET", f"http://127.0.0.1:{upstream.http_port}/case/learn0?s={imsi}") == 200
    assert proxy.wait_event("/case/learn0")["pii"] == []
    with open_store(proxy.session) as store:
        store.append({"kind": "api_call", "ts": 1.0, "source": "agent", "api": "x.TelephonyManager.getSubscriberId",
                      "category": "device_id", "data_type": "imsi", "value": imsi})
    time.sleep(0.05)  # past FRESH_SECONDS: the next flow makes the worker read the store first (worker.refresh)
    assert proxy.http("GET", f"http://127.0.0.1:{upstream.http_port}/case/learn1?s={imsi}") == 200
    assert ("imsi", "plain", "url") in pii_set(proxy.wait_event("/case/learn1"))


def test_raw_flows_are_kept_for_mitmweb(proxy: Mitmdump, upstream: Upstream, sent: object) -> None:
    from mitmproxy import io

    with (proxy.session / "flows.mitm").open("rb") as f:
        urls = [fl.request.url for fl in io.FlowReader(f).stream() if hasattr(fl, "request")]
    assert any("/case/plain_query" in u for u in urls)


def test_events_are_valid_contract_flow_events(proxy: Mitmdump, sent: object) -> None:
    from dynscan.events.model import Flow, parse_event

    events = proxy.events()
    assert events
    for e in events:
        ev = parse_event(e)
        assert isinstance(ev, Flow) and ev.attribution == "unknown" and ev.party in {"first", "third", "unknown"}
