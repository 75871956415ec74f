"""Route a device through mitmdump's WireGuard server for one session (``--capture wireguard``).

The device must be able to: push the client configuration, clear its proxy and restore it
(``route_wireguard``), say when the tester turned the tunnel on (``wait_wireguard``) and what address
it dials for this host's loopback (``wireguard_endpoint_host``). Android phones and emulators can; the
virtual device has no VPN and is refused with a one-line error.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol, runtime_checkable

from dynscan.capture.wireguard import WireGuardListen, check_listen_host
from dynscan.errors import SetupError


@runtime_checkable
class WireGuardDevice(Protocol):
    serial: str

    def route_wireguard(self, conf: Path, ca_pem: Path) -> AbstractContextManager[list[str]]: ...
    def wait_wireguard(self, timeout_s: float) -> None: ...
    def wireguard_endpoint_host(self) -> str | None: ...


def listen_for(device: object, host: str | None) -> WireGuardListen:
    """Where mitmdump listens and what the device dials: loopback for an emulator, ``host`` (required) for a phone."""
    if not isinstance(device, WireGuardDevice):
        raise SetupError("--capture wireguard needs a phone or an emulator (the virtual device has no VPN; "
                         "its containment already records every connection that bypasses the proxy)")
    if host is not None:
        return WireGuardListen(host=check_listen_host(host))
    loopback = device.wireguard_endpoint_host()
    if loopback is None:
        raise SetupError(f"device {device.serial} cannot reach this host's loopback over UDP (adb reverse carries "
                         "TCP only): pass --wireguard-host with an address of this host the phone reaches")
    return WireGuardListen(host="127.0.0.1", endpoint_host=loopback)


def announce(device: WireGuardDevice, notes: list[str], say: Callable[[str], None]) -> None:
    for note in notes:
        say(f"note: {note}")
    from dynscan.device.android.wireguard import REMOTE_CONF

    say(f"WireGuard: in the WireGuard app on {device.serial}, import {REMOTE_CONF} (\"Import from file\") "
        "and turn the tunnel on; Android asks once to allow the VPN")
