"""The app is contained: connections only to the session's proxy, file writes only in its data directory.

The escape app tries to reach a server on the host around the proxy (``openConnection(Proxy.NO_PROXY)``,
a raw ``Socket``, a datagram; a name lookup finds nothing) and to write a file outside its data directory: nothing gets
through and each attempt is recorded with who tried, once: by the device, though the agent's socket hooks
saw the same calls fail.
"""

from __future__ import annotations

import socket
import threading
from pathlib import Path
from typing import Any

import pytest
from simui import nodes, tap_node, wait_for

from dynscan.device.sim import SimDevice
from dynscan.instrument.launch import instrument_app
from dynscan.store import open_store

pytestmark = pytest.mark.integration
PKG = "com.example.escape"


class Listener:
    """A TCP and a UDP socket on one loopback port that count what reaches them."""

    def __init__(self) -> None:
        self.tcp = socket.socket()
        self.tcp.bind(("127.0.0.1", 0))
        self.tcp.listen()
        self.port = self.tcp.getsockname()[1]
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", self.port))
        self.got: list[bytes] = []
        for target in (self._accept, self._datagrams):
            threading.Thread(target=target, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.tcp.accept()
            except OSError:
                return
            self.got.append(b"tcp connection")
            conn.close()

    def _datagrams(self) -> None:
        while True:
            try:
                self.got.append(self.udp.recv(4096))
            except OSError:
                return

    def close(self) -> None:
        self.tcp.close()
        self.udp.close()


@pytest.mark.timeout(90)
def test_nothing_gets_out_and_every_attempt_is_recorded(device: SimDevice, apks: dict[str, Path],
                                                        tmp_path: Path) -> None:
    events: list[dict[str, Any]] = []
    device.set_event_sink(events.append)
    device.install(apks["escape"])
    outside = tmp_path / "outside.txt"
    server = Listener()
    with open_store(tmp_path / "session") as store:
        try:
            device.set_clipboard(f"{server.port}|{outside}")
            agent = instrument_app(device, PKG, store)  # under the agent, as in a run
            try:
                tap_node(device, text="Escape")
                status = wait_for(lambda: next((n["text"] for n in nodes(device.dump_ui())
                                                if n["text"].startswith("done:")), None), 30)
            finally:
                agent.stop()
        finally:
            server.close()
        hooked = [e for e in store.iter_raw() if e.get("source") == "agent"]
    got = dict(part.split("=") for part in status.split()[1:])
    assert got.pop("own") == "through" and got.pop("http") in ("refused", "error"), status  # HttpURLConnection
    assert got.pop("dns") == "error", status  # UnknownHostException: names resolve from the device's hosts file
    assert set(got.values()) == {"refused"}, status  # wraps the SecurityException into an IOException
    assert server.got == [] and not outside.exists()
    assert (device.root / "data" / PKG / "files" / "own.txt").read_text() == "x"  # its own data: allowed
    nets = [e for e in events if e["kind"] == "net_connect"]
    assert [(e["host"], e["port"], e["proto"], e["blocked"]) for e in nets] == [
        ("127.0.0.1", server.port, "tcp", True), ("127.0.0.1", server.port, "tcp", True),
        ("127.0.0.1", server.port, "udp", True)]
    assert all(e["source"] == "device" and e["process"] == PKG and isinstance(e["ts"], float) for e in nets)
    assert nets[1]["via"].startswith("java.net.Socket.")
    # the agent's socket hooks saw those calls fail with the device's refusal: the device's record is the one
    assert [e for e in hooked if e["kind"] == "net_connect"] == []
    assert any(e["kind"] == "api_call" and e.get("data_type") == "android_id" for e in hooked)  # hooks were live
    for e in nets:  # who tried: the app's own frame is on the stack
        assert any(f.startswith("com.example.escape.MainActivity.") for f in e["stack"]), e["stack"]
    [blocked] = [e for e in events if e["kind"] == "file_blocked"]
    assert blocked["path"] == str(outside.resolve()) and blocked["op"] == "write"
    assert any(f.startswith("com.example.escape.MainActivity.") for f in blocked["stack"])
    from dynscan.events.model import parse_event

    for e in [*nets, blocked]:  # CONTRACTS events, as the store will read them back
        parse_event(e)
