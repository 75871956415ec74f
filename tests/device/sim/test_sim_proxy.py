"""App traffic goes through the session's proxy (real mitmdump), https included, trusting its CA."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from simui import wait_for

from dynscan.device.processes import kill_group, start_group
from dynscan.device.sim import SimDevice
from dynscan.errors import InputError

pytestmark = pytest.mark.integration

ADDON = Path(__file__).parent / "sinkhole_addon.py"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.timeout(120)
def test_leaky_sdk_upload_reaches_the_sinkhole_proxy(
    device: SimDevice, apks: dict[str, Path], tmp_path: Path
) -> None:
    port = free_port()
    log = tmp_path / "flows.jsonl"
    confdir = tmp_path / "mitm"
    mitmdump = Path(sys.executable).parent / "mitmdump"
    exe = str(mitmdump) if mitmdump.exists() else "mitmdump"
    proxy = start_group(
        [exe, "-q", "--listen-host", "127.0.0.1", "-p", str(port), "-s", str(ADDON), "--set", f"confdir={confdir}",
         "--set", "connection_strategy=lazy"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "SINKHOLE_LOG": str(log)},
    )
    try:
        assert wait_for(lambda: listening(port) and (confdir / "mitmproxy-ca-cert.pem").exists(), 30)
        device.set_proxy("127.0.0.1", port, confdir / "mitmproxy-ca-cert.pem")
        assert device.info().ca_installed
        device.install(apks["leaky"])
        device.launch("com.example.leaky")
        assert wait_for(lambda: log.exists() and len(log.read_text().splitlines()) >= 2, 20)
        flows = [json.loads(line) for line in log.read_text().splitlines()]
        by_host = {f["host"]: f for f in flows}
        post = by_host["ulogs.umeng.com"]
        assert post["scheme"] == "https" and post["method"] == "POST" and post["path"] == "/unify_logs"
        aid_md5 = hashlib.md5(device.identity()["android_id"].encode()).hexdigest()
        assert f"aid_md5={aid_md5}" in post["body"]
        assert by_host["alog.umeng.com"]["scheme"] == "http"
        time.sleep(0.2)
        app_log = (device.root / "logs" / "com.example.leaky.log").read_text()
        assert "upload https://ulogs.umeng.com/unify_logs -> 200" in app_log
    finally:
        kill_group(proxy, grace_s=0)


def test_without_a_proxy_app_traffic_is_blocked(device: SimDevice, tmp_path: Path) -> None:
    assert "blocked" in " ".join(device.info().notes)
    bad = tmp_path / "ca.pem"
    bad.write_text("not a certificate")
    with pytest.raises(InputError):
        device.set_proxy("127.0.0.1", 8080, bad)
    with pytest.raises(InputError, match="loopback"):
        device.set_proxy("10.0.0.1", 8080, bad)
