"""The sinkhole addon answers HTTPS locally (even for hosts that do not resolve); party, SDK, pinning."""

from __future__ import annotations

import json
import ssl
import time
import zlib
from collections.abc import Iterator
from typing import Any

import pytest

from dynscan.store import open_store

from .harness import IDENTITY, IMEI, Mitmdump, pii_set, read_ws_frame, ws_frame

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]


@pytest.fixture(scope="module")
def sinkhole(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Mitmdump]:
    work = tmp_path_factory.mktemp("sinkhole")
    session = work / "session"
    with open_store(session) as store:
        store.append({"kind": "session_start", "ts": 1.0, "source": "driver", "package": "com.example.shop",
                      "first_party_domains": ["api.myshop.cn"]})
    (session / "identity.json").write_text(json.dumps(IDENTITY))  # found without dynscan_identity
    m = Mitmdump(work, session, None, sinkhole=True)
    yield m
    m.stop()
    assert not m.alive()


@pytest.mark.parametrize(("host", "party", "sdk"), [
    ("collect.tracker.invalid", "unknown", None),  # neither SDK data nor SDK code: not a third party
    ("api.example.com", "first", None),
    ("cdn.myshop.cn", "first", None),
    ("ads.tanx.com", "third", "alibaba-tanx"),
])
def test_https_answered_locally_and_classified(sinkhole: Mitmdump, host: str, party: str, sdk: str | None) -> None:
    status = sinkhole.https("POST", host, 443, f"/sink?imei={IMEI}", body=b'{"x":1}',
                            headers={"content-type": "application/json"})
    assert status == 200  # no upstream: these names do not even resolve here
    event = sinkhole.wait_event(host, field="host")
    assert event["scheme"] == "https" and event["party"] == party and event.get("sdk") == sdk
    assert ("imei", "plain", "url") in pii_set(event)


def test_plain_http_answered_locally(sinkhole: Mitmdump) -> None:
    assert sinkhole.http("GET", f"http://nowhere.invalid/p?aid={IDENTITY['android_id']}") == 200
    assert ("android_id", "plain", "url") in pii_set(sinkhole.wait_event("nowhere.invalid", field="host"))


def test_refused_tls_handshake_is_recorded_per_host(sinkhole: Mitmdump) -> None:
    with pytest.raises(ssl.SSLError):  # a client that does not trust the CA, as a pinning app
        sinkhole.https("GET", "pinned.example.net", 443, "/", trust=False)
    event = sinkhole.wait_event("pinned.example.net", kind="tls_failed", field="host")
    assert event["source"] == "proxy" and event["count"] >= 1


@pytest.mark.parametrize(("tls", "scheme"), [(False, "ws"), (True, "wss")])
def test_websocket_upgrade_is_completed_and_messages_recorded(sinkhole: Mitmdump, tls: bool, scheme: str) -> None:
    host = f"{scheme}.chat.invalid"  # does not resolve: only the sinkhole can answer
    s, f, head = sinkhole.open_websocket(host, 443 if tls else 80, f"/live?aid={IDENTITY['android_id']}", tls)
    with s:
        assert b"x-dynscan: sinkhole" in head
        s.sendall(ws_frame(json.dumps({"imei": IMEI}).encode()))
        s.sendall(ws_frame(b"\x0a\x0f" + IMEI.encode(), opcode=0x2))  # binary: protobuf-like
        s.sendall(ws_frame(b"hello"))
        s.sendall(ws_frame(b"are-you-there", opcode=0x9))
        assert read_ws_frame(f) == (0xA, b"are-you-there")  # the ping is answered, nothing else comes back
        s.sendall(ws_frame(b"\x03\xe8", opcode=0x8))
        assert read_ws_frame(f) == (0x8, b"\x03\xe8")  # the close is echoed
    deadline = time.monotonic() + 60
    while True:
        events = [e for e in sinkhole.events() if e["host"] == host]
        if len(events) >= 4 or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert {e["scheme"] for e in events} == {scheme}
    handshake = [e for e in events if e["method"] == "GET"]
    messages = [e for e in events if e["method"] == "WEBSOCKET"]
    assert len(handshake) == 1 and ("android_id", "plain", "url") in pii_set(handshake[0])
    assert all(e["url"].startswith(f"{scheme}://{host}") for e in events)
    assert [sorted(pii_set(e)) for e in messages] == [[("imei", "plain", "body")]] * 2 + [[]]
    assert sinkhole.alive()


def test_proxy_keeps_serving_after_a_client_drops_a_sinkholed_websocket(sinkhole: Mitmdump) -> None:
    s, _f, _head = sinkhole.open_websocket("drop.chat.invalid", 80, "/x")
    s.sendall(ws_frame(b"x" * 10))
    s.close()  # no close frame
    assert sinkhole.http("GET", "http://after-drop.invalid/ok") == 200
    assert sinkhole.alive()


def deflate_message(payload: bytes, z: Any) -> bytes:
    """One permessage-deflate message (RFC 7692): raw deflate, sync flush, the 00 00 ff ff tail cut."""
    return (z.compress(payload) + z.flush(zlib.Z_SYNC_FLUSH))[:-4]


def test_permessage_deflate_frames_are_inflated_before_scanning(sinkhole: Mitmdump) -> None:
    host = "deflate.chat.invalid"
    s, f, head = sinkhole.open_websocket(host, 80, "/live", extensions="permessage-deflate; client_max_window_bits")
    z = zlib.compressobj(wbits=-15)  # context takeover across messages, as browsers and OkHttp do
    with s:
        assert b"sec-websocket-extensions: permessage-deflate" in head.lower()
        s.sendall(ws_frame(deflate_message(json.dumps({"imei": IMEI}).encode(), z), rsv1=True))
        s.sendall(ws_frame(deflate_message(json.dumps({"again": IMEI}).encode(), z), rsv1=True))
        s.sendall(ws_frame(b"\x03\xe8", opcode=0x8))
        assert read_ws_frame(f) is not None
    deadline = time.monotonic() + 60
    while True:
        messages = [e for e in sinkhole.events() if e["host"] == host and e["method"] == "WEBSOCKET"]
        if len(messages) >= 2 or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert [sorted(pii_set(e)) for e in messages] == [[("imei", "plain", "body")]] * 2
