from __future__ import annotations

import json
import ssl
import urllib.request
from pathlib import Path

import pytest

from dynscan.capture.proxy import ProxyProcess
from dynscan.errors import SetupError
from dynscan.store import open_store

pytestmark = pytest.mark.integration

IMEI = "867530912345678"


@pytest.mark.timeout(90)
def test_sinkhole_proxy_records_personal_data_and_stops(tmp_path: Path) -> None:
    session = tmp_path / "session"
    session.mkdir()
    identity = tmp_path / "identity.json"
    identity.write_text(json.dumps({"imei": IMEI}))
    proxy = ProxyProcess(session, sinkhole=True, confdir=tmp_path / "conf", identity=identity)
    with proxy:
        ctx = ssl.create_default_context(cafile=str(proxy.ca_pem))
        opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({"https": f"http://127.0.0.1:{proxy.port}"}),
            urllib.request.HTTPSHandler(context=ctx))
        with opener.open(f"https://tracker.invalid/collect?imei={IMEI}", timeout=20) as resp:
            assert resp.status == 200  # answered by the sinkhole: the host does not even resolve
        pid = proxy.proc.pid if proxy.proc else -1
    assert proxy.proc is None
    with pytest.raises(ProcessLookupError):
        import os
        os.kill(pid, 0)
    with open_store(session) as store:
        flows = [e for e in store.iter_raw() if e["kind"] == "flow"]
    assert len(flows) == 1
    assert flows[0]["host"] == "tracker.invalid" and flows[0]["scheme"] == "https"
    assert {"type": "imei", "encoding": "plain", "location": "url"} in flows[0]["pii"]


@pytest.mark.timeout(60)
def test_port_in_use_is_a_setup_error(tmp_path: Path) -> None:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        with pytest.raises(SetupError, match="mitmdump"):
            ProxyProcess(tmp_path, port=port, confdir=tmp_path / "conf").start()
