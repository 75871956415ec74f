"""Frida's errors become one line naming the fix; a "frida-server" that speaks another protocol is caught
for real (Frida on the host talking to a TCP server that answers HTTP)."""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import frida
import pytest

from dynscan.device.frida_errors import explain
from dynscan.errors import SetupError

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/device, for the android package
from android.adb_server import FakePhone, ScriptedAdbServer


@pytest.mark.parametrize(("error", "fix"), [
    (frida.ProtocolError("unable to communicate with remote frida-server; please ensure that major versions match"),
     f"deploy frida-server {frida.__version__}"),
    (frida.TimedOutError("timeout was reached"), "frida-server stopped answering: restart it"),
    (frida.ServerNotRunningError("unable to connect to remote frida-server: closed"), "frida-server is not running"),
    (frida.TransportError("the connection is closed"), "frida-server died or the device was unplugged"),
])
def test_each_frida_error_names_its_fix(error: Exception, fix: str) -> None:
    msg = explain(error, "device X: cannot spawn com.a")
    assert msg.startswith("device X: cannot spawn com.a: ") and fix in msg and "\n" not in msg


@pytest.fixture
def not_frida() -> Iterator[int]:
    """A TCP server on loopback answering every connection with an HTTP response."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(4)

    def serve() -> None:
        while True:
            try:
                c, _ = srv.accept()
            except OSError:
                return
            with c:
                c.recv(4096)
                c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")

    threading.Thread(target=serve, daemon=True).start()
    yield int(srv.getsockname()[1])
    srv.close()


@pytest.mark.integration
@pytest.mark.timeout(60)
def test_server_of_another_protocol_is_one_line_exit_2_error(not_frida: int) -> None:
    from dynscan.device.android import AdbClient, AndroidDevice

    with ScriptedAdbServer(FakePhone()) as adb:
        dev = AndroidDevice("PHONE1", AdbClient("127.0.0.1", adb.port, timeout_s=5), frida_port=not_frida)
        with pytest.raises(SetupError) as e:
            dev.spawn("com.example.demo")
        dev.close()
    assert "do not speak the same protocol" in str(e.value) and "\n" not in str(e.value)
