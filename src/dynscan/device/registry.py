"""Which devices dynscan can use: the virtual device, and phones and emulators behind an adb server."""

from __future__ import annotations

import shutil
from pathlib import Path

from dynscan.device.base import Device, DeviceInfo
from dynscan.errors import InputError

SIM_SERIAL = "sim"


def sim_info() -> DeviceInfo:
    """The virtual device's description, without starting anything."""
    notes: list[str] = []
    for tool in ("java", "javac", "keytool"):
        if shutil.which(tool) is None:
            notes.append(f"`{tool}` not found: install a JDK 17")
    return DeviceInfo(
        serial=SIM_SERIAL, kind="sim", model="dynscan virtual device (Pixel 5)", sdk_int=30,
        rooted=True, frida_server=not notes, ca_installed=True,
        notes=notes or ["built in; the session's proxy CA is trusted at launch"],
    )


def list_devices() -> list[DeviceInfo]:
    """Every device dynscan can see (adb devices only when an adb server is running)."""
    from dynscan.device.android import list_android_devices

    return [sim_info(), *list_android_devices(missing_ok=True)]


def open_device(serial: str | None, *, frida_server: Path | None = None) -> Device:
    """Open a device by serial (``sim`` or None: the virtual device). ``frida_server``: the binary a phone or
    emulator gets pushed (:mod:`dynscan.device.android.frida_server`); the virtual device needs none."""
    if serial in (None, SIM_SERIAL):
        from dynscan.device.sim import SimDevice

        return SimDevice()
    from dynscan.device.android import AdbClient, AndroidDevice

    client = AdbClient()
    known = {d.serial for d in client.devices()}
    if serial not in known:
        raise InputError(f"device {serial!r} is not attached (see `dynscan devices`)")
    return AndroidDevice(serial, client, frida_server=frida_server)
