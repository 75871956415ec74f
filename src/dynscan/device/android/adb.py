"""A Python adb client speaking the adb server's host protocol directly (no ``adb`` binary needed).

Covers what dynscan uses: device listing, shell with exit status (``shell,v2`` when the device has the
``shell_v2`` feature, else ``shell:`` with an exit-status marker), push/pull (``sync:``), forward, reverse
and install (push + ``pm install -r``, without ``-g``: the scenario must see the permission dialogs).
"""

from __future__ import annotations

import shlex
import struct
from dataclasses import dataclass, field
from pathlib import Path

from dynscan.device.android import sync
from dynscan.device.android.protocol import AdbConnection, AdbError, default_address, one_line
from dynscan.errors import SetupError

EXIT_MARKER = ":dynscan-exit:"
SHELL_V2 = "shell_v2"
# shell v2 packet ids (AOSP adb shell_protocol.h)
_STDOUT, _STDERR, _EXIT = 1, 2, 3


@dataclass(frozen=True)
class DeviceEntry:
    """One line of ``host:devices-l``: serial, state (``device``, ``offline``, ``unauthorized``...) and attributes."""

    serial: str
    state: str
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ShellResult:
    stdout: str
    stderr: str
    exit_code: int

    @property
    def ok(self) -> bool:
        return self.exit_code == 0


def parse_devices(text: str) -> list[DeviceEntry]:
    """Parse ``host:devices-l`` output: ``SERIAL  STATE key:value ...`` per line."""
    out: list[DeviceEntry] = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        attrs = dict(p.split(":", 1) for p in parts[2:] if ":" in p)
        out.append(DeviceEntry(parts[0], parts[1], attrs))
    return out


def transport_hint(serial: str, message: str) -> str:
    """A one-line explanation of a failed ``host:transport:SERIAL``."""
    low = message.lower()
    if "unauthorized" in low:
        return f"device {serial} is unauthorized: accept the USB debugging prompt on the phone, then retry"
    if "offline" in low:
        return f"device {serial} is offline: reconnect it or run `adb reconnect`"
    if "not found" in low:
        return f"device {serial} not found: see `adb devices` (or `dynscan devices`)"
    return f"device {serial}: {one_line(message)}"


