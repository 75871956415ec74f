"""The package and the config's party data reach mitmdump as options; the worker's party is the one
classifier's."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dynscan.store import open_store

from .harness import IMEI, Mitmdump

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Mitmdump]:
    work = tmp_path_factory.mktemp("party")
    sigs = work / "sigs.json"
    sigs.write_text(json.dumps({"sdks": [{"id": "acme", "name": "Acme", "domains": ["acme.io"]}]}))
    session = work / "session"
    with open_store(session) as store:  # the app's own code opened own-api.io; an SDK's code t.sdkhost.io
        now = time.time()
        store.append({"kind": "net_request", "ts": now, "url": "https://own-api.io/", "host": "own-api.io",
                      "api": "java.net.URL.openConnection", "stack": ["com.shop.app.Api.call(Api.java:3)"]})
        store.append({"kind": "net_request", "ts": now, "url": "https://t.sdkhost.io/",
                      "host": "t.sdkhost.io", "api": "java.net.URL.openConnection",
                      "stack": ["com.umeng.commonsdk.utils.UMUtils.send(UMUtils.java:9)",
                                "com.shop.app.App.x(A.java:1)"]})
    m = Mitmdump(work, session, None, sinkhole=True,
                 options={"dynscan_package": "com.shop.app", "dynscan_first_party_domains": "cfg-backend.net",
                          "dynscan_sdk_signatures": str(sigs)})
    yield m
    m.stop()


@pytest.mark.parametrize(("host", "party", "sdk"), [
    ("api.cfg-backend.net", "first", None),  # the config's first-party domains, as an option
    ("img.shop.com", "first", None),  # guessed from the package option
    ("t.acme.io", "third", "acme"),  # the config's SDK signature file
    ("own-api.io", "first", None),  # learned: only the app's code opened it
    ("t.sdkhost.io", "third", "umeng-analytics"),  # an SDK's code opened it
    ("cdn.nobody.io", "unknown", None),
])
def test_party_in_the_proxy_comes_from_config_package_and_openers(
        proxy: Mitmdump, host: str, party: str, sdk: str | None) -> None:
    assert proxy.http("GET", f"http://{host}/p?imei={IMEI}") == 200
    event = proxy.wait_event(host, field="host")
    assert (event["party"], event.get("sdk")) == (party, sdk)


@pytest.mark.parametrize(("name", "value", "said"), [
    ("dynscan_sdk_signatures", "{bad}", "is not valid JSON"),
    ("dynscan_package", "com.x;rm -rf", "not a package name"),
])
def test_bad_party_options_stop_mitmdump_at_start(tmp_path: Path, name: str, value: str, said: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    try:
        m = Mitmdump(tmp_path, tmp_path / "session", None, options={name: value.format(bad=bad)})
    except RuntimeError:  # exited before it listened
        pass
    else:
        assert m.proc.wait(timeout=30) != 0
        m.stop()
    assert said in (tmp_path / "mitmdump.log").read_text()
