"""The device's identifiers, for the identity file (CONTRACTS section 3). Best effort: what cannot be read is left out.

- ``android_id``: ``settings get secure android_id``
- ``serial``: ``getprop ro.serialno``
- ``mac``: ``cat /sys/class/net/wlan0/address`` (readable on most builds; Android 11+ may randomise per network)
- ``imei``: ``service call iphonesubinfo 1 s16 com.android.shell`` as root, parsed from the Parcel dump.
  Transaction 1 is ``getDeviceId`` on the ISubscriberInfo/IPhoneSubInfo interface of Android 5-14; the
  code can move between releases, so a result that is not 14-16 digits is ignored.
"""

from __future__ import annotations

import re
from typing import Any

from dynscan.device.android.shell import DeviceShell

_QUOTED = re.compile(r"'([^']*)'")
_MAC = re.compile(r"^[0-9a-f]{2}(:[0-9a-f]{2}){5}$")


def parse_parcel_string(dump: str) -> str:
    """The text of a ``service call`` Parcel dump: the quoted columns joined, without the dots of 0 bytes."""
    if "Parcel(" not in dump:
        return ""
    text = "".join(_QUOTED.findall(dump))
    return re.sub(r"[.\s]", "", text)


def read_identity(shell: DeviceShell) -> dict[str, Any]:
    out: dict[str, Any] = {}
    aid = shell.run("settings get secure android_id")
    if aid.ok and aid.stdout.strip() not in ("", "null"):
        out["android_id"] = aid.stdout.strip()
    serial = shell.run("getprop ro.serialno").stdout.strip()
    if serial and serial != "unknown":
        out["serial"] = serial
    mac = shell.run("cat /sys/class/net/wlan0/address")
    if mac.ok and _MAC.match(mac.stdout.strip().lower()) and mac.stdout.strip() != "02:00:00:00:00:00":
        out["mac"] = mac.stdout.strip().lower()
    if shell.rooted:
        imei = parse_parcel_string(shell.run_root("service call iphonesubinfo 1 s16 com.android.shell").stdout)
        if re.fullmatch(r"\d{14,16}", imei):
            out["imei"] = imei
    return out
