"""One fixture JVM under the agent (the virtual device's catalog): Java and native (JNI) sockets, and TLS
plaintext through an SSLEngine. Native connects are reported only when no Java hook saw them."""

from __future__ import annotations

import base64
import http.server
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from agent_testkit import instrumented

from dynscan.capture.tls_flows import tls_hook_flows
from dynscan.hooks import load_catalog
from dynscan.identity import Identity

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]

NATIVE_SRC = Path(__file__).parent / "fixtures" / "native" / "nativenet.c"
IMEI = "868915043124781"
#: the app's output, the events, the ports it used, what the TLS server received
NetRun = tuple[list[str], list[dict[str, Any]], dict[str, int], list[bytes]]


def _java_home() -> Path:
    out = subprocess.run(["java", "-XshowSettings:properties", "-version"], capture_output=True, text=True).stderr
    (line,) = [x for x in out.splitlines() if x.strip().startswith("java.home =")]
    return Path(line.split("=", 1)[1].strip())


def _build_native(out: Path) -> Path:
    inc = _java_home() / "include"
    lib = out / "libnativenet.so"
    subprocess.run(["gcc", "-shared", "-fPIC", "-O1", f"-I{inc}", f"-I{inc / 'linux'}", "-o", str(lib),
                    str(NATIVE_SRC)], check=True, capture_output=True)
    return lib


class _Tls:
    def __init__(self, tmp: Path) -> None:
        cert, key = tmp / "cert.pem", tmp / "key.pem"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                        str(cert), "-days", "1", "-subj", "/CN=engine.example"], check=True, capture_output=True)
        self.got: list[bytes] = []
        got = self.got

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                got.append(self.rfile.read(int(self.headers["Content-Length"])))
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\nsecret")

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(cert, key)
        self.server.socket = ctx.wrap_socket(self.server.socket, server_side=True)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture(scope="module")
def net_run(tmp_path_factory: pytest.TempPathFactory, fixture_classes: Path) -> Iterator[NetRun]:
    tmp = tmp_path_factory.mktemp("net")
    lib = _build_native(tmp)
    tls = _Tls(tmp)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)  # connects complete in the backlog; nothing needs accepting
    udp = [socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(2)]
    for u in udp:
        u.bind(("127.0.0.1", 0))
    ports = {"tcp": listener.getsockname()[1], "udp1": udp[0].getsockname()[1], "udp2": udp[1].getsockname()[1],
             "tls": tls.server.server_port}
    try:
        with instrumented(fixture_classes, tmp / "s", "net", str(ports["tcp"]), str(ports["udp1"]),
                          str(ports["udp2"]), str(lib), str(ports["tls"]), f"imei={IMEI}",
                          specs=load_catalog().agent_specs("sim")) as run:
            run.release()
            out = run.finish()
            events = run.events()
        yield out, events, ports, tls.got
    finally:
        tls.server.shutdown()
        listener.close()
        for u in udp:
            u.close()


def test_native_connects_are_reported_once(net_run: NetRun) -> None:
    out, events, ports, _ = net_run
    assert "jni_connect=0" in out and "jni_sendto=4" in out, out
    nets = [e for e in events if e["kind"] == "net_connect" and e["host"] == "127.0.0.1"]
    by = [(e["via"], e["proto"], e["port"]) for e in nets]
    tcp, udp1, udp2 = ports["tcp"], ports["udp1"], ports["udp2"]
    assert by.count(("java.net.Socket.connect", "tcp", tcp)) == 1
    # the SocketChannel (no Java hook on the JVM) and the JNI connect: native, once each
    native = [e for e in nets if e["via"] == "libc.connect" and e["port"] == tcp]
    assert len(native) == 2, by
    assert any(f.startswith("fixture.app.NativeNet.connectTcp") for f in native[1]["stack"]), native[1]["stack"]
    assert any(f.startswith("fixture.app.Net.sockets") for f in native[0]["stack"]), native[0]["stack"]
    # the Java datagram is the Java hook's alone; the JNI one is native
    assert by.count(("java.net.DatagramSocket.send", "udp", udp1)) == 1
    assert ("libc.sendto", "udp", udp1) not in by
    assert by.count(("libc.sendto", "udp", udp2)) == 1
    assert all(e["source"] == "agent" and e["hook"].startswith("socket.") for e in nets)


def test_sslengine_plaintext_is_recorded(net_run: NetRun) -> None:
    out, events, ports, got = net_run
    assert "engine_response=secret" in out, out
    assert got == [f"imei={IMEI}".encode()]
    writes = [e for e in events if e["kind"] == "tls_write" and e["hook"] == "tls.jdk.engine.wrap"]
    reads = [e for e in events if e["kind"] == "tls_read" and e["hook"] == "tls.jdk.engine.unwrap"]
    sent = b"".join(base64.b64decode(e["data_b64"]) for e in writes)
    assert sent.startswith(b"POST /engine HTTP/1.1\r\n") and sent.endswith(f"imei={IMEI}".encode()), sent
    assert b"".join(base64.b64decode(e["data_b64"]) for e in reads).endswith(b"\r\n\r\nsecret")
    assert {(e["host"], e["port"]) for e in writes + reads} == {("127.0.0.1", ports["tls"])}
    assert len({e["conn"] for e in writes + reads}) == 1
    assert any(f.startswith("fixture.app.Net.send") for f in writes[0]["stack"]), writes[0]["stack"]
    # handed to the scanner like the socket hooks' plaintext: a tls_hook flow carrying the IMEI
    (flow,) = tls_hook_flows(events, Identity(imei=IMEI))
    assert flow["capture"] == "tls_hook" and flow["method"] == "POST" and flow["url"].endswith("/engine")
    assert {p["type"] for p in flow["pii"]} == {"imei"}
