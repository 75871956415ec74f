"""The adb host protocol on the wire: length-prefixed requests, ``OKAY``/``FAIL`` replies.

A client opens one TCP connection to the adb server (default ``127.0.0.1:5037``) per request. Each request
is its length as four hex digits then the text (``000chost:version``); the server answers ``OKAY`` or
``FAIL`` followed by a hex-length-prefixed message. Sources: AOSP ``packages/modules/adb/protocol.txt``,
``SERVICES.TXT`` and ``SYNC.TXT``.
"""

from __future__ import annotations

import contextlib
import os
import socket
from types import TracebackType

from dynscan.errors import SetupError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5037
MAX_REQUEST = 0xFFFF


class AdbError(SetupError):
    """The adb server refused a request (``FAIL``) or broke the protocol; one line."""


def default_address() -> tuple[str, int]:
    """``127.0.0.1:5037``, or the port in ``ANDROID_ADB_SERVER_PORT``."""
    raw = os.environ.get("ANDROID_ADB_SERVER_PORT", "").strip()
    if not raw:
        return DEFAULT_HOST, DEFAULT_PORT
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise SetupError(f"ANDROID_ADB_SERVER_PORT={raw!r} is not a TCP port number")
    return DEFAULT_HOST, int(raw)


def encode_request(request: str) -> bytes:
    """``host:version`` -> ``b"000chost:version"``."""
    data = request.encode("utf-8")
    if len(data) > MAX_REQUEST:
        raise AdbError(f"adb request too long ({len(data)} bytes): {request[:60]}...")
    return f"{len(data):04x}".encode("ascii") + data


def one_line(message: str) -> str:
    return " ".join(message.split())


class AdbConnection:
    """One socket to the adb server. Use as a context manager."""

    def __init__(self, host: str, port: int, timeout_s: float = 10.0) -> None:
        self.host, self.port = host, port
        try:
            self.sock = socket.create_connection((host, port), timeout=timeout_s)
        except OSError as e:
            raise SetupError(
                f"no adb server at {host}:{port} ({e.strerror or e}): start one with `adb start-server`"
            ) from e

    def __enter__(self) -> AdbConnection:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.close()

    def send_raw(self, data: bytes) -> None:
        try:
            self.sock.sendall(data)
        except OSError as e:
            raise AdbError(f"adb server at {self.host}:{self.port} closed the connection: {e}") from e

    def recv_exact(self, n: int) -> bytes:
        buf = bytearray()
        while len(buf) < n:
            try:
                chunk = self.sock.recv(n - len(buf))
            except OSError as e:
                raise AdbError(f"adb server at {self.host}:{self.port}: read failed: {e}") from e
            if not chunk:
                raise AdbError(f"adb server at {self.host}:{self.port} closed the connection mid-reply")
            buf += chunk
        return bytes(buf)

    def recv_all(self) -> bytes:
        """Everything until the server closes the stream."""
        parts: list[bytes] = []
        while True:
            try:
                chunk = self.sock.recv(65536)
            except OSError as e:
                raise AdbError(f"adb server at {self.host}:{self.port}: read failed: {e}") from e
            if not chunk:
                return b"".join(parts)
            parts.append(chunk)

    def read_hex_block(self) -> str:
        size = self.recv_exact(4).decode("ascii", "replace")
        try:
            n = int(size, 16)
        except ValueError as e:
            raise AdbError(f"adb server sent a bad length {size!r}") from e
        return self.recv_exact(n).decode("utf-8", "replace")

    def read_status(self, request: str) -> None:
        """Read ``OKAY``, or raise :class:`AdbError` with the server's ``FAIL`` message."""
        status = self.recv_exact(4)
        if status == b"OKAY":
            return
        if status == b"FAIL":
            raise AdbError(f"adb: {request.split(':', 2)[-1] or request}: {one_line(self.read_hex_block())}")
        raise AdbError(f"adb server sent {status!r} instead of OKAY/FAIL for {request}")

    def request(self, request: str) -> None:
        """Send a request and wait for ``OKAY``."""
        self.send_raw(encode_request(request))
        self.read_status(request)
