"""Pick the Frida device: local for the virtual device, USB or remote for Android."""

from __future__ import annotations

from typing import Any

import frida

from dynscan.errors import SetupError


def frida_device(serial: str | None = None, *, timeout_s: float = 5.0) -> Any:
    """``None``/``"sim"``/``"local"`` → the local device; ``host:port`` → remote; else a USB serial."""
    try:
        if serial in (None, "sim", "local"):
            return frida.get_local_device()
        if serial is not None and ":" in serial and not serial.startswith("emulator-"):
            return frida.get_device_manager().add_remote_device(serial)
        return frida.get_device(serial, timeout=int(timeout_s)) if serial else frida.get_usb_device()
    except (frida.InvalidArgumentError, frida.TimedOutError, frida.ServerNotRunningError) as e:
        raise SetupError(f"no Frida device {serial!r}: {e}") from e
