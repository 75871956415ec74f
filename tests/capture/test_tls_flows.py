"""TLS-hook plaintext becomes flows for connections the proxy did not decrypt, scanned like the proxy's."""

from __future__ import annotations

import base64
import hashlib
import http.server
import ssl
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from dynscan.capture.tls_flows import tls_hook_flows
from dynscan.device.sim import SimDevice
from dynscan.identity import Identity
from dynscan.instrument.launch import instrument_app
from dynscan.store import open_store

ROOT = Path(__file__).resolve().parents[2]

IMEI = "868915043124781"


def _write(conn: int, host: str, data: bytes, ts: float = 1.0, stack: list[str] | None = None) -> dict[str, Any]:
    ev: dict[str, Any] = {"kind": "tls_write", "ts": ts, "conn": conn, "host": host, "port": 443,
                          "data_b64": base64.b64encode(data).decode(), "pid": 7}
    if stack:
        ev["stack"] = stack
    return ev


def test_pinned_connection_requests_become_tls_hook_flows_with_pii() -> None:
    stack = ["com.umeng.analytics.LogUploader.send(LogUploader.java:30)"]
    events = [
        _write(1, "pinned.umeng.com", b"POST /v1/log?x=1 HTTP/1.1\r\nHost: pinned.umeng.com\r\n", stack=stack),
        _write(1, "pinned.umeng.com", f"Content-Length: 20\r\n\r\nimei={IMEI}".encode()),
        _write(1, "pinned.umeng.com", b"GET /ping HTTP/1.1\r\nHost: pinned.umeng.com\r\n\r\n", ts=2.0),
        _write(2, "api.example.com", f"POST / HTTP/1.1\r\n\r\n{IMEI}".encode()),  # the proxy decrypted it
        {"kind": "flow", "ts": 1.5, "host": "api.example.com", "method": "POST", "url": "https://api.example.com/",
         "scheme": "https", "pii": []},
    ]
    opener = ["com.umeng.analytics.LogUploader.open(LogUploader.java:20)"]
    events.insert(0, {"kind": "net_request", "ts": 0.5, "host": "pinned.umeng.com", "url": "https://pinned.umeng.com/",
                      "stack": opener})
    flows = tls_hook_flows(events, Identity(imei=IMEI))
    assert [(f["method"], f["url"]) for f in flows] == [("POST", "https://pinned.umeng.com/v1/log?x=1"),
                                                        ("GET", "https://pinned.umeng.com/ping")]
    first = flows[0]
    assert first["capture"] == "tls_hook" and first["stack"] == opener and first["pid"] == 7  # the opener's
    assert tls_hook_flows(events[1:], Identity(imei=IMEI))[0]["stack"] == stack  # else the first write's
    assert {(p["type"], p["location"]) for p in first["pii"]} == {("imei", "body")}
    assert flows[1]["pii"] == []


def test_non_http_plaintext_is_one_message_and_garbage_is_skipped() -> None:
    events = [_write(3, "mqtt.example.net", b"\x10\x20MQTT" + IMEI.encode()),
              {"kind": "tls_write", "ts": 1, "conn": 4, "host": "x.example", "data_b64": "***not base64***"}]
    (flow,) = tls_hook_flows(events, Identity(imei=IMEI))
    assert flow["host"] == "mqtt.example.net" and flow["method"] == "?" and flow["pii"][0]["type"] == "imei"


def test_nothing_to_do_without_tls_writes() -> None:
    assert tls_hook_flows([{"kind": "flow", "host": "a", "ts": 1}], Identity()) == []


@pytest.mark.integration
@pytest.mark.timeout(180)
def test_an_sdk_behind_a_pinned_connection_is_caught_through_the_tls_hooks(tmp_path: Path) -> None:
    """examples/apps/pinned: its SDK pins its server's certificate and bypasses the proxy; the TLS
    hooks hand the plaintext over, and the IMEI in it is found, blamed on the SDK's stack."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "1", "-subj", "/CN=pinned.example"], check=True, capture_output=True)
    der = ssl.PEM_cert_to_DER_cert(cert.read_text())
    got: list[bytes] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            got.append(self.rfile.read(int(self.headers["Content-Length"])))
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    apk = tmp_path / "pinned.apk"
    subprocess.run([sys.executable, "-m", "dynscan", "sim", "build", str(ROOT / "examples" / "apps" / "pinned"),
                    "-o", str(apk)], check=True, capture_output=True, timeout=180)
    try:
        with SimDevice() as dev, open_store(tmp_path / "s") as store:
            info = dev.install(apk, grant_permissions=True)
            dev.set_clipboard(f"https://127.0.0.1:{server.server_port}/collect|{hashlib.sha256(der).hexdigest()}")
            agent = instrument_app(dev, info.package, store)
            try:
                assert dev.wait_for_exit(info.package, 30) is not None
                deadline = time.time() + 10
                while not got and time.time() < deadline:
                    time.sleep(0.1)
            finally:
                agent.stop()
            imei = dev.identity()["imei"]
            events = list(store.iter_raw())
    finally:
        server.shutdown()
    assert got == [f"imei={imei}".encode()]  # the pinned request did reach its own server
    (flow,) = tls_hook_flows(events, Identity(imei=imei))
    assert flow["capture"] == "tls_hook" and flow["method"] == "POST" and flow["url"].endswith("/collect")
    assert {p["type"] for p in flow["pii"]} == {"imei"}
    assert any(f.startswith("com.umeng.pinned.PinnedUploader") for f in flow["stack"]), flow["stack"]
