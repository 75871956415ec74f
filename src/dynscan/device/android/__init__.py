"""Real Android phones and emulators, through the adb server's protocol and a device-side frida-server."""

from dynscan.device.android.adb import AdbClient, DeviceEntry, ShellResult
from dynscan.device.android.device import AndroidDevice
from dynscan.device.android.journal import Journal, restore_from_journal
from dynscan.device.android.listing import list_android_devices
from dynscan.device.android.setup import DeviceSetup
from dynscan.errors import Terminated

__all__ = [
    "AdbClient", "AndroidDevice", "DeviceEntry", "DeviceSetup", "Journal", "ShellResult", "Terminated",
    "list_android_devices", "restore_from_journal",
]
