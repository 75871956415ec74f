"""dynscan's adb client: adbutils 2.x (openatx/adbutils, MIT) behind the one seam the Android layer uses.

adbutils speaks the adb server's host protocol: ``host:tport:serial:S`` to reach a device (servers 41+),
``shell,v2:`` with exit status when the device has ``shell_v2`` (else ``shell:`` plus a marker), ``sync:``
for push/pull, ``root:``, ``host-serial:S:wait-for-any-device``. What stays hand-written here, and why:

- **No auto-started server.** adbutils' ``AdbConnection`` runs ``adb start-server`` when nothing listens;
  dynscan must never leave a daemon running behind a user's back, so :class:`_Connection` only connects and
  a missing server is one line saying how to start one.
- **``host:devices-l`` parsing.** adbutils splits lines on whitespace, so ``no permissions (user in plugdev
  group; ...)`` becomes the state ``no``; :func:`parse_devices` keeps the whole state.
- **``killforward`` and ``reverse:killforward``.** adbutils has no call for them; they are sent through its
  own ``open_transport``.
- **Errors.** adbutils raises ``AdbError`` with the server's text (sometimes a tuple); :func:`transport_hint`
  turns it into one line that names the fix.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import adbutils

from dynscan.errors import SetupError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5037
#: ``adb devices -l`` states that are a phrase, not one word
_STATE = re.compile(r"^(\S+)\s+(no permissions(?: \([^)]*\))?(?:; see \[[^\]]*\])?|\S+)\s*(.*)$")


RootMode = Literal["adbd", "su", "su0", "adb_root", "none"]


class AdbError(SetupError):
    """The adb server refused a request or the connection broke; one line."""


def one_line(message: str) -> str:
    return " ".join(message.split())


def default_address() -> tuple[str, int]:
    """``127.0.0.1:5037``, or the port in ``ANDROID_ADB_SERVER_PORT``."""
    import os

    raw = os.environ.get("ANDROID_ADB_SERVER_PORT", "").strip()
    if not raw:
        return DEFAULT_HOST, DEFAULT_PORT
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise SetupError(f"ANDROID_ADB_SERVER_PORT={raw!r} is not a TCP port number")
    return DEFAULT_HOST, int(raw)


@dataclass(frozen=True)
class DeviceEntry:
    """One line of ``host:devices-l``: serial, state (``device``, ``offline``, ``no permissions``...), attributes."""

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
    """``SERIAL  STATE key:value ...`` per line; the state ``no permissions (...)`` kept whole (``detail``)."""
    out: list[DeviceEntry] = []
    for line in text.splitlines():
        m = _STATE.match(line.strip())
        if m is None:
            continue
        serial, state, rest = m.groups()
        attrs = dict(p.split(":", 1) for p in rest.split() if ":" in p)
        if state.startswith("no permissions"):
            attrs["detail"], state = state, "no permissions"
        out.append(DeviceEntry(serial, state, attrs))
    return out


def transport_hint(serial: str, message: str) -> str:
    """A one-line explanation of a failed request to ``serial``, naming the fix."""
    low = message.lower()
    if "unauthorized" in low:
        return f"device {serial} is unauthorized: accept the USB debugging prompt on the phone, then retry"
    if "offline" in low:
        return f"device {serial} is offline: reconnect it or run `adb reconnect`"
    if "permission" in low and ("insufficient" in low or "udev" in low or "no permissions" in low):
        return (f"device {serial}: no permissions for its USB device: add a udev rule (or the plugdev group), "
                "replug it, and run `adb kill-server`")
    if "not found" in low:
        return f"device {serial} not found: see `adb devices` (or `dynscan devices`)"
    return f"device {serial}: {one_line(message)}"


def _text(e: BaseException) -> str:
    parts = [a.decode("utf-8", "replace") if isinstance(a, bytes) else str(a) for a in e.args]
    return one_line(" ".join(parts)) or type(e).__name__


class _Connection(adbutils.AdbConnection):  # type: ignore[misc]  # adbutils ships no type hints
    """adbutils' connection without its fallback of starting an adb server."""

    def _safe_connect(self) -> socket.socket:
        sock: socket.socket = self._create_socket()
        return sock


class _Client(adbutils.AdbClient):  # type: ignore[misc]
    def __init__(self, host: str, port: int, timeout_s: float) -> None:
        super().__init__(host, port)
        self.timeout_s = timeout_s

    def make_connection(self, timeout: float | None = None) -> adbutils.AdbConnection:
        try:
            c = _Connection(self.host, self.port)
        except adbutils.AdbError as e:
            raise AdbError(f"no adb server at {self.host}:{self.port} ({_text(e)}): "
                           "start one with `adb start-server`") from e
        c.conn.settimeout(timeout or self.timeout_s)
        return c


