"""The sinkhole addon answers HTTPS locally (even for hosts that do not resolve); party, SDK, pinning."""

from __future__ import annotations

import json
import ssl
from collections.abc import Iterator

import pytest

from dynscan.store import open_store

from .harness import IDENTITY, IMEI, Mitmdump, pii_set

pytestmark = pytest.mark.timeout(120)


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
    ("collect.tracker.invalid", "third", None),
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