class AdbClient:
    """Talks to one adb server. ``host``/``port`` default to 127.0.0.1 and ``ANDROID_ADB_SERVER_PORT`` or 5037."""

    def __init__(self, host: str | None = None, port: int | None = None, timeout_s: float = 30.0) -> None:
        dhost, dport = default_address()
        self.host = host or dhost
        self.port = port or dport
        self.timeout_s = timeout_s
        self._features: dict[str, frozenset[str]] = {}

    # ------------------------------------------------------------------ host services

    def connect(self) -> AdbConnection:
        return AdbConnection(self.host, self.port, self.timeout_s)

    def host_query(self, request: str) -> str:
        """A host request whose ``OKAY`` is followed by one hex-length-prefixed reply."""
        with self.connect() as c:
            c.request(request)
            return c.read_hex_block()

    def version(self) -> int:
        return int(self.host_query("host:version"), 16)

    def devices(self) -> list[DeviceEntry]:
        return parse_devices(self.host_query("host:devices-l"))

    def features(self, serial: str) -> frozenset[str]:
        if serial not in self._features:
            try:
                raw = self.host_query(f"host-serial:{serial}:features")
            except AdbError as e:
                raise AdbError(transport_hint(serial, str(e))) from e
            self._features[serial] = frozenset(f for f in raw.strip().split(",") if f)
        return self._features[serial]

    def forward(self, serial: str, local: str, remote: str) -> None:
        """``adb forward``: e.g. ``forward(s, "tcp:27042", "tcp:27042")``. The host answers OKAY twice."""
        req = f"host-serial:{serial}:forward:{local};{remote}"
        with self.connect() as c:
            c.request(req)
            c.read_status(req)

    def forward_remove(self, serial: str, local: str) -> None:
        req = f"host-serial:{serial}:killforward:{local}"
        with self.connect() as c:
            c.request(req)
            c.read_status(req)

    # ------------------------------------------------------------------ device services

    def open_service(self, serial: str, service: str) -> AdbConnection:
        """Switch a new connection to the device's transport, then open ``service`` on it."""
        c = self.connect()
        try:
            try:
                c.request(f"host:transport:{serial}")
            except AdbError as e:
                raise AdbError(transport_hint(serial, str(e))) from e
            c.request(service)
        except BaseException:
            c.close()
            raise
        return c

    def reverse(self, serial: str, remote: str, local: str) -> None:
        """``adb reverse``: the device's ``remote`` port reaches the host's ``local`` port."""
        with self.open_service(serial, f"reverse:forward:{remote};{local}") as c:
            c.read_status("reverse:forward")

    def reverse_remove(self, serial: str, remote: str) -> None:
        with self.open_service(serial, f"reverse:killforward:{remote}") as c:
            c.read_status("reverse:killforward")

    def shell(self, serial: str, command: str) -> ShellResult:
        """Run ``command`` with ``sh`` on the device; returns stdout, stderr and the exit status."""
        if SHELL_V2 in self.features(serial):
            with self.open_service(serial, f"shell,v2,raw:{command}") as c:
                return _read_shell_v2(c)
        with self.open_service(serial, f"shell:{command} ; echo {EXIT_MARKER}$?") as c:
            raw = c.recv_all().decode("utf-8", "replace")
        body, sep, tail = raw.rpartition(EXIT_MARKER)
        if not sep or not tail.strip().isdigit():
            raise AdbError(f"device {serial}: shell ended without an exit status: {command}")
        return ShellResult(body.replace("\r\n", "\n"), "", int(tail.strip()))

    def check(self, serial: str, command: str) -> str:
        """``shell`` that raises :class:`SetupError` on a non-zero exit status; returns stdout."""
        r = self.shell(serial, command)
        if not r.ok:
            detail = one_line(r.stderr or r.stdout)[:200]
            raise SetupError(f"device {serial}: `{command}` failed (exit {r.exit_code}): {detail}")
        return r.stdout

    def push(self, serial: str, data: bytes, remote: str, mode: int = 0o644, mtime: int = 0) -> None:
        with self.open_service(serial, "sync:") as c:
            sync.send(c, data, remote, mode, mtime)

    def pull(self, serial: str, remote: str) -> bytes:
        with self.open_service(serial, "sync:") as c:
            return sync.recv(c, remote)

    def install(self, serial: str, apk: Path) -> None:
        """Push the APK to ``/data/local/tmp`` and ``pm install -r`` it (no ``-g``), then delete the copy."""
        try:
            data = apk.read_bytes()
        except OSError as e:
            raise SetupError(f"cannot read {apk}: {e.strerror or e}") from e
        remote = f"/data/local/tmp/dynscan-{apk.stem.replace(' ', '_')}.apk"
        self.push(serial, data, remote)
        try:
            r = self.shell(serial, f"pm install -r {shlex.quote(remote)}")
        finally:
            self.shell(serial, f"rm -f {shlex.quote(remote)}")
        if not r.ok or "Failure" in r.stdout:
            raise SetupError(f"device {serial}: installing {apk.name} failed: {one_line(r.stdout + ' ' + r.stderr)}")


def _read_shell_v2(c: AdbConnection) -> ShellResult:
    out, err = bytearray(), bytearray()
    while True:
        header = _maybe_header(c)
        if header is None:
            raise AdbError("device shell closed without an exit status")
        kind, length = header
        payload = c.recv_exact(length) if length else b""
        if kind == _STDOUT:
            out += payload
        elif kind == _STDERR:
            err += payload
        elif kind == _EXIT:
            code = payload[0] if payload else 255
            return ShellResult(out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), code)


def _maybe_header(c: AdbConnection) -> tuple[int, int] | None:
    try:
        first = c.sock.recv(1)
    except OSError as e:
        raise AdbError(f"device shell: read failed: {e}") from e
    if not first:
        return None
    (length,) = struct.unpack("<I", c.recv_exact(4))
    return first[0], length
