"""``--capture wireguard``, the mitmdump side: a real mitmdump in WireGuard mode on loopback."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

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
def test_mitmdump_in_wireguard_mode_listens_on_udp_and_writes_the_client_conf(tmp_path: Path) -> None:
    from mitmproxy_rs import wireguard

    session = tmp_path / "session"
    session.mkdir(mode=0o700)
    port = free_udp_port("127.0.0.1")
    proxy = ProxyProcess(session, sinkhole=True, confdir=tmp_path / "conf",
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
    assert proxy.proc is None and not udp_in_use("127.0.0.1", port)
