"""``list_android_devices``: what ``dynscan devices`` shows for adb-attached phones and emulators."""

from __future__ import annotations

from typing import Literal

from dynscan.device.android.adb import AdbClient
from dynscan.device.android.device import AndroidDevice
from dynscan.device.base import DeviceInfo
from dynscan.errors import SetupError

#: What to do about a device adb lists in a state other than ``device``.
STATE_FIXES = {
    "unauthorized": "accept the USB debugging prompt on the device",
    "offline": "reconnect the device or run `adb reconnect`",
    "no permissions": "add a udev rule for this USB device (or join the plugdev group), replug it and run "
                      "`adb kill-server`",
}


def list_android_devices(client: AdbClient | None = None, *, missing_ok: bool = True) -> list[DeviceInfo]:
    """Every device the adb server knows. No adb server: [] (or :class:`SetupError` if not ``missing_ok``)."""
    client = client or AdbClient()
    try:
        entries = client.devices()
    except SetupError:
        if missing_ok:
            return []
        raise
    out: list[DeviceInfo] = []
    for e in entries:
        kind: Literal["emulator", "phone"] = "emulator" if e.serial.startswith("emulator-") else "phone"
        if e.state != "device":
            fix = STATE_FIXES.get(e.state)
            note = f"{e.state}: {fix}" if fix else f"state {e.state}"
            out.append(DeviceInfo(e.serial, kind, e.attrs.get("model", "?"), 0, False, False, False, [note]))
            continue
        try:
            out.append(AndroidDevice(e.serial, client).info())
        except SetupError as err:
            out.append(DeviceInfo(e.serial, kind, e.attrs.get("model", "?"), 0, False, False, False, [str(err)]))
    return out
