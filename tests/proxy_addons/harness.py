"""A real mitmdump on a loopback port, a local upstream (HTTP, HTTPS, websocket, raw TCP) and clients.

Shared by the proxy-addon tests and the ``dynscan flows`` CLI test. Every process started here is
terminated by ``Mitmdump.stop`` (fixtures call it in their finaliser).
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import os
import socket
import socketserver
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from dynscan.proxy_addons import proxy_script, sinkhole_script
from dynscan.store import open_store

MITMDUMP = Path(sys.executable).parent / "mitmdump"
WS_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC11B85"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_listening(port: int, proc: subprocess.Popen[bytes] | None = None, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"mitmdump exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port}")


# -- upstream ---------------------------------------------------------------------------------
class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:
        pass

    def _reply(self) -> None:
        n = int(self.headers.get("content-length") or 0)
        while n > 0:
            n -= len(self.rfile.read(min(n, 1 << 20)))
        body = b"ok"
        self.send_response(200)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_PUT = _reply

    def do_GET(self) -> None:
        if self.headers.get("upgrade", "").lower() == "websocket":
            self._websocket()
        else:
            self._reply()

    def _websocket(self) -> None:
        key = self.headers["sec-websocket-key"].encode()
        accept = base64.b64encode(hashlib.sha1(key + WS_GUID).digest()).decode()
        self.send_response(101)
        self.send_header("upgrade", "websocket")
        self.send_header("connection", "Upgrade")
        self.send_header("sec-websocket-accept", accept)
        self.end_headers()
        self.wfile.flush()
        while True:
            frame = read_ws_frame(self.rfile)
            if frame is None or frame[0] == 0x8:
                self.wfile.write(b"\x88\x00")
                self.wfile.flush()
                return
            self.wfile.write(ws_frame(frame[1], mask=False))
            self.wfile.flush()
        self.close_connection = True


class _TcpEcho(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        while data := self.request.recv(65536):
            self.request.sendall(b"echo:" + data[:16])


class _Quiet(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that hang up (TLS probes, test resets) are not test failures


class Upstream:
    """HTTP + websocket, HTTPS (self-signed) and raw-TCP echo servers on 127.0.0.1."""

    def __init__(self, workdir: Path) -> None:
        self.http = _Quiet(("127.0.0.1", 0), _Handler)
        self.https = _Quiet(("127.0.0.1", 0), _Handler)
        key, crt = workdir / "up.key", workdir / "up.crt"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(crt)],
                       check=True, capture_output=True)
        sctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        sctx.load_cert_chain(crt, key)
        self.https.socket = sctx.wrap_socket(self.https.socket, server_side=True)
        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self.tcp = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _TcpEcho)
        self.tcp.daemon_threads = True
        self.threads = [threading.Thread(target=s.serve_forever, daemon=True)
                        for s in (self.http, self.https, self.tcp)]
        for t in self.threads:
            t.start()

    @property
    def http_port(self) -> int:
        return int(self.http.server_address[1])

    @property
    def https_port(self) -> int:
        return int(self.https.server_address[1])

    @property
    def tcp_port(self) -> int:
        return int(self.tcp.server_address[1])

    def stop(self) -> None:
        for s in (self.http, self.https, self.tcp):
            s.shutdown()
            s.server_close()


# -- websocket frames -------------------------------------------------------------------------
def ws_frame(payload: bytes, mask: bool = True, opcode: int = 0x1, rsv1: bool = False) -> bytes:
    head = bytes([0x80 | (0x40 if rsv1 else 0) | opcode])
    n = len(payload)
    mbit = 0x80 if mask else 0
    if n < 126:
        head += bytes([mbit | n])
    elif n < 65536:
        head += bytes([mbit | 126]) + n.to_bytes(2, "big")
    else:
        head += bytes([mbit | 127]) + n.to_bytes(8, "big")
    if not mask:
        return head + payload
    key = os.urandom(4)
    return head + key + bytes(b ^ key[i % 4] for i, b in enumerate(payload))


def read_ws_frame(f: Any) -> tuple[int, bytes] | None:
    head = f.read(2)
    if len(head) < 2:
        return None
    opcode, n, masked = head[0] & 0x0F, head[1] & 0x7F, head[1] & 0x80
    if n == 126:
        n = int.from_bytes(f.read(2), "big")
    elif n == 127:
        n = int.from_bytes(f.read(8), "big")
    key = f.read(4) if masked else b""
    data = f.read(n)
    if masked:
        data = bytes(b ^ key[i % 4] for i, b in enumerate(data))
    return opcode, data


# -- mitmdump ---------------------------------------------------------------------------------
class Mitmdump:
    """``mitmdump`` with the dynscan addons on a free loopback port."""

    def __init__(self, workdir: Path, session: Path, identity: Path | None, *, sinkhole: bool = False,
                 save: Path | None = None, options: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.confdir = workdir / "conf"
        self.session = session
        cmd = [str(MITMDUMP), "--listen-host", "127.0.0.1", "--listen-port", str(self.port),
               "--set", f"confdir={self.confdir}", "--set", "ssl_insecure=true", "-q",
               "-s", str(proxy_script()), "--set", f"dynscan_session={session}"]
        if identity is not None:
            cmd += ["--set", f"dynscan_identity={identity}"]
        if sinkhole:
            cmd += ["-s", str(sinkhole_script()), "--set", "dynscan_sinkhole=true"]
        if save is not None:
            cmd += ["-w", str(save)]
        for name, value in (options or {}).items():
            cmd += ["--set", f"{name}={value}"]
        self.log = (workdir / "mitmdump.log").open("wb")
        self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT)
        try:
            wait_listening(self.port, self.proc)
        except Exception:
            self.stop()
            raise

    @property
    def ca(self) -> Path:
        return self.confdir / "mitmproxy-ca-cert.pem"

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.log.close()

    # -- clients ----------------------------------------------------------------------------
    def http(self, method: str, url: str, headers: dict[str, str] | None = None, body: bytes | None = None,
             timeout: float = 30.0) -> int:
        """A plain-HTTP request through the proxy (absolute-form URL); returns the status."""
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            c.request(method, url, body=body, headers=headers or {})
            r = c.getresponse()
            r.read()
            return int(r.status)
        finally:
            c.close()

    def https(self, method: str, host: str, port: int, path: str, headers: dict[str, str] | None = None,
              body: bytes | None = None, timeout: float = 30.0, trust: bool = True) -> int:
        """An HTTPS request tunnelled with CONNECT, trusting the proxy's CA (or not)."""
        ctx = ssl.create_default_context(cafile=str(self.ca)) if trust else ssl.create_default_context()
        c = http.client.HTTPSConnection("127.0.0.1", self.port, timeout=timeout, context=ctx)
        c.set_tunnel(host, port)
        try:
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            r.read()
            return int(r.status)
        finally:
            c.close()

    def raw(self, data: bytes, timeout: float = 30.0) -> bytes:
        """Send raw bytes to the proxy; returns the first reply bytes."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as s:
            s.sendall(data)
            return s.recv(65536)

    def websocket(self, host: str, port: int, path: str, messages: list[bytes]) -> list[bytes]:
        """Open ``ws://`` through the proxy, send text frames, collect the echoes."""
        key = base64.b64encode(os.urandom(16)).decode()
        req = (f"GET http://{host}:{port}{path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
               f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        with socket.create_connection(("127.0.0.1", self.port), timeout=20) as s:
            s.sendall(req.encode())
            f = s.makefile("rb")
            status = f.readline()
            assert b"101" in status, status
            while f.readline() not in (b"\r\n", b""):
                pass
            echoes = []
            for m in messages:
                s.sendall(ws_frame(m))
                frame = read_ws_frame(f)
                assert frame is not None
                echoes.append(frame[1])
            s.sendall(ws_frame(b"", opcode=0x8))
            read_ws_frame(f)
            return echoes

    def open_websocket(self, host: str, port: int, path: str, tls: bool = False,
                       extensions: str = "") -> tuple[socket.socket, Any, bytes]:
        """``ws://`` (absolute-form request) or ``wss://`` (CONNECT, TLS with the proxy's CA) through
        the proxy; returns the socket, a reader on it and the response head (status line + headers)."""
        s: socket.socket = socket.create_connection(("127.0.0.1", self.port), timeout=20)
        target = f"http://{host}:{port}{path}"
        if tls:
            s.sendall(f"CONNECT {host}:{port} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
            f = s.makefile("rb")
            assert b"200" in f.readline()
            while f.readline() not in (b"\r\n", b""):
                pass
            s = ssl.create_default_context(cafile=str(self.ca)).wrap_socket(s, server_hostname=host)
            target = path
        key = base64.b64encode(os.urandom(16)).decode()
        ext = f"Sec-WebSocket-Extensions: {extensions}\r\n" if extensions else ""
        s.sendall((f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                   f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n{ext}\r\n")
                  .encode())
        f = s.makefile("rb")
        head = b""
        while (line := f.readline()) not in (b"\r\n", b""):
            head += line
        accept = base64.b64encode(hashlib.sha1(key.encode() + WS_GUID).digest())
        assert head.startswith(b"HTTP/1.1 101") and accept in head, head
        return s, f, head

    def tcp(self, host: str, port: int, payload: bytes) -> bytes:
        """CONNECT, then send a non-HTTP payload (mitmproxy relays it as raw TCP)."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=20) as s:
            s.sendall(f"CONNECT {host}:{port} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
            f = s.makefile("rb")
            assert b"200" in f.readline()
            while f.readline() not in (b"\r\n", b""):
                pass
            s.sendall(payload)
            return s.recv(65536)

    # -- results ----------------------------------------------------------------------------
    def events(self, kind: str = "flow") -> list[dict[str, Any]]:
        with open_store(self.session) as store:
            return [e for e in store.iter_raw() if e["kind"] == kind]

    def wait_event(self, marker: str, kind: str = "flow", timeout: float = 60.0,
                   field: str = "url") -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for e in self.events(kind):
                if marker in str(e.get(field, "")):
                    return e
            time.sleep(0.05)
        raise TimeoutError(f"no {kind} event with {marker!r} in {field}")


def pii_set(event: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {(p["type"], p["encoding"], p["location"]) for p in event["pii"]}


def iter_lines(path: Path) -> Iterator[str]:
    yield from path.read_text(errors="replace").splitlines()


# -- the test device --------------------------------------------------------------------------
IMEI = "356938035643809"  # valid Luhn
IDENTITY: dict[str, Any] = {
    "imei": IMEI,
    "android_id": "9774d56d682e549c",
    "mac": "02:1a:11:f0:3c:7d",
    "email": "Jane.Doe@Example.com",
    "phone_number": "+8613800138000",
    "adid": "38400000-8cf0-11bd-b23e-10b96e40000d",
    "oaid": "00000000-0000-0000-0000-000000000000",
    "latitude": 39.9042,
    "longitude": 116.4074,
    "extra": {"user_id": "u-88127345"},
}
OTHER_DEVICE = {
    "imei": "490154203237518",
    "android_id": "f1e2d3c4b5a69788",
    "mac": "02:1a:11:f0:3c:7e",
    "email": "john.roe@example.org",
    "adid": "cdda802e-fb9c-47ad-9866-0794d394c912",
}
