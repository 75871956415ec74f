"""Which device may use ``--capture wireguard`` and where mitmdump's WireGuard server then listens."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import pytest

from dynscan.capture.wireguard_route import listen_for
from dynscan.errors import SetupError


class _Device:
    serial = "emulator-5554"

    def __init__(self, loopback: str | None) -> None:
        self.loopback = loopback

    def route_wireguard(self, conf: Path, ca_pem: Path) -> AbstractContextManager[list[str]]:
        return nullcontext([])

    def wait_wireguard(self, timeout_s: float) -> None:
        pass

    def wireguard_endpoint_host(self) -> str | None:
        return self.loopback


def test_emulator_dials_the_hosts_loopback() -> None:
    listen = listen_for(_Device("10.0.2.2"), None)
    assert listen.host == "127.0.0.1" and listen.endpoint(51820) == "10.0.2.2:51820"


def test_phone_needs_an_explicit_address() -> None:
    with pytest.raises(SetupError, match="--wireguard-host"):
        listen_for(_Device(None), None)
    listen = listen_for(_Device(None), "192.168.1.20")
    assert listen.host == "192.168.1.20" and listen.endpoint(7) == "192.168.1.20:7"


def test_virtual_device_is_refused() -> None:
    with pytest.raises(SetupError, match="virtual device has no VPN"):
        listen_for(object(), None)
