"""``--capture wireguard``, the mitmdump side: a real mitmdump in WireGuard mode on loopback, and a
WireGuard peer (a pure-Python implementation standing in for the phone's app) sending traffic through it."""

from __future__ import annotations

import asyncio
import json
import os
import stat
import time
from pathlib import Path
from typing import Any

import pytest

from dynscan.capture.proxy import ProxyProcess
from dynscan.capture.wireguard import (
    WireGuardListen,
    check_listen_host,
    free_udp_port,
    mode_spec,
    parse_client_conf,
    udp_in_use,
)
from dynscan.errors import SetupError
from dynscan.store import open_store

IMEI = "868915043124781"


def test_mode_spec_keeps_odd_key_paths_and_brackets_ipv6() -> None:
    from mitmproxy.proxy.mode_specs import ProxyMode

    spec = mode_spec(Path("/tmp/a:b@c/keys.json"), "127.0.0.1", 51999)
    parsed = ProxyMode.parse(spec)
    assert parsed.data == "/tmp/a:b@c/keys.json" and parsed.custom_listen_port == 51999
    assert parsed.custom_listen_host == "127.0.0.1"
    assert mode_spec(Path("/k"), "::1", 5).endswith("@[::1]:5")
    assert WireGuardListen(host="127.0.0.1", endpoint_host="10.0.2.2").endpoint(5) == "10.0.2.2:5"
    assert WireGuardListen(host="::1").endpoint(5) == "[::1]:5"


def test_listen_host_must_be_an_address() -> None:
    assert check_listen_host("192.168.1.20") == "192.168.1.20"
    with pytest.raises(SetupError, match="not an IP address"):
        check_listen_host("$(reboot)")


def test_parse_client_conf() -> None:
    conf = parse_client_conf("[Interface]\nPrivateKey = a=\n# note\nAddress = 10.0.0.1/32\n\n[Peer]\nEndpoint = h:1\n")
    assert conf == {"Interface": {"PrivateKey": "a=", "Address": "10.0.0.1/32"}, "Peer": {"Endpoint": "h:1"}}


@pytest.mark.integration
@pytest.mark.timeout(90)
def test_mitmdump_in_wireguard_mode_writes_the_client_conf_and_carries_a_peers_traffic(tmp_path: Path) -> None:
    from mitmproxy_rs import wireguard

    session = tmp_path / "session"
    session.mkdir(mode=0o700)
    identity = tmp_path / "identity.json"
    identity.write_text(json.dumps({"imei": IMEI}))
    port = free_udp_port("127.0.0.1")
    proxy = ProxyProcess(session, sinkhole=True, confdir=tmp_path / "conf", identity=identity,
                         wireguard=WireGuardListen(host="127.0.0.1", port=port, endpoint_host="10.0.2.2"))
    assert "--listen-port" not in proxy.command()
    with proxy:
        files = proxy.wireguard_files
        assert udp_in_use("127.0.0.1", port)  # mitmproxy's WireGuard server holds the UDP port
        for f in (files.keys, files.client_conf):
            assert stat.S_IMODE(os.stat(f).st_mode) == 0o600, f
        assert stat.S_IMODE(os.stat(files.root).st_mode) == 0o700
        keys = json.loads(files.keys.read_text())
        conf = parse_client_conf(files.client_conf.read_text())
        assert conf["Interface"]["PrivateKey"] == keys["client_key"]
        assert conf["Interface"]["Address"] == "10.0.0.1/32"
        assert conf["Peer"]["PublicKey"] == wireguard.pubkey(keys["server_key"])
        assert conf["Peer"]["Endpoint"] == f"10.0.2.2:{port}"  # what an emulator dials for the host's loopback
        assert conf["Peer"]["AllowedIPs"] == "0.0.0.0/0"
        with pytest.raises(SetupError, match="UDP"):  # a second one on the same port
            ProxyProcess(tmp_path / "other", confdir=tmp_path / "conf",
                         wireguard=WireGuardListen(host="127.0.0.1", port=port)).start()
        # a WireGuard peer with that configuration (dialling 127.0.0.1 instead of the emulator's alias):
        # handshake, then plain HTTP to an address through the tunnel, answered by the sinkhole
        answer = asyncio.run(_through_tunnel(conf, port, b"GET /collect?imei=" + IMEI.encode()
                                             + b" HTTP/1.1\r\nHost: tracker.example\r\nConnection: close\r\n\r\n"))
        assert answer.startswith(b"HTTP/1.1 200 OK\r\n") and b"x-dynscan: sinkhole" in answer, answer
        time.sleep(0.5)  # the proxy's worker writes the flow
    assert proxy.proc is None and not udp_in_use("127.0.0.1", port)
    with open_store(session) as store:
        (flow,) = [e for e in store.iter_raw() if e["kind"] == "flow"]
    assert flow["url"] == f"http://tracker.example/collect?imei={IMEI}"
    assert flow["server_ip"] == "93.184.216.34"  # the original destination: pairs a native net_connect
    assert {(p["type"], p["location"]) for p in flow["pii"]} == {("imei", "url")}


async def _through_tunnel(conf: dict[str, dict[str, str]], port: int, request: bytes) -> bytes:
    """The tests' WireGuard client: wireguard-protocol, a pure-Python implementation (with its own TCP)."""
    from wireguard.async_initiator import AsyncInitiator
    from wireguard.requests_adapter import WGProxySocket

    peer = AsyncInitiator(conf["Interface"]["PrivateKey"], conf["Peer"]["PublicKey"])
    await peer.start(("127.0.0.1", port))
    try:
        assert await peer.wait_handshake_completion(10), "no WireGuard handshake with mitmdump"

        def exchange() -> bytes:
            sock: Any = WGProxySocket(peer, int.from_bytes(bytes([10, 0, 0, 1]), "big"))  # [Interface] Address
            sock.connect(("93.184.216.34", 80))
            sock.sendall(request)
            out, deadline = b"", time.monotonic() + 10
            while b"\r\n\r\n" not in out and time.monotonic() < deadline:
                data = sock.recv(4096)
                if not data:
                    break
                out += data
            sock.close()
            return out

        return await asyncio.to_thread(exchange)
    finally:
        await peer.stop()