class AdbClient:
    """Talks to one adb server. ``host``/``port`` default to 127.0.0.1 and ``ANDROID_ADB_SERVER_PORT`` or 5037."""

    def __init__(self, host: str | None = None, port: int | None = None, timeout_s: float = 30.0) -> None:
        dhost, dport = default_address()
        self.host = host or dhost
        self.port = port or dport
        self.timeout_s = timeout_s
        self._client = _Client(self.host, self.port, timeout_s)
        self._devices: dict[str, adbutils.AdbDevice] = {}
        #: how each device reaches root, once found (:class:`dynscan.device.android.shell.DeviceShell`)
        self.root_modes: dict[str, RootMode] = {}

    def device(self, serial: str) -> adbutils.AdbDevice:
        if serial not in self._devices:
            self._devices[serial] = adbutils.AdbDevice(self._client, serial=serial)
        return self._devices[serial]

    @contextmanager
    def _errors(self, serial: str | None, what: str = "") -> Iterator[None]:
        try:
            yield
        except AdbError:
            raise
        except (adbutils.AdbError, EOFError, OSError) as e:
            text = _text(e)
            if isinstance(e, adbutils.AdbTimeout | TimeoutError):
                text = f"{what or 'adb'} timed out (the device stopped answering: unplugged or frozen?)"
            elif isinstance(e, EOFError | OSError) and not isinstance(e, adbutils.AdbError):
                text = f"{what or 'adb'}: the connection to the device broke ({text}): unplugged?"
            elif what:
                text = f"{what}: {text}"
            raise AdbError(transport_hint(serial, text) if serial else f"adb: {text}") from e

    # ------------------------------------------------------------------ host services

    def version(self) -> int:
        with self._errors(None):
            return int(self._client.server_version())

    def devices(self) -> list[DeviceEntry]:
        with self._errors(None), self._client.make_connection(self.timeout_s) as c:
            c.send_command("host:devices-l")
            c.check_okay()
            return parse_devices(c.read_string_block())

    def features(self, serial: str) -> frozenset[str]:
        with self._errors(serial):
            return frozenset(f for f in self.device(serial).get_features().strip().split(",") if f)

    def forward(self, serial: str, local: str, remote: str) -> None:
        """``adb forward``: e.g. ``forward(s, "tcp:27042", "tcp:27042")``."""
        with self._errors(serial, "adb forward"):
            self.device(serial).forward(local, remote)

    def forward_remove(self, serial: str, local: str) -> None:
        with self._errors(serial, "adb forward --remove"):
            self.device(serial).open_transport(f"killforward:{local}").close()

    def wait_for(self, serial: str, timeout_s: float) -> None:
        """``adb wait-for-device``: until ``serial`` is back in the ``device`` state."""
        with self._errors(serial, f"waiting {timeout_s:.0f} s for the device"):
            self._client.wait_for(serial, state="device", timeout=timeout_s)

    # ------------------------------------------------------------------ device services

    def reverse(self, serial: str, remote: str, local: str) -> None:
        """``adb reverse``: the device's ``remote`` port reaches the host's ``local`` port."""
        with self._errors(serial, "adb reverse"):
            self.device(serial).reverse(remote, local)

    def reverse_remove(self, serial: str, remote: str) -> None:
        with self._errors(serial, "adb reverse --remove"), self.device(serial).open_transport() as c:
            c.send_command(f"reverse:killforward:{remote}")
            c.check_okay()
            c.check_okay()

    def root(self, serial: str) -> str:
        """``adb root``: ask adbd to restart as root; returns what adbd says."""
        with self._errors(serial, "adb root"), self.device(serial).open_transport(timeout=self.timeout_s) as c:
            c.send_command("root:")  # as adbutils' AdbDevice.root, with dynscan's timeout instead of 600 s
            c.check_okay()
            out: Any = c.read_until_close()
        return one_line(out.decode("utf-8", "replace") if isinstance(out, bytes) else str(out))

    def unroot(self, serial: str) -> None:
        """``adb unroot``: adbd back to the shell user (it restarts; wait before the next request)."""
        with self._errors(serial, "adb unroot"), self.device(serial).open_transport(timeout=self.timeout_s) as c:
            c.send_command("unroot:")
            c.check_okay()
            c.read_until_close()
        self.root_modes.pop(serial, None)

    def shell(self, serial: str, command: str, timeout_s: float | None = None) -> ShellResult:
        """Run ``command`` with ``sh`` on the device; returns stdout, stderr and the exit status."""
        with self._errors(serial, f"`{command[:80]}`"):
            r = self.device(serial).shell2(command, timeout=timeout_s or self.timeout_s, v2=True)
        stdout = r.stdout if (r.stdout or r.stderr) else r.output  # shell v1 mixes both streams
        return ShellResult(stdout.replace("\r\n", "\n"), r.stderr, r.returncode)

    def check(self, serial: str, command: str, timeout_s: float | None = None) -> str:
        """``shell`` that raises :class:`SetupError` on a non-zero exit status; returns stdout."""
        r = self.shell(serial, command, timeout_s)
        if not r.ok:
            detail = one_line(r.stderr or r.stdout)[:200]
            raise SetupError(f"device {serial}: `{command}` failed (exit {r.exit_code}): {detail}")
        return r.stdout

    def push(self, serial: str, data: bytes, remote: str, mode: int = 0o644) -> None:
        with self._errors(serial, f"adb push {remote}"):
            self.device(serial).sync.push(data, remote, mode=mode)

    def pull(self, serial: str, remote: str) -> bytes:
        with self._errors(serial, f"adb pull {remote}"):
            return bytes(self.device(serial).sync.read_bytes(remote))

    def install(self, serial: str, apks: list[Path]) -> None:
        """Install ``apks`` (one APK, or a base and its splits) as one package: :mod:`.install`."""
        from dynscan.device.android.install import install_apks

        install_apks(self, serial, apks)
